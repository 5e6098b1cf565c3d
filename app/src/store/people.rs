//! People, classes and households in the database.

use super::{Conn, Db, StoreError};
use crate::domain::access::{scope, Scope};
use crate::domain::org::subtree_end;
use crate::domain::person::{Phone, Role, Username, Viewer};

/// What signing in needs to know about an account.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Account {
    pub id: i64,
    pub role: String,
    pub display_name: String,
    pub password_hash: Option<String>,
    pub secret: Option<String>,
    pub class_id: Option<i64>,
    pub must_change_password: bool,
}

impl Account {
    pub fn role(&self) -> Option<Role> {
        Role::from_code(&self.role)
    }
}

const ACCOUNT: &str =
    "SELECT id, role, display_name, password_hash, secret, class_id, must_change_password FROM people";

/// An active account by username (a deactivated one signs in no more).
pub async fn by_username(db: &Db, username: &Username) -> Result<Option<Account>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(&format!("{ACCOUNT} WHERE username = $1 AND deactivated_at IS NULL"))
            .bind(username.as_str())
            .fetch_optional(db)
            .await?)
    })
}

pub async fn by_phone(db: &Db, phone: &Phone) -> Result<Option<Account>, StoreError> {
    on_db!(db => {
        Ok(
            sqlx::query_as(&format!(
                "{ACCOUNT} WHERE phone = $1 AND role = 'parent' AND deactivated_at IS NULL"
            ))
                .bind(phone.as_str())
                .fetch_optional(db)
                .await?,
        )
    })
}

pub async fn by_id(db: &Db, id: i64) -> Result<Option<Account>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(&format!("{ACCOUNT} WHERE id = $1"))
            .bind(id)
            .fetch_optional(db)
            .await?)
    })
}

/// A student of the class with this code (the name they picked must be in that class).
pub async fn student_in_class(
    db: &Db,
    class_code: &str,
    student_id: i64,
) -> Result<Option<Account>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT p.id, p.role, p.display_name, p.password_hash, p.secret, p.class_id, \
                    p.must_change_password FROM people p \
             JOIN classes c ON c.id = p.class_id \
             WHERE c.code = $1 AND p.id = $2 AND p.role = 'student'",
        )
        .bind(class_code)
        .bind(student_id)
        .fetch_optional(db)
        .await?)
    })
}

#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Class {
    pub id: i64,
    pub school_id: i64,
    pub school_name: String,
    pub school_year: String,
    pub name: String,
    pub code: String,
}

const CLASS: &str =
    "SELECT c.id, c.school_id, u.name AS school_name, c.school_year, c.name, c.code \
                     FROM classes c JOIN org_units u ON u.id = c.school_id";

pub async fn class_by_code(db: &Db, code: &str) -> Result<Option<Class>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(&format!("{CLASS} WHERE c.code = $1"))
            .bind(code)
            .fetch_optional(db)
            .await?)
    })
}

/// A student as their class list shows them.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct ClassMember {
    pub id: i64,
    pub display_name: String,
    pub birth_year: Option<i64>,
    pub secret: Option<String>,
}

/// A class's students in the order of a Vietnamese class list (by given name).
pub async fn class_members(
    conn: impl Into<Conn<'_>>,
    class_id: i64,
) -> Result<Vec<ClassMember>, StoreError> {
    Ok(class_roll(conn, class_id).await?.0)
}

/// A class's failed sign-ins, per student.
pub type ClassFailures =
    std::collections::HashMap<i64, Vec<crate::domain::throttle::StudentFailure>>;

/// A class's students, in the order of a Vietnamese class list (by given name), and each
/// one's failed sign-ins, in one query: what the class's roster shows.
pub async fn class_roll(
    conn: impl Into<Conn<'_>>,
    class_id: i64,
) -> Result<(Vec<ClassMember>, ClassFailures), StoreError> {
    type Row = (
        i64,
        String,
        Option<i64>,
        Option<String>,
        Option<i64>,
        Option<String>,
        Option<String>,
    );
    let conn = conn.into();
    let rows: Vec<Row> = on_conn!(conn => {
        sqlx::query_as(
            "SELECT p.id, p.display_name, p.birth_year, p.secret, f.at, f.client, f.browser \
             FROM people p LEFT JOIN sign_in_failures f ON f.person_id = p.id \
             AND (NOT f.pending OR f.at < $2) \
             WHERE p.class_id = $1 AND p.role = 'student' ORDER BY p.id",
        )
        .bind(class_id)
        .bind(crate::store::sessions::given_up_before())
        .fetch_all(&mut *conn)
        .await?
    });
    let mut members: Vec<ClassMember> = Vec::new();
    let mut failures = ClassFailures::new();
    for (id, display_name, birth_year, secret, at, address, browser) in rows {
        if members.last().is_none_or(|m| m.id != id) {
            members.push(ClassMember {
                id,
                display_name,
                birth_year,
                secret,
            });
        }
        if let (Some(at), Some(address)) = (at, address) {
            failures
                .entry(id)
                .or_default()
                .push(crate::domain::throttle::StudentFailure {
                    at,
                    address,
                    browser,
                    pending: false,
                });
        }
    }
    crate::domain::names::sort_by_name(&mut members, |m| &m.display_name);
    Ok((members, failures))
}

/// The classes this person may look after: a teacher's own, every class under a manager's
/// unit, all for an admin, none for anyone else.
pub async fn classes_for(
    conn: impl Into<Conn<'_>>,
    viewer: &Viewer,
) -> Result<Vec<Class>, StoreError> {
    in_scope(conn.into(), viewer, None).await
}

/// One class, if this person may look after it (one indexed lookup, scope included).
pub async fn class_for(
    db: &Db,
    viewer: &Viewer,
    class_id: i64,
) -> Result<Option<Class>, StoreError> {
    Ok(
        in_scope((&mut db.lease().await?).into(), viewer, Some(class_id))
            .await?
            .pop(),
    )
}

/// The classes in the viewer's scope, or only `only` if it is in it.
async fn in_scope(
    mut conn: Conn<'_>,
    viewer: &Viewer,
    only: Option<i64>,
) -> Result<Vec<Class>, StoreError> {
    let scope = scope(viewer.role);
    let home = match scope {
        Scope::Subtree => Some(home_path(&mut conn, viewer.person_id).await?),
        _ => None,
    };
    on_conn!(conn => {
        let order = "ORDER BY c.school_year DESC, u.name, c.name";
        // The class id is always the last parameter, when there is one.
        let one = |n: usize| match only {
            Some(_) => format!("AND c.id = ${n}"),
            None => String::new(),
        };
        let sql = match scope {
            Scope::MyClasses => format!(
                "{CLASS} JOIN class_teachers t ON t.class_id = c.id WHERE t.person_id = $1 {} {order}",
                one(2)
            ),
            Scope::Subtree => format!(
                "{CLASS} WHERE u.path >= $1 AND u.path < $2 {} {order}",
                one(3)
            ),
            Scope::Everything => format!("{CLASS} WHERE 1 = 1 {} {order}", one(1)),
            Scope::Myself | Scope::Household => return Ok(Vec::new()),
        };
        let mut query = sqlx::query_as(&sql);
        match scope {
            Scope::MyClasses => query = query.bind(viewer.person_id),
            Scope::Subtree => {
                let path = home.unwrap_or_default();
                let end = subtree_end(&path);
                query = query.bind(path).bind(end);
            }
            _ => {}
        }
        if let Some(id) = only {
            query = query.bind(id);
        }
        Ok(query.fetch_all(&mut *conn).await?)
    })
}

/// What a class is made of, after a roster import: its teachers' names and how many
/// students it has.
pub async fn class_makeup(db: &Db, class_id: i64) -> Result<(Vec<String>, i64), StoreError> {
    on_db!(db => {
        let mut teachers: Vec<String> = sqlx::query_scalar(
            "SELECT p.display_name FROM class_teachers t JOIN people p ON p.id = t.person_id \
             WHERE t.class_id = $1",
        )
        .bind(class_id)
        .fetch_all(db)
        .await?;
        crate::domain::names::sort_by_name(&mut teachers, |name| name);
        let students: i64 =
            sqlx::query_scalar("SELECT count(*) FROM people WHERE class_id = $1 AND role = 'student'")
                .bind(class_id)
                .fetch_one(db)
                .await?;
        Ok((teachers, students))
    })
}

/// The birth years known of a class's students.
pub async fn class_birth_years(db: &Db, class_id: i64) -> Result<Vec<i64>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_scalar(
            "SELECT birth_year FROM people WHERE class_id = $1 AND role = 'student' \
             AND birth_year IS NOT NULL",
        )
        .bind(class_id)
        .fetch_all(db)
        .await?)
    })
}

/// The materialized path of a person's home unit.
async fn home_path(conn: impl Into<Conn<'_>>, person_id: i64) -> Result<String, StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        Ok(sqlx::query_scalar(
            "SELECT u.path FROM people p JOIN org_units u ON u.id = p.unit_id WHERE p.id = $1",
        )
        .bind(person_id)
        .fetch_one(&mut *conn)
        .await?)
    })
}

/// The codes of a person's home unit and every unit under it.
pub async fn home_subtree_codes(db: &Db, person_id: i64) -> Result<Vec<String>, StoreError> {
    let path = home_path(&mut db.lease().await?, person_id).await?;
    on_db!(db => {
        Ok(
            sqlx::query_scalar("SELECT code FROM org_units WHERE path >= $1 AND path < $2")
                .bind(&path)
                .bind(subtree_end(&path))
                .fetch_all(db)
                .await?,
        )
    })
}

/// The account page: who this is and where they belong.
#[derive(Clone, Debug, PartialEq, Eq, sqlx::FromRow)]
pub struct Profile {
    pub display_name: String,
    pub role: String,
    pub unit_name: String,
    pub username: Option<String>,
    pub phone: Option<String>,
    pub class_name: Option<String>,
    pub birth_year: Option<i64>,
    pub household_id: Option<i64>,
}

pub async fn profile(db: &Db, person_id: i64) -> Result<Option<Profile>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT p.display_name, p.role, u.name AS unit_name, p.username, p.phone, \
                    c.name AS class_name, p.birth_year, p.household_id \
             FROM people p JOIN org_units u ON u.id = p.unit_id LEFT JOIN classes c ON c.id = p.class_id \
             WHERE p.id = $1",
        )
        .bind(person_id)
        .fetch_optional(db)
        .await?)
    })
}

/// The children in a household (for a parent's account page).
pub async fn household_children(
    db: &Db,
    household_id: i64,
) -> Result<Vec<(String, Option<String>)>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT p.display_name, c.name FROM people p LEFT JOIN classes c ON c.id = p.class_id \
             WHERE p.household_id = $1 AND p.role = 'student' ORDER BY p.display_name",
        )
        .bind(household_id)
        .fetch_all(db)
        .await?)
    })
}

/// The children in a household, with their ids (for their progress).
pub async fn household_child_ids(
    db: &Db,
    household_id: i64,
) -> Result<Vec<(i64, String)>, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_as(
            "SELECT id, display_name FROM people WHERE household_id = $1 AND role = 'student' ORDER BY display_name",
        )
        .bind(household_id)
        .fetch_all(db)
        .await?)
    })
}

/// A household by its family code: its id and unit.
pub async fn household_by_code(db: &Db, code: &str) -> Result<Option<(i64, i64)>, StoreError> {
    on_db!(db => {
        Ok(
            sqlx::query_as("SELECT id, unit_id FROM households WHERE family_code = $1")
                .bind(code)
                .fetch_optional(db)
                .await?,
        )
    })
}

/// Whether `code` was a household's family code until it was used or replaced.
pub async fn family_code_replaced(db: &Db, code: &str) -> Result<bool, StoreError> {
    on_db!(db => {
        Ok(
            sqlx::query_scalar("SELECT count(*) > 0 FROM households WHERE replaced_code = $1")
                .bind(code)
                .fetch_one(db)
                .await?,
        )
    })
}

pub async fn phone_taken(db: &Db, phone: &Phone) -> Result<bool, StoreError> {
    on_db!(db => {
        Ok(
            sqlx::query_scalar::<_, i64>("SELECT count(*) FROM people WHERE phone = $1")
                .bind(phone.as_str())
                .fetch_one(db)
                .await?
                > 0,
        )
    })
}

pub async fn username_taken(db: &Db, username: &Username) -> Result<bool, StoreError> {
    on_db!(db => {
        Ok(
            sqlx::query_scalar::<_, i64>("SELECT count(*) FROM people WHERE username = $1")
                .bind(username.as_str())
                .fetch_one(db)
                .await?
                > 0,
        )
    })
}

/// A new account that signs in with a password (staff with a username, parents with a phone).
pub struct NewAccount<'a> {
    pub role: Role,
    pub unit_id: i64,
    pub display_name: &'a str,
    pub username: Option<&'a Username>,
    pub phone: Option<&'a Phone>,
    pub password_hash: &'a str,
    pub household_id: Option<i64>,
    /// The privacy notice version a parent consented to (then, with the time of creation).
    pub consent_version: Option<&'a str>,
}

pub async fn create_account(
    db: &Db,
    account: &NewAccount<'_>,
    now: i64,
) -> Result<i64, StoreError> {
    let mut lease = db.lease().await?;
    insert_account(&mut lease, account, now).await
}

/// [`create_account`] on a connection (in the caller's transaction).
pub async fn insert_account(
    conn: impl Into<Conn<'_>>,
    account: &NewAccount<'_>,
    now: i64,
) -> Result<i64, StoreError> {
    let conn = conn.into();
    on_conn!(conn => {
        Ok(sqlx::query_scalar(
            "INSERT INTO people (role, unit_id, display_name, username, phone, password_hash, household_id, created_at, \
                                 consent_version, consent_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $9 IS NULL THEN NULL ELSE $8 END) RETURNING id",
        )
        .bind(account.role.code())
        .bind(account.unit_id)
        .bind(account.display_name.trim())
        .bind(account.username.map(Username::as_str))
        .bind(account.phone.map(Phone::as_str))
        .bind(account.password_hash)
        .bind(account.household_id)
        .bind(now)
        .bind(account.consent_version)
        .fetch_one(&mut *conn)
        .await?)
    })
}

/// Sets the person's own password (the first password or reset code no longer has to be
/// replaced); any reset code still pending for them is cancelled with it (they know their
/// password again), in one transaction.
pub async fn set_password_hash(db: &Db, person_id: i64, hash: &str) -> Result<(), StoreError> {
    on_db!(db => {
        let mut tx = db.begin().await?;
        sqlx::query(
            "UPDATE people SET password_hash = $1, must_change_password = FALSE \
             WHERE id = $2 AND password_hash IS NOT NULL",
        )
        .bind(hash)
        .bind(person_id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM password_resets WHERE person_id = $1")
            .bind(person_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    })
}

/// Username or phone: what the password must not be built from.
pub async fn identifiers(
    db: &Db,
    person_id: i64,
) -> Result<(String, Option<String>, Option<String>), StoreError> {
    on_db!(db => {
        Ok(
            sqlx::query_as("SELECT display_name, username, phone FROM people WHERE id = $1")
                .bind(person_id)
                .fetch_one(db)
                .await?,
        )
    })
}

pub async fn set_secret(db: &Db, person_id: i64, secret: &str) -> Result<(), StoreError> {
    on_db!(db => {
        sqlx::query("UPDATE people SET secret = $1 WHERE id = $2 AND role = 'student'")
            .bind(secret)
            .bind(person_id)
            .execute(db)
            .await?;
        Ok(())
    })
}

/// The first unit with no parent (where `create-admin` puts the first admin).
pub async fn root_unit(db: &Db) -> Result<Option<i64>, StoreError> {
    on_db!(db => {
        Ok(
            sqlx::query_scalar("SELECT id FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1")
                .fetch_optional(db)
                .await?,
        )
    })
}

pub async fn count(db: &Db) -> Result<i64, StoreError> {
    on_db!(db => {
        Ok(sqlx::query_scalar("SELECT count(*) FROM people")
            .fetch_one(db)
            .await?)
    })
}
