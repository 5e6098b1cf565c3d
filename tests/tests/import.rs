//! `safesteps import units`: the real binary against a fresh database.

mod support;

use std::process::{Command, Output};
use support::{binary, repo_root};

fn import(file: &std::path::Path, db: &str) -> Output {
    Command::new(binary())
        .current_dir(repo_root())
        .args(["import", "units"])
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
    let db = format!("sqlite://{}/units.db", dir.display());
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
