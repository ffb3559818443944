//! The local catalogue (`local.json` in the config dir): merge rules, checking
//! and where its entries show.

use std::path::Path;

use crate::common::{fixture, run_in};

/// A temporary home whose config dir holds `fixture` as `local.json`.
fn home_with_local(name: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config/indsats");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::copy(fixture(name), config.join("local.json")).unwrap();
    home
}

/// The start of `check`'s line for the bundled catalogue, with its real count.
fn bundled_line() -> String {
    format!(
        "<bundled catalogue>: {} initiatives",
        crate::common::bundled_total()
    )
}

fn local_path(home: &Path) -> String {
    home.join("config/indsats/local.json").display().to_string()
}

#[test]
fn new_ids_add_and_same_ids_replace() {
    let home = home_with_local("local-valid.json");
    let result = run_in(home.path(), &["check"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    // The bundled catalogue's own warnings (old contact points) come first.
    let lines: Vec<&str> = result
        .stdout
        .lines()
        .filter(|l| !l.starts_with("<bundled catalogue>: warning:"))
        .collect();
    assert!(lines[0].starts_with(&bundled_line()), "{}", result.stdout);
    // A municipality's existing version-1 file still loads, with one warning.
    assert_eq!(
        lines[1],
        format!(
            "{}: warning: schema_version 1: 2 initiatives have no 'kind' and are taken as 'offer'; set \"schema_version\": 2 and give each a kind",
            local_path(home.path())
        )
    );
    assert_eq!(
        lines[2],
        format!(
            "{}: local catalogue, 2 initiatives (1 added, 1 replacing an entry): ok",
            local_path(home.path())
        )
    );
    let bundled = crate::common::bundled_total();
    let merged = format!(
        "merged: {} initiatives, 19 municipalities, 7 themes",
        bundled + 1
    );
    assert!(lines[3].starts_with(&merged), "{}", lines[3]);

    // The replaced entry is the local one, and says where it came from.
    let shown = run_in(home.path(), &["show", "ips-ung"]);
    assert_eq!(shown.code, 0, "{}", shown.stderr);
    assert!(
        shown.stdout.starts_with("IPS-ung i Skive\n"),
        "{}",
        shown.stdout
    );
    assert!(shown.stdout.contains(&format!(
        "Fra det lokale katalog: {}",
        local_path(home.path())
    )));

    // The added entry carries its real contact details.
    let shown = run_in(home.path(), &["show", "skive-ungeguide"]);
    assert!(
        shown
            .stdout
            .contains("Test Testesen · Ungeguide · +45 00 00 00 00"),
        "{}",
        shown.stdout
    );
    assert!(shown.stdout.contains("Temaer: Bolig"));

    // Bundled entries are not marked as local.
    let shown = run_in(home.path(), &["show", "kui"]);
    assert!(!shown.stdout.contains("lokale katalog"));
}

#[test]
fn an_invalid_local_entry_is_reported_with_the_local_path() {
    let home = home_with_local("local-invalid.json");
    let local = local_path(home.path());
    let result = run_in(home.path(), &["check"]);
    assert_eq!(result.code, 1);
    for line in [
        format!(
            "{local}: initiative 'skive-ungeguide': last_verified: '2026-13-01' is not a valid date; expected YYYY-MM-DD"
        ),
        format!(
            "{local}: initiative 'skive-ungeguide': themes[0]: unknown theme 'bolig' (known: erhverv, mentor, rammer, samarbejde, uddannelse, udsatte)"
        ),
        format!(
            "{local}: initiative 'skive-ungeguide': contacts[0].email: 'ikke en adresse' is not an e-mail address"
        ),
    ] {
        assert!(
            result.stderr.contains(&line),
            "missing {line}\nin {}",
            result.stderr
        );
    }
    // The base catalogue was fine and said so.
    assert!(
        result
            .stdout
            .lines()
            .any(|l| l.starts_with(&bundled_line())),
        "{}",
        result.stdout
    );
    // The app starts without it and says so in one line (check tells the rest).
    let app = run_in(home.path(), &["show", "kui"]);
    assert_eq!(app.code, 0, "{}", app.stderr);
    assert_eq!(
        app.stderr,
        format!("indsats: {local} ignoreret: ugyldig, se indsats check\n")
    );
}

#[test]
fn check_local_validates_a_file_before_it_is_deployed() {
    let home = tempfile::tempdir().unwrap();
    let path = fixture("local-valid.json");
    let result = run_in(home.path(), &["check", "--local", path.to_str().unwrap()]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(
        result
            .stdout
            .contains("(1 added, 1 replacing an entry): ok")
    );
    // As a full catalogue the same file is incomplete.
    let result = run_in(home.path(), &["check", path.to_str().unwrap()]);
    assert_eq!(result.code, 1);
    assert!(
        result
            .stderr
            .contains("vocabularies.target_groups: missing required field"),
        "{}",
        result.stderr
    );
}

#[test]
fn a_patch_adds_contacts_keywords_and_a_note_marked_local() {
    let home = home_with_local("local-patch.json");
    let check = run_in(home.path(), &["check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check.stdout.contains(&format!(
            "{}: local catalogue, 0 initiatives (0 added, 0 replacing an entry, 1 patched): ok",
            local_path(home.path())
        )),
        "{}",
        check.stdout
    );
    let show = run_in(home.path(), &["show", "kui"]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    assert!(
        show.stdout
            .contains("Lokal note: Ungeindsatsen holder åben rådgivning på biblioteket"),
        "{}",
        show.stdout
    );
    // The contact line, unwrapped.
    let text = show.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        text.contains(
            "Ungeindsatsen, Samsø Kommune · Fast kontakt for unge under 25 · 87 92 22 00 (lokal)"
        ),
        "{}",
        show.stdout
    );
    // The entry's own contacts stay, unmarked, before the patch's.
    let own = show.stdout.find("UU Nordvestjylland").expect("own contact");
    let patched = show.stdout.find("(lokal)").expect("patched contact");
    assert!(own < patched);
    // The keyword is searched as the entry's own word.
    let search = run_in(home.path(), &["search", "--json", "færgen"]);
    assert_eq!(search.code, 0, "{}", search.stderr);
    let json: serde_json::Value = serde_json::from_str(&search.stdout).unwrap();
    assert_eq!(json["results"][0]["id"], "kui", "{}", search.stdout);
}

#[test]
fn a_patch_never_changes_what_an_entry_is() {
    let home = home_with_local("local-patch-bad.json");
    let result = run_in(home.path(), &["check"]);
    assert_ne!(result.code, 0);
    let path = local_path(home.path());
    for line in [
        format!(
            "{path}: initiative patch 'kui': name: a patch cannot change an entry's name, kind or status"
        ),
        format!(
            "{path}: initiative patch 'kui': status: a patch cannot change an entry's name, kind or status"
        ),
        format!(
            "{path}: initiative patch 'kui': colour: unknown field in a patch (expected one of: id, contacts, keywords, note)"
        ),
        format!(
            "{path}: initiative patch 'kui': a patch adds contacts, keywords or a note; it has none"
        ),
    ] {
        assert!(result.stderr.contains(&line), "{line}\n{}", result.stderr);
    }
    crate::common::assert_no_panic(&result);
}

#[test]
fn a_patch_for_an_unknown_entry_is_an_error() {
    let home = home_with_local("local-patch-unknown.json");
    let result = run_in(home.path(), &["check"]);
    assert_ne!(result.code, 0);
    assert!(
        result.stderr.contains(&format!(
            "{}: initiative patch 'findes-ikke': id: no entry of the catalogue in use has this id",
            local_path(home.path())
        )),
        "{}",
        result.stderr
    );
    // The app starts without it, without a panic, and says so.
    let search = run_in(home.path(), &["search", "kui"]);
    assert_eq!(search.code, 0, "{}", search.stderr);
    assert!(
        search.stderr.contains("local.json ignoreret: ugyldig"),
        "{}",
        search.stderr
    );
    crate::common::assert_no_panic(&search);
}
