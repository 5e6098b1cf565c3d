//! `safesteps import units`: the real binary against a fresh database.

mod support;

use std::process::{Command, Output};
use support::{binary, repo_root};

fn import(file: &std::path::Path, db: &str) -> Output {
    import_kind("units", file, db)
}

fn import_kind(kind: &str, file: &std::path::Path, db: &str) -> Output {
    Command::new(binary())
        .current_dir(repo_root())
        .args(["import", kind])
        .arg(file)
        .args(["--database-url", db])
        .env("RUST_LOG", "warn")
        .output()
        .expect("run safesteps")
}

#[test]
fn the_demo_province_imports_once_and_reimporting_changes_nothing() {
    let dir = std::env::temp_dir().join(format!("safesteps-import-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = support::new_migrated_database(&dir, "units");
    let demo = repo_root().join("content/demo/units.csv");

    let first = import(&demo, &db);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(
        String::from_utf8_lossy(&first.stdout).contains("rows 9; added 9, updated 0, unchanged 0")
    );
    let again = import(&demo, &db);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("rows 9; added 0, updated 0, unchanged 9")
    );

    // A bad file: every bad row reported, nothing imported (the good new row neither).
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "code,parent_code,kind,name\nLC-NEW,LC,commune,Xã Mới\nX,NOPE,school,Trường\nLC-NEW,LC,commune,Trùng\n,LC,,\n",
    )
    .unwrap();
    let output = import(&bad, &db);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let name = bad.display().to_string();
    for expected in [
        format!("{name}: row 3: parent \"NOPE\" is neither in this file nor already imported"),
        format!("{name}: row 4: code \"LC-NEW\" is already used on row 2"),
        format!("{name}: row 5: code is empty"),
        format!("{name}: row 5: name is empty"),
    ] {
        assert!(
            stderr.contains(&expected),
            "missing {expected:?} in {stderr}"
        );
    }
    let good = dir.join("good.csv");
    std::fs::write(
        &good,
        "code,parent_code,kind,name\nLC-NEW,LC,commune,Xã Mới\n",
    )
    .unwrap();
    let after = import(&good, &db);
    assert!(
        String::from_utf8_lossy(&after.stdout).contains("rows 1; added 1,"),
        "the bad file's valid row was not imported: {}",
        String::from_utf8_lossy(&after.stdout)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_roster_imports_once_reports_every_bad_row_and_reimporting_changes_nothing() {
    let dir = std::env::temp_dir().join(format!("safesteps-roster-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = support::new_migrated_database(&dir, "roster");
    let units = import(&repo_root().join("content/demo/units.csv"), &db);
    assert!(units.status.success());
    let roster = repo_root().join("content/demo/roster.csv");

    let first = import_kind("roster", &roster, &db);
    let stdout = String::from_utf8_lossy(&first.stdout).to_string();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(
        stdout.contains("rows 10; classes added 2; students added 7, updated 0, unchanged 0; teachers added 2, updated 0, unchanged 0"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("first password").count(), 2, "{stdout}");
    let again = import_kind("roster", &roster, &db);
    let stdout = String::from_utf8_lossy(&again.stdout).to_string();
    assert!(
        stdout.contains("rows 10; classes added 0; students added 0, updated 0, unchanged 7; teachers added 0, updated 0, unchanged 2"),
        "{stdout}"
    );
    assert!(
        !stdout.contains("first password"),
        "no new passwords the second time"
    );

    // Every bad row is reported, the valid new student on row 2 included nowhere.
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "school_code,school_year,class,role,key,name,birth_year,family,secret\n\
         LC-C01-TH1,2026-2027,1A,student,TH1-900,Học Sinh Mới,2019,,\n\
         LC-C01-TH1,2026-2027,1A,student,TH1-901,An,20O9,,\n\
         NOPE,2026-2027,1A,student,TH1-902,Bình,2019,,\n\
         LC-C01-TH1,2026/27,1A,teacher,Cô Hoa,Hoa,,,\n\
         LC-C01-TH1,2026-2027,1A,student,TH1-900,Trùng,2019,,\n",
    )
    .unwrap();
    let output = import_kind("roster", &bad, &db);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let name = bad.display().to_string();
    for expected in [
        format!("{name}: row 3: birth year \"20O9\" is not a year"),
        format!("{name}: row 4: no unit has the code \"NOPE\""),
        format!("{name}: row 5: school year \"2026/27\" is not like 2026-2027"),
        format!("{name}: row 5: username \"Cô Hoa\" is not 3–40 characters of a–z, digits, '.', '_' or '-'"),
        format!("{name}: row 6: the same person and class as row 2"),
    ] {
        assert!(stderr.contains(&expected), "missing {expected:?} in {stderr}");
    }
    let again = import_kind("roster", &roster, &db);
    assert!(
        String::from_utf8_lossy(&again.stdout).contains("students added 0, updated 0, unchanged 7"),
        "the bad file changed nothing"
    );
    // The bad file's one valid row is new when it comes alone: the bad file
    // did not import it.
    let good = dir.join("good.csv");
    std::fs::write(
        &good,
        "school_code,school_year,class,role,key,name,birth_year,family,secret
         LC-C01-TH1,2026-2027,1A,student,TH1-900,Học Sinh Mới,2019,,
",
    )
    .unwrap();
    let alone = import_kind("roster", &good, &db);
    let stdout = String::from_utf8_lossy(&alone.stdout).to_string();
    assert!(
        stdout.contains("rows 1; classes added 0; students added 1, updated 0, unchanged 0"),
        "the bad file's valid row was not imported: {stdout}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Long imports draw a progress bar on a terminal and nothing when their output goes to a file
/// or a pipe. The terminal is `script`'s (util-linux, in every Debian).
#[test]
fn a_roster_import_shows_a_progress_bar_on_a_terminal_only() {
    let dir = std::env::temp_dir().join(format!("safesteps-bar-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let piped = support::new_migrated_database(&dir, "piped");
    let terminal = support::new_migrated_database(&dir, "terminal");
    let units = repo_root().join("content/demo/units.csv");
    let roster = repo_root().join("content/demo/roster.csv");
    assert!(import(&units, &piped).status.success());
    assert!(import(&units, &terminal).status.success());

    let quiet = import_kind("roster", &roster, &piped);
    assert!(quiet.status.success());
    let stderr = String::from_utf8_lossy(&quiet.stderr);
    assert!(!stderr.contains("rows ["), "a bar off a terminal: {stderr}");

    let command = format!(
        "{} import roster {} --database-url {terminal}",
        binary().display(),
        roster.display()
    );
    let typescript = dir.join("typescript");
    let drawn = Command::new("script")
        .args(["-qec", &command])
        .arg(&typescript)
        .current_dir(repo_root())
        .env("RUST_LOG", "warn")
        .output()
        .expect("script (util-linux) runs the import on a terminal");
    assert!(
        drawn.status.success(),
        "{}",
        String::from_utf8_lossy(&drawn.stderr)
    );
    let screen = std::fs::read_to_string(&typescript).expect("script's record");
    for step in ["passwords [", "rows [", "coverage ["] {
        assert!(
            screen.contains(step),
            "no {step:?} bar on a terminal: {screen}"
        );
    }
    assert!(screen.contains("students added 7"), "{screen}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn create_admin_needs_a_unit_and_a_password_that_passes_the_policy() {
    let dir = std::env::temp_dir().join(format!("safesteps-admin-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = support::new_migrated_database(&dir, "admin");
    let create = |password: &str| {
        Command::new(binary())
            .current_dir(repo_root())
            .args([
                "create-admin",
                "--username",
                "quantri",
                "--name",
                "Quản Trị",
                "--database-url",
                &db,
            ])
            .env("SAFESTEPS_ADMIN_PASSWORD", password)
            .env("RUST_LOG", "warn")
            .output()
            .expect("run safesteps")
    };
    let no_units = create("mây trắng bay qua đỉnh núi cao");
    assert!(!no_units.status.success());
    assert!(String::from_utf8_lossy(&no_units.stderr).contains("import units"));
    assert!(import(&repo_root().join("content/demo/units.csv"), &db)
        .status
        .success());
    let weak = create("quantri123456789");
    assert!(!weak.status.success());
    assert!(
        String::from_utf8_lossy(&weak.stderr).contains("password refused"),
        "{}",
        String::from_utf8_lossy(&weak.stderr)
    );
    let ok = create("mây trắng bay qua đỉnh núi cao");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("admin quantri created"));
    let again = create("mây trắng bay qua đỉnh núi cao");
    assert!(String::from_utf8_lossy(&again.stderr).contains("taken"));
    let _ = std::fs::remove_dir_all(&dir);
}
