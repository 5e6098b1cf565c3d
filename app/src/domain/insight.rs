//! What a class gets wrong, for the teacher's next lesson: per question of a module, how many
//! of the students whose first attempt asked it missed it there, and how many of those whose
//! latest attempt asked it still missed it. Graded again from the stored answers and draw
//! against the module as it is now (a question removed since is not shown).

use super::content::Module;
use super::draw::Draw;
use super::grading::{right_answers, Answers};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One stored attempt: whose, in what order (the attempt's id grows with time), what it asked
/// and what was chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttemptAnswers {
    pub person_id: i64,
    pub attempt_id: i64,
    pub draw: Draw,
    pub answers: Answers,
}

/// Missed by `missed` of the `of` students who were asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Share {
    pub missed: usize,
    pub of: usize,
}

impl Share {
    /// Whole percent, rounded half up (a teacher compares questions, not decimals).
    pub fn percent(self) -> u8 {
        crate::domain::share::rounded(self.missed.min(self.of) as u64, self.of as u64, 100)
            .unwrap_or(0) as u8
    }
}

/// One question: its id and the shares that missed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionMisses {
    pub question: String,
    /// Among each student's first attempt.
    pub first: Share,
    /// Among each student's latest attempt (the same as the first for one attempt).
    pub latest: Share,
}

/// Every question of `module`'s quiz with how many students missed it, most missed (latest,
/// then first) first, the quiz's own order between equals. `attempts` may hold several per
/// student, in any order; only their first and latest count.
pub fn question_misses(module: &Module, attempts: &[AttemptAnswers]) -> Vec<QuestionMisses> {
    // Per student: (first, latest) by attempt id.
    let mut ends: BTreeMap<i64, (&AttemptAnswers, &AttemptAnswers)> = BTreeMap::new();
    for attempt in attempts {
        ends.entry(attempt.person_id)
            .and_modify(|(first, latest)| {
                if attempt.attempt_id < first.attempt_id {
                    *first = attempt;
                }
                if attempt.attempt_id > latest.attempt_id {
                    *latest = attempt;
                }
            })
            .or_insert((attempt, attempt));
    }
    let mut misses: Vec<QuestionMisses> = module
        .quiz
        .questions
        .iter()
        .map(|q| QuestionMisses {
            question: q.id.as_str().to_owned(),
            first: Share::default(),
            latest: Share::default(),
        })
        .collect();
    let mut count = |attempt: &AttemptAnswers, share: fn(&mut QuestionMisses) -> &mut Share| {
        for (question, right) in right_answers(module, &attempt.draw, &attempt.answers) {
            if let Some(m) = misses.iter_mut().find(|m| m.question == question) {
                let share = share(m);
                share.of += 1;
                share.missed += usize::from(!right);
            }
        }
    };
    for (first, latest) in ends.values() {
        count(first, |m| &mut m.first);
        count(latest, |m| &mut m.latest);
    }
    misses.sort_by(|a, b| {
        b.latest
            .missed
            .cmp(&a.latest.missed)
            .then(b.first.missed.cmp(&a.first.missed))
    });
    misses
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::{true_false_options, LocalId, Question, QuestionKind, Quiz};

    fn two_question_module() -> Module {
        let id = |s: &str| LocalId::parse(s).unwrap();
        Module::for_tests(
            "sample",
            &["one"],
            Quiz {
                questions: vec![
                    Question {
                        id: id("pick-one"),
                        kind: QuestionKind::SingleChoice,
                        options: vec![id("a"), id("b")],
                        answer: vec![id("b")],
                        objective: None,
                    },
                    Question {
                        id: id("is-true"),
                        kind: QuestionKind::TrueFalse,
                        options: true_false_options(),
                        answer: vec![id("true")],
                        objective: None,
                    },
                ],
                ..Quiz::default()
            },
        )
    }

    fn attempt(person_id: i64, attempt_id: i64, answers: &[(&str, &[&str])]) -> AttemptAnswers {
        AttemptAnswers {
            person_id,
            attempt_id,
            draw: Draw::whole(&two_question_module()),
            answers: answers
                .iter()
                .map(|(q, chosen)| {
                    (
                        (*q).to_owned(),
                        chosen.iter().map(|c| (*c).to_owned()).collect(),
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn first_and_latest_attempts_per_student_most_missed_first() {
        let module = two_question_module();
        // The quiz: "pick-one" (answer b), "is-true" (answer true).
        let attempts = [
            // Student 1: missed pick-one first, then got everything.
            attempt(1, 10, &[("pick-one", &["a"]), ("is-true", &["true"])]),
            attempt(1, 30, &[("pick-one", &["b"]), ("is-true", &["true"])]),
            // Student 2: one attempt, missed both (one left unanswered).
            attempt(2, 20, &[("pick-one", &["a"])]),
            // Student 3: latest sent before first in the list; first missed is-true only.
            attempt(3, 50, &[("pick-one", &["a"]), ("is-true", &["true"])]),
            attempt(3, 40, &[("pick-one", &["b"]), ("is-true", &["false"])]),
        ];
        let misses = question_misses(&module, &attempts);
        assert_eq!(
            misses,
            [
                QuestionMisses {
                    question: "pick-one".into(),
                    first: Share { missed: 2, of: 3 },
                    latest: Share { missed: 2, of: 3 },
                },
                QuestionMisses {
                    question: "is-true".into(),
                    first: Share { missed: 2, of: 3 },
                    latest: Share { missed: 1, of: 3 },
                },
            ]
        );
        assert_eq!(misses[0].first.percent(), 67);
        assert_eq!(Share { missed: 1, of: 3 }.percent(), 33);
        assert_eq!(Share::default().percent(), 0);
    }

    #[test]
    fn a_question_counts_only_the_students_it_was_asked() {
        let module = two_question_module();
        let mut only_first = attempt(1, 10, &[("pick-one", &["a"])]);
        only_first.draw.0.truncate(1);
        let both = attempt(2, 20, &[("pick-one", &["b"]), ("is-true", &["false"])]);
        let misses = question_misses(&module, &[only_first, both]);
        let by_id = |id: &str| misses.iter().find(|m| m.question == id).unwrap().clone();
        assert_eq!(by_id("pick-one").first, Share { missed: 1, of: 2 });
        assert_eq!(
            by_id("is-true").first,
            Share { missed: 1, of: 1 },
            "student 1 was never asked is-true"
        );
    }

    #[test]
    fn no_attempts_no_misses() {
        let module = two_question_module();
        let misses = question_misses(&module, &[]);
        assert_eq!(misses.len(), 2);
        assert!(misses
            .iter()
            .all(|m| m.first.of == 0 && m.latest.missed == 0));
        // Ties keep the quiz's order.
        assert_eq!(misses[0].question, "pick-one");
    }
}
