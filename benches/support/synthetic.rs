//! A deterministic generator of large, realistic Danish catalogues for the
//! benchmarks (`benches/search.rs`) and the examples (`gen_catalogue`, `time_search`).
//!
//! Entries look like the bundled ones: compound Danish names
//! ("Mentorforløb Østjylland"), a one-line summary, a description of 150–300
//! words drawn with a Zipf-like skew from a vocabulary of common words, domain
//! words and generated compounds (so the dictionary keeps growing with the
//! catalogue, as real text does), providers, eligibility, next steps, areas,
//! ages and statuses. The vocabularies are the bundled catalogue's.

#![allow(dead_code)]

use indsats::catalogue::{
    AgeRange, Area, Catalogue, Contact, Initiative, Kind, Scope, Source, Status, Vocabularies,
};

/// Function words, most frequent first.
const COMMON: &[&str] = &[
    "og", "i", "på", "unge", "er", "for", "en", "til", "med", "et", "der", "at", "har", "om",
    "den", "det", "som", "eller", "fra", "kan", "ikke", "af", "de", "skal", "under", "hvor", "var",
    "mellem", "blandt", "sig", "vi", "får", "også", "så", "før", "man", "når", "efter", "hver",
    "alle", "flere", "mere", "nye", "ved", "mod", "uden", "hos", "deres", "sin", "sammen",
];

/// Domain words.
const WORDS: &[&str] = &[
    "uddannelse",
    "job",
    "mentor",
    "praktik",
    "virksomhed",
    "virksomheder",
    "jobcenter",
    "kommune",
    "kommunen",
    "regionen",
    "forløb",
    "støtte",
    "trivsel",
    "psykisk",
    "fysisk",
    "sociale",
    "udfordringer",
    "fællesskab",
    "netværk",
    "frivillige",
    "samarbejde",
    "indsats",
    "indsatsen",
    "tilbud",
    "tilbuddet",
    "målgruppe",
    "målgruppen",
    "erfaringer",
    "vejledning",
    "vejleder",
    "sagsbehandler",
    "borger",
    "borgeren",
    "familie",
    "forældre",
    "skole",
    "skolen",
    "elever",
    "studerende",
    "læring",
    "kompetencer",
    "arbejdsmarkedet",
    "ansættelse",
    "løntilskud",
    "fleksjob",
    "ledighed",
    "ydelse",
    "kontanthjælp",
    "uddannelseshjælp",
    "misbrug",
    "angst",
    "depression",
    "diagnose",
    "handicap",
    "ordblind",
    "kriminalitet",
    "bolig",
    "hjemløshed",
    "økonomi",
    "gæld",
    "fritid",
    "idræt",
    "kultur",
    "motivation",
    "relationer",
    "tillid",
    "ansvar",
    "hverdag",
    "struktur",
    "mødestabilitet",
    "fravær",
    "frafald",
    "overgang",
    "grundskole",
    "ungdomsuddannelse",
    "erhvervsuddannelse",
    "gymnasium",
    "hf",
    "fgu",
    "eud",
    "vuc",
    "kursus",
    "værksted",
    "hold",
    "gruppe",
    "samtale",
    "samtaler",
    "plan",
    "mål",
    "resultater",
    "evaluering",
    "metode",
    "model",
    "pilot",
    "projekt",
    "midler",
    "pulje",
    "finansiering",
    "partnerskab",
    "aftale",
    "koordinering",
    "helhedsorienteret",
    "tværfaglig",
    "tidlig",
    "opsporing",
    "forebyggelse",
    "behandling",
    "psykiatri",
    "sundhed",
    "læge",
    "rådgivning",
    "anonym",
    "gratis",
    "ugentlig",
    "måneder",
    "år",
    "uger",
    "dage",
    "timer",
    "Østjylland",
    "Midtjylland",
    "Vestjylland",
    "Aarhus",
    "Randers",
    "Horsens",
    "Skive",
    "Herning",
    "Viborg",
    "Silkeborg",
    "Holstebro",
    "Ringkøbing-Skjern",
    "Århus",
    "Ærø",
    "café",
    "idé",
    "idéen",
    "miljø",
    "miljøet",
    "særlige",
    "behov",
    "tilgængelighed",
];

/// Stems that combine into compounds ("mentorforløb", "ungejob").
const STEMS: &[&str] = &[
    "unge",
    "job",
    "mentor",
    "praktik",
    "uddannelses",
    "erhvervs",
    "bolig",
    "fritids",
    "trivsels",
    "lærings",
    "vejlednings",
    "netværks",
    "støtte",
    "samarbejds",
    "familie",
    "skole",
    "kompetence",
    "motivations",
    "overgangs",
    "frivilligheds",
    "sundheds",
    "kultur",
    "idræts",
    "værksteds",
    "team",
    "forløbs",
    "indsats",
    "garanti",
    "brobygnings",
    "bro",
];

/// Heads of compounds.
const HEADS: &[&str] = &[
    "indsats",
    "forløb",
    "værksted",
    "netværk",
    "ordning",
    "hus",
    "center",
    "team",
    "skole",
    "spor",
    "plan",
    "pulje",
    "model",
    "program",
    "café",
    "fællesskab",
    "mentor",
    "job",
    "garanti",
    "vejledning",
    "støtte",
    "hold",
    "projekt",
    "partnerskab",
    "samtale",
];

const PLACES: &[&str] = &[
    "Aarhus",
    "Randers",
    "Horsens",
    "Skive",
    "Herning",
    "Viborg",
    "Silkeborg",
    "Holstebro",
    "Ringkøbing-Skjern",
    "Østjylland",
    "Midtjylland",
    "Vestjylland",
    "Djursland",
    "Samsø",
];

const PROVIDERS: &[&str] = &[
    "Jobcentret",
    "Kommunens ungeindsats",
    "FGU-institutionen",
    "Region Midtjylland",
    "Røde Kors",
    "Kirkens Korshær",
    "Ungdomsskolen",
    "Psykiatrien",
    "VUC",
    "Erhvervsskolen",
    "Lokale virksomheder",
    "Frivilligcentret",
    "Boligsociale helhedsplaner",
];

/// SplitMix64: small, fast, and the same sequence on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// An element of `items`.
    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// An index in `0..n` skewed towards 0 (log-uniform, about Zipf's law).
    pub fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        (((n as f64 + 1.0).powf(u)) as usize)
            .saturating_sub(1)
            .min(n - 1)
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn compound(rng: &mut Rng) -> String {
    match rng.below(10) {
        0 => format!("{}{}{}", rng.pick(STEMS), rng.pick(STEMS), rng.pick(HEADS)),
        _ => format!("{}{}", rng.pick(STEMS), rng.pick(HEADS)),
    }
}

/// Syllables of rare words: names of places, people, schools and products.
const SYLLABLES: &[&str] = &[
    "ka", "ro", "bø", "hel", "sted", "vig", "lund", "bjerg", "mar", "tin", "sø", "gård", "han",
    "sen", "dal", "holm", "strup", "rup", "ager", "by", "li", "ne", "tor", "æb", "ås", "kil", "de",
    "vang", "bro", "mo", "fre", "ja",
];

/// A rare word of 2–4 syllables (about a million exist; 2 % of the words are
/// rare, so a 100,000-entry catalogue has some 200,000 distinct words, about
/// what Heaps' law predicts for 20 million words of running text).
fn rare_word(rng: &mut Rng) -> String {
    (0..rng.range(2, 4)).map(|_| rng.pick(SYLLABLES)).collect()
}

/// A word of running text: a function word, a domain word, a compound, a
/// number or a rare word.
fn text_word(rng: &mut Rng) -> String {
    match rng.below(100) {
        0..=43 => COMMON[rng.zipf(COMMON.len())].to_owned(),
        44..=80 => WORDS[rng.zipf(WORDS.len())].to_owned(),
        81..=93 => compound(rng),
        94..=97 => rng.range(2, 2030).to_string(),
        _ => capitalise(&rare_word(rng)),
    }
}

/// A sentence of `lo..=hi` words, capitalised and ending in a full stop.
fn sentence(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let n = rng.range(lo, hi);
    let words: Vec<String> = (0..n).map(|_| text_word(rng)).collect();
    let mut s = capitalise(&words.join(" "));
    if rng.chance(30) {
        // A comma somewhere, as in real text.
        if let Some(space) = s.find(' ') {
            s.insert(space, ',');
        }
    }
    s.push('.');
    s
}

/// A text of about `lo..=hi` words in sentences of 6–18 words.
fn paragraph(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let target = rng.range(lo, hi);
    let mut words = 0;
    let mut sentences = Vec::new();
    while words < target {
        let s = sentence(rng, 6, 18);
        words += s.split(' ').count();
        sentences.push(s);
    }
    sentences.join(" ")
}

fn ids(rng: &mut Rng, from: &[String], lo: usize, hi: usize) -> Vec<String> {
    let n = rng.range(lo, hi).min(from.len());
    let mut chosen: Vec<String> = Vec::new();
    while chosen.len() < n {
        let id = &from[rng.below(from.len())];
        if !chosen.contains(id) {
            chosen.push(id.clone());
        }
    }
    chosen
}

/// Entry number `n` of a synthetic catalogue over `vocab`.
pub fn initiative(rng: &mut Rng, n: usize, vocab: &Vocabularies) -> Initiative {
    let head = capitalise(&compound(rng));
    let name = match rng.below(4) {
        0 => head.clone(),
        1 => format!("{head} {}", rng.pick(PLACES)),
        2 => format!("{head} for unge i {}", rng.pick(PLACES)),
        _ => format!("{} {}", capitalise(&rare_word(rng)), compound(rng)),
    };
    let aliases = match rng.below(3) {
        0 => Vec::new(),
        1 => vec![
            name.split_whitespace()
                .filter_map(|w| w.chars().next())
                .collect(),
        ],
        _ => vec![capitalise(&compound(rng)), format!("{} {}", head, n % 97)],
    };
    let municipalities: Vec<String> = vocab.municipalities.iter().map(|m| m.id.clone()).collect();
    let themes: Vec<String> = vocab.themes.iter().map(|t| t.id.clone()).collect();
    let groups: Vec<String> = vocab.target_groups.iter().map(|t| t.id.clone()).collect();
    let scope = match rng.below(100) {
        0..=29 => Scope::Region,
        30..=39 => Scope::National,
        40..=94 => Scope::Municipalities,
        _ => Scope::OutsideRegion,
    };
    let status = match rng.below(100) {
        0..=59 => Status::Active,
        60..=69 => Status::Pilot,
        70..=84 => Status::Proposed,
        85..=94 if scope == Scope::OutsideRegion => Status::Inspiration,
        85..=94 => Status::Active,
        _ => Status::Ended,
    };
    let age = rng.chance(60).then(|| {
        let min = rng.range(12, 18) as u8;
        AgeRange {
            min: rng.chance(80).then_some(min),
            max: Some(min + rng.range(5, 15) as u8),
        }
    });
    Initiative {
        id: format!("syn-{n}"),
        name,
        aliases,
        summary: sentence(rng, 8, 18),
        description: paragraph(rng, 150, 300),
        status,
        // From the entry number, not the generator, so the rest of a
        // synthetic catalogue stays what it was before kinds existed.
        kind: match n % 10 {
            0 => Kind::Professional,
            1 => Kind::Funding,
            2 => Kind::Policy,
            _ => Kind::Offer,
        },
        themes: ids(rng, &themes, 1, 3),
        target_groups: ids(rng, &groups, 1, 3),
        age,
        area: Area {
            scope,
            municipalities: if scope == Scope::Municipalities {
                ids(rng, &municipalities, 1, 4)
            } else {
                Vec::new()
            },
            note: rng.chance(20).then(|| sentence(rng, 3, 8)),
        },
        providers: (0..rng.range(1, 2))
            .map(|_| rng.pick(PROVIDERS).to_owned())
            .collect(),
        keywords: Vec::new(),
        way_in: false,
        eligibility: rng.chance(70).then(|| sentence(rng, 8, 20)),
        next_steps: (0..rng.range(1, 3)).map(|_| sentence(rng, 6, 14)).collect(),
        contacts: vec![Contact {
            organisation: rng.pick(PROVIDERS).to_owned(),
            ..Contact::default()
        }],
        sources: vec![Source {
            title: "Syntetisk kilde".to_owned(),
            url: None,
            page: Some(rng.range(1, 40) as u32),
            date: None,
            accessed: None,
        }],
        last_verified: "2026-11-01".to_owned(),
        local_note: None,
    }
}

/// A catalogue of `size` synthetic entries over the vocabularies of `base`,
/// the same for the same `size` and `seed`.
pub fn catalogue(base: &Catalogue, size: usize, seed: u64) -> Catalogue {
    let mut rng = Rng::new(seed);
    let initiatives = (0..size)
        .map(|n| initiative(&mut rng, n, &base.vocabularies))
        .collect();
    Catalogue {
        schema_version: base.schema_version,
        title: format!("Syntetisk katalog ({size} indsatser)"),
        updated: base.updated.clone(),
        vocabularies: base.vocabularies.clone(),
        initiatives,
        maintainer: base.maintainer.clone(),
    }
}

/// One line per entry with all its searchable text, for `fzf --filter`.
pub fn line(entry: &Initiative) -> String {
    let mut parts = vec![entry.name.clone()];
    parts.extend(entry.aliases.iter().cloned());
    parts.push(entry.summary.clone());
    parts.push(entry.description.clone());
    parts.extend(entry.providers.iter().cloned());
    parts.extend(entry.eligibility.iter().cloned());
    parts.extend(entry.next_steps.iter().cloned());
    parts.extend(entry.area.note.iter().cloned());
    parts.join(" | ")
}
