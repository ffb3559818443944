//! The non-interactive commands and the dispatch from the command line.

pub mod args;
pub mod check;
pub mod flags;
pub mod rows;
pub mod search;
pub mod show;
pub mod stats;
pub mod vocab;

use std::ffi::OsString;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;

use crate::catalogue::{LoadError, Loaded, load};
use crate::i18n::Lang;
use crate::loading::Loading;
use crate::search::SearchIndex;
use args::{Cli, Command};

/// Environment variable choosing the interface language.
pub const LANG_ENV: &str = "INDSATS_LANG";

/// What every command needs from the global options.
#[derive(Debug, Clone)]
pub struct Context {
    /// The `--catalogue` flag.
    pub catalogue: Option<PathBuf>,
    /// The interface language.
    pub lang: Lang,
}

impl Context {
    /// Loads the catalogue the options and environment point at, with the
    /// local catalogue (`local.json` in the config dir) merged in; a file
    /// passed over is named on stderr, one line each, and the command goes on.
    pub fn load_catalogue(&self) -> Result<Loaded, Failure> {
        let loaded = load::load_for_app(self.catalogue.as_deref()).map_err(Failure::from)?;
        self.say_ignored(&loaded);
        Ok(loaded)
    }

    /// Names each file passed over on stderr, one line each. (The app shows
    /// them in its status bar instead.)
    fn say_ignored(&self, loaded: &Loaded) {
        let s = self.lang.strings();
        let mut stderr = std::io::stderr().lock();
        for ignored in &loaded.ignored {
            let line = format!("indsats: {}", s.ignored_file(ignored, true));
            let _ = writeln!(stderr, "{}", crate::text::escaped(&line));
        }
    }

    /// [`Context::load_catalogue`] with its search index. On a terminal,
    /// a load that takes longer than [`PROGRESS_AFTER`] says how far it has
    /// come on stderr, on one line it clears again.
    pub fn load_indexed(&self) -> Result<(Loaded, SearchIndex), Failure> {
        let loading = self.start_loading();
        let said = |outcome: crate::loading::Outcome| {
            let (loaded, index) = outcome.map_err(Failure::from)?;
            self.say_ignored(&loaded);
            Ok((loaded, index))
        };
        if let Some(outcome) = loading.wait(PROGRESS_AFTER) {
            return said(outcome);
        }
        let shown = std::io::stderr().is_terminal();
        let s = self.lang.strings();
        loop {
            if shown {
                let progress = loading.progress();
                eprint!(
                    "\r\x1b[K{}",
                    s.loading_line(progress.stage(), progress.percent())
                );
            }
            if let Some(outcome) = loading.wait(PROGRESS_EVERY) {
                if shown {
                    eprint!("\r\x1b[K");
                }
                return said(outcome);
            }
        }
    }

    /// Starts loading and indexing the catalogue on a thread of its own.
    pub fn start_loading(&self) -> Loading {
        Loading::start(self.catalogue.clone())
    }
}

/// A command that failed: the message for stderr and the exit code.
#[derive(Debug)]
pub struct Failure {
    /// Exit code (1 invalid/nothing found, 2 usage or unreadable file).
    pub code: u8,
    /// Lines for stderr; each is printed as it is.
    pub lines: Vec<String>,
}

impl Failure {
    /// A usage error (exit 2) with one message.
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            lines: vec![format!("indsats: {}", message.into())],
        }
    }

    /// A failure with one `indsats: …` line and the given code.
    pub fn new(code: u8, message: impl Into<String>) -> Failure {
        Failure {
            code,
            lines: vec![format!("indsats: {}", message.into())],
        }
    }
}

impl From<LoadError> for Failure {
    fn from(err: LoadError) -> Failure {
        let code = err.exit_code();
        let lines = match err {
            LoadError::Invalid(problems) => {
                let count = problems.len();
                let mut lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
                lines.push(format!(
                    "indsats: the catalogue is invalid ({count} problem{})",
                    if count == 1 { "" } else { "s" }
                ));
                lines
            }
            other => vec![format!("indsats: {other}")],
        };
        Failure { code, lines }
    }
}

/// Result of a command: `Ok` exits 0.
pub type Outcome = Result<(), Failure>;

/// Parses `args` (program name first), runs the command and returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> ExitCode {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            // Arguments are quoted back: escape what could steer the terminal.
            let text: String = err
                .render()
                .to_string()
                .split_inclusive('\n')
                .map(|line| match line.strip_suffix('\n') {
                    Some(line) => format!("{}\n", crate::text::escaped(line)),
                    None => crate::text::escaped(line),
                })
                .collect();
            if err.use_stderr() {
                let text = text.strip_prefix("error: ").unwrap_or(&text);
                eprint!("indsats: {text}");
                return ExitCode::from(2);
            }
            print!("{text}");
            return ExitCode::SUCCESS;
        }
    };
    let outcome = context(&cli).and_then(|ctx| match cli.command {
        None => interactive(&ctx, &cli),
        Some(Command::Search(args)) => search::run(&ctx, &args),
        Some(Command::Show(args)) => show::run(&ctx, &args),
        Some(Command::Check(args)) => check::run(&ctx, &args),
        Some(Command::Vocab(args)) => vocab::run(&ctx, &args),
        Some(Command::Stats(args)) => stats::run(&ctx, &args),
    });
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let mut stderr = std::io::stderr().lock();
            for line in &failure.lines {
                // File names and values in messages come from outside.
                let _ = writeln!(stderr, "{}", crate::text::escaped(line));
            }
            ExitCode::from(failure.code)
        }
    }
}

/// Opens the interactive app, with the search from `indsats WORDS…` or
/// `--query`, and prints what it leaves to print.
fn interactive(ctx: &Context, cli: &Cli) -> Outcome {
    let loading = ctx.start_loading();
    // A first word close to a command's name needs the index to tell a
    // slip from a search: then the catalogue is waited for.
    let slip = cli
        .words
        .first()
        .filter(|first| close_command(first).is_some());
    let wait = if slip.is_some() {
        Duration::MAX
    } else {
        SCREEN_AFTER
    };
    let start = match loading.wait(wait) {
        // Ready before a screen was due (the bundled catalogue always is):
        // its problems are printed as they always were.
        Some(outcome) => {
            let (loaded, index) = outcome?;
            if let Some(first) = slip {
                command_slip(first, &index, &cli.words, ctx.lang)?;
            }
            crate::tui::Start::Ready(Box::new(loaded), Box::new(index))
        }
        None => crate::tui::Start::Loading(loading),
    };
    let mut query = cli.words.join(" ");
    if let Some(extra) = &cli.query {
        query = format!("{query} {extra}").trim().to_owned();
    }
    let options = crate::tui::Options {
        start,
        lang: ctx.lang,
        today: crate::date::Date::today(),
        no_color: std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        query,
        data_dir: crate::store::data_dir(),
    };
    match crate::tui::run(options) {
        Ok(crate::tui::Ended::Quit) => Ok(()),
        // The terminal is restored; end as the signal would have ended us.
        Ok(crate::tui::Ended::Signal(signal)) => crate::term::signals::end_by(signal),
        Err(crate::tui::Error::Load(err)) => Err(Failure::from(err)),
        Err(err) => Err(Failure::new(2, err.to_string())),
    }
}

/// How long `indsats search` waits quietly for the catalogue.
const PROGRESS_AFTER: Duration = Duration::from_secs(1);

/// How often `indsats search` says how far the loading has come.
const PROGRESS_EVERY: Duration = Duration::from_millis(200);

/// How long the app waits for the catalogue before it opens the screen
/// with a progress line: what no one notices as a wait, and short enough
/// that even a large catalogue's first frame comes within 100 ms (the
/// bundled one is ready in a few milliseconds and never shows it).
const SCREEN_AFTER: Duration = Duration::from_millis(50);

/// Most edits (a transposition is one) a first word may be from a
/// command's name to be taken for a slip of it.
const COMMAND_SLIP: usize = 2;

/// Fails with exit 2 when the first word of `indsats WORDS…` is a command
/// with a slip (`indsats serach fgu`), suggesting the command and how to
/// search for the word instead (`--query`), so the app never opens with the
/// typo as its search. A word the search reads as a municipality or an age,
/// or knows from the catalogue (`stof`, `status`, `hjælp`), is searched
/// for as before.
fn command_slip(first: &str, index: &SearchIndex, words: &[String], lang: Lang) -> Outcome {
    let Some(command) = close_command(first) else {
        return Ok(());
    };
    let folded = crate::search::fold::fold(first);
    if !index.understand(first).chips.is_empty() || index.knows_start(&folded) {
        return Ok(());
    }
    let s = lang.strings();
    let query = words.join(" ");
    Err(Failure {
        code: 2,
        lines: vec![
            format!(
                "indsats: {} \"{first}\" – {} \"{command}\"?",
                s.unknown_command, s.did_you_mean
            ),
            format!(
                "indsats: {} \"{first}\": indsats --query \"{query}\"",
                s.search_for_word
            ),
        ],
    })
}

/// The command (or `help`) `word` is within [`COMMAND_SLIP`] edits of, the
/// closest first; none for words under three characters or a command's own name.
fn close_command(word: &str) -> Option<String> {
    use clap::CommandFactory;
    let lower = word.to_lowercase();
    if lower.chars().count() < 3 {
        return None;
    }
    let mut cli = Cli::command();
    cli.build();
    let names: Vec<String> = cli
        .get_subcommands()
        .flat_map(|c| std::iter::once(c.get_name()).chain(c.get_all_aliases()))
        .map(str::to_owned)
        .collect();
    if names.contains(&lower) {
        return None;
    }
    names
        .into_iter()
        .map(|name| (strsim::osa_distance(&lower, &name), name))
        .filter(|(distance, _)| *distance <= COMMAND_SLIP)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| name)
}

fn context(cli: &Cli) -> Result<Context, Failure> {
    let lang = match &cli.lang {
        Some(value) => Lang::parse(value).ok_or_else(|| {
            Failure::usage(format!(
                "unknown language '{value}' for --lang (use da or en)"
            ))
        })?,
        // An unusable $INDSATS_LANG falls back to Danish rather than refusing to start.
        None => std::env::var(LANG_ENV)
            .ok()
            .and_then(|v| Lang::parse(&v))
            .unwrap_or_default(),
    };
    Ok(Context {
        catalogue: cli.catalogue.clone(),
        lang,
    })
}

/// Writes `text` to stdout; a closed pipe (`indsats search | head`) is not an error.
pub fn print_stdout(text: &str) -> Outcome {
    print_with(|out| out.write_all(text.as_bytes()))
}

/// Writes to stdout through a buffer with `write`; a closed pipe (`| head`)
/// ends the output quietly, any other error is a failure.
pub fn print_with(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Outcome {
    let mut stdout = std::io::BufWriter::with_capacity(64 << 10, std::io::stdout().lock());
    match write(&mut stdout).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(Failure::new(2, format!("cannot write output: {err}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::close_command;

    #[test]
    fn words_close_to_a_command_name_it() {
        assert_eq!(close_command("serach").as_deref(), Some("search"));
        assert_eq!(close_command("SHWO").as_deref(), Some("show"));
        assert_eq!(close_command("chekc").as_deref(), Some("check"));
        assert_eq!(close_command("hlep").as_deref(), Some("help"));
        assert_eq!(close_command("vocabs").as_deref(), Some("vocab"));
        for word in ["skive", "fgu", "angst", "mentor", "search", "ab", ""] {
            assert_eq!(close_command(word), None, "{word}");
        }
    }
}
