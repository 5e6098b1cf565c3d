//! Signing in, out and up: passwords (argon2id), session tokens, throttling and the audit
//! log. HTTP handlers call these and turn the errors into pages.

use crate::domain::password::{self, PasswordProblem};
use crate::domain::person::{
    parse_code, Phone, Role, Username, Viewer, CLASS_CODE_LEN, FAMILY_CODE_LEN,
};
use crate::domain::secret::StudentSecret;
use crate::domain::session::{self, SessionState, TOUCH_EVERY};
use crate::domain::throttle::{self, Decision, Verdict, CLIENT_LIMITS};
use crate::store::people::{self, Account, NewAccount};
use crate::store::sessions::{self, Event};
use crate::store::{Db, StoreError};
use argon2::password_hash::rand_core::{OsRng, RngCore};
use argon2::password_hash::{PasswordHash, PasswordHasher, SaltString};
use argon2::Argon2;
use sha2::{Digest, Sha256};

/// The session cookie. `__Host-` (Secure, Path=/, no Domain) when served over HTTPS.
pub const SESSION_COOKIE: &str = "ss_session";
pub const SECURE_SESSION_COOKIE: &str = "__Host-ss_session";
/// The anonymous CSRF token (before signing in), double-submitted with forms.
pub const CSRF_COOKIE: &str = "ss_csrf";
pub const SECURE_CSRF_COOKIE: &str = "__Host-ss_csrf";
/// The form field (and `x-csrf-token` header) that carries the token.
pub const CSRF_FIELD: &str = "csrf";
/// Holds the token of quiz answers kept across a sign-in (see `learning::keep_answers`).
pub const KEPT_COOKIE: &str = "ss_kept";
pub const SECURE_KEPT_COOKIE: &str = "__Host-ss_kept";

/// This request's CSRF token (the session's, or the anonymous cookie's), put into the request
/// by the server's middleware for forms to carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsrfToken(pub String);

/// The token of quiz answers this browser keeps (cookie `ss_kept`), put into the request by
/// the server's middleware for the quiz page to find them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptToken(pub String);

#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn passwords_are_hashed_with_argon2id_and_a_salt_each() {
        let a = super::hash_password("mây trắng bay qua núi cao")
            .await
            .unwrap();
        let b = super::hash_password("mây trắng bay qua núi cao")
            .await
            .unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b, "a fresh salt for every hash");
        assert!(super::verify_password("mây trắng bay qua núi cao", Some(&a)).await);
        assert!(!super::verify_password("mây trắng bay qua núi thấp", Some(&a)).await);
        assert!(
            !super::verify_password("anything", None).await,
            "no account: false, after the same work"
        );
        assert!(!super::verify_password("x", Some("not a hash")).await);
    }

    /// The check with reused memory agrees with the argon2 crate's own verifier, for other
    /// parameters and variants too (hashes made elsewhere or before a change of policy).
    #[test]
    fn the_reused_memory_check_agrees_with_the_argon2_crate() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier, SaltString};
        use argon2::{Algorithm, Argon2, Params, Version};
        let salt = SaltString::encode_b64(b"sixteen byte slt").unwrap();
        for (algorithm, m, t, p, len) in [
            (Algorithm::Argon2id, 19_456, 2, 1, 32),
            (Algorithm::Argon2id, 64, 1, 1, 16),
            (Algorithm::Argon2i, 256, 3, 2, 24),
            (Algorithm::Argon2d, 128, 1, 4, 32),
        ] {
            let argon = Argon2::new(
                algorithm,
                Version::V0x13,
                Params::new(m, t, p, Some(len)).unwrap(),
            );
            let hash = argon
                .hash_password(b"ban tay sach se", &salt)
                .unwrap()
                .to_string();
            let parsed = argon2::PasswordHash::new(&hash).unwrap();
            assert!(Argon2::default()
                .verify_password(b"ban tay sach se", &parsed)
                .is_ok());
            assert!(super::matches(b"ban tay sach se", &hash), "{hash}");
            assert!(!super::matches(b"ban tay sach so", &hash), "{hash}");
            // The same memory, handed on while someone waits, gives the same answer.
            super::WAITING.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            assert!(
                super::matches(b"ban tay sach se", &hash),
                "{hash}, reused memory"
            );
            super::WAITING.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        }
        let good = Argon2::default()
            .hash_password(b"x", &salt)
            .unwrap()
            .to_string();
        for broken in [
            good.replace("$argon2id$", "$scrypt$"),
            good.replace("m=19456", "m=1"),
            good.rsplit_once('$').unwrap().0.to_owned(),
            String::new(),
        ] {
            assert!(!super::matches(b"x", &broken), "{broken}");
        }
    }

    #[test]
    fn session_tokens_are_random_and_only_their_hash_is_kept() {
        let token = super::random_token();
        assert_eq!(token.len(), 64);
        assert_ne!(token, super::random_token());
        let hash = super::token_hash(&token);
        assert_eq!(hash.len(), 64);
        assert_ne!(hash, token);
        assert_eq!(hash, super::token_hash(&token));
    }

    #[test]
    fn temporary_passwords_pass_the_policy_and_differ() {
        let a = super::temporary_password();
        let b = super::temporary_password();
        assert_ne!(a, b);
        assert!(crate::domain::password::check(&a, &[]).is_ok(), "{a}");
        assert_eq!(a.split('-').count(), 7, "{a}");
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("wrong sign-in details")]
    Wrong,
    #[error("too many failed tries; wait {minutes} minutes")]
    Wait { minutes: i64 },
    #[error("too many failed tries; the teacher must unlock this account")]
    AskTeacher,
    #[error("that is not a valid {0}")]
    BadInput(&'static str),
    #[error("no household has this family code")]
    UnknownFamily,
    #[error("this family code was used already; ask the school for a new letter")]
    UsedFamily,
    #[error("this phone number already has an account; sign in instead")]
    PhoneTaken,
    #[error("this family already has two parent accounts; ask the school")]
    FamilyFull,
    #[error("consent to the privacy notice is needed to make an account")]
    NoConsent,
    #[error("{0}")]
    Password(PasswordProblem),
    #[error("cannot hash the password: {0}")]
    Hash(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl AuthError {
    /// The Fluent key for the message on the sign-in pages.
    pub fn message_key(&self) -> &'static str {
        match self {
            AuthError::Wrong => "sign-in-wrong",
            AuthError::Wait { .. } => "sign-in-wait",
            AuthError::AskTeacher => "sign-in-ask-teacher",
            AuthError::BadInput(_) => "sign-in-bad-input",
            AuthError::UnknownFamily => "sign-up-unknown-family",
            AuthError::UsedFamily => "sign-up-used-family",
            AuthError::PhoneTaken => "sign-up-phone-taken",
            AuthError::FamilyFull => "sign-up-family-full",
            AuthError::NoConsent => "sign-up-consent-needed",
            AuthError::Password(problem) => problem.message_key(),
            AuthError::Hash(_) | AuthError::Store(_) => "error-server",
        }
    }
}

/// A session just created: the token goes into the cookie, never into the database.
#[derive(Debug)]
pub struct NewSession {
    pub token: String,
    pub role: Role,
    pub person_id: i64,
    /// Signed in with a first password or a reset code: choose their own first.
    pub must_change_password: bool,
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// 32 random bytes, hex: for session tokens and CSRF tokens.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn random_u32() -> u32 {
    OsRng.next_u32()
}

pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    OsRng.fill_bytes(&mut bytes);
    bytes
}

/// Syllables for temporary passwords: easy to read out and type on any keyboard.
const SYLLABLES: [&str; 32] = [
    "may", "nui", "song", "hoa", "ban", "suoi", "lua", "ngo", "trau", "chim", "cay", "nang", "mua",
    "gio", "trang", "sao", "rung", "doi", "bien", "thuyen", "den", "tre", "que", "ruong", "bap",
    "dao", "mai", "lan", "cuc", "sen", "tuyet", "suong",
];

/// A first password for an account someone else created (six random syllables and three
/// digits, about 40 bits): shown once, to be handed over; it passes the policy.
pub fn temporary_password() -> String {
    loop {
        let bytes = random_bytes::<8>();
        let words: Vec<&str> = bytes[..6]
            .iter()
            .map(|b| SYLLABLES[usize::from(*b) % SYLLABLES.len()])
            .collect();
        let number = u16::from_le_bytes([bytes[6], bytes[7]]) % 1000;
        let password = format!("{}-{number:03}", words.join("-"));
        if password::check(&password, &[]).is_ok() {
            return password;
        }
    }
}

/// What the database keeps of a session token.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Runs one argon2id computation on the blocking pool, at most one per core at a time. Each
/// takes 19 MiB: unbounded, a burst of sign-ins took as many blocks as requests in flight
/// (1.8 GB at 16 concurrent sign-ins). The rest wait their turn and are still answered.
async fn hashing<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AuthError> {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    let permits = PERMITS.get_or_init(|| {
        tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get()))
    });
    let permit = {
        // Counted as waiting until a permit comes, or until the request is dropped (the
        // browser went away).
        let _waiting = Waiting::start();
        permits.acquire().await
    };
    let _permit = permit.map_err(|e| AuthError::Hash(e.to_string()))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| AuthError::Hash(e.to_string()))
}

/// How many hashes wait for a permit.
static WAITING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// One hash waiting for a permit, counted in `WAITING` while it lives.
struct Waiting;

impl Waiting {
    fn start() -> Waiting {
        WAITING.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Waiting
    }
}

impl Drop for Waiting {
    fn drop(&mut self) {
        WAITING.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
    }
}

/// Argon2 memory (19 MiB each) handed from one check to the next while others wait, so a burst
/// of sign-ins does not map and fault in fresh memory for every check; when nobody waits the
/// memory is freed (and, being large, goes back to the system).
static SPARE_BLOCKS: std::sync::Mutex<Vec<Vec<argon2::Block>>> = std::sync::Mutex::new(Vec::new());

fn take_blocks(count: usize) -> Vec<argon2::Block> {
    let spare = SPARE_BLOCKS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .pop();
    match spare {
        Some(blocks) if blocks.len() == count => blocks,
        _ => vec![argon2::Block::default(); count],
    }
}

/// Keeps `blocks` for a hash that waits for a permit (one each at most); when nobody waits,
/// frees them and any left over.
fn give_back(blocks: Vec<argon2::Block>) {
    let waiting = WAITING.load(std::sync::atomic::Ordering::SeqCst);
    let freed = {
        let mut spare = SPARE_BLOCKS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if spare.len() < waiting {
            spare.push(blocks);
            Vec::new()
        } else if waiting == 0 {
            let mut freed = std::mem::take(&mut *spare);
            freed.push(blocks);
            freed
        } else {
            vec![blocks]
        }
    };
    drop(freed);
}

/// Whether `password` matches a PHC-format argon2 hash, computed in memory reused between
/// checks; the comparison is constant-time. A hash that does not parse never matches.
fn matches(password: &[u8], hash: &str) -> bool {
    use argon2::{Algorithm, Params, Version};
    let check = || -> Result<bool, argon2::password_hash::Error> {
        let parsed = PasswordHash::new(hash)?;
        let algorithm = Algorithm::try_from(parsed.algorithm)?;
        let version = parsed
            .version
            .map(Version::try_from)
            .transpose()?
            .unwrap_or_default();
        let params = Params::try_from(&parsed)?;
        let expected = parsed.hash.ok_or(argon2::password_hash::Error::Password)?;
        let mut salt = [0u8; 64];
        let salt = parsed
            .salt
            .ok_or(argon2::password_hash::Error::Password)?
            .decode_b64(&mut salt)?;
        let mut out = vec![0u8; expected.len()];
        let mut blocks = take_blocks(params.block_count());
        let computed = Argon2::new(algorithm, version, params).hash_password_into_with_memory(
            password,
            salt,
            &mut out,
            &mut blocks,
        );
        give_back(blocks);
        computed?;
        Ok(argon2::password_hash::Output::new(&out)? == expected)
    };
    check().unwrap_or(false)
}

/// Argon2id with the crate's defaults (19 MiB, 2 passes, 1 lane: OWASP's recommendation).
pub async fn hash_password(password: &str) -> Result<String, AuthError> {
    let password = password.to_owned();
    hashing(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| AuthError::Hash(e.to_string()))
    })
    .await?
}

/// Checks a password against a stored hash; with no hash (unknown account) it still does the
/// work, so a response's timing does not tell which usernames exist.
async fn verify_password(password: &str, hash: Option<&str>) -> bool {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let hash = match hash {
        Some(hash) => hash.to_owned(),
        None => DUMMY
            .get_or_init(|| {
                let salt = SaltString::generate(&mut OsRng);
                Argon2::default()
                    .hash_password(b"no such account", &salt)
                    .map(|h| h.to_string())
                    .unwrap_or_default()
            })
            .clone(),
    };
    let password = password.to_owned();
    hashing(move || matches(password.as_bytes(), &hash))
        .await
        .unwrap_or(false)
}

fn wait_or_ask(verdict: Verdict, now: i64) -> Result<(), AuthError> {
    match verdict {
        Verdict::Allowed => Ok(()),
        Verdict::WaitUntil(until) => Err(AuthError::Wait {
            minutes: throttle::minutes_until(until, now),
        }),
        Verdict::AskTeacher => Err(AuthError::AskTeacher),
    }
}

/// The common path of staff and parent sign-ins: throttle, check, record, open a session.
async fn attempt(
    db: &Db,
    account: Option<Account>,
    client: &str,
    now: i64,
    check: impl std::future::Future<Output = bool>,
) -> Result<NewSession, AuthError> {
    let (person_id, role) =
        checked(db, account, client, now, Limits::AccountAndClient, check).await?;
    open_session(db, person_id, role, client, now).await
}

/// A new session after a successful sign-in (audited).
async fn open_session(
    db: &Db,
    person_id: i64,
    role: Role,
    client: &str,
    now: i64,
) -> Result<NewSession, AuthError> {
    let token = random_token();
    let event = Event {
        action: "sign-in",
        actor: Some(person_id),
        subject: Some(person_id),
        client: Some(client),
        detail: role.code(),
    };
    let csrf = random_token();
    sessions::create(db, &token_hash(&token), person_id, &csrf, now, Some(&event)).await?;
    let must_change_password = people::by_id(db, person_id)
        .await?
        .is_some_and(|a| a.must_change_password);
    Ok(NewSession {
        token,
        role,
        person_id,
        must_change_password,
    })
}

async fn audit_throttled(
    db: &Db,
    subject: Option<i64>,
    client: &str,
    detail: &str,
    now: i64,
) -> Result<(), AuthError> {
    let event = Event {
        action: "sign-in-throttled",
        actor: None,
        subject,
        client: Some(client),
        detail,
    };
    sessions::audit(db, &event, now).await?;
    Ok(())
}

/// A wrong try stays counted ([`sessions::count_try`]), known to be wrong, and is audited.
async fn wrong_try(
    db: &Db,
    this_try: i64,
    subject: Option<i64>,
    client: &str,
    now: i64,
) -> Result<(), AuthError> {
    let event = Event {
        action: "sign-in-failed",
        actor: None,
        subject,
        client: Some(client),
        detail: "",
    };
    sessions::wrong_try(db, this_try, &event, now).await?;
    Ok(())
}

/// Whose tries a counted try is throttled by.
enum Tries<'a> {
    /// Staff, parents and codes: the client address and, when one was named, the account.
    Account {
        client: &'a str,
        account: Option<(i64, Role)>,
    },
    /// A student: the client (address and browser), and the child and their class.
    Student {
        client: &'a str,
        browser: Option<&'a str>,
        child: Option<(i64, Option<i64>)>,
    },
}

/// How long a try waits, at most, for the tries counted ahead of it that are still being
/// looked at (a staff password's hashing waits its turn behind the others').
const WAIT_FOR_PENDING: std::time::Duration = std::time::Duration::from_secs(5);

/// Decides whether a counted try (`this_try`) is looked at: from the tries known to be wrong
/// and, while the answer depends on them, after the tries ahead of it still in flight are
/// known (`throttle::decide`). A refused try is forgotten and audited.
async fn admit(db: &Db, this_try: i64, now: i64, tries: &Tries<'_>) -> Result<(), AuthError> {
    let started = std::time::Instant::now();
    let mut pause = std::time::Duration::from_millis(5);
    let refused = loop {
        let decision = decision(db, this_try, now, tries).await?;
        match decision {
            Decision::LookAt => return Ok(()),
            Decision::Refuse(verdict) => break verdict,
            Decision::WaitForPending(verdict) => {
                if started.elapsed() >= WAIT_FOR_PENDING {
                    break verdict;
                }
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(std::time::Duration::from_millis(100));
            }
        }
    };
    sessions::forget_try(db, this_try).await?;
    let (subject, client, detail) = match tries {
        Tries::Account { client, account } => (account.map(|(id, _)| id), *client, ""),
        Tries::Student { client, child, .. } => (child.map(|(id, _)| id), *client, "student"),
    };
    audit_throttled(db, subject, client, detail, now).await?;
    wait_or_ask(refused, now)
}

async fn decision(
    db: &Db,
    this_try: i64,
    now: i64,
    tries: &Tries<'_>,
) -> Result<Decision, StoreError> {
    Ok(match tries {
        Tries::Account { client, account } => {
            let by_client =
                sessions::client_failures(db, client, now - CLIENT_LIMITS.short_window, this_try)
                    .await?;
            let by_account = match account {
                Some((id, role)) => {
                    Some((*role, sessions::person_failures(db, *id, this_try).await?))
                }
                None => None,
            };
            throttle::account_decision(
                &by_client,
                by_account
                    .as_ref()
                    .map(|(role, tries)| (*role, tries.as_slice())),
                now,
            )
        }
        Tries::Student {
            client,
            browser,
            child,
        } => {
            let by_client =
                sessions::client_failures(db, client, now - CLIENT_LIMITS.short_window, this_try)
                    .await?;
            let by_child = match child {
                Some((id, class_id)) => {
                    let child = sessions::student_failures(db, *id, this_try).await?;
                    let class = match class_id {
                        Some(class_id) => {
                            let since = now - throttle::CLASS_LIMITS.short_window;
                            sessions::class_failures(db, *class_id, since, this_try).await?
                        }
                        None => Vec::new(),
                    };
                    Some((child, class))
                }
                None => None,
            };
            throttle::student_decision(
                &by_client,
                by_child
                    .as_ref()
                    .map(|(child, class)| (child.as_slice(), class.as_slice())),
                client,
                *browser,
                now,
            )
        }
    })
}

/// Which limits a staff or parent try is held to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Limits {
    /// A password: the account's and the client's.
    AccountAndClient,
    /// A reset code: the client's only. A code the person's manager gave them works however
    /// many wrong passwords others tried on their account (and then clears those failures);
    /// guessing a 12-character code is out of reach at the client's rate. A wrong code still
    /// counts against the account's password tries.
    ClientOnly,
}

/// Count the try, throttle, then check the secret; a failure stays counted (and is audited)
/// against the account and the client, a success clears the account's failures. Counting
/// first makes tries sent at once see each other (see [`sessions::count_try`]).
async fn checked(
    db: &Db,
    account: Option<Account>,
    client: &str,
    now: i64,
    limits: Limits,
    check: impl std::future::Future<Output = bool>,
) -> Result<(i64, Role), AuthError> {
    let subject = account.as_ref().map(|a| a.id);
    let role = account.as_ref().and_then(Account::role);
    let this_try = sessions::count_try(db, subject, client, None, now).await?;
    let tries = Tries::Account {
        client,
        account: match limits {
            Limits::AccountAndClient => account.as_ref().zip(role).map(|(a, role)| (a.id, role)),
            Limits::ClientOnly => None,
        },
    };
    admit(db, this_try, now, &tries).await?;
    let ok = check.await;
    match (account, role) {
        (Some(account), Some(role)) if ok => {
            sessions::right_try(db, this_try, account.id, None).await?;
            Ok((account.id, role))
        }
        _ => {
            wrong_try(db, this_try, subject, client, now).await?;
            Err(AuthError::Wrong)
        }
    }
}

pub async fn sign_in_staff(
    db: &Db,
    username: &str,
    password: &str,
    client: &str,
) -> Result<NewSession, AuthError> {
    let account = match Username::parse(username) {
        Ok(username) => people::by_username(db, &username).await?,
        Err(_) => None,
    };
    let account = account.filter(|a| a.role().is_some_and(Role::is_staff));
    password_attempt(db, account, password, client).await
}

pub async fn sign_in_parent(
    db: &Db,
    phone: &str,
    password: &str,
    client: &str,
) -> Result<NewSession, AuthError> {
    let account = match Phone::parse(phone) {
        Ok(phone) => people::by_phone(db, &phone).await?,
        Err(_) => None,
    };
    password_attempt(db, account, password, client).await
}

/// Staff and parents: the account (if the identifier named one) and its password.
async fn password_attempt(
    db: &Db,
    account: Option<Account>,
    password: &str,
    client: &str,
) -> Result<NewSession, AuthError> {
    let hash = account.as_ref().and_then(|a| a.password_hash.clone());
    let check = verify_password(password, hash.as_deref());
    attempt(db, account, client, now(), check).await
}

/// A student: the class code, the name they picked, and their PIN or two pictures, from a
/// client (`client` the address, `browser` a hash of the browser's anonymous token). Wrong
/// tries are counted per client and child, per child and per class (`student_verdict`): one
/// computer is slowed down but cannot lock a child out.
pub async fn sign_in_student(
    db: &Db,
    class_code: &str,
    student_id: i64,
    entered: Option<StudentSecret>,
    client: &str,
    browser: Option<&str>,
) -> Result<NewSession, AuthError> {
    let code =
        parse_code(class_code, CLASS_CODE_LEN).map_err(|_| AuthError::BadInput("class code"))?;
    let now = now();
    let account = people::student_in_class(db, &code, student_id).await?;
    let subject = account.as_ref().map(|a| a.id);
    // Counted before it is looked at: a burst of guesses sees itself (see `count_try`).
    let this_try = sessions::count_try(db, subject, client, browser, now).await?;
    let tries = Tries::Student {
        client,
        browser,
        child: account.as_ref().map(|a| (a.id, a.class_id)),
    };
    admit(db, this_try, now, &tries).await?;
    let stored = account
        .as_ref()
        .and_then(|a| a.secret.as_deref())
        .and_then(|s| StudentSecret::parse(s).ok());
    let matches = matches!((stored, entered), (Some(s), Some(e)) if s.matches(&e));
    match account {
        Some(account) if matches => {
            sessions::right_try(db, this_try, account.id, Some((client, browser))).await?;
            open_session(db, account.id, Role::Student, client, now).await
        }
        _ => {
            wrong_try(db, this_try, subject, client, now).await?;
            Err(AuthError::Wrong)
        }
    }
}

/// What typing a class code found.
#[derive(Debug)]
pub enum ClassLookup {
    Found(people::Class),
    /// No class has this code (or it is not a code at all).
    Unknown,
    /// Too many unknown codes from this client: wait this many minutes.
    Wait(i64),
}

/// The class-code step of a student's sign-in, throttled per client and audited: the list of
/// names it opens must not be found by guessing codes.
pub async fn look_up_class(
    db: &Db,
    typed: &str,
    client: &str,
    browser: Option<&str>,
) -> Result<ClassLookup, StoreError> {
    let now = now();
    let failures =
        sessions::lookup_failures(db, client, now - throttle::LOOKUP_LIMITS.short_window).await?;
    if let Verdict::WaitUntil(until) = throttle::lookup_verdict(&failures, browser, now) {
        let event = Event {
            action: "class-lookup-throttled",
            actor: None,
            subject: None,
            client: Some(client),
            detail: "",
        };
        sessions::audit(db, &event, now).await?;
        return Ok(ClassLookup::Wait(throttle::minutes_until(until, now)));
    }
    let class = match parse_code(typed, CLASS_CODE_LEN) {
        Ok(code) => people::class_by_code(db, &code).await?,
        Err(_) => None,
    };
    let detail = match &class {
        Some(class) => format!("class {}", class.id),
        None => "unknown code".to_owned(),
    };
    if class.is_none() {
        sessions::record_lookup_failure(db, client, browser, now).await?;
    }
    let event = Event {
        action: "class-lookup",
        actor: None,
        subject: None,
        client: Some(client),
        detail: &detail,
    };
    sessions::audit(db, &event, now).await?;
    Ok(class.map_or(ClassLookup::Unknown, ClassLookup::Found))
}

/// A short, stable name for a browser from its anonymous token (never the token itself).
pub fn browser_id(anonymous_token: &str) -> String {
    token_hash(anonymous_token)[..16].to_owned()
}

/// How many parent accounts may link to one household with its family code.
pub const MAX_PARENTS_BY_CODE: i64 = 2;

/// A family code no household has yet.
pub async fn unused_family_code(db: &Db) -> Result<String, StoreError> {
    loop {
        let code = crate::domain::person::code_from_bytes(&random_bytes::<FAMILY_CODE_LEN>());
        if !crate::store::accounts::family_code_taken(db, &code).await? {
            return Ok(code);
        }
    }
}

/// A password reset code: 12 characters, printed `ABCD-EFGH-JKMN`.
pub const RESET_CODE_LEN: usize = 12;
/// A reset code works once, for a day.
pub const RESET_VALID_FOR: i64 = 24 * 60 * 60;

/// Signing in with a reset code a manager gave: the username (staff) or phone (parent), the
/// code, and a new password that passes the policy. Throttled per client only (`Limits`): the
/// code works even while others' wrong passwords make the account wait, and clears them. The
/// code is gone once used, and every other session of the person ends.
pub async fn sign_in_with_reset(
    db: &Db,
    identifier: &str,
    code: &str,
    new_password: &str,
    client: &str,
) -> Result<NewSession, AuthError> {
    // Digits can be a username as well as a phone number: a parent's phone is looked up when
    // no username matched.
    let by_username = match Username::parse(identifier) {
        Ok(username) => people::by_username(db, &username).await?,
        Err(_) => None,
    };
    let account = match (by_username, Phone::parse(identifier)) {
        (Some(account), _) => Some(account),
        (None, Ok(phone)) => people::by_phone(db, &phone).await?,
        (None, Err(_)) => None,
    };
    let account = account.filter(|a| a.password_hash.is_some());
    let now = now();
    let pending = match &account {
        Some(a) => crate::store::accounts::reset_for(db, a.id).await?,
        None => None,
    };
    let typed = parse_code(code, RESET_CODE_LEN).ok();
    let right = matches!((&pending, &typed), (Some((hash, expires)), Some(typed))
        if *expires > now && constant_time_eq(token_hash(typed).as_bytes(), hash.as_bytes()));
    let (person_id, role) = checked(
        db,
        account,
        client,
        now,
        Limits::ClientOnly,
        std::future::ready(right),
    )
    .await?;
    let (name, username, phone) = people::identifiers(db, person_id).await?;
    let personal: Vec<&str> = [Some(name.as_str()), username.as_deref(), phone.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    password::check(new_password, &personal).map_err(AuthError::Password)?;
    let hash = hash_password(new_password).await?;
    // The code, the new password and the end of every old session go together; a code sent
    // twice at once works for one of them, as it would a moment later.
    let code_hash = pending.map(|(code_hash, _)| code_hash).unwrap_or_default();
    if !crate::store::accounts::use_reset(db, person_id, &code_hash, &hash).await? {
        return Err(AuthError::Wrong);
    }
    let event = Event {
        action: "password-reset-used",
        actor: Some(person_id),
        subject: Some(person_id),
        client: Some(client),
        detail: "",
    };
    sessions::audit(db, &event, now).await?;
    open_session(db, person_id, role, client, now).await
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// What a parent types the first time.
pub struct FamilySignUp<'a> {
    pub family_code: &'a str,
    pub display_name: &'a str,
    pub phone: &'a str,
    pub password: &'a str,
    /// They ticked that they read the privacy notice and agree.
    pub consent: bool,
}

/// A parent's first time: the family code links them to the household; then phone + password.
/// Wrong family codes count as failed sign-ins (they are guessable otherwise).
pub async fn sign_up_family(
    db: &Db,
    form: &FamilySignUp<'_>,
    client: &str,
    rules: &[crate::domain::coverage::TargetRule],
) -> Result<NewSession, AuthError> {
    let now = now();
    // The code is a guessable secret too: counted before it is looked at (see `count_try`).
    let this_try = sessions::count_try(db, None, client, None, now).await?;
    admit(
        db,
        this_try,
        now,
        &Tries::Account {
            client,
            account: None,
        },
    )
    .await?;
    let code = parse_code(form.family_code, FAMILY_CODE_LEN).ok();
    let household = match &code {
        Some(code) => people::household_by_code(db, code).await?,
        None => None,
    };
    let (Some(code), Some((household_id, unit_id))) = (code.clone(), household) else {
        // A letter's code that was used (or replaced) is told apart: the parent asks the
        // school for a new letter. It is still a wrong try.
        let used = match &code {
            Some(code) => people::family_code_replaced(db, code).await?,
            None => false,
        };
        let event = Event {
            action: "sign-up-failed",
            actor: None,
            subject: None,
            client: Some(client),
            detail: if used {
                "family code already used"
            } else {
                "unknown family code"
            },
        };
        sessions::wrong_try(db, this_try, &event, now).await?;
        return Err(if used {
            AuthError::UsedFamily
        } else {
            AuthError::UnknownFamily
        });
    };
    // A code that exists is no failure, whatever happens next.
    sessions::forget_try(db, this_try).await?;
    // At most two parents follow a household by code; the school can unlink one.
    if crate::store::accounts::parent_count(db, household_id).await? >= MAX_PARENTS_BY_CODE {
        return Err(AuthError::FamilyFull);
    }
    let name = form.display_name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AuthError::BadInput("name"));
    }
    let phone = Phone::parse(form.phone).map_err(|_| AuthError::BadInput("phone number"))?;
    if people::phone_taken(db, &phone).await? {
        return Err(AuthError::PhoneTaken);
    }
    password::check(form.password, &[name, phone.as_str()]).map_err(AuthError::Password)?;
    if !form.consent {
        return Err(AuthError::NoConsent);
    }
    let hash = hash_password(form.password).await?;
    let account = NewAccount {
        role: Role::Parent,
        unit_id,
        display_name: name,
        username: None,
        phone: Some(&phone),
        password_hash: &hash,
        household_id: Some(household_id),
        consent_version: Some(crate::domain::privacy::NOTICE_VERSION),
    };
    // A used code is replaced as the parent is linked, in one step: the printed letter cannot
    // link anyone else, not even someone sending it at the same moment. The household now has
    // a parent who may complete the families' modules.
    let new_code = unused_family_code(db).await?;
    use crate::store::accounts::{link_parent_by_code, FamilyCodeUse, ParentLink};
    let code_use = FamilyCodeUse {
        household_id,
        code: &code,
        new_code: &new_code,
        max_parents: MAX_PARENTS_BY_CODE,
    };
    let person_id = match link_parent_by_code(db, &code_use, &account, rules, now).await? {
        ParentLink::Linked(person_id) => person_id,
        ParentLink::CodeGone => return Err(AuthError::UsedFamily),
        ParentLink::Full => return Err(AuthError::FamilyFull),
        ParentLink::PhoneTaken => return Err(AuthError::PhoneTaken),
    };
    let detail = format!("parent linked to household {household_id}; family code replaced");
    let event = Event {
        action: "sign-up",
        actor: Some(person_id),
        subject: Some(person_id),
        client: Some(client),
        detail: &detail,
    };
    sessions::audit(db, &event, now).await?;
    let token = random_token();
    sessions::create(
        db,
        &token_hash(&token),
        person_id,
        &random_token(),
        now,
        None,
    )
    .await?;
    Ok(NewSession {
        token,
        role: Role::Parent,
        person_id,
        must_change_password: false,
    })
}

/// What a session cookie stands for.
#[derive(Clone, Debug)]
pub enum Resolved {
    /// A valid session: this person is signed in.
    Active(Viewer),
    /// A session that ended less than [`session::KEEP_ENDED`] ago. Nobody is signed in; a
    /// form posted with its CSRF token can still be tied to its person.
    Ended { person_id: i64, csrf: String },
    /// No session (never was, signed out, or ended long ago).
    Missing,
}

/// The person behind a session cookie. Ended sessions are kept for a day (see
/// [`Resolved::Ended`]), then deleted; `last_seen` is refreshed at most once a minute.
pub async fn resolve(db: &Db, token: &str) -> Result<Resolved, StoreError> {
    let hash = token_hash(token);
    let Some(row) = sessions::find(db, &hash).await? else {
        return Ok(Resolved::Missing);
    };
    let Some(role) = Role::from_code(&row.role) else {
        return Ok(Resolved::Missing);
    };
    let now = now();
    if session::state(role, row.created_at, row.last_seen, now) != SessionState::Active {
        if session::forgotten(role, row.created_at, row.last_seen, now) {
            sessions::delete(db, &hash).await?;
            return Ok(Resolved::Missing);
        }
        return Ok(Resolved::Ended {
            person_id: row.person_id,
            csrf: row.csrf,
        });
    }
    if now - row.last_seen >= TOUCH_EVERY {
        sessions::touch(db, &hash, now).await?;
    }
    Ok(Resolved::Active(Viewer {
        person_id: row.person_id,
        role,
        display_name: row.display_name,
        csrf: row.csrf,
        must_change_password: row.must_change_password,
    }))
}

pub async fn sign_out(
    db: &Db,
    token: &str,
    viewer: &Viewer,
    client: &str,
) -> Result<(), StoreError> {
    sessions::delete(db, &token_hash(token)).await?;
    let event = Event {
        action: "sign-out",
        actor: Some(viewer.person_id),
        subject: Some(viewer.person_id),
        client: Some(client),
        detail: "",
    };
    sessions::audit(db, &event, now()).await
}

/// A new password for someone signed in with one (staff, parents): the current one first,
/// then the policy. Every session of the person ends and a new one starts here.
pub async fn change_password(
    db: &Db,
    viewer: &Viewer,
    current: &str,
    new: &str,
    client: &str,
) -> Result<NewSession, AuthError> {
    let account = people::by_id(db, viewer.person_id).await?;
    let Some(hash) = account.as_ref().and_then(|a| a.password_hash.clone()) else {
        return Err(AuthError::BadInput("account with a password"));
    };
    // The current password goes through the same throttle as signing in.
    let now = now();
    checked(
        db,
        account,
        client,
        now,
        Limits::AccountAndClient,
        verify_password(current, Some(&hash)),
    )
    .await?;
    let (name, username, phone) = people::identifiers(db, viewer.person_id).await?;
    let personal: Vec<&str> = [Some(name.as_str()), username.as_deref(), phone.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    password::check(new, &personal).map_err(AuthError::Password)?;
    let new_hash = hash_password(new).await?;
    people::set_password_hash(db, viewer.person_id, &new_hash).await?;
    sessions::delete_for_person(db, viewer.person_id).await?;
    let event = Event {
        action: "password-changed",
        actor: Some(viewer.person_id),
        subject: Some(viewer.person_id),
        client: Some(client),
        detail: "",
    };
    let token = random_token();
    sessions::create(
        db,
        &token_hash(&token),
        viewer.person_id,
        &random_token(),
        now,
        Some(&event),
    )
    .await?;
    Ok(NewSession {
        token,
        role: viewer.role,
        person_id: viewer.person_id,
        must_change_password: false,
    })
}

/// A teacher (or manager) unlocks a student and, if asked, gives them a new secret.
pub async fn reset_student(
    db: &Db,
    actor: &Viewer,
    class_id: i64,
    student_id: i64,
    new_secret: bool,
    client: &str,
) -> Result<bool, StoreError> {
    let Some(_class) = people::class_for(db, actor, class_id).await? else {
        return Ok(false);
    };
    let members = people::class_members(&mut db.lease().await?, class_id).await?;
    let Some(student) = members.iter().find(|m| m.id == student_id) else {
        return Ok(false);
    };
    sessions::clear_failures(db, student.id).await?;
    let mut detail = "unlocked".to_owned();
    if new_secret {
        let pictures = student
            .secret
            .as_deref()
            .and_then(|s| StudentSecret::parse(s).ok())
            .is_none_or(|s| s.is_pictures());
        // Never the same secret again (a pair of pictures repeats 1 time in 36).
        let old = student
            .secret
            .as_deref()
            .and_then(|s| StudentSecret::parse(s).ok());
        let secret = std::iter::repeat_with(|| StudentSecret::generate(pictures, random_u32()))
            .find(|new| old.as_ref().is_none_or(|old| !old.matches(new)))
            .unwrap_or_else(|| StudentSecret::generate(pictures, random_u32()));
        people::set_secret(db, student.id, &secret.stored()).await?;
        // Whoever signed in with the old secret is signed out.
        sessions::delete_for_person(db, student.id).await?;
        detail.push_str(", new secret, sessions ended");
    }
    let event = Event {
        action: "student-reset",
        actor: Some(actor.person_id),
        subject: Some(student.id),
        client: Some(client),
        detail: &detail,
    };
    sessions::audit(db, &event, now()).await?;
    Ok(true)
}
