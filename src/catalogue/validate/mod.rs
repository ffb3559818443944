//! Validation of a catalogue file: walks the raw JSON and collects **every**
//! problem, then converts the checked value into the typed model. An entry
//! that plainly keeps every rule is read straight into the model instead
//! (`clean`); any other is checked on its JSON tree (`entry`).
//!
//! Used both at start-up and by `indsats check`, so the messages are the same.

mod checker;
mod clean;
#[cfg(test)]
mod clean_tests;
mod entry;
mod parallel;
#[cfg(test)]
mod parallel_tests;
mod patches;
mod rules;

use rustc_hash::FxHashMap as HashMap;

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

use super::model::{Catalogue, Initiative, Municipality, SCHEMA_VERSION, Term, Vocabularies};
use super::problem::Problem;
use crate::progress::{Progress, Stage};
use checker::Checker;
pub use rules::*;

/// Most problems listed; a file with more is broken beyond what a list helps with.
pub const MAX_PROBLEMS: usize = 500;

/// Parses `bytes` as a catalogue and validates it; `path` is how messages name the file.
pub fn parse_bytes(path: &str, bytes: &[u8]) -> Result<Catalogue, Vec<Problem>> {
    parse_str(path, utf8(path, bytes)?)
}

/// The bytes as text, or a `PATH:LINE:COL` problem where they stop being UTF-8.
/// A UTF-8 byte order mark at the start is accepted and skipped.
pub fn utf8<'b>(path: &str, bytes: &'b [u8]) -> Result<&'b str, Vec<Problem>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // The SIMD check reads a 10,000-entry file in about 3 ms, where the
    // standard library's takes 18 ms (its fast way is for ASCII alone, and
    // Danish text has a letter outside it every few words); it does not say
    // where the text fails, which the standard library's check then finds.
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Ok(text);
    }
    std::str::from_utf8(bytes).map_err(|err| {
        let (line, column) = line_col(&bytes[..err.valid_up_to()]);
        vec![Problem::Syntax {
            path: path.to_owned(),
            line,
            column,
            message: "the file is not valid UTF-8 text".to_owned(),
        }]
    })
}

/// Parses `text` as a catalogue and validates it; `path` is how messages name the file.
pub fn parse_str(path: &str, text: &str) -> Result<Catalogue, Vec<Problem>> {
    parse_str_with_warnings(path, text).map(|(catalogue, _)| catalogue)
}

/// Like [`parse_bytes`], also returning the warnings (problems that do not
/// make the file invalid, such as a version-1 file without `kind`).
pub fn parse_bytes_with_warnings(
    path: &str,
    bytes: &[u8],
) -> Result<(Catalogue, Vec<Problem>), Vec<Problem>> {
    parse_str_with_warnings(path, utf8(path, bytes)?)
}

/// Like [`parse_str`], also returning the warnings.
pub fn parse_str_with_warnings(
    path: &str,
    text: &str,
) -> Result<(Catalogue, Vec<Problem>), Vec<Problem>> {
    parse_str_reporting(path, text, None)
}

/// Like [`parse_bytes_with_warnings`], saying how far it has come in
/// `progress` (by the bytes of the initiatives checked).
pub fn parse_bytes_reporting(
    path: &str,
    bytes: &[u8],
    progress: &Progress,
) -> Result<(Catalogue, Vec<Problem>), Vec<Problem>> {
    parse_str_reporting(path, utf8(path, bytes)?, Some(progress))
}

fn parse_str_reporting(
    path: &str,
    text: &str,
    progress: Option<&Progress>,
) -> Result<(Catalogue, Vec<Problem>), Vec<Problem>> {
    let parts = parse_parts(path, text, None, progress)?;
    let warnings = parts.warnings;
    let catalogue = Catalogue {
        schema_version: SCHEMA_VERSION,
        // Both required: the checker has reported their absence already.
        title: parts.title.unwrap_or_default(),
        updated: parts.updated.unwrap_or_default(),
        vocabularies: Vocabularies {
            themes: parts.themes,
            target_groups: parts.target_groups,
            municipalities: parts.municipalities,
        },
        initiatives: parts.initiatives,
        maintainer: parts.maintainer,
    };
    Ok((catalogue, warnings))
}

/// A checked catalogue file, before it becomes a full or a local catalogue.
#[derive(Debug, Default)]
pub struct Parts {
    /// `title`, when present.
    pub title: Option<String>,
    /// `updated`, when present.
    pub updated: Option<String>,
    /// Vocabulary values of the file.
    pub themes: Vec<Term>,
    /// Vocabulary values of the file.
    pub target_groups: Vec<Term>,
    /// Vocabulary values of the file.
    pub municipalities: Vec<Municipality>,
    /// The initiatives.
    pub initiatives: Vec<Initiative>,
    /// `maintainer`, when present.
    pub maintainer: Option<crate::catalogue::model::Maintainer>,
    /// A local catalogue's additions to entries of the catalogue in use.
    pub patches: Vec<crate::catalogue::local::Patch>,
    /// Problems worth saying that do not make the file invalid.
    pub warnings: Vec<Problem>,
}

/// Parses and checks a catalogue; with `base`, as a local catalogue merged into
/// it (title, date and vocabularies optional, the base vocabulary usable).
///
/// Initiatives are checked and converted one at a time from their raw text, so
/// a large catalogue never exists as one big JSON tree in memory; in a large
/// file, on the cores there are (`parallel`), with the same result.
pub fn parse_parts(
    path: &str,
    text: &str,
    base: Option<&Vocabularies>,
    progress: Option<&Progress>,
) -> Result<Parts, Vec<Problem>> {
    let threads = if text.len() >= parallel::PARALLEL_BYTES {
        parallel::threads()
    } else {
        1
    };
    parse_parts_on(path, text, base, progress, threads)
}

/// [`parse_parts`], checking the initiatives on `threads` threads (this one
/// included; 1: the walk of `EachInitiative`, whatever the size).
pub(crate) fn parse_parts_on(
    path: &str,
    text: &str,
    base: Option<&Vocabularies>,
    progress: Option<&Progress>,
    threads: usize,
) -> Result<Parts, Vec<Problem>> {
    if text.trim().is_empty() {
        return Err(vec![Problem::Syntax {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: "the file is empty; expected a JSON catalogue object".to_owned(),
        }]);
    }
    // A key given twice would be resolved silently to the last one: it is
    // refused before anything else is said. On one thread, by a pass of its
    // own over the text, first; on several, as the text is read, and the
    // pass is made only where that could not tell (`unsure`) — or before a
    // problem is said, when the entries are not read yet.
    let passed = threads <= 1;
    if passed && let Some(problem) = duplicate_key(path, text) {
        return Err(vec![problem]);
    }
    let keys_first = |problems: Vec<Problem>| match passed {
        true => problems,
        false => duplicate_key(path, text).map_or(problems, |problem| vec![problem]),
    };
    let mut checker = Checker::new(path, base);
    let (top, mut unsure) = match crate::json_keys::raw_members(text) {
        Ok(top) => top,
        Err(err) if err.is_data() => {
            // Well-formed JSON, but not an object: say what it is.
            checker.report(
                "",
                format!(
                    "expected a JSON object at the top level, found {}",
                    raw_kind(text)
                ),
            );
            return Err(keys_first(checker.problems));
        }
        Err(err) => return Err(keys_first(vec![syntax_problem(path, &err)])),
    };
    if !passed {
        // All but the initiatives is small: one pass each.
        unsure |= top
            .iter()
            .any(|(key, raw)| key != "initiatives" && crate::json_keys::check(raw.get()).is_err());
    }
    // Everything but the initiatives is small: check it as a JSON tree.
    let small: Map<String, Value> = top
        .iter()
        .filter(|(key, _)| !matches!(key.as_str(), "initiatives" | "patches"))
        .filter_map(|(key, raw)| Some((key.clone(), serde_json::from_str(raw.get()).ok()?)))
        .collect();
    if !checker.top(&small, top.keys().map(String::as_str)) {
        return Err(keys_first(checker.problems));
    }
    let mut parts = Parts::default();
    if checker.local
        && let Some(raw) = top.get("patches")
    {
        match serde_json::from_str::<Value>(raw.get()) {
            Ok(value) => parts.patches = checker.patches(&value),
            Err(err) => checker.report("patches", format!("cannot read the patches: {err}")),
        }
    }
    match top.get("initiatives") {
        // A local catalogue may only patch.
        None if checker.local && top.contains_key("patches") => {}
        None => checker.report("initiatives", "missing required field"),
        Some(raw) => {
            let array = raw.get();
            let mut walker = serde_json::Deserializer::from_str(array);
            let walked = if threads > 1 {
                walker.deserialize_seq(parallel::EachBatch {
                    checker: &mut checker,
                    initiatives: &mut parts.initiatives,
                    array,
                    progress,
                    helpers: threads - 1,
                    unsure: &mut unsure,
                })
            } else {
                walker.deserialize_seq(EachInitiative {
                    checker: &mut checker,
                    initiatives: &mut parts.initiatives,
                    progress: progress.map(|p| (p, array)),
                })
            };
            match walked {
                Ok(0) => checker.report("initiatives", "must have at least one entry"),
                Ok(_) => {}
                Err(_) => {
                    unsure = true;
                    checker.report(
                        "initiatives",
                        format!("expected an array, found {}", raw_kind(raw.get())),
                    );
                }
            }
            checker.initiative = None;
        }
    }
    if unsure && !passed {
        if let Some(problem) = duplicate_key(path, text) {
            return Err(vec![problem]);
        }
    }
    if checker.dropped > 0 {
        checker.problems.push(Problem::Content {
            path: path.to_owned(),
            initiative: None,
            field: String::new(),
            message: format!("more problems not listed: stopped after the first {MAX_PROBLEMS}"),
        });
    }
    if !checker.problems.is_empty() {
        return Err(checker.problems);
    }
    if checker.missing_kind > 0 {
        checker.warnings.push(Problem::Content {
            path: path.to_owned(),
            initiative: None,
            field: String::new(),
            message: format!(
                "warning: schema_version 1: {} initiatives have no 'kind' and are taken as 'offer'; set \"schema_version\": 2 and give each a kind",
                checker.missing_kind
            ),
        });
    }
    parts.warnings = std::mem::take(&mut checker.warnings);
    let text_of = |key: &str| small.get(key).and_then(Value::as_str).map(str::to_owned);
    parts.title = text_of("title");
    parts.updated = text_of("updated");
    parts.maintainer = small
        .get("maintainer")
        .and_then(|m| serde_json::from_value(m.clone()).ok());
    if let Some(vocab) = small.get("vocabularies") {
        let list = |key: &str| vocab.get(key).cloned().unwrap_or(Value::Array(Vec::new()));
        let read = |result: Result<(), serde_json::Error>| {
            // Unreachable after the checks above; reported rather than panicking.
            result.map_err(|err| {
                vec![Problem::Content {
                    path: path.to_owned(),
                    initiative: None,
                    field: "vocabularies".to_owned(),
                    message: format!("cannot read the vocabularies: {err}"),
                }]
            })
        };
        read(serde_json::from_value(list("themes")).map(|v| parts.themes = v))?;
        read(serde_json::from_value(list("target_groups")).map(|v| parts.target_groups = v))?;
        read(serde_json::from_value(list("municipalities")).map(|v| parts.municipalities = v))?;
    }
    Ok(parts)
}

/// Checks and converts the initiatives one by one as the parser meets them,
/// so no array of them — raw or parsed — is ever held whole.
struct EachInitiative<'c, 'p> {
    checker: &'c mut Checker<'p>,
    initiatives: &'c mut Vec<Initiative>,
    /// Where to say how far along the array (its text) the check is.
    progress: Option<(&'c Progress, &'c str)>,
}

/// Entries checked between two reports of progress.
const PROGRESS_EVERY: usize = 512;

impl<'de> Visitor<'de> for EachInitiative<'_, '_> {
    /// How many entries the array held.
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of initiatives")
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<usize, A::Error> {
        let mut seen = HashMap::default();
        let mut index = 0;
        while let Some(raw) = seq.next_element::<&RawValue>()? {
            // Past the problems listed, the rest is only counted.
            if self.checker.dropped == 0 {
                match self.checker.clean_entry(raw.get()) {
                    Some(entry) if !seen.contains_key(&entry.id) => {
                        seen.insert(entry.id.clone(), index + 1);
                        self.initiatives.push(entry);
                    }
                    // A repeated id is said on the tree, with the rest.
                    _ => {
                        let read = serde_json::from_str(raw.get());
                        self.check_one(index, raw.get(), read, &mut seen);
                    }
                }
            }
            index += 1;
            if let Some((progress, array)) = self.progress
                && index % PROGRESS_EVERY == 0
            {
                // The entry's place in the array's text: how much is read.
                let read = raw.get().as_ptr() as usize - array.as_ptr() as usize;
                progress.set(Stage::Checking, read, array.len());
            }
        }
        Ok(index)
    }
}

/// One entry parsed into a tree, or why it could not be.
type Parsed = Result<Value, serde_json::Error>;

impl EachInitiative<'_, '_> {
    /// Checks entry number `index` (its text `raw`, parsed as `read`) and,
    /// when it has no problem, moves it into the model.
    fn check_one(
        &mut self,
        index: usize,
        raw: &str,
        read: Parsed,
        seen: &mut HashMap<String, usize>,
    ) {
        if self.checker.dropped > 0 {
            return;
        }
        match read {
            Err(err) => {
                let (who, field, message) = super::limits::unreadable_entry(index, raw, &err);
                self.checker.initiative = Some(who);
                self.checker.report(field, message);
            }
            Ok(value) => {
                let before = self.checker.problems.len();
                self.checker
                    .initiative(index, &value, entry::Ids::Seen(seen));
                if self.checker.problems.len() == before {
                    // Moved, not copied: each text was parsed once.
                    match serde_json::from_value::<Initiative>(value) {
                        Ok(entry) => self.initiatives.push(entry),
                        Err(err) => self
                            .checker
                            .report("", format!("cannot read the entry: {err}")),
                    }
                }
            }
        }
    }
}

/// The first key given twice in an object of `text` (`json_keys::check`),
/// as a `PATH:LINE:COL` problem.
fn duplicate_key(path: &str, text: &str) -> Option<Problem> {
    match crate::json_keys::check(text) {
        Err(err) if err.is_data() => Some(syntax_problem(path, &err)),
        _ => None,
    }
}

/// A `PATH:LINE:COL` problem from a JSON syntax error.
fn syntax_problem(path: &str, err: &serde_json::Error) -> Problem {
    let full = err.to_string();
    // serde_json appends " at line L column C"; we print the position in front instead.
    let message = match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_owned(),
        None => full,
    };
    Problem::Syntax {
        path: path.to_owned(),
        line: err.line().max(1),
        column: err.column().max(1),
        message,
    }
}

/// What kind of JSON value `raw` holds, judged by its first character.
fn raw_kind(raw: &str) -> &'static str {
    match raw.trim_start().chars().next() {
        Some('{') => "an object",
        Some('[') => "an array",
        Some('"') => "a string",
        Some('t' | 'f') => "a boolean",
        Some('n') => "null",
        _ => "a number",
    }
}

/// 1-based line and column of the end of `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lower_case_digits_and_dashes() {
        assert!(is_valid_id("ips-ung"));
        assert!(is_valid_id("fgu-2"));
        for bad in ["", "IPS", "ips ung", "ips_ung", "ø", "a.b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn phone_numbers_are_danish() {
        for good in ["70 12 34 56", "70123456", "+45 70 12 34 56", "+4570123456"] {
            assert!(is_phone_number(good), "{good}");
        }
        for bad in [
            "12 34 56",
            "+46 70 12 34 56",
            "70-12-34-56",
            "(+45) 70123456",
            "7012345678",
            "",
        ] {
            assert!(!is_phone_number(bad), "{bad}");
        }
    }

    #[test]
    fn email_addresses_must_be_plausible() {
        for good in [
            "ungeindsats@skive.dk",
            "info@fgu-skolen.dk",
            "a.b@sub.example.dk",
        ] {
            assert!(is_email_address(good), "{good}");
        }
        for bad in [
            "skive.dk",
            "@skive.dk",
            "a@skive",
            "a@@skive.dk",
            "a b@skive.dk",
            "a@.dk",
            "a@skive.d",
        ] {
            assert!(!is_email_address(bad), "{bad}");
        }
    }

    #[test]
    fn web_addresses_use_https_and_a_host() {
        assert!(is_web_address("https://skive.dk/unge"));
        for bad in [
            "http://skive.dk",
            "https://",
            "https://localhost",
            "skive.dk",
            "ftp://skive.dk",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }

    /// The bundled catalogue names no person; a local catalogue may.
    #[test]
    fn only_local_catalogues_name_a_person() {
        let text = include_str!("../../../tests/fixtures/valid-v2.json").replace(
            "\"organisation\": \"FGU Skolen, Skive\",",
            "\"organisation\": \"FGU Skolen, Skive\", \"name\": \"Anne Jensen\",",
        );
        assert!(text.contains("Anne Jensen"));
        assert!(parse_str("local.json", &text).is_ok());
        let problems = parse_str(crate::catalogue::load::BUNDLED_NAME, &text).unwrap_err();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].to_string().ends_with(
                "contacts[0].name: the bundled catalogue names no person; add named contacts in local.json"
            ),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn line_col_counts_characters_not_bytes() {
        assert_eq!(line_col(b""), (1, 1));
        assert_eq!(line_col("ab\nø".as_bytes()), (2, 2));
    }

    /// Text is taken whole, a byte order mark skipped; a bad byte anywhere
    /// in a long text is found where it is, a cut character at the end too.
    #[test]
    fn utf8_is_checked_everywhere_and_says_where_it_fails() {
        let line = "{\"a\": \"æblegrød og ål\"}\n";
        let long = line.repeat(50_000);
        assert_eq!(utf8("x.json", long.as_bytes()).unwrap(), long);
        let marked = [b"\xEF\xBB\xBF".as_slice(), long.as_bytes()].concat();
        assert_eq!(utf8("x.json", &marked).unwrap(), long);
        let lines = long.lines().count();
        for (at, bad) in [
            (0, &b"\xFF"[..]),
            (lines / 2, b"\xC3("),
            (lines - 1, b"\xE6"),
        ] {
            let mut bytes = long.as_bytes().to_vec();
            let start = at * line.len() + 7 + "æblegrød".len();
            bytes.splice(start..start, bad.iter().copied());
            if at == lines - 1 {
                bytes.truncate(start + bad.len());
            }
            let problems = utf8("x.json", &bytes).unwrap_err();
            assert_eq!(
                problems[0].to_string(),
                format!("x.json:{}:16: the file is not valid UTF-8 text", at + 1)
            );
        }
    }
}
