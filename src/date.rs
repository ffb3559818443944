//! Calendar dates in the ISO `YYYY-MM-DD` form the catalogue uses.
//!
//! Kept tiny on purpose: the catalogue needs only parsing, comparison and the
//! number of days between two dates (to flag entries not verified for a year).

use std::fmt;

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1000–9999.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month, 1–31.
    pub day: u32,
}

/// The caseworkers' time zone.
const DANISH_ZONE: &str = "Europe/Copenhagen";

impl Date {
    /// Parses exactly `YYYY-MM-DD` and checks that the day exists.
    pub fn parse_iso(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let year = digits(0..4)? as i32;
        let month = digits(5..7)?;
        let day = digits(8..10)?;
        if year < 1000 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month)
        {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a web page often shows only
    /// a month or a year). A partial date stands for the *last* day of its
    /// period, so a page is never judged older than it can be.
    pub fn parse_partial(text: &str) -> Option<Date> {
        match text.len() {
            10 => Date::parse_iso(text),
            7 => {
                let month: u32 = text.get(5..7)?.parse().ok()?;
                let year = text.get(..4)?;
                let last = days_in_month(year.parse().ok()?, month.clamp(1, 12));
                Date::parse_iso(&format!("{text}-{last:02}"))
            }
            4 => Date::parse_iso(&format!("{text}-12-31")),
            _ => None,
        }
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Today's date in Denmark, from the system clock: the caseworkers'
    /// day, whatever zone the server runs in (between midnight and 01:00 or
    /// 02:00 Danish time UTC is still on yesterday). The zone's rules come
    /// bundled with `jiff`; should they ever fail, UTC.
    pub fn today() -> Date {
        Date::today_in(jiff::Timestamp::now())
    }

    /// The Danish date at `now`.
    fn today_in(now: jiff::Timestamp) -> Date {
        match jiff::tz::TimeZone::get(DANISH_ZONE) {
            Ok(zone) => {
                let date = zone.to_datetime(now).date();
                Date {
                    year: i32::from(date.year()),
                    month: date.month() as u32,
                    day: date.day() as u32,
                }
            }
            Err(_) => Date::from_days(now.as_second().div_euclid(86_400)),
        }
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.to_days() - self.to_days()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Whether an entry last verified on `verified` counts as stale on `today`:
/// more than a year (365 days) has passed.
pub fn is_stale(verified: Date, today: Date) -> bool {
    verified.days_until(today) > 365
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_dates_and_rejects_others() {
        assert_eq!(
            Date::parse_iso("2024-02-29"),
            Some(Date {
                year: 2024,
                month: 2,
                day: 29
            })
        );
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "2026-01-0a",
            "",
            "2026-00-10",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_000, 20_415, 2_000_000] {
            assert_eq!(Date::from_days(days).to_days(), days);
        }
        assert_eq!(Date::parse_iso("1970-01-01").unwrap().to_days(), 0);
        assert_eq!(
            Date::parse_iso("2026-11-23").unwrap().to_string(),
            "2026-11-23"
        );
    }

    #[test]
    fn staleness_is_more_than_a_year() {
        let verified = Date::parse_iso("2025-11-23").unwrap();
        assert!(!is_stale(verified, Date::parse_iso("2026-11-23").unwrap()));
        assert!(is_stale(verified, Date::parse_iso("2026-11-24").unwrap()));
    }

    #[test]
    fn today_is_the_danish_date() {
        let at = |text: &str| Date::today_in(text.parse::<jiff::Timestamp>().unwrap());
        // 23:30 UTC on 3 December is 00:30 on the 4th in Copenhagen (winter),
        // and 22:30 UTC on 30 June is 00:30 on 1 July (summer time).
        assert_eq!(
            at("2026-12-03T23:30:00Z"),
            Date::parse_iso("2026-12-04").unwrap()
        );
        assert_eq!(
            at("2026-06-30T22:30:00Z"),
            Date::parse_iso("2026-07-01").unwrap()
        );
        assert_eq!(
            at("2026-12-03T12:00:00Z"),
            Date::parse_iso("2026-12-03").unwrap()
        );
    }
}
