//! The fast way through for an entry with nothing to say about it: read
//! straight into the typed model from its text, once, and let through only
//! when it plainly keeps every rule of the checker (`entry.rs`).
//!
//! This never decides what is wrong. An entry it does not let through is
//! checked on the JSON tree as before, and that check alone words the
//! problems, so messages and their order stay in one place. It only has to
//! be sure: every rule an entry of a well-typed text could still break is
//! asked here, and anything it cannot tell from the typed model (a `null`
//! given for an optional field, an empty `keywords`, a missing `kind`, an
//! escape that could hide a refused character) sends the entry the long
//! way. In a large catalogue nearly every entry takes this way, which
//! parses it once instead of into a tree and then into the model.

use memchr::memmem;

use super::checker::Checker;
use super::rules::*;
use crate::catalogue::model::{Contact, Initiative, SCHEMA_VERSION, Scope, Source};
use crate::date::Date;

#[cfg(test)]
thread_local! {
    /// Every entry of this thread takes the long way (to compare the two).
    pub(super) static TREE_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl Checker<'_> {
    /// Entry text `raw` read into the model when it plainly has no problem
    /// in this file; `None` when it has to be checked on the tree. The id
    /// still has to be checked against the ids before it.
    pub(super) fn clean_entry(&self, raw: &str) -> Option<Initiative> {
        #[cfg(test)]
        if TREE_ONLY.with(std::cell::Cell::get) {
            return None;
        }
        // A local catalogue's and the bundled one's rules differ, and a
        // version-1 file has its own: those few files go the long way.
        if self.local || self.bundled || self.version != SCHEMA_VERSION || !plain_text(raw) {
            return None;
        }
        // The model reads an entry's parts as objects only, but would take
        // the entry itself as an array of its fields.
        if !raw.trim_start().starts_with('{') {
            return None;
        }
        let entry: Initiative = serde_json::from_str(raw).ok()?;
        // What the model cannot tell: `kind` missing (it defaults), and
        // `keywords` given empty (as good as absent once read).
        let given = |key: &str| has_key(raw, key);
        if !given("kind") || (entry.keywords.is_empty() && given("keywords")) {
            return None;
        }
        if !self.keeps_rules(&entry) {
            return None;
        }
        let mut entry = entry;
        fit_lists(&mut entry);
        Some(entry)
    }

    /// Whether a typed entry keeps the rules that typing does not.
    fn keeps_rules(&self, e: &Initiative) -> bool {
        let text = |s: &str| !is_blank(s);
        let texts = |list: &[String]| list.iter().all(|s| text(s));
        let opt = |s: &Option<String>| s.as_deref().is_none_or(text);
        let known = |list: &[String], ids: &rustc_hash::FxHashSet<String>| {
            !list.is_empty() && list.iter().all(|id| ids.contains(id))
        };
        is_valid_id(&e.id)
            && [&e.name, &e.summary, &e.description]
                .into_iter()
                .all(|s| text(s))
            && texts(&e.aliases)
            && texts(&e.providers)
            && distinct_words(&e.keywords)
            && opt(&e.eligibility)
            && !e.next_steps.is_empty()
            && texts(&e.next_steps)
            && Date::parse_iso(&e.last_verified).is_some()
            && known(&e.themes, &self.themes)
            && known(&e.target_groups, &self.target_groups)
            && e.age.is_none_or(|age| {
                let (min, max) = (age.min.map(u64::from), age.max.map(u64::from));
                min.is_none_or(is_valid_age)
                    && max.is_none_or(is_valid_age)
                    && min.zip(max).is_none_or(|(min, max)| min <= max)
            })
            && opt(&e.area.note)
            && self.municipalities_known(&e.area.municipalities)
            && (e.area.scope == Scope::Municipalities) != e.area.municipalities.is_empty()
            && e.contacts.iter().all(|c| self.contact_clean(c, &e.sources))
            && !e.sources.is_empty()
            && e.sources.iter().all(source_clean)
    }

    fn municipalities_known(&self, ids: &[String]) -> bool {
        ids.iter().all(|id| self.municipalities.contains(id))
    }

    fn contact_clean(&self, c: &Contact, sources: &[Source]) -> bool {
        let opt = optional;
        let any = |_: &str| true;
        let reachable = c.phone.is_some() || c.email.is_some() || c.address.is_some();
        let cites_web = sources
            .iter()
            .any(|s| s.url.as_deref().is_some_and(is_web_address));
        !is_blank(&c.organisation)
            && [&c.name, &c.role, &c.address, &c.note]
                .into_iter()
                .all(|s| opt(s, any))
            && opt(&c.url, is_web_address)
            && opt(&c.phone, is_phone_number)
            && opt(&c.email, is_email_address)
            && (!reachable || cites_web)
            && self.municipalities_known(&c.municipalities)
    }
}

/// Gives back the room the entry's lists grew into while read: a list
/// read from text grows by doubling (from a tree, it knew its length), and
/// at 100,000 entries the room left over came to tens of megabytes.
fn fit_lists(e: &mut Initiative) {
    for list in [
        &mut e.aliases,
        &mut e.themes,
        &mut e.target_groups,
        &mut e.area.municipalities,
        &mut e.providers,
        &mut e.keywords,
        &mut e.next_steps,
    ] {
        list.shrink_to_fit();
    }
    e.contacts.shrink_to_fit();
    for contact in &mut e.contacts {
        contact.municipalities.shrink_to_fit();
    }
    e.sources.shrink_to_fit();
}

/// An optional text: absent, or not blank and keeping `rule`.
fn optional(s: &Option<String>, rule: fn(&str) -> bool) -> bool {
    s.as_deref().is_none_or(|s| !is_blank(s) && rule(s))
}

fn source_clean(s: &Source) -> bool {
    let opt = optional;
    !is_blank(&s.title)
        && opt(&s.url, is_web_address)
        && s.page.is_none_or(|page| page >= 1)
        && opt(&s.date, |d| Date::parse_partial(d).is_some())
        && opt(&s.accessed, |d| Date::parse_iso(d).is_some())
}

/// `keywords` as the checker wants them: each non-blank, none repeating
/// another once folded.
fn distinct_words(words: &[String]) -> bool {
    let mut folded: Vec<String> = Vec::with_capacity(words.len());
    words.iter().all(|word| {
        let key = crate::fold::fold(word.trim());
        let new = !is_blank(word) && !folded.contains(&key);
        folded.push(key);
        new
    })
}

/// Whether the entry's text says all it says plainly: no `null` (an
/// optional field given as null reads as absent), no escape but `\"`,
/// `\\` and `\/` (the others could make a control character), and no
/// refused character written as it is. A line break between the values is
/// let through (inside a string the parser refuses one); a tab or carriage
/// return sends the entry the long way, which says nothing about them.
fn plain_text(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    if memmem::find(bytes, b"null").is_some() {
        return false;
    }
    // Escapes are read left to right, so the second of `\\` is not taken
    // for one of its own.
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'\\', &bytes[from..]) {
        let at = from + found;
        if !matches!(bytes.get(at + 1), Some(b'"' | b'\\' | b'/')) {
            return false;
        }
        from = at + 2;
    }
    crate::charrules::first_forbidden(raw, true).is_none()
}

/// Whether the entry's text gives `key` as a key. In a text that reads as
/// an entry, a string followed by a colon is a key, and every key is one
/// of the entry's fields or its parts' (none of which is named like an
/// entry's own field but these).
fn has_key(raw: &str, key: &str) -> bool {
    let quoted = format!("\"{key}\"");
    memmem::find_iter(raw.as_bytes(), quoted.as_bytes()).any(|at| {
        raw[at + quoted.len()..]
            .trim_start_matches([' ', '\n', '\t', '\r'])
            .starts_with(':')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_refuses_what_could_hide_a_refused_character() {
        assert!(plain_text(r#"{"a": "b \"c\" d\\e / \/"}"#));
        assert!(!plain_text(r#"{"a": "b\nc"}"#));
        assert!(!plain_text(r#"{"a": "b\u0007c"}"#));
        assert!(!plain_text(r#"{"a": "b\\\nc"}"#));
        assert!(plain_text(r#"{"a": "b\\\\nc"}"#));
        assert!(!plain_text("{\"a\": \"b\u{200B}c\"}"));
        assert!(!plain_text(r#"{"a": null}"#));
        assert!(!plain_text("{\"a\":\t\"b\"}"));
        assert!(plain_text("{\n  \"a\": \"b\"\n}"));
    }

    #[test]
    fn a_key_is_a_string_followed_by_a_colon() {
        assert!(has_key(r#"{"kind" : "offer"}"#, "kind"));
        assert!(has_key("{\"kind\"\n:\"offer\"}", "kind"));
        assert!(!has_key(r#"{"keywords": ["kind"]}"#, "kind"));
        assert!(!has_key(r#"{"a": "kind", "b": 1}"#, "kind"));
    }
}
