//! The interactive app's event loop: terminal input → `Action` → `update` → `view`.
//!
//! Draws the first frame at once, then blocks on input; drains every pending
//! event, updates, searches once and draws once, inside synchronized output.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;

use crossterm::event::Event;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use crate::app::keys::map_key;
use crate::app::{Action, App, Effect};
use crate::cli::{Context, Failure, Outcome};
use crate::date::Date;
use crate::store;
use crate::term::Session;
use crate::term::clipboard::osc52;
use crate::term::events::{self, Incoming};
use crate::term::signals;

/// Starts the interactive app.
pub fn run(ctx: &Context) -> Outcome {
    // The catalogue first: its problems matter more than where we were started.
    let (loaded, index) = ctx.load_indexed()?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::new(
            2,
            "the interactive app needs a terminal; for scripts use `indsats search` or `indsats show`",
        ));
    }
    if std::env::var("TERM").is_ok_and(|term| term == "dumb") {
        return Err(Failure::new(
            2,
            "this terminal (TERM=dumb) cannot show the interactive app; use `indsats search` or `indsats show`",
        ));
    }
    // What is typed stays in memory only: no core dump may write it out.
    signals::harden_process();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut app = App::with_index(loaded, index, ctx.lang, Date::today(), no_color);
    let data_dir = store::data_dir();
    load_store(&mut app, data_dir.as_deref());
    let mut io = Io {
        data_dir,
        inside_tmux: std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()),
        saved: app.store.clone(),
    };
    let fail = |err: std::io::Error| Failure::new(2, format!("terminal error: {err}"));
    // Signals are caught before the terminal changes, so none can leave it raw.
    let incoming = events::spawn().map_err(fail)?;
    let mut session = Session::start().map_err(fail)?;
    let result = event_loop(&mut session, &mut app, &mut io, &incoming);
    // Restores the terminal (as it would on any other way out).
    drop(session);
    result.map_err(fail)?;
    // Printed on the normal screen, so it stays in the scrollback.
    match app.print.take() {
        Some(text) => crate::cli::print_stdout(&text),
        None => Ok(()),
    }
}

/// What the event loop needs for the effects `update` leaves it.
struct Io {
    data_dir: Option<PathBuf>,
    inside_tmux: bool,
    /// The store as last loaded or saved: saving applies the changes since
    /// then to what is on disk, beside other sessions' changes.
    saved: store::Store,
}

/// Loads favourites and recents; problems become a status message, never a stop.
fn load_store(app: &mut App, data_dir: Option<&Path>) {
    let s = app.lang.strings();
    let Some(dir) = data_dir else {
        app.status = Some(s.no_home.to_owned());
        return;
    };
    let (loaded, warning) = store::load(dir);
    app.store = loaded;
    app.status = warning.map(|w| warning_text(app, &w));
    // Recently opened entries come first on the empty query.
    app.refresh();
}

fn warning_text(app: &App, warning: &store::Warning) -> String {
    let s = app.lang.strings();
    match warning {
        store::Warning::MovedAside(path) => format!("{} {}", s.store_moved, path.display()),
        store::Warning::Unreadable(err) => format!("{}: {err}", s.store_unreadable),
        store::Warning::NotSaved(err) => format!("{}: {err}", s.store_not_saved),
    }
}

/// Carries out what `update` asked for: clipboard writes and saving.
fn run_effects(session: &mut Session, app: &mut App, io: &mut Io) -> std::io::Result<()> {
    for effect in std::mem::take(&mut app.effects) {
        match effect {
            Effect::Copy(text) => {
                let out = session.terminal.backend_mut();
                out.write_all(osc52(&text, io.inside_tmux).as_bytes())?;
                out.flush()?;
            }
            Effect::SaveStore => {
                let result = match &io.data_dir {
                    Some(dir) => crate::store_merge::save_merged(dir, &io.saved, &app.store)
                        .map_err(|e| e.to_string()),
                    None => Err(app.lang.strings().no_home.to_owned()),
                };
                match result {
                    // Other sessions' marks show here too from now on.
                    Ok(merged) => {
                        app.store = merged.clone();
                        io.saved = merged;
                    }
                    Err(err) => {
                        app.status = Some(warning_text(app, &store::Warning::NotSaved(err)));
                    }
                }
            }
        }
    }
    Ok(())
}

fn event_loop(
    session: &mut Session,
    app: &mut App,
    io: &mut Io,
    incoming: &Receiver<Incoming>,
) -> std::io::Result<()> {
    let size = session.terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    draw(session, app)?;
    while let Ok(first) = incoming.recv() {
        let mut changed = false;
        for message in std::iter::once(first).chain(incoming.try_iter()) {
            match message {
                Incoming::Terminal(event) => {
                    for action in actions(app, event) {
                        app.apply(action);
                        changed = true;
                    }
                }
                Incoming::Signal(signals::STOP) => {
                    // Job control: the shell's prompt needs a normal terminal.
                    crate::term::restore();
                    signals::stop_self();
                    session.resume()?;
                    changed = true;
                }
                Incoming::Signal(signals::CONTINUE) => {
                    session.resume()?;
                    changed = true;
                }
                Incoming::Signal(_) | Incoming::InputClosed => app.quit = true,
            }
            run_effects(session, app, io)?;
            if app.quit {
                return Ok(());
            }
        }
        if changed {
            app.sync();
            draw(session, app)?;
        }
    }
    Ok(())
}

/// The actions a terminal event asks for.
fn actions(app: &App, event: Event) -> Vec<Action> {
    match event {
        Event::Key(key) => map_key(app, key).into_iter().collect(),
        // A paste types its text into the query; line breaks become spaces.
        Event::Paste(text) => text
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .filter(|c| !c.is_control())
            .map(Action::Insert)
            .collect(),
        Event::Resize(width, height) => vec![Action::Resize(width, height)],
        _ => Vec::new(),
    }
}

fn draw(session: &mut Session, app: &App) -> std::io::Result<()> {
    crossterm::queue!(session.terminal.backend_mut(), BeginSynchronizedUpdate)?;
    session.terminal.draw(|frame| crate::ui::view(app, frame))?;
    crossterm::queue!(session.terminal.backend_mut(), EndSynchronizedUpdate)?;
    session.terminal.backend_mut().flush()
}
