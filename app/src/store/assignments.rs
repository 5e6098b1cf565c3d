//! Assignments of modules to classes, and how far each student of a class got with them.

use super::{Conn, Db, StoreError};

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Assignment {
    pub class_id: i64,
    pub module_id: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
}

/// Assigns modules to classes by a date, all or none; assigning one again moves its date.
/// Returns how many are new.
pub async fn assign_all(
    db: &Db,
    list: &[Assignment],
    by: i64,
    now: i64,
) -> Result<usize, StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        let mut new = 0;
        for assignment in list {
            let existed: bool = sqlx::query_scalar(
                "SELECT count(*) > 0 FROM assignments WHERE class_id = $1 AND module_id = $2",
            )
            .bind(assignment.class_id)
            .bind(&assignment.module_id)
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO assignments (class_id, module_id, due_on, assigned_by, assigned_at) \
                 VALUES ($1, $2, $3, $4, $5) \
                 ON CONFLICT (class_id, module_id) DO UPDATE SET due_on = excluded.due_on, \
                 assigned_by = excluded.assigned_by, assigned_at = excluded.assigned_at",
            )
            .bind(assignment.class_id)
            .bind(&assignment.module_id)
            .bind(&assignment.due_on)
            .bind(by)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            new += usize::from(!existed);
        }
        tx.commit().await?;
        Ok(new)
    })
}

/// Takes an assignment back (progress made on the module stays). True if there was one.
pub async fn remove(db: &Db, class_id: i64, module_id: &str) -> Result<bool, StoreError> {
    on_db!(db => {
        let removed = sqlx::query("DELETE FROM assignments WHERE class_id = $1 AND module_id = $2")
            .bind(class_id)
            .bind(module_id)
            .execute(db)
            .await?
            .rows_affected();
        Ok(removed > 0)
    })
}

/// A class's assignments, soonest due first.
pub async fn for_class(
    conn: impl Into<Conn<'_>>,
    class_id: i64,
) -> Result<Vec<Assignment>, StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        Ok(sqlx::query_as(
            "SELECT class_id, module_id, due_on FROM assignments WHERE class_id = $1 \
             ORDER BY due_on, module_id",
        )
        .bind(class_id)
        .fetch_all(&mut *conn)
        .await?)
    })
}

/// The assignments of a student's class.
pub async fn for_student(db: &Db, person_id: i64) -> Result<Vec<Assignment>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT a.class_id, a.module_id, a.due_on FROM assignments a \
             JOIN people p ON p.class_id = a.class_id WHERE p.id = $1 ORDER BY a.due_on, a.module_id",
        )
        .bind(person_id)
        .fetch_all(db)
        .await?)
    })
}

/// One assigned module and one student of the class: completed, the best quiz score so far,
/// whether a try passed, the lessons read (ids, comma-separated), and the first and the latest
/// attempt with their answers (the latest's only when it is another one). A module assigned to
/// a class without students has one row, without a student.
#[derive(Clone, Debug, PartialEq, Eq, serde::Deserialize)]
pub struct StudentProgress {
    pub module_id: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    pub person_id: Option<i64>,
    #[serde(deserialize_with = "flag")]
    pub completed: bool,
    pub best_percent: Option<i64>,
    #[serde(deserialize_with = "flag")]
    pub passed: bool,
    pub lessons_seen: Option<String>,
    pub first_attempt: Option<i64>,
    /// JSON: question id → chosen option ids.
    pub first_answers: Option<String>,
    pub latest_attempt: Option<i64>,
    pub latest_answers: Option<String>,
    /// JSON: what the attempt asked ([`crate::domain::draw::Draw`]); `None` for an attempt
    /// stored before draws were kept.
    pub first_draw: Option<String>,
    pub latest_draw: Option<String>,
}

/// A truth value as each database writes it in JSON: `true` (PostgreSQL) or `1` (SQLite). Read
/// by a visitor taking either, not by trying one then the other (an `untagged` enum buffers the
/// value and builds an error message for every SQLite row).
fn flag<'de, D: serde::Deserializer<'de>>(from: D) -> Result<bool, D::Error> {
    struct Flag;
    impl serde::de::Visitor<'_> for Flag {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("true, false, 0 or 1")
        }
        fn visit_bool<E: serde::de::Error>(self, b: bool) -> Result<bool, E> {
            Ok(b)
        }
        fn visit_i64<E: serde::de::Error>(self, i: i64) -> Result<bool, E> {
            Ok(i != 0)
        }
        fn visit_u64<E: serde::de::Error>(self, i: u64) -> Result<bool, E> {
            Ok(i != 0)
        }
    }
    from.deserialize_any(Flag)
}

/// The rows of [`class_progress`], before they are gathered into one JSON array (a macro, so
/// that each database's statement is one constant).
macro_rules! class_progress_rows {
    () => {
        "SELECT a.module_id, a.due_on, p.id AS person_id, \
           EXISTS (SELECT 1 FROM completions c WHERE c.person_id = p.id AND c.module_id = a.module_id) AS completed, \
           s.best_percent, COALESCE(s.passed, 0) = 1 AS passed, \
           (SELECT string_agg(v.lesson_id, ',') FROM lesson_views v WHERE v.person_id = p.id AND v.module_id = a.module_id) AS lessons_seen, \
           s.first_attempt, f.answers AS first_answers, s.latest_attempt, \
           CASE WHEN s.latest_attempt <> s.first_attempt THEN l.answers END AS latest_answers, \
           f.draw AS first_draw, \
           CASE WHEN s.latest_attempt <> s.first_attempt THEN l.draw END AS latest_draw \
         FROM assignments a LEFT JOIN people p ON p.class_id = a.class_id AND p.role = 'student' \
         LEFT JOIN (SELECT t.person_id, t.module_id, min(t.id) AS first_attempt, max(t.id) AS latest_attempt, \
                      max(t.percent) AS best_percent, max(CASE WHEN t.passed THEN 1 ELSE 0 END) AS passed \
                    FROM attempts t JOIN people q ON q.id = t.person_id \
                    WHERE q.class_id = $1 AND q.role = 'student' GROUP BY t.person_id, t.module_id) s \
           ON s.person_id = p.id AND s.module_id = a.module_id \
         LEFT JOIN attempts f ON f.id = s.first_attempt \
         LEFT JOIN attempts l ON l.id = s.latest_attempt \
         WHERE a.class_id = $1"
    };
}

/// The fields of a row of [`class_progress`], in the order of [`StudentProgress`]'s fields.
macro_rules! class_progress_fields {
    () => {
        "module_id, due_on, person_id, completed, best_percent, passed, lessons_seen, \
         first_attempt, first_answers, latest_attempt, latest_answers, first_draw, latest_draw"
    };
}

/// Every module assigned to a class (by due day, then id) with every student of the class, in
/// one query: the class table and the question insight are both made from it. The database
/// gathers the rows into one JSON array: handing a class of 30's 90 rows over one by one (each
/// value copied, each row passed between threads) cost more than the query itself.
pub async fn class_progress(
    conn: impl Into<Conn<'_>>,
    class_id: i64,
) -> Result<Vec<StudentProgress>, StoreError> {
    const SQLITE: &str = concat!(
        "SELECT json_group_array(json_array(",
        class_progress_fields!(),
        ") ORDER BY due_on, module_id, person_id) FROM (",
        class_progress_rows!(),
        ")"
    );
    const POSTGRES: &str = concat!(
        "SELECT COALESCE(json_agg(json_build_array(",
        class_progress_fields!(),
        ") ORDER BY due_on, module_id, person_id), '[]')::text FROM (",
        class_progress_rows!(),
        ") r"
    );
    let json: String = match conn.into() {
        Conn::Sqlite(conn) => {
            sqlx::query_scalar(SQLITE)
                .bind(class_id)
                .fetch_one(&mut *conn)
                .await?
        }
        Conn::Postgres(conn) => {
            sqlx::query_scalar(POSTGRES)
                .bind(class_id)
                .fetch_one(&mut *conn)
                .await?
        }
    };
    serde_json::from_str(&json).map_err(|source| StoreError::Decode {
        what: "a class's progress",
        source,
    })
}

/// A class of a school with how many students it has.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SchoolClass {
    pub id: i64,
    pub name: String,
    pub school_year: String,
    pub students: i64,
}

/// The classes of a school, with their number of students.
pub async fn school_classes(db: &Db, school_id: i64) -> Result<Vec<SchoolClass>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT c.id, c.name, c.school_year, \
               (SELECT count(*) FROM people p WHERE p.class_id = c.id AND p.role = 'student') AS students \
             FROM classes c WHERE c.school_id = $1",
        )
        .bind(school_id)
        .fetch_all(db)
        .await?)
    })
}

/// An assignment of a school's class with how many of the class completed it.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct SchoolAssignment {
    pub class_id: i64,
    pub module_id: String,
    pub due_on: String,
    pub completed: i64,
}

/// Every assignment of a school's classes, with its completions, in one query.
pub async fn school_assignments(
    db: &Db,
    school_id: i64,
) -> Result<Vec<SchoolAssignment>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT a.class_id, a.module_id, a.due_on, \
               (SELECT count(*) FROM people p JOIN completions k \
                  ON k.person_id = p.id AND k.module_id = a.module_id \
                WHERE p.class_id = a.class_id AND p.role = 'student') AS completed \
             FROM assignments a JOIN classes c ON c.id = a.class_id WHERE c.school_id = $1 \
             ORDER BY a.due_on, a.module_id",
        )
        .bind(school_id)
        .fetch_all(db)
        .await?)
    })
}

/// The staff whose home is the school (id, name, role) and the modules each completed.
pub async fn school_staff(
    db: &Db,
    school_id: i64,
) -> Result<(Vec<(i64, String, String)>, Vec<(i64, String)>), StoreError> {
    on_db!(db => {
        let people = sqlx::query_as(
            "SELECT id, display_name, role FROM people WHERE unit_id = $1 \
             AND role NOT IN ('student', 'parent')",
        )
        .bind(school_id)
        .fetch_all(db)
        .await?;
        let done = sqlx::query_as(
            "SELECT k.person_id, k.module_id FROM completions k JOIN people p ON p.id = k.person_id \
             WHERE p.unit_id = $1 AND p.role NOT IN ('student', 'parent')",
        )
        .bind(school_id)
        .fetch_all(db)
        .await?;
        Ok((people, done))
    })
}

#[cfg(test)]
mod tests {
    use super::StudentProgress;

    fn read(completed: &str, passed: &str) -> Result<StudentProgress, serde_json::Error> {
        serde_json::from_str(&format!(
            r#"["m", "2026-12-20", 7, {completed}, 80, {passed}, null, 1, "{{}}", 1, null, "[]", null]"#
        ))
    }

    #[test]
    fn a_flag_is_read_as_either_database_writes_it() {
        for (completed, passed, expected) in [
            ("1", "0", (true, false)),
            ("0", "1", (false, true)),
            ("true", "false", (true, false)),
            ("false", "true", (false, true)),
        ] {
            let p = read(completed, passed).expect("a row");
            assert_eq!((p.completed, p.passed), expected, "{completed} {passed}");
        }
        assert!(read("\"yes\"", "0").is_err());
    }
}
