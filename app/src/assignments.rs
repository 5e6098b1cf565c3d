//! Assigning modules to classes: who may, which modules, which dates. Thin over the domain
//! (`domain::assignment`) and the store (`store::assignments`).

use crate::catalog::Catalog;
use crate::domain::assignment::{due_date, local_day, DueDateProblem};
use crate::domain::content::Audience;
use crate::domain::person::Viewer;
use crate::store::assignments::{self, Assignment};
use crate::store::{people, Db, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum AssignError {
    /// No such class, or not one the viewer looks after (the same answer for both).
    #[error("no class {0} for this person")]
    NoClass(i64),
    #[error("no module {0:?}")]
    UnknownModule(String),
    #[error("module {0:?} is not for students")]
    NotForStudents(String),
    #[error(transparent)]
    Due(#[from] DueDateProblem),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl AssignError {
    /// The Fluent key of the message shown with the form.
    pub fn message_key(&self) -> &'static str {
        match self {
            AssignError::NoClass(_) => "error-not-found",
            AssignError::UnknownModule(_) => "assign-error-module",
            AssignError::NotForStudents(_) => "assign-error-not-for-students",
            AssignError::Due(problem) => problem.message_key(),
            AssignError::Store(_) => "error-server",
        }
    }
}

/// Modules a class can be given: those written for students of some age band.
pub fn for_students(catalog: &Catalog) -> impl Iterator<Item = &crate::catalog::CatalogModule> {
    catalog.modules().iter().filter(|m| {
        m.module
            .audiences
            .iter()
            .any(|a| matches!(a, Audience::Student(_)))
    })
}

async fn class_in_scope(db: &Db, viewer: &Viewer, class_id: i64) -> Result<(), AssignError> {
    people::class_for(db, viewer, class_id)
        .await?
        .map(|_| ())
        .ok_or(AssignError::NoClass(class_id))
}

/// Assigns `module_id` to a class the viewer looks after, due on `due` (`YYYY-MM-DD`, today
/// or later). Assigning it again moves the date. True if new.
pub async fn assign(
    db: &Db,
    catalog: &Catalog,
    viewer: &Viewer,
    class_id: i64,
    module_id: &str,
    due: &str,
) -> Result<bool, AssignError> {
    class_in_scope(db, viewer, class_id).await?;
    let module = catalog
        .module(module_id)
        .ok_or_else(|| AssignError::UnknownModule(module_id.to_owned()))?;
    if !for_students(catalog).any(|m| m.module.id == module.module.id) {
        return Err(AssignError::NotForStudents(module_id.to_owned()));
    }
    let now = crate::auth::now();
    let due = due_date(due, local_day(now))?;
    let assignment = Assignment {
        class_id,
        module_id: module_id.to_owned(),
        due_on: due.to_string(),
    };
    Ok(assignments::assign(db, &assignment, viewer.person_id, now).await?)
}

/// Takes an assignment back from a class the viewer looks after. True if there was one.
pub async fn unassign(
    db: &Db,
    viewer: &Viewer,
    class_id: i64,
    module_id: &str,
) -> Result<bool, AssignError> {
    class_in_scope(db, viewer, class_id).await?;
    Ok(assignments::remove(db, class_id, module_id).await?)
}
