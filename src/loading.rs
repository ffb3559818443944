//! Loading the catalogue and building its index on a thread of its own, so
//! the screen (or stderr) can show how far it has come and the caseworker
//! can start typing. Above the catalogue and the search, below the TUI and
//! the commands that use it.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex, PoisonError};
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
    done: Arc<Mutex<Done>>,
}

/// Whether the outcome is sent, and what to call when it is.
#[derive(Default)]
struct Done {
    sent: bool,
    then: Option<Box<dyn FnOnce() + Send>>,
}

/// Marks the outcome sent and calls what waits for it.
fn mark_done(done: &Mutex<Done>) {
    let then = {
        let mut done = done.lock().unwrap_or_else(PoisonError::into_inner);
        done.sent = true;
        done.then.take()
    };
    if let Some(then) = then {
        then();
    }
}

impl Loading {
    /// Starts loading the catalogue the app uses (`--catalogue` given as
    /// `flag`, else the search order of [`load::load_for_app`]) with the
    /// local catalogue merged in. Where the system gives no thread (a
    /// per-user limit on processes), the loading is done here, before this
    /// returns.
    pub fn start(flag: Option<PathBuf>) -> Loading {
        let progress = Arc::new(Progress::default());
        let done = Arc::new(Mutex::new(Done::default()));
        let (send, result) = mpsc::sync_channel(1);
        let work = {
            let (progress, send) = (Arc::clone(&progress), send.clone());
            let (flag, done) = (flag.clone(), Arc::clone(&done));
            move || {
                // The other side may have stopped waiting: nothing to do then.
                let _ = send.send(guarded(flag, &progress));
                mark_done(&done);
                // What checking and indexing freed is not needed again;
                // given back once the search has what it needs.
                crate::process::memory::give_back();
            }
        };
        if std::thread::Builder::new()
            .name("load".into())
            .spawn(work)
            .is_err()
        {
            let _ = send.send(guarded(flag, &progress));
            mark_done(&done);
        }
        Loading {
            progress,
            result,
            done,
        }
    }

    /// Calls `then` once the outcome can be taken: at once when it can
    /// already, else on the loading thread when it comes.
    pub fn on_done(&self, then: impl FnOnce() + Send + 'static) {
        let mut done = self.done.lock().unwrap_or_else(PoisonError::into_inner);
        if done.sent {
            drop(done);
            then();
        } else {
            done.then = Some(Box::new(then));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid-v2.json")
    }

    /// What waits for the outcome is called once it can be taken, whether
    /// it waits from before or from after.
    #[test]
    fn on_done_calls_once_the_outcome_is_there() {
        let loading = Loading::start(Some(fixture()));
        let (tell, told) = mpsc::channel();
        let early = tell.clone();
        loading.on_done(move || early.send("early").unwrap());
        assert_eq!(told.recv_timeout(Duration::from_secs(30)), Ok("early"));
        let outcome = loading.wait(Duration::ZERO).expect("there when told");
        assert!(outcome.is_ok());
        loading.on_done(move || tell.send("late").unwrap());
        assert_eq!(told.try_recv(), Ok("late"));
    }
}
