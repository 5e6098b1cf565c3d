//! The security holes found in the first week, each tried again over HTTP against the real
//! binary with the demo: every way around the fix that we could think of.

mod support;

use reqwest::StatusCode;
use std::sync::atomic::{AtomicUsize, Ordering};
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
                "Dòng 2: \"{username}\" không thuộc các đơn vị anh/chị quản lý."
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

async fn database(demo: &Demo) -> sqlx::AnyPool {
    support::connect(&demo.server.database_url()).await
}

/// Moves every recorded sign-in failure `seconds` into the past (time passing for the limits).
async fn age_failures(db: &sqlx::AnyPool, seconds: i64) {
    sqlx::query("UPDATE sign_in_failures SET at = at - $1")
        .bind(seconds)
        .execute(db)
        .await
        .unwrap();
}

/// Anyone with a class code cannot lock a child out: one computer is slowed down (and
/// after a day of tries told to ask the teacher), the child signs in from another; only many
/// computers lock a child, and the teacher sees what happened.
#[tokio::test]
async fn one_computer_cannot_lock_a_child_out() {
    let demo = demo();
    let db = database(&demo).await;
    let (code, students) = &demo.classes[0];
    let (name, secret) = &students[1];
    let stranger = Browser::new(&demo.server);
    let id = student_id(&stranger, code, name).await;
    for attempt in 1..=3 {
        let reply = student_sign_in(&stranger, code, &id, &wrong_fields(secret)).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
    }
    let slowed = student_sign_in(&stranger, code, &id, &secret_fields(secret)).await;
    assert_eq!(
        slowed.status,
        StatusCode::TOO_MANY_REQUESTS,
        "this computer waits"
    );
    assert!(
        slowed.body.contains("phút"),
        "says how long: {}",
        slowed.body
    );

    // The child, at another computer of the same lab (same address), signs in.
    let child = Browser::new(&demo.server);
    let ok = student_sign_in(&child, code, &id, &secret_fields(secret)).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);

    // A whole day of tries from the stranger's computer: told to ask the teacher; the child's
    // sign-in did not wipe those tries, and still does not get locked by them.
    age_failures(&db, 20 * 60).await;
    for _ in 0..3 {
        student_sign_in(&stranger, code, &id, &wrong_fields(secret)).await;
    }
    age_failures(&db, 20 * 60).await;
    let told = student_sign_in(&stranger, code, &id, &wrong_fields(secret)).await;
    assert_eq!(told.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(told.body.contains("nhờ thầy cô"), "{}", told.body);
    let child_again = Browser::new(&demo.server);
    let ok = student_sign_in(&child_again, code, &id, &secret_fields(secret)).await;
    assert_eq!(
        ok.status,
        StatusCode::SEE_OTHER,
        "one computer never locks a child"
    );

    // Ten wrong tries in a day from three computers lock the child, whoever tries next: the
    // stranger's six and four more from two other computers.
    age_failures(&db, 20 * 60).await;
    for other in (0..2).map(|_| Browser::new(&demo.server)) {
        for _ in 0..2 {
            let reply = student_sign_in(&other, code, &id, &wrong_fields(secret)).await;
            assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        }
    }
    let locked = student_sign_in(
        &Browser::new(&demo.server),
        code,
        &id,
        &secret_fields(secret),
    )
    .await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(locked.body.contains("mở khóa"), "{}", locked.body);

    let teacher = Browser::new(&demo.server);
    teacher.sign_in_staff("giaovien.demo").await;
    let class = teacher.get("/classes/1").await.body;
    assert!(class.contains("Bị khóa"), "the teacher sees the lock");
    assert!(
        class.contains("lần thử sai hôm nay, từ"),
        "and the tries and computers of the others: {class}"
    );
    let reset = teacher
        .post(&format!("/classes/1/students/{id}/reset"), &[])
        .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    let ok = student_sign_in(
        &Browser::new(&demo.server),
        code,
        &id,
        &secret_fields(secret),
    )
    .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "unlocked by the teacher");
}

/// Going through a class's names slows the whole class down, and the teacher is told.
#[tokio::test]
async fn going_through_a_class_slows_the_class_and_tells_the_teacher() {
    let demo = demo();
    let (code, students) = &demo.classes[0];
    let browsers: Vec<Browser> = (0..2).map(|_| Browser::new(&demo.server)).collect();
    let ids = student_ids(&browsers[0], code).await;
    let mut wrong = 0;
    'names: for (name, student) in &ids {
        let secret = &students.iter().find(|(n, _)| n == name).unwrap().1;
        for browser in &browsers {
            for _ in 0..3 {
                let reply = student_sign_in(browser, code, student, &wrong_fields(secret)).await;
                if reply.status == StatusCode::UNAUTHORIZED {
                    wrong += 1;
                }
                if wrong >= 30 {
                    break 'names;
                }
            }
        }
    }
    assert_eq!(
        wrong, 30,
        "six children, five tries each before each one waits"
    );
    // Now anyone trying any child of the class waits, the right secret included.
    let (name, secret) = &students[0];
    let fresh = Browser::new(&demo.server);
    let id = student_id(&fresh, code, name).await;
    let reply = student_sign_in(&fresh, code, &id, &secret_fields(secret)).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    let teacher = Browser::new(&demo.server);
    teacher.sign_in_staff("giaovien.demo").await;
    let class = teacher.get("/classes/1").await.body;
    assert!(
        class.contains("có thể có người đang thử lần lượt từng tên"),
        "{class}"
    );
}

/// Class codes cannot be found by guessing: unknown codes are throttled per client and
/// audited, and a code has 9 characters.
#[tokio::test]
async fn class_codes_cannot_be_enumerated() {
    let demo = demo();
    let db = database(&demo).await;
    let (code, _) = &demo.classes[0];
    let plain: String = code.chars().filter(|c| *c != '-').collect();
    assert_eq!(plain.len(), 9, "{code}");
    let guesser = Browser::new(&demo.server);
    for i in 0..20 {
        let guess = format!("ABC-DEF-{:03}", 200 + i)
            .replace('0', "2")
            .replace('1', "3");
        let page = guesser.get(&format!("/sign-in/class?code={guess}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Không có lớp nào có mã này"), "{guess}");
    }
    // The 21st guess — even the right code — waits, and shows no names.
    let page = guesser.get(&format!("/sign-in/class?code={code}")).await;
    assert!(
        page.body.contains("nhập sai mã lớp quá nhiều lần"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("Tòng Thị Bình"),
        "no names while waiting"
    );
    // The server function behind the page is throttled the same way.
    let api = guesser
        .get(&format!("/api/people/class-sign-in?code={code}"))
        .await;
    assert!(!api.body.contains("Tòng Thị Bình"), "{}", api.body);
    // Every lookup is audited with its client.
    let audited: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM audit_log WHERE action IN ('class-lookup', 'class-lookup-throttled') AND client IS NOT NULL",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert!(audited >= 22, "{audited}");
    // Another computer of the same lab (the same address) with the right code is not
    // affected; a lab's computers together may get a hundred codes wrong in 15 minutes.
    let child = Browser::new(&demo.server);
    let page = child.get(&format!("/sign-in/class?code={code}")).await;
    assert!(page.body.contains("Tòng Thị Bình"), "{}", page.body);
    for i in 0..80 {
        let other = Browser::new(&demo.server);
        other
            .get(&format!("/sign-in/class?code=ZZZ-ZZZ-{:03}", 222 + i % 7))
            .await;
    }
    let lab = Browser::new(&demo.server);
    let page = lab.get(&format!("/sign-in/class?code={code}")).await;
    assert!(
        page.body.contains("nhập sai mã lớp quá nhiều lần"),
        "the address's limit"
    );
}

const MODULE: &str = "my-body-belongs-to-me";

/// A true/false question of the module (its options are `true` and `false`).
fn true_false_question() -> String {
    let (_, key) = support::web::key_of(MODULE);
    key.into_iter()
        .find(|(_, answer)| answer == &["true"] || answer == &["false"])
        .map(|(id, _)| id)
        .expect("a true/false question")
}

/// How many quiz forms the tests made: each gets its own submission key.
static SENT: AtomicUsize = AtomicUsize::new(1);

/// The fields of a quiz form posted by a visitor (the quiz page has no form for them: a post
/// made anyway, with the browser's token from another page), a true/false question answered.
async fn quiz_fields(browser: &Browser) -> Vec<(String, String)> {
    let page = browser.get("/sign-in").await.body;
    let marker = "name=\"csrf\" value=\"";
    let csrf = page
        .find(marker)
        .map(|i| i + marker.len())
        .map(|s| page[s..s + page[s..].find('"').unwrap()].to_owned());
    vec![
        ("csrf".to_owned(), csrf.unwrap_or_default()),
        (
            "submission".to_owned(),
            format!("{:064x}", SENT.fetch_add(1, Ordering::SeqCst)),
        ),
        (format!("q-{}", true_false_question()), "true".to_owned()),
    ]
}

async fn post_fields(browser: &Browser, fields: &[(String, String)]) -> Reply {
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    browser
        .post_raw(&format!("/modules/{MODULE}/quiz"), &fields)
        .await
}

/// Anonymous quiz posts cannot fill the database: they need the form's token, only the
/// quiz's own answers are kept, and a client may keep only a few.
#[tokio::test]
async fn anonymous_quiz_posts_cannot_fill_the_database() {
    let demo = demo();
    let db = database(&demo).await;
    let kept = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM kept_answers")
            .fetch_one(&db)
            .await
            .unwrap()
    };
    // No token: refused, nothing kept.
    let visitor = Browser::new(&demo.server);
    let mut fields = quiz_fields(&visitor).await;
    fields[0].1 = "0".repeat(64);
    let refused = post_fields(&visitor, &fields).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(kept().await, 0);
    // A body far bigger than a quiz: refused before it is read.
    let mut fields = quiz_fields(&visitor).await;
    fields.push((
        format!("q-{}", true_false_question()),
        "x".repeat(300 * 1024),
    ));
    let big = post_fields(&visitor, &fields).await;
    assert!(
        big.status == StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        big.status
    );
    assert_eq!(kept().await, 0);
    // Junk fields within the limit are not stored: only the quiz's questions and options.
    let mut fields = quiz_fields(&visitor).await;
    fields.push(("q-not-a-question".to_owned(), "y".repeat(8 * 1024)));
    fields.push((format!("q-{}", true_false_question()), "z".repeat(2 * 1024)));
    let ok = post_fields(&visitor, &fields).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let stored: String = sqlx::query_scalar("SELECT answers FROM kept_answers")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(
        stored,
        format!(r#"{{"{}":["true"]}}"#, true_false_question())
    );
    // A browser keeps at most three; more are refused.
    for _ in 0..2 {
        let fields = quiz_fields(&visitor).await;
        assert_eq!(
            post_fields(&visitor, &fields).await.status,
            StatusCode::SEE_OTHER
        );
    }
    let fields = quiz_fields(&visitor).await;
    let fourth = post_fields(&visitor, &fields).await;
    assert_eq!(fourth.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(kept().await, 3);
}

/// New pictures/PIN end the student's sessions: whoever used the old secret is signed out.
#[tokio::test]
async fn new_pictures_end_the_students_sessions() {
    let demo = demo();
    let (code, students) = &demo.classes[0];
    let (name, secret) = &students[2];
    let child = Browser::new(&demo.server);
    let id = student_id(&child, code, name).await;
    let signed_in = student_sign_in(&child, code, &id, &secret_fields(secret)).await;
    assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
    assert_eq!(child.get("/learn").await.status, StatusCode::OK);
    let teacher = Browser::new(&demo.server);
    teacher.sign_in_staff("giaovien.demo").await;
    let reset = teacher
        .post(
            &format!("/classes/1/students/{id}/reset"),
            &[("new_secret", "1")],
        )
        .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    assert!(reset.location.ends_with("&new=1"), "{}", reset.location);
    let page = teacher.get(&reset.location).await.body;
    assert!(
        page.contains("đã có hình/PIN mới"),
        "the teacher is told what happened"
    );
    let after = child.get("/learn").await;
    assert_eq!(
        after.status,
        StatusCode::SEE_OTHER,
        "signed out: sent to sign in"
    );
    let old = student_sign_in(
        &Browser::new(&demo.server),
        code,
        &id,
        &secret_fields(secret),
    )
    .await;
    assert_eq!(
        old.status,
        StatusCode::UNAUTHORIZED,
        "the old pictures no longer work"
    );
}
