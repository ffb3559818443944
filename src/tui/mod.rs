//! The interactive app's event loop: terminal input → `Action` → `update` → `view`.
//!
//! Draws the first frame at once, then blocks on input; drains every pending
//! event, updates, searches once and draws once, inside synchronized output.

use std::io::{IsTerminal, Write};
use std::sync::mpsc::Receiver;

use crossterm::event::Event;
use crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};

use crate::app::keys::map_key;
use crate::app::{Action, App};
use crate::cli::{Context, Failure, Outcome};
use crate::date::Date;
use crate::term::events::{self, Incoming};
use crate::term::{self, Session};

/// Starts the interactive app.
pub fn run(ctx: &Context) -> Outcome {
    // The catalogue first: its problems matter more than where we were started.
    let loaded = ctx.load_catalogue()?;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Failure::new(
            2,
            "the interactive app needs a terminal; for scripts use `indsats search` or `indsats show`",
        ));
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut app = App::new(loaded, ctx.lang, Date::today(), no_color);
    let fail = |err: std::io::Error| Failure::new(2, format!("terminal error: {err}"));
    let mut session = Session::start().map_err(fail)?;
    let result = event_loop(&mut session, &mut app);
    drop(session);
    term::restore();
    result.map_err(fail)
}

fn event_loop(session: &mut Session, app: &mut App) -> std::io::Result<()> {
    let size = session.terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    draw(session, app)?;
    let incoming: Receiver<Incoming> = events::spawn()?;
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
                Incoming::Signal(_) | Incoming::InputClosed => app.quit = true,
            }
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
