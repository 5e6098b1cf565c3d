//! People and roles, and the parse-don't-validate types for what identifies them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What someone does on SafeSteps; decides what they may see (see `access`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Role {
    Student,
    Parent,
    Teacher,
    SchoolManager,
    ProtectionOfficer,
    HealthWorker,
    PoliceOfficer,
    UnitManager,
    Admin,
}

impl Role {
    pub const ALL: [Role; 9] = [
        Role::Student,
        Role::Parent,
        Role::Teacher,
        Role::SchoolManager,
        Role::ProtectionOfficer,
        Role::HealthWorker,
        Role::PoliceOfficer,
        Role::UnitManager,
        Role::Admin,
    ];

    /// The code stored in the database and used in files (also the Fluent key `role-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Role::Student => "student",
            Role::Parent => "parent",
            Role::Teacher => "teacher",
            Role::SchoolManager => "school-manager",
            Role::ProtectionOfficer => "protection-officer",
            Role::HealthWorker => "health-worker",
            Role::PoliceOfficer => "police-officer",
            Role::UnitManager => "unit-manager",
            Role::Admin => "admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The Fluent key of the role's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Student => "role-student",
            Role::Parent => "role-parent",
            Role::Teacher => "role-teacher",
            Role::SchoolManager => "role-school-manager",
            Role::ProtectionOfficer => "role-protection-officer",
            Role::HealthWorker => "role-health-worker",
            Role::PoliceOfficer => "role-police-officer",
            Role::UnitManager => "role-unit-manager",
            Role::Admin => "role-admin",
        }
    }

    /// Staff sign in with a username and password.
    pub fn is_staff(self) -> bool {
        !matches!(self, Role::Student | Role::Parent)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Why something typed is not an identifier we accept.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("a username has 3 to 40 characters: lower-case letters a–z, digits, '.', '_' or '-'")]
    Username,
    #[error("a phone number has 10 digits starting with 0 (or +84 and 9 digits)")]
    Phone,
    #[error("a code has {0} letters or digits")]
    Code(usize),
}

/// A staff member's username: lower-case ASCII, so it is typed the same on every keyboard.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Username(String);

impl Username {
    pub fn parse(input: &str) -> Result<Username, IdError> {
        let name = input.trim().to_ascii_lowercase();
        let ok = (3..=40).contains(&name.len())
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
        if ok {
            Ok(Username(name))
        } else {
            Err(IdError::Username)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Vietnamese mobile number in its national form, `0912345678`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Phone(String);

impl Phone {
    /// Accepts spaces, dots and dashes between digits, and the `+84`/`84` prefix.
    pub fn parse(input: &str) -> Result<Phone, IdError> {
        let trimmed = input.trim();
        let (plus, rest) = match trimmed.strip_prefix('+') {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        if !rest
            .chars()
            .all(|c| c.is_ascii_digit() || " .-".contains(c))
        {
            return Err(IdError::Phone);
        }
        let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
        let national = match digits.strip_prefix("84") {
            Some(tail) if plus || digits.len() == 11 => format!("0{tail}"),
            _ if plus => return Err(IdError::Phone),
            _ => digits,
        };
        if national.len() == 10 && national.starts_with('0') && !national.starts_with("00") {
            Ok(Phone(national))
        } else {
            Err(IdError::Phone)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The letters and digits of codes people copy by hand: no 0/O, 1/I/L.
pub const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// Makes a code of `len` characters from random bytes (one byte per character).
pub fn code_from_bytes(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char)
        .collect()
}

/// Reads a code as people type it: any case, with spaces or dashes.
pub fn parse_code(input: &str, len: usize) -> Result<String, IdError> {
    let code: String = input
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if code.len() == len && code.bytes().all(|b| CODE_ALPHABET.contains(&b)) {
        Ok(code)
    } else {
        Err(IdError::Code(len))
    }
}

/// A class code has 9 characters (printed `ABC-DEF-GHJ`): 31⁹ ≈ 2.6 × 10¹³ codes, so with
/// 10,000 classes a guess hits one about once in 2.6 billion tries — and unknown codes are
/// throttled per client (`throttle::LOOKUP_LIMITS`). A family code has 8 (`ABCD-EFGH`).
pub const CLASS_CODE_LEN: usize = 9;
pub const FAMILY_CODE_LEN: usize = 8;

/// A class code as printed and shown: three groups of three.
pub fn format_class_code(code: &str) -> String {
    if code.len() == CLASS_CODE_LEN && code.is_ascii() {
        format!("{}-{}-{}", &code[..3], &code[3..6], &code[6..])
    } else {
        code.to_owned()
    }
}

/// A family code as printed: two groups of four.
pub fn format_family_code(code: &str) -> String {
    if code.len() == FAMILY_CODE_LEN {
        format!("{}-{}", &code[..4], &code[4..])
    } else {
        code.to_owned()
    }
}

/// Who is signed in, as the pages see it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub person_id: i64,
    pub role: Role,
    pub display_name: String,
    /// The token that every state-changing request of this session must carry.
    pub csrf: String,
    /// A first password or a reset code is in use: choosing their own comes before anything.
    #[serde(default)]
    pub must_change_password: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_codes() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
            assert_eq!(role.label_key(), format!("role-{}", role.code()));
        }
        assert_eq!(Role::from_code("root"), None);
        assert!(!Role::Student.is_staff() && !Role::Parent.is_staff());
        assert!(Role::Teacher.is_staff() && Role::Admin.is_staff());
    }

    #[test]
    fn usernames_are_lower_case_ascii() {
        assert_eq!(Username::parse(" Co.Lan ").unwrap().as_str(), "co.lan");
        assert!(Username::parse("ab").is_err());
        assert!(Username::parse("cô-lan").is_err());
        assert!(Username::parse("a b c").is_err());
    }

    #[test]
    fn phones_are_stored_in_national_form() {
        for typed in [
            "0912345678",
            "0912 345 678",
            "091-234-5678",
            "+84912345678",
            "84912345678",
            "+84 91 234 5678",
        ] {
            assert_eq!(
                Phone::parse(typed).unwrap().as_str(),
                "0912345678",
                "{typed}"
            );
        }
        for bad in [
            "912345678",
            "09123456789",
            "+1 912345678",
            "0912abc678",
            "",
            "0012345678",
        ] {
            assert!(Phone::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn codes_are_read_as_people_type_them() {
        assert_eq!(parse_code("abcd-efgh", 8).unwrap(), "ABCDEFGH");
        assert_eq!(parse_code(" k7m 4q2 ", 6).unwrap(), "K7M4Q2");
        assert!(parse_code("K7M4Q", 6).is_err());
        assert!(parse_code("K0M4Q2", 6).is_err(), "0 is not in the alphabet");
        assert_eq!(format_family_code("ABCDEFGH"), "ABCD-EFGH");
        let code = code_from_bytes(&[0, 1, 255, 30, 31, 62]);
        assert!(parse_code(&code, 6).is_ok());
    }
}
