//! A person's copy of everything SafeSteps stores about them (and, for a parent, their
//! children): the readable page and the JSON download are made from the same `PersonalData`.

use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonalData {
    /// When this copy was made (Vietnam time).
    pub made_at: String,
    pub notice_version: String,
    pub person: PersonRecord,
    #[serde(flatten)]
    pub learning: LearningRecord,
    /// A parent's children, each with their learning.
    pub children: Vec<ChildRecord>,
    /// Sessions: when each began and was last used.
    pub sessions: Vec<SessionRecord>,
    /// What the audit log holds about them or done by them.
    pub events: Vec<EventRecord>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRecord {
    pub name: String,
    pub role: String,
    pub unit: String,
    pub username: Option<String>,
    pub phone: Option<String>,
    pub class: Option<String>,
    pub birth_year: Option<i64>,
    pub account_made: String,
    pub consent: Option<ConsentRecord>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRecord {
    pub at: String,
    pub notice_version: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearningRecord {
    pub lessons_read: Vec<LessonRecord>,
    pub attempts: Vec<AttemptRecord>,
    pub completions: Vec<CompletionRecord>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LessonRecord {
    pub module: String,
    pub lesson: String,
    pub at: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptRecord {
    pub module: String,
    pub percent: i64,
    pub passed: bool,
    pub at: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompletionRecord {
    pub module: String,
    pub at: String,
    pub certificate: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildRecord {
    pub name: String,
    pub birth_year: Option<i64>,
    pub class: Option<String>,
    pub school: String,
    #[serde(flatten)]
    pub learning: LearningRecord,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionRecord {
    pub started: String,
    pub last_used: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventRecord {
    pub at: String,
    pub action: String,
    pub client: Option<String>,
}

/// The signed-in person's copy (module titles in `lang`).
#[server(input = GetUrl, endpoint = "privacy/mine")]
pub async fn my_data(lang: Lang) -> Result<PersonalData, ServerFnError> {
    use crate::api::people::server as s;
    let viewer = s::signed_in()?;
    let db = s::db()?;
    let catalog = crate::api::catalog::server_catalog()?;
    server::personal_data(&db, &catalog, viewer.person_id, lang)
        .await
        .map_err(s::store_error)
}

#[cfg(feature = "ssr")]
pub mod server {
    use super::*;
    use crate::catalog::Catalog;
    use crate::domain::dates::display_date_time;
    use crate::store::{people, privacy, Db, StoreError};

    fn learning(catalog: &Catalog, lang: Lang, l: privacy::Learning) -> LearningRecord {
        let title = |module: String| catalog.title(&module, lang);
        LearningRecord {
            lessons_read: l
                .lessons
                .into_iter()
                .map(|(module, lesson, at)| LessonRecord {
                    module: title(module),
                    lesson,
                    at: display_date_time(at, lang),
                })
                .collect(),
            attempts: l
                .attempts
                .into_iter()
                .map(|(module, percent, passed, at)| AttemptRecord {
                    module: title(module),
                    percent,
                    passed,
                    at: display_date_time(at, lang),
                })
                .collect(),
            completions: l
                .completions
                .into_iter()
                .map(|(module, at, certificate)| CompletionRecord {
                    module: title(module),
                    at: display_date_time(at, lang),
                    certificate,
                })
                .collect(),
        }
    }

    /// Everything stored about `person_id`, and about their children if they are a parent.
    pub async fn personal_data(
        db: &Db,
        catalog: &Catalog,
        person_id: i64,
        lang: Lang,
    ) -> Result<PersonalData, StoreError> {
        let profile = people::profile(db, person_id)
            .await?
            .ok_or(StoreError::Query(sqlx::Error::RowNotFound))?;
        let (made, consent) = privacy::account_dates(db, person_id).await?;
        let mut children = Vec::new();
        if let (Some(household), "parent") = (profile.household_id, profile.role.as_str()) {
            for (id, name, birth_year, class, school) in privacy::children_of(db, household).await?
            {
                children.push(ChildRecord {
                    name,
                    birth_year,
                    class,
                    school,
                    learning: learning(catalog, lang, privacy::learning_of(db, id).await?),
                });
            }
        }
        Ok(PersonalData {
            made_at: display_date_time(crate::auth::now(), lang),
            notice_version: crate::domain::privacy::NOTICE_VERSION.to_owned(),
            person: PersonRecord {
                name: profile.display_name,
                role: profile.role,
                unit: profile.unit_name,
                username: profile.username,
                phone: profile.phone,
                class: profile.class_name,
                birth_year: profile.birth_year,
                account_made: display_date_time(made, lang),
                consent: consent.map(|(at, version)| ConsentRecord {
                    at: display_date_time(at, lang),
                    notice_version: version,
                }),
            },
            learning: learning(catalog, lang, privacy::learning_of(db, person_id).await?),
            children,
            sessions: privacy::sessions_of(db, person_id)
                .await?
                .into_iter()
                .map(|(started, last)| SessionRecord {
                    started: display_date_time(started, lang),
                    last_used: display_date_time(last, lang),
                })
                .collect(),
            events: privacy::events_of(db, person_id)
                .await?
                .into_iter()
                .map(|(at, action, client)| EventRecord {
                    at: display_date_time(at, lang),
                    action,
                    client,
                })
                .collect(),
        })
    }
}
