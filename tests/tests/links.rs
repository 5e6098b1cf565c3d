//! Every page a role may open is reachable by links alone: for each role, a walk from the home
//! page following `<a href>` (and the address of each `method="get"` form) must reach every
//! page of the access table that role may open. A page reachable only by typing its address
//! fails it.

mod support;

use std::collections::{BTreeSet, HashSet, VecDeque};
use support::binary;
use support::web::*;

/// The access table as the binary prints it: method, route pattern, who.
fn access_table() -> Vec<(String, String, String)> {
    let output = std::process::Command::new(binary())
        .arg("access-table")
        .output()
        .expect("run safesteps access-table");
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .filter_map(|line| {
            let mut parts = line.split('\t');
            Some((
                parts.next()?.to_owned(),
                parts.next()?.to_owned(),
                parts.next()?.to_owned(),
            ))
        })
        .collect()
}

fn allows(access: &str, role: Option<&str>) -> bool {
    match access {
        "anyone" => true,
        "signed-in" => role.is_some(),
        roles => role.is_some_and(|r| {
            roles
                .trim_start_matches("roles:")
                .split(',')
                .any(|x| x == r)
        }),
    }
}

/// Whether `path` (no query) is an instance of `pattern` (`/classes/{id}`).
fn matches(pattern: &str, path: &str) -> bool {
    let p: Vec<&str> = pattern.split('/').collect();
    let q: Vec<&str> = path.split('/').collect();
    p.len() == q.len()
        && p.iter()
            .zip(&q)
            .all(|(a, b)| (a.starts_with('{') && !b.is_empty()) || a == b)
}

/// The pages a role should find by links: the GET routes it may open, but not the data
/// behind the pages (`/api/…`), the health probe, pictures inside lessons, nor, once signed
/// in, the pages for signing in and up.
fn pages_for(table: &[(String, String, String)], role: Option<&str>) -> BTreeSet<String> {
    table
        .iter()
        .filter(|(method, pattern, access)| {
            method == "GET"
                && allows(access, role)
                && !pattern.starts_with("/api/")
                && pattern != "/healthz"
                && !pattern.starts_with("/content/")
                && !(role.is_some()
                    && (pattern.starts_with("/sign-in") || pattern.starts_with("/sign-up")))
        })
        .map(|(_, pattern, _)| pattern.clone())
        .collect()
}

/// Pages reached another way than by a link, and why: the walk does not type, submit or
/// earn anything.
fn reached_otherwise(
    pattern: &str,
    role: Option<&str>,
    has_certificates: bool,
) -> Option<&'static str> {
    match pattern {
        "/modules/{id}/quiz/attempts/{attempt}" => {
            Some("the quiz's answer: reached by submitting it")
        }
        "/sign-in/class/{code}/{student}" => Some("reached by typing the class code on the board"),
        "/certificates/{code}" if !has_certificates => Some(
            "a certificate's address, printed on it; only staff who completed a module have one",
        ),
        "/account/password" if role == Some("student") => Some("a student has no password"),
        _ => None,
    }
}

/// The same-site targets of a page's links and of its `method="get"` forms.
fn links(page: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (marker, attribute) in [("<a ", "href=\""), ("<form ", "action=\"")] {
        for tag in page.split(marker).skip(1) {
            let tag = tag.split('>').next().unwrap_or("");
            if marker == "<form " && !tag.contains("method=\"get\"") {
                continue;
            }
            if let Some(value) = tag
                .split(attribute)
                .nth(1)
                .and_then(|rest| rest.split('"').next())
            {
                let value = value.replace("&amp;", "&");
                if value.starts_with('/') && !value.starts_with("//") {
                    found.push(value.split('#').next().unwrap_or("").to_owned());
                }
            }
        }
        // A GET form without an action posts to its own page: nothing new.
    }
    found
}

/// Walks from `/` by links; returns the patterns reached.
async fn walk(
    browser: &Browser,
    table: &[(String, String, String)],
    wanted: &BTreeSet<String>,
) -> BTreeSet<String> {
    let mut reached = BTreeSet::new();
    let mut seen = HashSet::new();
    let mut queue = VecDeque::from(["/".to_owned()]);
    // Enough for every module, lesson and class of the demo, few enough to end quickly.
    let mut budget = 600;
    while let Some(address) = queue.pop_front() {
        if budget == 0 {
            break;
        }
        budget -= 1;
        let path = address.split('?').next().unwrap_or("").to_owned();
        if let Some((_, pattern, _)) = table
            .iter()
            .find(|(method, pattern, _)| method == "GET" && matches(pattern, &path))
        {
            reached.insert(pattern.clone());
            // Files are reached by their link; there is nothing in them to follow.
            if pattern.ends_with(".csv") || pattern.ends_with(".xlsx") || pattern.ends_with(".json")
            {
                continue;
            }
        }
        if reached.is_superset(wanted) {
            break;
        }
        let page = browser.get(&address).await;
        if std::env::var("LINKS_DEBUG").is_ok() {
            eprintln!("{} {address}", page.status);
        }
        if !page.status.is_success() {
            continue;
        }
        // Each kind of page has its own title, after which comes the name of SafeSteps.
        let title = page
            .body
            .split("<title>")
            .nth(1)
            .and_then(|rest| rest.split("</title>").next())
            .unwrap_or("");
        assert!(
            path == "/" || title.ends_with(" · Bước An Toàn"),
            "{address} has the title {title:?}"
        );
        for link in links(&page.body) {
            // The same page in another year or sort order adds nothing but time.
            let key = link.split('?').next().unwrap_or("").to_owned();
            let query_kind = link
                .split('?')
                .nth(1)
                .map(|q| q.split('=').next().unwrap_or("").to_owned());
            if seen.insert((key, query_kind)) {
                queue.push_back(link);
            }
        }
    }
    reached
}

#[tokio::test]
async fn every_page_a_role_may_open_is_reachable_by_links_from_the_home_page() {
    let table = access_table();
    let demo = demo();
    let mut missing = Vec::new();
    let mut callers: Vec<(Option<&str>, Browser)> = vec![(None, Browser::new(&demo.server))];
    for (role, username) in [
        ("admin", "admin.demo"),
        ("unit-manager", "xa.demo"),
        ("school-manager", "hieutruong.demo"),
        ("teacher", "giaovien.demo"),
        ("protection-officer", "baove.demo"),
        ("health-worker", "yte.demo"),
        ("police-officer", "congan.demo"),
    ] {
        let browser = Browser::new(&demo.server);
        let signed = browser.sign_in_staff(username).await;
        assert_eq!(signed.status, reqwest::StatusCode::SEE_OTHER, "{username}");
        callers.push((Some(role), browser));
    }
    let parent = Browser::new(&demo.server);
    parent.sign_in_parent().await;
    callers.push((Some("parent"), parent));
    let (code, students) = &demo.classes[0];
    let student = Browser::new(&demo.server);
    let (name, secret) = &students[0];
    let id = student_id(&student, code, name).await;
    let signed = student_sign_in(&student, code, &id, &secret_fields(secret)).await;
    assert_eq!(signed.status, reqwest::StatusCode::SEE_OTHER);
    callers.push((Some("student"), student));

    // A closed report of every manager's unit, to be found on their coverage pages.
    let db = support::connect(&demo.server.database_url()).await;
    for (role, browser) in &callers {
        if !matches!(*role, Some("admin" | "unit-manager" | "school-manager")) {
            continue;
        }
        let page = browser.get("/coverage").await;
        let form = page
            .body
            .split("action=\"/coverage/")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("a close form on a manager's coverage page")
            .to_owned();
        let year = field(&page.body, "year");
        let closed = browser
            .post(&format!("/coverage/{form}"), &[("year", &year)])
            .await;
        assert_eq!(
            closed.status,
            reqwest::StatusCode::SEE_OTHER,
            "{}",
            closed.body
        );
    }
    let usernames = [
        ("admin", "admin.demo"),
        ("unit-manager", "xa.demo"),
        ("school-manager", "hieutruong.demo"),
        ("teacher", "giaovien.demo"),
        ("protection-officer", "baove.demo"),
        ("health-worker", "yte.demo"),
        ("police-officer", "congan.demo"),
    ];
    for (role, browser) in &callers {
        let username = usernames
            .iter()
            .find(|(r, _)| Some(*r) == *role)
            .map(|(_, u)| *u);
        let has_certificates = match username {
            Some(username) => {
                sqlx::query_scalar::<_, i64>(
                    "SELECT count(*) FROM completions c JOIN people p ON p.id = c.person_id \
                 WHERE p.username = $1",
                )
                .bind(username)
                .fetch_one(&db)
                .await
                .unwrap()
                    > 0
            }
            None => false,
        };
        let wanted: BTreeSet<String> = pages_for(&table, *role)
            .into_iter()
            .filter(|p| reached_otherwise(p, *role, has_certificates).is_none())
            .collect();
        let reached = walk(browser, &table, &wanted).await;
        for page in wanted.difference(&reached) {
            missing.push(format!("{}: {page}", role.unwrap_or("anonymous")));
        }
    }
    assert!(
        missing.is_empty(),
        "pages no link leads to:\n{}",
        missing.join("\n")
    );
}
