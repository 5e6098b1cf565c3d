//! The security holes found in the first week, each tried again over HTTP against the real
//! binary with the demo: every way around the fix that we could think of.

mod support;

use reqwest::StatusCode;
use support::web::*;

/// `next` after signing in: only a path on this site, whatever way it is written.
#[tokio::test]
async fn sign_in_never_redirects_off_the_site() {
    let demo = demo();
    let tries = [
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        "/x\r\nSet-Cookie: stolen=1",
        "\t//evil.example",
        "//evil.example",
        "/\\evil.example",
        "\\\\evil.example",
        "/\\/evil.example",
        "https://evil.example/",
        "http:evil.example",
        "javascript:alert(1)",
        " /evil",
        "/%09/evil.example?x=\u{7f}",
    ];
    for next in tries {
        let browser = Browser::new(&demo.server);
        let reply = browser
            .post(
                "/sign-in",
                &[
                    ("kind", "staff"),
                    ("username", "giaovien.demo"),
                    ("password", PASSWORD),
                    ("next", next),
                ],
            )
            .await;
        assert_eq!(
            reply.status,
            StatusCode::SEE_OTHER,
            "{next:?}: {}",
            reply.body
        );
        assert_eq!(reply.location, "/classes", "{next:?} is not followed");
    }
    // The same through the language switch, which also goes back to `next`.
    for next in tries {
        let browser = Browser::new(&demo.server);
        let reply = browser
            .post("/lang", &[("lang", "en"), ("next", next)])
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{next:?}");
        assert_eq!(reply.location, "/", "{next:?} is not followed");
    }
    // Encoded in the query string of the sign-in page, it comes back in the form as text
    // and is refused the same way when posted.
    let browser = Browser::new(&demo.server);
    let page = browser.get("/sign-in?next=%2F%09%2Fevil.example").await;
    assert_eq!(page.status, StatusCode::OK);
    // A path on the site is followed.
    let reply = browser
        .post(
            "/sign-in",
            &[
                ("kind", "staff"),
                ("username", "giaovien.demo"),
                ("password", PASSWORD),
                ("next", "/modules?for=teacher"),
            ],
        )
        .await;
    assert_eq!(reply.location, "/modules?for=teacher");
}

/// A school manager's roster may touch only people whose home unit is in their units.
#[tokio::test]
async fn a_roster_cannot_rename_or_link_someone_elses_teacher() {
    let demo = demo();
    let manager = Browser::new(&demo.server);
    manager.sign_in_staff("hieutruong.demo").await;
    let header = "school_code,school_year,class,role,key,name,birth_year,family,secret";
    // giaovien2.demo teaches at another school; admin.demo and tinh.demo are not teachers and
    // live at the province; a name that exists nowhere is new.
    for (username, name) in [
        ("giaovien2.demo", "Tên Bị Đổi"),
        ("admin.demo", "Quản trị Bị Đổi"),
        ("tinh.demo", "Tỉnh Bị Đổi"),
    ] {
        let file = format!("{header}\nLC-W01-TH1,2026-2027,2A,teacher,{username},{name},,,\n");
        let refused = upload(&manager, &file).await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{username}"
        );
        assert!(
            refused.body.contains(&format!(
                "Dòng 2: \"{username}\" không thuộc đơn vị của bạn."
            )),
            "{username}: {}",
            refused.body
        );
        assert!(
            !refused.body.contains("không phải giáo viên"),
            "{username}: nothing said of who that person is"
        );
    }
    // Nothing changed: the other school's teacher keeps their name and classes.
    let other = Browser::new(&demo.server);
    other.sign_in_staff("giaovien2.demo").await;
    let account = other.get("/account").await.body;
    assert!(!account.contains("Bị Đổi"), "{account}");
    let classes = other.get("/classes").await.body;
    assert!(!classes.contains(">2A<"), "not linked to 2A: {classes}");
    // Their own teacher is still theirs to update.
    let own = format!("{header}\nLC-W01-TH1,2026-2027,2A,teacher,giaovien.demo,Cô giáo Mẫu,,,\n");
    let done = upload(&manager, &own).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
}
