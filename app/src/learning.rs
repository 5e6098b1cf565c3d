//! Submitting a quiz: grade on the server from the answer key, store idempotently, complete
//! the module when every lesson was seen and the quiz passed.

use crate::catalog::Catalog;
use crate::domain::grading::{grade, is_complete, Answers};
use crate::domain::person::{code_from_bytes, Viewer};
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
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The answers in a posted quiz form: fields `q-<question>` with option ids (repeated for
/// multiple choice); other fields are ignored.
pub fn answers_from_form(pairs: &[(String, String)]) -> Answers {
    let mut answers = Answers::new();
    for (key, value) in pairs {
        if let Some(question) = key.strip_prefix("q-") {
            answers
                .entry(question.to_owned())
                .or_default()
                .insert(value.clone());
        }
    }
    answers
}

pub async fn submit_quiz(
    db: &Db,
    catalog: &Catalog,
    viewer: &Viewer,
    module_id: &str,
    submission_key: &str,
    answers: &Answers,
) -> Result<Stored, SubmitError> {
    let key_ok =
        submission_key.len() == 64 && submission_key.bytes().all(|b| b.is_ascii_hexdigit());
    if !key_ok {
        return Err(SubmitError::NoKey);
    }
    let m = catalog
        .module(module_id)
        .ok_or_else(|| SubmitError::UnknownModule(module_id.to_owned()))?;
    let result = grade(&m.module, answers);
    let seen = progress::seen_lessons(db, viewer.person_id, module_id).await?;
    // Staff get a certificate others can check; children and parents do not need one.
    let code = viewer
        .role
        .is_staff()
        .then(|| code_from_bytes(&crate::auth::random_bytes::<CERTIFICATE_CODE_LEN>()));
    let submission = Submission {
        person_id: viewer.person_id,
        module_id,
        content_version: m.module.version,
        submission_key,
        answers,
        grade: &result,
        lessons_done: is_complete(&m.module, &seen, true),
        certificate_code: code.as_deref(),
    };
    Ok(progress::submit(db, &submission, crate::auth::now()).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_become_answers() {
        let pairs: Vec<(String, String)> = [
            ("csrf", "x"),
            ("submission", "k"),
            ("q-one", "a"),
            ("q-many", "b"),
            ("q-many", "c"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let answers = answers_from_form(&pairs);
        assert_eq!(answers.len(), 2);
        assert_eq!(answers["many"], ["b", "c"].map(String::from).into());
    }
}
