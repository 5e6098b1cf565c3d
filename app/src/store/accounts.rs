//! What a school's managers see of people's accounts: the staff and parents in their units
//! (for password reset codes), and the households of their students (family codes, linked
//! parents, letters). Every query is narrowed to the viewer's scope.

use super::{Db, StoreError};
use crate::domain::access::{scope, Scope};
use crate::domain::org::subtree_end;
use crate::domain::person::Viewer;

/// The range of materialized paths a viewer manages: `None` for everything (admins), an
/// empty range for those who manage no unit.
pub(crate) async fn unit_range(
    db: &Db,
    viewer: &Viewer,
) -> Result<Option<(String, String)>, StoreError> {
    on_db!(db => {
        match scope(viewer.role) {
            Scope::Everything => Ok(None),
            Scope::Subtree => {
                let path: String = sqlx::query_scalar(
                    "SELECT u.path FROM people p JOIN org_units u ON u.id = p.unit_id WHERE p.id = $1",
                )
                .bind(viewer.person_id)
                .fetch_one(db)
                .await?;
                let end = subtree_end(&path);
                Ok(Some((path, end)))
            }
            _ => Ok(Some((String::new(), String::new()))),
        }
    })
}

/// A member of staff or a parent, as a manager sees them.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Person {
    pub id: i64,
    pub role: String,
    pub display_name: String,
    pub username: Option<String>,
    pub phone: Option<String>,
    pub unit_name: String,
    pub must_change_password: bool,
    /// When a reset code issued for them stops working (none pending: `None`).
    pub reset_expires_at: Option<i64>,
    pub unit_code: String,
    /// When they were deactivated (they left); `None` while active.
    pub deactivated_at: Option<i64>,
}

const PEOPLE: &str =
    "SELECT p.id, p.role, p.display_name, p.username, p.phone, u.name AS unit_name, \
     p.must_change_password, r.expires_at AS reset_expires_at, u.code AS unit_code, \
     p.deactivated_at \
     FROM people p JOIN org_units u ON u.id = p.unit_id \
     LEFT JOIN password_resets r ON r.person_id = p.id \
     WHERE p.role <> 'student' AND p.password_hash IS NOT NULL";

/// The people with a password whose home unit the viewer manages (all for an admin) and whose
/// password the viewer may reset (`access::may_reset`: downward in rank, never a peer, across
/// agencies only where the organisation is one), staff first.
pub async fn people_in_scope(
    db: &Db,
    viewer: &Viewer,
    only: Option<i64>,
) -> Result<Vec<Person>, StoreError> {
    let range = unit_range(db, viewer).await?;
    on_db!(db => {
        // The roles are the domain's own codes, never input.
        let roles: Vec<String> = crate::domain::access::resettable(viewer.role)
            .into_iter()
            .map(|role| format!("'{}'", role.code()))
            .collect();
        let above = if roles.is_empty() {
            "AND FALSE".to_owned()
        } else {
            format!("AND p.role IN ({})", roles.join(", "))
        };
        // Parameters are numbered in the order they are bound below.
        let mut n = 0;
        let mut next = || {
            n += 1;
            format!("${n}")
        };
        let range_sql = match &range {
            Some(_) => format!("AND u.path >= {} AND u.path < {}", next(), next()),
            None => String::new(),
        };
        let only_sql = match only {
            Some(_) => format!("AND p.id = {}", next()),
            None => String::new(),
        };
        let sql = format!("{PEOPLE} {above} {range_sql} {only_sql}");
        let mut query = sqlx::query_as(&sql);
        if let Some((start, end)) = range {
            query = query.bind(start).bind(end);
        }
        if let Some(id) = only {
            query = query.bind(id);
        }
        let mut people: Vec<Person> = query.fetch_all(db).await?;
        // Staff first, then parents; by unit; each group in Vietnamese name order.
        crate::domain::names::sort_by_name(&mut people, |p| &p.display_name);
        people.sort_by(|a, b| {
            (a.role == "parent", &a.unit_name).cmp(&(b.role == "parent", &b.unit_name))
        });
        Ok(people)
    })
}

/// A unit a manager may put people in.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ScopeUnit {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub kind: String,
}

/// The units the viewer manages (all for an admin), in the tree's order.
pub async fn units_in_scope(db: &Db, viewer: &Viewer) -> Result<Vec<ScopeUnit>, StoreError> {
    let range = unit_range(db, viewer).await?;
    on_db!(db => {
        const UNITS: &str = "SELECT id, code, name, kind FROM org_units";
        Ok(match range {
            None => sqlx::query_as(&format!("{UNITS} ORDER BY path")).fetch_all(db).await?,
            Some((start, end)) => {
                sqlx::query_as(&format!("{UNITS} WHERE path >= $1 AND path < $2 ORDER BY path"))
                    .bind(start)
                    .bind(end)
                    .fetch_all(db)
                    .await?
            }
        })
    })
}

/// Gives a member of staff a role and a home unit, in one transaction: the classes of
/// another school are no longer theirs, and their coverage is counted where they now are.
/// `from`: the role and unit code the manager saw; if someone changed them meanwhile, nothing
/// is done and `false` comes back.
pub async fn change_person(
    db: &Db,
    person_id: i64,
    from: (crate::domain::person::Role, &str),
    role: crate::domain::person::Role,
    unit_id: i64,
    rules: &[crate::domain::coverage::TargetRule],
    this_year: i32,
) -> Result<bool, StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        super::coverage::hold_off_rebuild(&mut tx).await?;
        let changed = sqlx::query(
            "UPDATE people SET role = $1, unit_id = $2 WHERE id = $3 AND role = $4 \
             AND unit_id = (SELECT id FROM org_units WHERE code = $5)",
        )
        .bind(role.code())
        .bind(unit_id)
        .bind(person_id)
        .bind(from.0.code())
        .bind(from.1)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if changed == 0 {
            return Ok(false);
        }
        sqlx::query(
            "DELETE FROM class_teachers WHERE person_id = $1 \
             AND class_id IN (SELECT id FROM classes WHERE school_id <> $2)",
        )
        .bind(person_id)
        .bind(unit_id)
        .execute(&mut *tx)
        .await?;
        super::coverage::refresh_person(&mut tx, rules, person_id, this_year).await?;
        tx.commit().await?;
        Ok(true)
    })
}

/// Deactivates a person (`at`: when; they sign in no more, their sessions and any reset code
/// end, and no target counts them) or, with `None`, makes them active again. One transaction.
pub async fn set_deactivated(
    db: &Db,
    person_id: i64,
    at: Option<i64>,
    rules: &[crate::domain::coverage::TargetRule],
    this_year: i32,
) -> Result<(), StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        super::coverage::hold_off_rebuild(&mut tx).await?;
        sqlx::query("UPDATE people SET deactivated_at = $1 WHERE id = $2")
            .bind(at)
            .bind(person_id)
            .execute(&mut *tx)
            .await?;
        // Ended either way: one that a sign-in or a reset made while the account was being
        // deactivated must not come back with it.
        for sql in [
            "DELETE FROM sessions WHERE person_id = $1",
            "DELETE FROM password_resets WHERE person_id = $1",
        ] {
            sqlx::query(sql).bind(person_id).execute(&mut *tx).await?;
        }
        super::coverage::refresh_person(&mut tx, rules, person_id, this_year).await?;
        tx.commit().await?;
        Ok(())
    })
}

/// Keeps a reset code (its hash) for a person, replacing any earlier one; none for a person
/// deactivated meanwhile.
pub async fn save_reset(
    db: &Db,
    person_id: i64,
    code_hash: &str,
    issued_by: i64,
    now: i64,
    expires_at: i64,
) -> Result<(), StoreError> {
    on_db!(db => {
        sqlx::query(
            "INSERT INTO password_resets (person_id, code_hash, issued_by, issued_at, expires_at) \
             SELECT $1, $2, $3, $4, $5 FROM people WHERE id = $1 AND deactivated_at IS NULL \
             ON CONFLICT (person_id) DO UPDATE SET code_hash = excluded.code_hash, \
             issued_by = excluded.issued_by, issued_at = excluded.issued_at, expires_at = excluded.expires_at",
        )
        .bind(person_id)
        .bind(code_hash)
        .bind(issued_by)
        .bind(now)
        .bind(expires_at)
        .execute(db)
        .await?;
        Ok(())
    })
}

/// The hash and end of the reset code pending for a person.
pub async fn reset_for(db: &Db, person_id: i64) -> Result<Option<(String, i64)>, StoreError> {
    on_db!(db => {
        Ok(
            sqlx::query_as("SELECT code_hash, expires_at FROM password_resets WHERE person_id = $1")
                .bind(person_id)
                .fetch_optional(db)
                .await?,
        )
    })
}

/// Uses a reset code: if `code_hash` is still the person's pending code, the code is gone,
/// their password is `password_hash` and every session of theirs ends, in one transaction. A
/// code sent twice at once is used once: the second finds it gone. Whether it was used.
pub async fn use_reset(
    db: &Db,
    person_id: i64,
    code_hash: &str,
    password_hash: &str,
) -> Result<bool, StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        let used = sqlx::query("DELETE FROM password_resets WHERE person_id = $1 AND code_hash = $2")
            .bind(person_id)
            .bind(code_hash)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if used == 0 {
            return Ok(false);
        }
        sqlx::query(
            "UPDATE people SET password_hash = $1, must_change_password = FALSE \
             WHERE id = $2 AND password_hash IS NOT NULL",
        )
        .bind(password_hash)
        .bind(person_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM sessions WHERE person_id = $1")
            .bind(person_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    })
}

/// A household as its school sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Household {
    pub id: i64,
    pub unit_name: String,
    pub family_code: String,
    /// Children: id, name, class name, class id.
    pub children: Vec<(i64, String, Option<String>, Option<i64>)>,
    /// Parents linked to it: id, name, phone, when they signed up.
    pub parents: Vec<(i64, String, Option<String>, i64)>,
}

/// The households of students in the viewer's units — or of one class's students, when
/// `class_id` is given (the caller checked the class is in scope) — with children and parents,
/// in two queries. Children in Vietnamese name order; households by school, then by their
/// first child's name; parents in the order they linked.
pub async fn households(
    db: &Db,
    viewer: &Viewer,
    class_id: Option<i64>,
) -> Result<Vec<Household>, StoreError> {
    // Households with a student in the class, or in the viewer's units.
    let range = match class_id {
        Some(_) => None,
        None => unit_range(db, viewer).await?,
    };
    on_db!(db => {
        let filter = match (class_id, &range) {
            (Some(_), _) => {
                "h.id IN (SELECT household_id FROM people WHERE class_id = $1 AND role = 'student')"
            }
            (None, Some(_)) => "u.path >= $1 AND u.path < $2",
            (None, None) => "1 = 1",
        };
        let children_sql = format!(
            "SELECT h.id, u.name, h.family_code, p.id, p.display_name, c.name, c.id \
             FROM people p JOIN households h ON h.id = p.household_id \
             JOIN org_units u ON u.id = h.unit_id LEFT JOIN classes c ON c.id = p.class_id \
             WHERE p.role = 'student' AND {filter}"
        );
        let parents_sql = format!(
            "SELECT p.household_id, p.id, p.display_name, p.phone, p.created_at \
             FROM people p JOIN households h ON h.id = p.household_id \
             JOIN org_units u ON u.id = h.unit_id \
             WHERE p.role = 'parent' AND {filter} ORDER BY p.created_at, p.id"
        );
        type ChildRow = (
            i64,
            String,
            String,
            i64,
            String,
            Option<String>,
            Option<i64>,
        );
        let mut children = sqlx::query_as::<_, ChildRow>(&children_sql);
        let mut parents = sqlx::query_as::<_, (i64, i64, String, Option<String>, i64)>(&parents_sql);
        if let Some(id) = class_id {
            children = children.bind(id);
            parents = parents.bind(id);
        }
        if let Some((start, end)) = &range {
            children = children.bind(start).bind(end);
            parents = parents.bind(start).bind(end);
        }
        let mut children = children.fetch_all(db).await?;
        let parents = parents.fetch_all(db).await?;
        crate::domain::names::sort_by_name(&mut children, |row| &row.4);
        let mut by_id: std::collections::HashMap<i64, Household> = std::collections::HashMap::new();
        let mut order = Vec::new();
        for (id, unit_name, family_code, child, name, class_name, class) in children {
            let household = by_id.entry(id).or_insert_with(|| {
                order.push(id);
                Household {
                    id,
                    unit_name,
                    family_code,
                    children: Vec::new(),
                    parents: Vec::new(),
                }
            });
            household.children.push((child, name, class_name, class));
        }
        for (household, id, name, phone, at) in parents {
            if let Some(h) = by_id.get_mut(&household) {
                h.parents.push((id, name, phone, at));
            }
        }
        // `order` follows the first child's name; a stable sort by school keeps it within one.
        let mut out: Vec<Household> = order
            .into_iter()
            .filter_map(|id| by_id.remove(&id))
            .collect();
        out.sort_by(|a, b| a.unit_name.cmp(&b.unit_name));
        Ok(out)
    })
}

/// Whether a household belongs to the viewer's units (all for an admin).
pub async fn household_in_scope(
    db: &Db,
    viewer: &Viewer,
    household_id: i64,
) -> Result<bool, StoreError> {
    let range = unit_range(db, viewer).await?;
    on_db!(db => {
        let found: Option<i64> = match range {
            None => {
                sqlx::query_scalar("SELECT id FROM households WHERE id = $1")
                    .bind(household_id)
                    .fetch_optional(db)
                    .await?
            }
            Some((start, end)) => {
                sqlx::query_scalar(
                    "SELECT h.id FROM households h JOIN org_units u ON u.id = h.unit_id \
                     WHERE h.id = $1 AND u.path >= $2 AND u.path < $3",
                )
                .bind(household_id)
                .bind(start)
                .bind(end)
                .fetch_optional(db)
                .await?
            }
        };
        Ok(found.is_some())
    })
}

/// How many parent accounts a household has.
pub async fn parent_count(db: &Db, household_id: i64) -> Result<i64, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_scalar(
            "SELECT count(*) FROM people WHERE household_id = $1 AND role = 'parent'",
        )
        .bind(household_id)
        .fetch_one(db)
        .await?)
    })
}

/// Unlinks a parent from a household (their account stays, without the children). Whether
/// that parent was linked to it.
pub async fn unlink_parent(db: &Db, household_id: i64, parent_id: i64) -> Result<bool, StoreError> {
    on_db!(db => {
        let done = sqlx::query(
            "UPDATE people SET household_id = NULL WHERE id = $1 AND household_id = $2 AND role = 'parent'",
        )
        .bind(parent_id)
        .bind(household_id)
        .execute(db)
        .await?
        .rows_affected();
        Ok(done > 0)
    })
}

/// How linking a parent to a household by its family code ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParentLink {
    /// Linked: the new parent's person id.
    Linked(i64),
    /// The code was used (and so replaced) meanwhile.
    CodeGone,
    /// The household has as many parents as a code may link.
    Full,
    /// The phone number got an account meanwhile.
    PhoneTaken,
}

/// A household's family code as a parent typed it, and what replaces it once used.
pub struct FamilyCodeUse<'a> {
    pub household_id: i64,
    /// The code as stored (normalised).
    pub code: &'a str,
    pub new_code: &'a str,
    /// How many parents a code may link to one household.
    pub max_parents: i64,
}

/// Makes a parent's account and links it to the household by its family code, in one
/// transaction. The code is replaced first: of two sign-ups with the same code, the second
/// waits for the first and then finds it gone, as it would a moment later. The household's
/// parents are counted after that, and the household's coverage is brought up to date with its
/// new parent.
pub async fn link_parent_by_code(
    db: &Db,
    code: &FamilyCodeUse<'_>,
    account: &super::people::NewAccount<'_>,
    rules: &[crate::domain::coverage::TargetRule],
    now: i64,
) -> Result<ParentLink, StoreError> {
    let FamilyCodeUse {
        household_id,
        code,
        new_code,
        max_parents,
    } = *code;
    on_db!(db => {
        let mut tx = db.begin().await?;
        super::coverage::hold_off_rebuild(&mut tx).await?;
        let claimed = sqlx::query(
            "UPDATE households SET family_code = $1, replaced_code = family_code \
             WHERE id = $2 AND family_code = $3",
        )
        .bind(new_code)
        .bind(household_id)
        .bind(code)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed == 0 {
            return Ok(ParentLink::CodeGone);
        }
        let parents: i64 = sqlx::query_scalar(
            "SELECT count(*) FROM people WHERE household_id = $1 AND role = 'parent'",
        )
        .bind(household_id)
        .fetch_one(&mut *tx)
        .await?;
        if parents >= max_parents {
            return Ok(ParentLink::Full);
        }
        let person_id = match super::people::insert_account(&mut tx, account, now).await {
            Ok(id) => id,
            Err(StoreError::Query(sqlx::Error::Database(e))) if e.is_unique_violation() => {
                return Ok(ParentLink::PhoneTaken)
            }
            Err(e) => return Err(e),
        };
        super::coverage::refresh_household(&mut tx, rules, household_id).await?;
        tx.commit().await?;
        Ok(ParentLink::Linked(person_id))
    })
}

/// Replaces a household's family code with `code` (the old one stops working).
pub async fn set_family_code(db: &Db, household_id: i64, code: &str) -> Result<(), StoreError> {
    on_db!(db => {
        sqlx::query(
            "UPDATE households SET family_code = $1, replaced_code = family_code WHERE id = $2",
        )
            .bind(code)
            .bind(household_id)
            .execute(db)
            .await?;
        Ok(())
    })
}

/// Whether a family code is taken.
pub async fn family_code_taken(db: &Db, code: &str) -> Result<bool, StoreError> {
    on_db!(db => {
        Ok(
            sqlx::query_scalar::<_, i64>("SELECT count(*) FROM households WHERE family_code = $1")
                .bind(code)
                .fetch_one(db)
                .await?
                > 0,
        )
    })
}
