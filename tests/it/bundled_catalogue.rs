//! The bundled catalogue: valid, complete against the two papers, and honest.

use indsats::catalogue::{Catalogue, Initiative, Kind, Origin, Scope, Status, load};

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
fn contact_points_are_organisations_with_a_cited_page() {
    let catalogue = bundled();
    for entry in &catalogue.initiatives {
        let read_pages = entry
            .sources
            .iter()
            .any(|s| s.url.is_some() && s.accessed.is_some());
        for contact in &entry.contacts {
            assert!(contact.name.is_none(), "{}: a person's name", entry.id);
            let reachable =
                contact.phone.is_some() || contact.email.is_some() || contact.address.is_some();
            assert!(
                !reachable || read_pages,
                "{}: a contact point needs a web page cited with the day it was read",
                entry.id
            );
        }
        for source in &entry.sources {
            let is_paper = source.title.contains("Regionalpolitisk forum")
                || source.title.contains("Fælles ambition");
            if is_paper {
                assert!(source.page.is_some(), "{}: paper without page", entry.id);
            }
        }
        assert_eq!(entry.last_verified.len(), 10);
    }
}

/// All the text of an entry a caseworker reads, in one lower-case string.
fn text_of(entry: &Initiative) -> String {
    let mut parts = vec![
        entry.name.clone(),
        entry.summary.clone(),
        entry.description.clone(),
    ];
    parts.extend(entry.eligibility.iter().cloned());
    parts.extend(entry.area.note.clone());
    parts.extend(entry.next_steps.iter().cloned());
    parts.extend(entry.providers.iter().cloned());
    for contact in &entry.contacts {
        parts.extend(contact.role.clone());
        parts.extend(contact.note.clone());
    }
    parts.join(" \n ").to_lowercase()
}

/// Phrases that doubt whether the whole initiative runs (not a detail of it).
const DOUBTS_IT_RUNS: [&str; 14] = [
    "om det findes i dag",
    "om den findes i dag",
    "om ordningen findes",
    "om tilbuddet findes",
    "om der kører forløb",
    "om det kører",
    "om den kører",
    "om ordningen kører",
    "om tilbuddet kører",
    "om projektet kører",
    "kan ikke bekræfte, at",
    "ikke bekræftet, at den kører",
    "ikke bekræftet, at det kører",
    "har kørt i",
];

#[test]
fn an_active_entry_never_doubts_that_it_runs() {
    let catalogue = bundled();
    for entry in catalogue
        .initiatives
        .iter()
        .filter(|e| e.status == Status::Active)
    {
        let text = text_of(entry);
        for doubt in DOUBTS_IT_RUNS {
            assert!(
                !text.contains(doubt),
                "{} is active but says {doubt:?}: make it unconfirmed, or say what is confirmed",
                entry.id
            );
        }
    }
    // The check itself can fail: these five are the ones the sources cannot confirm.
    for id in [
        "bedsteforaeldreordning",
        "frivillige-erhvervsmentorer",
        "kirkens-korshaer-inspiratoriet",
        "hf-fundamentet",
        "mind-your-own-business",
    ] {
        assert_eq!(
            catalogue.find(id).unwrap().status,
            Status::Unconfirmed,
            "{id}"
        );
    }
}

#[test]
fn no_entry_speaks_in_the_first_person() {
    let catalogue = bundled();
    for entry in &catalogue.initiatives {
        let text = text_of(entry);
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        for first_person in ["vi", "vores", "vort", "vore", "os", "jeg"] {
            assert!(
                !words.contains(&first_person),
                "{}: first person {first_person:?}; write \"Kilderne nævner ikke …\"",
                entry.id
            );
        }
    }
}

#[test]
fn councils_pools_and_strategies_are_not_offers() {
    let catalogue = bundled();
    let kind = |id: &str| catalogue.find(id).unwrap_or_else(|| panic!("{id}")).kind;
    assert_eq!(kind("uddannelsespulje"), Kind::Funding);
    assert_eq!(kind("raadet-for-fremtidens-kompetencer"), Kind::Policy);
    assert_eq!(kind("ungetopmoede"), Kind::Policy);
    assert_eq!(kind("fgu-skolen"), Kind::Offer);
    assert_eq!(kind("ips-ung"), Kind::Offer);
    assert!(
        catalogue
            .initiatives
            .iter()
            .any(|e| e.name.contains("EUD-strategi") && e.kind == Kind::Policy),
        "EUD-strategien is a policy entry"
    );
}

#[test]
fn every_target_group_and_theme_has_ten_keywords_and_towns_name_municipalities() {
    let catalogue = bundled();
    let vocab = &catalogue.vocabularies;
    for term in vocab.themes.iter().chain(&vocab.target_groups) {
        assert!(
            term.keywords.len() >= 10,
            "{}: {:?}",
            term.id,
            term.keywords
        );
    }
    let keyword_of = |word: &str| {
        vocab
            .target_groups
            .iter()
            .chain(&vocab.themes)
            .any(|t| t.keywords.iter().any(|k| k.eq_ignore_ascii_case(word)))
    };
    for situation in [
        "angst",
        "ADHD",
        "autisme",
        "misbrug",
        "hjemløs",
        "kontanthjælp",
    ] {
        assert!(keyword_of(situation), "no keyword {situation:?}");
    }
    let alias_of = |town: &str, id: &str| {
        vocab
            .municipalities
            .iter()
            .find(|m| m.id == id)
            .is_some_and(|m| m.aliases.iter().any(|a| a == town))
    };
    for (town, id) in [
        ("Århus", "aarhus"),
        ("Grenaa", "norddjurs"),
        ("Ebeltoft", "syddjurs"),
        ("Hadsten", "favrskov"),
        ("Tarm", "ringkobing-skjern"),
        ("Skjern", "ringkobing-skjern"),
        ("Bjerringbro", "viborg"),
    ] {
        assert!(alias_of(town, id), "{town} → {id}");
    }
}
