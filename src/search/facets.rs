//! The facets of the filters, each described once, in [`FACETS`]: its names
//! in both languages, its flag on the command line, where its values come
//! from, which of them an entry has, how it is chosen in [`Filters`] and how
//! it counts. The facet index and its counts (`filters.rs`), the picker, the
//! chips, the filter flags, `indsats vocab`, the Ctrl-F hint and the help
//! are made from it (ARCHITECTURE.md §4, "Where a new filter goes").

use std::borrow::Cow;

use super::Filters;
use super::understand::Places;
use crate::catalogue::{Catalogue, Initiative, Kind, Scope, Status, Term, Vocabularies};
use crate::i18n::Lang;

/// One facet of the filters. The order is [`FACETS`]'s, the picker's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Facet {
    /// Municipality (with the area rules of ARCHITECTURE.md §2).
    #[default]
    Municipality,
    /// Target group.
    TargetGroup,
    /// Theme.
    Theme,
    /// Kind: offer, for professionals, funding, policy.
    Kind,
    /// Status (and the row of entries not verified for a year).
    Status,
    /// The citizen's age.
    Age,
}

impl Facet {
    /// Position in [`FACETS`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Its row of [`FACETS`].
    pub fn spec(self) -> &'static FacetSpec {
        &FACETS[self.index()]
    }

    /// The facet `step` places away in [`FACETS`], wrapping around.
    pub fn shifted(self, step: isize) -> Facet {
        let len = FACETS.len() as isize;
        FACETS[(self.index() as isize + step).rem_euclid(len) as usize].facet
    }
}

/// A text in both interface languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// Danish.
    pub da: &'static str,
    /// English.
    pub en: &'static str,
}

impl Text {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        if lang.is_english() { self.en } else { self.da }
    }
}

/// A facet's flag on `indsats search`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag {
    /// The flag (`--municipality`); clap's `long`.
    pub long: &'static str,
    /// Its Danish alias (`--kommune`); clap's `visible_alias`.
    pub alias: Option<&'static str>,
}

impl Flag {
    /// How messages in `lang` name the flag: the Danish alias in Danish.
    pub fn name(self, lang: Lang) -> &'static str {
        match (lang, self.alias) {
            (Lang::Da, Some(alias)) => alias,
            _ => self.long,
        }
    }
}

/// Where a facet's values come from, and how they are named.
#[derive(Debug, Clone, Copy)]
pub enum Source {
    /// The catalogue's municipalities, by their proper names; a flag's
    /// value and the search line also read their aliases and the parts of
    /// a hyphenated name ([`Places::new`]).
    Municipalities,
    /// A vocabulary of the catalogue, labelled in both languages.
    Terms(fn(&Vocabularies) -> &[Term]),
    /// A fixed list: each value's id and its label in a language.
    Fixed(fn(Lang) -> Vec<(&'static str, &'static str)>),
}

/// How a facet counts its values (the counts are disjunctive: a value's
/// count is how many results choosing it alone in its facet would leave).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counting {
    /// The entries having the value.
    Plain,
    /// The area rule (ARCHITECTURE.md §2): also the entries of scope
    /// `region` or `national`, and those outside the region when the
    /// Inspiration status is chosen. At most one facet counts this way.
    Area,
    /// Like `Plain`, but choosing Inspiration also lets the entries outside
    /// the region past the area rule, so each value redoes the area set.
    OpensArea,
}

/// Calls its second argument with the id of each value the entry has.
pub type OfEntry = fn(&Initiative, &mut dyn FnMut(&str));

/// A facet whose values come from a list, any number of them chosen: an
/// entry passes when it has any of them.
#[derive(Debug, Clone, Copy)]
pub struct Values {
    /// Where the values come from.
    pub source: Source,
    /// Its heading in `indsats vocab` (`Kommuner (--kommune):`).
    pub heading: Text,
    /// The ids of the values an entry has (for the municipalities, only
    /// those an entry of scope `municipalities` names: see [`Counting::Area`]).
    pub of_entry: OfEntry,
    /// The ids chosen in a set of filters.
    pub chosen: fn(&Filters) -> Vec<&str>,
    /// Chooses a value by id (an id the facet lacks chooses nothing new).
    pub choose: fn(&mut Filters, &str),
    /// How it counts.
    pub counting: Counting,
    /// The picker ends the list with the row of the entries not verified
    /// for a year.
    pub stale_row: bool,
}

/// What a facet filters by.
#[derive(Debug, Clone, Copy)]
pub enum Shape {
    /// Values from a list.
    Values(Values),
    /// The citizen's age: one number (`Filters::age`), typed or stepped; an
    /// entry passes when its range includes it or it has none. No counts.
    Age,
}

/// One row of [`FACETS`]: everything the program knows of a facet.
#[derive(Debug, Clone, Copy)]
pub struct FacetSpec {
    /// Which facet.
    pub facet: Facet,
    /// Its name: the picker's tab, the prefix of what a query was read as
    /// (`kommune: Skive`), the facet in messages (`ukendt kommune`) and in
    /// the Ctrl-F hint and the help (lowercased).
    pub name: Text,
    /// Its flag on `indsats search`.
    pub flag: Flag,
    /// Its key in the JSON of `indsats search` (`filters`) and `indsats vocab`.
    pub key: &'static str,
    /// Whether the search line reads it from the query's words (a
    /// municipality's name, an age: `search::understand`).
    pub typed: bool,
    /// What it filters by.
    pub shape: Shape,
}

impl FacetSpec {
    /// Its list of values, unless it is the age.
    pub fn values(&self) -> Option<&Values> {
        match &self.shape {
            Shape::Values(values) => Some(values),
            Shape::Age => None,
        }
    }

    /// Its values, each with its label in `lang`, in list order (the order
    /// of the counts); none for the age.
    pub fn choices(&self, catalogue: &Catalogue, lang: Lang) -> Vec<Choice> {
        let Some(values) = self.values() else {
            return Vec::new();
        };
        let vocab = &catalogue.vocabularies;
        match values.source {
            Source::Municipalities => vocab
                .municipalities
                .iter()
                .map(|m| Choice::new(&m.id, &m.name))
                .collect(),
            Source::Terms(terms) => terms(vocab)
                .iter()
                .map(|t| Choice::new(&t.id, t.label_in(lang.is_english())))
                .collect(),
            Source::Fixed(list) => list(lang)
                .into_iter()
                .map(|(id, label)| Choice::new(id, label))
                .collect(),
        }
    }

    /// The ids of its values, in list order.
    pub fn ids<'a>(&self, catalogue: &'a Catalogue) -> Vec<&'a str> {
        let Some(values) = self.values() else {
            return Vec::new();
        };
        let vocab = &catalogue.vocabularies;
        match values.source {
            Source::Municipalities => vocab.municipalities.iter().map(|m| m.id.as_str()).collect(),
            Source::Terms(terms) => terms(vocab).iter().map(|t| t.id.as_str()).collect(),
            Source::Fixed(list) => list(Lang::Da).into_iter().map(|(id, _)| id).collect(),
        }
    }

    /// The label of the value `id` in `lang`, if the facet has that value.
    pub fn label(&self, catalogue: &Catalogue, lang: Lang, id: &str) -> Option<String> {
        self.choices(catalogue, lang)
            .into_iter()
            .find(|c| c.id == id)
            .map(|c| c.label)
    }

    /// The names its values go by, read as the search line reads a
    /// municipality: each id, with its labels in both languages.
    pub fn names(&self, catalogue: &Catalogue) -> Places {
        let Some(values) = self.values() else {
            return Places::default();
        };
        let vocab = &catalogue.vocabularies;
        match values.source {
            Source::Municipalities => Places::new(vocab),
            Source::Terms(terms) => Places::of_names(
                terms(vocab)
                    .iter()
                    .map(|t| (t.id.as_str(), vec![t.label.as_str(), t.label_in(true)])),
            ),
            Source::Fixed(list) => Places::of_names(
                list(Lang::Da)
                    .into_iter()
                    .zip(list(Lang::En))
                    .map(|((id, da), (_, en))| (id, vec![da, en])),
            ),
        }
    }

    /// The ids chosen in `filters` (none for the age).
    pub fn chosen<'a>(&self, filters: &'a Filters) -> Vec<&'a str> {
        self.values().map_or_else(Vec::new, |v| (v.chosen)(filters))
    }

    /// Chooses the value `id` in `filters` (nothing for the age).
    pub fn choose(&self, filters: &mut Filters, id: &str) {
        if let Some(values) = self.values() {
            (values.choose)(filters, id);
        }
    }
}

/// One value of a facet, labelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Its id.
    pub id: String,
    /// Its label in the language asked for.
    pub label: String,
}

impl Choice {
    fn new(id: &str, label: &str) -> Choice {
        Choice {
            id: id.to_owned(),
            label: label.to_owned(),
        }
    }
}

/// A [`Text`], in a row of the table.
const fn text(da: &'static str, en: &'static str) -> Text {
    Text { da, en }
}

/// A [`Flag`], in a row of the table.
const fn flag(long: &'static str, alias: Option<&'static str>) -> Flag {
    Flag { long, alias }
}

/// Every facet, in picker order. A new filter is a row here (and see
/// ARCHITECTURE.md §4 for the other places it goes).
pub static FACETS: [FacetSpec; 6] = [
    FacetSpec {
        facet: Facet::Municipality,
        name: text("Kommune", "Municipality"),
        flag: flag("--municipality", Some("--kommune")),
        key: "municipalities",
        typed: true,
        shape: Shape::Values(Values {
            source: Source::Municipalities,
            heading: text("Kommuner", "Municipalities"),
            of_entry: |entry, add| {
                if entry.area.scope == Scope::Municipalities {
                    entry.area.municipalities.iter().for_each(|id| add(id));
                }
            },
            chosen: |filters| filters.municipalities.iter().map(String::as_str).collect(),
            choose: |filters, id| {
                filters.municipalities.insert(id.to_owned());
            },
            counting: Counting::Area,
            stale_row: false,
        }),
    },
    FacetSpec {
        facet: Facet::TargetGroup,
        name: text("Målgruppe", "Target group"),
        flag: flag("--target-group", Some("--maalgruppe")),
        key: "target_groups",
        typed: false,
        shape: Shape::Values(Values {
            source: Source::Terms(|vocab| vocab.target_groups.as_slice()),
            heading: text("Målgrupper", "Target groups"),
            of_entry: |entry, add| entry.target_groups.iter().for_each(|id| add(id)),
            chosen: |filters| filters.target_groups.iter().map(String::as_str).collect(),
            choose: |filters, id| {
                filters.target_groups.insert(id.to_owned());
            },
            counting: Counting::Plain,
            stale_row: false,
        }),
    },
    FacetSpec {
        facet: Facet::Theme,
        name: text("Tema", "Theme"),
        flag: flag("--theme", Some("--tema")),
        key: "themes",
        typed: false,
        shape: Shape::Values(Values {
            source: Source::Terms(|vocab| vocab.themes.as_slice()),
            heading: text("Temaer", "Themes"),
            of_entry: |entry, add| entry.themes.iter().for_each(|id| add(id)),
            chosen: |filters| filters.themes.iter().map(String::as_str).collect(),
            choose: |filters, id| {
                filters.themes.insert(id.to_owned());
            },
            counting: Counting::Plain,
            stale_row: false,
        }),
    },
    FacetSpec {
        facet: Facet::Kind,
        name: text("Type", "Kind"),
        flag: flag("--kind", Some("--type")),
        key: "kinds",
        typed: false,
        shape: Shape::Values(Values {
            source: Source::Fixed(|lang| {
                let s = lang.strings();
                Kind::ALL.map(|k| (k.id(), s.kind_label(k))).to_vec()
            }),
            heading: text("Type", "Kind"),
            of_entry: |entry, add| add(entry.kind.id()),
            chosen: |filters| filters.kinds.iter().map(|k| k.id()).collect(),
            choose: |filters, id| filters.kinds.extend(Kind::from_id(id)),
            counting: Counting::Plain,
            stale_row: false,
        }),
    },
    FacetSpec {
        facet: Facet::Status,
        name: text("Status", "Status"),
        flag: flag("--status", None),
        key: "statuses",
        typed: false,
        shape: Shape::Values(Values {
            source: Source::Fixed(|lang| {
                let s = lang.strings();
                Status::ALL.map(|st| (st.id(), s.status_label(st))).to_vec()
            }),
            heading: text("Status", "Status"),
            of_entry: |entry, add| add(entry.status.id()),
            chosen: |filters| filters.statuses.iter().map(|s| s.id()).collect(),
            choose: |filters, id| filters.statuses.extend(Status::from_id(id)),
            counting: Counting::OpensArea,
            stale_row: true,
        }),
    },
    FacetSpec {
        facet: Facet::Age,
        name: text("Alder", "Age"),
        flag: flag("--age", Some("--alder")),
        key: "age",
        typed: true,
        shape: Shape::Age,
    },
];

/// The facets' names in `lang`, lowercased and joined by commas, in picker
/// order: `kommune, målgruppe, tema, type, status, alder`.
pub fn names(lang: Lang) -> String {
    FACETS
        .iter()
        .map(|spec| spec.name.get(lang).to_lowercase())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `text` with `{facets}` replaced by [`names`] (for the key table's and
/// the filter bar's texts, which list the facets).
pub fn with_names(text: &'static str, lang: Lang) -> Cow<'static, str> {
    if text.contains("{facets}") {
        Cow::Owned(text.replace("{facets}", &names(lang)))
    } else {
        Cow::Borrowed(text)
    }
}

/// The facet that ends with the row of the entries not verified for a year.
pub fn stale_facet() -> Facet {
    FACETS
        .iter()
        .find(|spec| spec.values().is_some_and(|v| v.stale_row))
        .map_or(Facet::Status, |spec| spec.facet)
}

#[cfg(test)]
mod tests;
