//! Submitting a quiz: grade on the server from the answer key, store idempotently, complete
//! the module when every lesson was seen and the quiz passed.

use crate::catalog::Catalog;
use crate::domain::grading::{grade, is_complete, only_known, Answers};
use crate::domain::person::{code_from_bytes, Role};
use crate::domain::session::KEEP_ENDED;
use crate::domain::throttle::{KEPT_PER_ADDRESS, KEPT_PER_BROWSER};
use crate::store::kept::{self, Kept};
use crate::store::progress::{self, Stored, Submission};
use crate::store::{Db, StoreError};

/// Certificate codes: 10 characters people can read out (`ABCDE-23456` when printed).
pub const CERTIFICATE_CODE_LEN: usize = 10;

#[derive(Debug, thiserror::Error)]
pub enum SubmitError {
    #[error("no module {0:?}")]
    UnknownModule(String),
    #[error("the form has no valid submission key")]
    NoKey,
    #[error("complete these modules first: {0:?}")]
    PrerequisitesFirst(Vec<String>),
    #[error("this computer keeps too many quiz answers already; sign in and send them")]
    TooManyKept,
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn check_key(submission_key: &str) -> Result<(), SubmitError> {
    crate::domain::grading::submission_key_ok(submission_key)
        .then_some(())
        .ok_or(SubmitError::NoKey)
}

/// Grades and stores one attempt of `person_id` (who has `role`).
pub async fn submit_quiz(
    db: &Db,
    catalog: &Catalog,
    (person_id, role): (i64, Role),
    module_id: &str,
    submission_key: &str,
    answers: &Answers,
) -> Result<Stored, SubmitError> {
    check_key(submission_key)?;
    let m = catalog
        .module(module_id)
        .ok_or_else(|| SubmitError::UnknownModule(module_id.to_owned()))?;
    let missing = prerequisites_first(db, catalog, (person_id, role), module_id).await?;
    if !missing.is_empty() {
        return Err(SubmitError::PrerequisitesFirst(missing));
    }
    let result = grade(&m.module, answers);
    let seen = progress::seen_lessons(db, person_id, module_id).await?;
    // Staff get a certificate others can check; children and parents do not need one.
    let code = role
        .is_staff()
        .then(|| code_from_bytes(&crate::auth::random_bytes::<CERTIFICATE_CODE_LEN>()));
    let submission = Submission {
        person_id,
        module_id,
        content_version: m.module.version,
        submission_key,
        answers,
        grade: &result,
        lessons_done: is_complete(&m.module, &seen, true),
        certificate_code: code.as_deref(),
        coverage: (
            &crate::coverage::rules(catalog),
            crate::coverage::this_year(),
        ),
    };
    Ok(progress::submit(db, &submission, crate::auth::now()).await?)
}

/// The prerequisites of a module that bind this person and that they have not completed:
/// until these are done, their quiz of the module is not taken (lessons stay open).
pub async fn prerequisites_first(
    db: &Db,
    catalog: &Catalog,
    (person_id, role): (i64, Role),
    module_id: &str,
) -> Result<Vec<String>, StoreError> {
    use crate::domain::learner::{prerequisites_bind, prerequisites_missing};
    let Some(m) = catalog.module(module_id) else {
        return Ok(Vec::new());
    };
    if !prerequisites_bind(role) || m.module.prerequisites.is_empty() {
        return Ok(Vec::new());
    }
    let completed = progress::completed_modules(db, person_id).await?;
    Ok(
        prerequisites_missing(&m.module, |id| completed.contains(id.as_str()))
            .into_iter()
            .map(|id| id.to_string())
            .collect(),
    )
}

/// Who posted answers to be kept: the client address and a hash of the browser's token.
pub struct Poster<'a> {
    pub address: &'a str,
    pub browser: &'a str,
}

/// Keeps the answers of a quiz posted after the session ended. Returns the token the
/// browser keeps (a cookie) to find them after signing in again.
pub async fn keep_answers(
    db: &Db,
    catalog: &Catalog,
    person_id: Option<i64>,
    module_id: &str,
    submission_key: &str,
    answers: &Answers,
    poster: &Poster<'_>,
) -> Result<String, SubmitError> {
    check_key(submission_key)?;
    let Some(module) = catalog.module(module_id) else {
        return Err(SubmitError::UnknownModule(module_id.to_owned()));
    };
    let now = crate::auth::now();
    // Old answers nobody came back for go first.
    kept::sweep(db, now - KEEP_ENDED).await?;
    let (by_address, by_browser) = kept::counts(db, poster.address, poster.browser).await?;
    if by_address >= KEPT_PER_ADDRESS || by_browser >= KEPT_PER_BROWSER {
        return Err(SubmitError::TooManyKept);
    }
    let token = crate::auth::random_token();
    let kept = Kept {
        person_id,
        module_id: module_id.to_owned(),
        submission_key: submission_key.to_owned(),
        // Only the quiz's own questions and options: never bigger than the quiz.
        answers: only_known(&module.module, answers),
        kept_at: now,
    };
    kept::keep(db, &crate::auth::token_hash(&token), &kept, poster).await?;
    Ok(token)
}

/// What to do with kept answers when someone signs in on the browser that kept them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeptFor {
    /// They are this person's: send them now.
    Submit,
    /// Nobody could be tied to them: show them in the quiz form, to check and send.
    Show,
    /// Someone else's (a shared lab computer): forget them.
    Forget,
}

pub fn kept_for(kept_person: Option<i64>, signed_in: i64) -> KeptFor {
    match kept_person {
        Some(p) if p == signed_in => KeptFor::Submit,
        Some(_) => KeptFor::Forget,
        None => KeptFor::Show,
    }
}

/// Where the learner goes after signing in with kept answers: the attempt they just sent,
/// or the quiz with the answers in the form. `None`: nothing (left) to do.
pub async fn resume_kept(
    db: &Db,
    catalog: &Catalog,
    (person_id, role): (i64, Role),
    token: &str,
) -> Result<Option<String>, SubmitError> {
    let hash = crate::auth::token_hash(token);
    let now = crate::auth::now();
    let Some(found) = kept::find(db, &hash, now - KEEP_ENDED).await? else {
        return Ok(None);
    };
    let module = found.module_id.clone();
    match kept_for(found.person_id, person_id) {
        KeptFor::Submit => {
            let sent = submit_quiz(
                db,
                catalog,
                (person_id, role),
                &module,
                &found.submission_key,
                &found.answers,
            )
            .await;
            let next = match sent {
                Ok(stored) => format!("/modules/{module}/quiz/attempts/{}", stored.attempt_id),
                // Not theirs to take yet: the quiz page says what comes first.
                Err(SubmitError::PrerequisitesFirst(_)) => format!("/modules/{module}/quiz"),
                Err(error) => return Err(error),
            };
            kept::forget(db, &hash).await?;
            Ok(Some(next))
        }
        KeptFor::Show => {
            kept::claim(db, &hash, person_id).await?;
            Ok(Some(format!("/modules/{module}/quiz")))
        }
        KeptFor::Forget => {
            kept::forget(db, &hash).await?;
            Ok(None)
        }
    }
}

/// The kept answers to show in this person's quiz form for `module_id`, with their key.
pub async fn kept_in_form(
    db: &Db,
    person_id: i64,
    token: &str,
    module_id: &str,
) -> Result<Option<Kept>, StoreError> {
    let since = crate::auth::now() - KEEP_ENDED;
    let found = kept::find(db, &crate::auth::token_hash(token), since).await?;
    Ok(found.filter(|k| k.person_id == Some(person_id) && k.module_id == module_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_answers_go_to_their_person_only() {
        assert_eq!(kept_for(Some(7), 7), KeptFor::Submit);
        assert_eq!(kept_for(Some(7), 8), KeptFor::Forget);
        assert_eq!(kept_for(None, 8), KeptFor::Show);
    }
}
