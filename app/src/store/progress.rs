//! Lessons seen, quiz attempts and completions.

use super::{Db, StoreError};
use crate::domain::grading::{Answers, Grade};
use std::collections::BTreeSet;

/// Records that a person saw a lesson (once: later views change nothing). True if new.
pub async fn record_view(
    db: &Db,
    person_id: i64,
    module_id: &str,
    lesson_id: &str,
    content_version: u32,
    now: i64,
) -> Result<bool, StoreError> {
    on_db!(db => {
        let inserted = sqlx::query(
            "INSERT INTO lesson_views (person_id, module_id, lesson_id, content_version, seen_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(person_id)
        .bind(module_id)
        .bind(lesson_id)
        .bind(i64::from(content_version))
        .bind(now)
        .execute(db)
        .await?
        .rows_affected();
        Ok(inserted > 0)
    })
}

pub async fn seen_lessons(
    db: &Db,
    person_id: i64,
    module_id: &str,
) -> Result<BTreeSet<String>, StoreError> {
    on_db!(db => {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT lesson_id FROM lesson_views WHERE person_id = $1 AND module_id = $2",
        )
        .bind(person_id)
        .bind(module_id)
        .fetch_all(db)
        .await?;
        Ok(ids.into_iter().collect())
    })
}

/// A graded attempt to store.
pub struct Submission<'a> {
    pub person_id: i64,
    pub module_id: &'a str,
    pub content_version: u32,
    /// From the quiz form: the same key twice is the same attempt.
    pub submission_key: &'a str,
    pub answers: &'a Answers,
    pub grade: &'a Grade,
    /// Whether every lesson of the module has been seen (for completion).
    pub lessons_done: bool,
    /// For staff: the verification code of the certificate, if this attempt completes.
    pub certificate_code: Option<&'a str>,
    /// The targets' rules and the year: a completion moves the coverage rollups with it.
    pub coverage: (&'a [crate::domain::coverage::TargetRule], i32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stored {
    pub attempt_id: i64,
    /// False when this key was submitted before (nothing new was stored).
    pub created: bool,
    pub completed: bool,
}

/// Stores an attempt (idempotent on the submission key) and, if it passed with every lesson
/// seen, the completion with the content version it was earned on — in one transaction,
/// committed durably (WAL, synchronous = FULL) before the learner is told.
pub async fn submit(db: &Db, s: &Submission<'_>, now: i64) -> Result<Stored, StoreError> {
    on_db!(db => {
        let answers = serde_json::to_string(s.answers).unwrap_or_else(|_| "{}".to_owned());
        let mut tx = db.begin().await?;
        if s.grade.passed && s.lessons_done {
            // A completion would change the rollups: wait for a rebuild before writing.
            super::coverage::hold_off_rebuild(&mut tx).await?;
        }
        let created = sqlx::query(
            "INSERT INTO attempts (person_id, module_id, content_version, submission_key, answers, correct, total, percent, passed, submitted_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (person_id, submission_key) DO NOTHING",
        )
        .bind(s.person_id)
        .bind(s.module_id)
        .bind(i64::from(s.content_version))
        .bind(s.submission_key)
        .bind(&answers)
        .bind(s.grade.correct as i64)
        .bind(s.grade.total as i64)
        .bind(i64::from(s.grade.percent))
        .bind(s.grade.passed)
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        // Answers kept across a sign-in are sent now: nothing to keep any more.
        sqlx::query("DELETE FROM kept_answers WHERE person_id = $1 AND submission_key = $2")
            .bind(s.person_id)
            .bind(s.submission_key)
            .execute(&mut *tx)
            .await?;
        let attempt_id: i64 =
            sqlx::query_scalar("SELECT id FROM attempts WHERE person_id = $1 AND submission_key = $2")
                .bind(s.person_id)
                .bind(s.submission_key)
                .fetch_one(&mut *tx)
                .await?;
        if created && s.grade.passed && s.lessons_done {
            let new = sqlx::query(
                "INSERT INTO completions (person_id, module_id, content_version, completed_at, certificate_code) \
                 VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
            )
            .bind(s.person_id)
            .bind(s.module_id)
            .bind(i64::from(s.content_version))
            .bind(now)
            .bind(s.certificate_code)
            .execute(&mut *tx)
            .await?
            .rows_affected()
                > 0;
            if new {
                let (rules, year) = s.coverage;
                super::coverage::refresh_person(&mut tx, rules, s.person_id, year).await?;
            }
        }
        let completed: bool = sqlx::query_scalar(
            "SELECT count(*) > 0 FROM completions WHERE person_id = $1 AND module_id = $2",
        )
        .bind(s.person_id)
        .bind(s.module_id)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Stored {
            attempt_id,
            created,
            completed,
        })
    })
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AttemptRow {
    pub id: i64,
    pub module_id: String,
    pub content_version: i64,
    pub answers: String,
    pub correct: i64,
    pub total: i64,
    pub percent: i64,
    pub passed: bool,
    pub submitted_at: i64,
}

/// One of this person's attempts (nobody else's).
pub async fn attempt(
    db: &Db,
    person_id: i64,
    attempt_id: i64,
) -> Result<Option<AttemptRow>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT id, module_id, content_version, answers, correct, total, percent, passed, submitted_at \
             FROM attempts WHERE id = $1 AND person_id = $2",
        )
        .bind(attempt_id)
        .bind(person_id)
        .fetch_optional(db)
        .await?)
    })
}

pub async fn completed(db: &Db, person_id: i64, module_id: &str) -> Result<bool, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_scalar(
            "SELECT count(*) > 0 FROM completions WHERE person_id = $1 AND module_id = $2",
        )
        .bind(person_id)
        .bind(module_id)
        .fetch_one(db)
        .await?)
    })
}

/// The modules a person completed.
pub async fn completed_modules(
    db: &Db,
    person_id: i64,
) -> Result<std::collections::BTreeSet<String>, StoreError> {
    on_db!(db => {
        let ids: Vec<String> =
            sqlx::query_scalar("SELECT module_id FROM completions WHERE person_id = $1")
                .bind(person_id)
                .fetch_all(db)
                .await?;
        Ok(ids.into_iter().collect())
    })
}

/// The certificate code of a person's completion of a module, if it has one.
pub async fn certificate_code(
    db: &Db,
    person_id: i64,
    module_id: &str,
) -> Result<Option<String>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_scalar(
            "SELECT certificate_code FROM completions WHERE person_id = $1 AND module_id = $2",
        )
        .bind(person_id)
        .bind(module_id)
        .fetch_optional(db)
        .await?
        .flatten())
    })
}

/// What a certificate shows to anyone with its code: the holder's name, role and unit, the
/// unit that issues it (the top of the holder's organisation tree, whose plan the training
/// serves), the module and the day — nothing else.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct CertificateRow {
    pub display_name: String,
    pub role: String,
    pub unit_name: String,
    pub issuer_name: String,
    pub module_id: String,
    pub completed_at: i64,
}

pub async fn certificate(db: &Db, code: &str) -> Result<Option<CertificateRow>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT p.display_name, p.role, u.name AS unit_name, top.name AS issuer_name, \
                    c.module_id, c.completed_at \
             FROM completions c JOIN people p ON p.id = c.person_id \
             JOIN org_units u ON u.id = p.unit_id \
             JOIN org_units top ON top.parent_id IS NULL AND substr(u.path, 1, length(top.path)) = top.path \
             WHERE c.certificate_code = $1",
        )
        .bind(code)
        .fetch_optional(db)
        .await?)
    })
}

/// A person's certificates: module, code and when, the latest first.
pub async fn certificates_of(
    db: &Db,
    person_id: i64,
) -> Result<Vec<(String, String, i64)>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT module_id, certificate_code, completed_at FROM completions \
             WHERE person_id = $1 AND certificate_code IS NOT NULL ORDER BY completed_at DESC, module_id",
        )
        .bind(person_id)
        .fetch_all(db)
        .await?)
    })
}

/// Where a person stands in one module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    pub seen: BTreeSet<String>,
    /// The last time they read a lesson or submitted the quiz.
    pub last_at: i64,
    pub best: Option<u8>,
    pub completed: bool,
}

/// A person's standing in every module they have started.
pub async fn standings(
    db: &Db,
    person_id: i64,
) -> Result<std::collections::HashMap<String, Standing>, StoreError> {
    on_db!(db => {
        let mut map: std::collections::HashMap<String, Standing> = std::collections::HashMap::new();
        let views: Vec<(String, String, i64)> = sqlx::query_as(
            "SELECT module_id, lesson_id, seen_at FROM lesson_views WHERE person_id = $1",
        )
        .bind(person_id)
        .fetch_all(db)
        .await?;
        for (module, lesson, at) in views {
            let s = map.entry(module).or_default();
            s.seen.insert(lesson);
            s.last_at = s.last_at.max(at);
        }
        let attempts: Vec<(String, i64, i64)> = sqlx::query_as(
            "SELECT module_id, max(percent), max(submitted_at) FROM attempts WHERE person_id = $1 GROUP BY module_id",
        )
        .bind(person_id)
        .fetch_all(db)
        .await?;
        for (module, best, at) in attempts {
            let s = map.entry(module).or_default();
            s.best = Some(best.clamp(0, 100) as u8);
            s.last_at = s.last_at.max(at);
        }
        let done: Vec<String> =
            sqlx::query_scalar("SELECT module_id FROM completions WHERE person_id = $1")
                .bind(person_id)
                .fetch_all(db)
                .await?;
        for module in done {
            map.entry(module).or_default().completed = true;
        }
        Ok(map)
    })
}

/// The best score on a module (the best counts), if any attempt was made.
pub async fn best_percent(
    db: &Db,
    person_id: i64,
    module_id: &str,
) -> Result<Option<u8>, StoreError> {
    on_db!(db => {
        let best: Option<i64> = sqlx::query_scalar(
            "SELECT max(percent) FROM attempts WHERE person_id = $1 AND module_id = $2",
        )
        .bind(person_id)
        .bind(module_id)
        .fetch_one(db)
        .await?;
        Ok(best.map(|p| p.clamp(0, 100) as u8))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::grading::QuestionResult;
    use crate::store::testing;

    /// Each test database with a school and one student in it.
    async fn dbs_with_person() -> Vec<(Db, i64)> {
        let mut all = Vec::new();
        for db in testing::databases().await {
            testing::execute(
                &db,
                "INSERT INTO org_units (code, kind, name, path) VALUES ('S', 'school', 'S', '/1/')",
            )
            .await;
            let id = testing::integer(
                &db,
                "INSERT INTO people (role, unit_id, display_name, created_at) \
                 VALUES ('student', 1, 'An', 0) RETURNING id",
            )
            .await;
            all.push((db, id));
        }
        all
    }

    fn grade(correct: usize, passed: bool) -> Grade {
        Grade {
            correct,
            total: 4,
            percent: (correct * 25) as u8,
            passed,
            questions: Vec::<QuestionResult>::new(),
        }
    }

    #[tokio::test]
    async fn a_lesson_is_seen_once_however_often_it_is_read() {
        for (db, person) in dbs_with_person().await {
            assert!(record_view(&db, person, "m", "one", 1, 10).await.unwrap());
            assert!(!record_view(&db, person, "m", "one", 1, 20).await.unwrap());
            record_view(&db, person, "m", "two", 1, 30).await.unwrap();
            assert_eq!(
                seen_lessons(&db, person, "m").await.unwrap(),
                ["one", "two"].map(String::from).into()
            );
        }
    }

    #[tokio::test]
    async fn the_same_submission_key_is_one_attempt_and_the_best_score_counts() {
        for (db, person) in dbs_with_person().await {
            let answers = Answers::new();
            let (fail, pass) = (grade(1, false), grade(4, true));
            let first = Submission {
                person_id: person,
                module_id: "m",
                content_version: 2,
                submission_key: "k1",
                answers: &answers,
                grade: &fail,
                lessons_done: true,
                certificate_code: Some("ABCDE23456"),
                coverage: (&[], 2026),
            };
            let stored = submit(&db, &first, 100).await.unwrap();
            assert!(stored.created && !stored.completed);
            let again = submit(&db, &first, 101).await.unwrap();
            assert_eq!(
                (again.attempt_id, again.created),
                (stored.attempt_id, false),
                "a double click is one attempt"
            );
            let second = Submission {
                submission_key: "k2",
                grade: &pass,
                ..first
            };
            let passed = submit(&db, &second, 200).await.unwrap();
            assert!(passed.created && passed.completed);
            assert_eq!(best_percent(&db, person, "m").await.unwrap(), Some(100));
            let version = testing::integer(&db, "SELECT content_version FROM completions").await;
            assert_eq!(version, 2, "completion records the content version");
            assert!(
                attempt(&db, person, passed.attempt_id)
                    .await
                    .unwrap()
                    .unwrap()
                    .passed
            );
            assert_eq!(
                attempt(&db, person + 1, passed.attempt_id).await.unwrap(),
                None,
                "only one's own"
            );
        }
    }

    #[tokio::test]
    async fn passing_without_every_lesson_is_not_completion() {
        for (db, person) in dbs_with_person().await {
            let answers = Answers::new();
            let pass = grade(4, true);
            let s = Submission {
                person_id: person,
                module_id: "m",
                content_version: 1,
                submission_key: "k",
                answers: &answers,
                grade: &pass,
                lessons_done: false,
                certificate_code: None,
                coverage: (&[], 2026),
            };
            assert!(!submit(&db, &s, 1).await.unwrap().completed);
        }
    }
}

/// One attempt in a person's record.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct RecordAttempt {
    pub id: i64,
    pub module_id: String,
    pub correct: i64,
    pub total: i64,
    pub percent: i64,
    pub passed: bool,
    pub submitted_at: i64,
}

/// Everything a person did, for their record: lessons read (module, lesson, when), every
/// attempt, every completion (module, when) — assigned or not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub lessons: Vec<(String, String, i64)>,
    pub attempts: Vec<RecordAttempt>,
    pub completions: Vec<(String, i64)>,
}

pub async fn record(db: &Db, person_id: i64) -> Result<Record, StoreError> {
    on_db!(db => {
        let lessons = sqlx::query_as(
            "SELECT module_id, lesson_id, seen_at FROM lesson_views WHERE person_id = $1 \
             ORDER BY seen_at, module_id, lesson_id",
        )
        .bind(person_id)
        .fetch_all(db)
        .await?;
        let attempts = sqlx::query_as(
            "SELECT id, module_id, correct, total, percent, passed, submitted_at FROM attempts \
             WHERE person_id = $1 ORDER BY id",
        )
        .bind(person_id)
        .fetch_all(db)
        .await?;
        let completions = sqlx::query_as(
            "SELECT module_id, completed_at FROM completions WHERE person_id = $1 \
             ORDER BY completed_at, module_id",
        )
        .bind(person_id)
        .fetch_all(db)
        .await?;
        Ok(Record {
            lessons,
            attempts,
            completions,
        })
    })
}
