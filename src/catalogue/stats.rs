//! Figures about a catalogue for the people who keep it true (`indsats
//! stats`): entries by kind and status, running offers a caseworker can
//! reach, municipalities whose way in can be phoned, written to or visited,
//! and contact points whose page is old. Pure data logic.

use super::contacts::{is_reachable, old_source_year};
use super::model::{Catalogue, Contact, Initiative, Kind, Scope, Status};
use crate::date::Date;

/// The figures of one catalogue on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stats {
    /// Entries per kind (in [`Kind::ALL`] order) and status (in
    /// [`Status::ALL`] order).
    pub by_kind_status: [[usize; Status::ALL.len()]; Kind::ALL.len()],
    /// The running offers (kind offer, status active or pilot), by id.
    pub running: Vec<String>,
    /// Of them, those with no contact point at all (a national body's own
    /// counts here).
    pub running_without_any_point: Vec<String>,
    /// Of them, those with no contact point in or for the region.
    pub running_without_point: Vec<String>,
    /// Of them, those with no phone, e-mail or address in or for the region.
    pub running_without_reach: Vec<String>,
    /// The municipality ids whose way in (an entry marked `way_in`) has a
    /// contact with a phone, e-mail or address for them; then those without.
    pub reachable: Vec<String>,
    /// See `reachable`.
    pub unreachable: Vec<String>,
    /// Contact points with a phone, e-mail or address whose newest page is
    /// over three years old: entry id, contact index, organisation, year.
    pub old: Vec<(String, usize, String, i32)>,
}

/// A contact gives a contact point: a phone, e-mail, address, opening hours
/// or a page to sign up or refer on.
fn is_point(contact: &Contact) -> bool {
    is_reachable(contact) || contact.url.is_some() || contact.note.is_some()
}

/// Whether `contact` of `entry` is in or for the region: it names one of the
/// region's municipalities, or names none and the entry is offered in named
/// municipalities or the whole region (a national body's page does not count
/// for a national entry).
fn in_region(catalogue: &Catalogue, entry: &Initiative, contact: &Contact) -> bool {
    if contact.municipalities.is_empty() {
        return matches!(entry.area.scope, Scope::Municipalities | Scope::Region);
    }
    let known = &catalogue.vocabularies.municipalities;
    contact
        .municipalities
        .iter()
        .any(|m| known.iter().any(|k| &k.id == m))
}

/// Whether `contact` of `entry` serves `municipality`: it names it, or names
/// none and the entry is offered there by name.
fn serves(entry: &Initiative, contact: &Contact, municipality: &str) -> bool {
    if contact.municipalities.is_empty() {
        return entry.area.scope == Scope::Municipalities
            && entry.area.municipalities.iter().any(|m| m == municipality);
    }
    contact.municipalities.iter().any(|m| m == municipality)
}

/// Whether `entry` is a running offer: one to refer to today.
pub fn is_running_offer(entry: &Initiative) -> bool {
    entry.kind == Kind::Offer && matches!(entry.status, Status::Active | Status::Pilot)
}

/// Whether `entry` is offered in `municipality` (by name, regionally or
/// nationally; never an entry outside the region).
pub fn covers(entry: &Initiative, municipality: &str) -> bool {
    match entry.area.scope {
        Scope::Municipalities => entry.area.municipalities.iter().any(|m| m == municipality),
        Scope::Region | Scope::National => true,
        Scope::OutsideRegion => false,
    }
}

/// The figures of `catalogue` on `today`.
pub fn stats(catalogue: &Catalogue, today: Date) -> Stats {
    let mut by_kind_status = [[0; Status::ALL.len()]; Kind::ALL.len()];
    let (mut running, mut without_point, mut without_reach) = (Vec::new(), Vec::new(), Vec::new());
    let mut without_any_point = Vec::new();
    let mut old = Vec::new();
    for entry in &catalogue.initiatives {
        let kind = Kind::ALL.iter().position(|&k| k == entry.kind).unwrap_or(0);
        let status = Status::ALL
            .iter()
            .position(|&s| s == entry.status)
            .unwrap_or(0);
        by_kind_status[kind][status] += 1;
        let regional = |test: fn(&Contact) -> bool| {
            entry
                .contacts
                .iter()
                .any(|c| test(c) && in_region(catalogue, entry, c))
        };
        if is_running_offer(entry) {
            running.push(entry.id.clone());
            if !entry.contacts.iter().any(is_point) {
                without_any_point.push(entry.id.clone());
            }
            if !regional(is_point) {
                without_point.push(entry.id.clone());
            }
            if !regional(is_reachable) {
                without_reach.push(entry.id.clone());
            }
        }
        for (i, contact) in entry.contacts.iter().enumerate() {
            if let Some(year) = old_source_year(entry, contact, today) {
                old.push((entry.id.clone(), i, contact.organisation.clone(), year));
            }
        }
    }
    let (mut reachable, mut unreachable) = (Vec::new(), Vec::new());
    for municipality in &catalogue.vocabularies.municipalities {
        let m = municipality.id.as_str();
        let found = catalogue.initiatives.iter().filter(|e| e.way_in).any(|e| {
            e.contacts
                .iter()
                .any(|c| is_reachable(c) && serves(e, c, m))
        });
        if found {
            reachable.push(m.to_owned());
        } else {
            unreachable.push(m.to_owned());
        }
    }
    Stats {
        by_kind_status,
        running,
        running_without_any_point: without_any_point,
        running_without_point: without_point,
        running_without_reach: without_reach,
        reachable,
        unreachable,
        old,
    }
}

/// The gaps of one municipality: the running offers that cover it and give
/// no contact point for it, by id.
pub fn gaps(catalogue: &Catalogue, municipality: &str) -> Vec<String> {
    catalogue
        .initiatives
        .iter()
        .filter(|e| is_running_offer(e) && covers(e, municipality))
        .filter(|e| {
            !e.contacts
                .iter()
                .any(|c| is_point(c) && serves(e, c, municipality))
        })
        .map(|e| e.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::load::{Origin, load};

    fn bundled() -> Catalogue {
        load(Origin::Bundled).unwrap().catalogue
    }

    #[test]
    fn every_entry_is_counted_once() {
        let catalogue = bundled();
        let figures = stats(&catalogue, Date::parse_iso("2026-12-03").unwrap());
        let total: usize = figures.by_kind_status.iter().flatten().sum();
        assert_eq!(total, catalogue.initiatives.len());
        assert_eq!(
            figures.reachable.len() + figures.unreachable.len(),
            catalogue.vocabularies.municipalities.len()
        );
        assert!(figures.running_without_reach.len() >= figures.running_without_point.len());
    }

    #[test]
    fn a_national_bodys_contact_counts_only_as_a_contact_at_all() {
        let mut catalogue = bundled();
        let today = Date::parse_iso("2026-12-03").unwrap();
        let fgu = catalogue
            .initiatives
            .iter_mut()
            .find(|e| e.id == "fgu")
            .unwrap();
        assert_eq!(fgu.area.scope, Scope::National);
        fgu.contacts = vec![samso_contact(None, Some("https://fgu.dk/"))];
        fgu.contacts[0].municipalities.clear();
        let figures = stats(&catalogue, today);
        assert!(
            !figures
                .running_without_any_point
                .contains(&"fgu".to_owned())
        );
        assert!(figures.running_without_point.contains(&"fgu".to_owned()));
        let fgu = catalogue
            .initiatives
            .iter_mut()
            .find(|e| e.id == "fgu")
            .unwrap();
        fgu.contacts.clear();
        let figures = stats(&catalogue, today);
        assert!(
            figures
                .running_without_any_point
                .contains(&"fgu".to_owned())
        );
    }

    /// The bundled entry `kui`, to change.
    fn kui(catalogue: &mut Catalogue) -> &mut Initiative {
        catalogue
            .initiatives
            .iter_mut()
            .find(|e| e.id == "kui")
            .unwrap()
    }

    /// A contact for Samsø only.
    fn samso_contact(address: Option<&str>, url: Option<&str>) -> Contact {
        Contact {
            organisation: "Samsø Kommune".to_owned(),
            address: address.map(str::to_owned),
            url: url.map(str::to_owned),
            municipalities: vec!["samso".to_owned()],
            ..Contact::default()
        }
    }

    fn serves_samso(contact: &Contact) -> bool {
        contact.municipalities.contains(&"samso".to_owned())
    }

    #[test]
    fn a_way_in_contact_makes_its_municipality_reachable() {
        let mut catalogue = bundled();
        let day = Date::parse_iso("2026-12-03").unwrap();
        for entry in catalogue.initiatives.iter_mut().filter(|e| e.way_in) {
            entry.contacts.retain(|c| !serves_samso(c));
        }
        assert!(
            stats(&catalogue, day)
                .unreachable
                .contains(&"samso".to_owned())
        );
        kui(&mut catalogue)
            .contacts
            .push(samso_contact(Some("Søtofte 10, 8305 Samsø"), None));
        assert!(
            stats(&catalogue, day)
                .reachable
                .contains(&"samso".to_owned())
        );
    }

    #[test]
    fn a_gap_is_a_running_offer_with_nothing_for_the_municipality() {
        let mut catalogue = bundled();
        kui(&mut catalogue).contacts.retain(|c| !serves_samso(c));
        assert!(gaps(&catalogue, "samso").contains(&"kui".to_owned()));
        // An entry of another municipality is no gap of this one.
        assert!(!gaps(&catalogue, "samso").contains(&"fgu-skolen".to_owned()));
        kui(&mut catalogue)
            .contacts
            .push(samso_contact(None, Some("https://www.samsoe.dk/")));
        assert!(!gaps(&catalogue, "samso").contains(&"kui".to_owned()));
    }
}
