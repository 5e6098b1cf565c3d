//! Teaching over HTTP: what the class gets wrong (question insight from a hand-built set of
//! attempts), a student's record, assigning one module to several classes, the age check,
//! and the class table's CSV/XLSX (the same numbers as the page, formula cells neutralised) —
//! with who may see each.

mod support;

use reqwest::StatusCode;
use support::web::{demo, Browser, Demo};

const MODULE: &str = "my-body-belongs-to-me";

async fn database(demo: &Demo) -> sqlx::AnyPool {
    support::connect(&demo.server.database_url()).await
}

async fn staff(demo: &Demo, username: &str) -> Browser {
    let browser = Browser::new(&demo.server);
    assert_eq!(
        browser.sign_in_staff(username).await.status,
        StatusCode::SEE_OTHER,
        "{username}"
    );
    browser
}

/// The students of class 1 (2A), in id order.
async fn students_of_2a(db: &sqlx::AnyPool) -> Vec<(i64, String)> {
    sqlx::query_as(
        "SELECT id, display_name FROM people WHERE class_id = 1 AND role = 'student' ORDER BY id",
    )
    .fetch_all(db)
    .await
    .unwrap()
}

/// A second class of 2A's school and year, 2B, for the demo's teacher, with one student born
/// eight years ago; its id.
async fn class_2b(db: &sqlx::AnyPool) -> i64 {
    let (school, year): (i64, String) =
        sqlx::query_as("SELECT school_id, school_year FROM classes WHERE id = 1")
            .fetch_one(db)
            .await
            .unwrap();
    let second: i64 = sqlx::query_scalar(
        "INSERT INTO classes (school_id, school_year, name, code) VALUES ($1, $2, '2B', 'TST2BCODE') \
         RETURNING id",
    )
    .bind(school)
    .bind(&year)
    .fetch_one(db)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO class_teachers (class_id, person_id) \
         SELECT $1, id FROM people WHERE username = 'giaovien.demo'",
    )
    .bind(second)
    .execute(db)
    .await
    .unwrap();
    sqlx::query(
        "INSERT INTO people (role, display_name, unit_id, class_id, birth_year, created_at) \
         VALUES ('student', 'Lò Thị Test', $1, $2, $3, 0)",
    )
    .bind(school)
    .bind(second)
    .bind(this_year() - 8)
    .execute(db)
    .await
    .unwrap();
    second
}

/// A date every assign form accepts: 15 January of next year.
fn next_january() -> String {
    format!("{}-01-15", this_year() + 1)
}

/// This year (UTC; the tests never run on New Year's Eve in Vietnam's last hours, and the
/// dates they make are a year apart).
fn this_year() -> i64 {
    i64::from(time::OffsetDateTime::now_utc().year())
}

fn now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// Stores an attempt as the server would have: answers as JSON, graded fields filled.
/// Stores an attempt as the server would: its answers and the draw it asked (JSON).
async fn attempt(
    db: &sqlx::AnyPool,
    person: i64,
    key: &str,
    (answers, draw): (serde_json::Value, serde_json::Value),
) {
    sqlx::query(
        "INSERT INTO attempts (person_id, module_id, content_version, submission_key, answers, \
         correct, total, percent, passed, submitted_at, draw) VALUES ($1, $2, 1, $3, $4, 0, 6, 0, \
         FALSE, $5, $6)",
    )
    .bind(person)
    .bind(MODULE)
    .bind(key)
    .bind(answers.to_string())
    .bind(now())
    .bind(draw.to_string())
    .execute(db)
    .await
    .unwrap();
}

/// The cells of each `<tr>` in `html` that has any (`<td>`s and the `<th scope="row">`), in
/// the order of the page, markup inside cells and Leptos' `<!>` markers removed.
fn rows(html: &str) -> Vec<Vec<String>> {
    html.split("<tr")
        .skip(1)
        .map(|row| {
            let row = &row[..row.find("</tr>").unwrap_or(row.len())];
            let mut cells = Vec::new();
            let mut rest = row;
            loop {
                let td = rest.find("<td");
                let th = rest.find("<th scope=\"row\"");
                let start = match (td, th) {
                    (Some(a), Some(b)) => a.min(b),
                    (Some(a), None) | (None, Some(a)) => a,
                    (None, None) => break,
                };
                let cell = &rest[start..];
                let open = cell.find('>').unwrap() + 1;
                let end = cell.find("</t").unwrap_or(cell.len());
                cells.push(strip_tags(&cell[open..end]));
                rest = &cell[end.max(open)..];
            }
            cells
        })
        .filter(|cells| !cells.is_empty())
        .collect()
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .trim()
        .to_owned()
}

fn section<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("no {start} in the page"));
    let rest = &page[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

fn csv_records(bytes: &[u8]) -> Vec<Vec<String>> {
    assert!(bytes.starts_with("\u{feff}".as_bytes()), "UTF-8 with a BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[tokio::test]
async fn the_class_sees_which_questions_it_misses_and_the_files_say_the_same() {
    let demo = demo();
    let db = database(&demo).await;
    let teacher = staff(&demo, "giaovien.demo").await;
    let due = next_january();
    let reply = teacher
        .post(
            "/classes/1/assignments",
            &[("module", MODULE), ("due", &due)],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);

    // Nobody tried yet: the insight says so.
    sqlx::query("DELETE FROM attempts WHERE module_id = $1")
        .bind(MODULE)
        .execute(&db)
        .await
        .unwrap();
    let page = teacher.get("/classes/1").await.body;
    assert!(page.contains("Chưa học sinh nào làm bài kiểm tra này"));

    // Three students, each attempt asking six questions of the bank (the draws written here):
    // the first missed one question, then got all of another draw; the second missed two in
    // their only attempt; the third left one blank. A question counts only the students it was
    // asked; the shares below are worked out by hand.
    let students = students_of_2a(&db).await;
    let first_draw = [
        "where-private",
        "must-hug",
        "kiss-from-aunt",
        "three-steps",
        "call-111",
        "could-not-say-no",
    ];
    let second_draw = [
        "where-private",
        "right-names",
        "scary-touch",
        "three-steps",
        "no-help-yet",
        "must-hug",
    ];
    let (_, key) = support::web::key_of(MODULE);
    let right = |draw: &[&str], changes: &[(&str, Option<&str>)]| {
        let mut answers = serde_json::Map::new();
        for question in draw {
            let answer = &key.iter().find(|(q, _)| q == question).unwrap().1;
            answers.insert((*question).to_owned(), serde_json::json!(answer));
        }
        for (question, change) in changes {
            match change {
                Some(wrong) => answers.insert((*question).to_owned(), serde_json::json!([wrong])),
                None => answers.remove(*question),
            };
        }
        (
            serde_json::Value::Object(answers),
            serde_json::json!(draw
                .iter()
                .map(|q| serde_json::json!({"question": q, "options": []}))
                .collect::<Vec<_>>()),
        )
    };
    attempt(
        &db,
        students[0].0,
        "k1",
        right(&first_draw, &[("where-private", Some("all-clothes"))]),
    )
    .await;
    attempt(&db, students[0].0, "k2", right(&second_draw, &[])).await;
    attempt(
        &db,
        students[1].0,
        "k3",
        right(
            &first_draw,
            &[
                ("where-private", Some("all-clothes")),
                ("kiss-from-aunt", Some("let-her")),
            ],
        ),
    )
    .await;
    attempt(
        &db,
        students[2].0,
        "k4",
        right(&second_draw, &[("three-steps", None)]),
    )
    .await;

    let page = teacher.get("/classes/1").await.body;
    let insight = section(&page, "id=\"insight\"", "</section>");
    assert!(
        insight.contains("3 học sinh đã làm bài kiểm tra"),
        "{insight}"
    );
    let table = rows(section(insight, "<tbody", "</tbody>"));
    let shares: Vec<(String, String, String)> = table
        .iter()
        .map(|cells| {
            let question = cells[0].lines().next().unwrap_or_default().to_owned();
            (question, cells[1].clone(), cells[2].clone())
        })
        .collect();
    let row = |start: &str| {
        shares
            .iter()
            .find(|(q, _, _)| q.starts_with(start))
            .map(|(_, first, latest)| (first.as_str(), latest.as_str()))
            .unwrap_or_else(|| panic!("{start} in {shares:?}"))
    };
    // Most missed (latest, then first) on top; equal ones in the bank's order; questions
    // nobody was asked are not listed.
    assert_eq!(shares.len(), 9, "{shares:?}");
    assert!(
        shares[0].0.starts_with("Vùng riêng tư của em ở đâu?"),
        "{shares:?}"
    );
    assert!(
        shares[1].0.starts_with("Dì đến chơi và muốn hôn em"),
        "{shares:?}"
    );
    assert!(
        shares[2]
            .0
            .starts_with("Ai đó chạm vào vùng riêng tư của em"),
        "{shares:?}"
    );
    assert_eq!(
        row("Vùng riêng tư của em ở đâu?"),
        ("2/3 (67%)", "1/3 (33%)")
    );
    assert_eq!(
        row("Dì đến chơi và muốn hôn em"),
        ("1/2 (50%)", "1/1 (100%)")
    );
    assert_eq!(
        row("Ai đó chạm vào vùng riêng tư của em"),
        ("1/3 (33%)", "1/3 (33%)")
    );
    assert_eq!(row("Người trong nhà muốn ôm em"), ("0/3 (0%)", "0/3 (0%)"));
    assert_eq!(
        row("Dương vật, âm hộ, mông, ngực"),
        ("0/1 (0%)", "0/2 (0%)")
    );
    assert_eq!(row("Trẻ em cũng gọi được số 111"), ("0/2 (0%)", "0/1 (0%)"));
    assert!(
        !insight.contains("Việc nào KHÔNG ai được làm với em?"),
        "never asked"
    );
    // With the right answer and the explanation.
    assert!(insight.contains("Đáp án đúng"));

    // A student's name a spreadsheet would run as a formula.
    sqlx::query("UPDATE people SET display_name = '=HYPERLINK(\"http://x\")' WHERE id = $1")
        .bind(students[3].0)
        .execute(&db)
        .await
        .unwrap();
    let page = teacher.get("/classes/1").await.body;
    let screen = rows(section(&page, "progress-table", "</table>"));
    let csv = teacher.get_bytes("/classes/1/progress.csv").await;
    assert_eq!(csv.0, StatusCode::OK);
    assert!(csv.1.starts_with("text/csv"));
    let records = csv_records(&csv.2);
    // The progress table: a row per student with the page's words in each cell.
    let start = records
        .iter()
        .position(|r| r[0] == "Tiến độ từng học sinh")
        .expect("the progress table in the CSV");
    let file_rows: Vec<&Vec<String>> = records[start + 2..]
        .iter()
        .take_while(|r| !(r.len() == 1 && r[0].is_empty()))
        .collect();
    assert_eq!(file_rows.len(), screen.len());
    for (on_screen, in_file) in screen.iter().zip(&file_rows) {
        let name = &on_screen[0];
        let expected_name = if name.starts_with('=') {
            format!("'{name}")
        } else {
            name.clone()
        };
        assert_eq!(in_file[0], expected_name);
        assert_eq!(&in_file[1..], &on_screen[1..]);
    }
    assert!(
        file_rows
            .iter()
            .any(|r| r[0] == "'=HYPERLINK(\"http://x\")"),
        "the formula neutralised"
    );
    // The insight in the file: the same counts.
    let row = records
        .iter()
        .find(|r| r[0].starts_with("Vùng riêng tư của em ở đâu?"))
        .expect("the question in the CSV");
    assert_eq!(
        &row[2..6],
        ["2", "3", "1", "3"],
        "missed and asked, first and latest"
    );
    let row = records
        .iter()
        .find(|r| r[0].starts_with("Dì đến chơi và muốn hôn em"))
        .expect("the question in the CSV");
    assert_eq!(&row[2..6], ["1", "2", "1", "1"]);

    // The XLSX: a workbook whose progress sheet names each student.
    let xlsx = teacher.get_bytes("/classes/1/progress.xlsx").await;
    assert_eq!(xlsx.0, StatusCode::OK);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx.2)).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/sharedStrings.xml").unwrap(),
        &mut strings,
    )
    .unwrap();
    for (_, name) in &students[..3] {
        assert!(strings.contains(name.as_str()), "{name} in the workbook");
    }

    // Another school's teacher: no page, no file, no insight.
    let other = staff(&demo, "giaovien2.demo").await;
    assert_eq!(
        other.get("/classes/1/progress.csv").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        other.get("/classes/1/progress.xlsx").await.status,
        StatusCode::NOT_FOUND
    );
    let api = other.get("/api/assignments/class?id=1&lang=Vi").await.body;
    assert_eq!(api, "null");
    // Each download is in the audit log, without a child's name.
    let audited: Vec<String> =
        sqlx::query_scalar("SELECT detail FROM audit_log WHERE action = 'class-progress-exported'")
            .fetch_all(&db)
            .await
            .unwrap();
    assert_eq!(audited.len(), 2, "{audited:?}");
    assert!(audited
        .iter()
        .all(|d| !students.iter().any(|(_, n)| d.contains(n))));
}

#[tokio::test]
async fn a_teacher_reads_one_students_record() {
    let demo = demo();
    let db = database(&demo).await;
    let teacher = staff(&demo, "giaovien.demo").await;
    let due = next_january();
    teacher
        .post(
            "/classes/1/assignments",
            &[("module", MODULE), ("due", &due)],
        )
        .await;
    // The student with the most history.
    let (dung, completed): (i64, i64) = sqlx::query_as(
        "SELECT p.id, (SELECT count(*) FROM completions c WHERE c.person_id = p.id) FROM people p \
         WHERE p.display_name = 'Lường Thị Dung'",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert!(completed >= 2, "the demo gives her a history");
    let class_page = teacher.get("/classes/1").await.body;
    let link = format!("/classes/1/students/{dung}");
    assert!(
        class_page.contains(&format!("href=\"{link}\"")),
        "linked from the table"
    );

    let page = teacher.get(&link).await;
    assert_eq!(page.status, StatusCode::OK);
    let page = page.body;
    assert!(page.contains("Kết quả học tập của Lường Thị Dung"));
    // What she completed without it being assigned is there too.
    let own: Vec<String> = sqlx::query_scalar(
        "SELECT module_id FROM completions WHERE person_id = $1 AND module_id != $2",
    )
    .bind(dung)
    .bind(MODULE)
    .fetch_all(&db)
    .await
    .unwrap();
    let own_section = section(&page, "Tự học", "Các lần làm bài kiểm tra");
    for module in &own {
        assert!(
            own_section.contains(&format!("href=\"/modules/{module}\"")),
            "{module} completed on her own"
        );
    }
    let attempts: i64 = sqlx::query_scalar("SELECT count(*) FROM attempts WHERE person_id = $1")
        .bind(dung)
        .fetch_one(&db)
        .await
        .unwrap();
    let attempts_section = section(&page, "attempts-table", "</table>");
    assert_eq!(
        rows(section(attempts_section, "<tbody", "</tbody>")).len() as i64,
        attempts
    );

    // The school's manager sees it; another school's teacher, a student of another class
    // under this class, a student or a parent do not.
    let manager = staff(&demo, "hieutruong.demo").await;
    assert_eq!(manager.get(&link).await.status, StatusCode::OK);
    let other = staff(&demo, "giaovien2.demo").await;
    let reply = other.get(&link).await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(!reply.body.contains("Lường Thị Dung"));
    assert_eq!(
        other
            .get(&format!(
                "/api/assignments/student?class=1&student={dung}&lang=Vi"
            ))
            .await
            .body,
        "null"
    );
    let foreign: i64 = sqlx::query_scalar(
        "SELECT id FROM people WHERE role = 'student' AND class_id != 1 LIMIT 1",
    )
    .fetch_one(&db)
    .await
    .unwrap();
    assert_eq!(
        teacher
            .get(&format!("/classes/1/students/{foreign}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let parent = Browser::new(&demo.server);
    parent.sign_in_parent().await;
    assert_eq!(parent.get(&link).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn one_module_to_several_classes_and_the_age_check() {
    let demo = demo();
    let db = database(&demo).await;
    let second = class_2b(&db).await;
    let seventh: i64 = sqlx::query_scalar("SELECT id FROM classes WHERE name = '7A'")
        .fetch_one(&db)
        .await
        .unwrap();

    let teacher = staff(&demo, "giaovien.demo").await;
    let page = teacher.get("/classes/1").await.body;
    assert!(
        page.contains(&format!("name=\"class\" value=\"{second}\"")),
        "the teacher's other class is offered"
    );
    assert!(!page.contains(&format!("name=\"class\" value=\"{seventh}\"")));
    let due = next_january();
    let assigned = |module: &str| {
        let db = db.clone();
        let module = module.to_owned();
        async move {
            let classes: Vec<i64> = sqlx::query_scalar(
                "SELECT class_id FROM assignments WHERE module_id = $1 ORDER BY class_id",
            )
            .bind(module)
            .fetch_all(&db)
            .await
            .unwrap();
            classes
        }
    };

    // Another school's class among them: nothing is assigned anywhere.
    let seventh_text = seventh.to_string();
    let reply = teacher
        .post(
            "/classes/1/assignments",
            &[
                ("module", "kind-and-safe-at-school"),
                ("due", &due),
                ("class", &seventh_text),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::NOT_FOUND);
    assert!(assigned("kind-and-safe-at-school").await.is_empty());

    // Both of the teacher's classes with one form.
    let second_text = second.to_string();
    let reply = teacher
        .post(
            "/classes/1/assignments",
            &[
                ("module", "kind-and-safe-at-school"),
                ("due", &due),
                ("class", &second_text),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(assigned("kind-and-safe-at-school").await, vec![1, second]);
    let page = teacher.get(&reply.location).await.body;
    assert!(page.contains("Đã giao bài cho 2 lớp"), "{}", reply.location);

    // A module for 15–18-year-olds to grade 2: the teacher is asked, told why, and nothing is
    // assigned until they confirm.
    let reply = teacher
        .post(
            "/classes/1/assignments",
            &[
                ("module", "staying-safe-as-teens"),
                ("due", &due),
                ("class", &second_text),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply
        .body
        .contains("Bài này viết cho lứa tuổi khác với học sinh của lớp"));
    assert!(
        reply.body.contains("Lớp 2B: học sinh 8–8 tuổi"),
        "why, per class"
    );
    assert!(reply.body.contains("name=\"confirm_age\""));
    assert!(
        reply.body.contains(&format!("value=\"{second}\" checked")),
        "the classes chosen stay chosen"
    );
    assert!(assigned("staying-safe-as-teens").await.is_empty());
    let reply = teacher
        .post(
            "/classes/1/assignments",
            &[
                ("module", "staying-safe-as-teens"),
                ("due", &due),
                ("class", &second_text),
                ("confirm_age", "yes"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(assigned("staying-safe-as-teens").await, vec![1, second]);
}

#[tokio::test]
async fn a_school_manager_sees_every_class_and_the_staff() {
    let demo = demo();
    let db = database(&demo).await;
    let school: i64 = sqlx::query_scalar("SELECT school_id FROM classes WHERE id = 1")
        .fetch_one(&db)
        .await
        .unwrap();
    // 2A has a module past its due date; 2B (with a student) has nothing assigned.
    class_2b(&db).await;
    sqlx::query(
        "INSERT INTO assignments (class_id, module_id, due_on, assigned_at) VALUES (1, $1, '2020-01-01', 0)",
    )
    .bind(MODULE)
    .execute(&db)
    .await
    .unwrap();
    let (students, completed): (i64, i64) = sqlx::query_as(
        "SELECT count(*), (SELECT count(*) FROM completions k JOIN people q ON q.id = k.person_id \
           WHERE q.class_id = 1 AND q.role = 'student' AND k.module_id = $1) \
         FROM people WHERE class_id = 1 AND role = 'student'",
    )
    .bind(MODULE)
    .fetch_one(&db)
    .await
    .unwrap();
    assert!(completed < students, "the demo leaves some of 2A to do");

    let manager = staff(&demo, "hieutruong.demo").await;
    let reply = manager.get("/school").await;
    assert_eq!(reply.status, StatusCode::OK);
    let page = reply.body;
    let classes = rows(section(&page, "school-classes", "</table>"));
    // Furthest behind first: 2A has overdue work, 2B nothing assigned.
    assert!(classes[0][0].starts_with("2A"), "{classes:?}");
    assert!(classes[1][0].starts_with("2B"), "{classes:?}");
    let overdue = (students - completed).to_string();
    // Cells: the class, students, assigned, completed, overdue.
    let cells_2a = &classes[0];
    assert_eq!(cells_2a[1], students.to_string(), "{cells_2a:?}");
    assert_eq!(cells_2a[4], overdue, "{cells_2a:?}");
    // Rounded half up, as the page says (4 of 6 is 66.7%).
    let per_mille = (completed * 2000 + students) / (students * 2);
    let expected = format!("{},{}%", per_mille / 10, per_mille % 10);
    assert_eq!(cells_2a[3], expected, "{cells_2a:?}");
    assert_eq!(classes[1][3], "Chưa giao bài");

    // The staff with their own training: every member of the school's staff.
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT display_name FROM people WHERE unit_id = $1 AND role NOT IN ('student', 'parent')",
    )
    .bind(school)
    .fetch_all(&db)
    .await
    .unwrap();
    let staff_rows = rows(section(&page, "school-staff", "</table>"));
    assert_eq!(staff_rows.len(), names.len());
    for name in &names {
        assert!(staff_rows.iter().any(|r| &r[0] == name), "{name}");
    }
    // Those still to train first.
    let trained: Vec<bool> = staff_rows
        .iter()
        .map(|r| {
            let (done, of) = r[2].split_once('/').unwrap();
            done == of
        })
        .collect();
    assert!(trained.windows(2).all(|w| !w[0] || w[1]), "{staff_rows:?}");

    // The CSV says the same.
    let csv = manager
        .get_bytes(&format!("/school/{school}/classes.csv"))
        .await;
    assert_eq!(csv.0, StatusCode::OK);
    let records = csv_records(&csv.2);
    let first_class = records
        .iter()
        .position(|r| r[0] == "Các lớp")
        .expect("the classes table")
        + 2;
    assert_eq!(records[first_class][0], "2A");
    assert_eq!(records[first_class][2], students.to_string());
    assert_eq!(records[first_class][5], overdue);
    assert_eq!(records[first_class][4], expected.trim_end_matches('%'));
    let xlsx = manager
        .get_bytes(&format!("/school/{school}/classes.xlsx"))
        .await;
    assert_eq!(xlsx.0, StatusCode::OK);
    assert!(zip::ZipArchive::new(std::io::Cursor::new(xlsx.2)).is_ok());

    // A province manager may look at the school; a teacher may not; another school's unit or
    // a commune the school is not under is not found.
    let province = staff(&demo, "tinh.demo").await;
    assert_eq!(
        province.get(&format!("/school?unit={school}")).await.status,
        StatusCode::OK
    );
    let teacher = staff(&demo, "giaovien.demo").await;
    assert_eq!(teacher.get("/school").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        teacher
            .get(&format!("/school/{school}/classes.csv"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let sibling: i64 = sqlx::query_scalar("SELECT school_id FROM classes WHERE name = '7A'")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(
        manager.get(&format!("/school?unit={sibling}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        manager
            .get(&format!("/school/{sibling}/classes.csv"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let commune = staff(&demo, "xa.demo").await;
    let under_commune: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM org_units s, org_units c \
         WHERE s.id = $1 AND c.code = 'LC-C01' AND s.path LIKE c.path || '%'",
    )
    .bind(school)
    .fetch_one(&db)
    .await
    .unwrap();
    let expected_status = if under_commune > 0 {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    assert_eq!(
        commune.get(&format!("/school?unit={school}")).await.status,
        expected_status
    );
}
