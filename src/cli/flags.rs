//! The filter flags' values (`--kommune`, `--maalgruppe`, `--tema`,
//! `--type`, `--status`): read as the search line reads a municipality
//! ([`Places`], `src/search/understand.rs`), case- and Danish-insensitively
//! and with the same slips forgiven (`--kommune skvie` is Skive). What was
//! read with a slip is said on stderr (`--kommune skvie: læst som Skive`);
//! a value that names nothing is a usage error listing the valid values.

use std::collections::BTreeSet;

use super::Failure;
use super::args::SearchArgs;
use crate::catalogue::{Catalogue, Kind, Status, Term};
use crate::i18n::{DA, EN, Lang};
use crate::search::Filters;
use crate::search::understand::Places;

/// The filters a flag sets, in the order of [`crate::i18n::Strings::flag_names`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// `--municipality`, `--kommune`.
    Municipality,
    /// `--target-group`, `--maalgruppe`.
    TargetGroup,
    /// `--theme`, `--tema`.
    Theme,
    /// `--kind`, `--type`.
    Kind,
    /// `--status`.
    Status,
}

impl Flag {
    fn index(self) -> usize {
        self as usize
    }
}

/// Reads filter-flag values against one catalogue, collecting what it read
/// with a slip as notes for stderr.
pub struct FlagReader<'a> {
    catalogue: &'a Catalogue,
    lang: Lang,
    notes: Vec<String>,
}

impl<'a> FlagReader<'a> {
    /// A reader for `catalogue`, speaking `lang`.
    pub fn new(catalogue: &'a Catalogue, lang: Lang) -> FlagReader<'a> {
        FlagReader {
            catalogue,
            lang,
            notes: Vec::new(),
        }
    }

    /// What was read with a slip, one line each (`--kommune skvie: læst som
    /// Skive`), not yet made safe for a terminal.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Writes the notes to stderr, escaped (the values are the user's).
    pub fn print_notes(&self) {
        for note in &self.notes {
            eprintln!("{}", crate::text::escaped(note));
        }
    }

    /// Resolves `--municipality` values to municipality ids.
    pub fn municipalities(&mut self, values: &[String]) -> Result<BTreeSet<String>, Failure> {
        if values.is_empty() {
            return Ok(BTreeSet::new());
        }
        let places = Places::new(&self.catalogue.vocabularies);
        values
            .iter()
            .map(|value| self.read(Flag::Municipality, value, &places))
            .collect()
    }

    /// Resolves every filter flag of `args` to vocabulary ids.
    pub fn filters(&mut self, args: &SearchArgs) -> Result<Filters, Failure> {
        let vocab = &self.catalogue.vocabularies;
        let mut filters = Filters {
            age: args.age,
            ..Filters::default()
        };
        filters.municipalities = self.municipalities(&args.municipality)?;
        if !args.target_group.is_empty() {
            let names = terms(&vocab.target_groups);
            for value in &args.target_group {
                let id = self.read(Flag::TargetGroup, value, &names)?;
                filters.target_groups.insert(id);
            }
        }
        if !args.theme.is_empty() {
            let names = terms(&vocab.themes);
            for value in &args.theme {
                filters
                    .themes
                    .insert(self.read(Flag::Theme, value, &names)?);
            }
        }
        if !args.status.is_empty() {
            let names = Places::of_names(
                Status::ALL
                    .iter()
                    .map(|&s| (s.id(), vec![DA.status_label(s), EN.status_label(s)])),
            );
            for value in &args.status {
                let id = self.read(Flag::Status, value, &names)?;
                filters.statuses.extend(Status::from_id(&id));
            }
        }
        if !args.kind.is_empty() {
            let names = Places::of_names(
                Kind::ALL
                    .iter()
                    .map(|&k| (k.id(), vec![DA.kind_label(k), EN.kind_label(k)])),
            );
            for value in &args.kind {
                let id = self.read(Flag::Kind, value, &names)?;
                filters.kinds.extend(Kind::from_id(&id));
            }
        }
        Ok(filters)
    }

    /// The id `value` names among `names`; a note when it took a slip, a
    /// usage error when it names nothing (or two things equally well).
    fn read(&mut self, flag: Flag, value: &str, names: &Places) -> Result<String, Failure> {
        let strings = self.lang.strings();
        let Some(read) = names.read(value) else {
            let what = strings.facet_names[flag.index()].to_lowercase();
            return Err(Failure::usage(format!(
                "{} {what} '{value}'; {}: {}",
                strings.unknown_value,
                strings.valid_values,
                names.ids().join(", ")
            )));
        };
        if read.slip {
            let flag_name = strings.flag_names[flag.index()];
            let label = self.label(flag, read.id);
            self.notes
                .push(format!("{flag_name} {value}: {} {label}", strings.read_as));
        }
        Ok(read.id.to_owned())
    }

    /// The name of the value `id` of `flag` in the interface language.
    fn label(&self, flag: Flag, id: &str) -> String {
        let english = self.lang.is_english();
        let strings = self.lang.strings();
        let vocab = &self.catalogue.vocabularies;
        let term = |terms: &[Term]| {
            terms
                .iter()
                .find(|t| t.id == id)
                .map(|t| t.label_in(english).to_owned())
        };
        let label = match flag {
            Flag::Municipality => Some(self.catalogue.municipality_name(id).to_owned()),
            Flag::TargetGroup => term(&vocab.target_groups),
            Flag::Theme => term(&vocab.themes),
            Flag::Status => Status::from_id(id).map(|s| strings.status_label(s).to_owned()),
            Flag::Kind => Kind::from_id(id).map(|k| strings.kind_label(k).to_owned()),
        };
        label.unwrap_or_else(|| id.to_owned())
    }
}

/// The names of a theme or target-group vocabulary: each term's id with
/// its Danish and English labels.
fn terms(terms: &[Term]) -> Places {
    Places::of_names(
        terms
            .iter()
            .map(|t| (t.id.as_str(), vec![t.label.as_str(), t.label_in(true)])),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::load::{Origin, load};

    fn bundled() -> Catalogue {
        load(Origin::Bundled).unwrap().catalogue
    }

    #[test]
    fn slips_are_read_and_said() {
        let catalogue = bundled();
        let mut reader = FlagReader::new(&catalogue, Lang::Da);
        let ids = reader
            .municipalities(&["skvie".to_owned(), "Ringkøbing-Skjern".to_owned()])
            .map_err(|f| f.lines)
            .unwrap();
        assert_eq!(
            ids.into_iter().collect::<Vec<_>>(),
            ["ringkobing-skjern", "skive"]
        );
        assert_eq!(reader.notes(), ["--kommune skvie: læst som Skive"]);

        let mut reader = FlagReader::new(&catalogue, Lang::En);
        let args = SearchArgs {
            status: vec!["aktvi".to_owned()],
            kind: vec!["tilbdu".to_owned()],
            ..SearchArgs::default()
        };
        let filters = reader.filters(&args).map_err(|f| f.lines).unwrap();
        assert_eq!(
            filters.statuses.into_iter().collect::<Vec<_>>(),
            [Status::Active]
        );
        assert_eq!(filters.kinds.into_iter().collect::<Vec<_>>(), [Kind::Offer]);
        assert_eq!(
            reader.notes(),
            [
                "--status aktvi: read as Active",
                "--kind tilbdu: read as Offer"
            ]
        );
    }

    #[test]
    fn unknown_values_are_refused_in_the_interface_language() {
        let catalogue = bundled();
        for (lang, start) in [
            (Lang::Da, "indsats: ukendt kommune 'xyz'; gyldige værdier: "),
            (
                Lang::En,
                "indsats: unknown municipality 'xyz'; valid values: ",
            ),
        ] {
            let failure = FlagReader::new(&catalogue, lang)
                .municipalities(&["xyz".to_owned()])
                .unwrap_err();
            assert_eq!(failure.code, 2);
            assert!(failure.lines[0].starts_with(start), "{:?}", failure.lines);
            assert!(failure.lines[0].contains("skive"), "{:?}", failure.lines);
        }
    }
}
