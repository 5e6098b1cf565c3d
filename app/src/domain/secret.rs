//! A student's sign-in secret: a 4-digit PIN, or two of nine pictures for children who
//! cannot type yet. It is printed on the class's sign-in cards.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The nine pictures, in the order they are shown (the Fluent key is `picture-<name>`; the
/// drawings are in `ui/pictures.rs`).
pub const PICTURES: [&str; 9] = [
    "sun", "moon", "star", "tree", "flower", "fish", "cat", "dog", "house",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StudentSecret {
    /// Four digits, `0000`–`9999`.
    Pin(u16),
    /// Two different pictures (indexes into `PICTURES`), in either order; kept sorted.
    Pictures(u8, u8),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SecretError {
    #[error("a PIN has exactly 4 digits")]
    Pin,
    #[error("a picture password is two different pictures of the nine ({})", PICTURES.join(", "))]
    Pictures,
}

impl StudentSecret {
    /// Two pictures; `None` unless they are two different pictures of the nine.
    pub fn pictures(a: u8, b: u8) -> Option<StudentSecret> {
        (a != b && a < 9 && b < 9).then(|| StudentSecret::Pictures(a.min(b), a.max(b)))
    }

    /// Reads the stored form (`pin:0427`, `pictures:2+7`), or what a roster file says:
    /// four digits, or two picture names joined by `+` (`sun+dog`).
    pub fn parse(text: &str) -> Result<StudentSecret, SecretError> {
        let text = text.trim();
        let text = text.strip_prefix("pin:").unwrap_or(text);
        if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) {
            return text
                .parse()
                .map(StudentSecret::Pin)
                .map_err(|_| SecretError::Pin);
        }
        if text.bytes().all(|b| b.is_ascii_digit()) {
            return Err(SecretError::Pin);
        }
        let text = text.strip_prefix("pictures:").unwrap_or(text);
        let index = |part: &str| -> Option<u8> {
            let part = part.trim().to_ascii_lowercase();
            if let Ok(n) = part.parse::<u8>() {
                return (n < 9).then_some(n);
            }
            PICTURES.iter().position(|p| *p == part).map(|i| i as u8)
        };
        match text.split_once('+') {
            Some((a, b)) => index(a)
                .zip(index(b))
                .and_then(|(a, b)| StudentSecret::pictures(a, b))
                .ok_or(SecretError::Pictures),
            None => Err(SecretError::Pictures),
        }
    }

    /// The form stored in the database; `parse` reads it back.
    pub fn stored(&self) -> String {
        match self {
            StudentSecret::Pin(pin) => format!("pin:{pin:04}"),
            StudentSecret::Pictures(a, b) => format!("pictures:{a}+{b}"),
        }
    }

    /// A new secret from two random numbers: pictures for young children, a PIN otherwise.
    pub fn generate(pictures: bool, random: u32) -> StudentSecret {
        if pictures {
            // The 36 unordered pairs of nine pictures.
            let pairs: Vec<(u8, u8)> = (0..9u8)
                .flat_map(|a| ((a + 1)..9).map(move |b| (a, b)))
                .collect();
            let (a, b) = pairs[random as usize % pairs.len()];
            StudentSecret::Pictures(a, b)
        } else {
            StudentSecret::Pin((random % 10_000) as u16)
        }
    }

    /// Whether what the student entered is this secret (pictures in either order).
    pub fn matches(&self, entered: &StudentSecret) -> bool {
        self == entered
    }

    pub fn is_pictures(&self) -> bool {
        matches!(self, StudentSecret::Pictures(..))
    }
}

impl fmt::Display for StudentSecret {
    /// As a roster file or a card's text says it: `0427` or `sun+dog`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StudentSecret::Pin(pin) => write!(f, "{pin:04}"),
            StudentSecret::Pictures(a, b) => {
                write!(f, "{}+{}", PICTURES[*a as usize], PICTURES[*b as usize])
            }
        }
    }
}

/// Children under this age get a picture password; older ones a PIN.
pub const PICTURES_UNTIL_AGE: i32 = 10;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_pins_and_picture_pairs() {
        assert_eq!(StudentSecret::parse("0427"), Ok(StudentSecret::Pin(427)));
        assert_eq!(
            StudentSecret::parse("pin:0427"),
            Ok(StudentSecret::Pin(427))
        );
        assert_eq!(
            StudentSecret::parse("dog+sun"),
            Ok(StudentSecret::Pictures(0, 7))
        );
        assert_eq!(
            StudentSecret::parse("Sun + DOG"),
            Ok(StudentSecret::Pictures(0, 7))
        );
        assert_eq!(
            StudentSecret::parse("pictures:7+0"),
            Ok(StudentSecret::Pictures(0, 7))
        );
        assert_eq!(StudentSecret::parse("042"), Err(SecretError::Pin));
        assert_eq!(StudentSecret::parse("04271"), Err(SecretError::Pin));
        assert_eq!(StudentSecret::parse("sun+sun"), Err(SecretError::Pictures));
        assert_eq!(StudentSecret::parse("sun+lion"), Err(SecretError::Pictures));
        assert_eq!(StudentSecret::parse("sun"), Err(SecretError::Pictures));
        assert_eq!(StudentSecret::Pictures(0, 7).to_string(), "sun+dog");
        assert_eq!(StudentSecret::Pin(7).to_string(), "0007");
    }

    #[test]
    fn pictures_in_either_order_are_the_same_secret() {
        let secret = StudentSecret::pictures(7, 2).unwrap();
        assert!(secret.matches(&StudentSecret::pictures(2, 7).unwrap()));
        assert!(!secret.matches(&StudentSecret::pictures(2, 6).unwrap()));
        assert_eq!(StudentSecret::pictures(3, 3), None);
        assert_eq!(StudentSecret::pictures(3, 9), None);
    }

    proptest! {
        #[test]
        fn generated_secrets_survive_storage(pictures: bool, random: u32) {
            let secret = StudentSecret::generate(pictures, random);
            prop_assert_eq!(secret.is_pictures(), pictures);
            prop_assert_eq!(StudentSecret::parse(&secret.stored()), Ok(secret));
            prop_assert_eq!(StudentSecret::parse(&secret.to_string()), Ok(secret));
        }
    }
}
