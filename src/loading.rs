//! Loading the catalogue and building its index on a thread of its own, so
//! the screen (or stderr) can show how far it has come and the caseworker
//! can start typing. Above the catalogue and the search, below the TUI and
//! the commands that use it.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

use crate::catalogue::load::{self, LoadError, Loaded};
use crate::progress::Progress;
use crate::search::SearchIndex;

/// A loaded catalogue with its index, or why it could not be loaded.
pub type Outcome = Result<(Loaded, SearchIndex), LoadError>;

/// A catalogue being loaded.
pub struct Loading {
    progress: Arc<Progress>,
    result: Receiver<Outcome>,
}

impl Loading {
    /// Starts loading the catalogue the app uses (`--catalogue` given as
    /// `flag`, else the search order of [`load::load_for_app`]) with the
    /// local catalogue merged in. Where the system gives no thread (a
    /// per-user limit on processes), the loading is done here, before this
    /// returns.
    pub fn start(flag: Option<PathBuf>) -> Loading {
        let progress = Arc::new(Progress::default());
        let (send, result) = mpsc::sync_channel(1);
        let work = {
            let (progress, send) = (Arc::clone(&progress), send.clone());
            let flag = flag.clone();
            move || {
                // The other side may have stopped waiting: nothing to do then.
                let _ = send.send(guarded(flag, &progress));
            }
        };
        if std::thread::Builder::new()
            .name("load".into())
            .spawn(work)
            .is_err()
        {
            let _ = send.send(guarded(flag, &progress));
        }
        Loading { progress, result }
    }

    /// How far the loading has come.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// The outcome, when it comes within `wait`.
    pub fn wait(&self, wait: Duration) -> Option<Outcome> {
        match self.result.recv_timeout(wait) {
            Ok(outcome) => Some(outcome),
            Err(RecvTimeoutError::Timeout) => None,
            // Both senders gone without a word: cannot happen, as each sends.
            Err(RecvTimeoutError::Disconnected) => Some(Err(lost())),
        }
    }
}

/// [`load_indexed`], with a panic (a bug) turned into an error to show
/// rather than a screen left waiting.
fn guarded(flag: Option<PathBuf>, progress: &Progress) -> Outcome {
    let name = flag
        .as_deref()
        .map_or(String::new(), |p| p.display().to_string());
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        load_indexed(flag.as_deref(), progress)
    }))
    .unwrap_or_else(|_| {
        Err(LoadError::Read {
            path: name,
            source: std::io::Error::other("internal error while loading"),
        })
    })
}

fn lost() -> LoadError {
    LoadError::Read {
        path: String::new(),
        source: std::io::Error::other("the loading stopped"),
    }
}

/// Loads, merges and indexes, reporting into `progress`.
pub fn load_indexed(flag: Option<&std::path::Path>, progress: &Progress) -> Outcome {
    let loaded = load::load_for_app_reporting(flag, progress)?;
    let index = SearchIndex::new_reporting(&loaded.catalogue, progress);
    Ok((loaded, index))
}
