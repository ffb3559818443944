//! The initiatives of a large catalogue checked on more than one thread.
//!
//! Parsing, checking and converting the entries is most of the validation's
//! cost (about 200 ms for 10,000 entries on one core), and the loading
//! budget needs both cores for it. The thread that walks the array only cuts
//! it into batches of the entries' texts and hands them to helper threads;
//! when the helpers are busy, it checks a batch itself. Each thread checks
//! with a checker of its own ([`Checker::for_entries`]); the walking thread
//! applies the batches' results **in entry order**, so the problems, their
//! order, the cap of [`MAX_PROBLEMS`], the duplicate ids (checked when
//! applied, against the ids before: [`Ids::Later`]), the count of version-1
//! entries without a kind and the entries themselves are exactly those of
//! the walk on one thread (`EachInitiative` in `mod.rs`), which a small
//! catalogue still takes.
//!
//! Memory stays bounded: a few batches are out at a time (bounded channels),
//! and once the problems are past the cap the rest of the array is only
//! counted.
//!
//! Two more passes over the whole text were each as long as a tenth or more
//! of the rest on one thread. Keys given twice: the threads read the entries
//! with `json_keys::value_without_duplicates`, which sees them as it reads,
//! so the pass of `json_keys::check` is made only when an entry may give a
//! key twice or was not read (`unsure`), and its message is the one the
//! walk on one thread gives. UTF-8 is checked with SIMD (`super::utf8`).

use std::collections::BTreeMap;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Mutex, PoisonError};

use rustc_hash::FxHashMap as HashMap;
use serde::de::{SeqAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use super::MAX_PROBLEMS;
use super::checker::Checker;
use super::entry::{IdCheck, Ids};
use crate::catalogue::model::Initiative;
use crate::catalogue::problem::Problem;
use crate::progress::{Progress, Stage};

/// Files smaller than this are checked on one thread: starting threads would
/// cost more than they save (the bundled catalogue, 118 entries, is under
/// 400 KB).
pub(super) const PARALLEL_BYTES: usize = 1 << 20;

/// Threads worth using: the cores there are, up to a few (the walk itself
/// is on one thread; more helpers than it can feed would only wait).
pub(super) fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, NonZeroUsize::get)
        .min(4)
}

/// Whether the system refuses this thread's helpers (in the tests, on
/// request: [`REFUSE_HELPERS`]; the real refusal cannot be staged as root).
#[cfg(not(test))]
fn refused() -> bool {
    false
}
#[cfg(test)]
fn refused() -> bool {
    REFUSE_HELPERS.with(std::cell::Cell::get)
}
#[cfg(test)]
thread_local! {
    /// Helpers started by this thread are taken as refused.
    pub(super) static REFUSE_HELPERS: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Entries in a batch, at most.
const BATCH_ENTRIES: usize = 128;
/// Bytes of entry text in a batch: it closes at the entry that reaches this.
const BATCH_BYTES: usize = 256 * 1024;

/// Walks the initiatives array, checking its entries on `helpers` threads
/// besides this one; the value is how many entries the array held.
pub(super) struct EachBatch<'c, 'p> {
    pub(super) checker: &'c mut Checker<'p>,
    pub(super) initiatives: &'c mut Vec<Initiative>,
    /// The array's text: batches end at places in it (progress).
    pub(super) array: &'c str,
    pub(super) progress: Option<&'c Progress>,
    pub(super) helpers: usize,
    /// Set when an entry may give a key twice, or was not read: then the
    /// whole text is checked for duplicate keys (`json_keys::check`).
    pub(super) unsure: &'c mut bool,
}

/// Entries' texts to check, with the number of the batch and the index of
/// its first entry.
struct Batch<'de> {
    seq: usize,
    first: usize,
    texts: Vec<&'de str>,
    bytes: usize,
    /// Where in the array's text the batch ends.
    end: usize,
}

/// A batch checked: its entries' outcomes in order, then any entries left
/// unchecked (once the problems found are certainly past the cap, or when
/// the check stopped).
struct Checked<'de> {
    seq: usize,
    first: usize,
    end: usize,
    outcomes: Vec<Outcome>,
    unchecked: Vec<&'de str>,
}

/// One entry checked on its own: what applying it in order needs.
struct Outcome {
    /// How messages name the entry, unless its id turns out a duplicate.
    label: Option<String>,
    /// Its problems as listed by its own checker (at most [`MAX_PROBLEMS`]).
    problems: Vec<Problem>,
    /// Its problems past those.
    dropped: usize,
    /// Its id, to check against the entries before.
    id: Option<IdCheck>,
    /// 1 when it is a version-1 entry without a kind.
    missing_kind: usize,
    /// Whether it may give a key twice (or could not be read).
    unsure: bool,
    /// The entry in the model, when it could be parsed at all.
    entry: Option<Result<Initiative, serde_json::Error>>,
}

impl<'de> Visitor<'de> for EachBatch<'_, '_> {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an array of initiatives")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
        let EachBatch {
            checker,
            initiatives,
            array,
            progress,
            helpers,
            unsure,
        } = self;
        let rules = checker.for_entries();
        let stop = AtomicBool::new(false);
        let order = InOrder {
            own: rules.for_entries(),
            checker,
            initiatives,
            seen: HashMap::default(),
            next: 0,
            pending: BTreeMap::new(),
            stop: &stop,
            progress: progress.map(|p| (p, array.len())),
            unsure,
        };
        // Batches out at a time (queued, being checked, checked and not yet
        // applied), at most.
        let in_flight = 4 * (helpers + 1);
        let (work_tx, work_rx) = sync_channel::<Batch<'de>>(2 * helpers);
        let work_rx = Mutex::new(work_rx);
        let (done_tx, done_rx) = sync_channel::<Checked<'de>>(in_flight);
        std::thread::scope(|scope| {
            let mut started = 0;
            for _ in 0..helpers {
                let (rules, work, done, stop) = (&rules, &work_rx, done_tx.clone(), &stop);
                // Not `threads::spawn_or_defer`: a helper deferred to the end
                // would find its batches when no one drains its results any
                // more. A thread refused (a per-user process limit) means
                // fewer helpers; with none, this thread checks every batch.
                let started_one = !refused()
                    && std::thread::Builder::new()
                        .spawn_scoped(scope, move || help(rules, work, done, stop))
                        .is_ok();
                if !started_one {
                    break;
                }
                started += 1;
            }
            // Only the helpers send: when they are done, the results are.
            drop(done_tx);
            let mut walk = Walk {
                order,
                work: (started > 0).then_some(work_tx),
                done: done_rx,
                sent: 0,
                in_flight,
            };
            let mut count = 0;
            let mut batch = Batch::new(0);
            let failed = loop {
                match seq.next_element::<&'de RawValue>() {
                    Ok(Some(raw)) => {
                        count += 1;
                        // Past the problems listed, the rest is only counted.
                        if stop.load(Ordering::Relaxed) {
                            continue;
                        }
                        batch.push(raw.get(), array);
                        if batch.is_full() {
                            walk.dispatch(std::mem::replace(&mut batch, Batch::new(count)));
                        }
                    }
                    Ok(None) => break None,
                    Err(err) => break Some(err),
                }
            };
            if !batch.texts.is_empty() && !stop.load(Ordering::Relaxed) {
                walk.dispatch(batch);
            }
            // Entries past the cap were not read.
            let stopped = stop.load(Ordering::Relaxed);
            let unsure = walk.finish();
            *unsure |= stopped || failed.is_some();
            match failed {
                Some(err) => Err(err),
                None => Ok(count),
            }
        })
    }
}

impl<'de> Batch<'de> {
    fn new(first: usize) -> Batch<'de> {
        Batch {
            seq: 0,
            first,
            texts: Vec::with_capacity(BATCH_ENTRIES),
            bytes: 0,
            end: 0,
        }
    }

    /// Adds an entry's text, a part of `array`.
    fn push(&mut self, text: &'de str, array: &str) {
        self.texts.push(text);
        self.bytes += text.len();
        self.end = (text.as_ptr() as usize + text.len()).saturating_sub(array.as_ptr() as usize);
    }

    fn is_full(&self) -> bool {
        self.texts.len() >= BATCH_ENTRIES || self.bytes >= BATCH_BYTES
    }
}

/// The walking thread's side: hands out batches, checks some itself, and
/// applies the results in order.
struct Walk<'c, 'p, 'de> {
    order: InOrder<'c, 'p, 'de>,
    /// To the helpers; `None` when there are none.
    work: Option<SyncSender<Batch<'de>>>,
    done: Receiver<Checked<'de>>,
    /// Batches handed out so far.
    sent: usize,
    /// Batches out and not yet applied, at most.
    in_flight: usize,
}

impl<'c, 'de> Walk<'c, '_, 'de> {
    fn dispatch(&mut self, mut batch: Batch<'de>) {
        batch.seq = self.sent;
        self.sent += 1;
        let Some(work) = &self.work else {
            let done = check_batch(&mut self.order.own, batch, self.order.stop);
            self.order.take(done);
            return;
        };
        // Bounded: wait for results while enough batches are out.
        while self.sent - self.order.next > self.in_flight {
            match self.done.recv() {
                Ok(done) => self.order.take(done),
                Err(_) => break,
            }
        }
        match work.try_send(batch) {
            Ok(()) => {}
            // The helpers are busy: this thread takes its share.
            Err(TrySendError::Full(batch) | TrySendError::Disconnected(batch)) => {
                let done = check_batch(&mut self.order.own, batch, self.order.stop);
                self.order.take(done);
            }
        }
        while let Ok(done) = self.done.try_recv() {
            self.order.take(done);
        }
    }

    /// Applies every batch still out, once the helpers have checked them;
    /// returns where to say whether an entry may give a key twice.
    fn finish(mut self) -> &'c mut bool {
        drop(self.work.take());
        while let Ok(done) = self.done.recv() {
            self.order.take(done);
        }
        self.order.unsure
    }
}

/// A helper thread: checks batches until there are no more.
fn help<'de>(
    rules: &Checker<'_>,
    work: &Mutex<Receiver<Batch<'de>>>,
    done: SyncSender<Checked<'de>>,
    stop: &AtomicBool,
) {
    let mut checker = rules.for_entries();
    loop {
        // A poisoned lock is no matter: nothing but `recv` runs under it.
        let next = work.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(batch) = next else { return };
        if done.send(check_batch(&mut checker, batch, stop)).is_err() {
            return;
        }
    }
}

/// Checks a batch's entries in order. It stops early once its own problems
/// are past [`MAX_PROBLEMS`]: applied in order, the cap is then reached at
/// one of the entries checked, and no entry after that one is looked at.
fn check_batch<'de>(
    checker: &mut Checker<'_>,
    batch: Batch<'de>,
    stop: &AtomicBool,
) -> Checked<'de> {
    let mut outcomes = Vec::with_capacity(batch.texts.len());
    let mut reports = 0;
    let mut texts = batch.texts.into_iter();
    while reports <= MAX_PROBLEMS && !stop.load(Ordering::Relaxed) {
        let Some(raw) = texts.next() else { break };
        let outcome = check_entry(checker, batch.first + outcomes.len(), raw);
        reports += outcome.problems.len() + outcome.dropped;
        outcomes.push(outcome);
    }
    Checked {
        seq: batch.seq,
        first: batch.first,
        end: batch.end,
        outcomes,
        unchecked: texts.collect(),
    }
}

/// Checks entry number `index` (its text `raw`) with `checker` alone, as
/// `EachInitiative::check_one` does, but with its id left to check.
fn check_entry(checker: &mut Checker<'_>, index: usize, raw: &str) -> Outcome {
    checker.problems.clear();
    checker.dropped = 0;
    checker.missing_kind = 0;
    if let Some(entry) = checker.clean_entry(raw) {
        return Outcome {
            label: Some(format!("'{}'", entry.id)),
            problems: Vec::new(),
            dropped: 0,
            id: Some(IdCheck {
                id: entry.id.clone(),
                before: 0,
            }),
            missing_kind: 0,
            unsure: false,
            entry: Some(Ok(entry)),
        };
    }
    let mut id = None;
    // Read as serde_json reads it; looking for duplicate keys on the way.
    let mut unsure = false;
    let read = crate::json_keys::value_without_duplicates(raw)
        .ok_or(())
        .or_else(|()| {
            unsure = true;
            serde_json::from_str::<Value>(raw)
        });
    let entry = match read {
        Err(err) => {
            let (who, field, message) =
                crate::catalogue::limits::unreadable_entry(index, raw, &err);
            checker.initiative = Some(who);
            checker.report(field, message);
            None
        }
        Ok(value) => {
            checker.initiative(index, &value, Ids::Later(&mut id));
            // Converted even with problems: when the list is full, the one
            // thread converts such an entry too (and may count one more).
            Some(serde_json::from_value::<Initiative>(value))
        }
    };
    Outcome {
        label: checker.initiative.take(),
        problems: std::mem::take(&mut checker.problems),
        dropped: checker.dropped,
        id,
        missing_kind: checker.missing_kind,
        unsure,
        entry,
    }
}

/// The results, applied in entry order to the file's checker.
struct InOrder<'c, 'p, 'de> {
    checker: &'c mut Checker<'p>,
    initiatives: &'c mut Vec<Initiative>,
    /// Ids of the entries applied so far → entry number (1-based).
    seen: HashMap<String, usize>,
    /// For entries a batch left unchecked, and the batches this thread takes.
    own: Checker<'p>,
    /// The batch to apply next.
    next: usize,
    /// Batches checked ahead of it.
    pending: BTreeMap<usize, Checked<'de>>,
    /// Set once the problems are past the cap: the rest is not looked at.
    stop: &'c AtomicBool,
    progress: Option<(&'c Progress, usize)>,
    /// Set when an entry applied may give a key twice.
    unsure: &'c mut bool,
}

impl<'de> InOrder<'_, '_, 'de> {
    fn take(&mut self, done: Checked<'de>) {
        self.pending.insert(done.seq, done);
        while let Some(done) = self.pending.remove(&self.next) {
            self.next += 1;
            self.apply(done);
        }
    }

    fn stopped(&self) -> bool {
        self.checker.dropped > 0
    }

    fn apply(&mut self, done: Checked<'de>) {
        let mut index = done.first;
        for outcome in done.outcomes {
            if self.stopped() {
                return;
            }
            self.apply_entry(index, outcome);
            index += 1;
        }
        for raw in done.unchecked {
            if self.stopped() {
                return;
            }
            let outcome = check_entry(&mut self.own, index, raw);
            self.apply_entry(index, outcome);
            index += 1;
        }
        if let Some((progress, total)) = self.progress {
            progress.set(Stage::Checking, done.end, total);
        }
    }

    /// Entry number `index`, as `EachInitiative::check_one` would have left
    /// the checker: its problems listed (with "duplicate id" where the one
    /// thread says it), its model kept when none was listed.
    fn apply_entry(&mut self, index: usize, outcome: Outcome) {
        let number = index + 1;
        let checker = &mut *self.checker;
        checker.initiative = outcome.label;
        let mut duplicate = None;
        if let Some(IdCheck { id, before }) = outcome.id {
            match self.seen.get(&id) {
                Some(&first) => {
                    // A repeated id alone would not say which of the two is meant.
                    checker.initiative = Some(format!("'{id}' (#{number})"));
                    duplicate = Some((before, first));
                }
                None => {
                    self.seen.insert(id, number);
                }
            }
        }
        let listed = checker.problems.len();
        let mut problems = outcome.problems.into_iter();
        let own = problems.len() + outcome.dropped;
        match duplicate {
            Some((before, first)) => {
                let before = before.min(own);
                relist(checker, &mut problems, before);
                checker.report("id", format!("duplicate id (also initiative #{first})"));
                relist(checker, &mut problems, own - before);
            }
            None => relist(checker, &mut problems, own),
        }
        checker.missing_kind += outcome.missing_kind;
        *self.unsure |= outcome.unsure;
        if checker.problems.len() == listed {
            match outcome.entry {
                Some(Ok(entry)) => self.initiatives.push(entry),
                Some(Err(err)) => checker.report("", format!("cannot read the entry: {err}")),
                None => {}
            }
        }
        if checker.dropped > 0 {
            self.stop.store(true, Ordering::Relaxed);
        }
    }
}

/// Reports the next `count` problems of an entry's own checker again, with
/// the file's checker (its label, its cap). Those its own checker did not
/// list come after the cap here too: they are only counted.
fn relist(checker: &mut Checker<'_>, problems: &mut impl Iterator<Item = Problem>, count: usize) {
    for _ in 0..count {
        match problems.next() {
            Some(Problem::Content { field, message, .. }) => checker.report(field, message),
            Some(other) if checker.problems.len() < MAX_PROBLEMS => checker.problems.push(other),
            _ => checker.dropped += 1,
        }
    }
}
