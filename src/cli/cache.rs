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
    print_stdout(&format!(
        "{}: cache of {} ({} initiatives) for every user; set INDSATS_CACHE_DIR={}\n",
        escaped(&file.display().to_string()),
        escaped(&path.display().to_string()),
        loaded.catalogue.initiatives.len(),
        escaped(&args.out.display().to_string()),
    ))
}
