//! Assignments of modules to classes, and how far each student of a class got with them.

use super::{Db, StoreError};

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Assignment {
    pub class_id: i64,
    pub module_id: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
}

/// Assigns a module to a class by a date; assigning it again moves the date. True if new.
pub async fn assign(
    db: &Db,
    assignment: &Assignment,
    by: i64,
    now: i64,
) -> Result<bool, StoreError> {
    let mut tx = db.begin().await?;
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
    tx.commit().await?;
    Ok(!existed)
}

/// Takes an assignment back (progress made on the module stays). True if there was one.
pub async fn remove(db: &Db, class_id: i64, module_id: &str) -> Result<bool, StoreError> {
    let removed = sqlx::query("DELETE FROM assignments WHERE class_id = $1 AND module_id = $2")
        .bind(class_id)
        .bind(module_id)
        .execute(db)
        .await?
        .rows_affected();
    Ok(removed > 0)
}

/// A class's assignments, soonest due first.
pub async fn for_class(db: &Db, class_id: i64) -> Result<Vec<Assignment>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT class_id, module_id, due_on FROM assignments WHERE class_id = $1 \
         ORDER BY due_on, module_id",
    )
    .bind(class_id)
    .fetch_all(db)
    .await?)
}

/// The assignments of a student's class.
pub async fn for_student(db: &Db, person_id: i64) -> Result<Vec<Assignment>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT a.class_id, a.module_id, a.due_on FROM assignments a \
         JOIN people p ON p.class_id = a.class_id WHERE p.id = $1 ORDER BY a.due_on, a.module_id",
    )
    .bind(person_id)
    .fetch_all(db)
    .await?)
}

/// One student and one assigned module: completed, the best quiz score so far, whether a try
/// passed, and the lessons read (ids, comma-separated).
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct StudentProgress {
    pub person_id: i64,
    pub module_id: String,
    pub completed: bool,
    pub best_percent: Option<i64>,
    pub passed: bool,
    pub lessons_seen: Option<String>,
}

/// For every student of a class and every module assigned to it, in one query.
pub async fn class_progress(db: &Db, class_id: i64) -> Result<Vec<StudentProgress>, StoreError> {
    Ok(sqlx::query_as(
        "SELECT p.id AS person_id, a.module_id, \
           EXISTS (SELECT 1 FROM completions c WHERE c.person_id = p.id AND c.module_id = a.module_id) AS completed, \
           (SELECT max(t.percent) FROM attempts t WHERE t.person_id = p.id AND t.module_id = a.module_id) AS best_percent, \
           EXISTS (SELECT 1 FROM attempts t WHERE t.person_id = p.id AND t.module_id = a.module_id AND t.passed) AS passed, \
           (SELECT group_concat(DISTINCT v.lesson_id) FROM lesson_views v WHERE v.person_id = p.id AND v.module_id = a.module_id) AS lessons_seen \
         FROM people p JOIN assignments a ON a.class_id = p.class_id \
         WHERE p.class_id = $1 AND p.role = 'student'",
    )
    .bind(class_id)
    .fetch_all(db)
    .await?)
}
