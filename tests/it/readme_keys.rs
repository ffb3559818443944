//! The README's key table is the app's key table: the same keys, places and
//! explanations as `src/app/keymap.rs`, which also drives the key map, the
//! hint bar and the help.

use indsats::app::keymap::markdown;
use indsats::i18n::Lang;

#[test]
fn readme_key_table_matches_the_key_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let table = markdown(Lang::En);
    assert!(
        readme.contains(&table),
        "README's key table differs from src/app/keymap.rs; it should read:\n\n{table}"
    );
    // And no other key table sits in the "Keys" section.
    let section = readme
        .split("### Keys")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a Keys section");
    for line in section.lines().filter(|l| l.starts_with('|')) {
        assert!(
            table.lines().any(|t| t == line),
            "README's Keys section has a row the key table does not: {line}"
        );
    }
}
