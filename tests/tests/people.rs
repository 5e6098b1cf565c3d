//! Signing in, sessions, CSRF, throttling and the access table, over HTTP against the real
//! binary started with `serve --demo`.

mod support;

use reqwest::{header, StatusCode};
use support::web::*;
use support::{binary, TestServer};

#[tokio::test]
async fn staff_sign_in_sets_a_safe_cookie_and_lands_on_their_classes() {
    let demo = demo();
    let teacher = Browser::new(&demo.server);

    let wrong = teacher
        .post(
            "/sign-in",
            &[
                ("kind", "staff"),
                ("username", "giaovien.demo"),
                ("password", "not the password at all"),
            ],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    assert!(
        wrong.body.contains("Thông tin đăng nhập chưa đúng"),
        "the message is on the page"
    );
    assert!(
        wrong.body.contains("value=\"giaovien.demo\""),
        "the username typed is kept"
    );
    assert!(
        !wrong.body.contains("not the password at all"),
        "the password is never echoed"
    );

    let ok = teacher.sign_in_staff("giaovien.demo").await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(ok.location, "/classes");
    let cookie = session_cookie(&ok).expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(
        !cookie.contains("Max-Age"),
        "staff cookies end with the browser: {cookie}"
    );
    assert!(!cookie.contains("Secure"), "plain http here: {cookie}");

    let classes = teacher.get("/classes").await;
    assert_eq!(classes.status, StatusCode::OK);
    assert!(
        classes.body.contains(&demo.classes[0].0),
        "their class 2A and its code"
    );
    assert!(
        !classes.body.contains(&demo.classes[1].0),
        "not the other teacher's 7A"
    );
    assert_eq!(
        classes.body.matches("no-store").count(),
        0,
        "(the header, not the body, says no-store)"
    );
    let data = teacher.get("/api/people/classes").await;
    assert_eq!(data.status, StatusCode::OK, "{}", data.body);
    assert!(data.body.starts_with('['), "{}", data.body);
    // The page, and a server function's answer (their class codes; on other calls PINs,
    // pictures, family codes, phone numbers).
    for path in ["/classes", "/api/people/classes"] {
        let answer = teacher
            .client
            .get(demo.server.url(path))
            .send()
            .await
            .unwrap();
        assert_eq!(
            answer.headers()[header::CACHE_CONTROL],
            "no-store",
            "{path}"
        );
    }
}

#[tokio::test]
async fn secure_cookies_when_served_over_https() {
    let server =
        TestServer::start_with(&["--demo", "--public-url", "https://safesteps.example.vn"]);
    let browser = Browser::new(&server);
    // The anonymous CSRF cookie is set on the first page.
    let page = browser.get("/sign-in").await;
    let csrf_cookie = page
        .cookies
        .iter()
        .find(|c| c.starts_with("__Host-ss_csrf="))
        .expect("__Host- CSRF cookie");
    assert!(
        csrf_cookie.contains("Secure") && csrf_cookie.contains("Path=/"),
        "{csrf_cookie}"
    );
    assert!(server
        .printed
        .iter()
        .any(|l| l.contains("https://safesteps.example.vn/sign-in")));
}

/// Session fixation: a token planted in the victim's browser (a made-up one, or the
/// attacker's own live session) is sent with the sign-in POST itself. Signing in must issue a
/// fresh token and never turn the planted one into the victim's session.
#[tokio::test]
async fn a_token_planted_before_the_sign_in_post_is_never_adopted() {
    let demo = demo();
    let attacker = Browser::new(&demo.server);
    let theirs = attacker.sign_in_staff("giaovien.demo").await;
    let attacker_token = session_cookie(&theirs)
        .and_then(|c| c.split(';').next())
        .and_then(|c| c.strip_prefix("ss_session="))
        .expect("the attacker's session")
        .to_owned();
    let made_up = "cd".repeat(32);
    for planted in [made_up, attacker_token.clone()] {
        let jar = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let url: reqwest::Url = demo.server.base.parse().unwrap();
        let victim = Browser {
            client: reqwest::Client::builder()
                .cookie_provider(jar.clone())
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: demo.server.base.clone(),
        };
        jar.add_cookie_str(&format!("ss_session={planted}; Path=/"), &url);
        // The planted token rides on the sign-in POST (and on the page the form came from).
        let reply = victim.sign_in_staff("hieutruong.demo").await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        let issued = session_cookie(&reply)
            .and_then(|c| c.split(';').next())
            .and_then(|c| c.strip_prefix("ss_session="))
            .expect("a session cookie is set at sign-in")
            .to_owned();
        assert_ne!(issued, planted, "a fresh token, not the planted one");
        let account = victim.get("/account").await.body;
        assert!(
            account.contains("Hiệu trưởng Mẫu"),
            "the victim is signed in"
        );
        // Whoever holds the planted token did not become the victim.
        let holder = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
            .get(format!("{}/account", demo.server.base))
            .header(header::COOKIE, format!("ss_session={planted}"))
            .send()
            .await
            .unwrap();
        let status = holder.status();
        let body = holder.text().await.unwrap();
        assert!(
            !body.contains("Hiệu trưởng Mẫu"),
            "the planted token is not the victim's"
        );
        if planted == attacker_token {
            assert_eq!(status, StatusCode::OK);
            assert!(
                body.contains("Cô giáo Mẫu"),
                "still only the attacker's own"
            );
        } else {
            assert_eq!(
                status,
                StatusCode::SEE_OTHER,
                "a made-up token stays nobody"
            );
        }
    }
}

#[tokio::test]
async fn a_session_is_new_at_sign_in_and_ends_at_sign_out() {
    let demo = demo();
    let browser = Browser::new(&demo.server);
    // An attacker's planted cookie is not adopted: sign-in issues a fresh token.
    let planted = "ss_session=".to_owned() + &"ab".repeat(32);
    let before = browser.csrf().await;
    let anon = browser
        .client
        .get(format!("{}/account", demo.server.base))
        .header(header::COOKIE, planted.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(
        anon.status(),
        StatusCode::SEE_OTHER,
        "a made-up token is nobody"
    );
    let first = browser.sign_in_staff("hieutruong.demo").await;
    let first_token = session_cookie(&first)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    assert_ne!(first_token, planted);
    let after = browser.csrf().await;
    assert_ne!(before, after, "the CSRF token changes with the session");
    let second = browser.sign_in_staff("hieutruong.demo").await;
    let second_token = session_cookie(&second)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    assert_ne!(
        first_token, second_token,
        "every sign-in makes a new session"
    );

    assert_eq!(browser.get("/account").await.status, StatusCode::OK);
    let out = browser.post("/sign-out", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(session_cookie(&out).unwrap().contains("Max-Age=0"));
    // The old token is dead on the server, even if someone kept it.
    let reused = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(format!("{}/account", demo.server.base))
        .header(header::COOKIE, second_token)
        .send()
        .await
        .unwrap();
    assert_eq!(reused.status(), StatusCode::SEE_OTHER);
    assert!(reused.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .starts_with("/sign-in?next=%2Faccount"));
}

#[tokio::test]
async fn state_changing_requests_need_the_csrf_token_and_this_origin() {
    let demo = demo();
    let browser = Browser::new(&demo.server);
    browser.sign_in_staff("giaovien.demo").await;
    let csrf = browser.csrf().await;

    let missing = browser.post_raw("/sign-out", &[]).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    let wrong = browser
        .post_raw("/sign-out", &[("csrf", &"0".repeat(64))])
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    let cross_site = browser
        .client
        .post(format!("{}/sign-out", demo.server.base))
        .header(header::ORIGIN, "https://evil.example")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(format!("csrf={csrf}"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        cross_site.status(),
        StatusCode::FORBIDDEN,
        "a right token from another site is still refused"
    );
    let lang = browser
        .post_raw("/lang", &[("lang", "en"), ("next", "/")])
        .await;
    assert_eq!(lang.status, StatusCode::FORBIDDEN, "plain form posts too");
    let sign_in = Browser::new(&demo.server)
        .post_raw(
            "/sign-in",
            &[
                ("kind", "staff"),
                ("username", "giaovien.demo"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        sign_in.status,
        StatusCode::FORBIDDEN,
        "signing in needs the anonymous token (login CSRF)"
    );
    assert_eq!(
        browser.get("/account").await.status,
        StatusCode::OK,
        "still signed in"
    );

    let header_token = browser
        .client
        .post(format!("{}/sign-out", demo.server.base))
        .header("x-csrf-token", csrf)
        .send()
        .await
        .unwrap();
    assert_eq!(
        header_token.status(),
        StatusCode::SEE_OTHER,
        "the header works for scripts"
    );
}

#[tokio::test]
async fn a_student_signs_in_with_the_class_code_their_name_and_pictures() {
    let demo = demo();
    let (code, students) = &demo.classes[0];
    let (name, secret) = &students[0];
    let browser = Browser::new(&demo.server);
    let typed = browser
        .get(&format!("/sign-in/class?code={}", code.to_lowercase()))
        .await
        .body;
    assert!(
        typed.contains(&format!("/sign-in/class/{code}/")),
        "a code is read in any case"
    );
    let ids = student_ids(&browser, code).await;
    assert_eq!(ids.len(), students.len(), "every name in the class");
    let id = &ids.iter().find(|(n, _)| n == name).unwrap().1;
    let page = browser
        .get(&format!("/sign-in/class/{code}/{id}"))
        .await
        .body;
    assert_eq!(page.matches("name=\"picture\"").count(), 9);
    for picture in PICTURES {
        assert!(
            !page.contains(&format!("\"{picture}+")),
            "no secret in the page"
        );
    }

    let ok = student_sign_in(&browser, code, id, &secret_fields(secret)).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let cookie = session_cookie(&ok).unwrap();
    assert!(
        !cookie.contains("Max-Age"),
        "nothing remembered on a lab computer: {cookie}"
    );
    let account = browser.get("/account").await;
    assert!(account.body.contains(name.as_str()));
    assert!(
        account.body.contains("button danger big"),
        "the big sign-out"
    );
    assert_eq!(
        browser.get("/classes").await.status,
        StatusCode::FORBIDDEN,
        "a student sees no class lists"
    );
}

#[tokio::test]
async fn a_student_with_a_pin_signs_in_too() {
    let demo = demo();
    let (code, students) = &demo.classes[1];
    let (name, pin) = &students[0];
    assert_eq!(pin.len(), 4);
    let browser = Browser::new(&demo.server);
    let id = &student_id(&browser, code, name).await;
    assert!(browser
        .get(&format!("/sign-in/class/{code}/{id}"))
        .await
        .body
        .contains("inputmode=\"numeric\""));
    let ok = student_sign_in(&browser, code, id, &secret_fields(pin)).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn wrong_pictures_lock_the_student_until_the_teacher_resets() {
    let demo = demo();
    let (code, students) = &demo.classes[0];
    let (name, secret) = &students[1];
    let child = Browser::new(&demo.server);
    let id = student_id(&child, code, name).await;
    let teacher = Browser::new(&demo.server);
    teacher.sign_in_staff("giaovien.demo").await;
    // The reset form posts to this address twice in a row: to unlock (offered only once
    // there are wrong tries) and to give new pictures (always).
    let resets = |page: &str| {
        page.matches(&format!("action=\"/classes/1/students/{id}/reset\""))
            .count()
    };
    let before = teacher.get("/classes/1").await.body;
    assert_eq!(resets(&before), 1, "no unlock button without wrong tries");
    for attempt in 1..=3 {
        let reply = student_sign_in(&child, code, &id, &wrong_fields(secret)).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "attempt {attempt}");
    }
    let locked = student_sign_in(&child, code, &id, &secret_fields(secret)).await;
    assert_eq!(
        locked.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right pictures wait now, on this computer"
    );
    assert!(
        locked.body.contains("15 phút"),
        "says how long: {}",
        locked.body
    );

    let class = teacher.get("/classes/1").await.body;
    assert!(
        class.contains("3 lần thử sai hôm nay, từ 1 máy"),
        "the teacher sees the tries"
    );
    assert_eq!(resets(&class), 2, "and can unlock");
    let reset = teacher
        .post(&format!("/classes/1/students/{id}/reset"), &[])
        .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    let ok = student_sign_in(&child, code, &id, &secret_fields(secret)).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "unlocked");

    // Another school's teacher cannot reset this student.
    let other = Browser::new(&demo.server);
    other.sign_in_staff("giaovien2.demo").await;
    let refused = other
        .post(&format!("/classes/1/students/{id}/reset"), &[])
        .await;
    assert_eq!(refused.status, StatusCode::NOT_FOUND);

    // Every failure, the lock and the reset are in the audit log.
    let db = support::connect(&demo.server.database_url()).await;
    let actions: Vec<String> =
        sqlx::query_scalar("SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id")
            .bind(id.parse::<i64>().unwrap())
            .fetch_all(&db)
            .await
            .unwrap();
    assert_eq!(
        actions,
        [
            "sign-in-failed",
            "sign-in-failed",
            "sign-in-failed",
            "sign-in-throttled",
            "student-reset",
            "sign-in"
        ]
    );
}

/// Every pair of pictures (36), each from a browser of its own, sent at once: as many are looked
/// at as would be one after another (a child's account takes 5 wrong tries in 15 minutes), and
/// the rest are told to wait. Each try is counted before its pictures are compared; before, every
/// request read the failures before any of them was written, and a burst went through whole: a
/// child's pictures fell in one go.
#[tokio::test]
async fn a_burst_of_guesses_at_a_childs_pictures_is_limited_as_one_after_another() {
    let demo = demo();
    let (code, students) = &demo.classes[0];
    let (name, secret) = students
        .iter()
        .find(|(_, secret)| secret.contains('+'))
        .expect("a child with pictures");
    let id = student_id(&Browser::new(&demo.server), code, name).await;
    let right = secret_fields(secret);
    let mut tries = tokio::task::JoinSet::new();
    for a in 0..9 {
        for b in a + 1..9 {
            let fields = vec![("picture", a.to_string()), ("picture", b.to_string())];
            let is_right = fields.iter().all(|f| right.contains(f));
            let (browser, code, id) = (Browser::new(&demo.server), code.clone(), id.clone());
            tries.spawn(async move {
                let reply = student_sign_in(&browser, &code, &id, &fields).await;
                (reply.status, is_right)
            });
        }
    }
    let replies = tries.join_all().await;
    assert_eq!(replies.len(), 36);
    // Wrong pairs looked at: no more than one after another (none at all is possible too:
    // every try saw the others first, and all were told to wait). The right pair, if it was
    // looked at among them, does not count as a wrong try, as it would not one after another.
    let wrong = replies
        .iter()
        .filter(|(status, _)| *status == StatusCode::UNAUTHORIZED)
        .count();
    assert!(
        wrong <= 5,
        "{wrong} wrong pairs of 35 looked at: {replies:?}"
    );
    for (status, is_right) in &replies {
        assert!(
            [
                StatusCode::SEE_OTHER,
                StatusCode::UNAUTHORIZED,
                StatusCode::TOO_MANY_REQUESTS
            ]
            .contains(status),
            "{status}"
        );
        if *status == StatusCode::SEE_OTHER {
            assert!(is_right, "only the right pair signs in");
        }
    }
}

/// The same for a password: 30 wrong ones for one account sent at once are looked at no more
/// than the account's 10 tries in 15 minutes allow; the rest are told to wait.
#[tokio::test]
async fn a_burst_of_wrong_passwords_is_limited_as_one_after_another() {
    let demo = demo();
    let mut tries = tokio::task::JoinSet::new();
    for n in 0..30 {
        let browser = Browser::new(&demo.server);
        tries.spawn(async move {
            let password = format!("không phải mật khẩu số {n}");
            let fields = [
                ("kind", "staff"),
                ("username", "giaovien2.demo"),
                ("password", password.as_str()),
            ];
            browser.post("/sign-in", &fields).await.status
        });
    }
    let statuses = tries.join_all().await;
    let looked_at = statuses
        .iter()
        .filter(|status| **status != StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(looked_at <= 10, "{looked_at} of 30 looked at: {statuses:?}");
    assert!(statuses
        .iter()
        .all(|s| [StatusCode::UNAUTHORIZED, StatusCode::TOO_MANY_REQUESTS].contains(s)));
}

/// Tries whose requests died while they were pending (a browser closed while its try waited)
/// count as wrong after a minute; the teacher sees them and their unlock clears them, as it
/// does known wrong tries. (Before, an unlock left them, and the child stayed locked.)
#[tokio::test]
async fn tries_whose_requests_died_are_cleared_by_the_teachers_unlock() {
    let demo = demo();
    let (code, students) = &demo.classes[0];
    let (name, secret) = &students[1];
    let child = Browser::new(&demo.server);
    let id = student_id(&child, code, name).await;
    let db = support::connect(&demo.server.database_url()).await;
    // Ten tries from three browsers, counted two minutes ago and never looked at.
    for n in 0..10 {
        sqlx::query(
            "INSERT INTO sign_in_failures (person_id, client, browser, at, pending) \
             VALUES ($1, '127.0.0.1', $2, $3, TRUE)",
        )
        .bind(id.parse::<i64>().unwrap())
        .bind(format!("gone{}", n % 3))
        .bind(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs() as i64
                - 120,
        )
        .execute(&db)
        .await
        .unwrap();
    }
    let locked = student_sign_in(&child, code, &id, &secret_fields(secret)).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS, "locked");
    let teacher = Browser::new(&demo.server);
    teacher.sign_in_staff("giaovien.demo").await;
    let class = teacher.get("/classes/1").await.body;
    assert!(
        class.contains("10 lần thử sai hôm nay, từ 3 máy"),
        "the teacher sees them"
    );
    let reset = teacher
        .post(&format!("/classes/1/students/{id}/reset"), &[])
        .await;
    assert_eq!(reset.status, StatusCode::SEE_OTHER);
    let ok = student_sign_in(&child, code, &id, &secret_fields(secret)).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "unlocked");
}

/// A lab lesson starts: a class of 40 from one address, each child in their own browser, all
/// sending their right PIN at the same moment, three times over. Every child signs in: tries
/// still being looked at count against nobody until they are known to be wrong. (Before, the
/// right tries in flight were counted as failures against the class and the address, and some
/// children were told to wait with the right PIN.) Then one child's browser sends its right
/// PIN 16 times at once: all 16 sign in.
#[tokio::test]
async fn a_class_signing_in_at_once_with_the_right_pins_all_get_in() {
    let demo = demo();
    let manager = Browser::new(&demo.server);
    assert_eq!(
        manager.sign_in_staff("hieutruong.demo").await.status,
        StatusCode::SEE_OTHER
    );
    let pins: Vec<String> = (0..40).map(|i| format!("{:04}", 1357 + 211 * i)).collect();
    let mut roster =
        "school_code,school_year,class,role,key,name,birth_year,family,secret\n".to_owned();
    for (i, pin) in pins.iter().enumerate() {
        roster.push_str(&format!(
            "LC-W01-TH1,2026-2027,5C,student,HS-5C-{i:02},Học Sinh Số {i:02},2015,,{pin}\n"
        ));
    }
    let uploaded = upload(&manager, &roster).await;
    assert_eq!(uploaded.status, StatusCode::OK, "{}", uploaded.body);
    let db = support::connect(&demo.server.database_url()).await;
    let stored: String = sqlx::query_scalar("SELECT code FROM classes WHERE name = '5C'")
        .fetch_one(&db)
        .await
        .unwrap();
    // As the board shows it: ABC-DEF-GHJ.
    let code = format!("{}-{}-{}", &stored[..3], &stored[3..6], &stored[6..]);
    let ids = student_ids(&Browser::new(&demo.server), &code).await;
    assert_eq!(ids.len(), 40, "{ids:?}");
    let children: Vec<(String, String)> = ids
        .iter()
        .map(|(name, id)| {
            let i: usize = name.rsplit(' ').next().unwrap().parse().unwrap();
            (id.clone(), pins[i].clone())
        })
        .collect();
    for round in 0..3 {
        let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(children.len()));
        let mut tries = tokio::task::JoinSet::new();
        for (id, pin) in children.clone() {
            let (browser, code, barrier) =
                (Browser::new(&demo.server), code.clone(), barrier.clone());
            tries.spawn(async move {
                let csrf = browser.csrf().await;
                barrier.wait().await;
                let path = format!("/sign-in/class/{code}/{id}");
                let reply = browser
                    .post_raw(&path, &[("csrf", &csrf), ("pin", &pin)])
                    .await;
                (reply.status, id)
            });
        }
        let replies = tries.join_all().await;
        let refused: Vec<_> = replies
            .iter()
            .filter(|(status, _)| *status != StatusCode::SEE_OTHER)
            .collect();
        assert!(
            refused.is_empty(),
            "round {round}: {} of 40 not signed in with the right PIN: {refused:?}",
            refused.len()
        );
    }
    // One browser (one anonymous token), its 16 requests sent at once.
    let (id, pin) = children[0].clone();
    let csrf = Browser::new(&demo.server).csrf().await;
    let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(16));
    let mut tries = tokio::task::JoinSet::new();
    for _ in 0..16 {
        let url = demo.server.url(&format!("/sign-in/class/{code}/{id}"));
        let body = serde_urlencoded(&[("csrf", &csrf), ("pin", &pin)]);
        let (barrier, cookie) = (barrier.clone(), format!("ss_csrf={csrf}"));
        tries.spawn(async move {
            let client = reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap();
            barrier.wait().await;
            client
                .post(url)
                .header(header::COOKIE, cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(body)
                .send()
                .await
                .unwrap()
                .status()
        });
    }
    let statuses = tries.join_all().await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::SEE_OTHER),
        "{statuses:?}"
    );
    let throttled: i64 =
        sqlx::query_scalar("SELECT count(*) FROM audit_log WHERE action = 'sign-in-throttled'")
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(throttled, 0, "no right try was throttled");
}

#[tokio::test]
async fn a_parent_signs_up_with_the_family_code_then_uses_phone_and_password() {
    let demo = demo();
    let parent = Browser::new(&demo.server);
    let form = |password: &'static str| {
        vec![
            ("family_code", demo.new_family_code.to_lowercase()),
            ("name", "Tòng Văn Cha".to_owned()),
            ("phone", "0987 654 321".to_owned()),
            ("password", password.to_owned()),
            ("consent", "yes".to_owned()),
        ]
    };
    let post = |fields: Vec<(&'static str, String)>| {
        let parent = &parent;
        async move {
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            parent.post("/sign-up/family", &fields).await
        }
    };
    let weak = post(form("iloveyouiloveyou")).await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(weak.body.contains("quá dễ đoán"), "the policy's message");
    assert!(
        weak.body.contains("Tòng Văn Cha") && weak.body.contains("0987 654 321"),
        "what was typed is kept"
    );
    let short = post(form("ngắn quá")).await;
    assert!(short.body.contains("ít nhất 15"));
    let mut bad_code = form("mây trắng bay qua đỉnh Pu Ta Leng");
    bad_code[0].1 = "ABCD-EFGH".to_owned();
    assert_eq!(post(bad_code).await.status, StatusCode::UNAUTHORIZED);

    let ok = post(form("mây trắng bay qua đỉnh Pu Ta Leng")).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let cookie = session_cookie(&ok).unwrap();
    assert!(
        cookie.contains("Max-Age="),
        "a parent's own phone keeps the session: {cookie}"
    );
    let account = parent.get("/account").await.body;
    assert!(account.contains("Tòng Văn Cha") && account.contains("0987654321"));
    assert!(
        account.contains("Con của anh/chị"),
        "the household's child is listed"
    );

    parent.post("/sign-out", &[]).await;
    let again = parent
        .post(
            "/sign-in",
            &[
                ("kind", "parent"),
                ("phone", "+84 987 654 321"),
                ("password", "mây trắng bay qua đỉnh Pu Ta Leng"),
            ],
        )
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(again.location, "/learn");
    // The printed code was used: it no longer works.
    let taken = Browser::new(&demo.server);
    let mut twice = form("mây trắng bay qua đỉnh Pu Ta Leng");
    twice[1].1 = "Người khác".to_owned();
    let fields: Vec<(&str, &str)> = twice.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let reply = taken.post("/sign-up/family", &fields).await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED, "{}", reply.body);
    assert!(
        reply.body.contains("đã được dùng") && reply.body.contains("xin nhà trường một giấy mới"),
        "the second parent is told the letter's code was used, not that it does not exist"
    );
    // With the household's new code, the same phone number is still taken.
    let db = support::connect(&demo.server.database_url()).await;
    let new_code: String = sqlx::query_scalar(
        "SELECT h.family_code FROM households h JOIN people p ON p.household_id = h.id WHERE p.phone = '0987654321'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    twice[0].1 = new_code;
    let fields: Vec<(&str, &str)> = twice.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert!(taken
        .post("/sign-up/family", &fields)
        .await
        .body
        .contains("đã có tài khoản"));
}

#[tokio::test]
async fn sessions_end_after_their_roles_idle_and_absolute_limits() {
    let demo = demo();
    let (code, students) = &demo.classes[0];
    let (name, secret) = &students[2];
    let child = Browser::new(&demo.server);
    let id = student_id(&child, code, name).await;
    student_sign_in(&child, code, &id, &secret_fields(secret)).await;
    let teacher = Browser::new(&demo.server);
    teacher.sign_in_staff("giaovien.demo").await;
    assert_eq!(child.get("/account").await.status, StatusCode::OK);

    let db = support::connect(&demo.server.database_url()).await;
    // 16 minutes without a request: over a student's 15, well under a teacher's 2 hours.
    sqlx::query(
        "UPDATE sessions SET last_seen = last_seen - 16 * 60, created_at = created_at - 16 * 60",
    )
    .execute(&db)
    .await
    .unwrap();
    assert_eq!(
        child.get("/account").await.status,
        StatusCode::SEE_OTHER,
        "the student's session ended"
    );
    assert_eq!(
        teacher.get("/account").await.status,
        StatusCode::OK,
        "the teacher's goes on"
    );
    // Busy all day, but signed in 13 hours ago: over a teacher's 12-hour limit.
    sqlx::query("UPDATE sessions SET created_at = created_at - 13 * 3600")
        .execute(&db)
        .await
        .unwrap();
    assert_eq!(teacher.get("/account").await.status, StatusCode::SEE_OTHER);
    let left = || async {
        sqlx::query_scalar::<_, i64>("SELECT count(*) FROM sessions")
            .fetch_one(&db)
            .await
            .unwrap()
    };
    assert_eq!(
        left().await,
        2,
        "ended sessions are kept a day (to keep quiz answers), signing nobody in"
    );
    sqlx::query(
        "UPDATE sessions SET last_seen = last_seen - 86400, created_at = created_at - 86400",
    )
    .execute(&db)
    .await
    .unwrap();
    assert_eq!(child.get("/account").await.status, StatusCode::SEE_OTHER);
    assert_eq!(teacher.get("/account").await.status, StatusCode::SEE_OTHER);
    assert_eq!(left().await, 0, "then they are deleted");
}

/// Every route in the access table, called as anonymous and as each role: the answer
/// matches the table (allowed: not 401/403 and not sent to sign in; refused: 303 to sign in
/// for anonymous pages, 401 for other anonymous calls, 403 for a signed-in wrong role).
#[tokio::test]
async fn every_route_answers_every_role_as_the_access_table_says() {
    let output = std::process::Command::new(binary())
        .arg("access-table")
        .output()
        .unwrap();
    assert!(output.status.success());
    let table: Vec<(String, String, String)> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let mut parts = line.split('\t');
            (
                parts.next().unwrap().to_owned(),
                parts.next().unwrap().to_owned(),
                parts.next().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(table.len() >= 20, "{table:?}");

    let demo = demo();
    let db = support::connect(&demo.server.database_url()).await;
    let (code, students) = &demo.classes[0];
    let anonymous = Browser::new(&demo.server);
    // Real objects, so that "allowed" means the page or action itself answered.
    let last_student = student_ids(&anonymous, code)
        .await
        .last()
        .unwrap()
        .1
        .clone();
    let one = |sql: &'static str| {
        let db = db.clone();
        async move {
            sqlx::query_scalar::<_, String>(sql)
                .fetch_one(&db)
                .await
                .unwrap()
        }
    };
    let certificate =
        one("SELECT certificate_code FROM completions WHERE certificate_code IS NOT NULL LIMIT 1")
            .await;
    // An attempt of a 7A child: none of the callers' own.
    let foreign_attempt = one(
        "SELECT CAST(a.id AS TEXT) FROM attempts a JOIN people p ON p.id = a.person_id \
         WHERE p.display_name = 'Lò Thị Hoa' LIMIT 1",
    )
    .await;
    let household = one(
        "SELECT CAST(h.id AS TEXT) FROM households h JOIN people p ON p.household_id = h.id \
         WHERE p.class_id = 1 LIMIT 1",
    )
    .await;
    // The demo's linked parent (the parent caller): the first manager unlinks them.
    let (other_household, other_parent) = {
        let row: (i64, i64) = sqlx::query_as(
            "SELECT household_id, id FROM people WHERE role = 'parent' AND phone = '0912000001'",
        )
        .fetch_one(&db)
        .await
        .unwrap();
        (row.0.to_string(), row.1.to_string())
    };
    let teacher_id =
        one("SELECT CAST(id AS TEXT) FROM people WHERE username = 'giaovien2.demo'").await;
    let mut home_unit = std::collections::HashMap::new();
    for (who, username) in [
        ("admin", "admin.demo"),
        ("unit-manager", "tinh.demo"),
        ("school-manager", "hieutruong.demo"),
        ("protection-officer", "baove.demo"),
    ] {
        home_unit.insert(who, unit_of(&db, username).await.to_string());
    }
    let fill = |path: &str, who: &str| {
        let unit = home_unit
            .get(who)
            .cloned()
            .unwrap_or_else(|| "1".to_owned());
        let module_or_class = if path.starts_with("/modules/") {
            "my-body-belongs-to-me"
        } else if path.starts_with("/people/") {
            teacher_id.as_str()
        } else {
            "1"
        };
        path.replace("{id}", module_or_class)
            .replace(
                "{code}",
                if path.starts_with("/certificates/") {
                    &certificate
                } else {
                    code
                },
            )
            .replace("{student}", &last_student)
            .replace("{module}", "my-body-belongs-to-me")
            .replace("{lesson}", "my-body")
            .replace("{file}", "none.png")
            .replace("{attempt}", &foreign_attempt)
            .replace(
                "{household}",
                if path.ends_with("/unlink") {
                    &other_household
                } else {
                    &household
                },
            )
            .replace("{parent}", &other_parent)
            .replace("{unit}", &unit)
            .replace("{report}", "999999")
    };
    let with_query = |path: String, who: &str| {
        let unit = home_unit
            .get(who)
            .cloned()
            .unwrap_or_else(|| "1".to_owned());
        match path.as_str() {
            "/api/catalog/modules" => format!("{path}?lang=Vi"),
            "/api/catalog/module" => format!("{path}?id=my-body-belongs-to-me&lang=Vi"),
            "/api/catalog/quiz" => format!("{path}?module=my-body-belongs-to-me&lang=Vi"),
            "/api/catalog/lesson" => {
                format!("{path}?module=my-body-belongs-to-me&lesson=my-body&lang=Vi")
            }
            "/api/people/class-sign-in" => format!("{path}?code={code}"),
            "/api/people/class" => format!("{path}?id=1"),
            "/api/accounts/person" => format!("{path}?id={teacher_id}&lang=Vi"),
            "/api/learning/progress" => format!("{path}?module=my-body-belongs-to-me"),
            "/api/learning/certificate" => format!("{path}?code={certificate}&lang=Vi"),
            "/api/learning/certificates"
            | "/api/learning/home"
            | "/api/privacy/mine"
            | "/api/accounts/people"
            | "/api/coverage/counts" => {
                format!("{path}?lang=Vi")
            }
            "/api/learning/attempt" => {
                format!("{path}?module=my-body-belongs-to-me&attempt={foreign_attempt}&lang=Vi")
            }
            "/api/assignments/class" | "/api/assignments/class-page" => {
                format!("{path}?id=1&lang=Vi")
            }
            "/api/assignments/school" => format!("{path}?unit={unit}&lang=Vi"),
            "/api/assignments/student" => {
                format!("{path}?class=1&student={last_student}&lang=Vi")
            }
            "/api/accounts/letters" => format!("{path}?class=1"),
            "/api/coverage/report" => format!("{path}?unit={unit}&lang=Vi"),
            "/api/coverage/closed" => format!("{path}?unit={unit}&report=999999&lang=Vi"),
            _ => path,
        }
    };

    let mut callers: Vec<(Option<&str>, Browser)> = vec![(None, anonymous)];
    let staff = [
        ("admin", "admin.demo"),
        ("unit-manager", "tinh.demo"),
        ("school-manager", "hieutruong.demo"),
        ("teacher", "giaovien.demo"),
        ("protection-officer", "baove.demo"),
        ("health-worker", "yte.demo"),
        ("police-officer", "congan.demo"),
    ];
    for (role, username) in staff {
        let browser = Browser::new(&demo.server);
        assert_eq!(
            browser.sign_in_staff(username).await.status,
            StatusCode::SEE_OTHER,
            "{username}"
        );
        callers.push((Some(role), browser));
    }
    let student = Browser::new(&demo.server);
    let (name, secret) = &students[0];
    let id = student_id(&student, code, name).await;
    assert_eq!(
        student_sign_in(&student, code, &id, &secret_fields(secret))
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    callers.push((Some("student"), student));
    let parent = Browser::new(&demo.server);
    assert_eq!(parent.sign_in_parent().await.status, StatusCode::SEE_OTHER);
    callers.push((Some("parent"), parent));
    assert_eq!(callers.len(), 10, "anonymous and all nine roles");

    let mut checked = 0;
    let mut wrong = Vec::new();
    let mut seen_refusals = std::collections::BTreeSet::new();
    // Signing out ends the caller's session: it goes last.
    let mut rows: Vec<&(String, String, String)> =
        table.iter().filter(|r| r.1 != "/sign-out").collect();
    rows.extend(table.iter().filter(|r| r.1 == "/sign-out"));
    for (method, pattern, access) in rows {
        for (role, browser) in &callers {
            let path = with_query(fill(pattern, role.unwrap_or("")), role.unwrap_or(""));
            let allowed = match access.as_str() {
                "anyone" => true,
                "signed-in" => role.is_some(),
                roles => role.is_some_and(|r| {
                    roles
                        .trim_start_matches("roles:")
                        .split(',')
                        .any(|x| x == r)
                }),
            };
            let reply = if method == "GET" {
                browser.get(&path).await
            } else {
                browser.post(&path, &[]).await
            };
            let sent_to_sign_in = reply.status == StatusCode::SEE_OTHER
                && reply.location.starts_with("/sign-in?next=");
            let refused = matches!(
                reply.status,
                StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
            ) && reply.body.contains("<h1>")
                || sent_to_sign_in;
            let who = role.unwrap_or("anonymous");
            if allowed {
                let expected = allowed_answer(method, pattern, who);
                if reply.status.as_u16() != expected {
                    wrong.push(format!(
                        "{method} {path} as {who}: expected {expected}, got {} {}",
                        reply.status, reply.location
                    ));
                }
            } else {
                assert!(
                    refused,
                    "{method} {path} as {who} should be refused, got {} {}",
                    reply.status, reply.location
                );
                let expected = match (role, method.as_str(), pattern.starts_with("/api/")) {
                    (None, "GET", false) => StatusCode::SEE_OTHER,
                    (None, _, _) => StatusCode::UNAUTHORIZED,
                    (Some(_), _, _) => StatusCode::FORBIDDEN,
                };
                assert_eq!(reply.status, expected, "{method} {path} as {who}");
                seen_refusals.insert(expected.as_u16());
            }
            checked += 1;
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(checked, table.len() * 10);
    assert_eq!(
        seen_refusals.into_iter().collect::<Vec<_>>(),
        [303, 401, 403],
        "every kind of refusal happened"
    );
}

#[tokio::test]
async fn a_school_manager_uploads_a_roster_for_their_school_only() {
    let demo = demo();
    let manager = Browser::new(&demo.server);
    manager.sign_in_staff("hieutruong.demo").await;
    let header = "school_code,school_year,class,role,key,name,birth_year,family,secret";
    let good = format!(
        "{header}\nLC-W01-TH1,2026-2027,5A,teacher,co.mai.th,Vi Thị Mai,,,\n\
         LC-W01-TH1,2026-2027,5A,student,HS-501,Lò Văn Phúc,2015,,\n"
    );
    let done = upload(&manager, &good).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    assert!(
        done.body.contains("thêm 1 lớp"),
        "the summary, in Vietnamese"
    );
    assert!(
        done.body.contains("co.mai.th"),
        "the new teacher's first password is shown"
    );
    // What it made: the class with its code and teacher, and where its cards and letters are.
    let made = done
        .body
        .split("Các lớp trong tệp")
        .nth(1)
        .expect("the imported classes are listed");
    let id = made
        .split("href=\"/classes/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link to the class");
    assert!(
        made.contains(">5A</a>") && made.contains("Vi Thị Mai"),
        "{made}"
    );
    let code = made
        .split("<td class=\"code\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .expect("the class code");
    assert_eq!(code.len(), 11, "printed ABC-DEF-GHJ: {code}");
    assert!(made.contains(&format!("href=\"/classes/{id}/cards\"")));
    assert!(made.contains(&format!("href=\"/classes/{id}/letters\"")));
    let letters = manager.get(&format!("/classes/{id}/letters")).await;
    assert_eq!(letters.status, StatusCode::OK);
    assert!(
        letters.body.contains("Lò Văn Phúc"),
        "the family letter of the new student"
    );
    let again = upload(&manager, &good).await;
    assert!(
        again.body.contains("giữ nguyên 1"),
        "re-importing changes nothing"
    );
    assert!(
        !again.body.contains("co.mai.th</td>"),
        "no password the second time"
    );
    let classes = manager.get("/classes").await.body;
    assert!(
        classes.contains("5A"),
        "the new class is on the manager's list"
    );

    // Another school's row: refused, with the row, and nothing imported.
    let outside =
        format!("{header}\nLC-C02-THPT1,2026-2027,10A,student,HS-1001,Quàng Văn Hải,2011,,\n");
    let refused = upload(&manager, &outside).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("Dòng 2: đơn vị \"LC-C02-THPT1\" không thuộc các đơn vị anh/chị quản lý."),
        "{}",
        refused.body
    );

    // Without the token in the form, the upload is refused; a token in the address counts
    // for nothing.
    let token = manager.csrf().await;
    let (content_type, body) = multipart("", &good);
    let in_address = manager
        .client
        .post(format!("{}/roster?csrf={token}", demo.server.base))
        .header(header::CONTENT_TYPE, content_type.clone())
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(in_address.status(), StatusCode::FORBIDDEN);
    let no_token = manager
        .client
        .post(format!("{}/roster", demo.server.base))
        .header(header::CONTENT_TYPE, content_type)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(no_token.status(), StatusCode::FORBIDDEN);

    let teacher = Browser::new(&demo.server);
    teacher.sign_in_staff("giaovien.demo").await;
    assert_eq!(teacher.get("/roster").await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn changing_a_password_checks_the_old_one_and_ends_other_sessions() {
    let demo = demo();
    let phone = Browser::new(&demo.server);
    let laptop = Browser::new(&demo.server);
    phone.sign_in_staff("giaovien2.demo").await;
    laptop.sign_in_staff("giaovien2.demo").await;
    let new_password = "gió thổi qua rừng pơ mu trên núi";

    let wrong = laptop
        .post(
            "/account/password",
            &[("current", "not my password at all"), ("new", new_password)],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let weak = laptop
        .post(
            "/account/password",
            &[("current", PASSWORD), ("new", "giaovien2.demo-2026")],
        )
        .await;
    assert_eq!(
        weak.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "built from the username"
    );
    let ok = laptop
        .post(
            "/account/password",
            &[("current", PASSWORD), ("new", new_password)],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(ok.location, "/account?password-changed=1");
    assert_eq!(
        laptop.get("/account").await.status,
        StatusCode::OK,
        "a new session here"
    );
    assert_eq!(
        phone.get("/account").await.status,
        StatusCode::SEE_OTHER,
        "the other session ended"
    );

    let old = Browser::new(&demo.server)
        .sign_in_staff("giaovien2.demo")
        .await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    let new = Browser::new(&demo.server)
        .post(
            "/sign-in",
            &[
                ("kind", "staff"),
                ("username", "giaovien2.demo"),
                ("password", new_password),
            ],
        )
        .await;
    assert_eq!(new.status, StatusCode::SEE_OTHER);
}

/// The home unit of a staff member of the demo.
async fn unit_of(db: &sqlx::AnyPool, username: &str) -> i64 {
    sqlx::query_scalar("SELECT unit_id FROM people WHERE username = $1")
        .bind(username)
        .fetch_one(db)
        .await
        .unwrap()
}

/// The answer a caller the access table lets through gets from `method pattern` as the
/// every-route test fills it in (class 1 is 2A of LC-W01-TH1, the demo's first class; POSTs
/// carry only the CSRF token).
fn allowed_answer(method: &str, pattern: &str, who: &str) -> u16 {
    let staff = !matches!(who, "anonymous" | "student" | "parent");
    match (method, pattern) {
        // No such picture, and no such closed report: the object is missing, not refused.
        ("GET", "/content/{module}/images/{file}") => 404,
        ("GET", p) if p.starts_with("/coverage/{unit}/reports/{report}") => 404,
        // Another child's attempt: nobody else sees it (the API says "none").
        ("GET", "/modules/{id}/quiz/attempts/{attempt}") => 404,
        // The school view is of a school: a province's or the admin's home is none.
        ("GET", "/school" | "/school/{unit}/classes.csv" | "/school/{unit}/classes.xlsx")
            if who != "school-manager" =>
        {
            404
        }
        // A teacher of another school is outside a school manager's people.
        ("GET", "/people/{id}") if who == "school-manager" => 404,
        ("GET", _) => 200,
        // Forms posted with nothing but the token: refused as incomplete, each its own way.
        ("POST", "/modules/{id}/quiz") => 422,
        (
            "POST",
            "/lang" | "/sign-in" | "/roster" | "/staff" | "/counts" | "/classes/{id}/assignments",
        ) => 422,
        ("POST", "/coverage/{unit}/close") => 422,
        ("POST", "/sign-in/reset" | "/sign-up/family") => 401,
        // An empty current password is a wrong one; students have no password at all.
        ("POST", "/account/password") if who == "student" => 422,
        ("POST", "/account/password") => 401,
        // An empty set of pictures is a wrong try: five for one child, then everyone waits.
        ("POST", "/sign-in/class/{code}/{student}") => {
            if matches!(
                who,
                "anonymous" | "admin" | "unit-manager" | "school-manager" | "teacher"
            ) {
                401
            } else {
                429
            }
        }
        // Done, and back to the page that shows it.
        ("POST", "/sign-out") => 303,
        // Acting on one click needs the tick: without it, nothing is done.
        (
            "POST",
            "/families/{household}/new-code"
            | "/families/{household}/parents/{parent}/unlink"
            | "/classes/{id}/assignments/{module}/remove",
        ) => 422,
        ("POST", "/classes/{id}/students/{student}/reset") => 303,
        // Deleting a student needs the confirmation ticked: without it, nothing is deleted.
        ("POST", "/classes/{id}/students/{student}/delete") => 422,
        // A teacher of another school is outside a school manager's people.
        ("POST", "/people/{id}/password-reset" | "/people/{id}/reactivate")
            if who == "school-manager" =>
        {
            404
        }
        // A move with no role chosen, a deactivation not ticked: refused, nothing changed.
        ("POST", "/people/{id}/change" | "/people/{id}/deactivate") => 422,
        // Reactivating someone active changes nothing, and says it is done.
        ("POST", "/people/{id}/reactivate") => 303,
        ("POST", "/people/{id}/password-reset") if staff => 200,
        _ => 0,
    }
}

/// Object-level access: for every route that names a class, a student, an attempt, a
/// household or a unit, a caller in scope gets it and a caller of the same role out of scope
/// gets 404 (or 403 for a unit above them) — and an out-of-scope POST changes nothing.
#[tokio::test]
async fn every_object_route_serves_its_scope_and_nothing_beyond() {
    let demo = demo();
    let db = support::connect(&demo.server.database_url()).await;
    let signed_in = |username: &'static str| {
        let browser = Browser::new(&demo.server);
        async move {
            assert_eq!(
                browser.sign_in_staff(username).await.status,
                StatusCode::SEE_OTHER
            );
            browser
        }
    };
    let own_teacher = signed_in("giaovien.demo").await;
    let other_teacher = signed_in("giaovien2.demo").await;
    let own_head = signed_in("hieutruong.demo").await;
    let other_head_of_commune = signed_in("xa.demo").await;
    // Class 1 is 2A (giaovien.demo, LC-W01-TH1); 7A belongs to giaovien2.demo's school.
    let (code, students) = &demo.classes[0];
    let anonymous = Browser::new(&demo.server);
    let student = student_ids(&anonymous, code)
        .await
        .last()
        .unwrap()
        .1
        .clone();
    let dump = |db: sqlx::AnyPool| async move {
        let mut all = Vec::new();
        for table in [
            "assignments",
            "people",
            "households",
            "sessions",
            "audit_log",
        ] {
            let n: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM {table}"))
                .fetch_one(&db)
                .await
                .unwrap();
            all.push(n);
        }
        let secrets: Vec<Option<String>> =
            sqlx::query_scalar("SELECT secret FROM people WHERE class_id = 1 ORDER BY id")
                .fetch_all(&db)
                .await
                .unwrap();
        let codes: Vec<String> =
            sqlx::query_scalar("SELECT family_code FROM households ORDER BY id")
                .fetch_all(&db)
                .await
                .unwrap();
        (all, secrets, codes)
    };
    let vietnam = time::UtcOffset::from_hms(7, 0, 0).unwrap();
    let due = (time::OffsetDateTime::now_utc().to_offset(vietnam).date()
        + time::Duration::days(10))
    .to_string();
    let due = due.as_str();
    let gets = [
        "/classes/1".to_owned(),
        "/classes/1/cards".to_owned(),
        "/classes/1/letters".to_owned(),
        "/classes/1/progress.csv".to_owned(),
        "/classes/1/progress.xlsx".to_owned(),
        format!("/classes/1/students/{student}"),
        "/api/people/class?id=1".to_owned(),
        "/api/assignments/class?id=1&lang=Vi".to_owned(),
        "/api/assignments/class-page?id=1&lang=Vi".to_owned(),
        format!("/api/assignments/student?class=1&student={student}&lang=Vi"),
        "/api/accounts/letters?class=1".to_owned(),
    ];
    for path in &gets {
        let path = path.as_str();
        let outside = other_teacher.get(path).await;
        let inside = own_teacher.get(path).await;
        assert_eq!(inside.status, StatusCode::OK, "{path} for its teacher");
        if path.starts_with("/api/") {
            // A server function answers "none" for what is not yours.
            assert_eq!(outside.status, StatusCode::OK, "{path}");
            assert_eq!(outside.body.trim(), "null", "{path}: {}", outside.body);
            assert!(inside.body.trim() != "null", "{path}");
        } else {
            assert_eq!(
                outside.status,
                StatusCode::NOT_FOUND,
                "{path} for another school's teacher"
            );
            assert!(
                !outside.body.contains(&students[0].0),
                "{path}: no child's name"
            );
        }
    }

    // POSTs on a foreign class: 404, and the database is unchanged.
    let before = dump(db.clone()).await;
    let posts: Vec<(String, Vec<(&str, &str)>)> = vec![
        (
            "/classes/1/assignments".to_owned(),
            vec![("module", "my-body-belongs-to-me"), ("due", due)],
        ),
        (
            "/classes/1/assignments/my-body-belongs-to-me/remove".to_owned(),
            vec![("confirm", "yes")],
        ),
        (format!("/classes/1/students/{student}/reset"), vec![]),
        (
            format!("/classes/1/students/{student}/reset"),
            vec![("new_secret", "1")],
        ),
    ];
    for (path, form) in &posts {
        let reply = other_teacher.post(path, form).await;
        assert_eq!(
            reply.status,
            StatusCode::NOT_FOUND,
            "{path} {form:?} by another school's teacher"
        );
    }
    // A household and a unit out of a manager's scope.
    let household: i64 = sqlx::query_scalar(
        "SELECT h.id FROM households h JOIN people p ON p.household_id = h.id WHERE p.class_id = 1 LIMIT 1",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    let reply = other_head_of_commune
        .post(
            &format!("/families/{household}/new-code"),
            &[("confirm", "yes")],
        )
        .await;
    assert_eq!(
        reply.status,
        StatusCode::NOT_FOUND,
        "another commune's household"
    );
    assert_eq!(dump(db.clone()).await, before, "nothing changed");

    // The same requests in scope do what they say.
    let assigned = own_teacher.post(&posts[0].0, &posts[0].1).await;
    assert_eq!(assigned.status, StatusCode::SEE_OTHER);
    assert_eq!(
        own_head
            .post(
                &format!("/families/{household}/new-code"),
                &[("confirm", "yes")]
            )
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_ne!(dump(db.clone()).await, before);

    // Coverage: a school manager sees their school, never the province above it.
    let school = unit_of(&db, "hieutruong.demo").await;
    let province = unit_of(&db, "tinh.demo").await;
    assert_eq!(
        own_head.get(&format!("/coverage/{school}")).await.status,
        StatusCode::OK
    );
    for path in [
        format!("/coverage/{province}"),
        format!("/coverage/{province}/print"),
        format!("/coverage/{province}/export.csv"),
    ] {
        let status = own_head.get(&path).await.status;
        assert!(
            status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN,
            "{path} for a school manager: {status}"
        );
    }

    // Attempts: a child's own, and nobody else's.
    let attempt: (i64, String) = sqlx::query_as(
        "SELECT a.id, a.module_id FROM attempts a JOIN people p ON p.id = a.person_id \
         WHERE p.display_name = 'Lò Văn An' LIMIT 1",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    let path = format!("/modules/{}/quiz/attempts/{}", attempt.1, attempt.0);
    let sign_in_child = |name: &'static str| {
        let browser = Browser::new(&demo.server);
        let secret = students.iter().find(|(n, _)| n == name).unwrap().1.clone();
        async move {
            let id = student_id(&browser, code, name).await;
            student_sign_in(&browser, code, &id, &secret_fields(&secret)).await;
            browser
        }
    };
    let owner = sign_in_child("Lò Văn An").await;
    let classmate = sign_in_child("Tòng Thị Bình").await;
    assert_eq!(owner.get(&path).await.status, StatusCode::OK);
    assert_eq!(classmate.get(&path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(own_teacher.get(&path).await.status, StatusCode::NOT_FOUND);
}
