//! The password policy, after NIST SP 800-63B-4 (2025): length over composition. A password
//! that is the only factor has at least 15 characters (any characters, spaces and Vietnamese
//! letters included); there are no rules about digits or symbols; and it must not be common,
//! breached or guessable from the person's own details. The breached/common list is zxcvbn's
//! (frequency lists from public password breaches, compiled into the binary); the words below
//! add what people here would try first.

/// At least this many characters (Unicode scalar values).
pub const MIN_CHARS: usize = 15;
/// More than enough for a passphrase; stops multi-megabyte "passwords" reaching argon2.
pub const MAX_CHARS: usize = 256;

/// Vietnamese and SafeSteps words zxcvbn's English lists do not know.
const LOCAL_WORDS: &[&str] = &[
    "safesteps",
    "buocantoan",
    "buoc an toan",
    "matkhau",
    "mat khau",
    "anhyeuem",
    "emyeuanh",
    "yeuem",
    "yeuanh",
    "vietnam",
    "hanoi",
    "laichau",
    "lai chau",
    "111",
    "tongdai",
    "treem",
    "baove",
    "hocsinh",
    "giaovien",
    "phuhuynh",
    "truonghoc",
    "123456a",
    "abc123",
];

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PasswordProblem {
    #[error("too short: {0} characters; use at least 15 (a few words you will remember)")]
    TooShort(usize),
    #[error("too long: use at most 256 characters")]
    TooLong,
    #[error("too easy to guess (a common or leaked password, or built from your name)")]
    Guessable,
}

impl PasswordProblem {
    /// The Fluent key of the message shown in forms.
    pub fn message_key(&self) -> &'static str {
        match self {
            PasswordProblem::TooShort(_) => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::Guessable => "password-guessable",
        }
    }
}

/// Checks a new password. `personal` are the person's own details (name, username, phone)
/// that must not make up the password.
pub fn check(password: &str, personal: &[&str]) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(PasswordProblem::TooShort(chars));
    }
    if chars > MAX_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let mut inputs: Vec<String> = LOCAL_WORDS.iter().map(|w| (*w).to_owned()).collect();
    for detail in personal {
        let lower = detail.to_lowercase();
        inputs.extend(
            lower
                .split_whitespace()
                .filter(|w| w.chars().count() >= 3)
                .map(str::to_owned),
        );
        inputs.push(lower.replace(' ', ""));
    }
    if only_known_words(password, &inputs) {
        return Err(PasswordProblem::Guessable);
    }
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    // zxcvbn's score 4: "very unguessable", over 10^10 guesses. A 15-character password that
    // scores less is built from a common password, a pattern or the person's details.
    let strength = zxcvbn::zxcvbn(password, &inputs);
    if (strength.score() as u8) < 4 {
        return Err(PasswordProblem::Guessable);
    }
    Ok(())
}

/// Whether the letters of the password are nothing but known words (local words, the
/// person's details) with digits and punctuation between them: `laichau-safesteps-2025`.
fn only_known_words(password: &str, known: &[String]) -> bool {
    let lower = password.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let known: Vec<String> = known.iter().map(|w| w.replace(' ', "")).collect();
    !words.is_empty() && words.iter().all(|w| known.iter().any(|k| k == w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_counts_characters_not_bytes() {
        assert_eq!(check("ngắn quá", &[]), Err(PasswordProblem::TooShort(8)));
        // 15 Vietnamese characters are more than 15 bytes but exactly 15 characters.
        assert!(check("mưa rơi đầu hạ ướt", &[]).is_ok());
        assert_eq!(check(&"x".repeat(300), &[]), Err(PasswordProblem::TooLong));
    }

    #[test]
    fn no_composition_rules_only_guessability() {
        assert!(
            check("cá vàng bơi trong chậu men xanh", &[]).is_ok(),
            "no digit or symbol needed"
        );
        assert!(check("correct horse battery staple", &[]).is_ok());
    }

    #[test]
    fn common_and_leaked_passwords_are_refused_even_when_long() {
        for common in [
            "passwordpassword",
            "123456789012345",
            "qwertyuiopasdfgh",
            "iloveyouiloveyou",
            "aaaaaaaaaaaaaaaa",
            "matkhau123456789",
            "anhyeuem12345678",
            "Password12345678!",
        ] {
            assert_eq!(
                check(common, &[]),
                Err(PasswordProblem::Guessable),
                "{common}"
            );
        }
    }

    #[test]
    fn personal_details_do_not_make_a_password() {
        assert_eq!(
            check(
                "nguyenthilan0912345678",
                &["Nguyễn Thị Lan", "nguyenthilan", "0912345678"]
            ),
            Err(PasswordProblem::Guessable)
        );
        assert_eq!(
            check("laichau-safesteps-2025", &[]),
            Err(PasswordProblem::Guessable)
        );
    }

    #[test]
    fn problems_have_messages_in_the_locales() {
        for problem in [
            PasswordProblem::TooShort(3),
            PasswordProblem::TooLong,
            PasswordProblem::Guessable,
        ] {
            assert!(problem.message_key().starts_with("password-"));
        }
    }
}
