//! How far the catalogue's loading has come, shared between the thread that
//! loads it and the screen (or stderr) that shows it. A leaf: no crate
//! imports, so the catalogue and the search can both report into it.
//!
//! The stages share one scale of 0–1000 (per mille), weighted by what they
//! cost at 100,000 entries: reading the file is quick, checking and indexing
//! take about half each.

use std::sync::atomic::{AtomicU32, Ordering};

/// What the loading is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the file.
    Reading,
    /// Parsing and checking the entries.
    Checking,
    /// Building the search index.
    Indexing,
}

impl Stage {
    /// Where the stage starts and ends on the per-mille scale.
    fn span(self) -> (u32, u32) {
        match self {
            Stage::Reading => (0, 50),
            Stage::Checking => (50, 500),
            Stage::Indexing => (500, 1000),
        }
    }
}

/// Progress, written by one or more loading threads and read by another.
#[derive(Debug, Default)]
pub struct Progress {
    permille: AtomicU32,
}

impl Progress {
    /// Records that `done` of `total` of `stage` is done. Progress never
    /// goes back (two threads indexing halves may report out of order).
    pub fn set(&self, stage: Stage, done: usize, total: usize) {
        let (start, end) = stage.span();
        let share = if total == 0 {
            1.0
        } else {
            (done.min(total) as f64) / (total as f64)
        };
        let at = start + ((end - start) as f64 * share) as u32;
        self.permille.fetch_max(at, Ordering::Relaxed);
    }

    /// The stage the loading is in now.
    pub fn stage(&self) -> Stage {
        match self.permille.load(Ordering::Relaxed) {
            at if at < Stage::Checking.span().0 => Stage::Reading,
            at if at < Stage::Indexing.span().0 => Stage::Checking,
            _ => Stage::Indexing,
        }
    }

    /// How far along the whole loading is, 0–100.
    pub fn percent(&self) -> u32 {
        self.permille.load(Ordering::Relaxed).min(1000) / 10
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_follow_one_scale_that_never_goes_back() {
        let progress = Progress::default();
        assert_eq!((progress.stage(), progress.percent()), (Stage::Reading, 0));
        progress.set(Stage::Reading, 1, 1);
        assert_eq!(progress.stage(), Stage::Checking);
        progress.set(Stage::Checking, 1, 2);
        assert_eq!(
            (progress.stage(), progress.percent()),
            (Stage::Checking, 27)
        );
        progress.set(Stage::Checking, 1, 4);
        assert_eq!(progress.percent(), 27, "never backwards");
        progress.set(Stage::Indexing, 3, 4);
        assert_eq!(
            (progress.stage(), progress.percent()),
            (Stage::Indexing, 87)
        );
        progress.set(Stage::Indexing, 9, 0);
        assert_eq!(progress.percent(), 100);
    }
}
