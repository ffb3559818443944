//! The `indsats` binary: all logic lives in the library.

use std::ffi::OsString;

fn main() -> std::process::ExitCode {
    // First of all, before an argument is parsed or a file read: no core
    // dump may ever hold a query (ARCHITECTURE.md §6).
    indsats::process::harden();
    let args: Vec<OsString> = std::env::args_os().collect();
    // Copied: the query goes from the command line other users can read.
    indsats::process::argv::hide();
    indsats::cli::run(args)
}
