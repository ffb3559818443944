//! The interactive app's event loop: terminal input → `Action` → `update` → `view`.
//!
//! Draws the first frame at once, then blocks on input (with a timeout only
//! while a save waits for another session's lock: `favourites`); drains every pending
//! event, updates, searches once and draws once, inside synchronized output.
//! Takes plain values ([`Options`]) and returns plain values: how the app
//! ended ([`Ended`]: the text to print after quitting, or the signal that
//! ended it), or an [`Error`].

mod favourites;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use crossterm::event::Event;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use crate::app::keys::map_key;
use crate::app::{Action, App, Effect};
use crate::catalogue::{LoadError, Loaded};
use crate::date::Date;
use crate::i18n::Lang;
use crate::loading::Loading;
use crate::search::SearchIndex;
use crate::store_merge;
use crate::term::Session;
use crate::term::events::{self, Incoming};
use crate::term::signals;

/// The catalogue the app starts on.
pub enum Start {
    /// Loaded and indexed.
    Ready(Box<Loaded>, Box<SearchIndex>),
    /// Still loading: the screen shows how far along it is and takes
    /// typing, which the search applies once the index is there.
    Loading(Loading),
}

/// How often the progress of a loading catalogue is drawn, and at most
/// how late the search starts once it is loaded.
const PROGRESS_TICK: Duration = Duration::from_millis(50);

/// What the app starts with.
pub struct Options {
    /// The catalogue, or its loading.
    pub start: Start,
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
    /// The catalogue, still loading when the screen opened, could not be
    /// loaded.
    Load(LoadError),
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error::Io(err)
    }
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
            Error::Load(err) => write!(f, "{err}"),
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
    // The files passed over are named now, or when a loading catalogue comes.
    let (mut app, loading, ignored) = match options.start {
        Start::Ready(loaded, index) => {
            let ignored = ignored_text(options.lang, &loaded);
            let app = App::with_index(
                *loaded,
                *index,
                options.lang,
                options.today,
                options.no_color,
            );
            (app, None, ignored)
        }
        Start::Loading(loading) => (
            App::loading(options.lang, options.today, options.no_color),
            Some(loading),
            None,
        ),
    };
    let saver = favourites::load(&mut app, options.data_dir);
    put_first(&mut app, ignored);
    if !options.query.trim().is_empty() {
        app.start_with_query(&options.query);
    }
    let mut io = Io { saver };
    // Signals are caught before the terminal changes, so none can leave it raw.
    let (incoming, wake) = events::spawn().map_err(Error::Io)?;
    if let Some(load) = &loading {
        // The search starts as soon as the catalogue is there, not at the
        // next tick of the progress.
        load.on_done(move || {
            let _ = wake.send(Incoming::Wake);
        });
    }
    let mut session = Session::start().map_err(Error::Io)?;
    let result = event_loop(&mut session, &mut app, &mut io, &incoming, loading);
    // Restores the terminal (as it would on any other way out).
    drop(session);
    match result? {
        Some(signal) => Ok(Ended::Signal(signal)),
        None => Ok(Ended::Quit),
    }
}

/// What the event loop needs for the effects `update` leaves it.
struct Io {
    /// Saves favourites and recents beside other sessions; `None` without
    /// a data dir.
    saver: Option<store_merge::Saver>,
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

/// Puts `note` in the status bar before whatever it says already.
fn put_first(app: &mut App, note: Option<String>) {
    if let Some(note) = note {
        app.outbox.status = Some(match app.outbox.status.take() {
            Some(other) => format!("{note} · {other}"),
            None => note,
        });
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
            // Never blocks: see `favourites` for a lock held elsewhere.
            Effect::SaveStore => {
                favourites::save(app, io.saver.as_mut());
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
    mut loading: Option<Loading>,
) -> Result<Option<i32>, Error> {
    let area = session.area();
    app.update(Action::Resize(area.width, area.height));
    if let Some(load) = &loading {
        app.show_progress(load.progress().stage(), load.progress().percent());
    }
    draw(session, app)?;
    let mut ended_by = None;
    loop {
        // Input and signals are waited for; while the catalogue loads, only
        // until its progress is due, and while a save waits for another
        // session's lock, only until its next try.
        let retry = io.saver.as_ref().and_then(store_merge::Saver::retry_at);
        let mut wake = retry.map(|at| at.saturating_duration_since(Instant::now()));
        if loading.is_some() {
            wake = Some(wake.map_or(PROGRESS_TICK, |wait| wait.min(PROGRESS_TICK)));
        }
        let first = match wake {
            None => match incoming.recv() {
                Ok(message) => Some(message),
                Err(_) => return Ok(None),
            },
            Some(wait) => match incoming.recv_timeout(wait) {
                Ok(message) => Some(message),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return Ok(None),
            },
        };
        let mut changed = false;
        if let Some(load) = &loading {
            match load.wait(Duration::ZERO) {
                Some(Ok((loaded, index))) => {
                    let ignored = ignored_text(app.lang, &loaded);
                    app.attach(loaded, index);
                    put_first(app, ignored);
                    loading = None;
                    changed = true;
                }
                Some(Err(err)) => return Err(Error::Load(err)),
                None => {
                    let progress = load.progress();
                    changed |= app.show_progress(progress.stage(), progress.percent());
                }
            }
        }
        let mut resized = false;
        for message in first.into_iter().chain(incoming.try_iter()) {
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
                        // The search runs here only: before an action that
                        // reads the results, and once after the batch.
                        if action.reads_results() {
                            app.sync();
                        }
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
                // The loading was looked at above.
                Incoming::Wake => {}
            }
            // Effects still run on the way out: a mark made just before is saved.
            changed |= run_effects(session, app, io)?;
            if app.outbox.quit {
                return Ok(favourites::save_on_quit(
                    session,
                    app,
                    io.saver.as_mut(),
                    incoming,
                    ended_by,
                ));
            }
        }
        // Also while keys keep coming: the wait has its limit.
        if favourites::retry_due(io.saver.as_ref()) {
            changed |= favourites::save(app, io.saver.as_mut());
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
