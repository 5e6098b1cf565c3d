//! Server functions for school managers: the staff and parents of their units (reset
//! codes), their students' households (family codes, linked parents), and family letters.

use crate::domain::person::Role;
use crate::i18n::Lang;
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRow {
    pub id: i64,
    pub name: String,
    pub role: Role,
    pub username: Option<String>,
    pub phone: Option<String>,
    pub unit_name: String,
    /// Still on a first password.
    pub first_password: bool,
    /// A reset code is pending until this date (`YYYY-MM-DD HH:MM`, Vietnam time).
    pub reset_until: Option<String>,
    pub unit_code: String,
    /// Deactivated (they left): signs in no more, counted by no target.
    pub deactivated: bool,
}

/// One person as their manager manages them: their row, the units they may be moved to and
/// the roles they may be given (the manager's rank).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManagedPerson {
    pub person: PersonRow,
    /// Code and name of each unit of the manager's, in the tree's order.
    pub units: Vec<(String, String)>,
    pub roles: Vec<Role>,
}

/// After a manager's change to a person was refused: the Fluent key and the value it quotes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonOutcome {
    pub refused: Option<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseholdRow {
    pub id: i64,
    pub unit_name: String,
    /// As printed: `ABCD-EFGH`.
    pub family_code: String,
    /// Name and class of each child.
    pub children: Vec<(String, Option<String>)>,
    /// Id, name, phone and sign-up date of each linked parent.
    pub parents: Vec<(i64, String, Option<String>, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleView {
    pub people: Vec<PersonRow>,
    pub households: Vec<HouseholdRow>,
}

/// After a manager's post on the people page: a reset code shown once, or what was done.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleOutcome {
    /// Name, code and end of validity of a reset code just issued.
    pub issued: Option<(String, String, String)>,
}

/// One family letter: a child, their class and school, and the household's code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    pub child: String,
    pub class_name: Option<String>,
    pub school: String,
    pub family_code: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LettersView {
    /// What the letters are for: a class's name, or the manager's units.
    pub title: Option<String>,
    /// Where parents sign up (`https://…/sign-up/family`).
    pub sign_up_url: String,
    pub letters: Vec<Letter>,
}

/// The staff and parents of the manager's units, and their students' households (dates in
/// `lang`).
#[server(input = GetUrl, endpoint = "accounts/people")]
pub async fn manage_people(lang: Lang) -> Result<PeopleView, ServerFnError> {
    use crate::api::people::server as s;
    use crate::domain::dates::{display_date, local_day};
    use crate::domain::person::format_family_code;
    use crate::store::accounts;
    let viewer = s::signed_in()?;
    let db = s::db()?;
    let people = accounts::people_in_scope(&db, &viewer, None)
        .await
        .map_err(s::store_error)?
        .into_iter()
        .filter(|p| p.id != viewer.person_id)
        .filter_map(|p| person_row(p, lang))
        .collect();
    let households = accounts::households(&db, &viewer, None)
        .await
        .map_err(s::store_error)?
        .into_iter()
        .map(|h| HouseholdRow {
            id: h.id,
            unit_name: h.unit_name,
            family_code: format_family_code(&h.family_code),
            children: h.children.into_iter().map(|(_, n, c, _)| (n, c)).collect(),
            parents: h
                .parents
                .into_iter()
                .map(|(id, name, phone, at)| (id, name, phone, display_date(local_day(at), lang)))
                .collect(),
        })
        .collect();
    Ok(PeopleView { people, households })
}

/// A person of the manager's units as the people pages show them (dates in `lang`).
#[cfg(feature = "ssr")]
fn person_row(p: crate::store::accounts::Person, lang: Lang) -> Option<PersonRow> {
    use crate::domain::dates::display_date_time;
    Some(PersonRow {
        id: p.id,
        name: p.display_name,
        role: Role::from_code(&p.role)?,
        username: p.username,
        phone: p.phone,
        unit_name: p.unit_name,
        first_password: p.must_change_password,
        reset_until: p
            .reset_expires_at
            .filter(|at| *at > crate::auth::now())
            .map(|at| display_date_time(at, lang)),
        unit_code: p.unit_code,
        deactivated: p.deactivated_at.is_some(),
    })
}

/// One person of the manager's units (not the manager), with the units and roles the
/// manager may give them. `None` when out of scope.
#[server(input = GetUrl, endpoint = "accounts/person")]
pub async fn person_to_manage(id: i64, lang: Lang) -> Result<Option<ManagedPerson>, ServerFnError> {
    use crate::api::people::server as s;
    use crate::store::accounts;
    let viewer = s::signed_in()?;
    let db = s::db()?;
    if id == viewer.person_id {
        return Ok(None);
    }
    let Some(person) = accounts::people_in_scope(&db, &viewer, Some(id))
        .await
        .map_err(s::store_error)?
        .pop()
        .and_then(|p| person_row(p, lang))
    else {
        return Ok(None);
    };
    let units = if person.role.is_staff() {
        accounts::units_in_scope(&db, &viewer)
            .await
            .map_err(s::store_error)?
            .into_iter()
            .map(|u| (u.code, u.name))
            .collect()
    } else {
        Vec::new()
    };
    let roles = crate::domain::staff::STAFF_ROLES
        .into_iter()
        .filter(|r| crate::domain::access::may_reset(viewer.role, *r))
        .collect();
    Ok(Some(ManagedPerson {
        person,
        units,
        roles,
    }))
}

/// Family letters: for a class (its teacher and managers), or for every household of the
/// manager's units. `None` for a class out of scope.
#[server(input = GetUrl, endpoint = "accounts/letters")]
pub async fn family_letters(class: Option<i64>) -> Result<Option<LettersView>, ServerFnError> {
    use crate::api::people::server as s;
    use crate::domain::access::{scope, Scope};
    use crate::domain::person::format_family_code;
    use crate::store::{accounts, people};
    let viewer = s::signed_in()?;
    let db = s::db()?;
    let title = match class {
        Some(id) => match people::class_for(&db, &viewer, id)
            .await
            .map_err(s::store_error)?
        {
            Some(class) => Some(class.name),
            None => return Ok(None),
        },
        None if matches!(scope(viewer.role), Scope::Subtree | Scope::Everything) => None,
        None => return Ok(None),
    };
    let households = accounts::households(&db, &viewer, class)
        .await
        .map_err(s::store_error)?;
    let mut letters = Vec::new();
    for h in households {
        for (_, child, class_name, class_id) in h.children {
            // A class's letters are for its own students (not their siblings elsewhere).
            if class.is_some() && class_id != class {
                continue;
            }
            letters.push(Letter {
                child,
                class_name,
                school: h.unit_name.clone(),
                family_code: format_family_code(&h.family_code),
            });
        }
    }
    Ok(Some(LettersView {
        title,
        sign_up_url: format!("{}/sign-up/family", s::site_url()),
        letters,
    }))
}
