//! Learning over HTTP: lessons seen, a quiz graded on the server, idempotent submits,
//! completion — against the real binary with the demo.

mod support;

use reqwest::{header, StatusCode};
use support::web::{field, key_of};
use support::TestServer;

const MODULE: &str = "my-body-belongs-to-me";
/// Every question the quiz page shows answered right (from the module's key).
const RIGHT: Answering = Answering {
    wrong: 0,
    blank: &[],
};

/// How a test answers the questions a quiz page shows: the first `wrong` with a wrong option,
/// those at the (0-based) places in `blank` not at all, the others right.
#[derive(Clone, Copy)]
struct Answering {
    wrong: usize,
    blank: &'static [usize],
}

struct Browser {
    client: reqwest::Client,
    base: String,
}

impl Browser {
    fn new(server: &TestServer) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .cookie_store(true)
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: server.base.clone(),
        }
    }

    async fn get(&self, path: &str) -> (StatusCode, String) {
        let response = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        (response.status(), response.text().await.unwrap())
    }

    async fn send(&self, path: &str, form: &[(String, String)]) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.base))
            .form(form)
            .send()
            .await
            .unwrap()
    }

    /// Posts a form; the status and the body (a page rendered again with a message).
    async fn post_page(&self, path: &str, form: &[(String, String)]) -> (StatusCode, String) {
        let response = self.send(path, form).await;
        (response.status(), response.text().await.unwrap())
    }

    /// Posts a form; the status and where it redirects.
    async fn post(&self, path: &str, form: &[(String, String)]) -> (StatusCode, String) {
        let response = self.send(path, form).await;
        let location = response
            .headers()
            .get(header::LOCATION)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (response.status(), location)
    }
}

/// The demo's `n`th student of class 2A, signed in.
async fn student(server: &TestServer) -> Browser {
    let browser = Browser::new(server);
    let (status, _) = sign_in_student(&browser, server, NEWCOMER).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    browser
}

/// Two students of the demo's class 2A with no learning history.
const NEWCOMER: &str = "Giàng Thị Mai";
const SECOND_NEWCOMER: &str = "Hoàng Văn Nam";

/// Signs the student of the demo's class 2A called `who` in on `browser`: status and where to.
async fn sign_in_student(
    browser: &Browser,
    server: &TestServer,
    who: &str,
) -> (StatusCode, String) {
    let line = server
        .printed
        .iter()
        .position(|l| l.contains("class code"))
        .unwrap();
    let code = server.printed[line]
        .split("class code ")
        .nth(1)
        .unwrap()
        .split(',')
        .next()
        .unwrap()
        .to_owned();
    let (name, secret) = server.printed[line + 1..]
        .iter()
        .filter_map(|l| l.trim().rsplit_once(' '))
        .find(|(name, _)| name.trim() == who)
        .unwrap_or_else(|| panic!("{who} is not in the demo's guide"));
    let (_, list) = browser.get(&format!("/sign-in/class?code={code}")).await;
    let marker = format!("/sign-in/class/{code}/");
    let id = list
        .match_indices(&marker)
        .map(|(i, _)| &list[i + marker.len()..])
        .find(|rest| rest[rest.find('>').unwrap() + 1..].starts_with(name.trim()))
        .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
        .unwrap();
    let (_, page) = browser.get(&format!("/sign-in/class/{code}/{id}")).await;
    let pictures = [
        "sun", "moon", "star", "tree", "flower", "fish", "cat", "dog", "house",
    ];
    let mut form = vec![("csrf".to_owned(), field(&page, "csrf"))];
    for p in secret.split('+') {
        form.push((
            "picture".to_owned(),
            pictures.iter().position(|x| *x == p).unwrap().to_string(),
        ));
    }
    browser
        .post(&format!("/sign-in/class/{code}/{id}"), &form)
        .await
}

/// A member of staff of the demo, signed in with the demo password.
async fn staff(server: &TestServer, username: &str) -> Browser {
    let browser = Browser::new(server);
    let (_, page) = browser.get("/sign-in").await;
    let form: Vec<(String, String)> = [
        ("csrf", field(&page, "csrf")),
        ("kind", "staff".to_owned()),
        ("username", username.to_owned()),
        ("password", "hoa ban trắng nở trên núi".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(
        browser.post("/sign-in", &form).await.0,
        StatusCode::SEE_OTHER
    );
    browser
}

/// Rows of a table; for the learning tables, only those written in the last hour (the demo's
/// own learning history is days old).
async fn count(db: &sqlx::AnyPool, table: &str) -> i64 {
    let recent = match table {
        "attempts" => " WHERE submitted_at > $1",
        "lesson_views" => " WHERE seen_at > $1",
        "completions" => " WHERE completed_at > $1",
        _ => "",
    };
    let query = format!("SELECT count(*) FROM {table}{recent}");
    let mut query = sqlx::query_scalar(&query);
    if !recent.is_empty() {
        query = query.bind(time::OffsetDateTime::now_utc().unix_timestamp() - 3600);
    }
    query.fetch_one(db).await.unwrap()
}

async fn demo_and_database() -> (TestServer, sqlx::AnyPool) {
    let server = TestServer::start_with(&["--demo"]);
    let db = support::connect(&server.database_url()).await;
    (server, db)
}

/// The first student answers every question right, then twenty minutes pass before they
/// send (a student's session ends after fifteen idle minutes). Their browser, and where the
/// post sent them (to sign in, the answers kept).
async fn session_ends_mid_quiz(server: &TestServer, db: &sqlx::AnyPool) -> (Browser, String) {
    let me = student(server).await;
    let form = quiz_form(&me, RIGHT).await;
    sqlx::query("UPDATE sessions SET last_seen = last_seen - 1200, created_at = created_at - 1200")
        .execute(db)
        .await
        .unwrap();
    let (status, location) = me.post(&format!("/modules/{MODULE}/quiz"), &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/sign-in?kept=1"), "{location}");
    (me, location)
}

async fn quiz_form(browser: &Browser, answering: Answering) -> Vec<(String, String)> {
    let (_, page) = browser.get(&format!("/modules/{MODULE}/quiz")).await;
    let mut form = vec![
        ("csrf".to_owned(), field(&page, "csrf")),
        ("submission".to_owned(), field(&page, "submission")),
        ("draw".to_owned(), field(&page, "draw")),
    ];
    let shown = support::web::shown_questions(&page);
    let blank: Vec<String> = answering
        .blank
        .iter()
        .map(|i| format!("q-{}", shown[*i].0))
        .collect();
    form.extend(
        support::web::answers_for(&page, MODULE, answering.wrong)
            .into_iter()
            .filter(|(k, _)| !blank.contains(k)),
    );
    form
}

/// The questions a quiz page asks (ids, in the order shown).
fn asked(page: &str) -> Vec<String> {
    support::web::shown_questions(page)
        .into_iter()
        .map(|(q, _)| q)
        .collect()
}

/// A quiz is a bank: each attempt asks six of its questions, the same on a reload, others on a
/// retry; two failed attempts in a row send the student back to the lessons of what they
/// missed, and the quiz opens again once those are read.
#[tokio::test]
async fn a_retry_asks_other_questions_and_two_failures_send_back_to_the_lessons() {
    let (server, db) = demo_and_database().await;
    let me = student(&server).await;
    let (lessons, key) = support::web::key_of(MODULE);
    assert!(
        key.len() >= 12,
        "a bank larger than an attempt: {}",
        key.len()
    );
    for lesson in &lessons {
        me.get(&format!("/modules/{MODULE}/lessons/{lesson}")).await;
    }
    let quiz = format!("/modules/{MODULE}/quiz");
    let (_, page) = me.get(&quiz).await;
    let first = support::web::shown_questions(&page);
    assert_eq!(first.len(), 6, "six questions an attempt");
    let (_, again) = me.get(&quiz).await;
    assert_eq!(
        support::web::shown_questions(&again),
        first,
        "a reload shows the same questions, options in the same order"
    );
    assert_eq!(field(&again, "draw"), field(&page, "draw"));

    // A failed attempt (two wrong): the retry asks other questions where the bank allows (an
    // objective whose questions were all asked is asked again, at most one here).
    let failed = Answering {
        wrong: 2,
        blank: &[],
    };
    let form = quiz_form(&me, failed).await;
    let (_, result) = me.post(&quiz, &form).await;
    let (_, result) = me.get(&result).await;
    assert!(result.contains("Đúng 4 / 6 câu"), "graded on the drawn six");
    assert!(
        !result.contains("reread-first"),
        "one failure: try again at once"
    );
    let first: Vec<String> = first.into_iter().map(|(q, _)| q).collect();
    let (_, page) = me.get(&quiz).await;
    let second = asked(&page);
    let repeated = second.iter().filter(|q| first.contains(q)).count();
    assert!(repeated <= 1, "{first:?} then {second:?}");

    // A second failure in a row: back to the lessons of the objectives missed.
    let form = quiz_form(&me, failed).await;
    let (_, result) = me.post(&quiz, &form).await;
    let (_, result) = me.get(&result).await;
    assert!(
        result.contains("Em chưa đạt hai lần liền"),
        "{}",
        &result[result.find("<main").unwrap_or(0)..]
    );
    let reread: Vec<String> = lessons
        .iter()
        .filter(|l| result.contains(&format!("href=\"/modules/{MODULE}/lessons/{l}\"")))
        .cloned()
        .collect();
    assert!(!reread.is_empty(), "the lessons to read again are linked");
    let (_, page) = me.get(&quiz).await;
    assert!(page.contains("Em hãy đọc lại các bài học này"));
    assert!(
        !page.contains("name=\"submission\""),
        "no quiz form until they are read"
    );
    // A form sent anyway is not graded: the quiz page says what comes first.
    let (status, to) = me.post(&quiz, &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let before = count(&db, "attempts").await;
    let mut stale = form.clone();
    stale.retain(|(k, _)| k != "submission");
    stale.push(("submission".to_owned(), "cd".repeat(32)));
    let (status, to_quiz) = me.post(&quiz, &stale).await;
    assert_eq!(
        (status, to_quiz.as_str()),
        (
            StatusCode::SEE_OTHER,
            "/modules/my-body-belongs-to-me/quiz?changed=1"
        )
    );
    assert_eq!(count(&db, "attempts").await, before, "nothing graded");
    assert!(
        to.contains("/quiz/attempts/"),
        "the form already sent is the attempt it made: {to}"
    );

    for lesson in &reread {
        me.get(&format!("/modules/{MODULE}/lessons/{lesson}")).await;
    }
    let (_, page) = me.get(&quiz).await;
    assert!(page.contains("name=\"submission\""), "the quiz opens again");
    let form = quiz_form(&me, RIGHT).await;
    let (_, result) = me.post(&quiz, &form).await;
    let (_, result) = me.get(&result).await;
    assert!(result.contains("Đúng 6 / 6 câu (100%)"), "passed");
    assert!(result.contains("Đã hoàn thành"));
}

#[tokio::test]
async fn a_student_reads_fails_retries_passes_and_completes() {
    let server = TestServer::start_with(&["--demo"]);
    let me = student(&server).await;
    for lesson in ["my-body", "private-parts", "no-go-tell"] {
        for _ in 0..2 {
            let (status, _) = me.get(&format!("/modules/{MODULE}/lessons/{lesson}")).await;
            assert_eq!(status, StatusCode::OK);
        }
    }
    let (_, module) = me.get(&format!("/modules/{MODULE}")).await;
    assert!(module.contains("Đã đọc 3 bài"), "each lesson counted once");

    // Two of the six questions answered wrong: 4 of 6.
    let wrong = Answering {
        wrong: 2,
        blank: &[],
    };
    let form = quiz_form(&me, wrong).await;
    let (status, location) = me.post(&format!("/modules/{MODULE}/quiz"), &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        location.starts_with(&format!("/modules/{MODULE}/quiz/attempts/")),
        "{location}"
    );
    let (again, same) = me.post(&format!("/modules/{MODULE}/quiz"), &form).await;
    assert_eq!(
        (again, &same),
        (StatusCode::SEE_OTHER, &location),
        "a resubmitted form is the same attempt"
    );
    let (_, result) = me.get(&location).await;
    assert!(result.contains("Đúng 4 / 6 câu (67%)"), "the score");
    assert!(result.contains("Chưa đạt lần này"), "kind words");
    // A failed attempt says which answers were wrong, not the key: it sends to the lessons.
    assert!(
        !result.contains("class=\"explanation\""),
        "no explanations before a pass"
    );
    assert!(
        !result.contains("đáp án đúng"),
        "no right answers before a pass"
    );
    assert!(result.contains("review-lessons") && result.contains("Em hãy đọc lại những bài này"));

    let form = quiz_form(&me, RIGHT).await;
    let (_, location) = me.post(&format!("/modules/{MODULE}/quiz"), &form).await;
    let (_, result) = me.get(&location).await;
    assert!(
        result.contains("Đúng 6 / 6 câu (100%)") && result.contains("Tuyệt vời! Em đã đạt"),
        "a student is spoken to as \"em\""
    );
    assert!(
        result.contains("class=\"explanation\""),
        "explanations once passed"
    );
    assert!(result.contains("Đã hoàn thành"));
    let (_, module) = me.get(&format!("/modules/{MODULE}")).await;
    assert!(module.contains("Đã hoàn thành") && module.contains("Điểm cao nhất: 100%"));

    let db = support::connect(&server.database_url()).await;
    assert_eq!(
        count(&db, "attempts").await,
        2,
        "the double submit stored one attempt"
    );
    let (version,): (i64,) =
        sqlx::query_as("SELECT content_version FROM completions WHERE completed_at > $1")
            .bind(time::OffsetDateTime::now_utc().unix_timestamp() - 3600)
            .fetch_one(&db)
            .await
            .unwrap();
    let manifest = std::fs::read_to_string(
        support::repo_root().join(format!("content/modules/{MODULE}/module.toml")),
    )
    .unwrap();
    let current: i64 = manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap();
    assert_eq!(version, current, "completion records the content version");
    assert_eq!(count(&db, "lesson_views").await, 3);

    // Someone else cannot read this attempt.
    let other = Browser::new(&server);
    let (status, _) = other.get(&location).await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "visitors are sent to sign in"
    );
}

#[tokio::test]
async fn the_answer_key_is_nowhere_before_submitting() {
    let server = TestServer::start_with(&["--demo"]);
    let me = student(&server).await;
    let (_, page) = me.get(&format!("/modules/{MODULE}/quiz")).await;
    let (_, api) = me
        .get(&format!("/api/catalog/quiz?module={MODULE}&lang=Vi"))
        .await;
    for text in [&page, &api] {
        assert!(
            !text.contains("explanation"),
            "no explanation before submitting"
        );
        assert!(!text.contains("answer"), "no answer key");
        assert!(!text.contains("never-child\\\"]") && !text.contains("\"right\""));
    }
    // Nor in the WASM or its JavaScript: no answer-key field names are compiled in.
    let pkg = support::repo_root().join("target/site/pkg");
    for entry in std::fs::read_dir(&pkg).unwrap().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("say-no-to-family"),
            "{} holds quiz content",
            entry.path().display()
        );
    }
}

/// Reads every lesson of `module` and sends its quiz with every answer right.
async fn pass(browser: &Browser, module: &str) -> (StatusCode, String) {
    let (lessons, key) = key_of(module);
    assert!(!lessons.is_empty() && !key.is_empty());
    for lesson in &lessons {
        let path = format!("/modules/{module}/lessons/{lesson}");
        assert_eq!(browser.get(&path).await.0, StatusCode::OK);
    }
    let (_, quiz) = browser.get(&format!("/modules/{module}/quiz")).await;
    let mut form = vec![
        ("csrf".to_owned(), field(&quiz, "csrf")),
        ("submission".to_owned(), field(&quiz, "submission")),
        ("draw".to_owned(), field(&quiz, "draw")),
    ];
    for (question, answers) in &key {
        for answer in answers {
            form.push((format!("q-{question}"), answer.clone()));
        }
    }
    browser
        .post(&format!("/modules/{module}/quiz"), &form)
        .await
}

#[tokio::test]
async fn prerequisites_are_shown_to_everyone_and_bind_staff() {
    let (server, db) = demo_and_database().await;
    let teacher = staff(&server, "giaovien2.demo").await;
    // recognising-signs asks for law-on-children first.
    let (_, page) = teacher.get("/modules/recognising-signs").await;
    assert!(page.contains("Học trước") && page.contains("href=\"/modules/law-on-children\""));
    assert!(page.contains("Cán bộ cần hoàn thành các học phần này trước"));
    let (_, quiz) = teacher.get("/modules/recognising-signs/quiz").await;
    assert!(quiz.contains("Hãy hoàn thành các học phần sau trước khi làm bài kiểm tra này"));
    assert!(!quiz.contains("name=\"submission\""), "no quiz form yet");
    // Sending it anyway is refused, and nothing is stored.
    let (_, home) = teacher.get("/learn").await;
    let (_, key) = key_of("recognising-signs");
    let mut form = vec![
        ("csrf".to_owned(), field(&home, "csrf")),
        ("submission".to_owned(), "ab".repeat(32)),
    ];
    form.extend(
        key.iter()
            .flat_map(|(q, a)| a.iter().map(move |a| (format!("q-{q}"), a.clone()))),
    );
    let before = count(&db, "attempts").await;
    let (status, refused) = teacher
        .post_page("/modules/recognising-signs/quiz", &form)
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        refused.contains("Chưa làm được bài kiểm tra này"),
        "{refused}"
    );
    assert_eq!(count(&db, "attempts").await, before);
    // Lessons stay open; once the prerequisite is done the quiz counts.
    assert_eq!(
        pass(&teacher, "law-on-children").await.0,
        StatusCode::SEE_OTHER
    );
    let (_, page) = teacher.get("/modules/recognising-signs").await;
    assert!(
        page.contains("Đã hoàn thành"),
        "the prerequisite is marked done"
    );
    let (status, result) = pass(&teacher, "recognising-signs").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(result.contains("/quiz/attempts/"));

    // A child is advised, never kept out: secrets-and-telling follows my-body-belongs-to-me.
    let child = Browser::new(&server);
    sign_in_student(&child, &server, NEWCOMER).await;
    let (_, page) = child.get("/modules/secrets-and-telling").await;
    assert!(page.contains("Nên học các học phần này trước"));
    let (status, _) = pass(&child, "secrets-and-telling").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn staff_who_complete_a_module_get_a_certificate_anyone_can_check() {
    let server = TestServer::start_with(&["--demo"]);
    // The second demo teacher has no learning history yet.
    let teacher = staff(&server, "giaovien2.demo").await;
    let module = "recognising-signs";
    // Its prerequisite first (prerequisites bind staff).
    assert_eq!(
        pass(&teacher, "law-on-children").await.0,
        StatusCode::SEE_OTHER
    );
    let (status, result) = pass(&teacher, module).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // The certificate codes a page links to, as typed (no dash).
    let certificate_links = |page: &str| -> Vec<String> {
        page.split("href=\"/certificates/")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(|code| code.replace('-', ""))
            .collect()
    };
    let (_, page) = teacher.get(&format!("/modules/{module}")).await;
    let links = certificate_links(&page);
    assert_eq!(links.len(), 1, "the module's own certificate");
    let code = links[0].as_str();
    assert_eq!(code.len(), 10);
    // The holder finds it from the result, from /learn and from /account too.
    for (place, path) in [
        ("result", result.as_str()),
        ("learn", "/learn"),
        ("account", "/account"),
    ] {
        let (_, page) = teacher.get(path).await;
        let links = certificate_links(&page);
        assert!(
            links.iter().any(|l| l == code),
            "a link to the certificate on {place}: {links:?}"
        );
        if place != "result" {
            assert_eq!(links.len(), 2, "both certificates listed on {place}");
        }
    }
    // A learner who earns none (a student) has no list.
    let (_, learn) = student(&server).await.get("/learn").await;
    assert!(!learn.contains("/certificates/"));

    let anyone = Browser::new(&server);
    let (status, certificate) = anyone.get(&format!("/certificates/{code}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(certificate.contains("Thầy giáo Mẫu"), "the name");
    assert!(
        certificate.contains("class=\"certificate-module\""),
        "the module"
    );
    let (y, _) = (2026..2100)
        .map(|y| (y, certificate.contains(&format!("/{y}"))))
        .find(|(_, f)| *f)
        .unwrap();
    assert!(y >= 2026, "the date");
    assert!(
        certificate.contains("Giáo viên") && certificate.contains("Trường THCS Mẫu Một"),
        "the holder's role and unit"
    );
    assert!(
        // (Leptos may put an empty `<!>` marker between text nodes.)
        certificate
            .replace("<!>", "")
            .contains("Đơn vị cấp: <strong>Tỉnh Lai Châu</strong>"),
        "the issuer: the top of the holder's tree"
    );
    let printed = format!("{}-{}", &code[..5], &code[5..]);
    assert!(
        certificate.contains(&server.url(&format!("/certificates/{printed}"))),
        "the full address to check it at"
    );
    let (status, _) = anyone.get(&format!("/certificates/{printed}")).await;
    assert_eq!(status, StatusCode::OK, "the printed address works");
    assert!(
        !certificate.contains("giaovien2.demo") && !certificate.contains("Trường Tiểu học"),
        "nothing else: no username, no other unit"
    );
    let (status, _) = anyone.get("/certificates/ABCDE23456").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // Children get no certificate.
    let me = student(&server).await;
    let (_, page) = me.get(&format!("/modules/{MODULE}")).await;
    assert!(!page.contains("/certificates/"));
}

#[tokio::test]
async fn answers_posted_after_the_session_ended_are_sent_once_the_learner_signs_in_again() {
    let (server, db) = demo_and_database().await;
    let (me, location) = session_ends_mid_quiz(&server, &db).await;
    let (_, page) = me.get(&location).await;
    assert!(
        page.contains("Bài làm đã được giữ lại"),
        "the learner is told"
    );
    assert_eq!(count(&db, "attempts").await, 0, "not sent while signed out");
    assert_eq!(count(&db, "kept_answers").await, 1);
    let (status, _) = me.get("/learn").await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "the ended session signs nobody in"
    );

    let (status, to) = sign_in_student(&me, &server, NEWCOMER).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        to.starts_with(&format!("/modules/{MODULE}/quiz/attempts/")),
        "straight to the result: {to}"
    );
    let (_, result) = me.get(&to).await;
    assert!(
        result.contains("Đúng 6 / 6 câu (100%)"),
        "the kept answers were graded"
    );
    assert_eq!(count(&db, "attempts").await, 1);
    assert_eq!(count(&db, "kept_answers").await, 0, "nothing left to keep");
}

#[tokio::test]
async fn kept_answers_never_go_to_someone_else() {
    let (server, db) = demo_and_database().await;
    // A student's session ends mid-quiz on a shared computer; another student signs in there.
    let (lab, _) = session_ends_mid_quiz(&server, &db).await;
    let (status, to) = sign_in_student(&lab, &server, SECOND_NEWCOMER).await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, "/learn"));
    assert_eq!(
        count(&db, "attempts").await,
        0,
        "not sent as the other student"
    );
    assert_eq!(count(&db, "kept_answers").await, 0, "and forgotten");
    let (_, quiz) = lab.get(&format!("/modules/{MODULE}/quiz")).await;
    assert!(
        !quiz.contains("checked"),
        "nothing of the first student's in the form"
    );
}

#[tokio::test]
async fn a_visitor_sees_a_sample_and_answers_posted_anyway_never_choose_the_questions() {
    let (server, db) = demo_and_database().await;
    let quiz = format!("/modules/{MODULE}/quiz");
    // A visitor sees six questions of the bank to look at, with nothing to send.
    let visitor = Browser::new(&server);
    let (_, page) = visitor.get(&quiz).await;
    assert_eq!(support::web::shown_questions(&page).len(), 6);
    assert!(!page.contains("name=\"submission\""), "no form to send");
    assert!(page.contains("disabled"), "the options cannot be ticked");
    // Answers posted anyway, to every question of the bank: kept, and after signing in shown
    // only where the questions drawn for the student ask them.
    let (_, sign_in) = visitor.get("/sign-in").await;
    let (_, key) = key_of(MODULE);
    let mut form = vec![
        ("csrf".to_owned(), field(&sign_in, "csrf")),
        ("submission".to_owned(), "ab".repeat(32)),
    ];
    for (question, answers) in &key {
        for answer in answers {
            form.push((format!("q-{question}"), answer.clone()));
        }
    }
    let (status, location) = visitor.post(&quiz, &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/sign-in?kept=1"), "{location}");
    let (_, to) = sign_in_student(&visitor, &server, NEWCOMER).await;
    assert_eq!(to, quiz);
    let (_, page) = visitor.get(&to).await;
    assert!(page.contains("Bài làm của em vẫn còn đây"));
    assert_eq!(
        field(&page, "submission"),
        "ab".repeat(32),
        "the same attempt"
    );
    let shown = support::web::shown_questions(&page);
    assert_eq!(shown.len(), 6);
    let expected: usize = shown
        .iter()
        .map(|(q, _)| key.iter().find(|(k, _)| k == q).unwrap().1.len())
        .sum();
    assert_eq!(
        page.matches("checked").count(),
        expected,
        "the drawn questions' answers ticked"
    );
    assert_eq!(count(&db, "attempts").await, 0);

    // The page sent as the browser would: its fields and the kept answers ticked in it.
    let mut again = vec![
        ("csrf".to_owned(), field(&page, "csrf")),
        ("submission".to_owned(), field(&page, "submission")),
        ("draw".to_owned(), field(&page, "draw")),
    ];
    again.extend(support::web::answers_for(&page, MODULE, 0));
    let (status, location) = visitor.post(&quiz, &again).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.contains("/quiz/attempts/"), "{location}");
    assert_eq!(count(&db, "attempts").await, 1);
    assert_eq!(count(&db, "kept_answers").await, 0);
}

/// `value` of the first `name="…"` attribute after `marker` in a page.
fn attribute_after(page: &str, marker: &str, name: &str) -> String {
    let rest = &page[page.find(marker).unwrap_or_else(|| panic!("no {marker}"))..];
    let start = rest.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    rest[start..start + rest[start..].find('"').unwrap()].to_owned()
}

#[tokio::test]
async fn a_teacher_assigns_a_module_and_follows_each_student() {
    let (server, db) = demo_and_database().await;
    let teacher = staff(&server, "giaovien.demo").await;
    let (_, classes) = teacher.get("/classes").await;
    let class = attribute_after(&classes, "<a href=\"/classes/", "href")
        .trim_start_matches("/classes/")
        .to_owned();
    let class_page = format!("/classes/{class}");
    let (_, page) = teacher.get(&class_page).await;
    assert!(page.contains("Lớp chưa được giao bài nào"));
    let today = attribute_after(&page, "id=\"assign-due\"", "min");
    let year: i32 = today[..4].parse().unwrap();
    let due = format!("{}-01-15", year + 1);
    let form = |module: &str, due: &str| {
        vec![
            ("csrf".to_owned(), field(&page, "csrf")),
            ("module".to_owned(), module.to_owned()),
            ("due".to_owned(), due.to_owned()),
        ]
    };
    let assign = format!("/classes/{class}/assignments");

    // Refused, each with its message and the choices kept.
    let (status, again) = teacher
        .post_page(&assign, &form(MODULE, "2020-01-01"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.contains("Hạn hoàn thành không thể là ngày đã qua"));
    assert!(
        again.contains("value=\"2020-01-01\""),
        "the date typed is kept"
    );
    let (_, again) = teacher
        .post_page(&assign, &form(MODULE, "15/01/2027"))
        .await;
    assert!(again.contains("Hãy chọn một ngày hợp lệ"));
    let (_, again) = teacher
        .post_page(&assign, &form("body-safety-talks", &due))
        .await;
    assert!(again.contains("dành cho người lớn"), "a parents' module");
    let (status, _) = teacher
        .post_page(&assign, &form("no-such-module", &due))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(count(&db, "assignments").await, 0);

    // Another teacher's class is not theirs to assign.
    let other = staff(&server, "giaovien2.demo").await;
    let (_, their_page) = other.get("/classes").await;
    let other_form = vec![
        ("csrf".to_owned(), field(&their_page, "csrf")),
        ("module".to_owned(), MODULE.to_owned()),
        ("due".to_owned(), due.clone()),
    ];
    assert_eq!(
        other.post(&assign, &other_form).await.0,
        StatusCode::NOT_FOUND
    );
    let (_, api) = other
        .get(&format!("/api/assignments/class?id={class}&lang=Vi"))
        .await;
    assert_eq!(api, "null", "nothing of another class");

    let (status, location) = teacher.post(&assign, &form(MODULE, &due)).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        location,
        format!("/classes/{class}?assigned={MODULE}&classes=1#assignments")
    );
    let (_, page) = teacher.get(&location).await;
    assert!(page.contains("Đã giao bài cho lớp"));
    // The day as Vietnamese readers write it; the ISO form in the markup.
    let due_vi = format!("15/01/{}", year + 1);
    assert!(page.contains(&format!("datetime=\"{due}\">{due_vi}</time>")));
    let progress = &page[page.find("progress-table").expect("the progress table")..];
    let students = progress.matches("<th scope=\"row\">").count();
    assert!(students >= 2, "one progress row per student");
    // The demo's history: some of the class finished the module before it was assigned.
    let done = progress.matches("<td class=\"done\">").count();
    assert!(page.contains(&format!("{done} / {students} học sinh")));

    // The student sees it first, with its date; after completing it, so does the teacher.
    let me = student(&server).await;
    let (_, home) = me.get("/learn").await;
    assert!(home.contains("Thầy cô giao cho em") && home.contains(&format!("hạn {due_vi}")));
    for lesson in ["my-body", "private-parts", "no-go-tell"] {
        me.get(&format!("/modules/{MODULE}/lessons/{lesson}")).await;
    }
    let answers = quiz_form(&me, RIGHT).await;
    assert_eq!(
        me.post(&format!("/modules/{MODULE}/quiz"), &answers)
            .await
            .0,
        StatusCode::SEE_OTHER
    );
    let (_, page) = teacher.get(&class_page).await;
    assert!(
        page.contains(&format!("{} / {students} học sinh", done + 1)),
        "{}",
        &page[page.find("id=\"assignments\"").unwrap()..]
    );
    assert!(
        page.contains("<td class=\"done\">✓ Đã hoàn thành</td>"),
        "{}",
        &page[page.find("progress-table").unwrap()..]
    );

    // A quiz sent with questions left blank says which; passing without reading the lessons
    // is not completing: the result lists the lessons left and the teacher sees "passed, 3
    // lessons left".
    let half = Browser::new(&server);
    sign_in_student(&half, &server, SECOND_NEWCOMER).await;
    let blanks = Answering {
        wrong: 0,
        blank: &[1, 5],
    };
    let answers = quiz_form(&half, blanks).await;
    let (status, result) = half
        .post(&format!("/modules/{MODULE}/quiz"), &answers)
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, result) = half.get(&result).await;
    assert!(
        result.contains("2 câu chưa được trả lời (câu 2, 6)"),
        "{}",
        &result[result.find("<main").unwrap_or(0)..]
    );
    assert_eq!(result.matches("Chưa trả lời</p>").count(), 2);
    assert!(
        !result.contains("lessons-left"),
        "not passed: no lessons list"
    );
    let answers = quiz_form(&half, RIGHT).await;
    let (_, result) = half
        .post(&format!("/modules/{MODULE}/quiz"), &answers)
        .await;
    let (_, result) = half.get(&result).await;
    assert!(result.contains("còn 3 bài học cần đọc"), "{result}");
    for lesson in ["my-body", "private-parts", "no-go-tell"] {
        assert!(result.contains(&format!("href=\"/modules/{MODULE}/lessons/{lesson}\"")));
    }
    assert!(!result.contains("chưa được trả lời"));
    // Once a lesson is read, the module page goes on from the next one, and /learn shows
    // the module once (assigned, not again under "continue").
    half.get(&format!("/modules/{MODULE}/lessons/my-body"))
        .await;
    let (_, module_page) = half.get(&format!("/modules/{MODULE}")).await;
    let button = module_page
        .find("Học tiếp bài 2")
        .expect("continue with lesson 2");
    let tag = &module_page[module_page[..button].rfind("<a ").unwrap()..button];
    assert!(tag.contains("lessons/private-parts"), "{tag}");
    assert!(!module_page.contains("Bắt đầu bài đầu tiên"));
    let title_start = module_page.find("<h1>").unwrap() + 4;
    let title =
        &module_page[title_start..title_start + module_page[title_start..].find("</h1>").unwrap()];
    let (_, home) = half.get("/learn").await;
    assert_eq!(home.matches(title).count(), 1, "{title} once on /learn");
    let (_, page) = teacher.get(&class_page).await;
    assert!(
        page.contains(">Đã đạt, còn 2 bài chưa đọc</td>"),
        "{}",
        &page[page.find("progress-table").unwrap()..]
    );

    // Overdue, for those who have not done it.
    sqlx::query("UPDATE assignments SET due_on = '2020-01-01'")
        .execute(&db)
        .await
        .unwrap();
    let (_, page) = teacher.get(&class_page).await;
    assert!(page.contains("Quá hạn"));
    let (_, home) = me.get("/learn").await;
    assert!(!home.contains("Đã quá hạn"), "done is not late");
    let late = Browser::new(&server);
    sign_in_student(&late, &server, SECOND_NEWCOMER).await;
    let (_, home) = late.get("/learn").await;
    assert!(home.contains("Đã quá hạn"), "not done and past the date");

    // A parent sees what their child's class was given, and where the child stands.
    let parent = Browser::new(&server);
    let (_, sign_in_page) = parent.get("/sign-in").await;
    let sign_in: Vec<(String, String)> = [
        ("csrf", field(&sign_in_page, "csrf")),
        ("kind", "parent".to_owned()),
        ("phone", "0912000001".to_owned()),
        ("password", "hoa ban trắng nở trên núi".to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(
        parent.post("/sign-in", &sign_in).await.0,
        StatusCode::SEE_OTHER
    );
    let (_, home) = parent.get("/learn").await;
    let child = &home[home
        .find("class=\"child-assigned\"")
        .expect("the child's assignments")..];
    assert!(child.contains("Cơ thể em là của em"));
    assert!(child.contains("Đã quá hạn") || child.contains("Đã hoàn thành"));

    // Assigning again moves the date; unassigning takes it off the learners' page.
    teacher.post(&assign, &form(MODULE, &due)).await;
    assert_eq!(count(&db, "assignments").await, 1);
    let remove = format!("/classes/{class}/assignments/{MODULE}/remove");
    let mut csrf = vec![("csrf".to_owned(), field(&page, "csrf"))];
    assert_eq!(
        teacher.post(&remove, &csrf).await.0,
        StatusCode::UNPROCESSABLE_ENTITY,
        "not without the tick"
    );
    csrf.push(("confirm".to_owned(), "yes".to_owned()));
    assert_eq!(teacher.post(&remove, &csrf).await.0, StatusCode::SEE_OTHER);
    let (_, home) = late.get("/learn").await;
    assert!(!home.contains("Thầy cô giao cho em"));
}

#[tokio::test]
async fn a_quiz_page_from_before_signing_in_again_still_sends() {
    let (server, db) = demo_and_database().await;
    // The session ends mid-quiz; the student signs in again in another tab, then comes back
    // to the quiz tab and sends it (its token is the ended session's).
    let me = student(&server).await;
    let form = quiz_form(&me, RIGHT).await;
    sqlx::query("UPDATE sessions SET last_seen = last_seen - 1200, created_at = created_at - 1200")
        .execute(&db)
        .await
        .unwrap();
    let (status, to) = sign_in_student(&me, &server, NEWCOMER).await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, "/learn"));
    let (status, location) = me.post(&format!("/modules/{MODULE}/quiz"), &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.contains("/quiz/attempts/"), "{location}");
    assert_eq!(count(&db, "attempts").await, 1);

    // Someone else's old page is still refused.
    let other = Browser::new(&server);
    sign_in_student(&other, &server, SECOND_NEWCOMER).await;
    let (status, _) = other.post(&format!("/modules/{MODULE}/quiz"), &form).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

/// `safesteps content report`: how each question works, from learners' first attempts — checked
/// against figures worked out by hand for five members of staff, and a children's module with
/// fewer than five children asked shows no figures.
#[tokio::test]
async fn the_item_report_gives_each_question_s_figures() {
    let (server, db) = demo_and_database().await;
    let module = "law-on-children";
    let (_, key) = key_of(module);
    sqlx::query("DELETE FROM attempts WHERE module_id = $1 OR module_id = $2")
        .bind(module)
        .bind(MODULE)
        .execute(&db)
        .await
        .unwrap();
    let staff: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM people WHERE role IN ('teacher', 'school-manager', 'unit-manager', 'admin') ORDER BY id LIMIT 5",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    assert_eq!(staff.len(), 5);
    // Each asked the bank's first six questions; four answered all right and passed, the
    // fifth missed the first question (and failed).
    let asked: Vec<&(String, Vec<String>)> = key.iter().take(6).collect();
    let draw = serde_json::json!(asked
        .iter()
        .map(|(q, _)| serde_json::json!({"question": q, "options": []}))
        .collect::<Vec<_>>());
    let (first, first_key) = (&asked[0].0, &asked[0].1);
    let options = std::fs::read_to_string(
        support::repo_root().join(format!("content/modules/{module}/module.toml")),
    )
    .unwrap();
    // The first question's options, from its `options = [...]` line.
    let block = &options[options.find(&format!("id = \"{first}\"")).unwrap()..];
    let line = block
        .lines()
        .find(|l| l.starts_with("options = ["))
        .unwrap();
    let wrong = line
        .split('"')
        .skip(1)
        .step_by(2)
        .find(|o| !first_key.iter().any(|k| k == o))
        .unwrap()
        .to_owned();
    for (n, person) in staff.iter().enumerate() {
        let mut answers = serde_json::Map::new();
        for (q, right) in &asked {
            answers.insert(q.clone(), serde_json::json!(right));
        }
        if n == 4 {
            answers.insert(first.clone(), serde_json::json!([wrong]));
        }
        sqlx::query(
            "INSERT INTO attempts (person_id, module_id, content_version, submission_key, answers, \
             correct, total, percent, passed, submitted_at, draw) VALUES ($1, $2, 1, $3, $4, 0, 6, 0, $5, 1, $6)",
        )
        .bind(person)
        .bind(module)
        .bind(format!("item-{n}"))
        .bind(serde_json::Value::Object(answers).to_string())
        .bind(n < 4)
        .bind(draw.to_string())
        .execute(&db)
        .await
        .unwrap();
    }
    // Two students took the children's module.
    let me = student(&server).await;
    let form = quiz_form(&me, RIGHT).await;
    me.post(&format!("/modules/{MODULE}/quiz"), &form).await;

    let out = support::safesteps(&[
        "content",
        "report",
        "--database-url",
        &server.database_url(),
    ]);
    assert!(out.status.success(), "{}", support::said(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    let line_of = |question: &str| {
        let section = &text[text.find(&format!("\n{module}\n")).unwrap()..];
        section
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{question} ")))
            .unwrap_or_else(|| panic!("{question} in {text}"))
            .to_owned()
    };
    // By hand: 5 asked, 4 right = 80.0%; those who passed 100% right, the one who failed 0%:
    // discrimination +100; the right option picked by 4 of 5, the wrong one by 1.
    let first_line = line_of(first);
    assert!(
        first_line.contains("asked     5  right  80.0%  discrimination   +100"),
        "{first_line}"
    );
    assert!(
        first_line.contains(&format!("{} 80%", first_key[0])),
        "{first_line}"
    );
    assert!(first_line.contains(&format!("{wrong} 20%")), "{first_line}");
    // Everyone right, in both groups: 100%, discrimination 0.
    let second = line_of(&asked[1].0);
    assert!(
        second.contains("asked     5  right 100.0%  discrimination     +0"),
        "{second}"
    );
    // A question nobody was asked.
    assert!(line_of(&key[6].0).contains("not asked yet"));
    // The children's module: one child asked each drawn question — no figures.
    let section = &text[text.find(&format!("\n{MODULE}\n")).unwrap()..];
    assert!(
        section.contains("asked     1  (fewer than 5 children: no figures)"),
        "{section}"
    );
}

/// A quiz page rendered before draws were kept has no `draw` field: its answers are graded
/// against the draw open now, not refused.
#[tokio::test]
async fn a_quiz_page_without_a_draw_field_is_graded_against_the_open_draw() {
    let (server, db) = demo_and_database().await;
    let me = student(&server).await;
    let mut form = quiz_form(&me, RIGHT).await;
    form.retain(|(k, _)| k != "draw");
    let (status, location) = me.post(&format!("/modules/{MODULE}/quiz"), &form).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.contains("/quiz/attempts/"), "{location}");
    let (_, result) = me.get(&location).await;
    assert!(
        result.contains("Đúng 6 / 6 câu (100%)"),
        "graded on the open draw"
    );
    assert_eq!(count(&db, "attempts").await, 1);
}
