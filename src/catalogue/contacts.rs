//! Contact points of an entry: which to show first for a municipality, and
//! how old the page is that vouches for one.
//!
//! Pure data logic; the words shown for it live with the UI strings.

use std::collections::BTreeSet;

use super::model::{Contact, Initiative, Source};
use crate::date::Date;

/// A contact point older than this many years is marked and warned about.
pub const OLD_SOURCE_YEARS: i32 = 3;

/// The contacts of `entry` in the order to show them for the chosen
/// `municipalities`: those serving a chosen one first, then those serving no
/// particular municipality, then the rest. File order within each group.
pub fn ordered<'e>(entry: &'e Initiative, municipalities: &BTreeSet<String>) -> Vec<&'e Contact> {
    let rank = |contact: &Contact| match (
        contact.municipalities.is_empty(),
        contact
            .municipalities
            .iter()
            .any(|m| municipalities.contains(m)),
    ) {
        (false, true) => 0,
        (true, _) => 1,
        (false, false) => 2,
    };
    let mut contacts: Vec<&Contact> = entry.contacts.iter().collect();
    contacts.sort_by_key(|c| rank(c));
    contacts
}

/// Whether `contact` serves another municipality than the chosen ones (so a
/// municipality filter may fold it away). False without a choice.
pub fn serves_only_others(contact: &Contact, municipalities: &BTreeSet<String>) -> bool {
    !municipalities.is_empty()
        && !contact.municipalities.is_empty()
        && !contact
            .municipalities
            .iter()
            .any(|m| municipalities.contains(m))
}

/// Whether a contact gives a way to reach someone (phone, e-mail or address),
/// as opposed to only naming an organisation or a web page.
pub fn is_reachable(contact: &Contact) -> bool {
    contact.phone.is_some() || contact.email.is_some() || contact.address.is_some()
}

/// The date of the newest dated page behind `contact`: the entry's sources
/// on the contact's own web host when there are any, else all of the entry's
/// web sources. `None` when none of them shows a date.
pub fn newest_source(entry: &Initiative, contact: &Contact) -> Option<Date> {
    let host = contact.url.as_deref().and_then(host_of);
    let web: Vec<&Source> = entry.sources.iter().filter(|s| s.url.is_some()).collect();
    let same_host: Vec<&Source> = web
        .iter()
        .copied()
        .filter(|s| host.is_some() && s.url.as_deref().and_then(host_of) == host)
        .collect();
    let pool = if same_host.is_empty() { web } else { same_host };
    pool.iter()
        .filter_map(|s| s.date.as_deref().and_then(Date::parse_partial))
        .max()
}

/// The year of the newest page behind a reachable `contact`, when that page
/// is more than [`OLD_SOURCE_YEARS`] years older than `today`.
pub fn old_source_year(entry: &Initiative, contact: &Contact, today: Date) -> Option<i32> {
    if !is_reachable(contact) {
        return None;
    }
    let newest = newest_source(entry, contact)?;
    let limit = Date {
        year: today.year - OLD_SOURCE_YEARS,
        ..today
    };
    (newest < limit).then_some(newest.year)
}

/// The one contact point to show on a single line (the meeting screen's
/// "Kontakt"): for a chosen municipality, the first contact serving it that
/// can be phoned, written or visited (else its first with a web page), else
/// the first serving no particular municipality; with none chosen, the first
/// that can be reached. `others` counts the municipalities the remaining
/// contacts serve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Reach<'e> {
    /// The contact shown.
    pub contact: &'e Contact,
    /// How many other municipalities have a contact of their own.
    pub others: usize,
}

/// See [`Reach`]. `None` when no contact serves the chosen municipalities
/// (nor all of them), or the entry has none.
pub fn reach<'e>(entry: &'e Initiative, municipalities: &BTreeSet<String>) -> Option<Reach<'e>> {
    let serves = |c: &Contact| c.municipalities.iter().any(|m| municipalities.contains(m));
    let pick = |pool: &mut dyn Iterator<Item = &'e Contact>| {
        let pool: Vec<&Contact> = pool.collect();
        let first = pool.iter().copied().find(|c| is_reachable(c));
        first.or_else(|| pool.iter().copied().find(|c| c.url.is_some()))
    };
    let contact = if municipalities.is_empty() {
        pick(&mut entry.contacts.iter())?
    } else {
        pick(&mut entry.contacts.iter().filter(|c| serves(c))).or_else(|| {
            pick(
                &mut entry
                    .contacts
                    .iter()
                    .filter(|c| c.municipalities.is_empty()),
            )
        })?
    };
    let mut others: BTreeSet<&str> = entry
        .contacts
        .iter()
        .flat_map(|c| c.municipalities.iter().map(String::as_str))
        .filter(|m| !municipalities.contains(*m))
        .collect();
    for m in &contact.municipalities {
        others.remove(m.as_str());
    }
    Some(Reach {
        contact,
        others: others.len(),
    })
}

/// A web address as short as a line needs: its host without `www.`, with the
/// path when that is short (`randers.dk/uu`).
pub fn short_web(url: &str) -> String {
    let Some(host) = host_of(url) else {
        return url.to_owned();
    };
    let rest = url.split_once("://").map_or("", |(_, r)| r);
    let path = rest
        .split_once('/')
        .map_or("", |(_, p)| p)
        .trim_end_matches('/');
    if !path.is_empty() && path.len() <= SHORT_PATH && !path.contains(['?', '#']) {
        format!("{host}/{path}")
    } else {
        host.to_owned()
    }
}

/// Longest path kept by [`short_web`], in bytes.
const SHORT_PATH: usize = 16;

/// The host of an `https://` address, without a leading `www.`.
fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?;
    Some(host.strip_prefix("www.").unwrap_or(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(org: &str, municipalities: &[&str]) -> Contact {
        Contact {
            organisation: org.to_owned(),
            phone: Some("70 12 34 56".to_owned()),
            municipalities: municipalities.iter().map(|m| (*m).to_owned()).collect(),
            ..Contact::default()
        }
    }

    fn entry(contacts: Vec<Contact>, sources: Vec<Source>) -> Initiative {
        let json = serde_json::json!({
            "id": "x", "name": "X", "summary": "s", "description": "d",
            "status": "active", "kind": "offer", "themes": ["t"], "target_groups": ["g"],
            "area": {"scope": "region"}, "next_steps": ["n"],
            "sources": [], "last_verified": "2026-11-23"
        });
        let mut entry: Initiative = serde_json::from_value(json).unwrap();
        entry.contacts = contacts;
        entry.sources = sources;
        entry
    }

    fn source(url: &str, date: Option<&str>) -> Source {
        Source {
            title: "t".to_owned(),
            url: Some(url.to_owned()),
            page: None,
            date: date.map(str::to_owned),
            accessed: None,
        }
    }

    #[test]
    fn the_reach_is_the_chosen_municipalitys_own_contact() {
        let mut web_only = contact("Web", &["randers"]);
        web_only.phone = None;
        web_only.url = Some("https://randers.dk/uu/".to_owned());
        let e = entry(
            vec![
                contact("Horsens", &["horsens"]),
                web_only,
                contact("Randers", &["randers"]),
                contact("Skive", &["skive", "randers"]),
            ],
            vec![],
        );
        let chosen: BTreeSet<String> = ["randers".to_owned()].into();
        let found = reach(&e, &chosen).expect("a contact for Randers");
        // The first that can be phoned, not the first listed for Randers.
        assert_eq!(found.contact.organisation, "Randers");
        assert_eq!(found.others, 2, "Horsens and Skive");
        // None chosen: the first reachable, and the rest counted.
        let found = reach(&e, &BTreeSet::new()).expect("a contact");
        assert_eq!(found.contact.organisation, "Horsens");
        assert_eq!(found.others, 2, "Randers and Skive");
        // A municipality no contact serves, and no general contact: none.
        let lemvig: BTreeSet<String> = ["lemvig".to_owned()].into();
        assert_eq!(reach(&e, &lemvig), None);
    }

    #[test]
    fn a_short_web_address_keeps_a_short_path() {
        assert_eq!(short_web("https://www.randers.dk/uu/"), "randers.dk/uu");
        assert_eq!(
            short_web("https://horsens.dk/Job/Ledighed/Uddannelseshjaelp"),
            "horsens.dk"
        );
        assert_eq!(short_web("https://uuskive.dk"), "uuskive.dk");
    }

    #[test]
    fn the_chosen_municipality_comes_first_then_general_then_others() {
        let e = entry(
            vec![
                contact("Aarhus", &["aarhus"]),
                contact("Alle", &[]),
                contact("Skive", &["skive"]),
            ],
            Vec::new(),
        );
        let chosen: BTreeSet<String> = ["skive".to_owned()].into();
        let names: Vec<&str> = ordered(&e, &chosen)
            .iter()
            .map(|c| c.organisation.as_str())
            .collect();
        assert_eq!(names, ["Skive", "Alle", "Aarhus"]);
        let none = BTreeSet::new();
        let names: Vec<&str> = ordered(&e, &none)
            .iter()
            .map(|c| c.organisation.as_str())
            .collect();
        assert_eq!(names, ["Alle", "Aarhus", "Skive"]);
        assert!(serves_only_others(&e.contacts[0], &chosen));
        assert!(!serves_only_others(&e.contacts[1], &chosen));
        assert!(!serves_only_others(&e.contacts[0], &none));
    }

    #[test]
    fn a_contact_is_old_when_its_newest_page_is_over_three_years_old() {
        let today = Date::parse_iso("2026-11-23").unwrap();
        let mut c = contact("Skive", &["skive"]);
        c.url = Some("https://www.skive.dk/unge".to_owned());
        // The contact's own host decides, not an unrelated newer page.
        let e = entry(
            vec![c.clone()],
            vec![
                source("https://skive.dk/unge", Some("2020")),
                source("https://fgu.dk", Some("2026-01-01")),
            ],
        );
        assert_eq!(old_source_year(&e, &e.contacts[0], today), Some(2020));
        // A newer page on the same host clears it.
        let e = entry(
            vec![c.clone()],
            vec![
                source("https://skive.dk/unge", Some("2020")),
                source("https://skive.dk/kontakt", Some("2024-02")),
            ],
        );
        assert_eq!(old_source_year(&e, &e.contacts[0], today), None);
        // Exactly three years is not over three years; undated is unknown.
        let e = entry(
            vec![c.clone()],
            vec![source("https://skive.dk", Some("2023-11-23"))],
        );
        assert_eq!(old_source_year(&e, &e.contacts[0], today), None);
        let e = entry(vec![c], vec![source("https://skive.dk", None)]);
        assert_eq!(old_source_year(&e, &e.contacts[0], today), None);
    }
}
