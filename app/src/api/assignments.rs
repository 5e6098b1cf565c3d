//! Server functions about assignments: a class's assignments with each student's progress
//! (for those who look after the class).

pub use crate::domain::assignment::ClassTally;
pub use crate::domain::insight::Share;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignedModule {
    pub module_id: String,
    pub title: String,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    /// Students who completed it, of all students.
    pub completed: usize,
    pub students: usize,
    pub overdue: bool,
}

/// One student's row: per assigned module, in the order of `assigned`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentRow {
    pub id: i64,
    pub name: String,
    pub cells: Vec<ModuleCell>,
}

/// Where one student stands in one assigned module.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleCell {
    pub completed: bool,
    /// The best quiz score so far.
    pub best: Option<u8>,
    pub passed: bool,
    /// Lessons not read yet (a passed quiz does not complete the module without them).
    pub lessons_left: usize,
}

/// One question of an assigned module and how many of the class missed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionInsight {
    pub prompt: String,
    /// The right options' texts (for true/false: the option id, `true` or `false`).
    pub right: Vec<String>,
    pub true_false: bool,
    pub explanation: String,
    pub first: Share,
    pub latest: Share,
}

/// What the class gets wrong in one assigned module, most missed first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleInsight {
    pub module_id: String,
    pub title: String,
    /// Students who tried the quiz at least once.
    pub tried: usize,
    pub questions: Vec<QuestionInsight>,
}

impl ModuleCell {
    /// The cell as the page and the exports word it, through `tr` (a Fluent lookup).
    pub fn text(&self, tr: &dyn Fn(&str, Option<&fluent_bundle::FluentArgs>) -> String) -> String {
        match *self {
            ModuleCell {
                completed: true, ..
            } => tr("progress-completed", None),
            ModuleCell {
                passed: true,
                lessons_left,
                ..
            } if lessons_left > 0 => {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("count", lessons_left);
                tr("assign-passed-lessons-left", Some(&args))
            }
            ModuleCell { best: Some(b), .. } => format!("{b}%"),
            ModuleCell { best: None, .. } => tr("assign-not-started", None),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassProgress {
    pub class_id: i64,
    pub class_name: String,
    pub school_name: String,
    pub school_year: String,
    pub assigned: Vec<AssignedModule>,
    pub rows: Vec<StudentRow>,
    pub insight: Vec<ModuleInsight>,
    /// The viewer's other classes (id, name) the same module can be assigned to at once.
    pub other_classes: Vec<(i64, String)>,
    /// Modules the class can be given: id, title, audience codes.
    pub assignable: Vec<(String, String, Vec<String>)>,
    /// Today in Vietnam (`YYYY-MM-DD`): the earliest due date.
    pub today: String,
}

/// One class of a school: its assignments (title, due day, completed) and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolClassLine {
    pub id: i64,
    pub name: String,
    pub school_year: String,
    pub assigned: Vec<(String, String, u64)>,
    pub tally: ClassTally,
}

/// A member of the school's staff and their own training: the modules their role needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffLine {
    pub name: String,
    pub role: crate::domain::person::Role,
    pub required: usize,
    pub done: usize,
    /// Titles of the required modules not completed yet.
    pub missing: Vec<String>,
}

/// A school at once, for its managers: every class, furthest behind first, and its staff.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchoolView {
    pub unit_id: i64,
    pub name: String,
    pub classes: Vec<SchoolClassLine>,
    pub staff: Vec<StaffLine>,
}

/// The school view of `unit` (a school manager's own school when `None`); `None` when it is
/// not a school in the caller's scope.
#[server(input = GetUrl, endpoint = "assignments/school")]
pub async fn get_school_view(
    unit: Option<i64>,
    lang: Lang,
) -> Result<Option<SchoolView>, ServerFnError> {
    use crate::api::people::server::{db, signed_in, store_error};
    let viewer = signed_in()?;
    let catalog = crate::api::catalog::server_catalog()?;
    crate::assignments::school_view(&db()?, &catalog, &viewer, unit, lang)
        .await
        .map_err(store_error)
}

/// One module in a student's record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordModule {
    pub module_id: String,
    pub title: String,
    /// `YYYY-MM-DD` when assigned to the student's class.
    pub due_on: Option<String>,
    pub overdue: bool,
    /// When it was completed, in the reader's language.
    pub completed_at: Option<String>,
    pub best: Option<u8>,
    pub lessons_read: usize,
    pub lessons: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordAttempt {
    pub module_title: String,
    pub correct: i64,
    pub total: i64,
    pub percent: u8,
    pub passed: bool,
    /// In the reader's language.
    pub submitted_at: String,
}

/// Everything one student did, for the teacher and school managers who look after their class:
/// the class's assignments, every module they completed (assigned or not), every attempt and
/// lesson read, the latest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StudentRecord {
    pub class_id: i64,
    pub class_name: String,
    pub name: String,
    pub birth_year: Option<i64>,
    pub assigned: Vec<RecordModule>,
    /// Completed modules not assigned to the class: learnt on their own.
    pub own: Vec<RecordModule>,
    pub attempts: Vec<RecordAttempt>,
    /// Module title, lesson title, when (in the reader's language).
    pub lessons: Vec<(String, String, String)>,
}

/// A student's record; `None` when the class is not the caller's or the student not in it.
#[server(input = GetUrl, endpoint = "assignments/student")]
pub async fn get_student_record(
    class: i64,
    student: i64,
    lang: Lang,
) -> Result<Option<StudentRecord>, ServerFnError> {
    use crate::api::people::server::{db, signed_in, store_error};
    let viewer = signed_in()?;
    let catalog = crate::api::catalog::server_catalog()?;
    crate::assignments::student_record(&db()?, &catalog, &viewer, (class, student), lang)
        .await
        .map_err(store_error)
}

/// A class's page at once: its roster (secrets, lock state) and its progress — one scope
/// check and one read of its members for both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassPageView {
    pub roster: crate::api::people::ClassRoster,
    pub progress: ClassProgress,
}

/// The class page's data; `None` for a class the caller does not look after.
#[server(input = GetUrl, endpoint = "assignments/class-page")]
pub async fn get_class_page(id: i64, lang: Lang) -> Result<Option<ClassPageView>, ServerFnError> {
    use crate::api::people::server::{db, roster_of, signed_in, store_error};
    use crate::assignments::{progress_of, viewed_class};
    let viewer = signed_in()?;
    let catalog = crate::api::catalog::server_catalog()?;
    // All of the page's reads on one connection.
    let mut lease = db()?.lease().await.map_err(store_error)?;
    let Some(viewed) = viewed_class(&mut lease, &viewer, id)
        .await
        .map_err(store_error)?
    else {
        return Ok(None);
    };
    let progress = progress_of(&mut lease, &catalog, &viewed, lang)
        .await
        .map_err(store_error)?;
    drop(lease);
    let roster = roster_of(viewed.class, viewed.members, &viewed.failures);
    Ok(Some(ClassPageView { roster, progress }))
}

/// A class's assignments and how far each student got; `None` for a class the caller does
/// not look after (as for one that does not exist).
#[server(input = GetUrl, endpoint = "assignments/class")]
pub async fn class_assignments(
    id: i64,
    lang: Lang,
) -> Result<Option<ClassProgress>, ServerFnError> {
    use crate::api::people::server::{db, signed_in, store_error};
    let viewer = signed_in()?;
    let catalog = crate::api::catalog::server_catalog()?;
    crate::assignments::class_progress(&db()?, &catalog, &viewer, id, lang)
        .await
        .map_err(store_error)
}
