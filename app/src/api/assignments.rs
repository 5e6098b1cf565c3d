//! Server functions about assignments: a class's assignments with each student's progress
//! (for those who look after the class).

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

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassProgress {
    pub class_id: i64,
    pub assigned: Vec<AssignedModule>,
    pub rows: Vec<StudentRow>,
    /// Modules the class can be given: id, title, audience codes.
    pub assignable: Vec<(String, String, Vec<String>)>,
    /// Today in Vietnam (`YYYY-MM-DD`): the earliest due date.
    pub today: String,
}

/// A class's assignments and how far each student got; `None` for a class the caller does
/// not look after (as for one that does not exist).
#[server(input = GetUrl, endpoint = "assignments/class")]
pub async fn class_assignments(
    id: i64,
    lang: Lang,
) -> Result<Option<ClassProgress>, ServerFnError> {
    use crate::api::people::server::{db, signed_in, store_error};
    use crate::domain::assignment::{local_day, parse_date};
    use crate::store::{assignments, people};
    let viewer = signed_in()?;
    let db = db()?;
    if people::class_for(&db, &viewer, id)
        .await
        .map_err(store_error)?
        .is_none()
    {
        return Ok(None);
    }
    let catalog = crate::api::catalog::server_catalog()?;
    let today = local_day(crate::auth::now());
    let list = assignments::for_class(&db, id).await.map_err(store_error)?;
    let progress = assignments::class_progress(&db, id)
        .await
        .map_err(store_error)?;
    let members = people::class_members(&db, id).await.map_err(store_error)?;
    let title = |module: &str| {
        catalog
            .module(module)
            .map(|m| m.texts(lang).title.clone())
            .unwrap_or_else(|| module.to_owned())
    };
    let cell = |person: i64, module: &str| {
        let lessons = catalog
            .module(module)
            .map(|m| m.module.lessons.as_slice())
            .unwrap_or_default();
        let Some(p) = progress
            .iter()
            .find(|p| p.person_id == person && p.module_id == module)
        else {
            return ModuleCell {
                lessons_left: lessons.len(),
                ..ModuleCell::default()
            };
        };
        let seen: std::collections::BTreeSet<String> = p
            .lessons_seen
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .map(str::to_owned)
            .collect();
        ModuleCell {
            completed: p.completed,
            best: p.best_percent.map(|b| b.clamp(0, 100) as u8),
            passed: p.passed,
            lessons_left: lessons
                .iter()
                .filter(|l| !seen.contains(l.id.as_str()))
                .count(),
        }
    };
    let assigned = list
        .iter()
        .map(|a| AssignedModule {
            module_id: a.module_id.clone(),
            title: title(&a.module_id),
            due_on: a.due_on.clone(),
            completed: progress
                .iter()
                .filter(|p| p.module_id == a.module_id && p.completed)
                .count(),
            students: members.len(),
            overdue: parse_date(&a.due_on).is_some_and(|d| d < today),
        })
        .collect();
    let rows = members
        .iter()
        .map(|m| StudentRow {
            name: m.display_name.clone(),
            cells: list.iter().map(|a| cell(m.id, &a.module_id)).collect(),
        })
        .collect();
    let assignable = crate::assignments::for_students(&catalog)
        .map(|m| {
            let codes = m.module.audiences.iter().map(|a| a.code()).collect();
            (m.module.id.to_string(), m.texts(lang).title.clone(), codes)
        })
        .collect();
    Ok(Some(ClassProgress {
        class_id: id,
        assigned,
        rows,
        assignable,
        today: today.to_string(),
    }))
}
