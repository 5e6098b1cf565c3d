//! Browsing the catalogue. Quiz views carry prompts and options only: the answer key and
//! the explanations stay on the server.

use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleCard {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub minutes: u16,
    pub audiences: Vec<String>,
    pub lesson_count: usize,
    pub fallback: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonLink {
    pub id: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleDetail {
    pub card: ModuleCard,
    /// Modules to learn first: id and title.
    pub prerequisites: Vec<(String, String)>,
    pub lessons: Vec<LessonLink>,
    pub question_count: usize,
    pub pass_mark: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonPage {
    pub module_id: String,
    pub module_title: String,
    /// 1-based place of this lesson in the module.
    pub number: usize,
    pub count: usize,
    pub title: String,
    /// Sanitized at load time (no raw HTML from Markdown).
    pub html: String,
    pub previous: Option<LessonLink>,
    pub next: Option<LessonLink>,
    pub fallback: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: String,
    /// `single`, `multiple` or `true-false`.
    pub kind: String,
    pub prompt: String,
    /// Option ids and texts (empty texts for true-false: the interface labels them).
    pub options: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizPage {
    /// A fresh key for this form: submitting it twice stores one attempt.
    pub submission_key: String,
    pub module_id: String,
    pub module_title: String,
    pub pass_mark: u8,
    pub questions: Vec<QuestionView>,
    /// The key of the draw these questions are (sent back with the answers; empty for visitors,
    /// who see a sample draw).
    pub draw_key: String,
    /// After failed attempts: the lessons to read again before the next attempt (title,
    /// address), and the objectives they teach; no form while any is left.
    pub reread: Vec<(String, String)>,
    pub reread_objectives: Vec<String>,
    /// Answers kept while the learner signed in again, to check and send (usually empty).
    pub kept: crate::domain::grading::Answers,
    /// For staff: modules to complete before this quiz (id, title); no form while any is left.
    pub prerequisites_first: Vec<(String, String)>,
}

#[cfg(feature = "ssr")]
pub fn card_of(m: &crate::catalog::CatalogModule, lang: Lang) -> ModuleCard {
    server::card(m, lang)
}

#[cfg(feature = "ssr")]
pub fn lesson_links_of(m: &crate::catalog::CatalogModule, lang: Lang) -> Vec<LessonLink> {
    server::lesson_links(m, lang)
}

#[cfg(feature = "ssr")]
pub fn server_catalog() -> Result<std::sync::Arc<crate::catalog::Catalog>, ServerFnError> {
    server::catalog()
}

#[cfg(feature = "ssr")]
mod server {
    use super::*;
    use crate::catalog::{Catalog, CatalogModule};
    use std::sync::Arc;

    pub fn catalog() -> Result<Arc<Catalog>, ServerFnError> {
        use_context::<Arc<Catalog>>()
            .ok_or_else(|| ServerFnError::new("the catalogue is not loaded"))
    }

    pub fn card(m: &CatalogModule, lang: Lang) -> ModuleCard {
        let texts = m.texts(lang);
        ModuleCard {
            id: m.module.id.to_string(),
            title: texts.title.clone(),
            summary: texts.summary.clone(),
            minutes: m.module.minutes,
            audiences: m.module.audiences.iter().map(|a| a.code()).collect(),
            lesson_count: m.module.lessons.len(),
            fallback: texts.fallback,
        }
    }

    /// Answers kept on this browser for this person's quiz, if any.
    pub async fn kept_answers(
        module: &str,
    ) -> Result<Option<crate::store::kept::Kept>, ServerFnError> {
        use crate::api::people::server as people;
        let token =
            people::parts().and_then(|p| p.extensions.get::<crate::auth::KeptToken>().cloned());
        let (Some(viewer), Some(token)) = (people::viewer(), token) else {
            return Ok(None);
        };
        crate::learning::kept_in_form(&people::db()?, viewer.person_id, &token.0, module)
            .await
            .map_err(people::store_error)
    }

    /// Modules by id with their titles in `lang` (an unknown id keeps the id as its title).
    pub fn titled(catalog: &Catalog, ids: &[impl AsRef<str>], lang: Lang) -> Vec<(String, String)> {
        ids.iter()
            .map(|id| (id.as_ref().to_owned(), catalog.title(id.as_ref(), lang)))
            .collect()
    }

    pub fn lesson_links(m: &CatalogModule, lang: Lang) -> Vec<LessonLink> {
        m.module
            .lessons
            .iter()
            .zip(&m.texts(lang).lessons)
            .map(|(lesson, text)| LessonLink {
                id: lesson.id.to_string(),
                title: text.title.clone(),
            })
            .collect()
    }
}

/// The modules for one audience (by code, e.g. `student-6-10`), or all of them.
#[server(input = GetUrl, endpoint = "catalog/modules")]
pub async fn list_modules(
    audience: Option<String>,
    lang: Lang,
) -> Result<Vec<ModuleCard>, ServerFnError> {
    use crate::domain::content::Audience;
    let catalog = server::catalog()?;
    let audience = audience.as_deref().and_then(Audience::parse);
    Ok(catalog
        .modules()
        .iter()
        .filter(|m| audience.is_none_or(|a| m.module.is_for(a)))
        .map(|m| server::card(m, lang))
        .collect())
}

#[server(input = GetUrl, endpoint = "catalog/module")]
pub async fn get_module(id: String, lang: Lang) -> Result<Option<ModuleDetail>, ServerFnError> {
    let catalog = server::catalog()?;
    Ok(catalog.module(&id).map(|m| ModuleDetail {
        card: server::card(m, lang),
        prerequisites: server::titled(&catalog, &m.module.prerequisites, lang),
        lessons: server::lesson_links(m, lang),
        question_count: m.module.quiz.attempt_size(),
        pass_mark: m.module.pass_mark,
    }))
}

#[server(input = GetUrl, endpoint = "catalog/lesson")]
pub async fn get_lesson(
    module: String,
    lesson: String,
    lang: Lang,
) -> Result<Option<LessonPage>, ServerFnError> {
    let catalog = server::catalog()?;
    let Some(m) = catalog.module(&module) else {
        return Ok(None);
    };
    let Some(index) = m
        .module
        .lessons
        .iter()
        .position(|l| l.id.as_str() == lesson)
    else {
        return Ok(None);
    };
    if let Some(viewer) = crate::api::people::server::viewer() {
        // Reading a lesson records it (once per person and lesson).
        let db = crate::api::people::server::db()?;
        let lesson_id = m.module.lessons[index].id.as_str();
        crate::store::progress::record_view(
            &db,
            viewer.person_id,
            m.module.id.as_str(),
            lesson_id,
            m.module.version,
            crate::auth::now(),
        )
        .await
        .map_err(crate::api::people::server::store_error)?;
    }
    let links = server::lesson_links(m, lang);
    let texts = m.texts(lang);
    let text = &texts.lessons[index];
    Ok(Some(LessonPage {
        module_id: m.module.id.to_string(),
        module_title: texts.title.clone(),
        number: index + 1,
        count: links.len(),
        title: text.title.clone(),
        html: text.html.clone(),
        previous: index.checked_sub(1).and_then(|i| links.get(i).cloned()),
        next: links.get(index + 1).cloned(),
        fallback: text.fallback,
    }))
}

#[server(input = GetUrl, endpoint = "catalog/quiz")]
pub async fn get_quiz(module: String, lang: Lang) -> Result<Option<QuizPage>, ServerFnError> {
    let catalog = server::catalog()?;
    let Some(m) = catalog.module(&module) else {
        return Ok(None);
    };
    let texts = m.texts(lang);
    let kept = server::kept_answers(&module).await?;
    let viewer = crate::api::people::server::viewer();
    let mut prerequisites_first = Vec::new();
    let mut reread = Vec::new();
    let mut reread_objectives = Vec::new();
    let (draw_key, asked) = match viewer {
        Some(viewer) => {
            use crate::api::people::server::store_error;
            let db = crate::api::people::server::db()?;
            let who = (viewer.person_id, viewer.role);
            let missing = crate::learning::prerequisites_first(&db, &catalog, who, &module)
                .await
                .map_err(store_error)?;
            prerequisites_first = server::titled(&catalog, &missing, lang);
            let lessons = crate::store::progress::rereads(&db, viewer.person_id, &module)
                .await
                .map_err(store_error)?;
            if !lessons.is_empty() {
                reread = server::lesson_links(m, lang)
                    .into_iter()
                    .filter(|l| lessons.contains(&l.id))
                    .map(|l| (l.title, format!("/modules/{module}/lessons/{}", l.id)))
                    .collect();
                reread_objectives = m
                    .module
                    .quiz
                    .objectives
                    .iter()
                    .filter(|o| o.lessons.iter().any(|l| lessons.contains(l.as_str())))
                    .filter_map(|o| texts.objectives.get(&o.id).cloned())
                    .collect();
            }
            if prerequisites_first.is_empty() && reread.is_empty() {
                crate::learning::open_draw(&db, &m.module, viewer.person_id)
                    .await
                    .map_err(store_error)?
            } else {
                (String::new(), crate::domain::draw::Draw::default())
            }
        }
        // A visitor sees a sample of the bank (nothing is stored: they cannot send it).
        None => {
            let mut rng = fastrand::Rng::new();
            let sample = crate::domain::draw::draw(
                &m.module,
                &crate::domain::draw::Draw::default(),
                &mut |n| rng.usize(..n),
            );
            (String::new(), sample)
        }
    };
    let questions = asked
        .0
        .iter()
        .filter_map(|drawn| {
            let q = m.module.quiz.question(&drawn.question)?;
            let text = texts.questions.get(&q.id)?;
            Some(QuestionView {
                id: q.id.to_string(),
                kind: q.kind.code().to_owned(),
                prompt: text.prompt.clone(),
                options: drawn
                    .options
                    .iter()
                    .filter_map(|o| {
                        text.options
                            .iter()
                            .find(|(id, _)| id.as_str() == o)
                            .map(|(id, s)| (id.to_string(), s.clone()))
                    })
                    .collect(),
            })
        })
        .collect();
    Ok(Some(QuizPage {
        prerequisites_first,
        draw_key,
        reread,
        reread_objectives,
        submission_key: kept
            .as_ref()
            .map(|k| k.submission_key.clone())
            .unwrap_or_else(crate::auth::random_token),
        // Shown where the questions open now ask them (kept answers never choose the questions).
        kept: kept
            .map(|k| crate::domain::grading::only_known(&m.module, &asked, &k.answers))
            .unwrap_or_default(),
        module_id: m.module.id.to_string(),
        module_title: texts.title.clone(),
        pass_mark: m.module.pass_mark,
        questions,
    }))
}
