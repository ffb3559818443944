//! The command line (ARCHITECTURE.md §3), as clap types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::search::facets::{FACETS, Facet};

/// Look up initiatives for young people outside education and employment in Region Midtjylland.
///
/// Without a command, opens the interactive app.
#[derive(Debug, Parser)]
#[command(name = "indsats", version, about, long_about = None)]
pub struct Cli {
    /// Open the app with this search already typed (as `indsats WORDS…`).
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,

    /// Open the app with these search words already typed. A first word
    /// within two edits of a command (`serach`) is refused with a
    /// suggestion; search for such a word with --query.
    #[arg(value_name = "WORDS")]
    pub words: Vec<String>,

    /// Catalogue file to use instead of $INDSATS_CATALOGUE, the config dir's catalogue.json or the bundled one.
    #[arg(long, global = true, value_name = "PATH")]
    pub catalogue: Option<PathBuf>,

    /// Language of the interface: da (default) or en. Also $INDSATS_LANG.
    #[arg(long, global = true, value_name = "da|en")]
    pub lang: Option<String>,

    /// What to do; the interactive app when left out.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The non-interactive commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Search the catalogue and print the ranked results, one line each.
    ///
    /// Each line gives the id (for `indsats show`), name, status and area,
    /// each cut with … to fit the terminal's width (80 columns in a pipe);
    /// --wide prints the full rows with the summary, --json everything. A
    /// filter value with a slip is read as the search line reads it
    /// (--kommune skvie is Skive), and stderr says so.
    Search(SearchArgs),
    /// Print one initiative with all its sections.
    Show(ShowArgs),
    /// Validate a catalogue file and list every problem.
    Check(CheckArgs),
    /// List the filter values: themes, target groups, municipalities, statuses and kinds.
    Vocab(VocabArgs),
    /// Figures for the people who keep the catalogue true: entries by kind
    /// and status, running offers with a contact point, municipalities whose
    /// way in can be reached, old contact points; with --kommune, that
    /// municipality's gaps.
    Stats(StatsArgs),
}

/// `indsats search`.
///
/// Each filter flag is a facet's (`crate::search::facets::FACETS`): clap
/// needs its name and alias as literals here, and a test checks that they
/// are the table's.
///
/// The filter values are read like the search line reads a municipality:
/// without regard to case or Danish letters, and with one slip forgiven
/// (`--kommune skvie` is Skive, and says so on stderr).
#[derive(Debug, Args, Default, Clone)]
pub struct SearchArgs {
    /// Search words (ANDed); operators: 'exact, ^prefix, suffix$, !not.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    /// Keep initiatives offered in this municipality (repeatable).
    #[arg(long, visible_alias = "kommune", value_name = "M")]
    pub municipality: Vec<String>,

    /// Keep initiatives for this target group (repeatable).
    #[arg(long = "target-group", visible_alias = "maalgruppe", value_name = "G")]
    pub target_group: Vec<String>,

    /// Keep initiatives with this theme (repeatable).
    #[arg(long, visible_alias = "tema", value_name = "T")]
    pub theme: Vec<String>,

    /// Keep initiatives whose age range includes this age (entries without a range stay).
    #[arg(long, visible_alias = "alder", value_name = "N")]
    pub age: Option<u8>,

    /// Keep initiatives with this status (repeatable): active, unconfirmed, pilot, proposed, inspiration, ended.
    #[arg(long, value_name = "S")]
    pub status: Vec<String>,

    /// Keep initiatives of this kind (repeatable): offer, professional, funding, policy.
    #[arg(long, visible_alias = "type", value_name = "K")]
    pub kind: Vec<String>,

    /// Print at most this many results.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Print the full rows – name, status, area and summary – never cut,
    /// instead of id, name, status and area cut to the terminal's width.
    #[arg(long, conflicts_with = "json")]
    pub wide: bool,

    /// Print JSON instead of one line per result.
    #[arg(long)]
    pub json: bool,
}

impl SearchArgs {
    /// The values given to `facet`'s flag (none for the age, a number).
    pub fn values(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Municipality => &self.municipality,
            Facet::TargetGroup => &self.target_group,
            Facet::Theme => &self.theme,
            Facet::Kind => &self.kind,
            Facet::Status => &self.status,
            Facet::Age => &[],
        }
    }
}

/// The facets, in the order clap declares their flags — the order of
/// `indsats search --help`, which the command line's listings follow
/// (`indsats vocab`, the notes on stderr, the JSON's `filters`).
pub fn flag_order() -> Vec<Facet> {
    let search = SearchArgs::augment_args(clap::Command::new("search"));
    search
        .get_arguments()
        .filter_map(|arg| arg.get_long())
        .filter_map(|long| {
            FACETS
                .iter()
                .find(|spec| spec.flag.long.strip_prefix("--") == Some(long))
        })
        .map(|spec| spec.facet)
        .collect()
}

/// `indsats show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The initiative's id (see `indsats search`).
    pub id: String,

    /// List this municipality's contact points first (repeatable); warns
    /// on stderr when the entry is not offered there.
    #[arg(long, visible_alias = "kommune", value_name = "M")]
    pub municipality: Vec<String>,

    /// Print the entry as JSON.
    #[arg(long)]
    pub json: bool,

    /// Print a note reporting an error in the entry to the catalogue's
    /// maintainer, to fill in and send.
    #[arg(long, conflicts_with = "json")]
    pub correction: bool,
}

/// `indsats check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The file to validate; by default the catalogue the app would use,
    /// together with `local.json` in the config dir when there is one.
    pub path: Option<PathBuf>,

    /// Validate PATH as a local catalogue merged into the catalogue in use.
    #[arg(long, requires = "path")]
    pub local: bool,
}

/// `indsats vocab`.
#[derive(Debug, Args)]
pub struct VocabArgs {
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

/// `indsats stats`.
#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Also list the running offers covering this municipality that give no
    /// contact point for it.
    #[arg(long, visible_alias = "kommune", value_name = "M")]
    pub municipality: Option<String>,
}

#[cfg(test)]
mod tests {
    use clap::{CommandFactory, Parser};

    use super::*;

    /// Every facet's flag is declared to clap under the table's name, with
    /// the table's Danish alias as its only visible alias, and its values
    /// reach [`SearchArgs::values`] (the age reaches `age`).
    #[test]
    fn clap_declares_the_table_s_flags() {
        let search = SearchArgs::augment_args(clap::Command::new("search"));
        for spec in &FACETS {
            let long = spec.flag.long.strip_prefix("--").unwrap();
            let arg = search
                .get_arguments()
                .find(|a| a.get_long() == Some(long))
                .unwrap_or_else(|| panic!("no {} in clap's SearchArgs", spec.flag.long));
            let aliases: Vec<String> = arg
                .get_visible_aliases()
                .unwrap_or_default()
                .into_iter()
                .map(|a| format!("--{a}"))
                .collect();
            let expected: Vec<String> = spec.flag.alias.iter().map(|a| a.to_string()).collect();
            assert_eq!(aliases, expected, "{}'s alias", spec.flag.long);

            let value = if spec.facet == Facet::Age { "17" } else { "x" };
            for flag in std::iter::once(spec.flag.long).chain(spec.flag.alias) {
                let cli = Cli::try_parse_from(["indsats", "search", flag, value])
                    .unwrap_or_else(|e| panic!("{flag}: {e}"));
                let Some(Command::Search(args)) = cli.command else {
                    panic!("{flag}: not a search");
                };
                match spec.facet {
                    Facet::Age => assert_eq!(args.age, Some(17), "{flag}"),
                    facet => assert_eq!(args.values(facet), ["x"], "{flag}"),
                }
            }
        }
        // Every other flag of `indsats search` is not a filter.
        for arg in search.get_arguments() {
            if let Some(long) = arg.get_long() {
                let facet = FACETS.iter().any(|s| s.flag.long == format!("--{long}"));
                assert!(
                    facet || ["limit", "wide", "json"].contains(&long),
                    "--{long}"
                );
            }
        }
        assert_eq!(flag_order().len(), FACETS.len());
        Cli::command().debug_assert();
    }

    #[test]
    fn the_command_line_lists_the_facets_in_clap_s_order() {
        use Facet::*;
        assert_eq!(
            flag_order(),
            [Municipality, TargetGroup, Theme, Age, Status, Kind]
        );
    }
}
