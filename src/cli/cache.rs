//! `indsats cache build --catalogue PATH --out DIR`: the administrator's
//! shared start-up cache (README, "Deploying for SSH users").

use super::args::CacheBuildArgs;
use super::{Context, Failure, Outcome, print_stdout};
use crate::cache::{self, Audience, Key};
use crate::catalogue::load;
use crate::search::SearchIndex;
use crate::text::escaped;

/// Validates and indexes the catalogue, and writes its cache into `--out`,
/// readable by everyone and trusted by users because of its owner and mode.
pub fn build(ctx: &Context, args: &CacheBuildArgs) -> Outcome {
    let origin = load::resolve_origin(ctx.catalogue.as_deref());
    let Some(path) = origin.path().map(ToOwned::to_owned) else {
        return Err(Failure::usage(
            "the bundled catalogue is never cached; name a catalogue file with --catalogue PATH",
        ));
    };
    let loaded = load::load(origin)?;
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    if size < cache::MIN_CACHED_BYTES {
        return Err(Failure::usage(format!(
            "{}: a catalogue under 1 MiB loads fast without a cache; nothing written",
            path.display()
        )));
    }
    let index = SearchIndex::new(&loaded.catalogue);
    let key = Key::new(&path, None)
        .ok_or_else(|| Failure::new(2, format!("{}: cannot read its metadata", path.display())))?;
    let file = cache::cache_path(&args.out, &path);
    cache::write(&file, &key, &loaded, &index, Audience::Everyone).map_err(|err| {
        Failure::new(
            2,
            format!("{}: cannot write the cache: {err}", file.display()),
        )
    })?;
    // Written 0644 in a 0755 directory; but a directory above that was
    // made private (root's umask 077, say) keeps users out all the same.
    if let Some(closed) = closed_to_others(&file) {
        eprintln!(
            "indsats: warning: {}: other users cannot get past it (mode {:o}), so they will start without this cache; chmod o+x it",
            escaped(&closed.0.display().to_string()),
            closed.1,
        );
    }
    print_stdout(&format!(
        "{}: cache of {} ({} initiatives) for every user; set INDSATS_CACHE_DIR={}\n",
        escaped(&file.display().to_string()),
        escaped(&path.display().to_string()),
        loaded.catalogue.initiatives.len(),
        escaped(&args.out.display().to_string()),
    ))
}

/// The first directory on the way to `file` that other users cannot pass
/// (no search permission for others), with its mode.
fn closed_to_others(file: &std::path::Path) -> Option<(std::path::PathBuf, u32)> {
    use std::os::unix::fs::MetadataExt;
    let real = std::fs::canonicalize(file).ok()?;
    let mut dirs: Vec<&std::path::Path> = real.ancestors().skip(1).collect();
    dirs.reverse();
    dirs.into_iter().find_map(|dir| {
        let mode = std::fs::metadata(dir).ok()?.mode() & 0o7777;
        (mode & 0o001 == 0).then(|| (dir.to_owned(), mode))
    })
}
