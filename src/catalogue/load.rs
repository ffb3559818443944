//! Where the catalogue comes from and how it is read (ARCHITECTURE.md §2).
//!
//! First match wins: `--catalogue PATH`, `$INDSATS_CATALOGUE`, `catalogue.json`
//! in the user's config dir, else the catalogue compiled into the binary.

use std::ffi::OsString;
use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::local::{LocalInfo, load_local, merge};
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
    if let Some(path) = flag {
        return Origin::Flag(path.to_owned());
    }
    if let Some(value) = env_value.filter(|v| !v.is_empty()) {
        return Origin::Env(PathBuf::from(value));
    }
    match config_file {
        Some(path) => Origin::ConfigDir(path),
        None => Origin::Bundled,
    }
}

/// Resolves the origin from the flag, the environment and the file system.
pub fn resolve_origin(flag: Option<&Path>) -> Origin {
    let config_file = config_dir()
        .map(|dir| dir.join("catalogue.json"))
        .filter(|path| path.exists());
    choose_origin(flag, std::env::var_os(CATALOGUE_ENV), config_file)
}

/// Reads a file of at most [`MAX_FILE_BYTES`]; a FIFO, device or directory
/// is refused at once, an oversized file after `MAX_FILE_BYTES + 1` bytes.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let name = path.display().to_string();
    crate::secure_file::read_regular(path, MAX_FILE_BYTES).map_err(|err| match err {
        crate::secure_file::ReadError::Io(source) => LoadError::Read { path: name, source },
        crate::secure_file::ReadError::TooLarge(size) => LoadError::TooLarge {
            path: name,
            size,
            limit: MAX_FILE_BYTES,
        },
    })
}

/// Loads and validates the catalogue at `origin` (without any local catalogue).
pub fn load(origin: Origin) -> Result<Loaded, LoadError> {
    load_checked(origin).map(|(loaded, _)| loaded)
}

/// Like [`load`], also returning the warnings (for `indsats check`).
pub fn load_checked(origin: Origin) -> Result<(Loaded, Vec<Problem>), LoadError> {
    load_checked_reporting(origin, &Progress::default())
}

/// Like [`load_checked`], saying how far it has come in `progress`.
fn load_checked_reporting(
    origin: Origin,
    progress: &Progress,
) -> Result<(Loaded, Vec<Problem>), LoadError> {
    let (catalogue, warnings) = match origin.path() {
        None => validate::parse_bytes_reporting(BUNDLED_NAME, BUNDLED_JSON.as_bytes(), progress),
        Some(path) => {
            let bytes = read_file(path)?;
            progress.set(Stage::Reading, 1, 1);
            validate::parse_bytes_reporting(&origin.display_name(), &bytes, progress)
        }
    }
    .map_err(LoadError::Invalid)?;
    let loaded = Loaded {
        catalogue,
        origin,
        local: None,
    };
    Ok((loaded, warnings))
}

/// Loads the catalogue at `origin` and merges the local catalogue at `local`, if given.
pub fn load_with_local(origin: Origin, local: Option<&Path>) -> Result<Loaded, LoadError> {
    load_with_local_reporting(origin, local, &Progress::default())
}

/// Like [`load_with_local`], saying how far it has come in `progress`.
pub fn load_with_local_reporting(
    origin: Origin,
    local: Option<&Path>,
    progress: &Progress,
) -> Result<Loaded, LoadError> {
    let (mut loaded, _) = load_checked_reporting(origin, progress)?;
    if let Some(path) = local {
        let file = load_local(path, &loaded.catalogue.vocabularies)?;
        loaded.local = Some(merge(&mut loaded.catalogue, file, path.to_owned())?);
    }
    Ok(loaded)
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
}
