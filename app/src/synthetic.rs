//! `safesteps demo --scale province`: a synthetic province the size of Lai Châu, for load and
//! benchmark work — 38 communes and wards, 400 schools, 40 health stations, about 150,000
//! students in 100,000 households, 8,000 staff, and two years of learning (lessons seen,
//! attempts, completions). Every name is made up and marked as such; the same seed gives the
//! same province.
//!
//! People are written in large multi-row inserts; the learning history follows the content
//! (each module's real lessons and answer key) and the targets (who must learn what), so the
//! coverage rollups are rebuilt from it like any other data.

use crate::auth::hash_password;
use crate::catalog::Catalog;
use crate::coverage;
use crate::domain::content::Audience;
use crate::domain::coverage::{counted_audience, TargetRule};
use crate::domain::org::UnitRow;
use crate::domain::person::{code_from_bytes, Role, CLASS_CODE_LEN, FAMILY_CODE_LEN};
use crate::domain::secret::StudentSecret;
use crate::store::on_db;
use crate::store::{org, people, Db, StoreError};
use sqlx::QueryBuilder;
use std::collections::HashSet;

/// The size of the province.
pub const COMMUNES: usize = 38;
pub const WARDS: usize = 8;
pub const SCHOOLS: usize = 400;
pub const HEALTH_STATIONS: usize = 40;
pub const STUDENTS: usize = 150_000;
/// Students who share a household with a brother or sister listed before them.
const SIBLING_SHARE: f64 = 1.0 / 3.0;
/// Days of history.
const HISTORY_DAYS: i64 = 730;
/// Rows per insert statement (SQLite allows 32,766 bound values).
const BATCH: usize = 2_000;

/// The usernames the generator prints for signing in (with the demo password).
pub const PROVINCE_MANAGER: &str = "tinh.mp";
pub fn commune_manager(n: usize) -> String {
    format!("xa{n:02}.mp")
}

#[derive(Debug, thiserror::Error)]
pub enum SyntheticError {
    #[error("the database already has people in it; a synthetic province goes only into an empty database")]
    NotEmpty,
    #[error("the content has no module {0}, which the targets name")]
    MissingModule(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Auth(#[from] crate::auth::AuthError),
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
}

/// What was made, for the summary line.
#[derive(Clone, Copy, Debug, Default)]
pub struct Made {
    pub units: usize,
    pub students: usize,
    pub households: usize,
    pub parents: usize,
    pub staff: usize,
    pub lesson_views: usize,
    pub attempts: usize,
    pub completions: usize,
}

struct Person {
    id: i64,
    role: Role,
    age: Option<i32>,
    /// How likely this person is to finish what they start (their commune's pace and their own).
    diligence: f64,
}

/// Generates the province into an empty database, then rebuilds coverage.
pub async fn province(
    db: &Db,
    catalog: &Catalog,
    seed: u64,
    now: i64,
    progress: crate::Steps<'_>,
) -> Result<Made, SyntheticError> {
    if people::count(db).await? > 0 {
        return Err(SyntheticError::NotEmpty);
    }
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut made = Made::default();
    let this_year = coverage::this_year();
    let hash = hash_password(crate::demo::DEMO_PASSWORD).await?;

    // Units: the province, its communes and wards, schools and health stations.
    progress("units", 0, 1);
    let mut rows = vec![unit_row("MP", None, "province", "Tỉnh Mô Phỏng")];
    let mut schools: Vec<(String, usize, u8)> = Vec::new(); // code, commune, level (1–3)
    let mut stations: Vec<(String, usize)> = Vec::new();
    for c in 1..=COMMUNES {
        let (kind, name) = if c <= WARDS {
            ("ward", format!("Phường Mô Phỏng {c:02}"))
        } else {
            ("commune", format!("Xã Mô Phỏng {c:02}"))
        };
        let code = format!("MP-C{c:02}");
        rows.push(unit_row(&code, Some("MP"), kind, &name));
        let count = SCHOOLS / COMMUNES + usize::from(c <= SCHOOLS % COMMUNES);
        for s in 1..=count {
            // About half primary, a third lower secondary, the rest upper secondary.
            let level = match s % 6 {
                1..=3 => 1u8,
                4 | 5 => 2,
                _ => 3,
            };
            let prefix = ["TH", "THCS", "THPT"][usize::from(level - 1)];
            let school = format!("{code}-S{s:02}");
            rows.push(unit_row(
                &school,
                Some(&code),
                "school",
                &format!("Trường {prefix} Mô Phỏng {c:02}-{s:02}"),
            ));
            schools.push((school, c, level));
        }
        let count = HEALTH_STATIONS / COMMUNES + usize::from(c <= HEALTH_STATIONS % COMMUNES);
        for h in 1..=count {
            let station = format!("{code}-YT{h}");
            rows.push(unit_row(
                &station,
                Some(&code),
                "health-station",
                &format!("Trạm Y tế Mô Phỏng {c:02}-{h}"),
            ));
            stations.push((station, c));
        }
    }
    org::import(db, &rows).await?;
    made.units = rows.len();
    let ids: std::collections::HashMap<String, i64> =
        on_db!(db => sqlx::query_as::<_, (String, i64)>("SELECT code, id FROM org_units")
            .fetch_all(db)
            .await)?
        .into_iter()
        .collect();
    let id_of = |code: &str| ids.get(code).copied().unwrap_or_default();
    progress("units", 1, 1);

    // Each commune has its own pace: a few far ahead, a few far behind.
    let pace: Vec<f64> = (0..=COMMUNES).map(|_| 0.35 + 0.6 * rng.f64()).collect();
    let mut learners: Vec<Person> = Vec::new();
    let mut codes = Codes::default();

    // Staff: unit managers, officers and police per commune; teachers and a head per school;
    // health workers per station.
    let mut staff: Vec<(Role, i64, String, String)> = vec![(
        Role::UnitManager,
        id_of("MP"),
        "Lãnh đạo Tỉnh Mô Phỏng".to_owned(),
        PROVINCE_MANAGER.to_owned(),
    )];
    for c in 1..=COMMUNES {
        let unit = id_of(&format!("MP-C{c:02}"));
        staff.push((
            Role::UnitManager,
            unit,
            format!("Lãnh đạo Xã Mô Phỏng {c:02}"),
            commune_manager(c),
        ));
        for k in 1..=4 {
            staff.push((
                Role::ProtectionOfficer,
                unit,
                format!("Cán bộ BVTE {c:02}-{k}"),
                format!("bvte{c:02}.{k}.mp"),
            ));
            staff.push((
                Role::PoliceOfficer,
                unit,
                format!("Công an {c:02}-{k}"),
                format!("ca{c:02}.{k}.mp"),
            ));
        }
    }
    for (n, (code, _, _)) in schools.iter().enumerate() {
        let unit = id_of(code);
        staff.push((
            Role::SchoolManager,
            unit,
            format!("Hiệu trưởng {n:03}"),
            format!("ht{n:03}.mp"),
        ));
        for t in 1..=17 {
            staff.push((
                Role::Teacher,
                unit,
                format!("Giáo viên {n:03}-{t:02}"),
                format!("gv{n:03}.{t:02}.mp"),
            ));
        }
    }
    for (n, (code, _)) in stations.iter().enumerate() {
        for w in 1..=5 {
            staff.push((
                Role::HealthWorker,
                id_of(code),
                format!("Y tế {n:02}-{w}"),
                format!("yt{n:02}.{w}.mp"),
            ));
        }
    }
    let first_staff_id = next_id(db, "people").await?;
    for (k, chunk) in staff.chunks(BATCH).enumerate() {
        on_db!(db => {
         let mut query =  QueryBuilder::new(
                    "INSERT INTO people (role, unit_id, display_name, username, password_hash, created_at) ",
                );
                query.push_values(chunk, |mut row, (role, unit, name, username)| {
                    row.push_bind(role.code())
                        .push_bind(*unit)
                        .push_bind(name.clone())
                        .push_bind(username.clone())
                        .push_bind(hash.clone())
                        .push_bind(now - HISTORY_DAYS * 86_400);
                });
                query.build().execute(db).await?;
        });
        progress(
            "staff",
            ((k + 1) * BATCH).min(staff.len()) as u64,
            staff.len() as u64,
        );
    }
    let commune_of_unit = |unit: i64| -> usize {
        // Codes look like MP-C07…; the commune number is in the code.
        ids.iter()
            .find(|(_, id)| **id == unit)
            .and_then(|(code, _)| code.get(4..6))
            .and_then(|n| n.parse().ok())
            .unwrap_or(0)
    };
    for (i, (role, unit, _, _)) in staff.iter().enumerate() {
        let commune = commune_of_unit(*unit);
        learners.push(Person {
            id: first_staff_id + i as i64,
            role: *role,
            age: None,
            diligence: (pace[commune] + 0.25).min(0.98),
        });
    }
    made.staff = staff.len();

    // Classes, students and households, school by school.
    let per_school = STUDENTS / schools.len();
    let mut student_rows: Vec<(i64, String, i64, i64, String, String, i64)> =
        Vec::with_capacity(STUDENTS);
    let mut household_rows: Vec<(i64, String)> = Vec::new();
    let mut next_household = next_id(db, "households").await?;
    let mut household_of: Vec<i64> = Vec::with_capacity(STUDENTS);
    let school_year = format!("{}-{}", this_year, this_year + 1);
    let mut class_rows: Vec<(i64, String, String)> = Vec::new();
    let mut class_ids = next_id(db, "classes").await?;
    let mut student_commune: Vec<usize> = Vec::with_capacity(STUDENTS);
    for (code, commune, level) in &schools {
        let school = id_of(code);
        let grades: Vec<i32> = match level {
            1 => (1..=5).collect(),
            2 => (6..=9).collect(),
            _ => (10..=12).collect(),
        };
        // Schools differ in size: from half to one and a half times the average.
        let size = (per_school as f64 * (0.5 + rng.f64())) as usize;
        let per_grade = size.div_ceil(grades.len());
        let mut last_household: Option<i64> = None;
        for grade in &grades {
            let classes = per_grade.div_ceil(35).max(1);
            for k in 0..classes {
                let class = class_ids;
                class_ids += 1;
                class_rows.push((
                    school,
                    format!("{grade}{}", (b'A' + k as u8) as char),
                    codes.class(&mut rng),
                ));
                let in_class = per_grade / classes;
                for n in 0..in_class {
                    let household = match last_household {
                        Some(h) if rng.f64() < SIBLING_SHARE => h,
                        _ => {
                            let h = next_household;
                            next_household += 1;
                            household_rows.push((school, codes.family(&mut rng)));
                            h
                        }
                    };
                    last_household = Some(household);
                    household_of.push(household);
                    let age = 5 + grade;
                    let secret = StudentSecret::generate(
                        age <= crate::domain::secret::PICTURES_UNTIL_AGE,
                        rng.u32(..),
                    );
                    student_rows.push((
                        school,
                        format!(
                            "Học sinh {}-{grade}{}-{n:02}",
                            &code[3..],
                            (b'A' + k as u8) as char
                        ),
                        class,
                        i64::from(this_year - age),
                        format!("{grade}{}-{n:02}", (b'A' + k as u8) as char),
                        secret.stored(),
                        household,
                    ));
                    student_commune.push(*commune);
                }
            }
        }
    }
    for chunk in class_rows.chunks(BATCH) {
        on_db!(db => {
         let mut query =
                    QueryBuilder::new("INSERT INTO classes (school_id, school_year, name, code) ");
                query.push_values(chunk, |mut row, (school, name, code)| {
                    row.push_bind(*school)
                        .push_bind(school_year.as_str())
                        .push_bind(name.clone())
                        .push_bind(code.clone());
                });
                query.build().execute(db).await?;
        });
    }
    for (k, chunk) in household_rows.chunks(BATCH).enumerate() {
        on_db!(db => {
         let mut query =
                    QueryBuilder::new("INSERT INTO households (unit_id, family_code) ");
                query.push_values(chunk, |mut row, (unit, code)| {
                    row.push_bind(*unit).push_bind(code.clone());
                });
                query.build().execute(db).await?;
        });
        progress(
            "households",
            ((k + 1) * BATCH).min(household_rows.len()) as u64,
            household_rows.len() as u64,
        );
    }
    made.households = household_rows.len();
    let first_student = next_id(db, "people").await?;
    for (k, chunk) in student_rows.chunks(BATCH).enumerate() {
        on_db!(db => {
         let mut query =  QueryBuilder::new(
                    "INSERT INTO people (role, unit_id, display_name, class_id, birth_year, student_key, secret, household_id, created_at) ",
                );
                query.push_values(
                    chunk,
                    |mut row, (school, name, class, birth_year, key, secret, household)| {
                        row.push_bind("student")
                            .push_bind(*school)
                            .push_bind(name.clone())
                            .push_bind(*class)
                            .push_bind(*birth_year)
                            .push_bind(key.clone())
                            .push_bind(secret.clone())
                            .push_bind(*household)
                            .push_bind(now - HISTORY_DAYS * 86_400);
                    },
                );
                query.build().execute(db).await?;
        });
        progress(
            "students",
            ((k + 1) * BATCH).min(student_rows.len()) as u64,
            student_rows.len() as u64,
        );
    }
    for (i, (_, _, _, birth_year, ..)) in student_rows.iter().enumerate() {
        let commune = student_commune[i];
        learners.push(Person {
            id: first_student + i as i64,
            role: Role::Student,
            age: Some(this_year - *birth_year as i32),
            diligence: (pace[commune] + 0.15 * (rng.f64() - 0.5)).clamp(0.05, 0.97),
        });
    }
    made.students = student_rows.len();

    // Parents: about 60% of households have one on SafeSteps, a few have two.
    let first_household = next_household - household_rows.len() as i64;
    let mut parent_rows: Vec<(i64, String, String, i64)> = Vec::new();
    let mut phone = 912_000_000u64;
    for (k, (unit, _)) in household_rows.iter().enumerate() {
        let household = first_household + k as i64;
        let parents = match rng.f64() {
            x if x < 0.40 => 0,
            x if x < 0.92 => 1,
            _ => 2,
        };
        for p in 0..parents {
            phone += 1 + u64::from(rng.u8(..3));
            parent_rows.push((
                *unit,
                format!("Phụ huynh {household}-{p}"),
                format!("0{phone}"),
                household,
            ));
        }
    }
    let first_parent = next_id(db, "people").await?;
    for (k, chunk) in parent_rows.chunks(BATCH).enumerate() {
        on_db!(db => {
         let mut query =  QueryBuilder::new(
                    "INSERT INTO people (role, unit_id, display_name, phone, password_hash, household_id, created_at) ",
                );
                query.push_values(chunk, |mut row, (unit, name, phone, household)| {
                    row.push_bind("parent")
                        .push_bind(*unit)
                        .push_bind(name.clone())
                        .push_bind(phone.clone())
                        .push_bind(hash.clone())
                        .push_bind(*household)
                        .push_bind(now - HISTORY_DAYS * 86_400);
                });
                query.build().execute(db).await?;
        });
        progress(
            "parents",
            ((k + 1) * BATCH).min(parent_rows.len()) as u64,
            parent_rows.len() as u64,
        );
    }
    let school_commune: std::collections::HashMap<i64, usize> = schools
        .iter()
        .map(|(code, c, _)| (id_of(code), *c))
        .collect();
    for (i, (unit, ..)) in parent_rows.iter().enumerate() {
        let commune = school_commune.get(unit).copied().unwrap_or(0);
        learners.push(Person {
            id: first_parent + i as i64,
            role: Role::Parent,
            age: None,
            diligence: (pace[commune] - 0.1 + 0.2 * rng.f64()).clamp(0.05, 0.95),
        });
    }
    made.parents = parent_rows.len();

    // Two years of learning.
    let history = learn(
        db,
        catalog,
        &coverage::rules(catalog),
        &learners,
        &mut rng,
        now,
        &mut codes,
        progress,
    )
    .await?;
    made.lesson_views = history.0;
    made.attempts = history.1;
    made.completions = history.2;

    // Official counts: each school's enrolment a little above those registered; households
    // per commune; staff in post per commune; institutions per commune.
    official_counts(db, this_year, now, &mut rng).await?;

    progress("coverage", 0, 1);
    coverage::rebuild(db, &coverage::rules(catalog), this_year).await?;
    progress("coverage", 1, 1);
    Ok(made)
}

/// A submission key as a quiz form carries one (64 hex digits).
fn key(rng: &mut fastrand::Rng) -> String {
    format!(
        "{:016x}{:016x}{:016x}{:016x}",
        rng.u64(..),
        rng.u64(..),
        rng.u64(..),
        rng.u64(..)
    )
}

fn unit_row(code: &str, parent: Option<&str>, kind: &str, name: &str) -> UnitRow {
    UnitRow {
        row: 0,
        code: code.to_owned(),
        parent_code: parent.map(str::to_owned),
        kind: kind.to_owned(),
        name: name.to_owned(),
    }
}

async fn next_id(db: &Db, table: &str) -> Result<i64, sqlx::Error> {
    on_db!(db => sqlx::query_scalar(&format!("SELECT coalesce(max(id), 0) + 1 FROM {table}"))
        .fetch_one(db)
        .await)
}

/// Unique random codes (class, family, certificate).
#[derive(Default)]
struct Codes {
    used: HashSet<String>,
}

impl Codes {
    fn make<const N: usize>(&mut self, rng: &mut fastrand::Rng) -> String {
        loop {
            let mut bytes = [0u8; N];
            rng.fill(&mut bytes);
            let code = code_from_bytes(&bytes);
            if self.used.insert(code.clone()) {
                return code;
            }
        }
    }
    fn class(&mut self, rng: &mut fastrand::Rng) -> String {
        self.make::<CLASS_CODE_LEN>(rng)
    }
    fn family(&mut self, rng: &mut fastrand::Rng) -> String {
        self.make::<FAMILY_CODE_LEN>(rng)
    }
    fn certificate(&mut self, rng: &mut fastrand::Rng) -> String {
        self.make::<{ crate::learning::CERTIFICATE_CODE_LEN }>(rng)
    }
}

/// The modules the targets ask of a person.
fn required(rules: &[TargetRule], role: Role, age: Option<i32>) -> Vec<String> {
    let Some(audience) = counted_audience(role, age) else {
        return Vec::new();
    };
    let mut modules: Vec<String> = Vec::new();
    for rule in rules {
        let audience = match (rule.households, audience) {
            (true, Audience::Parent) | (false, _) => audience,
            _ => continue,
        };
        for module in rule.modules_for(audience).unwrap_or(&[]) {
            if !modules.contains(module) {
                modules.push(module.clone());
            }
        }
    }
    modules
}

/// An attempt to write: person, module, content version, submission key, answers (JSON),
/// correct, total, percent, passed, when.
type AttemptRow<'a> = (
    i64,
    &'a str,
    i64,
    String,
    &'a str,
    i64,
    i64,
    i64,
    bool,
    i64,
    &'a str,
);

/// Lessons seen, attempts (a first one failed now and then) and completions, spread over two
/// years with more of it recent. Returns (lesson views, attempts, completions).
#[allow(clippy::too_many_arguments)]
async fn learn(
    db: &Db,
    catalog: &Catalog,
    rules: &[TargetRule],
    learners: &[Person],
    rng: &mut fastrand::Rng,
    now: i64,
    codes: &mut Codes,
    progress: crate::Steps<'_>,
) -> Result<(usize, usize, usize), SyntheticError> {
    struct Shape {
        version: i64,
        lessons: Vec<String>,
        right: String,
        wrong: String,
        total: i64,
        /// The draw every synthetic attempt of the module asks: its first questions.
        draw: String,
    }
    let mut shapes: std::collections::HashMap<String, Shape> = std::collections::HashMap::new();
    for module in catalog.modules() {
        let m = &module.module;
        let mut draw = crate::domain::draw::Draw::whole(m);
        draw.0.truncate(m.quiz.attempt_size());
        let right: crate::domain::grading::Answers = m
            .quiz
            .questions
            .iter()
            .take(draw.len())
            .map(|q| {
                (
                    q.id.as_str().to_owned(),
                    q.answer.iter().map(|a| a.as_str().to_owned()).collect(),
                )
            })
            .collect();
        let mut wrong = right.clone();
        if let Some(first) = wrong.keys().next().cloned() {
            wrong.remove(&first);
        }
        shapes.insert(
            m.id.as_str().to_owned(),
            Shape {
                version: i64::from(m.version),
                lessons: m.lessons.iter().map(|l| l.id.as_str().to_owned()).collect(),
                right: serde_json::to_string(&right).unwrap_or_default(),
                wrong: serde_json::to_string(&wrong).unwrap_or_default(),
                total: draw.len() as i64,
                draw: serde_json::to_string(&draw).unwrap_or_default(),
            },
        );
    }
    let mut views: Vec<(i64, &str, &str, i64, i64)> = Vec::new();
    let mut attempts: Vec<AttemptRow> = Vec::new();
    let mut completions: Vec<(i64, &str, i64, i64, Option<String>)> = Vec::new();
    let (mut n_views, mut n_attempts, mut n_completions) = (0, 0, 0);
    let total = learners.len() as u64;
    // What each kind of person must learn (role, and age band for students), for every age a
    // student has had in the two years.
    let kind = |role: Role, age: Option<i32>| (role, age.map(crate::domain::learner::age_band));
    let mut asked: std::collections::HashMap<_, Vec<String>> = std::collections::HashMap::new();
    for person in learners {
        for years_ago in 0..=HISTORY_DAYS / 365 {
            let age = person.age.map(|a| a - years_ago as i32);
            asked
                .entry(kind(person.role, age))
                .or_insert_with(|| required(rules, person.role, age));
        }
    }
    for (done, person) in learners.iter().enumerate() {
        // When this person started: some time in the two years, more of them recently.
        let start = now - ((HISTORY_DAYS as f64) * (1.0 - rng.f64().sqrt()) * 86_400.0) as i64;
        let mut at = start;
        // A student who has moved up an age band since did the younger band's modules first.
        let age_then = person
            .age
            .map(|a| a - ((now - start) / (365 * 86_400)) as i32);
        let then = &asked[&kind(person.role, age_then)];
        let current = &asked[&kind(person.role, person.age)];
        let earlier = then.iter().filter(|m| !current.contains(m));
        let modules = earlier.chain(current.iter());
        for module in modules {
            let Some(shape) = shapes.get(module.as_str()) else {
                return Err(SyntheticError::MissingModule(module.clone()));
            };
            if rng.f64() > person.diligence {
                // Started but not finished: some of its lessons read, now and then; half of
                // those who stop here stop altogether, the others go on to the next module.
                if rng.f64() < 0.6 {
                    let read = rng.usize(1..=shape.lessons.len().max(1));
                    for lesson in shape.lessons.iter().take(read) {
                        views.push((
                            person.id,
                            module.as_str(),
                            lesson.as_str(),
                            shape.version,
                            at.min(now),
                        ));
                    }
                }
                if rng.bool() {
                    break;
                }
                continue;
            }
            at += rng.i64(1..=20) * 86_400;
            if at >= now {
                break;
            }
            for lesson in &shape.lessons {
                views.push((
                    person.id,
                    module.as_str(),
                    lesson.as_str(),
                    shape.version,
                    at,
                ));
            }
            // Failed tries before passing: more of them for the less diligent.
            let retry = 0.2 + 0.5 * (1.0 - person.diligence);
            let mut tries = 0;
            while tries < 4 && rng.f64() < retry {
                tries += 1;
                attempts.push((
                    person.id,
                    module.as_str(),
                    shape.version,
                    key(rng),
                    shape.wrong.as_str(),
                    shape.total - 1,
                    shape.total,
                    (shape.total - 1) * 100 / shape.total.max(1),
                    false,
                    at + 10 * tries,
                    shape.draw.as_str(),
                ));
            }
            attempts.push((
                person.id,
                module.as_str(),
                shape.version,
                key(rng),
                shape.right.as_str(),
                shape.total,
                shape.total,
                100,
                true,
                at + 60,
                shape.draw.as_str(),
            ));
            let certificate = person.role.is_staff().then(|| codes.certificate(rng));
            completions.push((
                person.id,
                module.as_str(),
                shape.version,
                at + 60,
                certificate,
            ));
        }
        if views.len() >= BATCH * 4 || done + 1 == learners.len() {
            n_views += views.len();
            n_attempts += attempts.len();
            n_completions += completions.len();
            on_db!(db => {
            let mut tx = db.begin().await?;
                        for chunk in views.chunks(BATCH) {
                            let mut query = QueryBuilder::new(
                                "INSERT INTO lesson_views (person_id, module_id, lesson_id, content_version, seen_at) ",
                            );
                            query.push_values(chunk, |mut row, (person, module, lesson, version, at)| {
                                row.push_bind(*person)
                                    .push_bind(*module)
                                    .push_bind(*lesson)
                                    .push_bind(*version)
                                    .push_bind(*at);
                            });
                            query.push(" ON CONFLICT DO NOTHING");
                            query.build().execute(&mut *tx).await?;
                        }
                        for chunk in attempts.chunks(BATCH) {
                            let mut query = QueryBuilder::new(
                                "INSERT INTO attempts (person_id, module_id, content_version, submission_key, answers, correct, total, percent, passed, submitted_at, draw) ",
                            );
                            query.push_values(
                                chunk,
                                |mut row,
                                 (
                                    person,
                                    module,
                                    version,
                                    key,
                                    answers,
                                    correct,
                                    total,
                                    percent,
                                    passed,
                                    at,
                                    draw,
                                )| {
                                    row.push_bind(*person)
                                        .push_bind(*module)
                                        .push_bind(*version)
                                        .push_bind(key.clone())
                                        .push_bind(*answers)
                                        .push_bind(*correct)
                                        .push_bind(*total)
                                        .push_bind(*percent)
                                        .push_bind(*passed)
                                        .push_bind(*at)
                                        .push_bind(*draw);
                                },
                            );
                            query.build().execute(&mut *tx).await?;
                        }
                        for chunk in completions.chunks(BATCH) {
                            let mut query = QueryBuilder::new(
                                "INSERT INTO completions (person_id, module_id, content_version, completed_at, certificate_code) ",
                            );
                            query.push_values(
                                chunk,
                                |mut row, (person, module, version, at, certificate)| {
                                    row.push_bind(*person)
                                        .push_bind(*module)
                                        .push_bind(*version)
                                        .push_bind(*at)
                                        .push_bind(certificate.clone());
                                },
                            );
                            query.build().execute(&mut *tx).await?;
                        }
                        tx.commit().await?;
            });
            views.clear();
            attempts.clear();
            completions.clear();
            progress("learning", done as u64 + 1, total);
        }
    }
    Ok((n_views, n_attempts, n_completions))
}

/// Official counts for this year: a school's enrolment is those registered plus up to 15%;
/// a commune's households and staff in post a little above those registered.
async fn official_counts(
    db: &Db,
    year: i32,
    now: i64,
    rng: &mut fastrand::Rng,
) -> Result<(), sqlx::Error> {
    let as_of = format!("{year}-01-01");
    let students: Vec<(i64, i64)> = on_db!(db => sqlx::query_as(
        "SELECT unit_id, count(*) FROM people WHERE role = 'student' GROUP BY unit_id",
    )
    .fetch_all(db)
    .await)?;
    let households: Vec<(i64, i64)> = on_db!(db => sqlx::query_as(
        "SELECT u.parent_id, count(*) FROM households h JOIN org_units u ON u.id = h.unit_id GROUP BY u.parent_id",
    )
    .fetch_all(db)
    .await)?;
    let staff: Vec<(i64, String, i64)> = on_db!(db => sqlx::query_as(
        "SELECT unit_id, role, count(*) FROM people WHERE role IN ('protection-officer', 'police-officer') GROUP BY unit_id, role",
    )
    .fetch_all(db)
    .await)?;
    let mut rows: Vec<(i64, &str, i64, &str)> = Vec::new();
    for (unit, n) in students {
        rows.push((
            unit,
            "students",
            n + (n as f64 * 0.15 * rng.f64()) as i64,
            "Sở GD&ĐT (mô phỏng)",
        ));
    }
    for (unit, n) in households {
        rows.push((
            unit,
            "families",
            n + (n as f64 * 0.2 * rng.f64()) as i64,
            "UBND xã (mô phỏng)",
        ));
    }
    for (unit, role, n) in staff {
        let target = if role == "police-officer" {
            "police"
        } else {
            "child-protection-staff"
        };
        rows.push((
            unit,
            target,
            n + i64::from(rng.u8(..2)),
            "UBND xã (mô phỏng)",
        ));
    }
    for chunk in rows.chunks(BATCH) {
        on_db!(db => {
         let mut query =  QueryBuilder::new(
                    "INSERT INTO official_counts (unit_id, target_id, year, count, source, as_of, imported_at) ",
                );
                query.push_values(chunk, |mut row, (unit, target, count, source)| {
                    row.push_bind(*unit)
                        .push_bind(*target)
                        .push_bind(year)
                        .push_bind(*count)
                        .push_bind(*source)
                        .push_bind(as_of.as_str())
                        .push_bind(now);
                });
                query.build().execute(db).await?;
        });
    }
    Ok(())
}
