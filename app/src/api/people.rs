//! Server functions about people: the lab sign-in lists, the account page, classes.
//! The access table decides who may call each; the store narrows what they see.

use crate::domain::person::Role;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

/// What every page knows about the visitor: who is signed in, and the token its forms carry.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageSession {
    pub signed_in: Option<(String, Role)>,
    pub csrf: String,
}

/// After a form post that went wrong: which form, the message key, and what was typed
/// (never a password, PIN or picture choice).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormOutcome {
    pub form: String,
    pub error: String,
    pub minutes: Option<i64>,
    pub values: Vec<(String, String)>,
}

impl FormOutcome {
    pub fn value(&self, key: &str) -> String {
        self.values
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
}

/// After a roster upload: the problems (row, Fluent key, quoted value), or what was done.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RosterOutcome {
    /// A Fluent key when the upload itself failed (no file, not UTF-8, a server error).
    pub failed: Option<String>,
    pub problems: Vec<(usize, String, String)>,
    /// rows, classes added, students added/updated/unchanged, teachers added/updated/unchanged.
    pub counts: Option<[usize; 8]>,
    /// Username and first password of each new teacher, shown once.
    pub new_teachers: Vec<(String, String)>,
    /// The classes the file named, as they now are.
    pub classes: Vec<ImportedClass>,
}

/// After a staff file upload: the problems (row, Fluent key, quoted value), or what was done.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffOutcome {
    /// A Fluent key when the upload itself failed (no file, not UTF-8, a server error).
    pub failed: Option<String>,
    pub problems: Vec<(usize, String, String)>,
    /// rows, accounts added, updated, unchanged.
    pub counts: Option<[usize; 4]>,
    /// Username, role and first password of each new account, shown once.
    pub new_accounts: Vec<(String, Role, String)>,
}

/// A class after a roster import: where to find its cards and family letters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedClass {
    pub id: i64,
    pub name: String,
    pub school_name: String,
    pub school_year: String,
    /// As printed (`ABC-DEF-GHJ`).
    pub code: String,
    pub teachers: Vec<String>,
    pub students: i64,
}

/// What the class-code step shows: the class's names, an unknown code, or "wait".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ClassRollLookup {
    Found(ClassRoll),
    Unknown,
    /// Too many unknown codes from this computer: wait this many minutes.
    Wait(i64),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRoll {
    pub code: String,
    pub class_name: String,
    pub school_name: String,
    /// Ids and names, for the student to pick their own.
    pub students: Vec<(i64, String)>,
    /// The student who picked their name: id, name, and whether they use pictures.
    pub chosen: Option<(i64, String, bool)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub display_name: String,
    pub role: Role,
    pub unit_name: String,
    pub username: Option<String>,
    pub phone: Option<String>,
    pub class_name: Option<String>,
    pub birth_year: Option<i64>,
    /// A parent's children: name and class.
    pub children: Vec<(String, Option<String>)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassSummary {
    pub id: i64,
    pub name: String,
    pub school_name: String,
    pub school_year: String,
    pub code: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub id: i64,
    pub display_name: String,
    pub birth_year: Option<i64>,
    /// Picture indexes, or the PIN, as the card prints them.
    pub pictures: Option<(u8, u8)>,
    pub pin: Option<String>,
    /// Wrong tries in the last day (since the last success or reset), and from how many
    /// computers.
    pub failures: usize,
    pub failure_clients: usize,
    /// Only the teacher can unlock (many wrong tries from many computers).
    pub locked: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassRoster {
    pub class: ClassSummary,
    pub members: Vec<MemberView>,
    /// Wrong tries at the class's students in the last 15 minutes: when it reaches the class
    /// limit, the whole class waits (someone may be going through the names).
    pub class_failures: usize,
    pub class_slowed: bool,
}

/// SafeSteps' public address (`--public-url`), given to pages by the server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteUrl(pub String);

#[cfg(feature = "ssr")]
pub mod server {
    use super::*;
    use crate::auth::CsrfToken;
    use crate::domain::person::Viewer;
    use crate::store::Db;

    pub fn db() -> Result<Db, ServerFnError> {
        use_context::<Db>().ok_or_else(|| ServerFnError::new("the database is not available"))
    }

    pub fn parts() -> Option<axum::http::request::Parts> {
        use_context::<axum::http::request::Parts>()
    }

    /// The signed-in person, as the server's middleware found them.
    pub fn viewer() -> Option<Viewer> {
        parts().and_then(|p| p.extensions.get::<Viewer>().cloned())
    }

    pub fn signed_in() -> Result<Viewer, ServerFnError> {
        viewer().ok_or_else(|| ServerFnError::new("sign in first"))
    }

    pub fn page_session() -> PageSession {
        let parts = parts();
        let csrf = parts
            .as_ref()
            .and_then(|p| p.extensions.get::<CsrfToken>())
            .map(|t| t.0.clone())
            .unwrap_or_default();
        PageSession {
            signed_in: viewer().map(|v| (v.display_name, v.role)),
            csrf,
        }
    }

    /// A short name for this browser (from its anonymous token), for throttling per computer.
    pub fn browser() -> Option<String> {
        if viewer().is_some() {
            return None;
        }
        parts()
            .and_then(|p| p.extensions.get::<CsrfToken>().cloned())
            .map(|t| crate::auth::browser_id(&t.0))
    }

    /// Where SafeSteps is reached: the public address when one is set (`--public-url`),
    /// else the address this request was sent to.
    pub fn site_url() -> String {
        if let Some(SiteUrl(url)) = use_context::<SiteUrl>() {
            return url.trim_end_matches('/').to_owned();
        }
        let host = parts()
            .and_then(|p| {
                p.headers
                    .get(axum::http::header::HOST)
                    .and_then(|h| h.to_str().ok())
                    .map(str::to_owned)
            })
            .unwrap_or_else(|| "localhost".to_owned());
        format!("http://{host}")
    }

    /// The address the request came from (the client as throttling sees it).
    pub fn client_address() -> String {
        parts()
            .and_then(|p| {
                p.extensions
                    .get::<crate::domain::client::ClientIp>()
                    .map(|c| c.0.to_string())
            })
            .unwrap_or_default()
    }

    pub fn store_error(error: crate::store::StoreError) -> ServerFnError {
        tracing::error!(%error, "database error in a server function");
        ServerFnError::new("database error")
    }

    /// A class's roster for its page and cards: each student's secret and lock state, and
    /// the class's recent wrong tries.
    pub fn roster_of(
        class: crate::store::people::Class,
        members: Vec<crate::store::people::ClassMember>,
        failures: &crate::store::people::ClassFailures,
    ) -> ClassRoster {
        use crate::domain::secret::StudentSecret;
        use crate::domain::throttle::{self, student_failures};
        let now = crate::auth::now();
        let mut views = Vec::new();
        for m in members {
            let summary = failures
                .get(&m.id)
                .map(|f| student_failures(f, now))
                .unwrap_or_default();
            let secret = m
                .secret
                .as_deref()
                .and_then(|s| StudentSecret::parse(s).ok());
            views.push(MemberView {
                id: m.id,
                display_name: m.display_name,
                birth_year: m.birth_year,
                pictures: match secret {
                    Some(StudentSecret::Pictures(a, b)) => Some((a, b)),
                    _ => None,
                },
                pin: match secret {
                    Some(pin @ StudentSecret::Pin(_)) => Some(pin.to_string()),
                    _ => None,
                },
                failures: summary.tries,
                failure_clients: summary.clients,
                locked: summary.locked,
            });
        }
        let window = throttle::CLASS_LIMITS.short_window;
        let class_failures = failures
            .values()
            .flatten()
            .filter(|f| f.at > now - window)
            .count();
        ClassRoster {
            class: summary(class),
            members: views,
            class_failures,
            class_slowed: class_failures >= throttle::CLASS_LIMITS.short_limit,
        }
    }

    pub fn summary(class: crate::store::people::Class) -> ClassSummary {
        ClassSummary {
            id: class.id,
            name: class.name,
            school_name: class.school_name,
            school_year: class.school_year,
            code: crate::domain::person::format_class_code(&class.code),
        }
    }
}

/// The lab sign-in: a class by its code (the names to pick from), and the student who picked
/// theirs. Only names: never a secret.
#[server(input = GetUrl, endpoint = "people/class-sign-in")]
pub async fn class_sign_in(
    code: String,
    student: Option<i64>,
) -> Result<ClassRollLookup, ServerFnError> {
    use crate::auth::{look_up_class, ClassLookup};
    use crate::domain::secret::StudentSecret;
    use crate::store::people;
    let db = server::db()?;
    let browser = server::browser();
    let class = match look_up_class(&db, &code, &server::client_address(), browser.as_deref())
        .await
        .map_err(server::store_error)?
    {
        ClassLookup::Found(class) => class,
        ClassLookup::Unknown => return Ok(ClassRollLookup::Unknown),
        ClassLookup::Wait(minutes) => return Ok(ClassRollLookup::Wait(minutes)),
    };
    let mut lease = db.lease().await.map_err(server::store_error)?;
    let members = people::class_members(&mut lease, class.id)
        .await
        .map_err(server::store_error)?;
    drop(lease);
    let chosen = student
        .and_then(|id| members.iter().find(|m| m.id == id))
        .map(|m| {
            let pictures = m
                .secret
                .as_deref()
                .and_then(|s| StudentSecret::parse(s).ok())
                .is_none_or(|s| s.is_pictures());
            (m.id, m.display_name.clone(), pictures)
        });
    Ok(ClassRollLookup::Found(ClassRoll {
        code: crate::domain::person::format_class_code(&class.code),
        class_name: class.name,
        school_name: class.school_name,
        students: members
            .into_iter()
            .map(|m| (m.id, m.display_name))
            .collect(),
        chosen,
    }))
}

#[server(input = GetUrl, endpoint = "people/account")]
pub async fn my_account() -> Result<AccountView, ServerFnError> {
    use crate::store::people;
    let viewer = server::signed_in()?;
    let db = server::db()?;
    let profile = people::profile(&db, viewer.person_id)
        .await
        .map_err(server::store_error)?
        .ok_or_else(|| ServerFnError::new("no such person"))?;
    let children = match (viewer.role, profile.household_id) {
        (Role::Parent, Some(household)) => people::household_children(&db, household)
            .await
            .map_err(server::store_error)?,
        _ => Vec::new(),
    };
    Ok(AccountView {
        display_name: profile.display_name,
        role: viewer.role,
        unit_name: profile.unit_name,
        username: profile.username,
        phone: profile.phone,
        class_name: profile.class_name,
        birth_year: profile.birth_year,
        children,
    })
}

#[server(input = GetUrl, endpoint = "people/classes")]
pub async fn my_classes() -> Result<Vec<ClassSummary>, ServerFnError> {
    let viewer = server::signed_in()?;
    let db = server::db()?;
    let mut lease = db.lease().await.map_err(server::store_error)?;
    let classes = crate::store::people::classes_for(&mut lease, &viewer)
        .await
        .map_err(server::store_error)?;
    Ok(classes.into_iter().map(server::summary).collect())
}

/// A class with its students, their sign-in secrets (for the cards) and lock state; only for
/// those who look after it (`None` for anyone else, as for a class that does not exist).
#[server(input = GetUrl, endpoint = "people/class")]
pub async fn class_detail(id: i64) -> Result<Option<ClassRoster>, ServerFnError> {
    use crate::store::people;
    let viewer = server::signed_in()?;
    let db = server::db()?;
    let Some(class) = people::class_for(&db, &viewer, id)
        .await
        .map_err(server::store_error)?
    else {
        return Ok(None);
    };
    let (members, failures) = people::class_roll(
        &mut db.lease().await.map_err(server::store_error)?,
        class.id,
    )
    .await
    .map_err(server::store_error)?;
    Ok(Some(server::roster_of(class, members, &failures)))
}
