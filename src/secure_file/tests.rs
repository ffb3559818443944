//! Unit tests of `secure_file`: the kinds of file refused, the limit, the
//! private folders, and the trust rule.

use super::*;

fn mkfifo(path: &Path) {
    let name = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
}

#[test]
fn fifos_devices_and_directories_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    let err = open_regular(&fifo).unwrap_err();
    assert!(err.to_string().contains("FIFO"), "{err}");
    let err = open_regular(Path::new("/dev/zero")).unwrap_err();
    assert!(err.to_string().contains("character device"), "{err}");
    let err = open_regular(dir.path()).unwrap_err();
    assert!(err.to_string().contains("directory"), "{err}");
    assert!(matches!(
        read_regular(Path::new("/dev/zero"), 10),
        Err(ReadError::Io(_))
    ));
}

#[test]
fn reads_at_most_one_byte_past_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f");
    std::fs::write(&path, b"0123456789").unwrap();
    assert_eq!(read_regular(&path, 10).unwrap(), b"0123456789");
    assert!(matches!(
        read_regular(&path, 9),
        Err(ReadError::TooLarge(10))
    ));
}

#[test]
fn private_dirs_are_made_0700_and_shared_ones_refused() {
    let dir = tempfile::tempdir().unwrap();
    let inner = dir.path().join("a/b");
    safe_place(&inner, 0o700).unwrap();
    let mode = std::fs::metadata(&inner).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o700);
    std::fs::set_permissions(&inner, std::fs::Permissions::from_mode(0o770)).unwrap();
    let err = safe_place(&inner, 0o700).unwrap_err();
    assert!(err.to_string().contains("others can write"), "{err}");
}

#[test]
fn a_directory_above_that_others_can_write_is_refused_unless_sticky() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    let inner = shared.join("mine");
    safe_place(&inner, 0o700).unwrap();
    // Group-writable: a member could rename `mine` away and put theirs there.
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o775)).unwrap();
    let err = safe_place(&inner, 0o700).unwrap_err();
    assert!(
        err.to_string().contains("others can write to the folder")
            && err.to_string().contains("in its place"),
        "{err}"
    );
    // Sticky, like /tmp: others cannot rename what is not theirs.
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o1777)).unwrap();
    safe_place(&inner, 0o700).unwrap();
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A file of mode 0644 in a folder of mode 0755 under a fresh temp dir
/// (modes set, whatever the umask).
fn plain_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    chmod(&folder, 0o755);
    let file = folder.join("local.json");
    std::fs::write(&file, b"{}").unwrap();
    chmod(&file, 0o644);
    (dir, file)
}

fn verdict(path: &Path) -> Option<Distrust> {
    distrust_of(path).unwrap()
}

#[test]
fn a_file_others_can_write_is_not_believed() {
    let (_dir, file) = plain_file();
    assert_eq!(verdict(&file), None);
    assert_eq!(read_trusted(&file, 10).unwrap(), b"{}");
    for mode in [0o664, 0o646, 0o666] {
        chmod(&file, mode);
        assert_eq!(
            verdict(&file),
            Some(Distrust::FileWritable(0o100000 | mode))
        );
        assert!(matches!(
            read_trusted(&file, 10),
            Err(ReadError::Untrusted(Distrust::FileWritable(_)))
        ));
        // Read whoever wrote it, for `indsats check`.
        assert_eq!(read_regular(&file, 10).unwrap(), b"{}");
    }
}

#[test]
fn a_folder_on_the_way_others_can_write_is_not_believed_unless_sticky() {
    let (dir, file) = plain_file();
    let folder = file.parent().unwrap().to_owned();
    chmod(&folder, 0o775);
    assert_eq!(
        verdict(&file),
        Some(Distrust::FolderWritable(folder.clone(), 0o40775))
    );
    // Higher up, too.
    chmod(&folder, 0o755);
    chmod(dir.path(), 0o777);
    assert_eq!(
        verdict(&file),
        Some(Distrust::FolderWritable(dir.path().to_owned(), 0o40777))
    );
    // Sticky, like /tmp: others cannot rename what is not theirs.
    chmod(dir.path(), 0o1777);
    assert_eq!(verdict(&file), None);
    chmod(dir.path(), 0o700);
}

#[test]
fn the_way_through_links_is_walked_as_the_kernel_walks_it() {
    let (dir, file) = plain_file();
    // A relative link, up and down again, then a link to the file.
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    chmod(&shared, 0o775);
    std::os::unix::fs::symlink("../folder", shared.join("up")).unwrap();
    let by_link = shared.join("up/local.json");
    // The link lives in a folder others can write: they could swap it.
    assert_eq!(
        verdict(&by_link),
        Some(Distrust::FolderWritable(shared.clone(), 0o40775))
    );
    chmod(&shared, 0o755);
    assert_eq!(verdict(&by_link), None);
    // The target's folder is checked, not only the link's.
    chmod(file.parent().unwrap(), 0o777);
    assert!(matches!(
        verdict(&by_link),
        Some(Distrust::FolderWritable(place, _)) if place == file.parent().unwrap()
    ));
    chmod(file.parent().unwrap(), 0o755);
    // A relative path from the current folder is walked from there.
    let cwd = std::env::current_dir().unwrap();
    let relative = pathdiff(&by_link, &cwd);
    assert_eq!(verdict(&relative), None, "{}", relative.display());
    // A loop of links is an error, not a hang.
    std::os::unix::fs::symlink("b", dir.path().join("a")).unwrap();
    std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
    assert!(walk(&dir.path().join("a/x")).is_err());
}

/// `path` written relative to `from` (both absolute), with `..` steps.
fn pathdiff(path: &Path, from: &Path) -> PathBuf {
    let mut up = PathBuf::new();
    for _ in from.components().skip(1) {
        up.push("..");
    }
    up.join(path.strip_prefix("/").unwrap())
}

#[test]
fn untrusted_comes_before_what_the_file_is() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    mkfifo(&fifo);
    assert!(matches!(read_trusted(&fifo, 10), Err(ReadError::Io(_))));
    chmod(&fifo, 0o622);
    assert!(matches!(
        read_trusted(&fifo, 10),
        Err(ReadError::Untrusted(Distrust::FileWritable(_)))
    ));
}

/// Files of another user: only root can make them, so the test says
/// so and returns without it.
#[test]
fn another_users_file_folder_or_link_is_not_believed() {
    if my_uid() != 0 {
        eprintln!(
            "skipped: only root can give a file to another user (uid {})",
            my_uid()
        );
        return;
    }
    let other = 65534;
    let chown = |path: &Path| {
        std::os::unix::fs::lchown(path, Some(other), None).unwrap();
    };
    let (dir, file) = plain_file();
    chown(&file);
    assert_eq!(verdict(&file), Some(Distrust::FileOwner(other)));
    std::os::unix::fs::lchown(&file, Some(0), None).unwrap();
    let folder = file.parent().unwrap().to_owned();
    chown(&folder);
    assert_eq!(
        verdict(&file),
        Some(Distrust::FolderOwner(folder.clone(), other))
    );
    std::os::unix::fs::lchown(&folder, Some(0), None).unwrap();
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&folder, &link).unwrap();
    chown(&link);
    assert_eq!(
        verdict(&link.join("local.json")),
        Some(Distrust::LinkOwner(link.clone(), other))
    );
    let err = safe_place(&link, 0o700).unwrap_err();
    assert!(err.to_string().contains("belongs to another user"), "{err}");
}
