//! A school lab and a province office at once, against the release binary on loopback with
//! the demo (`cargo bench -p safesteps-benches --bench lab`; `SAFESTEPS_BIN` to pick a binary).
//!
//! Goose (a load-testing library from crates.io) drives it, because the lab is a journey per
//! child, not one URL: class code → their name → PIN (with the page's CSRF token) → `/learn`
//! → every lesson → the quiz (its one-time submission key) → send → the result → sign out.
//! wrk or oha hammer a single request; Goose runs stateful users (a cookie jar each) and keeps
//! per-request timings and failures.
//!
//! The lab: a class of 40 students (imported through `/roster`, as a school does) signs in
//! within the same minute, 13 children at a time, each reading the module's lessons and sending
//! its quiz, three times over; meanwhile two teacher sessions refresh the class page and the
//! province's manager reads the coverage pages — 16 concurrent clients in all, no think time
//! (the worst case). Before that, the bell: all 40 children send their PINs at the same
//! moment, each in their own browser, three times; any child not signed in is an error.
//! Prints throughput, p50/p99 and failures per step, when the whole class was signed in, and
//! the server's peak resident memory. On SQLite by default; `SAFESTEPS_BENCH_POSTGRES=URL` (an
//! empty PostgreSQL database) runs it on PostgreSQL.

mod support;

use goose::config::GooseConfiguration;
use goose::metrics::GooseRequestMetricAggregate;
use goose::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

const CLASS_SIZE: usize = 40;
/// The lab is run this many times in a row (the same class signing in again), so the
/// percentiles rest on more than one burst.
const ROUNDS: usize = 3;
/// Children signing in at the same time (with 2 teachers and a manager: 16 clients).
const STUDENT_CLIENTS: usize = 13;
const MODULE: &str = "my-body-belongs-to-me";
const PASSWORD: &str = safesteps_app::demo::DEMO_PASSWORD;

/// What the virtual users need, found during the setup.
struct Lab {
    /// Each child's sign-in page (`/sign-in/class/{code}/{id}`) and PIN.
    students: Vec<(String, String)>,
    class_code: String,
    class_id: String,
    school_unit: String,
    lessons: Vec<String>,
    /// The right answers of the quiz's whole bank as form fields.
    answers: Vec<(String, String)>,
    started: Instant,
}

static LAB: OnceLock<Lab> = OnceLock::new();
static NEXT_STUDENT: AtomicUsize = AtomicUsize::new(0);
/// When each child's sign-in completed, after the start.
static SIGNED_IN: Mutex<Vec<Duration>> = Mutex::new(Vec::new());

fn lab() -> &'static Lab {
    LAB.get().expect("the lab is set up")
}

fn main() {
    support::block_on(run());
}

async fn run() {
    let dir = std::env::temp_dir().join(format!("safesteps-lab-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temp folder");
    let url = support::postgres().unwrap_or_else(|| format!("sqlite://{}/lab.db", dir.display()));
    println!(
        "database: {}",
        if url.starts_with("sqlite:") {
            "SQLite"
        } else {
            "PostgreSQL"
        }
    );
    let server = support::Server::start(&url, &["--demo"]);
    let base = server.base.clone();
    let setup = set_up(&base, &url).await;
    let _ = LAB.set(setup);
    let before = server.peak_memory_mb();
    println!(
        "lab: {CLASS_SIZE} students in class {}, {STUDENT_CLIENTS} signing in at a time, 2 teachers, 1 manager; {} lessons and the quiz each",
        lab().class_code,
        lab().lessons.len()
    );

    // The bell: the whole class sends its PINs at the same moment, ROUNDS times.
    let bell = the_bell(&base).await;

    let mut config = GooseConfiguration::default();
    // Each child's journey is one iteration; 13 clients × 10 cover the 40 children three
    // times. (Set here: Goose 0.18 does not take `Iterations` from `set_default`.)
    config.iterations = (CLASS_SIZE * ROUNDS).div_ceil(STUDENT_CLIENTS);
    let users = STUDENT_CLIENTS + 3;
    let metrics = GooseAttack::initialize_with_config(config)
        .expect("goose")
        .register_scenario(
            scenario!("Student")
                .set_weight(STUDENT_CLIENTS)
                .expect("weight")
                .register_transaction(transaction!(student_journey)),
        )
        .register_scenario(
            scenario!("Teacher")
                .set_weight(2)
                .expect("weight")
                .register_transaction(transaction!(teacher_sign_in).set_on_start())
                .register_transaction(transaction!(class_page).set_weight(10).expect("weight")),
        )
        .register_scenario(
            scenario!("Manager")
                .set_weight(1)
                .expect("weight")
                .register_transaction(transaction!(manager_sign_in).set_on_start())
                .register_transaction(transaction!(coverage_pages).set_weight(5).expect("weight")),
        )
        .set_default(GooseDefault::Host, base.as_str())
        .expect("host")
        .set_default(GooseDefault::Users, users)
        .expect("users")
        .set_default(GooseDefault::HatchRate, "100")
        .expect("hatch rate")
        // Each child's journey is one iteration; 13 clients × 4 covers the 40.
        .set_default(
            GooseDefault::Iterations,
            CLASS_SIZE.div_ceil(STUDENT_CLIENTS),
        )
        .expect("iterations")
        .set_default(GooseDefault::NoPrintMetrics, true)
        .expect("quiet")
        .set_default(GooseDefault::Quiet, 1)
        .expect("quiet")
        .execute()
        .await
        .expect("the load test ran");

    let mut names: Vec<&String> = metrics.requests.keys().collect();
    names.sort();
    let seconds = metrics.duration.max(1) as f64;
    println!(
        "\n{:<36} {:>6} {:>8} {:>8} {:>8} {:>7}",
        "step", "count", "req/s", "p50 ms", "p99 ms", "errors"
    );
    let mut worst_p99 = 0;
    let mut errors = 0;
    for name in names {
        let r = &metrics.requests[name];
        let (p50, p99) = (percentile(r, 0.50), percentile(r, 0.99));
        worst_p99 = worst_p99.max(p99);
        errors += r.fail_count;
        println!(
            "{:<36} {:>6} {:>8.1} {:>8} {:>8} {:>7}",
            name,
            r.success_count + r.fail_count,
            (r.success_count + r.fail_count) as f64 / seconds,
            p50,
            p99,
            r.fail_count
        );
    }
    {
        let mut times = bell.times.clone();
        times.sort();
        let at = |p: f64| {
            times
                .get(((times.len() as f64 * p).ceil() as usize).saturating_sub(1))
                .map_or(0, |d| d.as_millis())
        };
        println!(
            "{:<36} {:>6} {:>8} {:>8} {:>8} {:>7}",
            "0 the bell: 40 PINs at once",
            times.len(),
            "",
            at(0.50),
            at(0.99),
            bell.refused
        );
        errors += bell.refused;
    }
    let mut signed = SIGNED_IN.lock().map(|v| v.clone()).unwrap_or_default();
    signed.sort();
    let whole_class = signed.get(CLASS_SIZE - 1).copied().unwrap_or_default();
    println!(
        "\n{} of {} sign-ins done; the whole class of {CLASS_SIZE} was signed in {:.1} s after the start",
        signed.len(),
        CLASS_SIZE * ROUNDS,
        whole_class.as_secs_f64()
    );
    let journeys = JOURNEY_FAILURES
        .lock()
        .map(|v| v.clone())
        .unwrap_or_default();
    println!(
        "worst p99 {worst_p99} ms; {errors} failed requests; {} failed journeys {journeys:?}; run {} s",
        journeys.len(),
        metrics.duration,
    );
    println!(
        "server peak memory {:.0} MB ({before:.0} MB before the lab: the demo loaded, its staff signed in)",
        server.peak_memory_mb()
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The response time at `p` of a request, in ms (Goose keeps times in rounded buckets).
fn percentile(r: &GooseRequestMetricAggregate, p: f64) -> usize {
    let total: usize = r.raw_data.times.values().sum();
    let wanted = ((total as f64) * p).ceil().max(1.0) as usize;
    let mut seen = 0;
    for (ms, count) in &r.raw_data.times {
        seen += count;
        if seen >= wanted {
            return *ms;
        }
    }
    r.raw_data.maximum_time
}

/// Imports a class of 40 through the school manager's `/roster` page, then reads its code,
/// its children's sign-in pages and the module's lessons and answer key.
async fn set_up(base: &str, database_url: &str) -> Lab {
    let client = || {
        reqwest::Client::builder()
            .cookie_store(true)
            .build()
            .expect("a client")
    };
    let head = client();
    support::sign_in_staff(&head, base, "hieutruong.demo", PASSWORD).await;
    let mut roster = String::from(
        "school_code,school_year,class,role,key,name,birth_year,family,secret\n\
         LC-W01-TH1,2026-2027,4B,teacher,giaovien.demo,Cô giáo Mẫu,,,\n",
    );
    let pins: Vec<String> = (0..CLASS_SIZE)
        .map(|n| format!("{:04}", 1000 + n * 137))
        .collect();
    for (n, pin) in pins.iter().enumerate() {
        roster.push_str(&format!(
            "LC-W01-TH1,2026-2027,4B,student,LAB-{n:02},Học Sinh Thử {n:02},2016,,{pin}\n"
        ));
    }
    let page = support::page(&head, &format!("{base}/roster")).await;
    let csrf = support::field(&page, "csrf").expect("a CSRF field");
    let form = reqwest::multipart::Form::new().text("csrf", csrf).part(
        "file",
        reqwest::multipart::Part::text(roster).file_name("lab.csv"),
    );
    let done = head
        .post(format!("{base}/roster"))
        .multipart(form)
        .send()
        .await
        .expect("upload")
        .text()
        .await
        .expect("text");
    let made = done
        .split(">4B</a>")
        .next()
        .and_then(|before| before.rsplit("href=\"/classes/").next())
        .and_then(|rest| rest.split('"').next())
        .expect("the imported class")
        .to_owned();
    let code = done
        .split(">4B</a>")
        .nth(1)
        .and_then(|after| after.split("<td class=\"code\">").nth(1))
        .and_then(|rest| rest.split('<').next())
        .expect("its class code")
        .to_owned();
    let names = support::page(&client(), &format!("{base}/sign-in/class?code={code}")).await;
    let students = (0..CLASS_SIZE)
        .map(|n| {
            let name = format!("Học Sinh Thử {n:02}");
            let at = names
                .find(&format!(">{name}<"))
                .expect("every child is listed");
            let href = names[..at]
                .rsplit("href=\"")
                .next()
                .and_then(|h| h.split('"').next())
                .expect("a link");
            (href.to_owned(), pins[n].clone())
        })
        .collect();
    let db = safesteps_app::store::open(database_url)
        .await
        .expect("the database");
    let school_unit = safesteps_app::store::org::by_code(&db, "LC-W01-TH1")
        .await
        .expect("read the school")
        .expect("the school")
        .id;
    db.close().await;
    let school_unit = school_unit.to_string();
    let loaded = safesteps_app::catalog::load(&support::root().join("content"));
    let module = loaded.catalog.module(MODULE).expect("the module");
    Lab {
        students,
        class_code: code,
        class_id: made,
        school_unit,
        lessons: module
            .module
            .lessons
            .iter()
            .map(|l| l.id.as_str().to_owned())
            .collect(),
        answers: module
            .module
            .quiz
            .questions
            .iter()
            .flat_map(|q| {
                q.answer
                    .iter()
                    .map(move |a| (format!("q-{}", q.id.as_str()), a.as_str().to_owned()))
            })
            .collect(),
        started: Instant::now(),
    }
}

/// What the bell measured: each sign-in's time, and how many children were not signed in.
struct Bell {
    times: Vec<Duration>,
    refused: usize,
}

/// A lesson starts: every child of the class, each in their own browser on the lab's one
/// address, opens their PIN page, then all send their right PIN at the same moment; ROUNDS
/// times. A child not signed in (told to wait, or anything else) is a refusal, counted as an
/// error: right PINs sent at once must never refuse each other.
async fn the_bell(base: &str) -> Bell {
    let mut bell = Bell {
        times: Vec::new(),
        refused: 0,
    };
    for _ in 0..ROUNDS {
        let barrier = std::sync::Arc::new(tokio::sync::Barrier::new(CLASS_SIZE));
        let mut tries = tokio::task::JoinSet::new();
        for (page, pin) in lab().students.clone() {
            let (barrier, url) = (barrier.clone(), format!("{base}{page}"));
            tries.spawn(async move {
                let client = reqwest::Client::builder()
                    .cookie_store(true)
                    .redirect(reqwest::redirect::Policy::none())
                    .build()
                    .expect("a client");
                let form_page = support::page(&client, &url).await;
                let csrf = support::field(&form_page, "csrf").unwrap_or_default();
                barrier.wait().await;
                let started = Instant::now();
                let status = client
                    .post(&url)
                    .form(&[("csrf", csrf), ("pin", pin)])
                    .send()
                    .await
                    .map(|r| r.status());
                (started.elapsed(), status)
            });
        }
        for (took, status) in tries.join_all().await {
            bell.times.push(took);
            if !matches!(status, Ok(s) if s == reqwest::StatusCode::SEE_OTHER) {
                bell.refused += 1;
            }
        }
    }
    bell
}

/// Journeys that went wrong in a way the status code does not show (a page without the
/// field the next step needs, a sign-in that did not sign in).
static JOURNEY_FAILURES: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

fn journey_failed(what: &'static str) -> TransactionResult {
    if let Ok(mut failures) = JOURNEY_FAILURES.lock() {
        failures.push(what);
    }
    Ok(())
}

async fn text(
    user: &mut GooseUser,
    path: &str,
    name: &str,
) -> Result<String, Box<TransactionError>> {
    let response = user.get_named(path, name).await?;
    match response.response {
        Ok(r) => r.text().await.map_err(|e| Box::new(e.into())),
        Err(e) => Err(Box::new(e.into())),
    }
}

async fn post(
    user: &mut GooseUser,
    path: &str,
    name: &str,
    form: &[(String, String)],
) -> Result<String, Box<TransactionError>> {
    let builder = user
        .get_request_builder(&GooseMethod::Post, path)?
        .form(form);
    let request = GooseRequest::builder()
        .method(GooseMethod::Post)
        .path(path)
        .name(name)
        .set_request_builder(builder)
        .build();
    let response = user.request(request).await?;
    match response.response {
        Ok(r) => r.text().await.map_err(|e| Box::new(e.into())),
        Err(e) => Err(Box::new(e.into())),
    }
}

/// One child, from the class code to the result, then signing out (the next child uses the
/// same computer).
async fn student_journey(user: &mut GooseUser) -> TransactionResult {
    let lab = lab();
    let n = NEXT_STUDENT.fetch_add(1, Ordering::SeqCst);
    if n >= CLASS_SIZE * ROUNDS {
        return Ok(());
    }
    let Some((page, pin)) = lab.students.get(n % CLASS_SIZE) else {
        return Ok(());
    };
    text(
        user,
        &format!("/sign-in/class?code={}", lab.class_code),
        "1 class code → names",
    )
    .await?;
    let form_page = text(user, page, "2 name → PIN page").await?;
    let Some(csrf) = support::field(&form_page, "csrf") else {
        return journey_failed("no CSRF field on the PIN page");
    };
    let learn = post(
        user,
        page,
        "3 PIN → /learn",
        &[("csrf".to_owned(), csrf), ("pin".to_owned(), pin.clone())],
    )
    .await?;
    if !learn.contains("/sign-out") {
        return journey_failed("the PIN did not sign the child in");
    }
    if let Ok(mut signed) = SIGNED_IN.lock() {
        signed.push(lab.started.elapsed());
    }
    for lesson in &lab.lessons {
        text(
            user,
            &format!("/modules/{MODULE}/lessons/{lesson}"),
            "4 lesson",
        )
        .await?;
    }
    let quiz = text(user, &format!("/modules/{MODULE}/quiz"), "5 quiz page").await?;
    let (Some(csrf), Some(key)) = (
        support::field(&quiz, "csrf"),
        support::field(&quiz, "submission"),
    ) else {
        return journey_failed("no quiz form");
    };
    let mut form = vec![("csrf".to_owned(), csrf), ("submission".to_owned(), key)];
    // The draw the page shows; the answers are the whole bank's (the undrawn are dropped).
    form.extend(support::field(&quiz, "draw").map(|d| ("draw".to_owned(), d)));
    form.extend(lab.answers.iter().cloned());
    let result = post(
        user,
        &format!("/modules/{MODULE}/quiz"),
        "6 send quiz → result",
        &form,
    )
    .await?;
    if !result.contains("Đúng 6 / 6") {
        return journey_failed("the result is not a pass");
    }
    let Some(csrf) = support::field(&result, "csrf") else {
        return journey_failed("no CSRF field on the result");
    };
    post(
        user,
        "/sign-out",
        "7 sign out",
        &[("csrf".to_owned(), csrf)],
    )
    .await?;
    Ok(())
}

async fn staff_sign_in(user: &mut GooseUser, username: &str, name: &str) -> TransactionResult {
    let page = text(user, "/sign-in", name).await?;
    let Some(csrf) = support::field(&page, "csrf") else {
        return journey_failed("no CSRF field on the sign-in page");
    };
    let form = [
        ("csrf", csrf.as_str()),
        ("kind", "staff"),
        ("username", username),
        ("password", PASSWORD),
    ]
    .map(|(k, v)| (k.to_owned(), v.to_owned()));
    post(user, "/sign-in", name, &form).await?;
    Ok(())
}

async fn teacher_sign_in(user: &mut GooseUser) -> TransactionResult {
    staff_sign_in(user, "giaovien.demo", "teacher: sign in").await
}

async fn class_page(user: &mut GooseUser) -> TransactionResult {
    text(
        user,
        &format!("/classes/{}", lab().class_id),
        "teacher: class page",
    )
    .await?;
    Ok(())
}

async fn manager_sign_in(user: &mut GooseUser) -> TransactionResult {
    staff_sign_in(user, "tinh.demo", "manager: sign in").await
}

async fn coverage_pages(user: &mut GooseUser) -> TransactionResult {
    text(user, "/coverage", "manager: province coverage").await?;
    let school = lab().school_unit.clone();
    text(
        user,
        &format!("/coverage/{school}"),
        "manager: school coverage",
    )
    .await?;
    Ok(())
}
