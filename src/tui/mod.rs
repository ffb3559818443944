//! The interactive app's event loop: terminal input → `Action` → `update` → `view`.
//!
//! Draws the first frame at once, then blocks on input; drains every pending
//! event, updates, searches once and draws once, inside synchronized output.
//! Takes plain values ([`Options`]) and returns plain values: how the app
//! ended ([`Ended`]: the text to print after quitting, or the signal that
//! ended it), or an [`Error`].

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

use crossterm::event::Event;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use crate::app::keys::map_key;
use crate::app::{Action, App, Effect};
use crate::catalogue::Loaded;
use crate::date::Date;
use crate::i18n::Lang;
use crate::search::SearchIndex;
use crate::store;
use crate::term::Session;
use crate::term::events::{self, Incoming};
use crate::term::signals;

/// What the app starts with.
pub struct Options {
    /// The catalogue.
    pub loaded: Loaded,
    /// Its search index.
    pub index: SearchIndex,
    /// The interface language.
    pub lang: Lang,
    /// Today.
    pub today: Date,
    /// Draw without colour (`NO_COLOR`).
    pub no_color: bool,
    /// The search to start with (`indsats QUERY…`, `--query`).
    pub query: String,
    /// Where favourites and recents are kept; `None` keeps nothing.
    pub data_dir: Option<PathBuf>,
}

/// How the app ended, the terminal restored either way.
#[derive(Debug, PartialEq, Eq)]
pub enum Ended {
    /// The user quit.
    Quit,
    /// A signal ended it; the process should end as that signal would have
    /// ended it ([`crate::term::signals::end_by`]), so whoever started it
    /// can tell.
    Signal(i32),
}

/// Why the app could not run.
#[derive(Debug)]
pub enum Error {
    /// stdin or stdout is not a terminal.
    NotATerminal,
    /// `TERM=dumb`.
    DumbTerminal,
    /// The terminal failed.
    Io(std::io::Error),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::NotATerminal => f.write_str(
                "the interactive app needs a terminal; for scripts use `indsats search` or `indsats show`",
            ),
            Error::DumbTerminal => f.write_str(
                "this terminal (TERM=dumb) cannot show the interactive app; use `indsats search` or `indsats show`",
            ),
            Error::Io(err) => write!(f, "terminal error: {err}"),
        }
    }
}

/// Runs the interactive app until the user quits or a signal ends it.
pub fn run(options: Options) -> Result<Ended, Error> {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::NotATerminal);
    }
    if std::env::var("TERM").is_ok_and(|term| term == "dumb") {
        return Err(Error::DumbTerminal);
    }
    // What is typed stays in memory only: core dumps went off first thing
    // in `main` (crate::process::harden).
    let ignored = ignored_text(options.lang, &options.loaded);
    let mut app = App::with_index(
        options.loaded,
        options.index,
        options.lang,
        options.today,
        options.no_color,
    );
    load_store(&mut app, options.data_dir.as_deref());
    if let Some(ignored) = ignored {
        app.outbox.status = Some(match app.outbox.status.take() {
            Some(store) => format!("{ignored} · {store}"),
            None => ignored,
        });
    }
    if !options.query.trim().is_empty() {
        app.start_with_query(&options.query);
    }
    let mut io = Io {
        saved: app.meeting.store.clone(),
        data_dir: options.data_dir,
    };
    // Signals are caught before the terminal changes, so none can leave it raw.
    let incoming = events::spawn().map_err(Error::Io)?;
    let mut session = Session::start().map_err(Error::Io)?;
    let result = event_loop(&mut session, &mut app, &mut io, &incoming);
    // Restores the terminal (as it would on any other way out).
    drop(session);
    match result.map_err(Error::Io)? {
        Some(signal) => Ok(Ended::Signal(signal)),
        None => Ok(Ended::Quit),
    }
}

/// What the event loop needs for the effects `update` leaves it.
struct Io {
    data_dir: Option<PathBuf>,
    /// The store as last loaded or saved: saving applies the changes since
    /// then to what is on disk, beside other sessions' changes.
    saved: store::Store,
}

/// Loads favourites and recents; problems become a status message, never a stop.
fn load_store(app: &mut App, data_dir: Option<&Path>) {
    let s = app.lang.strings();
    let Some(dir) = data_dir else {
        app.outbox.status = Some(s.no_home.to_owned());
        return;
    };
    let (loaded, warning) = store::load(dir);
    app.meeting.store = loaded;
    app.outbox.status = warning.map(|w| warning_text(app.lang, &w));
    app.refresh();
}

/// The files passed over at start ("local.json ignoreret: andre kan skrive
/// i mappen"), for the status bar like the store's warning.
fn ignored_text(lang: Lang, loaded: &Loaded) -> Option<String> {
    let s = lang.strings();
    let lines: Vec<String> = loaded
        .ignored
        .iter()
        .map(|ignored| s.ignored_file(ignored, false))
        .collect();
    (!lines.is_empty()).then(|| lines.join(" · "))
}

/// One short line for the status bar (about 50 columns at 80×24, beside
/// F1 and the way to quit).
fn warning_text(lang: Lang, warning: &store::Warning) -> String {
    let s = lang.strings();
    let why = |reason: &store::Reason| {
        s.store_reasons[match reason {
            store::Reason::NoAccess => 0,
            store::Reason::NotAFile => 1,
            store::Reason::NewerFormat => 2,
            store::Reason::Invalid => 3,
            store::Reason::UnsafeFolder => 4,
            store::Reason::DiskFull => 5,
            store::Reason::NoFolder => 6,
            store::Reason::Other => 7,
        }]
    };
    match warning {
        store::Warning::MovedAside(path) => {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            format!("{} {name}", s.store_moved)
        }
        store::Warning::Unreadable(reason) => format!(
            "{} ({}); {}",
            s.store_unreadable,
            why(reason),
            s.store_left_alone
        ),
        store::Warning::NotSaved(store::SaveError::Unreadable(reason)) => {
            format!("{} ({})", s.store_file_unreadable, why(reason))
        }
        store::Warning::NotSaved(store::SaveError::Failed(reason)) => {
            format!("{}: {}", s.store_not_saved, why(reason))
        }
    }
}

/// Carries out what `update` asked for: clipboard writes, saving, suspending.
/// Returns whether the whole screen must be drawn again.
fn run_effects(session: &mut Session, app: &mut App, io: &mut Io) -> std::io::Result<bool> {
    let mut redraw = false;
    for effect in std::mem::take(&mut app.outbox.effects) {
        match effect {
            Effect::Copy(text) => {
                let out = session.terminal.backend_mut();
                // Plain OSC 52, also inside tmux: tmux's own set-clipboard
                // takes it into its paste buffer and hands it on, while a
                // passthrough-wrapped one would need allow-passthrough. It
                // travels through SSH to the caseworker's own terminal;
                // whether that accepted it cannot be known.
                crossterm::queue!(
                    out,
                    crossterm::clipboard::CopyToClipboard::to_clipboard_from(text.as_bytes())
                )?;
                out.flush()?;
            }
            Effect::SaveStore => {
                let Some(dir) = &io.data_dir else {
                    app.outbox.status = Some(app.lang.strings().no_home.to_owned());
                    continue;
                };
                match crate::store_merge::save_merged(dir, &io.saved, &app.meeting.store) {
                    // Other sessions' marks show here too from now on.
                    Ok(merged) => {
                        app.meeting.store = merged.clone();
                        io.saved = merged;
                    }
                    Err(err) => {
                        app.outbox.status =
                            Some(warning_text(app.lang, &store::Warning::NotSaved(err)));
                    }
                }
            }
            // Ctrl-Z: only where a shell can bring the app back.
            Effect::Suspend if signals::shell_can_continue() => {
                suspend(session, app)?;
                redraw = true;
            }
            Effect::Suspend => {}
            Effect::Print(text) => {
                print_and_return(session, app, &text)?;
                redraw = true;
            }
        }
    }
    Ok(redraw)
}

/// Ctrl-Z, or SIGTSTP from outside (whoever sent it can continue the app):
/// the terminal restored, the process
/// stopped until `fg`, then raw mode back and every cell drawn again at the
/// size the terminal has now.
fn suspend(session: &mut Session, app: &mut App) -> std::io::Result<()> {
    crate::term::restore();
    signals::stop_self();
    session.resume()?;
    let area = session.area();
    app.apply(Action::Resize(area.width, area.height));
    Ok(())
}

/// Ctrl-X: the terminal restored, `text` printed on the normal screen (it
/// stays in the scrollback), then raw mode and the alternate screen back and
/// every cell drawn again.
fn print_and_return(session: &mut Session, app: &mut App, text: &str) -> std::io::Result<()> {
    crate::term::restore();
    let mut out = std::io::stdout().lock();
    // The terminal is cooked again: line feeds return the carriage.
    out.write_all(text.as_bytes())?;
    out.flush()?;
    drop(out);
    session.resume()?;
    let area = session.area();
    app.apply(Action::Resize(area.width, area.height));
    Ok(())
}

/// Runs until the user quits (`None`) or a signal ends the app (`Some`).
fn event_loop(
    session: &mut Session,
    app: &mut App,
    io: &mut Io,
    incoming: &Receiver<Incoming>,
) -> std::io::Result<Option<i32>> {
    let area = session.area();
    app.update(Action::Resize(area.width, area.height));
    draw(session, app)?;
    let mut ended_by = None;
    while let Ok(first) = incoming.recv() {
        let mut changed = false;
        let mut resized = false;
        for message in std::iter::once(first).chain(incoming.try_iter()) {
            match message {
                Incoming::Terminal(Event::Resize(width, height)) => {
                    // The app sees at most the area drawn into; the
                    // buffers follow once, after the whole storm.
                    let area = crate::term::bounded_area(width, height);
                    app.apply(Action::Resize(area.width, area.height));
                    resized = true;
                    changed = true;
                }
                Incoming::Terminal(event) => {
                    for action in actions(app, event) {
                        app.apply(action);
                        changed = true;
                    }
                }
                Incoming::Signal(signals::STOP) => {
                    // Job control: the shell's prompt needs a normal terminal.
                    suspend(session, app)?;
                    changed = true;
                }
                Incoming::Signal(signals::CONTINUE) => {
                    session.resume()?;
                    changed = true;
                }
                Incoming::Signal(signal) => {
                    ended_by = Some(signal);
                    app.outbox.quit = true;
                }
                Incoming::InputClosed => app.outbox.quit = true,
            }
            // Effects still run on the way out: a mark made just before is saved.
            changed |= run_effects(session, app, io)?;
            if app.outbox.quit {
                return Ok(ended_by);
            }
        }
        if resized {
            // The size now, which a later event may still report.
            let area = session.fit()?;
            app.apply(Action::Resize(area.width, area.height));
        }
        if changed {
            app.sync();
            draw(session, app)?;
        }
    }
    Ok(None)
}

/// The actions a terminal event asks for.
fn actions(app: &App, event: Event) -> Vec<Action> {
    match event {
        Event::Key(key) => map_key(app, key).into_iter().collect(),
        // A paste types its text; line breaks become spaces. It never runs
        // a command (bracketed paste is on).
        Event::Paste(text) => text
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .filter(|c| !c.is_control())
            .map(Action::Insert)
            .collect(),
        // Resizes are the event loop's: they fit the buffers too.
        _ => Vec::new(),
    }
}

fn draw(session: &mut Session, app: &mut App) -> std::io::Result<()> {
    crossterm::queue!(session.terminal.backend_mut(), BeginSynchronizedUpdate)?;
    let mut measured = None;
    session
        .terminal
        .draw(|frame| measured = Some(crate::ui::view(app, frame)))?;
    crossterm::queue!(session.terminal.backend_mut(), EndSynchronizedUpdate)?;
    session.terminal.backend_mut().flush()?;
    if let Some(measured) = measured {
        app.set_measured(measured);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use store::{Reason, SaveError, Warning};
    use unicode_width::UnicodeWidthStr;

    /// Beside " F1 hjælp · Ctrl-C afslut " at 80 columns: 51 left.
    const ROOM_AT_80: usize = 51;

    #[test]
    fn store_warnings_fit_the_status_bar_at_80_columns() {
        let reasons = [
            Reason::NoAccess,
            Reason::NotAFile,
            Reason::NewerFormat,
            Reason::Invalid,
            Reason::UnsafeFolder,
            Reason::DiskFull,
            Reason::NoFolder,
            Reason::Other,
        ];
        for lang in [Lang::Da, Lang::En] {
            let mut warnings = vec![Warning::MovedAside(PathBuf::from(
                "/home/anne/.local/share/indsats/favourites.json.corrupt2",
            ))];
            for reason in reasons {
                warnings.push(Warning::Unreadable(reason));
                warnings.push(Warning::NotSaved(SaveError::Unreadable(reason)));
                warnings.push(Warning::NotSaved(SaveError::Failed(reason)));
            }
            for warning in &warnings {
                let text = warning_text(lang, warning);
                assert!(text.width() <= ROOM_AT_80, "{lang:?}: {text:?}");
            }
        }
        let text = warning_text(
            Lang::Da,
            &Warning::NotSaved(SaveError::Unreadable(Reason::NoAccess)),
        );
        assert_eq!(text, "Ikke gemt: favoritfilen er ulæselig (ingen adgang)");
    }
}
