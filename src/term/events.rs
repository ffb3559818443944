//! One channel of everything the event loop waits for: terminal input and
//! signals. The loop blocks on it — there is no tick.

use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crossterm::event::{self, Event};
use signal_hook::iterator::Signals;

/// Something the event loop must react to.
#[derive(Debug)]
pub enum Incoming {
    /// A terminal event (key, paste, resize).
    Terminal(Event),
    /// A signal of [`super::signals::handled`].
    Signal(i32),
    /// Input is gone (the SSH connection dropped without a signal).
    InputClosed,
    /// Something else the loop waits for is ready (a catalogue loaded).
    Wake,
}

/// Starts the input and signal threads and returns the receiving end, and
/// a sender for [`Incoming::Wake`].
pub fn spawn() -> std::io::Result<(Receiver<Incoming>, Sender<Incoming>)> {
    let (tx, rx) = mpsc::channel();
    let mut signals = Signals::new(super::signals::handled())?;
    let signal_tx = tx.clone();
    let wake_tx = tx.clone();
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if signal_tx.send(Incoming::Signal(signal)).is_err() {
                    return;
                }
            }
        })?;
    thread::Builder::new()
        .name("input".into())
        .spawn(move || read_input(&tx))?;
    Ok((rx, wake_tx))
}

fn read_input(tx: &Sender<Incoming>) {
    loop {
        let message = match event::read() {
            Ok(event) => Incoming::Terminal(event),
            Err(_) => Incoming::InputClosed,
        };
        let closed = matches!(message, Incoming::InputClosed);
        if tx.send(message).is_err() || closed {
            return;
        }
    }
}
