//! The hazards of a meeting, end to end in a pseudo-terminal at 80×24: keys
//! typed anywhere never quit, mark, save or open a view; the next steps are
//! on screen right after Enter; a typed municipality and age are chips that
//! count as the CLI's flags; Ctrl-Z and `fg`; nothing from an earlier session
//! on the start screen; copy inside a real tmux lands in its paste buffer.

use crate::common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::pty::{PtyApp, TIMEOUT, all_shown, keys};

fn start(home: &Path) -> PtyApp {
    PtyApp::started(home, 80, 24)
}

/// Letters, digits and punctuation — every old one-letter command among them.
const LETTERS: &str = "qmsfvcp?/xyzæøå 17";

#[test]
fn letters_typed_in_every_focus_never_quit_mark_save_or_open_a_view() {
    type Setup = fn(&mut PtyApp);
    let setups: [(&str, Setup); 6] = [
        ("search line", |_| {}),
        ("list", |a| a.send(keys::TAB)),
        ("details", |a| {
            a.send(keys::ENTER);
            a.wait_for("Næste skridt");
        }),
        ("picker", |a| {
            a.send(keys::CTRL_F);
            a.wait_for("Find ›");
        }),
        ("help", |a| {
            a.send(b"\x1bOP");
            a.wait_for("Hjælp – taster");
        }),
        ("copy menu", |a| {
            a.send(keys::CTRL_Y);
            a.wait_for("Kopiér til udklipsholderen");
        }),
    ];
    for (name, setup) in setups {
        let home = tempfile::tempdir().unwrap();
        let mut app = start(home.path());
        app.type_text("fgu");
        app.wait_for("Søg › fgu");
        setup(&mut app);
        app.type_text(LETTERS);
        if name == "picker" {
            app.wait_for("Find › qmsfvcp?/xyzæøå 17");
        } else {
            app.wait_for(&format!("Søg › fgu{LETTERS}"));
        }
        assert!(app.running(), "{name}: the app quit");
        let screen = app.screen();
        for view in ["Kortliste (", "Favoritter (", "Senest åbnede ("] {
            assert!(!screen.contains(view), "{name}: {view} opened:\n{screen}");
        }
        assert!(!screen.contains("▶ + "), "{name}: marked:\n{screen}");
        assert!(
            !home.path().join("data/indsats/favourites.json").exists() || name == "details",
            "{name}: something was saved"
        );
        if name == "details" {
            // Opening records a recent; no favourite was saved.
            let stored =
                std::fs::read_to_string(home.path().join("data/indsats/favourites.json")).unwrap();
            assert!(stored.contains("\"favourites\": []"), "{stored}");
        }
        app.send(keys::CTRL_C);
        assert_eq!(app.wait_exit(), 0);
    }
}

#[test]
fn at_80x24_the_next_steps_are_on_screen_right_after_enter() {
    let home = tempfile::tempdir().unwrap();
    let mut app = start(home.path());
    app.type_text("fgu skolen");
    app.wait_for("FGU Skolen");
    app.send(keys::ENTER);
    app.wait_for("Næste skridt");
    app.wait_for("1. Bed kommunens ungeindsats");
    app.wait_for("2. Se skolerne");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn at_80x24_the_number_and_the_next_steps_are_on_one_screen() {
    for (line, contact) in [
        ("randers 23 hjemløs", "Kontakt (Randers): Ring 8915 1515"),
        ("holstebro 20 kui", "Kontakt (Holstebro): Ring 9611 6100"),
        (
            "skanderborg 19 kui",
            "Kontakt (Skanderborg): Ring 87 94 76 01",
        ),
    ] {
        let home = tempfile::tempdir().unwrap();
        let mut app = start(home.path());
        app.type_text(line);
        app.wait_for("Den kommunale ungeindsats");
        app.send(keys::ENTER);
        app.wait_for(contact);
        app.wait_for("1. Kontakt ungeindsatsen");
        app.wait_for("3. Bed om en målgruppevurdering");
        app.send(keys::CTRL_C);
        assert_eq!(app.wait_exit(), 0);
    }
}

#[test]
fn at_80x24_the_copy_menu_opens_on_the_municipalitys_number() {
    let home = tempfile::tempdir().unwrap();
    let mut app = start(home.path());
    app.type_text("randers 23 kui");
    app.wait_for("Filtre: [Randers] [23 år]");
    app.send(keys::ENTER);
    app.wait_for("Kontakt (Randers)");
    app.send(keys::CTRL_Y);
    app.wait_for("Kopiér til udklipsholderen");
    let screen = app.screen();
    let rows: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.contains("Kopiér til udklipsholderen"))
        .skip(1)
        .take(8)
        .collect();
    assert!(rows[0].contains("Telefon: 8915 1515"), "{screen}");
    assert!(
        rows[1].contains("E-mail: Ydelseskontoret@randers.dk"),
        "{screen}"
    );
    assert!(rows[2].contains("Henvisningsresumé"), "{screen}");
    // The Randers meeting's menu holds no other municipality's number.
    assert!(rows.iter().any(|r| r.contains("Flere …")), "{screen}");
    assert!(!screen.contains("Horsens"), "{screen}");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn at_80x24_ctrl_underscore_undoes_each_kind_of_clear() {
    const UNDO: &[u8] = b"\x1f";
    let home = tempfile::tempdir().unwrap();
    let mut app = start(home.path());
    app.type_text("randers 23 angst");
    app.wait_for("Filtre: [Randers] [23 år]");
    // Esc clears the words; the first clear says how to undo it.
    app.send(keys::ESC);
    app.wait_for("Ryddet – Ctrl-_ fortryder");
    app.send(UNDO);
    app.wait_for("Søg › angst");
    // Ctrl-U takes the words and the typed chips.
    app.send(keys::CTRL_U);
    app.wait_until("the filters gone", |s| s.contains("Filtre: ingen"));
    app.send(UNDO);
    app.wait_for("Filtre: [Randers] [23 år]");
    app.wait_for("Søg › angst");
    // Backspace on an empty line takes the last chip. (A key sent right
    // after Esc would read as Alt-key: wait for the Esc to land.)
    app.send(keys::ESC);
    app.wait_gone("Søg › angst");
    app.send(keys::BACKSPACE);
    app.wait_until("the age gone", |s| s.contains("Filtre: [Randers]  "));
    app.send(UNDO);
    app.wait_for("Filtre: [Randers] [23 år]");
    // A new municipality typed beside the old one.
    app.type_text("skive ");
    app.wait_for("[Skive]");
    app.send(UNDO);
    app.wait_gone("[Skive]");
    app.wait_for("Filtre: [Randers] [23 år]");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

/// The count on the search line: "N af M".
fn shown_count(app: &PtyApp) -> usize {
    let screen = app.screen();
    let line = screen.lines().nth(1).unwrap_or_default().to_owned();
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().rposition(|w| *w == "af").expect("a count");
    words[at - 1].parse().expect("a number")
}

fn cli_total(home: &Path, args: &[&str]) -> usize {
    let mut all = vec!["search", "--json"];
    all.extend_from_slice(args);
    let run = common::run_in(home, &all);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("json");
    value["total"].as_u64().expect("total") as usize
}

#[test]
fn a_typed_municipality_and_age_are_chips_with_the_cli_flags_count() {
    let home = tempfile::tempdir().unwrap();
    let mut app = start(home.path());
    app.type_text("skive 17 ");
    app.wait_for("[Skive] [17 år]");
    app.wait_for("Søg ›    ");
    let expected = cli_total(home.path(), &["--kommune", "skive", "--alder", "17"]);
    app.wait_for(&format!(" {expected} af "));
    app.type_text("fgu");
    app.wait_for("Søg › fgu");
    let expected = cli_total(home.path(), &["fgu", "--kommune", "skive", "--alder", "17"]);
    app.wait_for(&format!(" {expected} af "));
    assert_eq!(shown_count(&app), expected);
    // Backspace on an empty search removes the last chip.
    for _ in 0..4 {
        app.send(keys::BACKSPACE);
    }
    app.wait_gone("[17 år]");
    app.wait_for("[Skive]");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn ctrl_z_suspends_and_fg_resumes_with_a_full_redraw() {
    let home = tempfile::tempdir().unwrap();
    let binary = env!("CARGO_BIN_EXE_indsats");
    let mut shell = PtyApp::start_program(
        "bash",
        home.path(),
        &["--norc", "--noprofile", "-i"],
        80,
        24,
        &[("PS1", "shell$ ")],
    );
    shell.wait_for("shell$");
    shell.type_text(&format!("{binary}\r"));
    shell.wait_for(&all_shown(false));
    shell.type_text("ips");
    shell.wait_for("Søg › ips");
    shell.send(keys::CTRL_Z);
    shell.wait_for("Stopped");
    shell.wait_gone("Søg › ips");
    shell.type_text("fg\r");
    // Raw mode and the whole screen are back, the search as it was.
    shell.wait_for("Søg › ips");
    shell.wait_for("F1 hjælp");
    shell.type_text(" ung");
    shell.wait_for("Søg › ips ung");
    shell.send(keys::CTRL_C);
    // The shell's own new prompt, after the one that ran the app and the
    // one that took `fg`: typed earlier, `exit` can reach the terminal
    // before the shell reads it again and be lost.
    shell.wait_until("a new shell prompt", |screen| {
        screen.matches("shell$").count() >= 3 && screen.trim_end().ends_with("shell$")
    });
    shell.type_text("exit\r");
    shell.wait_exit();
}

#[test]
fn nothing_from_an_earlier_session_on_the_start_screen() {
    let home = tempfile::tempdir().unwrap();
    let mut app = start(home.path());
    app.type_text("talentspejderne");
    app.wait_for("Talentspejderne");
    app.send(keys::ENTER);
    app.wait_for("Næste skridt");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);

    let mut next = start(home.path());
    let screen = next.screen();
    assert!(!screen.contains("Talentspejderne"), "{screen}");
    next.send(keys::CTRL_R);
    next.wait_for("Senest åbnede (1)");
    next.wait_for("Talentspejderne");
    next.send(keys::CTRL_C);
    assert_eq!(next.wait_exit(), 0);
}

/// Copy inside a real tmux with `set-clipboard on` lands in tmux's paste
/// buffer. Skipped, with the reason printed, where tmux is not installed
/// (`.ci/run` installs it).
#[test]
fn copy_inside_tmux_lands_in_the_paste_buffer() {
    if Command::new("tmux").arg("-V").output().is_err() {
        eprintln!("SKIPPED copy_inside_tmux_lands_in_the_paste_buffer: tmux is not installed");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let socket = format!("indsats-test-{}", std::process::id());
    let config = home.path().join("tmux.conf");
    std::fs::write(&config, "set -g set-clipboard on\n").unwrap();
    let tmux = |args: &[&str]| {
        Command::new("tmux")
            .args(["-L", &socket, "-f", config.to_str().unwrap()])
            .args(args)
            .output()
            .expect("run tmux")
    };
    let h = home.path().display();
    let command = format!(
        "env -u INDSATS_CATALOGUE -u INDSATS_LANG HOME={h} XDG_DATA_HOME={h}/data XDG_CONFIG_HOME={h}/config {}",
        env!("CARGO_BIN_EXE_indsats")
    );
    let started = tmux(&["new-session", "-d", "-x", "100", "-y", "30", &command]);
    assert!(started.status.success(), "{started:?}");
    let capture = || String::from_utf8_lossy(&tmux(&["capture-pane", "-p"]).stdout).into_owned();
    let wait = |what: &dyn Fn() -> bool, label: &str| {
        let deadline = Instant::now() + TIMEOUT;
        while !what() {
            if Instant::now() > deadline {
                let screen = capture();
                tmux(&["kill-server"]);
                panic!("timed out waiting for {label}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    };
    wait(&|| capture().contains(&all_shown(false)), "the app");
    tmux(&["send-keys", "-l", "ips-ung"]);
    wait(&|| capture().contains("Søg › ips-ung"), "the search");
    tmux(&["send-keys", "C-y"]);
    wait(
        &|| capture().contains("Kopiér til udklipsholderen"),
        "the menu",
    );
    tmux(&["send-keys", "Enter"]);
    wait(
        &|| String::from_utf8_lossy(&tmux(&["show-buffer"]).stdout).contains("IPS-ung\nStatus: "),
        "the paste buffer",
    );
    let buffer = String::from_utf8_lossy(&tmux(&["show-buffer"]).stdout).into_owned();
    assert!(buffer.contains("Næste skridt:"), "{buffer}");
    assert!(capture().contains("Sendt til terminalens udklipsholder"));
    tmux(&["kill-server"]);
}
