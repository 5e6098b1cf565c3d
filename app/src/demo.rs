//! `safesteps demo`: a small demo province with classes, students, parents and staff of every
//! role, loaded into an empty database, and how to sign in as each.

use crate::auth::{self, hash_password};
use crate::catalog::Catalog;
use crate::domain::org::check_units;
use crate::domain::person::{
    code_from_bytes, format_family_code, Phone, Role, Username, CLASS_CODE_LEN, FAMILY_CODE_LEN,
};
use crate::domain::secret::StudentSecret;
use crate::store::people::{self, NewAccount};
use crate::store::progress;
use crate::store::{on_db, org, Db, StoreError};
use std::path::Path;

/// Every demo account that has a password uses this one (it passes the policy).
pub const DEMO_PASSWORD: &str = "hoa ban trắng nở trên núi";
pub const DEMO_PARENT_PHONE: &str = "0912000001";
pub const SCHOOL_YEAR: &str = "2026-2027";

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Units { path: String, message: String },
    #[error("the database already has people in it and they are not the demo's; demo data goes only into an empty database")]
    NotEmpty,
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Auth(#[from] auth::AuthError),
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("demo history: {0}")]
    History(String),
}

/// Staff: username, role, home unit code, display name.
const STAFF: &[(&str, Role, &str, &str)] = &[
    ("admin.demo", Role::Admin, "LC", "Quản trị Mẫu"),
    ("tinh.demo", Role::UnitManager, "LC", "Lãnh đạo Tỉnh Mẫu"),
    (
        "xa.demo",
        Role::UnitManager,
        "LC-C01",
        "Lãnh đạo Xã Mẫu Hai",
    ),
    (
        "hieutruong.demo",
        Role::SchoolManager,
        "LC-W01-TH1",
        "Hiệu trưởng Mẫu",
    ),
    ("giaovien.demo", Role::Teacher, "LC-W01-TH1", "Cô giáo Mẫu"),
    (
        "giaovien2.demo",
        Role::Teacher,
        "LC-W01-THCS1",
        "Thầy giáo Mẫu",
    ),
    (
        "baove.demo",
        Role::ProtectionOfficer,
        "LC-C01",
        "Cán bộ Bảo vệ trẻ em Mẫu",
    ),
    (
        "yte.demo",
        Role::HealthWorker,
        "LC-C01-TYT",
        "Nhân viên Y tế Mẫu",
    ),
    (
        "congan.demo",
        Role::PoliceOfficer,
        "LC-C01",
        "Công an Xã Mẫu",
    ),
];

/// Classes: school code, class name, teacher's username, birth year, students.
const CLASSES: &[(&str, &str, &str, i64, &[&str])] = &[
    (
        "LC-W01-TH1",
        "2A",
        "giaovien.demo",
        2019,
        &[
            "Lò Văn An",
            "Tòng Thị Bình",
            "Vàng A Chứ",
            "Lường Thị Dung",
            "Giàng Thị Mai",
            "Hoàng Văn Nam",
        ],
    ),
    (
        "LC-W01-THCS1",
        "7A",
        "giaovien2.demo",
        2014,
        &[
            "Lò Thị Hoa",
            "Sùng A Lềnh",
            "Nguyễn Minh Khôi",
            "Đèo Thị Lan",
            "Phạm Văn Sơn",
        ],
    ),
];

/// What the demo people have learnt: who (a staff username, a student's or parent's name),
/// which modules, and how many days ago they finished them — so that a manager's coverage
/// page has something to show: a school part of the way, a health station reached.
const HISTORY: &[(&str, &[&str], i64)] = &[
    ("Lò Văn An", STUDENTS_6_10, 80),
    ("Tòng Thị Bình", STUDENTS_6_10, 62),
    ("Vàng A Chứ", STUDENTS_6_10, 40),
    ("Lường Thị Dung", STUDENTS_6_10, 12),
    ("Đèo Thị Lan", &["stop-bullying"], 5),
    ("Lò Thị Hoa", STUDENTS_11_14, 75),
    ("Sùng A Lềnh", STUDENTS_11_14, 33),
    ("Nguyễn Minh Khôi", &["stop-bullying", "safe-online"], 20),
    ("Lò Văn Bố", PARENTS, 50),
    ("giaovien.demo", EDUCATION, 95),
    (
        "hieutruong.demo",
        &["law-on-children", "recognising-signs"],
        30,
    ),
    ("yte.demo", HEALTH, 70),
    (
        "baove.demo",
        &[
            "law-on-children",
            "recognising-signs",
            "disclosure-and-reporting",
        ],
        25,
    ),
];
const STUDENTS_6_10: &[&str] = &[
    "my-body-belongs-to-me",
    "secrets-and-telling",
    "kind-and-safe-at-school",
];
const STUDENTS_11_14: &[&str] = &["stop-bullying", "safe-online", "growing-up-and-consent"];
const PARENTS: &[&str] = &[
    "positive-discipline",
    "body-safety-talks",
    "online-safety-at-home",
    "child-marriage-labour-trafficking",
];
const EDUCATION: &[&str] = &[
    "law-on-children",
    "recognising-signs",
    "disclosure-and-reporting",
    "safe-school-duties",
];
const HEALTH: &[&str] = &[
    "law-on-children",
    "recognising-signs",
    "disclosure-and-reporting",
    "child-friendly-care",
];

/// Loads the demo into an empty database (does nothing if the demo is already there).
/// Returns false when the database held the demo already. The caller rebuilds coverage.
pub async fn load(db: &Db, catalog: &Catalog, content_dir: &Path) -> Result<bool, DemoError> {
    if people::count(db).await? > 0 {
        let demo = people::by_username(db, &username("admin.demo")).await?;
        return if demo.is_some() {
            Ok(false)
        } else {
            Err(DemoError::NotEmpty)
        };
    }
    let path = content_dir.join("demo/units.csv");
    let text = std::fs::read_to_string(&path).map_err(|source| DemoError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let rows = crate::import::units_csv(&text).map_err(|problems| DemoError::Units {
        path: path.display().to_string(),
        message: problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; "),
    })?;
    let problems = check_units(&rows, &org::codes_with_parents(db).await?);
    if let Some(problem) = problems.first() {
        return Err(DemoError::Units {
            path: path.display().to_string(),
            message: problem.to_string(),
        });
    }
    org::import(db, &rows).await?;

    let hash = hash_password(DEMO_PASSWORD).await?;
    let now = auth::now();
    for (name, role, unit, display) in STAFF {
        let unit_id = unit_id(db, unit).await?;
        let account = NewAccount {
            role: *role,
            unit_id,
            display_name: display,
            username: Some(&username(name)),
            phone: None,
            password_hash: &hash,
            household_id: None,
            consent_version: None,
        };
        people::create_account(db, &account, now).await?;
    }
    for (school, class, teacher, birth_year, students) in CLASSES {
        let school_id = unit_id(db, school).await?;
        let code = code_from_bytes(&auth::random_bytes::<CLASS_CODE_LEN>());
        let class_id: i64 = on_db!(db => sqlx::query_scalar(
            "INSERT INTO classes (school_id, school_year, name, code) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(school_id)
        .bind(SCHOOL_YEAR)
        .bind(class)
        .bind(&code)
        .fetch_one(db)
        .await)?;
        let teacher_id = people::by_username(db, &username(teacher))
            .await?
            .map(|a| a.id);
        on_db!(db => sqlx::query("INSERT INTO class_teachers (class_id, person_id) VALUES ($1, $2)")
            .bind(class_id)
            .bind(teacher_id)
            .execute(db)
            .await.map(drop))?;
        let young = 2026 - birth_year <= crate::domain::secret::PICTURES_UNTIL_AGE as i64;
        for (n, student) in students.iter().enumerate() {
            let family = code_from_bytes(&auth::random_bytes::<FAMILY_CODE_LEN>());
            let household_id: i64 = on_db!(db => sqlx::query_scalar(
                "INSERT INTO households (unit_id, family_code) VALUES ($1, $2) RETURNING id",
            )
            .bind(school_id)
            .bind(&family)
            .fetch_one(db)
            .await)?;
            let secret = StudentSecret::generate(young, auth::random_u32());
            on_db!(db => sqlx::query(
                "INSERT INTO people (role, unit_id, display_name, class_id, birth_year, student_key, secret, household_id, created_at) \
                 VALUES ('student', $1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(school_id)
            .bind(student)
            .bind(class_id)
            .bind(birth_year)
            .bind(format!("{class}-{:02}", n + 1))
            .bind(secret.stored())
            .bind(household_id)
            .bind(now)
            .execute(db)
            .await.map(drop))?;
            if n == 0 && *class == "2A" {
                let phone = Phone::parse(DEMO_PARENT_PHONE)
                    .map_err(|_| StoreError::Query(sqlx::Error::RowNotFound))?;
                let parent = NewAccount {
                    role: Role::Parent,
                    unit_id: school_id,
                    display_name: "Lò Văn Bố",
                    username: None,
                    phone: Some(&phone),
                    password_hash: &hash,
                    household_id: Some(household_id),
                    // The demo parent signed up, as a real one does.
                    consent_version: Some(crate::domain::privacy::NOTICE_VERSION),
                };
                people::create_account(db, &parent, now).await?;
            }
        }
    }
    learn(db, catalog, now).await?;
    import_counts(db, catalog, content_dir).await?;
    Ok(true)
}

/// The demo's learning history, through the same path as a learner's: each lesson seen, the
/// quiz answered right and graded on the server; then dated back.
async fn learn(db: &Db, catalog: &Catalog, now: i64) -> Result<(), DemoError> {
    use crate::domain::grading::Answers;
    for (who, modules, days_ago) in HISTORY {
        let person: Option<(i64, String)> = on_db!(db => sqlx::query_as(
            "SELECT p.id, p.role FROM people p \
             WHERE p.username = $1 OR (p.username IS NULL AND p.display_name = $1) ORDER BY p.id LIMIT 1",
        )
        .bind(who)
        .fetch_optional(db)
        .await)?;
        let Some((person_id, role)) = person else {
            return Err(DemoError::History(format!("no demo person {who}")));
        };
        let role = Role::from_code(&role)
            .ok_or_else(|| DemoError::History(format!("{who} has an unknown role")))?;
        for (n, module_id) in modules.iter().enumerate() {
            let module = catalog
                .module(module_id)
                .ok_or_else(|| DemoError::History(format!("no module {module_id}")))?;
            // A few days between modules, the last one `days_ago`; the lessons read an hour before.
            let at = now - (days_ago + 3 * (modules.len() - 1 - n) as i64) * 86_400;
            for lesson in &module.module.lessons {
                progress::record_view(
                    db,
                    person_id,
                    module_id,
                    lesson.id.as_str(),
                    module.module.version,
                    at - 3600,
                )
                .await?;
            }
            let (draw_key, asked) =
                crate::learning::open_draw(db, &module.module, person_id).await?;
            let answers: Answers = asked
                .questions()
                .filter_map(|id| module.module.quiz.question(id))
                .map(|q| {
                    (
                        q.id.as_str().to_owned(),
                        q.answer.iter().map(|a| a.as_str().to_owned()).collect(),
                    )
                })
                .collect();
            let key = auth::random_token();
            let sent = crate::learning::Sent {
                submission_key: &key,
                draw_key: Some(&draw_key),
                answers: &answers,
            };
            let stored =
                crate::learning::submit_quiz(db, catalog, (person_id, role), module_id, &sent)
                    .await
                    .map_err(|e| DemoError::History(e.to_string()))?;
            if !stored.completed {
                return Err(DemoError::History(format!(
                    "{who} did not complete {module_id}"
                )));
            }
            on_db!(db => sqlx::query(
                "UPDATE completions SET completed_at = $1 WHERE person_id = $2 AND module_id = $3",
            )
            .bind(at)
            .bind(person_id)
            .bind(module_id)
            .execute(db)
            .await.map(drop))?;
            on_db!(db => sqlx::query("UPDATE attempts SET submitted_at = $1 WHERE person_id = $2 AND submission_key = $3")
                .bind(at)
                .bind(person_id)
                .bind(&key)
                .execute(db)
                .await.map(drop))?;
        }
    }
    Ok(())
}

/// `content/demo/counts.csv`: the demo units' official counts, for this year.
async fn import_counts(db: &Db, catalog: &Catalog, content_dir: &Path) -> Result<(), DemoError> {
    let path = content_dir.join("demo/counts.csv");
    let text = std::fs::read_to_string(&path).map_err(|source| DemoError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let year = crate::coverage::this_year().to_string();
    let text = text.replace("{year}", &year);
    let targets: Vec<String> = catalog.targets().iter().map(|t| t.id.clone()).collect();
    match crate::import::counts(db, &text, None, &targets, &mut |_, _, _| {}).await {
        Ok(_) => Ok(()),
        Err(crate::import::CountsError::Rows(problems)) => Err(DemoError::Units {
            path: path.display().to_string(),
            message: problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        }),
        Err(crate::import::CountsError::Store(error)) => Err(error.into()),
    }
}

fn username(name: &str) -> Username {
    Username::parse(name).unwrap_or_else(|_| unreachable!("demo usernames are valid"))
}

async fn unit_id(db: &Db, code: &str) -> Result<i64, StoreError> {
    org::by_code(db, code)
        .await?
        .map(|u| u.id)
        .ok_or(StoreError::Query(sqlx::Error::RowNotFound))
}

/// How to sign in as each demo person, read back from the database.
pub async fn sign_in_guide(db: &Db, base_url: &str) -> Result<String, StoreError> {
    let mut out = format!("Demo accounts (open {base_url}/sign-in):\n");
    out.push_str(&format!(
        "  Staff — username and the password \"{DEMO_PASSWORD}\":\n"
    ));
    for (name, role, unit, _) in STAFF {
        out.push_str(&format!("    {name:<16} {:<19} {unit}\n", role.code()));
    }
    let classes: Vec<(i64, String, String)> = on_db!(db => sqlx::query_as("SELECT id, name, code FROM classes ORDER BY id")
            .fetch_all(db)
            .await)?;
    for (id, name, code) in classes {
        out.push_str(&format!(
            "  Students of class {name} — class code {}, then the name and:\n",
            crate::domain::person::format_class_code(&code)
        ));
        for member in people::class_members(&mut db.lease().await?, id).await? {
            let secret = member
                .secret
                .as_deref()
                .and_then(|s| StudentSecret::parse(s).ok());
            let shown = secret.map(|s| s.to_string()).unwrap_or_default();
            out.push_str(&format!("    {:<20} {shown}\n", member.display_name));
        }
    }
    let family: Option<String> = on_db!(db => sqlx::query_scalar(
        "SELECT h.family_code FROM households h JOIN people p ON p.household_id = h.id \
         WHERE p.phone = $1",
    )
    .bind(DEMO_PARENT_PHONE)
    .fetch_optional(db)
    .await)?;
    out.push_str(&format!(
        "  Parent — phone {DEMO_PARENT_PHONE} and the same password (household {}).\n",
        family
            .as_deref()
            .map(format_family_code)
            .unwrap_or_default()
    ));
    let unused: Option<String> = on_db!(db => sqlx::query_scalar(
        "SELECT h.family_code FROM households h WHERE NOT EXISTS \
         (SELECT 1 FROM people p WHERE p.household_id = h.id AND p.role = 'parent') ORDER BY h.id LIMIT 1",
    )
    .fetch_optional(db)
    .await)?;
    if let Some(code) = unused {
        out.push_str(&format!(
            "  New parent — sign up at {base_url}/sign-up/family with the family code {}.\n",
            format_family_code(&code)
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::store::{self, testing};
    use std::path::PathBuf;

    /// The demo goes in through the same paths as real data (units, people, lessons, graded
    /// quizzes, counts, the coverage rebuild), so loading it and reading it back exercises most
    /// of the store on each database the run has.
    #[tokio::test]
    async fn the_demo_loads_reports_and_recounts_on_every_database() {
        let content = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content");
        let loaded = crate::catalog::load(&content);
        assert!(!loaded.has_errors());
        let catalog = loaded.catalog;
        let rules = crate::coverage::rules(&catalog);
        let year = crate::coverage::this_year();
        for db in testing::databases().await {
            let dialect = db.dialect();
            assert!(
                super::load(&db, &catalog, &content).await.unwrap(),
                "{dialect:?}"
            );
            crate::coverage::rebuild(&db, &rules, year).await.unwrap();
            let guide = super::sign_in_guide(&db, "http://x").await.unwrap();
            assert!(guide.contains("giaovien.demo"), "{guide}");
            let stored = store::coverage::stored_rollups(&db).await.unwrap();
            let recounted = crate::coverage::recount(&db, &rules, year).await.unwrap();
            assert_eq!(
                stored.without_zeros(),
                recounted.without_zeros(),
                "{dialect:?}"
            );
            let province = store::coverage::unit(&db, 1).await.unwrap().unwrap();
            let report =
                crate::coverage::report(&db, &catalog, &province, year, crate::auth::now())
                    .await
                    .unwrap();
            assert!(!crate::coverage::tables(&report, crate::i18n::Lang::Vi).is_empty());
        }
    }
}
