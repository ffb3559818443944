//! Favourites and recents in the event loop: loading them at start, saving
//! them after each change and on the way out, and the few words the status
//! bar says when that fails.
//!
//! Saving never blocks the loop (ARCHITECTURE.md §9). A save tries the lock
//! once; while another session holds it, the loop waits for its next input
//! only until the [`Saver`]'s next try ([`crate::store_merge::RETRY`]) and
//! tries again, for at most [`crate::store_merge::LOCK_WAIT`]. Keys are
//! drawn and signals end the app meanwhile. Polling from the loop was
//! chosen over a thread that saves: the save itself takes milliseconds once
//! the lock is had, so only the wait needs to be taken off the loop, and
//! with one thread the session's store and what it last saved cannot drift
//! apart between a save and the changes made while it ran.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Instant;

use crossterm::event::Event;

use crate::app::keys::map_key;
use crate::app::{Action, App};
use crate::i18n::Lang;
use crate::store::{self, SaveError, StoreError};
use crate::store_merge::{Saved, Saver};
use crate::term::Session;
use crate::term::events::Incoming;
use crate::term::signals;

/// Loads favourites and recents; problems become a status message, never a
/// stop. Returns the saver of the session, `None` without a data dir.
pub(super) fn load(app: &mut App, data_dir: Option<PathBuf>) -> Option<Saver> {
    let s = app.lang.strings();
    let Some(dir) = data_dir else {
        app.outbox.status = Some(s.no_home.to_owned());
        return None;
    };
    let (loaded, warning) = store::load(&dir);
    app.meeting.store = loaded.clone();
    app.outbox.status = warning.map(|w| warning_text(app.lang, &w));
    app.refresh();
    Some(Saver::new(dir, loaded))
}

/// Saves the session's store (after a change, or when a wait for the lock
/// is due); the outcome goes to the status bar when it failed. Returns
/// whether the screen changed.
pub(super) fn save(app: &mut App, saver: Option<&mut Saver>) -> bool {
    let Some(saver) = saver else {
        app.outbox.status = Some(app.lang.strings().no_home.to_owned());
        return true;
    };
    match saver.save(&app.meeting.store, Instant::now()) {
        // Other sessions' marks show here too from now on.
        Saved::Done(merged) => {
            let changed = app.meeting.store != merged;
            app.meeting.store = merged;
            changed
        }
        // Tried again from the loop, or at the next change.
        Saved::Waiting(_) => false,
        // The change stays in the session's store: the next save applies it.
        Saved::Failed(err) => {
            app.outbox.status = Some(warning_text(app.lang, &store::Warning::NotSaved(err)));
            true
        }
    }
}

/// Whether a wait for the lock is due for another try.
pub(super) fn retry_due(saver: Option<&Saver>) -> bool {
    saver
        .and_then(Saver::retry_at)
        .is_some_and(|at| at <= Instant::now())
}

/// How the app ends, once it is to end: unsaved changes are saved first.
/// Ended by a signal, or asked to quit while a wait for the lock was under
/// way already, the app tries the lock once and ends: it never sits out a
/// wait. Otherwise it waits for the lock as a save does, at most
/// [`crate::store_merge::LOCK_WAIT`], saying so; Ctrl-C, any signal that
/// ends the app, or input gone end that wait at once. Returns the signal
/// that ended the app, if one did.
pub(super) fn save_on_quit(
    session: &mut Session,
    app: &mut App,
    saver: Option<&mut Saver>,
    incoming: &Receiver<Incoming>,
    ended_by: Option<i32>,
) -> Option<i32> {
    let Some(saver) = saver else {
        return ended_by;
    };
    if !saver.unsaved(&app.meeting.store) {
        return ended_by;
    }
    let in_a_hurry = ended_by.is_some() || saver.retry_at().is_some();
    let mut told = false;
    loop {
        let retry_at = match saver.save(&app.meeting.store, Instant::now()) {
            Saved::Waiting(at) if !in_a_hurry => at,
            _ => return ended_by,
        };
        if !told {
            app.outbox.status = Some(app.lang.strings().store_waiting.to_owned());
            app.sync();
            // The terminal may be gone (input closed): the wait goes on.
            let _ = super::draw(session, app);
            told = true;
        }
        match incoming.recv_timeout(retry_at.saturating_duration_since(Instant::now())) {
            Ok(Incoming::Signal(signal))
                if signal != signals::STOP && signal != signals::CONTINUE =>
            {
                return Some(signal);
            }
            Ok(Incoming::Terminal(Event::Key(key))) if map_key(app, key) == Some(Action::Quit) => {
                return ended_by;
            }
            Ok(Incoming::InputClosed) | Err(RecvTimeoutError::Disconnected) => return ended_by,
            // Anything else waits: the app is on its way out.
            Ok(_) | Err(RecvTimeoutError::Timeout) => {}
        }
    }
}

/// One short line for the status bar (about 50 columns at 80×24, beside
/// F1 and the way to quit).
pub(super) fn warning_text(lang: Lang, warning: &store::Warning) -> String {
    let s = lang.strings();
    let why = |err: &StoreError| {
        s.store_reasons[match err {
            StoreError::NoAccess => 0,
            StoreError::NotAFile(_) => 1,
            StoreError::NewerFormat => 2,
            StoreError::Invalid => 3,
            StoreError::UnsafeFolder(_) => 4,
            StoreError::DiskFull => 5,
            StoreError::NoFolder => 6,
            StoreError::Busy => 7,
            StoreError::Io(_) => 8,
        }]
    };
    match warning {
        store::Warning::MovedAside(path) => {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            format!("{} {name}", s.store_moved)
        }
        store::Warning::Unreadable(err) => format!(
            "{} ({}); {}",
            s.store_unreadable,
            why(err),
            s.store_left_alone
        ),
        store::Warning::NotSaved(SaveError::Unreadable(err)) => {
            format!("{} ({})", s.store_file_unreadable, why(err))
        }
        store::Warning::NotSaved(SaveError::Failed(StoreError::Busy)) => s.store_busy.to_owned(),
        store::Warning::NotSaved(SaveError::Failed(err)) => {
            format!("{}: {}", s.store_not_saved, why(err))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use store::Warning;
    use unicode_width::UnicodeWidthStr;

    /// Beside " F1 hjælp · Ctrl-C afslut " at 80 columns: 51 left.
    const ROOM_AT_80: usize = 51;

    #[test]
    fn store_warnings_fit_the_status_bar_at_80_columns() {
        let errors = [
            StoreError::NoAccess,
            StoreError::NotAFile("a FIFO (named pipe)"),
            StoreError::NewerFormat,
            StoreError::Invalid,
            StoreError::UnsafeFolder("/home/anne: others can write to it".into()),
            StoreError::DiskFull,
            StoreError::NoFolder,
            StoreError::Io("Input/output error (os error 5)".into()),
            StoreError::Busy,
        ];
        for lang in [Lang::Da, Lang::En] {
            let mut warnings = vec![Warning::MovedAside(PathBuf::from(
                "/home/anne/.local/share/indsats/favourites.json.corrupt2",
            ))];
            for err in errors.clone() {
                warnings.push(Warning::Unreadable(err.clone()));
                warnings.push(Warning::NotSaved(SaveError::Unreadable(err.clone())));
                warnings.push(Warning::NotSaved(SaveError::Failed(err)));
            }
            for warning in &warnings {
                let text = warning_text(lang, warning);
                assert!(text.width() <= ROOM_AT_80, "{lang:?}: {text:?}");
            }
            let waiting = lang.strings().store_waiting;
            assert!(waiting.width() <= ROOM_AT_80, "{lang:?}: {waiting:?}");
        }
        let text = warning_text(
            Lang::Da,
            &Warning::NotSaved(SaveError::Unreadable(StoreError::NoAccess)),
        );
        assert_eq!(text, "Ikke gemt: favoritfilen er ulæselig (ingen adgang)");
    }

    /// The busy message says what happened and what comes next, whole in
    /// the status bar at 80 columns.
    #[test]
    fn a_busy_lock_says_so_in_both_languages() {
        let busy = Warning::NotSaved(SaveError::Failed(StoreError::Busy));
        assert_eq!(
            warning_text(Lang::Da, &busy),
            "Favoritter optaget – gemmes ved næste ændring"
        );
        assert_eq!(
            warning_text(Lang::En, &busy),
            "Favourites busy – saved at the next change"
        );
        for lang in [Lang::Da, Lang::En] {
            let text = warning_text(lang, &busy);
            assert!(text.width() <= ROOM_AT_80, "{lang:?}: {text:?}");
        }
    }
}
