//! Lessons seen, quiz attempts and completions.

use super::{Db, StoreError};
use crate::domain::grading::{Answers, Grade};
use std::collections::BTreeSet;

/// Records that a person saw a lesson (once: later views change nothing), and that a lesson
/// they were sent back to is read again. True if new.
pub async fn record_view(
    db: &Db,
    person_id: i64,
    module_id: &str,
    lesson_id: &str,
    content_version: u32,
    now: i64,
) -> Result<bool, StoreError> {
    on_db!(db => {
        // One write transaction for both (one commit on the lesson page's path).
        let mut tx = db.begin().await?;
        let inserted = sqlx::query(
            "INSERT INTO lesson_views (person_id, module_id, lesson_id, content_version, seen_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(person_id)
        .bind(module_id)
        .bind(lesson_id)
        .bind(i64::from(content_version))
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        sqlx::query("DELETE FROM rereads WHERE person_id = $1 AND module_id = $2 AND lesson_id = $3")
            .bind(person_id)
            .bind(module_id)
            .bind(lesson_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(inserted > 0)
    })
}

/// The lessons of a module this person must read again before their next attempt.
pub async fn rereads(
    db: &Db,
    person_id: i64,
    module_id: &str,
) -> Result<BTreeSet<String>, StoreError> {
    lesson_ids(
        db,
        "SELECT lesson_id FROM rereads WHERE person_id = $1 AND module_id = $2",
        (person_id, module_id),
    )
    .await
}

/// The lesson ids `query` finds for a person (`$1`) and a module (`$2`).
async fn lesson_ids(
    db: &Db,
    query: &'static str,
    (person_id, module_id): (i64, &str),
) -> Result<BTreeSet<String>, StoreError> {
    on_db!(db => {
        let ids: Vec<String> = sqlx::query_scalar(query)
            .bind(person_id)
            .bind(module_id)
            .fetch_all(db)
            .await?;
        Ok(ids.into_iter().collect())
    })
}

/// The draw waiting for a person's next attempt of a module.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct OpenDraw {
    pub content_version: i64,
    pub draw_key: String,
    /// JSON: a [`crate::domain::draw::Draw`].
    pub draw: String,
}

pub async fn open_draw(
    db: &Db,
    person_id: i64,
    module_id: &str,
) -> Result<Option<OpenDraw>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT content_version, draw_key, draw FROM open_draws WHERE person_id = $1 AND module_id = $2",
        )
        .bind(person_id)
        .bind(module_id)
        .fetch_optional(db)
        .await?)
    })
}

/// Stores `new` as the person's next draw of the module unless one is there already (a second
/// tab opened at the same moment) — or replaces `stale`, the one found out of date — and
/// returns the draw that is open now.
pub async fn put_open_draw(
    db: &Db,
    (person_id, module_id): (i64, &str),
    stale: Option<&str>,
    new: &OpenDraw,
    now: i64,
) -> Result<OpenDraw, StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        if let Some(stale) = stale {
            sqlx::query("DELETE FROM open_draws WHERE person_id = $1 AND module_id = $2 AND draw_key = $3")
                .bind(person_id)
                .bind(module_id)
                .bind(stale)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO open_draws (person_id, module_id, content_version, draw_key, draw, drawn_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (person_id, module_id) DO NOTHING",
        )
        .bind(person_id)
        .bind(module_id)
        .bind(new.content_version)
        .bind(&new.draw_key)
        .bind(&new.draw)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let open = sqlx::query_as(
            "SELECT content_version, draw_key, draw FROM open_draws WHERE person_id = $1 AND module_id = $2",
        )
        .bind(person_id)
        .bind(module_id)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(open)
    })
}

/// The draw (JSON, `None` before draws were kept) and answers of a person's latest attempt of a
/// module: what a retry avoids.
pub async fn latest_attempt(
    db: &Db,
    person_id: i64,
    module_id: &str,
) -> Result<Option<(Option<String>, String)>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT draw, answers FROM attempts WHERE person_id = $1 AND module_id = $2 ORDER BY id DESC LIMIT 1",
        )
        .bind(person_id)
        .bind(module_id)
        .fetch_optional(db)
        .await?)
    })
}

/// Each learner's first attempt of a module: its draw (JSON, `None` before draws were kept),
/// answers (JSON), whether it passed, and the learner's role.
pub async fn first_attempts(
    db: &Db,
    module_id: &str,
) -> Result<Vec<(Option<String>, String, bool, String)>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT a.draw, a.answers, a.passed, p.role FROM attempts a JOIN people p ON p.id = a.person_id \
             WHERE a.id IN (SELECT min(id) FROM attempts WHERE module_id = $1 GROUP BY person_id)",
        )
        .bind(module_id)
        .fetch_all(db)
        .await?)
    })
}

/// The attempt a submission key already made, if any.
pub async fn attempt_by_key(
    db: &Db,
    person_id: i64,
    submission_key: &str,
) -> Result<Option<i64>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_scalar("SELECT id FROM attempts WHERE person_id = $1 AND submission_key = $2")
            .bind(person_id)
            .bind(submission_key)
            .fetch_optional(db)
            .await?)
    })
}

pub async fn seen_lessons(
    db: &Db,
    person_id: i64,
    module_id: &str,
) -> Result<BTreeSet<String>, StoreError> {
    lesson_ids(
        db,
        "SELECT lesson_id FROM lesson_views WHERE person_id = $1 AND module_id = $2",
        (person_id, module_id),
    )
    .await
}

/// A graded attempt to store.
pub struct Submission<'a> {
    pub person_id: i64,
    pub module_id: &'a str,
    pub content_version: u32,
    /// From the quiz form: the same key twice is the same attempt.
    pub submission_key: &'a str,
    /// JSON: the [`crate::domain::draw::Draw`] the attempt asked.
    pub draw: &'a str,
    pub answers: &'a Answers,
    pub grade: &'a Grade,
    /// The key of the open draw the attempt answered: used up by it. `None` only where no draw
    /// was opened (tests of the store).
    pub draw_key: Option<&'a str>,
    /// The module's lessons now: a lesson still to read again holds the attempt back.
    pub lessons: &'a [&'a str],
    /// The lessons of what this attempt got wrong: to read again before the next attempt if it
    /// fails and ends a run of failures that sends the learner back.
    pub reread_if_sent_back: &'a [&'a str],
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

/// What became of a submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Submitted {
    Stored(Stored),
    /// The draw was used up by another attempt or replaced: nothing stored.
    DrawGone,
    /// Lessons to read again first: nothing stored.
    RereadFirst(Vec<String>),
}

/// Stores an attempt (idempotent on the submission key) and, if it passed with every lesson
/// seen, the completion with the content version it was earned on — in one transaction,
/// committed durably (WAL, synchronous = FULL) before the learner is told. The attempt's draw
/// is used up first, in the same transaction: of two attempts sent on one draw at the same
/// moment, one is stored and the other finds the draw gone (one draw, one grade).
pub async fn submit(db: &Db, s: &Submission<'_>, now: i64) -> Result<Submitted, StoreError> {
    on_db!(db => {
        let answers = serde_json::to_string(s.answers).unwrap_or_else(|_| "{}".to_owned());
        let mut tx = db.begin().await?;
        if let Some(key) = s.draw_key {
            let used = sqlx::query(
                "DELETE FROM open_draws WHERE person_id = $1 AND module_id = $2 AND draw_key = $3",
            )
            .bind(s.person_id)
            .bind(s.module_id)
            .bind(key)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if used == 0 {
                // The same form sent twice at once: the other request stored it.
                let earlier: Option<i64> = sqlx::query_scalar(
                    "SELECT id FROM attempts WHERE person_id = $1 AND submission_key = $2",
                )
                .bind(s.person_id)
                .bind(s.submission_key)
                .fetch_optional(&mut *tx)
                .await?;
                let completed: bool = sqlx::query_scalar(
                    "SELECT count(*) > 0 FROM completions WHERE person_id = $1 AND module_id = $2",
                )
                .bind(s.person_id)
                .bind(s.module_id)
                .fetch_one(&mut *tx)
                .await?;
                tx.rollback().await?;
                return Ok(match earlier {
                    Some(attempt_id) => Submitted::Stored(Stored {
                        attempt_id,
                        created: false,
                        completed,
                    }),
                    None => Submitted::DrawGone,
                });
            }
        }
        let due: Vec<String> = sqlx::query_scalar(
            "SELECT lesson_id FROM rereads WHERE person_id = $1 AND module_id = $2",
        )
        .bind(s.person_id)
        .bind(s.module_id)
        .fetch_all(&mut *tx)
        .await?;
        let due: Vec<String> = due.into_iter().filter(|l| s.lessons.contains(&l.as_str())).collect();
        if !due.is_empty() {
            tx.rollback().await?;
            return Ok(Submitted::RereadFirst(due));
        }
        let failures: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM attempts WHERE person_id = $1 AND module_id = $2 AND NOT passed \
               AND id > COALESCE((SELECT max(id) FROM attempts WHERE person_id = $1 AND module_id = $2 AND passed), 0)",
        )
        .bind(s.person_id)
        .bind(s.module_id)
        .fetch_one(&mut *tx)
        .await?;
        let sent_back = !s.grade.passed
            && crate::domain::draw::sends_back(failures.max(0) as usize + 1);
        if s.grade.passed && s.lessons_done {
            // A completion would change the rollups: wait for a rebuild before writing.
            super::coverage::hold_off_rebuild(&mut tx).await?;
        }
        let created = sqlx::query(
            "INSERT INTO attempts (person_id, module_id, content_version, submission_key, answers, correct, total, percent, passed, submitted_at, draw) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (person_id, submission_key) DO NOTHING",
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
        .bind(s.draw)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            > 0;
        if created && sent_back {
            for lesson in s.reread_if_sent_back {
                sqlx::query(
                    "INSERT INTO rereads (person_id, module_id, lesson_id, due_since) VALUES ($1, $2, $3, $4) \
                     ON CONFLICT DO NOTHING",
                )
                .bind(s.person_id)
                .bind(s.module_id)
                .bind(lesson)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
        }
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
        Ok(Submitted::Stored(Stored {
            attempt_id,
            created,
            completed,
        }))
    })
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct AttemptRow {
    pub id: i64,
    pub module_id: String,
    pub content_version: i64,
    pub answers: String,
    /// JSON: the draw it asked (`None`: stored before draws were kept).
    pub draw: Option<String>,
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
            "SELECT id, module_id, content_version, answers, draw, correct, total, percent, passed, submitted_at \
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
                draw: "[]",
                answers: &answers,
                grade: &fail,
                draw_key: None,
                lessons: &[],
                reread_if_sent_back: &[],
                lessons_done: true,
                certificate_code: Some("ABCDE23456"),
                coverage: (&[], 2026),
            };
            let made = stored(submit(&db, &first, 100).await.unwrap());
            assert!(made.created && !made.completed);
            let again = stored(submit(&db, &first, 101).await.unwrap());
            assert_eq!(
                (again.attempt_id, again.created),
                (made.attempt_id, false),
                "a double click is one attempt"
            );
            let second = Submission {
                submission_key: "k2",
                grade: &pass,
                ..first
            };
            let passed = stored(submit(&db, &second, 200).await.unwrap());
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

    fn stored(submitted: Submitted) -> Stored {
        match submitted {
            Submitted::Stored(stored) => stored,
            other => panic!("not stored: {other:?}"),
        }
    }

    /// Opens the draw `key` of module "m" for `person`.
    async fn open_next(db: &Db, person: i64, key: &str) {
        let open = OpenDraw {
            content_version: 1,
            draw_key: key.to_owned(),
            draw: "[]".to_owned(),
        };
        put_open_draw(db, (person, "m"), None, &open, 1)
            .await
            .unwrap();
    }

    /// One draw, one grade: a second attempt sent on a draw another attempt used up is not
    /// stored; lessons to read again hold an attempt back, and reading one clears it.
    #[tokio::test]
    async fn a_draw_grades_once_and_lessons_to_reread_come_first() {
        for (db, person) in dbs_with_person().await {
            let answers = Answers::new();
            let fail = grade(1, false);
            open_next(&db, person, "d1").await;
            let first = Submission {
                person_id: person,
                module_id: "m",
                content_version: 1,
                submission_key: "k1",
                draw: "[]",
                answers: &answers,
                grade: &fail,
                draw_key: Some("d1"),
                lessons: &["one", "two"],
                reread_if_sent_back: &["two"],
                lessons_done: true,
                certificate_code: None,
                coverage: (&[], 2026),
            };
            assert!(stored(submit(&db, &first, 10).await.unwrap()).created);
            let other = Submission {
                submission_key: "k2",
                ..first
            };
            assert_eq!(submit(&db, &other, 11).await.unwrap(), Submitted::DrawGone);
            let again = stored(submit(&db, &first, 12).await.unwrap());
            assert!(!again.created, "the same form again is the attempt it made");
            // A second failure in a row sends the learner back to lesson "two".
            open_next(&db, person, "d2").await;
            let second = Submission {
                submission_key: "k3",
                draw_key: Some("d2"),
                ..first
            };
            assert!(stored(submit(&db, &second, 14).await.unwrap()).created);
            assert_eq!(
                rereads(&db, person, "m").await.unwrap(),
                ["two".to_owned()].into()
            );
            open_next(&db, person, "d3").await;
            let third = Submission {
                submission_key: "k4",
                draw_key: Some("d3"),
                ..first
            };
            assert_eq!(
                submit(&db, &third, 16).await.unwrap(),
                Submitted::RereadFirst(vec!["two".to_owned()])
            );
            assert!(
                open_draw(&db, person, "m").await.unwrap().is_some(),
                "the draw stays open"
            );
            // A lesson no longer in the module holds nothing back.
            let gone = Submission {
                lessons: &["one"],
                ..third
            };
            assert!(stored(submit(&db, &gone, 17).await.unwrap()).created);
            record_view(&db, person, "m", "two", 1, 18).await.unwrap();
            assert!(
                rereads(&db, person, "m").await.unwrap().is_empty(),
                "read again"
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
                draw: "[]",
                answers: &answers,
                grade: &pass,
                draw_key: None,
                lessons: &[],
                reread_if_sent_back: &[],
                lessons_done: false,
                certificate_code: None,
                coverage: (&[], 2026),
            };
            assert!(!stored(submit(&db, &s, 1).await.unwrap()).completed);
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
