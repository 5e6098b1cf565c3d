//! Submitting a quiz: grade on the server from the answer key, store idempotently, complete
//! the module when every lesson was seen and the quiz passed.

use crate::catalog::Catalog;
use crate::domain::content::Module;
use crate::domain::draw::{self, Draw};
use crate::domain::grading::{grade, is_complete, only_known, wrong, Answers};
use crate::domain::person::{code_from_bytes, Role};
use crate::domain::session::KEEP_ENDED;
use crate::domain::throttle::{KEPT_PER_ADDRESS, KEPT_PER_BROWSER};
use crate::store::kept::{self, Kept};
use crate::store::progress::{self, Stored, Submission, Submitted};
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
    #[error("these questions were already sent or replaced: open the quiz again")]
    DrawChanged,
    #[error("read these lessons again first: {0:?}")]
    RereadFirst(Vec<String>),
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn check_key(submission_key: &str) -> Result<(), SubmitError> {
    crate::domain::grading::submission_key_ok(submission_key)
        .then_some(())
        .ok_or(SubmitError::NoKey)
}

/// What an attempt asked, as stored with it: the draw itself, or for an attempt stored before
/// draws were kept (`None`), the questions it answered.
pub fn stored_draw(module: &Module, draw: Option<&str>, answers: &Answers) -> Draw {
    match draw.map(serde_json::from_str::<Draw>) {
        Some(Ok(draw)) => draw,
        Some(Err(error)) => {
            // Written by the server: unreadable is a bug, shown as what the answers name.
            tracing::error!(%error, module = %module.id, "an attempt's draw cannot be read");
            Draw::answered(module, answers)
        }
        None => Draw::answered(module, answers),
    }
}

/// A draw as stored: JSON.
fn draw_json(draw: &Draw) -> Result<String, StoreError> {
    serde_json::to_string(draw).map_err(|source| StoreError::Encode {
        what: "a quiz draw",
        source,
    })
}

/// The open draw if it can still be asked and graded: readable and fitting the bank as it is
/// now (a content change that keeps its questions keeps it; one that does not, replaces it).
fn usable(module: &Module, open: &progress::OpenDraw) -> Option<Draw> {
    match serde_json::from_str::<Draw>(&open.draw) {
        Ok(draw) => draw.fits(module).then_some(draw),
        Err(error) => {
            tracing::error!(%error, module = %module.id, "an open draw cannot be read");
            None
        }
    }
}

/// The questions a person's next attempt of a module asks: the draw already open for them
/// (a reload or a second tab shows the same questions), or a new one that avoids the previous
/// attempt's questions where the bank allows. Returns its key and the draw.
pub async fn open_draw(
    db: &Db,
    module: &Module,
    person_id: i64,
) -> Result<(String, Draw), StoreError> {
    let module_id = module.id.as_str();
    let stale = match progress::open_draw(db, person_id, module_id).await? {
        Some(open) => match usable(module, &open) {
            Some(draw) => return Ok((open.draw_key, draw)),
            None => Some(open.draw_key),
        },
        None => None,
    };
    let previous = progress::latest_attempt(db, person_id, module_id)
        .await?
        .map(|(d, answers)| {
            let answers: Answers = serde_json::from_str(&answers).unwrap_or_default();
            stored_draw(module, d.as_deref(), &answers)
        })
        .unwrap_or_default();
    let mut rng = fastrand::Rng::with_seed(u64::from_le_bytes(crate::auth::random_bytes::<8>()));
    let new = draw::draw(module, &previous, &mut |n| rng.usize(..n));
    let new = progress::OpenDraw {
        content_version: i64::from(module.version),
        draw_key: crate::auth::random_token(),
        draw: draw_json(&new)?,
    };
    let open = progress::put_open_draw(
        db,
        (person_id, module_id),
        stale.as_deref(),
        &new,
        crate::auth::now(),
    )
    .await?;
    // Another page opened at the same moment may have stored its draw first: that one counts.
    let draw = usable(module, &open).unwrap_or_default();
    Ok((open.draw_key, draw))
}

/// A quiz form as sent: its submission key, the key of the draw it showed (`None`: whatever
/// draw is open, for answers kept across a sign-in or a page from before draws) and the
/// answers.
pub struct Sent<'a> {
    pub submission_key: &'a str,
    pub draw_key: Option<&'a str>,
    pub answers: &'a Answers,
}

/// Grades and stores one attempt of `person_id` (who has `role`) against the draw it showed.
pub async fn submit_quiz(
    db: &Db,
    catalog: &Catalog,
    (person_id, role): (i64, Role),
    module_id: &str,
    sent: &Sent<'_>,
) -> Result<Stored, SubmitError> {
    let submission_key = sent.submission_key;
    check_key(submission_key)?;
    let m = catalog
        .module(module_id)
        .ok_or_else(|| SubmitError::UnknownModule(module_id.to_owned()))?;
    // The same form sent again (a double click, a retried request) is the attempt it made.
    if let Some(attempt_id) = progress::attempt_by_key(db, person_id, submission_key).await? {
        return Ok(Stored {
            attempt_id,
            created: false,
            completed: progress::completed(db, person_id, module_id).await?,
        });
    }
    let missing = prerequisites_first(db, catalog, (person_id, role), module_id).await?;
    if !missing.is_empty() {
        return Err(SubmitError::PrerequisitesFirst(missing));
    }
    let open = progress::open_draw(db, person_id, module_id)
        .await?
        .filter(|open| sent.draw_key.is_none_or(|key| key == open.draw_key))
        .ok_or(SubmitError::DrawChanged)?;
    let asked = usable(&m.module, &open).ok_or(SubmitError::DrawChanged)?;
    let answers = only_known(&m.module, &asked, sent.answers);
    let result = grade(&m.module, &asked, &answers);
    let reread_if_sent_back: Vec<&str> = draw::lessons_to_reread(&m.module, &wrong(&result))
        .into_iter()
        .map(|l| l.as_str())
        .collect();
    let lessons: Vec<&str> = m.module.lessons.iter().map(|l| l.id.as_str()).collect();
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
        draw: &open.draw,
        draw_key: Some(&open.draw_key),
        answers: &answers,
        grade: &result,
        lessons: &lessons,
        reread_if_sent_back: &reread_if_sent_back,
        lessons_done: is_complete(&m.module, &seen, true),
        certificate_code: code.as_deref(),
        coverage: (
            &crate::coverage::rules(catalog),
            crate::coverage::this_year(),
        ),
    };
    match progress::submit(db, &submission, crate::auth::now()).await? {
        Submitted::Stored(stored) => Ok(stored),
        Submitted::DrawGone => Err(SubmitError::DrawChanged),
        Submitted::RereadFirst(lessons) => Err(SubmitError::RereadFirst(lessons)),
    }
}

/// The item analysis of every module of the catalogue, from each learner's first attempt.
pub async fn item_report(
    db: &Db,
    catalog: &Catalog,
) -> Result<Vec<(String, Vec<crate::domain::items::ItemRow>)>, StoreError> {
    use crate::domain::items::{item_analysis, FirstAttempt};
    let mut report = Vec::new();
    for m in catalog.modules() {
        let module = &m.module;
        let attempts: Vec<FirstAttempt> = progress::first_attempts(db, module.id.as_str())
            .await?
            .into_iter()
            .map(|(draw, answers, passed, role)| {
                // Stored by the server from a graded form; unreadable would be a bug, read
                // as nothing chosen rather than failing the report.
                let answers: Answers = serde_json::from_str(&answers).unwrap_or_default();
                FirstAttempt {
                    draw: stored_draw(module, draw.as_deref(), &answers),
                    answers,
                    passed,
                    child: Role::from_code(&role) == Some(Role::Student),
                }
            })
            .collect();
        report.push((module.id.to_string(), item_analysis(module, &attempts)));
    }
    Ok(report)
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
        answers: only_known(&module.module, &Draw::whole(&module.module), answers),
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
            let sent = Sent {
                submission_key: &found.submission_key,
                draw_key: None,
                answers: &found.answers,
            };
            let sent = submit_quiz(db, catalog, (person_id, role), &module, &sent).await;
            match sent {
                Ok(stored) => {
                    kept::forget(db, &hash).await?;
                    Ok(Some(format!(
                        "/modules/{module}/quiz/attempts/{}",
                        stored.attempt_id
                    )))
                }
                // Not theirs to take yet, or the questions changed meanwhile: the answers stay,
                // shown in the quiz form (where its questions ask them), and the quiz page says
                // what comes first.
                Err(
                    SubmitError::PrerequisitesFirst(_)
                    | SubmitError::RereadFirst(_)
                    | SubmitError::DrawChanged,
                ) => {
                    kept::claim(db, &hash, person_id).await?;
                    Ok(Some(format!("/modules/{module}/quiz")))
                }
                Err(error) => Err(error),
            }
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
