//! The safety rules a program can hold the content to (the others are for reviewers, see
//! `content/README.md`):
//!
//! - a student module gives the child the numbers to call: 111 (the child protection hotline,
//!   free, 24/7), 113 (police) and 115 (ambulance), in the lessons of every locale;
//! - a staff quiz does not give its answer away by length: in a single-choice question the
//!   right option may not be far longer than every other option (a careful-sounding long
//!   option that alone is right can be picked without knowing anything).

use super::problem::Problems;
use super::texts::ModuleFtl;
use crate::domain::content::{Audience, Module, QuestionKind};
use std::path::Path;

/// The numbers every student module gives, with what each is for (in the message).
pub const STUDENT_NUMBERS: [(&str, &str); 3] = [
    ("111", "the child protection hotline, free, 24/7"),
    ("113", "police"),
    ("115", "ambulance"),
];

/// Whether `number` appears in `text` as a number of its own (not inside a longer one).
fn mentions_number(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + number.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit()) && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

pub fn is_student_module(module: &Module) -> bool {
    module
        .audiences
        .iter()
        .any(|a| matches!(a, Audience::Student(_)))
}

/// A staff module: every audience is a member of staff (its quiz has the 80% pass mark and
/// the plan's staff targets count it).
pub fn is_staff_module(module: &Module) -> bool {
    !module.audiences.is_empty()
        && module
            .audiences
            .iter()
            .all(|a| matches!(a, Audience::Staff(_)))
}

/// Checks that a student module's lessons in one locale (`lessons`: path and text of each)
/// give 111, 113 and 115. A problem is reported on the locale's first lesson.
pub fn check_numbers(module: &Module, lessons: &[(&Path, &str)], problems: &mut Problems) {
    let Some((first, _)) = lessons.first() else {
        return;
    };
    if !is_student_module(module) {
        return;
    }
    for (number, what) in STUDENT_NUMBERS {
        if !lessons
            .iter()
            .any(|(_, text)| mentions_number(text, number))
        {
            problems.error(
                first,
                0,
                format!(
                    "a student module must give {number} ({what}): no lesson in this locale mentions it"
                ),
            );
        }
    }
}

/// How much longer than every other option the right one may be before it gives itself
/// away: more than half as long again, and by more than 20 characters.
const LONGER_RATIO: f64 = 1.5;
const LONGER_BY: usize = 20;

/// Checks a staff module's single-choice questions in one locale's `module.ftl`.
pub fn check_distractors(
    module: &Module,
    path: &Path,
    source: &str,
    ftl: &ModuleFtl,
    problems: &mut Problems,
) {
    if !is_staff_module(module) {
        return;
    }
    for question in &module.quiz.questions {
        if question.kind != QuestionKind::SingleChoice {
            continue;
        }
        let Some(texts) = ftl.questions.get(question.id.as_str()) else {
            continue;
        };
        let Some(right) = question.answer.first() else {
            continue;
        };
        let length = |option: &str| texts.options.get(option).map(|t| t.chars().count());
        let Some(right_len) = length(right.as_str()) else {
            continue;
        };
        let longest_other = question
            .options
            .iter()
            .filter(|o| *o != right)
            .filter_map(|o| length(o.as_str()))
            .max()
            .unwrap_or(0);
        if right_len as f64 > longest_other as f64 * LONGER_RATIO
            && right_len > longest_other + LONGER_BY
        {
            problems.error(
                path,
                option_line(source, question.id.as_str(), right.as_str()),
                format!(
                    "the right option of {:?} is far longer than the others ({right_len} characters; the longest other has {longest_other}): it can be guessed by its length",
                    question.id.as_str()
                ),
            );
        }
    }
}

/// The line of `    .option =` under `q-question =` in a `module.ftl` source.
fn option_line(source: &str, question: &str, option: &str) -> usize {
    let message = format!("q-{question}");
    let mut inside = false;
    for (i, line) in source.lines().enumerate() {
        if !line.starts_with(' ') && !line.trim().is_empty() {
            inside = line
                .strip_prefix(&message)
                .is_some_and(|rest| rest.trim_start().starts_with('='));
            continue;
        }
        let attribute = line.trim_start().strip_prefix('.').and_then(|rest| {
            rest.strip_prefix(option)
                .filter(|after| after.trim_start().starts_with('='))
        });
        if inside && attribute.is_some() {
            return i + 1;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_count_only_on_their_own() {
        assert!(mentions_number("gọi **111** (miễn phí)", "111"));
        assert!(mentions_number("111", "111"));
        assert!(mentions_number("khẩn cấp: 113.", "113"));
        assert!(!mentions_number("1111", "111"));
        assert!(!mentions_number("số 21113", "111"));
        assert!(!mentions_number("no numbers", "115"));
    }

    #[test]
    fn option_lines_are_found_under_their_question() {
        let source = "title = T\nq-a = Prompt\n    .x = one\n    .right = two\nq-b = P\n    .right = three\n";
        assert_eq!(option_line(source, "a", "right"), 4);
        assert_eq!(option_line(source, "b", "right"), 6);
        assert_eq!(option_line(source, "c", "right"), 0);
    }
}
