//! Work on a second thread when the system gives one (a leaf: no crate
//! imports).
//!
//! On a shared server a per-user limit on processes (`ulimit -u`) can refuse
//! a new thread; `std::thread::Scope::spawn` then panics. Here the work runs
//! on the calling thread instead, when it is joined.

use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{Scope, ScopedJoinHandle};

/// Starts `work` on a new thread of `scope` when `parallel` (see
/// [`spawn_or_defer`]), else keeps it to run when joined: for work that
/// pays for a thread only when large.
pub fn start<'scope, 'env, T: Send + 'scope>(
    scope: &'scope Scope<'scope, 'env>,
    parallel: bool,
    work: impl FnOnce() -> T + Send + 'scope,
) -> Joinable<'scope, T> {
    if parallel {
        spawn_or_defer(scope, work)
    } else {
        Joinable::deferred(work)
    }
}

/// Work started by [`spawn_or_defer`]: on its own thread, or waiting to run
/// on the thread that joins it.
pub enum Joinable<'scope, T> {
    /// Running on a thread of the scope.
    Thread(ScopedJoinHandle<'scope, Option<T>>, Slot<'scope, T>),
    /// No thread could be started: runs when joined.
    Deferred(Slot<'scope, T>),
}

/// The work, until a thread takes it.
type Slot<'scope, T> = Arc<Mutex<Option<Box<dyn FnOnce() -> T + Send + 'scope>>>>;

/// Starts `work` on a new thread of `scope`, or — when the system refuses a
/// thread — keeps it to run on the thread that calls [`Joinable::join`].
pub fn spawn_or_defer<'scope, 'env, T: Send + 'scope>(
    scope: &'scope Scope<'scope, 'env>,
    work: impl FnOnce() -> T + Send + 'scope,
) -> Joinable<'scope, T> {
    let slot: Slot<'scope, T> = Arc::new(Mutex::new(Some(Box::new(work))));
    let theirs = Arc::clone(&slot);
    let started =
        std::thread::Builder::new().spawn_scoped(scope, move || take(&theirs).map(|work| work()));
    match started {
        Ok(handle) => Joinable::Thread(handle, slot),
        Err(_) => Joinable::Deferred(slot),
    }
}

/// Takes the work out of its slot (a poisoned lock is no matter: nothing
/// but this `take` ever runs under it).
fn take<'scope, T>(slot: &Slot<'scope, T>) -> Option<Box<dyn FnOnce() -> T + Send + 'scope>> {
    slot.lock().unwrap_or_else(PoisonError::into_inner).take()
}

impl<'scope, T> Joinable<'scope, T> {
    /// Work kept to run on the thread that joins it, without starting a
    /// thread: for work too small to pay for one.
    pub fn deferred(work: impl FnOnce() -> T + Send + 'scope) -> Joinable<'scope, T> {
        Joinable::Deferred(Arc::new(Mutex::new(Some(Box::new(work)))))
    }

    /// The work's result, waiting for its thread or running it here. A
    /// panic on the thread goes on here.
    pub fn join(self) -> T {
        let slot = match self {
            Joinable::Thread(handle, slot) => match handle.join() {
                Ok(Some(result)) => return result,
                Ok(None) => slot,
                Err(panic) => std::panic::resume_unwind(panic),
            },
            Joinable::Deferred(slot) => slot,
        };
        // The work is taken once: by its thread, which then returns its
        // result above, or — when no thread could start — here.
        let work = take(&slot).expect("work not yet taken by its thread");
        work()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn work_runs_once_and_gives_its_result() {
        let data = [1, 2, 3];
        let sum = std::thread::scope(|scope| {
            let other = spawn_or_defer(scope, || data.iter().sum::<i32>());
            other.join()
        });
        assert_eq!(sum, 6);
    }

    #[test]
    fn deferred_work_runs_when_joined() {
        let slot: Slot<'_, i32> = Arc::new(Mutex::new(Some(Box::new(|| 41 + 1))));
        assert_eq!(Joinable::Deferred(slot).join(), 42);
    }
}
