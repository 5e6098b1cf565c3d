//! Bad input, table-driven: oversized fields and bodies, broken UTF-8, HTML and script in
//! names, formula cells, negative and huge numbers, unknown ids and ids out of the caller's
//! scope, sent to the forms and server functions. Each answers a 4xx — a page in the user's
//! language for forms — and the data is unchanged (a dump of every table people's data lives
//! in, compared before and after; the throttling and audit tables record the attempts and are
//! left out).

mod support;

use reqwest::StatusCode;
use support::web::*;

/// Every row of the tables that hold people's data and learning, as text.
async fn dump(db: &sqlx::AnyPool) -> Vec<String> {
    let mut out = Vec::new();
    for table in [
        "org_units",
        "classes",
        "households",
        "people",
        "class_teachers",
        "lesson_views",
        "attempts",
        "completions",
        "kept_answers",
        "open_draws",
        "rereads",
        "assignments",
        "password_resets",
        "coverage_subjects",
        "coverage_population",
        "coverage_reached",
        "coverage_institutions",
        "coverage_reports",
        "official_counts",
    ] {
        let columns: Vec<String> = if support::on_postgres() {
            sqlx::query_scalar(
                "SELECT CAST(column_name AS TEXT) FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
            )
            .bind(table)
            .fetch_all(db)
            .await
            .unwrap()
        } else {
            sqlx::query_scalar(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .fetch_all(db)
                .await
                .unwrap()
        };
        assert!(!columns.is_empty(), "no table {table}");
        // Each value as text (NULL marked), in either database.
        let row = columns
            .iter()
            .map(|c| format!("COALESCE(CAST({c} AS TEXT), '<null>')"))
            .collect::<Vec<_>>()
            .join(" || '|' || ");
        let rows: Vec<String> =
            sqlx::query_scalar(&format!("SELECT {row} FROM {table} ORDER BY 1"))
                .fetch_all(db)
                .await
                .unwrap_or_else(|e| panic!("{table}: {e}"));
        out.push(format!("{table}: {}", rows.join("\n")));
    }
    out
}

/// A bad form to post: what it is, who posts it, where, and its fields.
type Post<'a> = (&'a str, &'a Browser, &'a str, Vec<(&'a str, String)>);

#[tokio::test]
async fn bad_input_gets_a_clear_refusal_and_changes_nothing() {
    let demo = demo();
    let db = support::connect(&demo.server.database_url()).await;
    let head = Browser::new(&demo.server);
    head.sign_in_staff("hieutruong.demo").await;
    let teacher = Browser::new(&demo.server);
    teacher.sign_in_staff("giaovien.demo").await;
    let other_teacher = Browser::new(&demo.server);
    other_teacher.sign_in_staff("giaovien2.demo").await;
    let visitor = Browser::new(&demo.server);
    let before = dump(&db).await;

    let huge = "x".repeat(200_000);
    let script = "<script>alert(1)</script>";
    let teacher_csrf = teacher.csrf().await;
    let visitor_csrf = visitor.csrf().await;
    // (who, path, form) posted as forms.
    let forms: Vec<Post> = vec![
        (
            "an oversized username",
            &visitor,
            "/sign-in",
            vec![
                ("kind", "staff".into()),
                ("username", huge.clone()),
                ("password", "x".into()),
            ],
        ),
        (
            "script in a sign-up name",
            &visitor,
            "/sign-up/family",
            vec![
                ("family_code", "ABCD-EFGH".into()),
                ("name", script.into()),
                ("phone", "0912000099".into()),
                ("password", "một mật khẩu dài cho gia đình".into()),
                ("consent", "yes".into()),
            ],
        ),
        (
            "a negative class id",
            &teacher,
            "/classes/-1/assignments",
            vec![
                ("module", "my-body-belongs-to-me".into()),
                ("due", "2026-12-30".into()),
            ],
        ),
        (
            "a huge class id",
            &teacher,
            "/classes/99999999999999999999999/assignments",
            vec![
                ("module", "my-body-belongs-to-me".into()),
                ("due", "2026-12-30".into()),
            ],
        ),
        (
            "an unknown module",
            &teacher,
            "/classes/1/assignments",
            vec![
                ("module", "no-such-module".into()),
                ("due", "2026-12-30".into()),
            ],
        ),
        (
            "a due date far away",
            &teacher,
            "/classes/1/assignments",
            vec![
                ("module", "my-body-belongs-to-me".into()),
                ("due", "99999-01-01".into()),
            ],
        ),
        (
            "a due date that is a formula",
            &teacher,
            "/classes/1/assignments",
            vec![
                ("module", "my-body-belongs-to-me".into()),
                ("due", "=1+1".into()),
            ],
        ),
        (
            "another school's class",
            &other_teacher,
            "/classes/1/assignments",
            vec![
                ("module", "my-body-belongs-to-me".into()),
                ("due", "2026-12-30".into()),
            ],
        ),
        (
            "another class's student",
            &other_teacher,
            "/classes/1/students/1/reset",
            vec![("new_secret", "1".into())],
        ),
        (
            "an unknown student",
            &teacher,
            "/classes/1/students/999999/reset",
            vec![],
        ),
        (
            "an unknown person's reset",
            &head,
            "/people/999999/password-reset",
            vec![],
        ),
        (
            "an unknown household",
            &head,
            "/families/999999/new-code",
            vec![("confirm", "yes".to_owned())],
        ),
        (
            "a quiz for no module",
            &teacher,
            "/modules/no-such-module/quiz",
            vec![("submission", "ab".repeat(32))],
        ),
        (
            "a quiz with a made-up key",
            &teacher,
            "/modules/my-body-belongs-to-me/quiz",
            vec![("submission", "<b>".into())],
        ),
    ];
    for (what, browser, path, fields) in &forms {
        let token = if std::ptr::eq(*browser, &visitor) {
            visitor_csrf.clone()
        } else if std::ptr::eq(*browser, &teacher) {
            teacher_csrf.clone()
        } else {
            browser.csrf().await
        };
        let mut form: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        form.extend(fields.iter().map(|(k, v)| (*k, v.as_str())));
        let reply = browser.post_raw(path, &form).await;
        assert!(
            reply.status.is_client_error(),
            "{what}: {path} answered {}",
            reply.status
        );
        assert!(
            reply.body.contains("<html lang=\"vi\""),
            "{what}: a page in the user's language, got {:?}",
            &reply.body[..reply.body.len().min(200)]
        );
        assert!(!reply.body.contains(script), "{what}: nothing echoed raw");
    }

    // A language that is not offered changes nothing: back to the page, no cookie for it.
    let reply = visitor
        .post_raw(
            "/lang",
            &[
                ("csrf", visitor_csrf.as_str()),
                ("lang", "xx"),
                ("next", "/"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(reply.cookies.iter().all(|c| !c.contains("=xx")));

    // Bodies that are not forms at all: broken UTF-8, and too big for the form (but small
    // enough that the server reads them whole before answering, so the answer is seen).
    for (what, path, body) in [
        (
            "broken UTF-8",
            "/sign-in",
            format!("csrf={visitor_csrf}&kind=staff&username=%FF%FE&password=%C3%28").into_bytes(),
        ),
        (
            "a form of 200 KB",
            "/sign-in",
            format!(
                "csrf={visitor_csrf}&kind=staff&username={}",
                "a".repeat(200 * 1024)
            )
            .into_bytes(),
        ),
        (
            "a quiz of 100 KB",
            "/modules/my-body-belongs-to-me/quiz",
            format!("csrf={visitor_csrf}&q-a={}", "b".repeat(100 * 1024)).into_bytes(),
        ),
    ] {
        let reply = visitor.post_body(path, body).await;
        assert!(reply.status.is_client_error(), "{what}: {}", reply.status);
        assert!(
            reply.body.contains("<html lang=\"vi\""),
            "{what}: {:?}",
            &reply.body[..reply.body.len().min(200)]
        );
    }

    // A roster with formula cells and script in names, and counts with impossible numbers:
    // refused row by row, nothing imported.
    let roster = "school_code,school_year,class,role,key,name,birth_year,family,secret\n\
                  LC-W01-TH1,2026-2027,2A,student,HS-BAD1,Ai Đó,-5,,\n\
                  LC-W01-TH1,2026-2027,2A,student,HS-BAD2,Ai Khác,99999999999999999999,,\n\
                  LC-W01-TH1,2026-2027,2A,student,HS-BAD3,Người Ba,2018,,=HYPERLINK(\"x\")\n";
    let reply = upload(&head, roster).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    for row in ["Dòng 2", "Dòng 3", "Dòng 4"] {
        assert!(reply.body.contains(row), "{row} is reported");
    }
    let counts = "unit_code,target,year,count,source,as_of\n\
                  LC-W01-TH1,students,2026,-3,Trường,2026-01-01\n\
                  LC-W01-TH1,students,2026,99999999999999999999999,Trường,2026-01-01\n";
    let reply = upload_to(&head, "/counts", counts).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Dòng 2") && reply.body.contains("Dòng 3"));

    // Server functions: arguments missing, or not what they should be, are the caller's
    // mistake (400), not a server error.
    for path in [
        "/api/catalog/modules",
        "/api/catalog/module?id=my-body-belongs-to-me",
        "/api/learning/home",
        "/api/people/class?id=abc",
        "/api/assignments/class?id=99999999999999999999999&lang=Vi",
        "/api/coverage/report?unit=-&lang=Vi",
    ] {
        let reply = head.get(path).await;
        assert_eq!(
            reply.status,
            StatusCode::BAD_REQUEST,
            "{path}: {}",
            reply.body
        );
    }
    // Unknown and foreign ids through server functions: nothing, not someone else's.
    for path in [
        "/api/people/class?id=999999",
        "/api/accounts/letters?class=999999",
    ] {
        let reply = teacher.get(path).await;
        assert_eq!(reply.status, StatusCode::OK, "{path}");
        assert_eq!(reply.body.trim(), "null", "{path}");
    }

    assert_eq!(dump(&db).await, before, "nothing changed");
}
