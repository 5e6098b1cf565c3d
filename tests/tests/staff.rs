//! Staff accounts for every role the plan's targets count: `safesteps import staff` from an
//! empty database, and the `/staff` upload of those who manage units, within their units and
//! their rank.

mod support;

use reqwest::StatusCode;
use support::web::*;
use support::{repo_root, safesteps, said, TestServer};

/// The first password the command printed for `username`.
fn first_password(printed: &str, username: &str) -> String {
    printed
        .lines()
        .find(|line| line.contains(&format!(" {username}: first password ")))
        .and_then(|line| line.split("first password ").nth(1))
        .unwrap_or_else(|| panic!("no first password for {username} in {printed}"))
        .trim()
        .to_owned()
}

#[tokio::test]
async fn a_province_sets_up_every_staff_role_from_files_and_each_target_has_people_to_count() {
    let dir = std::env::temp_dir().join(format!("safesteps-staff-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let db = support::new_migrated_database(&dir, "staff");
    let import = |kind: &str, file: &std::path::Path| {
        safesteps(&[
            "import",
            kind,
            &file.display().to_string(),
            "--database-url",
            &db,
        ])
    };
    let units = import("units", &repo_root().join("content/demo/units.csv"));
    assert!(units.status.success(), "{}", said(&units));
    let staff_file = repo_root().join("content/demo/staff.csv");

    let first = import("staff", &staff_file);
    let printed = said(&first);
    assert!(first.status.success(), "{printed}");
    assert!(
        printed.contains("rows 7; accounts added 7, updated 0, unchanged 0"),
        "{printed}"
    );
    for role in [
        "unit-manager",
        "school-manager",
        "teacher",
        "protection-officer",
        "health-worker",
        "police-officer",
    ] {
        assert!(
            printed.contains(&format!("new {role} ")),
            "a {role} was made: {printed}"
        );
    }
    let again = import("staff", &staff_file);
    assert!(
        said(&again).contains("rows 7; accounts added 0, updated 0, unchanged 7"),
        "importing again changes nothing: {}",
        said(&again)
    );
    assert!(!said(&again).contains("first password"));

    // Every bad row, with its row; nothing imported, the good new row neither.
    let bad = dir.join("bad.csv");
    std::fs::write(
        &bad,
        "unit_code,role,username,name\n\
         LC-C02,police-officer,congan.xa3,Công An Ba\n\
         LC-C01,health-worker,yte.sai,Sai Chỗ\n\
         LC-C01,admin,quantri.2,Quản Trị\n\
         LC-C01-TH1,teacher,congan.xa2,Đổi Vai\n\
         NOPE,teacher,gv.nope,Không\n\
         LC-C02,police-officer,congan.xa3,Trùng\n",
    )
    .unwrap();
    let refused = import("staff", &bad);
    assert_eq!(refused.status.code(), Some(1), "{}", said(&refused));
    let stderr = String::from_utf8_lossy(&refused.stderr).to_string();
    let name = bad.display().to_string();
    for expected in [
        format!("{name}: row 3: a health-worker belongs in a unit of kind health-station"),
        format!("{name}: row 4: role \"admin\" is not one of"),
        format!("{name}: row 5: \"congan.xa2\" already has another role or unit"),
        format!("{name}: row 6: no unit has the code \"NOPE\""),
        format!("{name}: row 7: the same username as row 2"),
    ] {
        assert!(
            stderr.contains(&expected),
            "missing {expected:?} in {stderr}"
        );
    }
    assert!(!stderr.contains("row 2:"), "row 2 is good: {stderr}");
    let after_bad = import("staff", &staff_file);
    assert!(
        said(&after_bad).contains("unchanged 7"),
        "{}",
        said(&after_bad)
    );
    // A file too big to hash its passwords at once is refused before any work.
    let big = dir.join("big.csv");
    let mut text = "unit_code,role,username,name\n".to_owned();
    for n in 0..2001 {
        text.push_str(&format!(
            "LC-C01,protection-officer,ctv.{n},Cộng Tác Viên {n}\n"
        ));
    }
    std::fs::write(&big, text).unwrap();
    let refused = import("staff", &big);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        said(&refused).contains("the file has 2001 rows; at most 2000 at a time"),
        "{}",
        said(&refused)
    );
    let check = support::coverage_check(&db);
    assert!(
        check.status.success(),
        "the rollups count the new people: {}",
        said(&check)
    );

    // A new police officer signs in with the printed password and must choose their own.
    let server = TestServer::start_on(&db);
    let police = Browser::new(&server);
    let signed = police
        .sign_in_staff_with("congan.xa2", &first_password(&printed, "congan.xa2"))
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER, "{}", signed.body);
    assert!(
        signed.location.starts_with("/account/password"),
        "first sign-in goes to the password form: {}",
        signed.location
    );

    // The province's manager sees every target with the people it counts: the health
    // station's worker, the police officer, the protection officer, the school's staff.
    let manager = Browser::new(&server);
    let signed = manager
        .sign_in_staff_with("lanhdao.tinh", &first_password(&printed, "lanhdao.tinh"))
        .await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    let changed = manager
        .post(
            "/account/password",
            &[
                ("current", &first_password(&printed, "lanhdao.tinh")),
                ("new", "suối nước trong chảy qua bản nhỏ"),
            ],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER, "{}", changed.body);
    let province = manager.get("/coverage").await;
    assert_eq!(province.status, StatusCode::OK);
    let unit = province
        .body
        .split("href=\"/coverage/")
        .nth(1)
        .and_then(|rest| rest.split(['/', '"', '?']).next())
        .expect("a link to the province's exports")
        .to_owned();
    let (status, _, csv) = manager
        .get_bytes(&format!("/coverage/{unit}/export.csv"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let records: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_slice())
        .records()
        .map(|r| r.expect("a CSV record"))
        .collect();
    // Each staff target has its people: column 4 is "registered" (people, or institutions
    // for the targets that count them), column 12 "people registered".
    for (target, column, registered) in [
        ("cán bộ, cộng tác viên bảo vệ trẻ em", 4, "1"),
        ("công an làm việc với trẻ em", 4, "1"),
        ("trạm y tế xã", 12, "1"),
        ("cơ sở giáo dục", 12, "2"),
    ] {
        let record = records
            .iter()
            .find(|r| r.get(0).is_some_and(|f| f.contains(target)))
            .unwrap_or_else(|| panic!("no line for {target} in {records:?}"));
        assert_eq!(
            record.get(column),
            Some(registered),
            "{target} has its people registered: {record:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_unit_manager_uploads_staff_for_their_units_and_rank_only() {
    let demo = demo();
    let manager = Browser::new(&demo.server);
    manager.sign_in_staff("xa.demo").await;
    let page = manager.get("/staff").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("protection-officer")
            && !page.body.contains("<span class=\"code\">police-officer"),
        "the page lists the roles this manager may give"
    );
    let header = "unit_code,role,username,name";
    let good = format!(
        "{header}\nLC-C01,protection-officer,ctv.bv.xa2,Hoàng Thị Nga\n\
         LC-C01-TH1,teacher,co.nga.th1,Lò Thị Nga\n"
    );
    let done = upload_to(&manager, "/staff", &good).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(
        done.body.contains("thêm 2 tài khoản"),
        "the summary, in Vietnamese: {}",
        done.body
    );
    assert!(
        done.body.contains("ctv.bv.xa2") && done.body.contains("co.nga.th1"),
        "the first passwords are shown"
    );
    let again = upload_to(&manager, "/staff", &good).await;
    assert!(again.body.contains("giữ nguyên 2"), "{}", again.body);
    assert!(!again.body.contains("ctv.bv.xa2</td>"), "no password twice");

    // Another commune, a police officer (the police's own), an admin's account: refused row
    // by row, and nothing imported.
    let outside = format!(
        "{header}\nLC-C01,protection-officer,ctv.moi.xa2,Mới\n\
         LC-C02,protection-officer,ctv.bv.xa3,Xã Ba\n\
         LC-C01,police-officer,ca.moi.xa2,Công An\n\
         LC,protection-officer,admin.demo,Quản Trị\n"
    );
    let refused = upload_to(&manager, "/staff", &outside).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for expected in [
        "Dòng 3: đơn vị \"LC-C02\" không thuộc các đơn vị anh/chị quản lý.",
        "Dòng 4: anh/chị không được cấp vai trò police-officer",
        "Dòng 5: đơn vị \"LC\" không thuộc",
        "Dòng 5: \"admin.demo\" không thuộc các đơn vị anh/chị quản lý.",
    ] {
        assert!(refused.body.contains(expected), "missing {expected}");
    }
    assert!(!refused.body.contains("Dòng 2:"), "row 2 is good");
    let db = support::connect(&demo.server.database_url()).await;
    let made: i64 =
        sqlx::query_scalar("SELECT count(*) FROM people WHERE username = 'ctv.moi.xa2'")
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(made, 0, "nothing imported from a file with a bad row");
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action = 'staff-import' \
         AND actor_id = (SELECT id FROM people WHERE username = 'xa.demo')",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(audited, 2, "each import is audited");

    // A teacher may not.
    let teacher = Browser::new(&demo.server);
    teacher.sign_in_staff("giaovien.demo").await;
    assert_eq!(teacher.get("/staff").await.status, StatusCode::FORBIDDEN);
}

/// The id of a demo person with this username.
async fn id_of(db: &sqlx::AnyPool, username: &str) -> i64 {
    sqlx::query_scalar("SELECT id FROM people WHERE username = $1")
        .bind(username)
        .fetch_one(db)
        .await
        .unwrap()
}

/// The "registered" figure of the child-protection target in the province's CSV.
async fn protection_staff_registered(admin: &Browser, province: i64) -> String {
    let (status, _, csv) = admin
        .get_bytes(&format!("/coverage/{province}/export.csv"))
        .await;
    assert_eq!(status, StatusCode::OK);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(csv.as_slice())
        .records()
        .map(|r| r.expect("a CSV record"))
        .find(|r| {
            r.get(0)
                .is_some_and(|f| f.contains("cán bộ, cộng tác viên bảo vệ trẻ em"))
        })
        .and_then(|r| r.get(4).map(str::to_owned))
        .expect("the child-protection target's line")
}

#[tokio::test]
async fn managers_move_change_and_deactivate_staff_within_their_units_and_rank() {
    let demo = demo();
    let db = support::connect(&demo.server.database_url()).await;
    let admin = Browser::new(&demo.server);
    admin.sign_in_staff("admin.demo").await;
    let people = admin.get("/people").await;
    let teacher = id_of(&db, "giaovien.demo").await;
    assert!(
        people.body.contains(&format!("href=\"/people/{teacher}\"")),
        "each person's page is linked from the people page"
    );
    let page = admin.get(&format!("/people/{teacher}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page
        .body
        .contains(&format!("action=\"/people/{teacher}/change\"")));

    // A teacher belongs in a school: moving one to a commune is refused, and says why.
    let refused = admin
        .post(
            &format!("/people/{teacher}/change"),
            &[("unit", "LC-C01"), ("role", "teacher")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("chỉ được tính ở đơn vị loại school"),
        "{}",
        refused.body
    );
    // The teacher of 7A moves to the primary school: 7A is no longer theirs.
    let other = id_of(&db, "giaovien2.demo").await;
    let moved = admin
        .post(
            &format!("/people/{other}/change"),
            &[("unit", "LC-W01-TH1"), ("role", "school-manager")],
        )
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER, "{}", moved.body);
    let (role, unit, classes): (String, String, i64) = sqlx::query_as(
        "SELECT p.role, u.code, (SELECT count(*) FROM class_teachers t WHERE t.person_id = p.id) \
         FROM people p JOIN org_units u ON u.id = p.unit_id WHERE p.id = $1",
    )
    .bind(other)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(
        (role.as_str(), unit.as_str(), classes),
        ("school-manager", "LC-W01-TH1", 0)
    );
    let audited: String = sqlx::query_scalar(
        "SELECT detail FROM audit_log WHERE action = 'person-changed' AND subject_id = $1",
    )
    .bind(other)
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(
        audited,
        "teacher in LC-W01-THCS1 → school-manager in LC-W01-TH1"
    );

    // A commune's manager: a health worker is the health service's, a peer is nobody's to
    // change; neither is found.
    let commune = Browser::new(&demo.server);
    commune.sign_in_staff("xa.demo").await;
    for username in ["yte.demo", "tinh.demo", "xa.demo"] {
        let id = id_of(&db, username).await;
        assert_eq!(
            commune.get(&format!("/people/{id}")).await.status,
            StatusCode::NOT_FOUND,
            "{username}"
        );
        let posted = commune
            .post(&format!("/people/{id}/deactivate"), &[("confirm", "yes")])
            .await;
        assert_eq!(posted.status, StatusCode::NOT_FOUND, "{username}");
    }

    // The commune's child-protection officer left: deactivated (after the tick), signed out,
    // no longer signs in, no longer counted; reactivated, all comes back.
    let province: i64 = sqlx::query_scalar("SELECT id FROM org_units WHERE code = 'LC'")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(protection_staff_registered(&admin, province).await, "1");
    let officer = Browser::new(&demo.server);
    assert_eq!(
        officer.sign_in_staff("baove.demo").await.status,
        StatusCode::SEE_OTHER
    );
    let baove = id_of(&db, "baove.demo").await;
    let unticked = commune
        .post(&format!("/people/{baove}/deactivate"), &[])
        .await;
    assert_eq!(unticked.status, StatusCode::UNPROCESSABLE_ENTITY);
    let done = commune
        .post(
            &format!("/people/{baove}/deactivate"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_ne!(
        officer.get("/account").await.status,
        StatusCode::OK,
        "their session ended"
    );
    let again = Browser::new(&demo.server);
    assert_eq!(
        again.sign_in_staff("baove.demo").await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(protection_staff_registered(&admin, province).await, "0");
    let check = support::coverage_check(&demo.server.database_url());
    assert!(check.status.success(), "{}", said(&check));
    let reactivated = commune
        .post(&format!("/people/{baove}/reactivate"), &[])
        .await;
    assert_eq!(reactivated.status, StatusCode::SEE_OTHER);
    assert_eq!(
        again.sign_in_staff("baove.demo").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(protection_staff_registered(&admin, province).await, "1");
    let actions: Vec<String> = sqlx::query_scalar(
        "SELECT action FROM audit_log WHERE subject_id = $1 AND action LIKE 'person-%' ORDER BY id",
    )
    .bind(baove)
    .fetch_all(&db)
    .await
    .unwrap();
    assert_eq!(actions, ["person-deactivated", "person-reactivated"]);

    // A teacher manages nobody.
    let teacher_browser = Browser::new(&demo.server);
    teacher_browser.sign_in_staff("giaovien.demo").await;
    assert_eq!(
        teacher_browser
            .post(
                &format!("/people/{baove}/deactivate"),
                &[("confirm", "yes")]
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
