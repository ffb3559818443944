//! The filter flags' values (`--kommune`, `--maalgruppe`, `--tema`,
//! `--type`, `--status`): read as the search line reads a municipality
//! ([`Places`], `src/search/understand.rs`), case- and Danish-insensitively
//! and with the same slips forgiven (`--kommune skvie` is Skive). What was
//! read with a slip is said on stderr (`--kommune skvie: læst som Skive`);
//! a value that names nothing is a usage error listing the valid values.
//! Every facet is read the same way, from its row of
//! [`crate::search::facets::FACETS`].

use std::collections::BTreeSet;

use super::Failure;
use super::args::{SearchArgs, flag_order};
use crate::catalogue::Catalogue;
use crate::i18n::Lang;
use crate::search::Filters;
use crate::search::facets::{Facet, FacetSpec};
use crate::search::understand::Places;

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
        let mut filters = Filters::default();
        self.read_facet(Facet::Municipality.spec(), values, &mut filters)?;
        Ok(filters.municipalities)
    }

    /// Resolves every filter flag of `args` to ids, in the order of the
    /// flags in `--help`.
    pub fn filters(&mut self, args: &SearchArgs) -> Result<Filters, Failure> {
        let mut filters = Filters {
            age: args.age,
            ..Filters::default()
        };
        for facet in flag_order() {
            self.read_facet(facet.spec(), args.values(facet), &mut filters)?;
        }
        Ok(filters)
    }

    /// Chooses the values `values` name in `spec`'s facet.
    fn read_facet(
        &mut self,
        spec: &FacetSpec,
        values: &[String],
        filters: &mut Filters,
    ) -> Result<(), Failure> {
        if values.is_empty() {
            return Ok(());
        }
        let names = spec.names(self.catalogue);
        for value in values {
            let id = self.read(spec, value, &names)?;
            spec.choose(filters, &id);
        }
        Ok(())
    }

    /// The id `value` names among `names`; a note when it took a slip, a
    /// usage error when it names nothing (or two things equally well).
    fn read(&mut self, spec: &FacetSpec, value: &str, names: &Places) -> Result<String, Failure> {
        let strings = self.lang.strings();
        let Some(read) = names.read(value) else {
            let what = spec.name.get(self.lang).to_lowercase();
            return Err(Failure::usage(format!(
                "{} {what} '{value}'; {}: {}",
                strings.unknown_value,
                strings.valid_values,
                names.ids().join(", ")
            )));
        };
        if read.slip {
            let flag_name = spec.flag.name(self.lang);
            let label = spec
                .label(self.catalogue, self.lang, read.id)
                .unwrap_or_else(|| read.id.to_owned());
            self.notes
                .push(format!("{flag_name} {value}: {} {label}", strings.read_as));
        }
        Ok(read.id.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::load::{Origin, load};
    use crate::catalogue::{Kind, Status};

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
