//! Server functions for learning: a person's progress in a module, and the review of a
//! submitted attempt (the only place explanations and right answers are sent).

use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressView {
    pub seen_lessons: Vec<String>,
    pub best_percent: Option<u8>,
    pub completed: bool,
    /// Staff who completed the module: their certificate's code.
    pub certificate: Option<String>,
    /// The module's prerequisites this person completed.
    pub prerequisites_done: Vec<String>,
    /// Prerequisites bind this person (staff): the quiz waits until they are done.
    pub prerequisites_bind: bool,
}

/// One module on a learner's home page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearningItem {
    pub card: crate::api::catalog::ModuleCard,
    pub lessons_seen: usize,
    pub lessons_total: usize,
    pub best_percent: Option<u8>,
    pub completed: bool,
    /// Where to go on: the first lesson not read yet, else the quiz.
    pub next_href: String,
}

/// A module assigned to the learner's class, with its due date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignedItem {
    pub item: LearningItem,
    /// `YYYY-MM-DD`.
    pub due_on: String,
    pub standing: crate::domain::assignment::Standing,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildProgress {
    pub name: String,
    pub completed: usize,
    pub started: usize,
    /// What the child's class was assigned: module title, due date, where the child stands.
    pub assigned: Vec<(String, String, crate::domain::assignment::Standing)>,
}

/// The signed-in learner's home: where they left off, the modules meant for them, and for
/// parents their children's progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearningHome {
    pub name: String,
    /// What the learner's teachers assigned, overdue first, then by due date, done last.
    pub assigned: Vec<AssignedItem>,
    pub continue_with: Option<LearningItem>,
    pub for_me: Vec<LearningItem>,
    pub children: Vec<ChildProgress>,
}

/// What anyone with a certificate's code may see: the holder's name, role and unit, who
/// issues it, the module and the day — nothing else.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateView {
    pub code: String,
    pub name: String,
    pub role: crate::domain::person::Role,
    pub unit: String,
    pub issuer: String,
    pub module_title: String,
    /// The day, as the reader writes it.
    pub date: String,
    /// The full address where anyone can check it.
    pub url: String,
}

/// One of the signed-in person's certificates, for the lists on `/learn` and `/account`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateLink {
    pub module_title: String,
    pub code: String,
    pub date: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewOption {
    pub id: String,
    pub text: String,
    pub chosen: bool,
    pub right: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewQuestion {
    pub prompt: String,
    pub kind: String,
    pub correct: bool,
    pub answered: bool,
    pub options: Vec<ReviewOption>,
    pub explanation: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptView {
    pub module_id: String,
    pub module_title: String,
    pub correct: usize,
    pub total: usize,
    pub percent: u8,
    pub passed: bool,
    pub pass_mark: u8,
    pub best_percent: Option<u8>,
    pub completed: bool,
    pub questions: Vec<ReviewQuestion>,
    /// Questions sent without an answer (counted wrong), numbered from 1.
    pub unanswered: Vec<usize>,
    /// Passed but not completed: the lessons still to read (title, address).
    pub lessons_left: Vec<(String, String)>,
    /// Failed again: the lessons to read before the next attempt (title, address).
    pub reread: Vec<(String, String)>,
    /// Failed: the lessons of what it got wrong, to go over (title, address).
    pub review_lessons: Vec<(String, String)>,
    /// Staff who completed the module: their certificate's code.
    pub certificate: Option<String>,
}

/// A person's best score on a module and whether they completed it.
#[cfg(feature = "ssr")]
async fn standing(
    db: &crate::store::Db,
    person_id: i64,
    module: &str,
) -> Result<(Option<u8>, bool), ServerFnError> {
    use crate::api::people::server::store_error;
    use crate::store::progress;
    let best = progress::best_percent(db, person_id, module)
        .await
        .map_err(store_error)?;
    let completed = progress::completed(db, person_id, module)
        .await
        .map_err(store_error)?;
    Ok((best, completed))
}

/// The signed-in person's progress in a module (`None` for visitors).
#[server(input = GetUrl, endpoint = "learning/progress")]
pub async fn module_progress(module: String) -> Result<Option<ProgressView>, ServerFnError> {
    use crate::api::people::server::{db, store_error, viewer};
    use crate::store::progress;
    let Some(viewer) = viewer() else {
        return Ok(None);
    };
    let db = db()?;
    let seen = progress::seen_lessons(&db, viewer.person_id, &module)
        .await
        .map_err(store_error)?;
    let (best, completed) = standing(&db, viewer.person_id, &module).await?;
    let certificate = progress::certificate_code(&db, viewer.person_id, &module)
        .await
        .map_err(store_error)?;
    let prerequisites = crate::api::catalog::server_catalog()?
        .module(&module)
        .map(|m| m.module.prerequisites.clone())
        .unwrap_or_default();
    let prerequisites_done = match prerequisites.is_empty() {
        true => Vec::new(),
        false => {
            let done = progress::completed_modules(&db, viewer.person_id)
                .await
                .map_err(store_error)?;
            prerequisites
                .iter()
                .filter(|id| done.contains(id.as_str()))
                .map(ToString::to_string)
                .collect()
        }
    };
    Ok(Some(ProgressView {
        seen_lessons: seen.into_iter().collect(),
        best_percent: best,
        completed,
        certificate,
        prerequisites_done,
        prerequisites_bind: crate::domain::learner::prerequisites_bind(viewer.role),
    }))
}

/// One of the signed-in person's attempts, question by question, with the right answers and
/// the explanations.
#[server(input = GetUrl, endpoint = "learning/attempt")]
pub async fn attempt_review(
    module: String,
    attempt: i64,
    lang: Lang,
) -> Result<Option<AttemptView>, ServerFnError> {
    use crate::api::people::server::{db, signed_in, store_error};
    use crate::domain::grading::QuestionResult;
    use crate::domain::grading::{grade, lessons_left, unanswered, Answers};
    use crate::store::progress;
    let viewer = signed_in()?;
    let catalog = crate::api::catalog::server_catalog()?;
    let Some(m) = catalog.module(&module) else {
        return Ok(None);
    };
    let db = db()?;
    let Some(row) = progress::attempt(&db, viewer.person_id, attempt)
        .await
        .map_err(store_error)?
    else {
        return Ok(None);
    };
    if row.module_id != module {
        return Ok(None);
    }
    let answers: Answers = serde_json::from_str(&row.answers).unwrap_or_default();
    let asked = crate::learning::stored_draw(&m.module, row.draw.as_deref(), &answers);
    // Graded again only to lay out each question; the stored score is what counted.
    let review = grade(&m.module, &asked, &answers);
    let texts = m.texts(lang);
    // A failed attempt says which answers were right, not what the right ones are: the
    // lessons teach that, and a key copied into the next attempt measures nothing.
    let reveal = row.passed;
    let questions = review
        .questions
        .iter()
        .filter_map(|result: &QuestionResult| {
            let drawn = asked.0.iter().find(|d| d.question == result.question)?;
            let q = m.module.quiz.question(&result.question)?;
            let text = texts.questions.get(&q.id)?;
            Some(ReviewQuestion {
                prompt: text.prompt.clone(),
                kind: q.kind.code().to_owned(),
                correct: result.correct,
                answered: !result.chosen.is_empty(),
                options: drawn
                    .options
                    .iter()
                    .filter_map(|o| text.options.iter().find(|(id, _)| id.as_str() == o))
                    .map(|(id, s)| ReviewOption {
                        id: id.to_string(),
                        text: s.clone(),
                        chosen: result.chosen.contains(id.as_str()),
                        right: reveal && result.right.contains(id.as_str()),
                    })
                    .collect(),
                explanation: match reveal {
                    true => text.explanation.clone(),
                    false => String::new(),
                },
            })
        })
        .collect();
    // After a failed attempt: the lessons of what it got wrong.
    let review_lessons: Vec<(String, String)> = match row.passed {
        true => Vec::new(),
        false => {
            let wrong = crate::domain::grading::wrong(&review);
            let lessons = crate::domain::draw::lessons_to_reread(&m.module, &wrong);
            crate::api::catalog::lesson_links_of(m, lang)
                .into_iter()
                .filter(|l| lessons.iter().any(|id| id.as_str() == l.id))
                .map(|l| (l.title, format!("/modules/{module}/lessons/{}", l.id)))
                .collect()
        }
    };
    let to_reread = progress::rereads(&db, viewer.person_id, &module)
        .await
        .map_err(store_error)?;
    let reread = crate::api::catalog::lesson_links_of(m, lang)
        .into_iter()
        .filter(|l| to_reread.contains(&l.id))
        .map(|l| (l.title, format!("/modules/{module}/lessons/{}", l.id)))
        .collect();
    let (best, completed) = standing(&db, viewer.person_id, &module).await?;
    let certificate = match completed {
        true => progress::certificate_code(&db, viewer.person_id, &module)
            .await
            .map_err(store_error)?,
        false => None,
    };
    let left = if row.passed && !completed {
        let seen = progress::seen_lessons(&db, viewer.person_id, &module)
            .await
            .map_err(store_error)?;
        lessons_left(&m.module, &seen)
            .into_iter()
            .filter_map(|lesson| {
                let index = m.module.lessons.iter().position(|l| l.id == lesson.id)?;
                Some((
                    texts.lessons.get(index)?.title.clone(),
                    format!("/modules/{module}/lessons/{}", lesson.id),
                ))
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(Some(AttemptView {
        module_id: module,
        module_title: texts.title.clone(),
        correct: row.correct as usize,
        total: row.total as usize,
        percent: row.percent.clamp(0, 100) as u8,
        passed: row.passed,
        pass_mark: m.module.pass_mark,
        best_percent: best,
        completed,
        unanswered: unanswered(&review),
        questions,
        lessons_left: left,
        reread,
        review_lessons,
        certificate,
    }))
}

/// Checks a certificate by its code (public: anyone can verify one).
#[server(input = GetUrl, endpoint = "learning/certificate")]
pub async fn verify_certificate(
    code: String,
    lang: Lang,
) -> Result<Option<CertificateView>, ServerFnError> {
    use crate::api::people::server::{db, store_error};
    use crate::domain::person::parse_code;
    use crate::learning::CERTIFICATE_CODE_LEN;
    let Ok(code) = parse_code(&code, CERTIFICATE_CODE_LEN) else {
        return Ok(None);
    };
    let db = db()?;
    let Some(row) = crate::store::progress::certificate(&db, &code)
        .await
        .map_err(store_error)?
    else {
        return Ok(None);
    };
    let catalog = crate::api::catalog::server_catalog()?;
    let module_title = catalog.title(&row.module_id, lang);
    let shown = certificate_code_text(&code);
    Ok(Some(CertificateView {
        url: format!(
            "{}/certificates/{shown}",
            crate::api::people::server::site_url()
        ),
        code: shown,
        name: row.display_name,
        role: crate::domain::person::Role::from_code(&row.role)
            .ok_or_else(|| ServerFnError::new("a certificate held by an unknown role"))?,
        unit: row.unit_name,
        issuer: row.issuer_name,
        module_title,
        date: crate::domain::dates::display_date(
            crate::domain::dates::local_day(row.completed_at),
            lang,
        ),
    }))
}

/// A certificate code as printed: `ABCDE-23456`.
#[cfg(feature = "ssr")]
fn certificate_code_text(code: &str) -> String {
    match (code.get(..5), code.get(5..)) {
        (Some(head), Some(tail)) => format!("{head}-{tail}"),
        _ => code.to_owned(),
    }
}

/// The signed-in person's certificates, the latest first (staff only have any).
#[server(input = GetUrl, endpoint = "learning/certificates")]
pub async fn my_certificates(lang: Lang) -> Result<Vec<CertificateLink>, ServerFnError> {
    use crate::api::people::server::{db, signed_in, store_error};
    let viewer = signed_in()?;
    let db = db()?;
    let catalog = crate::api::catalog::server_catalog()?;
    let rows = crate::store::progress::certificates_of(&db, viewer.person_id)
        .await
        .map_err(store_error)?;
    Ok(rows
        .into_iter()
        .map(|(module, code, at)| CertificateLink {
            module_title: catalog.title(&module, lang),
            code: certificate_code_text(&code),
            date: crate::domain::dates::display_date(crate::domain::dates::local_day(at), lang),
        })
        .collect())
}

#[server(input = GetUrl, endpoint = "learning/home")]
pub async fn my_learning(lang: Lang) -> Result<LearningHome, ServerFnError> {
    use crate::api::people::server::{db, signed_in, store_error};
    use crate::domain::learner::audiences_for;
    use crate::store::{people, progress};
    let viewer = signed_in()?;
    let db = db()?;
    let catalog = crate::api::catalog::server_catalog()?;
    let profile = people::profile(&db, viewer.person_id)
        .await
        .map_err(store_error)?
        .ok_or_else(|| ServerFnError::new("no such person"))?;
    let this_year = crate::domain::dates::local_year(crate::auth::now());
    let age = profile.birth_year.map(|y| this_year - y as i32);
    let audiences = audiences_for(viewer.role, age);
    let standings = progress::standings(&db, viewer.person_id)
        .await
        .map_err(store_error)?;
    let item = |m: &crate::catalog::CatalogModule| {
        let standing = standings
            .get(m.module.id.as_str())
            .cloned()
            .unwrap_or_default();
        let next = m
            .module
            .lessons
            .iter()
            .find(|l| !standing.seen.contains(l.id.as_str()))
            .map(|l| format!("/modules/{}/lessons/{}", m.module.id, l.id))
            .unwrap_or_else(|| format!("/modules/{}/quiz", m.module.id));
        LearningItem {
            card: crate::api::catalog::card_of(m, lang),
            lessons_seen: standing.seen.len(),
            lessons_total: m.module.lessons.len(),
            best_percent: standing.best,
            completed: standing.completed,
            next_href: next,
        }
    };
    let mut assigned: Vec<AssignedItem> = Vec::new();
    if viewer.role == crate::domain::person::Role::Student {
        use crate::domain::assignment::{local_day, parse_date, sort_key, standing};
        let today = local_day(crate::auth::now());
        for a in crate::store::assignments::for_student(&db, viewer.person_id)
            .await
            .map_err(store_error)?
        {
            let (Some(m), Some(due)) = (catalog.module(&a.module_id), parse_date(&a.due_on)) else {
                continue;
            };
            let item = item(m);
            let standing = standing(item.completed, due, today);
            assigned.push(AssignedItem {
                item,
                due_on: a.due_on,
                standing,
            });
        }
        assigned.sort_by_key(|a| sort_key(a.standing));
    }
    // Each module once: assigned first, then where the learner left off, then the rest.
    let is_assigned = |module: &str| assigned.iter().any(|a| a.item.card.id == module);
    let continue_with = standings
        .iter()
        .filter(|(id, s)| !s.completed && !is_assigned(id))
        .max_by_key(|(_, s)| s.last_at)
        .and_then(|(id, _)| catalog.module(id))
        .map(item);
    let for_me: Vec<LearningItem> = catalog
        .modules()
        .iter()
        .filter(|m| audiences.iter().any(|a| m.module.is_for(*a)))
        .filter(|m| !is_assigned(m.module.id.as_str()))
        .filter(|m| {
            continue_with
                .as_ref()
                .is_none_or(|c| c.card.id != m.module.id.as_str())
        })
        .map(item)
        .collect();
    let mut children = Vec::new();
    if let (crate::domain::person::Role::Parent, Some(household)) =
        (viewer.role, profile.household_id)
    {
        for (id, name) in people::household_child_ids(&db, household)
            .await
            .map_err(store_error)?
        {
            use crate::domain::assignment::{local_day, parse_date, sort_key, standing};
            let s = progress::standings(&db, id).await.map_err(store_error)?;
            let today = local_day(crate::auth::now());
            let mut assigned = Vec::new();
            for a in crate::store::assignments::for_student(&db, id)
                .await
                .map_err(store_error)?
            {
                let (Some(m), Some(due)) = (catalog.module(&a.module_id), parse_date(&a.due_on))
                else {
                    continue;
                };
                let done = s.get(a.module_id.as_str()).is_some_and(|x| x.completed);
                let title = m.texts(lang).title.clone();
                assigned.push((title, a.due_on, standing(done, due, today)));
            }
            assigned.sort_by_key(|(_, _, standing)| sort_key(*standing));
            children.push(ChildProgress {
                name,
                completed: s.values().filter(|x| x.completed).count(),
                started: s.len(),
                assigned,
            });
        }
    }
    Ok(LearningHome {
        name: profile.display_name,
        assigned,
        continue_with,
        for_me,
        children,
    })
}
