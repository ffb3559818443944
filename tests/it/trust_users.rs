//! The attacks of issue 24 played by two real users, A and B, who share a
//! group: B plants files where A's app looks, and A's app must not believe
//! them, and must still start. Running the app as another uid needs root
//! and `setpriv` (util-linux); without them the test says why and passes.

use std::io::Write;
use std::os::unix::fs::{PermissionsExt, chown};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::common::{self, assert_no_panic};

const GROUP: u32 = 61_000;
const A: u32 = 61_001;
const B: u32 = 61_002;

/// A patch giving FGU Aarhus a forged phone, as B would plant it.
const FORGED: &str = r#"{"schema_version": 2, "patches": [{"id": "fgu-aarhus",
  "contacts": [{"organisation": "FGU Aarhus", "role": "Optagelse",
                "phone": "70 70 66 66", "municipalities": ["aarhus"]}]}]}"#;

/// `setpriv`, when this process may run things as another user.
fn setpriv() -> Result<PathBuf, String> {
    // SAFETY: geteuid has no preconditions.
    let uid = unsafe { libc::geteuid() };
    if uid != 0 {
        return Err(format!("not root (uid {uid}): cannot run as another user"));
    }
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|dir| dir.join("setpriv"))
        .find(|path| path.is_file())
        .ok_or_else(|| "no setpriv on PATH".to_owned())
}

/// A command running `program` as `uid` in the shared group, nothing else.
fn as_user(setpriv: &Path, uid: u32, program: &str) -> Command {
    let mut cmd = Command::new(setpriv);
    cmd.args([
        format!("--reuid={uid}"),
        format!("--regid={GROUP}"),
        "--clear-groups".to_owned(),
        "--".to_owned(),
        program.to_owned(),
    ]);
    cmd
}

/// B writes `text` to `path` (mode 0644, or as B's umask leaves it).
fn b_writes(setpriv: &Path, path: &Path, text: &str, mode: &str) {
    let mut child = as_user(setpriv, B, "sh")
        .args(["-c", "umask 022; cat > \"$1\" && chmod \"$2\" \"$1\"", "sh"])
        .arg(path)
        .arg(mode)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    assert!(
        child.wait().unwrap().success(),
        "B could not write {}",
        path.display()
    );
}

fn dir_of(path: &Path, uid: u32, mode: u32) {
    std::fs::create_dir_all(path).unwrap();
    chown(path, Some(uid), Some(GROUP)).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A's app: `indsats args…` as A with A's home, config in `config`.
fn a_runs(
    setpriv: &Path,
    home: &Path,
    config: &Path,
    env: &[(&str, &Path)],
    args: &[&str],
) -> common::Run {
    let mut cmd = as_user(setpriv, A, env!("CARGO_BIN_EXE_indsats"));
    cmd.args(args)
        .env_remove("INDSATS_CATALOGUE")
        .env_remove("INDSATS_LANG")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", config)
        .env("XDG_DATA_HOME", home.join("data"))
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    for (key, value) in env {
        cmd.env(key, value);
    }
    let run: common::Run = cmd.output().unwrap().into();
    assert_no_panic(&run);
    run
}

#[test]
fn another_users_planted_files_are_not_believed() {
    let setpriv = match setpriv() {
        Ok(path) => path,
        Err(why) => {
            eprintln!("skipped: {why}");
            return;
        }
    };
    let base = tempfile::tempdir().unwrap();
    dir_of(base.path(), 0, 0o755);
    let home = base.path().join("a");
    dir_of(&home, A, 0o750);
    // A's config dir, group-writable: the mistake the attack needs.
    let config = home.join("config");
    dir_of(&config, A, 0o2770);
    dir_of(&config.join("indsats"), A, 0o2770);
    let local = config.join("indsats/local.json");
    let b_place = base.path().join("b");
    for dir in ["", "config", "config/indsats"] {
        dir_of(&b_place.join(dir), B, 0o755);
    }

    let show = |config: &Path, env: &[(&str, &Path)]| {
        let run = a_runs(&setpriv, &home, config, env, &["show", "fgu-aarhus"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(!run.stdout.contains("70 70 66 66"), "forged phone shown");
        run.stderr
    };

    // B's local.json in A's group-writable config dir.
    b_writes(&setpriv, &local, FORGED, "644");
    let stderr = show(&config, &[]);
    assert!(
        stderr.contains("local.json ignoreret: filen tilhører en anden"),
        "{stderr}"
    );
    // Garbage, then a FIFO, planted the same way: A's app still starts.
    b_writes(&setpriv, &local, "{garbage", "644");
    assert!(show(&config, &[]).contains("filen tilhører en anden"));
    std::fs::remove_file(&local).unwrap();
    let fifo = as_user(&setpriv, B, "mkfifo").arg(&local).status().unwrap();
    assert!(fifo.success());
    assert!(show(&config, &[]).contains("filen tilhører en anden"));
    std::fs::remove_file(&local).unwrap();
    // B's catalogue.json in A's config dir.
    let planted = config.join("indsats/catalogue.json");
    b_writes(&setpriv, &planted, "{}", "644");
    assert!(show(&config, &[]).contains("catalogue.json ignoreret: filen tilhører en anden"));
    std::fs::remove_file(&planted).unwrap();
    // A's own local.json in that folder: B could swap it.
    std::fs::write(&local, FORGED).unwrap();
    chown(&local, Some(A), Some(GROUP)).unwrap();
    std::fs::set_permissions(&local, std::fs::Permissions::from_mode(0o644)).unwrap();
    let stderr = show(&config, &[]);
    assert!(
        stderr.contains("local.json ignoreret: andre kan skrive i mappen"),
        "{stderr}"
    );
    // Once the folder is A's alone, the same file is believed.
    for dir in [&config, &config.join("indsats")] {
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700)).unwrap();
    }
    let run = a_runs(&setpriv, &home, &config, &[], &["show", "fgu-aarhus"]);
    assert!(
        run.stdout.contains("70 70 66 66"),
        "A's own file is used: {}",
        run.stderr
    );
    std::fs::remove_file(&local).unwrap();

    // XDG_CONFIG_HOME pointing into B's folder.
    let b_config = b_place.join("config");
    b_writes(
        &setpriv,
        &b_config.join("indsats/local.json"),
        FORGED,
        "644",
    );
    assert!(show(&b_config, &[]).contains("filen tilhører en anden"));
    // A B-owned, world-writable catalogue named by INDSATS_CATALOGUE.
    let b_catalogue = b_place.join("catalogue.json");
    let valid = std::fs::read_to_string(common::fixture("valid.json")).unwrap();
    b_writes(&setpriv, &b_catalogue, &valid, "666");
    let stderr = show(&config, &[("INDSATS_CATALOGUE", &b_catalogue)]);
    assert!(
        stderr.contains("catalogue.json ignoreret: filen tilhører en anden"),
        "{stderr}"
    );

    // Favourites in a B-owned XDG_DATA_HOME: not read, and said so.
    let b_data = b_place.join("data");
    dir_of(&b_data, B, 0o755);
    dir_of(&b_data.join("indsats"), B, 0o755);
    b_writes(
        &setpriv,
        &b_data.join("indsats/favourites.json"),
        r#"{"version": 1, "favourites": ["kui"], "recent": []}"#,
        "644",
    );
    let bin = env!("CARGO_BIN_EXE_indsats");
    let (uid, gid) = (format!("--reuid={A}"), format!("--regid={GROUP}"));
    let args = [uid.as_str(), gid.as_str(), "--clear-groups", "--", bin];
    let config_env = config.to_str().unwrap();
    let data_env = b_data.to_str().unwrap();
    let env = [("XDG_CONFIG_HOME", config_env), ("XDG_DATA_HOME", data_env)];
    let mut app =
        common::pty::PtyApp::start_program(setpriv.to_str().unwrap(), &home, &args, 80, 24, &env);
    app.wait_for("Favoritfil ikke læst (usikker mappe); røres ikke");
    app.send(b"\x03");
    assert_eq!(app.wait_exit(), 0);
}
