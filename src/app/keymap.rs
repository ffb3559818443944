//! The one key table. [`super::keys::map_key`], the key-hint bar and the help
//! screen all read [`BINDINGS`], and a test compares the README's key table
//! with [`markdown`], so none of them can drift.
//!
//! Modeless, like fzf: a printable character always types (into the search,
//! or into the picker's type-ahead); commands sit on Ctrl keys, function
//! keys, Enter, Esc and Tab. No Alt (tmux and SSH delay Esc), and none of
//! Ctrl-S/Ctrl-Q (flow control), Ctrl-I (Tab) or Ctrl-M (Enter) as commands;
//! Ctrl-H is Backspace on some terminals and is read as such.

use std::borrow::Cow;

use crossterm::event::KeyCode;

use super::action::Action;
use super::focus::ListView;
use crate::i18n::Lang;
use crate::search::facets;

/// Where a binding works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Everywhere, also in the help, the picker and the copy menu.
    Always,
    /// The main screen: search line, results and details.
    Main,
    /// The search line has the focus.
    Search,
    /// The result list has the focus.
    List,
    /// The details have the focus.
    Details,
    /// The filter picker is open.
    Picker,
    /// The copy menu is open.
    Menu,
    /// The help is open.
    Help,
}

impl Place {
    /// How the help and the README name the place.
    pub fn name(self, lang: Lang) -> &'static str {
        let (da, en) = match self {
            Place::Always => ("overalt", "everywhere"),
            Place::Main => (
                "søgelinje, resultater, detaljer",
                "search line, results, details",
            ),
            Place::Search => ("søgelinjen", "search line"),
            Place::List => ("resultaterne", "results"),
            Place::Details => ("detaljerne", "details"),
            Place::Picker => ("filtervælgeren", "filter picker"),
            Place::Menu => ("kopimenuen", "copy menu"),
            Place::Help => ("hjælpen", "help"),
        };
        if lang.is_english() { en } else { da }
    }
}

/// A key: its code and whether Ctrl is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Whether Ctrl is held.
    pub ctrl: bool,
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

/// A short entry in the key-hint bar.
#[derive(Debug, Clone, Copy)]
pub struct Hint {
    /// The key as the bar shows it.
    pub key: &'static str,
    /// What it does, in Danish.
    pub da: &'static str,
    /// What it does, in English.
    pub en: &'static str,
    /// Importance: the bar drops the highest numbers first when it is too
    /// narrow; 0 is never dropped.
    pub rank: u8,
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Where it works.
    pub places: &'static [Place],
    /// The keys and what each asks for. Empty for the typing row: every
    /// printable character types.
    pub keys: &'static [(Key, Action)],
    /// The keys as the help and README show them.
    pub label: &'static str,
    /// What it does, in Danish; `{facets}` stands for the facets' names
    /// ([`crate::search::facets::names`]).
    pub da: &'static str,
    /// What it does, in English; `{facets}` as in Danish.
    pub en: &'static str,
    /// Its entry in the key-hint bar, if it has one.
    pub hint: Option<Hint>,
    /// Where the focus changes what the hint should say, or whether it is
    /// worth its room: the hint for that place instead (`None`: no hint
    /// there).
    pub focus: &'static [(Place, Option<Hint>)],
}

impl Binding {
    /// What it does in `lang`, the facets named from their table.
    pub fn does(&self, lang: Lang) -> Cow<'static, str> {
        facets::with_names(if lang.is_english() { self.en } else { self.da }, lang)
    }
}

impl Hint {
    /// What it does in `lang`.
    pub fn does(&self, lang: Lang) -> &'static str {
        if lang.is_english() { self.en } else { self.da }
    }
}

const fn hint(key: &'static str, da: &'static str, en: &'static str, rank: u8) -> Option<Hint> {
    Some(Hint { key, da, en, rank })
}

use Action as A;
use KeyCode as K;
use Place as P;

const MOVE_KEYS: &[(Key, Action)] = &[
    (key(K::Up), A::Up),
    (key(K::Down), A::Down),
    (ctrl('p'), A::Up),
    (ctrl('n'), A::Down),
    (ctrl('k'), A::Up),
    (ctrl('j'), A::Down),
];

/// Every key binding of the app, in the order the help and README list them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        places: &[P::Always],
        keys: &[(key(K::F(1)), A::ToggleHelp)],
        label: "F1",
        da: "hjælp med alle taster; F1 eller Esc lukker den igen",
        en: "help with every key; F1 or Esc closes it again",
        hint: hint("F1", "hjælp", "help", 0),
        focus: &[],
    },
    Binding {
        places: &[P::Always],
        keys: &[(ctrl('c'), A::Quit)],
        label: "Ctrl-C",
        da: "afslut, altid",
        en: "quit, always",
        hint: hint("Ctrl-C", "afslut", "quit", 0),
        focus: &[],
    },
    Binding {
        places: &[P::Always],
        keys: &[(ctrl('z'), A::Suspend)],
        label: "Ctrl-Z",
        da: "stil appen i bero (terminalen gendannes); fg henter den frem igen",
        en: "suspend the app (the terminal is restored); fg brings it back",
        hint: None,
        focus: &[],
    },
    Binding {
        places: &[P::Main],
        keys: &[],
        label: "a–z 0–9 …",
        da: "skriv i søgningen, uanset hvor fokus er; en kommune og en alder bliver til filtre",
        en: "type into the search, wherever the focus is; a municipality and an age become filters",
        hint: None,
        focus: &[],
    },
    Binding {
        places: &[P::Main],
        keys: MOVE_KEYS,
        label: "↑ ↓ Ctrl-P Ctrl-N Ctrl-K Ctrl-J",
        da: "flyt i resultaterne; rul i detaljerne",
        en: "move in the results; scroll the details",
        hint: hint("↑↓", "vælg", "select", 3),
        focus: &[(P::Details, hint("↑↓", "rul", "scroll", 5))],
    },
    Binding {
        places: &[P::Main],
        keys: &[(key(K::PageUp), A::PageUp), (key(K::PageDown), A::PageDown)],
        label: "PgUp PgDn",
        da: "en side op eller ned",
        en: "a page up or down",
        hint: None,
        focus: &[],
    },
    Binding {
        places: &[P::Main],
        keys: &[(key(K::Tab), A::FocusNext), (key(K::BackTab), A::FocusPrev)],
        label: "Tab Shift-Tab",
        da: "skift mellem søgelinje, resultater og detaljer",
        en: "move between search line, results and details",
        hint: hint("Tab", "skift", "switch", 7),
        focus: &[],
    },
    Binding {
        places: &[P::Main],
        keys: &[(key(K::Esc), A::Back)],
        label: "Esc",
        da: "tilbage: detaljer → liste → søgelinje, så ryd ordene, så filtrene; afslutter aldrig",
        en: "back out: details → list → search line, then clear the words, then the filters; never quits",
        hint: hint("Esc", "tilbage", "back", 5),
        focus: &[(P::Details, hint("Esc", "tilbage", "back", 4))],
    },
    Binding {
        places: &[P::Main],
        keys: &[(ctrl('f'), A::OpenPicker), (key(K::F(3)), A::OpenPicker)],
        label: "Ctrl-F F3",
        da: "vælg filtre – {facets} – med antal; skriv for at finde",
        en: "choose filters – {facets} – with counts; type to find",
        hint: hint("Ctrl-F", "filtre", "filters", 2),
        focus: &[(P::Details, hint("Ctrl-F", "filtre", "filters", 6))],
    },
    Binding {
        places: &[P::Main],
        keys: &[(key(K::F(2)), A::EditAge)],
        label: "F2",
        da: "sæt borgerens alder; en ny alder erstatter den gamle",
        en: "set the citizen's age; a new age replaces the old one",
        hint: hint("F2", "alder", "age", 6),
        focus: &[],
    },
    Binding {
        places: &[P::Main],
        keys: &[(ctrl('t'), A::ToggleMark)],
        label: "Ctrl-T",
        da: "sæt den valgte på kortlisten til mødet, eller tag den af (+ i listen)",
        en: "put the selected initiative on the meeting's shortlist, or take it off (+ in the list)",
        hint: hint("Ctrl-T", "kortliste", "shortlist", 2),
        focus: &[(P::Details, hint("Ctrl-T", "kortliste", "shortlist", 3))],
    },
    Binding {
        places: &[P::Main],
        keys: &[
            (ctrl('l'), A::ShowView(ListView::Shortlist)),
            (key(K::F(5)), A::ShowView(ListView::Shortlist)),
        ],
        label: "Ctrl-L F5",
        da: "vis kortlisten i den rækkefølge, den blev lavet; igen, eller Esc, tilbage til søgningen",
        en: "show the shortlist in the order it was made; again, or Esc, back to the search",
        hint: hint("Ctrl-L", "vis kortliste", "show shortlist", 4),
        focus: &[],
    },
    Binding {
        places: &[P::Main],
        keys: &[(ctrl('g'), A::ToggleFavourite)],
        label: "Ctrl-G",
        da: "gem den valgte som favorit, eller fjern den (* i listen)",
        en: "save the selected initiative as a favourite, or remove it (* in the list)",
        hint: hint("Ctrl-G", "favorit", "favourite", 8),
        focus: &[],
    },
    Binding {
        places: &[P::Main],
        keys: &[
            (ctrl('o'), A::ShowView(ListView::Favourites)),
            (key(K::F(6)), A::ShowView(ListView::Favourites)),
        ],
        label: "Ctrl-O F6",
        da: "vis favoritterne; igen, eller Esc, tilbage til søgningen",
        en: "show the favourites; again, or Esc, back to the search",
        hint: hint("Ctrl-O", "favoritter", "favourites", 9),
        focus: &[],
    },
    Binding {
        places: &[P::Main],
        keys: &[
            (ctrl('r'), A::ShowView(ListView::Recents)),
            (key(K::F(7)), A::ShowView(ListView::Recents)),
        ],
        label: "Ctrl-R F7",
        da: "vis de senest åbnede indsatser (kun her, aldrig på startskærmen)",
        en: "show the recently opened initiatives (only here, never on the start screen)",
        hint: hint("Ctrl-R", "senest åbnede", "recent", 10),
        focus: &[],
    },
    Binding {
        places: &[P::Main],
        keys: &[(ctrl('y'), A::OpenCopyMenu)],
        label: "Ctrl-Y",
        da: "kopiér henvisningsresumé, hele kortlisten, et telefonnummer, en e-mail, en webadresse eller en rettelse til kataloget",
        en: "copy the referral summary, the whole shortlist, a phone number, an e-mail, a web address or a correction to the catalogue",
        hint: hint("Ctrl-Y", "kopiér", "copy", 3),
        focus: &[(P::Details, hint("Ctrl-Y", "kopiér", "copy", 1))],
    },
    Binding {
        places: &[P::Main],
        keys: &[(ctrl('x'), A::Print)],
        label: "Ctrl-X",
        da: "udskriv kortlisten – eller den valgte indsats – på den normale skærm, hvor den bliver stående i terminalens historik, og vend tilbage med alt som før",
        en: "print the shortlist – or the selected initiative – on the normal screen, where it stays in the terminal's history, and come back with everything as it was",
        hint: hint("Ctrl-X", "udskriv", "print", 4),
        focus: &[(P::Details, hint("Ctrl-X", "udskriv", "print", 2))],
    },
    Binding {
        places: &[P::Main],
        keys: &[
            (key(K::Backspace), A::DeleteBack),
            (ctrl('h'), A::DeleteBack),
        ],
        label: "Backspace",
        da: "slet tegnet før markøren; i en tom søgning fjernes det sidste filter",
        en: "delete the character before the cursor; on an empty search, remove the last filter",
        hint: None,
        focus: &[],
    },
    // On the whole main screen, like Backspace: a new situation can be
    // typed straight from the details of the last one.
    Binding {
        places: &[P::Main],
        keys: &[(ctrl('w'), A::DeleteWord)],
        label: "Ctrl-W",
        da: "slet ordet før markøren",
        en: "delete the word before the cursor",
        hint: None,
        focus: &[],
    },
    Binding {
        places: &[P::Main],
        keys: &[(ctrl('u'), A::ClearQuery)],
        label: "Ctrl-U",
        da: "slet alt før markøren og den skrevne kommune og alder (filtre valgt med Ctrl-F bliver)",
        en: "delete everything before the cursor, and the municipality and age typed (filters picked with Ctrl-F stay)",
        hint: hint("Ctrl-U", "ryd", "clear", 9),
        focus: &[],
    },
    // Terminals send Ctrl-_ (and Ctrl-/, Ctrl-7) as one byte, 0x1F, which
    // crossterm reads as Ctrl-7.
    Binding {
        places: &[P::Main],
        keys: &[
            (ctrl('7'), A::Undo),
            (ctrl('_'), A::Undo),
            (ctrl('/'), A::Undo),
        ],
        label: "Ctrl-_",
        da: "fortryd den sidste rydning: ordene og filtrene, som de var før Esc, Ctrl-U, Backspace eller en ny skrevet kommune",
        en: "undo the last clear: the words and filters as they were before Esc, Ctrl-U, Backspace or a new typed municipality",
        hint: hint("Ctrl-_", "fortryd", "undo", 9),
        focus: &[],
    },
    Binding {
        places: &[P::Search, P::List],
        keys: &[(key(K::Enter), A::Open)],
        label: "Enter",
        da: "åbn den valgte indsats: næste skridt og kontakter først",
        en: "open the selected initiative: next steps and contacts first",
        hint: hint("Enter", "åbn", "open", 1),
        // Open already: Enter does nothing more there.
        focus: &[(P::Details, None)],
    },
    Binding {
        places: &[P::Search],
        keys: &[
            (key(K::Left), A::CursorLeft),
            (key(K::Right), A::CursorRight),
        ],
        label: "← →",
        da: "flyt markøren",
        en: "move the cursor",
        hint: None,
        focus: &[],
    },
    Binding {
        places: &[P::Search],
        keys: &[
            (key(K::Home), A::CursorStart),
            (ctrl('a'), A::CursorStart),
            (key(K::End), A::CursorEnd),
            (ctrl('e'), A::CursorEnd),
        ],
        label: "Home End Ctrl-A Ctrl-E",
        da: "til starten eller slutningen af linjen",
        en: "to the start or the end of the line",
        hint: None,
        focus: &[],
    },
    Binding {
        places: &[P::Search],
        keys: &[(key(K::Delete), A::DeleteForward)],
        label: "Delete",
        da: "slet tegnet under markøren",
        en: "delete the character under the cursor",
        hint: None,
        focus: &[],
    },
    Binding {
        places: &[P::List, P::Details],
        keys: &[(key(K::Home), A::Home), (key(K::End), A::End)],
        label: "Home End",
        da: "første eller sidste (i detaljerne: top eller bund)",
        en: "first or last (in the details: top or bottom)",
        hint: None,
        focus: &[],
    },
    Binding {
        places: &[P::Picker],
        keys: &[],
        label: "a–z 0–9 …",
        da: "find en værdi; i alder: skriv alderen",
        en: "find a value; on the age: type the age",
        hint: hint("a–z", "find", "find", 6),
        focus: &[],
    },
    Binding {
        places: &[P::Picker],
        keys: MOVE_KEYS,
        label: "↑ ↓ Ctrl-P Ctrl-N Ctrl-K Ctrl-J",
        da: "vælg en værdi; i alder: hæv eller sænk alderen",
        en: "choose a value; on the age: raise or lower it",
        hint: hint("↑↓", "værdi", "value", 3),
        focus: &[],
    },
    Binding {
        places: &[P::Picker],
        keys: &[
            (key(K::PageUp), A::PageUp),
            (key(K::PageDown), A::PageDown),
            (key(K::Home), A::Home),
            (key(K::End), A::End),
        ],
        label: "PgUp PgDn Home End",
        da: "en side op eller ned, første eller sidste værdi",
        en: "a page up or down, the first or last value",
        hint: None,
        focus: &[],
    },
    Binding {
        places: &[P::Picker],
        keys: &[
            (key(K::Left), A::PrevFacet),
            (key(K::Right), A::NextFacet),
            (key(K::BackTab), A::PrevFacet),
            (key(K::Tab), A::NextFacet),
        ],
        label: "← → Tab Shift-Tab",
        da: "skift filter: {facets}",
        en: "change the filter: {facets}",
        hint: hint("←→", "filter", "filter", 2),
        focus: &[],
    },
    Binding {
        places: &[P::Picker],
        keys: &[(key(K::F(2)), A::EditAge)],
        label: "F2",
        da: "gå til alderen",
        en: "go to the age",
        hint: None,
        focus: &[],
    },
    Binding {
        places: &[P::Picker],
        keys: &[(key(K::Enter), A::Toggle)],
        label: "Enter",
        da: "slå værdien til eller fra",
        en: "turn the value on or off",
        hint: hint("Enter", "til/fra", "on/off", 1),
        focus: &[],
    },
    Binding {
        places: &[P::Picker],
        keys: &[
            (key(K::Backspace), A::DeleteBack),
            (ctrl('h'), A::DeleteBack),
        ],
        label: "Backspace",
        da: "slet i det, du har skrevet",
        en: "delete from what you typed",
        hint: None,
        focus: &[],
    },
    Binding {
        places: &[P::Picker],
        keys: &[(key(K::Delete), A::ClearFacet)],
        label: "Delete",
        da: "ryd filteret",
        en: "clear the filter",
        hint: hint("Del", "ryd", "clear", 5),
        focus: &[],
    },
    Binding {
        places: &[P::Picker],
        keys: &[
            (key(K::Esc), A::Back),
            (ctrl('f'), A::Back),
            (key(K::F(3)), A::Back),
        ],
        label: "Esc Ctrl-F F3",
        da: "luk vælgeren",
        en: "close the picker",
        hint: hint("Esc", "luk", "close", 1),
        focus: &[],
    },
    Binding {
        places: &[P::Menu],
        keys: MOVE_KEYS,
        label: "↑ ↓",
        da: "vælg, hvad der kopieres",
        en: "choose what to copy",
        hint: hint("↑↓", "vælg", "choose", 2),
        focus: &[],
    },
    Binding {
        places: &[P::Menu],
        keys: &[(key(K::Enter), A::Open)],
        label: "Enter",
        da: "kopiér til terminalens udklipsholder (OSC 52, også over SSH)",
        en: "copy to the terminal's clipboard (OSC 52, also over SSH)",
        hint: hint("Enter", "kopiér", "copy", 1),
        focus: &[],
    },
    Binding {
        places: &[P::Menu],
        keys: &[(key(K::Esc), A::Back)],
        label: "Esc",
        da: "luk menuen",
        en: "close the menu",
        hint: hint("Esc", "luk", "close", 1),
        focus: &[],
    },
    Binding {
        places: &[P::Help],
        keys: &[
            (key(K::Up), A::Up),
            (key(K::Down), A::Down),
            (key(K::PageUp), A::PageUp),
            (key(K::PageDown), A::PageDown),
            (key(K::Home), A::Home),
            (key(K::End), A::End),
        ],
        label: "↑ ↓ PgUp PgDn Home End",
        da: "rul i hjælpen",
        en: "scroll the help",
        hint: hint("↑↓", "rul", "scroll", 2),
        focus: &[],
    },
    Binding {
        places: &[P::Help],
        keys: &[(key(K::Esc), A::ToggleHelp), (key(K::Enter), A::ToggleHelp)],
        label: "Esc Enter",
        da: "luk hjælpen",
        en: "close the help",
        hint: hint("Esc", "luk", "close", 1),
        focus: &[],
    },
];

/// The action bound to `key` in the first of `places` that binds it.
pub fn lookup(places: &[Place], key: Key) -> Option<Action> {
    places.iter().find_map(|place| {
        BINDINGS
            .iter()
            .filter(|b| b.places.contains(place))
            .flat_map(|b| b.keys.iter())
            .find(|(k, _)| *k == key)
            .map(|&(_, action)| action)
    })
}

/// The hints for `places` (most specific first), in table order, each once;
/// a binding's hint for the most specific place where it has one.
pub fn hints(places: &[Place]) -> Vec<Hint> {
    let mut out: Vec<Hint> = Vec::new();
    let here = places.first();
    for binding in BINDINGS {
        let hint = match binding.focus.iter().find(|(p, _)| Some(p) == here) {
            Some((_, hint)) => *hint,
            None => binding.hint,
        };
        if let Some(h) = hint
            && binding.places.iter().any(|p| places.contains(p))
            && !out.iter().any(|o| o.key == h.key)
        {
            out.push(h);
        }
    }
    out
}

/// The key table as the README's Markdown table, in `lang`.
pub fn markdown(lang: Lang) -> String {
    let (place, keys, does) = if lang.is_english() {
        ("where", "key", "does")
    } else {
        ("hvor", "tast", "gør")
    };
    let mut out = format!("| {place} | {keys} | {does} |\n|---|---|---|\n");
    let mut previous: &[Place] = &[];
    for binding in BINDINGS {
        let place = if binding.places == previous {
            String::new()
        } else {
            binding
                .places
                .iter()
                .map(|p| p.name(lang))
                .collect::<Vec<_>>()
                .join("; ")
        };
        previous = binding.places;
        let label = binding
            .label
            .split(' ')
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&format!("| {place} | {label} | {} |\n", binding.does(lang)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// No key is bound twice in one place, so the first match is the only one.
    #[test]
    fn no_key_is_bound_twice_in_a_place() {
        for place in [
            P::Always,
            P::Main,
            P::Search,
            P::List,
            P::Details,
            P::Picker,
            P::Menu,
            P::Help,
        ] {
            let keys: Vec<Key> = BINDINGS
                .iter()
                .filter(|b| b.places.contains(&place))
                .flat_map(|b| b.keys.iter().map(|(k, _)| *k))
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{k:?} twice in {place:?}");
            }
        }
    }

    /// Commands are never a plain printable character, never Alt, and keep
    /// clear of flow control (Ctrl-S/Q), Tab (Ctrl-I) and Enter (Ctrl-M).
    #[test]
    fn commands_survive_ssh_and_tmux() {
        for binding in BINDINGS {
            for (k, action) in binding.keys {
                if let KeyCode::Char(c) = k.code {
                    assert!(k.ctrl, "plain {c:?} is a command: {action:?}");
                    assert!(!"sqim".contains(c), "Ctrl-{c} is bound: {action:?}");
                    if c == 'h' {
                        assert_eq!(*action, A::DeleteBack, "Ctrl-H is Backspace");
                    }
                }
            }
        }
    }

    #[test]
    fn help_and_quit_are_hinted_everywhere() {
        for places in [
            &[P::Search, P::Main, P::Always][..],
            &[P::Picker, P::Always],
            &[P::Help, P::Always],
        ] {
            let hints = hints(places);
            assert!(hints.iter().any(|h| h.key == "F1" && h.rank == 0));
            assert!(hints.iter().any(|h| h.key == "Ctrl-C" && h.rank == 0));
        }
    }
}
