//! Where the catalogue comes from and how it is read (ARCHITECTURE.md §2).
//!
//! First match wins: `--catalogue PATH`, `$INDSATS_CATALOGUE`, `catalogue.json`
//! in the user's config dir, else the catalogue compiled into the binary.
//! The app passes over a file someone else could have written, and starts
//! without a `local.json` it cannot use, saying why ([`Ignored`]; ARCHITECTURE.md §9).

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::local::{LocalInfo, merge, parse_local};
use super::model::Catalogue;
use super::problem::Problem;
use super::validate;
use crate::progress::{Progress, Stage};

/// The bundled catalogue, compiled in.
pub const BUNDLED_JSON: &str = include_str!("../../catalogue/initiatives.json");

/// How messages name the bundled catalogue.
pub const BUNDLED_NAME: &str = "<bundled catalogue>";

/// Environment variable naming a catalogue file.
pub const CATALOGUE_ENV: &str = "INDSATS_CATALOGUE";

/// Largest catalogue file read, in bytes. Far above any real catalogue
/// (100,000 long entries are about 150 MB) but keeps a stray huge file from
/// exhausting memory on a shared server.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Where the catalogue in use was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the binary.
    Bundled,
    /// Given with `--catalogue PATH`.
    Flag(PathBuf),
    /// Named by `$INDSATS_CATALOGUE`.
    Env(PathBuf),
    /// `catalogue.json` in the user's config dir.
    ConfigDir(PathBuf),
}

impl Origin {
    /// The file behind this origin, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Origin::Bundled => None,
            Origin::Flag(p) | Origin::Env(p) | Origin::ConfigDir(p) => Some(p),
        }
    }

    /// How messages name this catalogue.
    pub fn display_name(&self) -> String {
        match self.path() {
            Some(path) => path.display().to_string(),
            None => BUNDLED_NAME.to_owned(),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_name())
    }
}

/// Why a catalogue could not be loaded.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The file could not be opened or read.
    #[error("{path}: cannot read the file: {source}")]
    Read {
        /// The file as named.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{path}: the file is too large to be a catalogue ({size} bytes; the limit is {limit})")]
    TooLarge {
        /// The file as named.
        path: String,
        /// Its size in bytes (at least).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file was read but is not a valid catalogue.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// Process exit code for this error: 2 unreadable, 1 invalid (ARCHITECTURE.md §3).
    pub fn exit_code(&self) -> u8 {
        match self {
            LoadError::Read { .. } | LoadError::TooLarge { .. } => 2,
            LoadError::Invalid(_) => 1,
        }
    }
}

/// A validated catalogue and where it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The catalogue (with the local catalogue merged in, if any).
    pub catalogue: Catalogue,
    /// Where it was found.
    pub origin: Origin,
    /// What the local catalogue (`local.json`) contributed, if there is one.
    pub local: Option<LocalInfo>,
    /// The files passed over on the way, and why, for a note at start.
    pub ignored: Vec<Ignored>,
}

/// A file the app did not read (or did not use), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    /// The file as named.
    pub path: PathBuf,
    /// Why it was passed over.
    pub why: Why,
}

/// Why a file was passed over. A catalogue is passed over only when it is
/// not to be believed; `local.json` for anything that keeps it from use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Why {
    /// Someone other than the user and root could have written it.
    Untrusted(crate::secure_file::Distrust),
    /// A FIFO, device or directory.
    NotAFile,
    /// Larger than [`MAX_FILE_BYTES`].
    TooLarge,
    /// It could not be opened or read.
    Unreadable,
    /// It is not a valid (local) catalogue.
    Invalid,
}

impl Why {
    /// Why a local catalogue could not be loaded.
    fn of(err: &LoadError) -> Why {
        match err {
            LoadError::Read { source, .. } => {
                if crate::secure_file::NotRegular::kind_in(source).is_some() {
                    Why::NotAFile
                } else {
                    Why::Unreadable
                }
            }
            LoadError::TooLarge { .. } => Why::TooLarge,
            LoadError::Invalid(_) => Why::Invalid,
        }
    }
}

/// The user's config dir for indsats (`~/.config/indsats` on Linux), if a home exists.
pub fn config_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("dk", "indsats", "indsats").map(|d| d.config_dir().to_owned())
}

/// Picks the catalogue source, first match wins. `env_value` is `$INDSATS_CATALOGUE`
/// (empty counts as unset); `config_file` is `catalogue.json` in the config dir,
/// passed only when it exists.
pub fn choose_origin(
    flag: Option<&Path>,
    env_value: Option<OsString>,
    config_file: Option<PathBuf>,
) -> Origin {
    search_order(flag, env_value, config_file)
        .next()
        .unwrap_or(Origin::Bundled)
}

/// The catalogue files in the order they are looked for (the bundled
/// catalogue comes after them all): the flag, `$INDSATS_CATALOGUE` (empty
/// counts as unset), `catalogue.json` in the config dir.
fn search_order(
    flag: Option<&Path>,
    env_value: Option<OsString>,
    config_file: Option<PathBuf>,
) -> impl Iterator<Item = Origin> {
    let env = env_value.filter(|v| !v.is_empty()).map(PathBuf::from);
    [
        flag.map(|p| Origin::Flag(p.to_owned())),
        env.map(Origin::Env),
        config_file.map(Origin::ConfigDir),
    ]
    .into_iter()
    .flatten()
}

/// Resolves the origin from the flag, the environment and the file system.
pub fn resolve_origin(flag: Option<&Path>) -> Origin {
    choose_origin(flag, std::env::var_os(CATALOGUE_ENV), config_catalogue())
}

/// `catalogue.json` in the config dir, when it exists.
fn config_catalogue() -> Option<PathBuf> {
    config_dir()
        .map(|dir| dir.join("catalogue.json"))
        .filter(|path| path.exists())
}

/// Reads a file of at most [`MAX_FILE_BYTES`], whoever wrote it (for
/// `indsats check`); a FIFO, device or directory is refused at once, an
/// oversized file after `MAX_FILE_BYTES + 1` bytes.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    crate::secure_file::read_regular(path, MAX_FILE_BYTES).map_err(|err| read_error(path, err))
}

/// Reads a file as [`read_file`] does, if the app may believe it
/// (`Ok(Err(why))` when it may not).
fn read_believed(path: &Path) -> Result<Result<Vec<u8>, crate::secure_file::Distrust>, LoadError> {
    match crate::secure_file::read_trusted(path, MAX_FILE_BYTES) {
        Ok(bytes) => Ok(Ok(bytes)),
        Err(crate::secure_file::ReadError::Untrusted(why)) => Ok(Err(why)),
        Err(err) => Err(read_error(path, err)),
    }
}

fn read_error(path: &Path, err: crate::secure_file::ReadError) -> LoadError {
    use crate::secure_file::ReadError;
    let path = path.display().to_string();
    match err {
        ReadError::Io(source) => LoadError::Read { path, source },
        ReadError::Untrusted(why) => LoadError::Read {
            path,
            source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, why),
        },
        ReadError::TooLarge(size) => LoadError::TooLarge {
            path,
            size,
            limit: MAX_FILE_BYTES,
        },
    }
}

/// The bundled catalogue for the app: read straight into the model. It is
/// part of the binary and checked by the tests (and by `indsats check`), so
/// checking it again at every start would only cost time (about 5 of the
/// 15 ms a start takes); should it ever not read, it is checked as any file.
fn bundled(progress: &Progress) -> Result<(Catalogue, Vec<Problem>), Vec<Problem>> {
    match serde_json::from_str::<Catalogue>(BUNDLED_JSON) {
        Ok(catalogue) => Ok((catalogue, Vec::new())),
        Err(_) => validate::parse_bytes_reporting(BUNDLED_NAME, BUNDLED_JSON.as_bytes(), progress),
    }
}

/// Loads and validates the catalogue at `origin` (without any local catalogue).
pub fn load(origin: Origin) -> Result<Loaded, LoadError> {
    load_checked(origin).map(|(loaded, _)| loaded)
}

/// Like [`load`], also returning the warnings (for `indsats check`).
pub fn load_checked(origin: Origin) -> Result<(Loaded, Vec<Problem>), LoadError> {
    let (catalogue, warnings) = match origin.path() {
        None => validate::parse_str_with_warnings(BUNDLED_NAME, BUNDLED_JSON),
        Some(path) => {
            validate::parse_bytes_with_warnings(&origin.display_name(), &read_file(path)?)
        }
    }
    .map_err(LoadError::Invalid)?;
    let loaded = Loaded {
        catalogue,
        origin,
        local: None,
        ignored: Vec::new(),
    };
    Ok((loaded, warnings))
}

/// Loads the catalogue the app uses, as [`load_for_app_from`] does with the
/// environment and the config dir.
pub fn load_for_app(flag: Option<&Path>) -> Result<Loaded, LoadError> {
    load_for_app_reporting(flag, &Progress::default())
}

/// Like [`load_for_app`], saying how far it has come in `progress`.
pub fn load_for_app_reporting(
    flag: Option<&Path>,
    progress: &Progress,
) -> Result<Loaded, LoadError> {
    load_for_app_from(
        flag,
        std::env::var_os(CATALOGUE_ENV),
        config_catalogue(),
        super::local::local_path().as_deref(),
        progress,
    )
}

/// Loads the first catalogue of the search order ([`choose_origin`]) that
/// the app may believe, passing over each it may not
/// ([`crate::secure_file::distrust`]), down to the bundled one; and merges
/// the local catalogue at `local` when it can be used. Everything passed
/// over is in [`Loaded::ignored`]. A believed catalogue that cannot be read
/// or is invalid is an error, as ever; a local catalogue never is.
pub fn load_for_app_from(
    flag: Option<&Path>,
    env_value: Option<OsString>,
    config_file: Option<PathBuf>,
    local: Option<&Path>,
    progress: &Progress,
) -> Result<Loaded, LoadError> {
    let mut ignored = Vec::new();
    let mut found = None;
    for origin in search_order(flag, env_value, config_file) {
        let Some(path) = origin.path() else { continue };
        match read_believed(path)? {
            Ok(bytes) => {
                found = Some((origin, bytes));
                break;
            }
            Err(why) => ignored.push(Ignored {
                path: path.to_owned(),
                why: Why::Untrusted(why),
            }),
        }
    }
    progress.set(Stage::Reading, 1, 1);
    let (catalogue, origin) = match found {
        Some((origin, bytes)) => (
            validate::parse_bytes_reporting(&origin.display_name(), &bytes, progress),
            origin,
        ),
        None => (bundled(progress), Origin::Bundled),
    };
    let (catalogue, _) = catalogue.map_err(LoadError::Invalid)?;
    let mut loaded = Loaded {
        catalogue,
        origin,
        local: None,
        ignored,
    };
    if let Some(path) = local {
        match merge_local(&mut loaded.catalogue, path) {
            Ok(Ok(info)) => loaded.local = Some(info),
            Ok(Err(why)) => loaded.ignored.push(Ignored {
                path: path.to_owned(),
                why: Why::Untrusted(why),
            }),
            Err(err) => loaded.ignored.push(Ignored {
                path: path.to_owned(),
                why: Why::of(&err),
            }),
        }
    }
    Ok(loaded)
}

/// Reads the local catalogue at `path`, if the app may believe it, and
/// merges it into `catalogue` (which stays as it was on any error).
fn merge_local(
    catalogue: &mut Catalogue,
    path: &Path,
) -> Result<Result<LocalInfo, crate::secure_file::Distrust>, LoadError> {
    let bytes = match read_believed(path)? {
        Ok(bytes) => bytes,
        Err(why) => return Ok(Err(why)),
    };
    let file = parse_local(path, &bytes, &catalogue.vocabularies)?;
    Ok(Ok(merge(catalogue, file, path.to_owned())?))
}

/// Loads and validates a single file (for `indsats check PATH`).
pub fn load_file(path: &Path) -> Result<Catalogue, LoadError> {
    load_file_checked(path).map(|(catalogue, _)| catalogue)
}

/// Like [`load_file`], also returning the warnings.
pub fn load_file_checked(path: &Path) -> Result<(Catalogue, Vec<Problem>), LoadError> {
    let bytes = read_file(path)?;
    validate::parse_bytes_with_warnings(&path.display().to_string(), &bytes)
        .map_err(LoadError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_env_beats_config_beats_bundled() {
        let flag = Path::new("flag.json");
        let config = PathBuf::from("config.json");
        assert_eq!(
            choose_origin(Some(flag), Some("env.json".into()), Some(config.clone())),
            Origin::Flag(flag.to_owned())
        );
        assert_eq!(
            choose_origin(None, Some("env.json".into()), Some(config.clone())),
            Origin::Env("env.json".into())
        );
        assert_eq!(
            choose_origin(None, Some("".into()), Some(config.clone())),
            Origin::ConfigDir(config)
        );
        assert_eq!(choose_origin(None, None, None), Origin::Bundled);
    }

    #[test]
    fn bundled_catalogue_is_valid() {
        let loaded = load(Origin::Bundled).expect("bundled catalogue must be valid");
        assert!(loaded.catalogue.initiatives.len() >= 35);
    }

    /// The app reads the bundled catalogue straight into the model; that is
    /// the model the full check gives, with no warning.
    #[test]
    fn the_bundled_catalogue_reads_as_the_check_gives_it() {
        let (checked, warnings) = validate::parse_str_with_warnings(BUNDLED_NAME, BUNDLED_JSON)
            .expect("bundled catalogue must be valid");
        assert!(warnings.is_empty(), "{warnings:?}");
        let (read, none) = bundled(&Progress::default()).expect("it reads");
        assert!(none.is_empty());
        assert_eq!(read, checked);
    }
}
