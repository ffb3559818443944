//! The `indsats` binary: all logic lives in the library.

fn main() -> std::process::ExitCode {
    indsats::cli::main()
}
