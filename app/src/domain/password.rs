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

/// The passphrases the password forms show as examples (`password-hint` in each locale): read
/// by everyone who opened the form, so never a password, however they are typed.
pub const EXAMPLES: &[&str] = &[
    "mùa xuân hoa ban nở trắng núi",
    "spring bauhinia flowers whiten the hills",
];

/// Whether the password is, or holds, an example the pages show (marks, case, spaces and
/// punctuation aside).
fn holds_an_example(password: &str) -> bool {
    let squash = |text: &str| -> String {
        without_marks(text)
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    let password = squash(password);
    EXAMPLES
        .iter()
        .any(|example| password.contains(&squash(example)))
}

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
    if holds_an_example(password) {
        return Err(PasswordProblem::Guessable);
    }
    let mut inputs: Vec<String> = LOCAL_WORDS.iter().map(|w| (*w).to_owned()).collect();
    for detail in personal {
        inputs.extend(personal_variants(detail));
    }
    inputs.sort();
    inputs.dedup();
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

/// Vietnamese letters without their marks: "Lò Văn Tâm" → "Lo Van Tam", "Đèo" → "Deo". People
/// type their names both ways in passwords.
pub fn without_marks(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' => 'd',
            'Đ' => 'D',
            c => c,
        })
        .collect()
}

/// The ways a detail (a name, a username, a phone number) can show up in a password: whole,
/// without spaces, word by word, with and without Vietnamese marks; a phone number also in
/// its international forms (+84…, 84…) and without its leading 0.
fn personal_variants(detail: &str) -> Vec<String> {
    let mut out = Vec::new();
    for form in [detail.to_lowercase(), without_marks(detail).to_lowercase()] {
        out.extend(
            form.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 2)
                .map(str::to_owned),
        );
        out.push(form.split_whitespace().collect::<String>());
        out.push(
            form.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>(),
        );
    }
    let digits: String = detail.chars().filter(char::is_ascii_digit).collect();
    if digits.len() >= 8 {
        let national = digits
            .strip_prefix("84")
            .map_or(digits.clone(), |rest| format!("0{rest}"));
        if let Some(rest) = national.strip_prefix('0') {
            out.push(rest.to_owned());
            out.push(format!("84{rest}"));
            out.push(format!("+84{rest}"));
        }
        out.push(national);
    }
    out.retain(|w| !w.is_empty());
    out
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
    fn the_example_on_the_form_is_never_a_password() {
        for password in [
            "mùa xuân hoa ban nở trắng núi",
            "Mua xuan hoa ban no trang nui",
            "muaxuanhoabannotrangnui!",
            "mùa xuân hoa ban nở trắng núi 2026",
            "Spring bauhinia flowers whiten the hills.",
        ] {
            assert_eq!(
                check(password, &[]),
                Err(PasswordProblem::Guessable),
                "{password}"
            );
        }
        // Each example is the one its locale's form shows.
        for (ftl, example) in [
            (include_str!("../../../locales/vi/main.ftl"), EXAMPLES[0]),
            (include_str!("../../../locales/en/main.ftl"), EXAMPLES[1]),
        ] {
            let hint = ftl
                .lines()
                .find(|l| l.starts_with("password-hint ="))
                .expect("a password hint");
            assert!(hint.contains(&format!("\"{example}\"")), "{hint}");
        }
    }

    #[test]
    fn the_persons_own_details_are_refused_however_they_are_typed() {
        let personal = ["Lò Văn Tâm", "0912000077"];
        for password in [
            "0912000077loVanTam",
            "LoVanTam0912000077",
            "lò văn tâm 0912000077",
            "tam.van.lo+84912000077",
            "912000077-lovantam!",
        ] {
            assert_eq!(
                check(password, &personal),
                Err(PasswordProblem::Guessable),
                "{password}"
            );
        }
        let username = ["Cô giáo Mẫu", "giaovien.demo"];
        assert_eq!(
            check("giaovien.demo.co.giao.mau", &username),
            Err(PasswordProblem::Guessable)
        );
        // A real passphrase with nothing of theirs passes.
        assert!(check("suối Nậm Na chảy qua bản tôi", &personal).is_ok());
        assert_eq!(without_marks("Đèo Thị Lường"), "Deo Thi Luong");
    }

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
