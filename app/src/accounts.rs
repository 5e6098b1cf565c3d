//! What school managers (and admins) do for the people of their units: a one-time password
//! reset code for a member of staff or a parent who forgot theirs, and the households'
//! family codes and linked parents. Every action is checked against the manager's scope and
//! written to the audit log.

use crate::auth::{self, random_bytes, token_hash, RESET_CODE_LEN, RESET_VALID_FOR};
use crate::domain::person::{code_from_bytes, Viewer};
use crate::store::accounts;
use crate::store::sessions::{self, Event};
use crate::store::{Db, StoreError};

/// A reset code just issued: shown once to the manager, who gives it to the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IssuedReset {
    pub person_id: i64,
    pub name: String,
    /// As printed: `ABCD-EFGH-JKMN`.
    pub code: String,
    pub expires_at: i64,
}

/// The code as people read it out: three groups of four.
pub fn format_reset_code(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// Issues a reset code for a person in the manager's scope (`None` when they are not, or are
/// the manager themselves: they change their own password on their account page).
pub async fn issue_reset(
    db: &Db,
    actor: &Viewer,
    person_id: i64,
    client: &str,
) -> Result<Option<IssuedReset>, StoreError> {
    if person_id == actor.person_id {
        return Ok(None);
    }
    let Some(person) = accounts::people_in_scope(db, actor, Some(person_id))
        .await?
        .pop()
        .filter(|p| p.deactivated_at.is_none())
    else {
        return Ok(None);
    };
    let code = code_from_bytes(&random_bytes::<RESET_CODE_LEN>());
    let now = auth::now();
    let expires_at = now + RESET_VALID_FOR;
    accounts::save_reset(
        db,
        person.id,
        &token_hash(&code),
        actor.person_id,
        now,
        expires_at,
    )
    .await?;
    let event = Event {
        action: "password-reset-issued",
        actor: Some(actor.person_id),
        subject: Some(person.id),
        client: Some(client),
        detail: "valid one day",
    };
    sessions::audit(db, &event, now).await?;
    Ok(Some(IssuedReset {
        person_id: person.id,
        name: person.display_name,
        code: format_reset_code(&code),
        expires_at,
    }))
}

/// Unlinks a parent from a household of the manager's units (audited). Whether it happened.
pub async fn unlink_parent(
    db: &Db,
    actor: &Viewer,
    household_id: i64,
    parent_id: i64,
    client: &str,
    rules: &[crate::domain::coverage::TargetRule],
) -> Result<bool, StoreError> {
    if !accounts::household_in_scope(db, actor, household_id).await? {
        return Ok(false);
    }
    if !accounts::unlink_parent(db, household_id, parent_id).await? {
        return Ok(false);
    }
    // The household may no longer be reached through that parent.
    crate::store::coverage::refresh_household_in(db, rules, household_id).await?;
    let detail = format!("parent unlinked from household {household_id}");
    let event = Event {
        action: "family-unlinked",
        actor: Some(actor.person_id),
        subject: Some(parent_id),
        client: Some(client),
        detail: &detail,
    };
    sessions::audit(db, &event, auth::now()).await?;
    Ok(true)
}

/// Gives a household of the manager's units a new family code (the printed letter with the
/// old one stops working). Whether it happened.
pub async fn renew_family_code(
    db: &Db,
    actor: &Viewer,
    household_id: i64,
    client: &str,
) -> Result<bool, StoreError> {
    if !accounts::household_in_scope(db, actor, household_id).await? {
        return Ok(false);
    }
    let code = auth::unused_family_code(db).await?;
    accounts::set_family_code(db, household_id, &code).await?;
    let detail = format!("new family code for household {household_id}");
    let event = Event {
        action: "family-code-renewed",
        actor: Some(actor.person_id),
        subject: None,
        client: Some(client),
        detail: &detail,
    };
    sessions::audit(db, &event, auth::now()).await?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reset_codes_read_in_groups_of_four() {
        assert_eq!(super::format_reset_code("ABCDEFGHJKMN"), "ABCD-EFGH-JKMN");
    }
}

/// Deletes a student who left, for their school's manager (or an admin): their progress goes
/// with them, coverage follows, and the audit log records that a student of the class was
/// deleted — by whom, when, from where — without anything about the child. `false` when the
/// class is not in the manager's scope or the student is not in it.
pub async fn delete_student(
    db: &Db,
    actor: &Viewer,
    class_id: i64,
    student_id: i64,
    client: &str,
    rules: &[crate::domain::coverage::TargetRule],
) -> Result<bool, StoreError> {
    use crate::store::people;
    let Some(class) = people::class_for(db, actor, class_id).await? else {
        return Ok(false);
    };
    let members = people::class_members(&mut db.lease().await?, class.id).await?;
    if !members.iter().any(|m| m.id == student_id) {
        return Ok(false);
    }
    let now = auth::now();
    let this_year = crate::domain::dates::local_year(now);
    if !crate::store::privacy::delete_student(db, rules, student_id, this_year).await? {
        return Ok(false);
    }
    let detail = format!("a student of class {}", class.id);
    let event = Event {
        action: "student-deleted",
        actor: Some(actor.person_id),
        subject: None,
        client: Some(client),
        detail: &detail,
    };
    sessions::audit(db, &event, now).await?;
    Ok(true)
}

/// What became of a manager's change to a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Changed {
    Done,
    /// Not a person of the manager's units whom their rank reaches (or the manager themselves),
    /// or a unit outside theirs.
    NotFound,
    Refused(crate::domain::staff::ChangeProblem),
}

/// Moves a member of staff to a unit of the manager's and gives them a role, within the
/// manager's rank and where the targets count the role (audited: from what to what).
pub async fn change_person(
    db: &Db,
    actor: &Viewer,
    person_id: i64,
    unit_code: &str,
    role: crate::domain::person::Role,
    client: &str,
    rules: &[crate::domain::coverage::TargetRule],
) -> Result<Changed, StoreError> {
    use crate::domain::person::Role;
    use crate::domain::staff::check_change;
    if person_id == actor.person_id {
        return Ok(Changed::NotFound);
    }
    let Some(person) = accounts::people_in_scope(db, actor, Some(person_id))
        .await?
        .pop()
    else {
        return Ok(Changed::NotFound);
    };
    let units = accounts::units_in_scope(db, actor).await?;
    let Some(unit) = units.into_iter().find(|u| u.code == unit_code) else {
        return Ok(Changed::NotFound);
    };
    let Some(present) = Role::from_code(&person.role) else {
        return Ok(Changed::NotFound);
    };
    let kinds = crate::coverage::staff_unit_kinds(rules);
    if let Err(problem) = check_change(actor.role, present, role, &unit.kind, &kinds) {
        return Ok(Changed::Refused(problem));
    }
    if present == role && person.unit_code == unit.code {
        return Ok(Changed::Done);
    }
    let now = auth::now();
    let this_year = crate::domain::dates::local_year(now);
    let from = (present, person.unit_code.as_str());
    if !accounts::change_person(db, person.id, from, role, unit.id, rules, this_year).await? {
        // Changed by someone else meanwhile: the manager looks again.
        return Ok(Changed::NotFound);
    }
    let detail = format!(
        "{} in {} → {} in {}",
        present.code(),
        person.unit_code,
        role.code(),
        unit.code
    );
    let event = Event {
        action: "person-changed",
        actor: Some(actor.person_id),
        subject: Some(person.id),
        client: Some(client),
        detail: &detail,
    };
    sessions::audit(db, &event, now).await?;
    Ok(Changed::Done)
}

/// Deactivates a member of staff who left (`active: false`), or makes them active again;
/// only those whose role the manager's rank reaches (audited). Whether it happened.
pub async fn set_active(
    db: &Db,
    actor: &Viewer,
    person_id: i64,
    active: bool,
    client: &str,
    rules: &[crate::domain::coverage::TargetRule],
) -> Result<bool, StoreError> {
    use crate::domain::person::Role;
    if person_id == actor.person_id {
        return Ok(false);
    }
    let Some(person) = accounts::people_in_scope(db, actor, Some(person_id))
        .await?
        .pop()
        .filter(|p| Role::from_code(&p.role).is_some_and(Role::is_staff))
    else {
        return Ok(false);
    };
    if person.deactivated_at.is_none() == active {
        return Ok(true);
    }
    let now = auth::now();
    let this_year = crate::domain::dates::local_year(now);
    let at = (!active).then_some(now);
    accounts::set_deactivated(db, person.id, at, rules, this_year).await?;
    let event = Event {
        action: if active {
            "person-reactivated"
        } else {
            "person-deactivated"
        },
        actor: Some(actor.person_id),
        subject: Some(person.id),
        client: Some(client),
        detail: &person.role,
    };
    sessions::audit(db, &event, now).await?;
    Ok(true)
}
