//! The bundled catalogue: valid, complete against the two papers, and honest.

use indsats::catalogue::{Catalogue, Origin, Scope, Status, load};

fn bundled() -> Catalogue {
    load::load(Origin::Bundled)
        .expect("bundled catalogue is valid")
        .catalogue
}

fn folded(text: &str) -> String {
    text.to_lowercase()
}

/// An entry whose name or an alias contains `needle` (case-insensitive).
fn has_named(catalogue: &Catalogue, needle: &str) -> bool {
    let needle = folded(needle);
    catalogue.initiatives.iter().any(|e| {
        folded(&e.name).contains(&needle) || e.aliases.iter().any(|a| folded(a).contains(&needle))
    })
}

#[test]
fn every_initiative_the_papers_name_is_present() {
    let catalogue = bundled();
    assert!(catalogue.initiatives.len() >= 35);
    for name in [
        // FGU institutions of the region, each its own entry.
        "FGU Aarhus",
        "FGU Østjylland",
        "FGU Sydøstjylland",
        "FGU Midtjylland",
        "FGU Skolen",
        "FGU Midt-Vest",
        "kommunale ungeindsats",
        "IPS-ung",
        "IPS-PLUS",
        // The forum's recommendations (2023 paper).
        "Fra kriminel til medarbejder",
        "psykiatrien",
        "Virksomhedsnetværk",
        "OCN Kompetencebevis",
        "Ansvarlighedspris",
        "Sociale klausuler",
        "Forberedende forløb",
        "HPX",
        "Buddy",
        "Kompetenceudvikling af undervisere",
        "Tidlig opsporing",
        "HF-enkeltfag",
        "HF Fundamentet",
        "Ungegarantien",
        "uddannelsespulje",
        "Rådet for Fremtidens Kompetencer",
        "Ungetopmøde",
        // Reformkommissionen examples.
        "Code of Care",
        "Fritidsjob med mentor",
        "Salling Group",
        "Coop Crew",
        "Talentspejderne",
        "Mentorbarn",
        "Mind Your Own Business",
        // The inspiration catalogue's examples.
        "erhvervsmentorer",
        "Nextworks",
        "Bedsteforældreordning",
        // Civil society in the forum.
        "headspace",
        "Ungdommens Røde Kors",
        "Kirkens Korshær",
        "Dansk Handicapforbund",
    ] {
        assert!(has_named(&catalogue, name), "no entry named like {name:?}");
    }
}

#[test]
fn the_vocabulary_has_all_19_municipalities() {
    let catalogue = bundled();
    let names: Vec<&str> = catalogue
        .vocabularies
        .municipalities
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    for name in [
        "Favrskov",
        "Hedensted",
        "Herning",
        "Holstebro",
        "Horsens",
        "Ikast-Brande",
        "Lemvig",
        "Norddjurs",
        "Odder",
        "Randers",
        "Ringkøbing-Skjern",
        "Samsø",
        "Silkeborg",
        "Skanderborg",
        "Skive",
        "Struer",
        "Syddjurs",
        "Viborg",
        "Aarhus",
    ] {
        assert!(names.contains(&name), "{name} missing");
    }
    assert_eq!(names.len(), 19);
}

#[test]
fn fgu_institutions_cover_their_municipalities() {
    let catalogue = bundled();
    let covers = |name: &str, ids: &[&str]| {
        let entry = catalogue
            .initiatives
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name}"));
        assert_eq!(entry.area.scope, Scope::Municipalities, "{name}");
        let mut listed = entry.area.municipalities.clone();
        listed.sort();
        let mut want: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
        want.sort();
        assert_eq!(listed, want, "{name}");
    };
    covers("FGU Aarhus", &["aarhus"]);
    covers(
        "FGU Østjylland",
        &["randers", "norddjurs", "syddjurs", "favrskov"],
    );
    covers(
        "FGU Sydøstjylland",
        &["horsens", "hedensted", "odder", "samso", "skanderborg"],
    );
    covers("FGU Midtjylland", &["silkeborg", "viborg"]);
    covers("FGU Skolen", &["holstebro", "lemvig", "skive", "struer"]);
    covers(
        "FGU Midt-Vest",
        &["herning", "ikast-brande", "ringkobing-skjern"],
    );
}

#[test]
fn status_is_honest() {
    let catalogue = bundled();
    let mut proposed = 0;
    for entry in &catalogue.initiatives {
        // Inspiration means outside the region, and outside the region is inspiration.
        assert_eq!(
            entry.status == Status::Inspiration,
            entry.area.scope == Scope::OutsideRegion,
            "{}",
            entry.id
        );
        proposed += usize::from(entry.status == Status::Proposed);
    }
    assert!(proposed >= 10, "the forum's recommendations are proposed");
    for id in ["ungegarantien-hjorring", "fritidsjob-med-mentor"] {
        assert_eq!(catalogue.find(id).unwrap().status, Status::Inspiration);
    }
    for id in [
        "fra-kriminel-til-medarbejder",
        "ansvarlighedspris",
        "sociale-klausuler",
        "tidlig-opsporing-saerlige-behov",
    ] {
        assert_eq!(catalogue.find(id).unwrap().status, Status::Proposed, "{id}");
    }
}

#[test]
fn no_invented_contact_details_and_every_paper_source_has_a_page() {
    let catalogue = bundled();
    for entry in &catalogue.initiatives {
        for contact in &entry.contacts {
            assert!(contact.name.is_none(), "{}: a person's name", entry.id);
            assert!(contact.phone.is_none(), "{}: a phone number", entry.id);
            assert!(contact.email.is_none(), "{}: an e-mail", entry.id);
            assert!(contact.address.is_none(), "{}: an address", entry.id);
        }
        for source in &entry.sources {
            let is_paper = source.title.contains("Regionalpolitisk forum")
                || source.title.contains("Fælles ambition");
            if is_paper {
                assert!(source.page.is_some(), "{}: paper without page", entry.id);
            }
        }
        let json = serde_json::to_string(entry).unwrap();
        assert!(!json.contains('@'), "{}: e-mail-like text", entry.id);
        assert_eq!(entry.last_verified.len(), 10);
    }
}
