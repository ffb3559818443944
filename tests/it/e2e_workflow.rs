//! End-to-end in a PTY: favourites survive a restart, printing leaves the
//! shortlist in the terminal and comes back, copying sends OSC 52, a corrupt store is moved aside.

use crate::common::pty::{PtyApp, all_shown, contains, keys};

/// Types a query and waits for it.
fn search(app: &mut PtyApp, query: &str) {
    app.type_text(query);
    app.wait_for(&format!("Søg › {query}"));
}

#[test]
fn a_favourite_survives_a_restart_with_the_same_data_dir() {
    let home = tempfile::tempdir().unwrap();
    let mut app = PtyApp::start(home.path(), &[], 120, 40, &[]);
    app.wait_for(&all_shown(false));
    search(&mut app, "talentspejderne");
    app.send(keys::CTRL_G);
    app.wait_for("Gemt som favorit");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);

    let stored = std::fs::read_to_string(home.path().join("data/indsats/favourites.json")).unwrap();
    assert!(stored.contains("\"talentspejderne\""), "{stored}");
    assert!(!stored.contains("Søg"), "only ids are stored");

    let mut again = PtyApp::start(home.path(), &[], 120, 40, &[]);
    again.wait_for(&all_shown(false));
    again.send(keys::CTRL_O);
    again.wait_for("Favoritter (1)");
    again.wait_for("Talentspejderne");
    again.send(keys::CTRL_C);
    assert_eq!(again.wait_exit(), 0);
}

#[test]
fn print_leaves_the_shortlist_in_the_terminal_and_comes_back() {
    let home = tempfile::tempdir().unwrap();
    let mut app = PtyApp::start(home.path(), &[], 80, 24, &[]);
    app.wait_for(&all_shown(false));
    app.type_text("randers 23 kui");
    app.wait_for("Filtre: [Randers] [23 år]");
    app.send(keys::CTRL_T);
    app.send(keys::DOWN);
    app.send(keys::CTRL_T);
    app.wait_for("Sat på kortlisten (2)");
    app.send(keys::CTRL_X);
    app.wait_for("Udskrevet på den normale skærm");
    // Back in the app, everything as it was: the search, the shortlist.
    assert!(app.running());
    app.wait_for("Søg › kui");
    app.send(keys::CTRL_L);
    app.wait_for("Kortliste (2)");
    let out = String::from_utf8_lossy(&app.output()).replace("\r\n", "\n");
    // Printed between leaving the alternate screen and entering it again.
    let printed = out
        .split("\x1b[?1049l")
        .nth(1)
        .and_then(|rest| rest.split("\x1b[?1049h").next())
        .expect("left and came back");
    for part in [
        "Udskrift fra indsats ",
        "Kommune: Randers · Alder: 23 år",
        "Den kommunale ungeindsats (KUI)",
        "Næste skridt:",
        "8915 1515",
        "https://www.randers.dk/coronavirus/jobcentret-og-ydelseskontoret/",
    ] {
        assert!(printed.contains(part), "missing {part:?}:\n{printed}");
    }
    assert!(!printed.contains("Søg"), "no query on paper");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

/// Plain OSC 52, also inside tmux (tmux's set-clipboard takes it; a
/// passthrough-wrapped copy would need allow-passthrough).
#[test]
fn copy_sends_plain_osc52_also_inside_tmux() {
    for env in [vec![], vec![("TMUX", "/tmp/tmux-1/default,1,0")]] {
        let home = tempfile::tempdir().unwrap();
        let mut app = PtyApp::start(home.path(), &[], 100, 30, &env);
        app.wait_for(&all_shown(false));
        search(&mut app, "ips-ung");
        app.send(keys::CTRL_Y);
        app.wait_for("Kopiér til udklipsholderen");
        app.send(keys::ENTER);
        app.wait_for("Sendt til terminalens udklipsholder");
        let out = app.output();
        assert!(contains(&out, b"\x1b]52;c;"), "OSC 52 for {env:?}");
        assert!(!contains(&out, b"\x1bPtmux;"), "not wrapped for {env:?}");
        app.send(keys::CTRL_C);
        assert_eq!(app.wait_exit(), 0);
    }
}

#[test]
fn a_corrupt_favourites_file_is_moved_aside_and_the_app_starts() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data/indsats");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("favourites.json"), "{\"favourites\": [1, 2").unwrap();
    let mut app = PtyApp::start(home.path(), &[], 80, 24, &[]);
    app.wait_for(&all_shown(false));
    // Whole at 80 columns, beside F1 and Ctrl-C.
    app.wait_for("Ødelagt favoritfil omdøbt: favourites.json.corrupt ");
    assert!(data.join("favourites.json.corrupt").exists());
    assert!(!data.join("favourites.json").exists());
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn an_unreadable_favourites_file_is_left_alone_and_the_status_bar_says_so() {
    let home = tempfile::tempdir().unwrap();
    let data = home.path().join("data/indsats");
    std::fs::create_dir_all(&data).unwrap();
    // A directory where the file should be: it cannot be read.
    std::fs::create_dir(data.join("favourites.json")).unwrap();
    let mut app = PtyApp::start(home.path(), &[], 80, 24, &[]);
    app.wait_for(&all_shown(false));
    app.wait_for("Favoritfil ikke læst (ikke en fil); røres ikke");
    search(&mut app, "kui");
    app.send(keys::CTRL_G);
    app.wait_for("Ikke gemt: favoritfilen er ulæselig (ikke en fil)");
    assert!(data.join("favourites.json").is_dir(), "left alone");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}

#[test]
fn a_read_only_home_still_starts_the_app() {
    let home = tempfile::tempdir().unwrap();
    // The data dir's parent is a file: nothing can be saved there.
    std::fs::write(home.path().join("data"), "not a dir").unwrap();
    let mut app = PtyApp::start(home.path(), &[], 120, 40, &[]);
    app.wait_for(&all_shown(false));
    search(&mut app, "kui");
    app.send(keys::CTRL_G);
    app.wait_for("Favoritter ikke gemt: ingen mappe");
    app.send(keys::CTRL_C);
    assert_eq!(app.wait_exit(), 0);
}
