//! Grading a quiz attempt: on the server only, from the module's answer key.
//!
//! Every question is worth one point and is right only when the chosen options are exactly
//! the right ones: for multiple choice, ticking every option is wrong (the content checker
//! refuses a question whose options are all right, so "tick everything" never pays).

use crate::domain::content::{Lesson, Module, Question};
use crate::domain::draw::Draw;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What a learner chose: question id → the option ids ticked. Unknown questions are
/// ignored; an unknown option makes its question wrong.
pub type Answers = BTreeMap<String, BTreeSet<String>>;

/// A posted quiz form, decoded: fields `q-<question>` with option ids (repeated for multiple
/// choice) and the `submission` key that makes a resend harmless; other fields are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuizForm {
    /// The first `submission` field; empty when there is none.
    pub submission: String,
    /// The first `draw` field: the key of the draw the form showed; empty when there is none.
    pub draw: String,
    pub answers: Answers,
}

/// How long a submission key is: 32 random bytes in hex.
pub const SUBMISSION_KEY_LEN: usize = 64;

impl QuizForm {
    pub fn from_pairs(pairs: &[(String, String)]) -> QuizForm {
        let mut form = QuizForm::default();
        for (key, value) in pairs {
            if let Some(question) = key.strip_prefix("q-") {
                form.answers
                    .entry(question.to_owned())
                    .or_default()
                    .insert(value.clone());
            }
        }
        let first = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        form.submission = first("submission");
        form.draw = first("draw");
        form
    }

    /// Decodes a form body (`application/x-www-form-urlencoded`) as the browser sends it. A
    /// body that is not a form is an empty form (no key: refused where it is checked).
    #[cfg(any(feature = "ssr", feature = "parsers"))]
    pub fn decode(body: &[u8]) -> QuizForm {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).unwrap_or_default();
        QuizForm::from_pairs(&pairs)
    }
}

/// A submission key as the quiz page makes it: 64 hex digits.
pub fn submission_key_ok(key: &str) -> bool {
    key.len() == SUBMISSION_KEY_LEN && key.bytes().all(|b| b.is_ascii_hexdigit())
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionResult {
    pub question: String,
    pub correct: bool,
    pub chosen: BTreeSet<String>,
    /// The right options (shown after submitting, with the explanation).
    pub right: BTreeSet<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grade {
    pub correct: usize,
    pub total: usize,
    /// Rounded down, so 99.9% is not shown as 100.
    pub percent: u8,
    pub passed: bool,
    pub questions: Vec<QuestionResult>,
}

/// Whether `chosen` is exactly the question's right options (compared as sets, without
/// allocating: a class page grades every first and latest attempt of the class again).
pub fn is_right(question: &Question, chosen: &BTreeSet<String>) -> bool {
    chosen
        .iter()
        .all(|c| question.answer.iter().any(|a| a.as_str() == c.as_str()))
        && question.answer.iter().all(|a| chosen.contains(a.as_str()))
}

/// The drawn questions that are in the module's bank, in the order shown.
fn drawn<'a>(module: &'a Module, draw: &'a Draw) -> impl Iterator<Item = &'a Question> + 'a {
    draw.questions().filter_map(|id| module.quiz.question(id))
}

/// Whether each question of the draw, in its order, is answered right in `answers` (what
/// `grade` finds, without building the whole grade).
pub fn right_answers<'a>(
    module: &'a Module,
    draw: &'a Draw,
    answers: &'a Answers,
) -> impl Iterator<Item = (&'a str, bool)> + 'a {
    drawn(module, draw).map(|q| {
        (
            q.id.as_str(),
            is_right(q, answers.get(q.id.as_str()).unwrap_or(&NOTHING)),
        )
    })
}

/// What a question nobody answered has chosen.
static NOTHING: BTreeSet<String> = BTreeSet::new();

/// Only what the attempt can hold: the drawn questions and each one's options. Anything else
/// in a posted form is dropped (so answers kept for later are never bigger than the quiz).
pub fn only_known(module: &Module, draw: &Draw, answers: &Answers) -> Answers {
    drawn(module, draw)
        .filter_map(|q| {
            let chosen: BTreeSet<String> = answers
                .get(q.id.as_str())?
                .iter()
                .filter(|c| q.options.iter().any(|o| o.as_str() == c.as_str()))
                .cloned()
                .collect();
            (!chosen.is_empty()).then(|| (q.id.as_str().to_owned(), chosen))
        })
        .collect()
}

/// Grades `answers` to the drawn questions against the module's answer key and pass mark.
pub fn grade(module: &Module, draw: &Draw, answers: &Answers) -> Grade {
    let questions: Vec<QuestionResult> = drawn(module, draw)
        .map(|q| {
            let chosen = answers.get(q.id.as_str()).unwrap_or(&NOTHING);
            QuestionResult {
                question: q.id.as_str().to_owned(),
                correct: is_right(q, chosen),
                chosen: chosen.clone(),
                right: q.answer.iter().map(|a| a.as_str().to_owned()).collect(),
            }
        })
        .collect();
    let total = questions.len();
    let correct = questions.iter().filter(|q| q.correct).count();
    // Shown rounded half up (4 of 6 is 67%); passing is decided on the exact numbers.
    let percent =
        crate::domain::share::rounded(correct as u64, total as u64, 100).unwrap_or(0) as u8;
    // Compared in whole numbers: correct / total >= pass_mark / 100.
    let passed = total > 0 && correct * 100 >= usize::from(module.pass_mark) * total;
    Grade {
        correct,
        total,
        percent,
        passed,
        questions,
    }
}

/// The questions an attempt got wrong, in the order shown.
pub fn wrong(grade: &Grade) -> Vec<&str> {
    grade
        .questions
        .iter()
        .filter(|q| !q.correct)
        .map(|q| q.question.as_str())
        .collect()
}

/// The best of several attempts' percentages (the best score counts).
pub fn best(percents: impl IntoIterator<Item = u8>) -> Option<u8> {
    percents.into_iter().max()
}

/// A module is completed when every lesson was seen and the quiz passed.
pub fn is_complete(module: &Module, seen_lessons: &BTreeSet<String>, passed: bool) -> bool {
    passed && lessons_left(module, seen_lessons).is_empty()
}

/// The module's lessons not read yet, in the module's order: what stands between a passed
/// quiz and a completed module.
pub fn lessons_left<'m>(module: &'m Module, seen_lessons: &BTreeSet<String>) -> Vec<&'m Lesson> {
    module
        .lessons
        .iter()
        .filter(|l| !seen_lessons.contains(l.id.as_str()))
        .collect()
}

/// The questions left without an answer, numbered from 1 as the quiz shows them.
pub fn unanswered(grade: &Grade) -> Vec<usize> {
    grade
        .questions
        .iter()
        .enumerate()
        .filter(|(_, q)| q.chosen.is_empty())
        .map(|(i, _)| i + 1)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_fields_become_answers_and_a_key() {
        let pairs: Vec<(String, String)> = [
            ("csrf", "x"),
            ("submission", "k"),
            ("q-one", "a"),
            ("q-many", "b"),
            ("q-many", "c"),
            ("submission", "second"),
            ("draw", "d"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let form = QuizForm::from_pairs(&pairs);
        assert_eq!(form.answers.len(), 2);
        assert_eq!(form.answers["many"], ["b", "c"].map(String::from).into());
        assert_eq!(form.submission, "k");
        assert_eq!(form.draw, "d");
        assert!(!submission_key_ok(&form.submission));
        assert!(submission_key_ok(&"a1".repeat(32)));
        assert!(!submission_key_ok(&"é".repeat(32)));
    }
    use crate::domain::content::{
        true_false_options, Lesson, LocalId, ModuleId, QuestionKind, Quiz,
    };
    use proptest::prelude::*;

    fn id(s: &str) -> LocalId {
        LocalId::parse(s).unwrap()
    }

    fn question(qid: &str, kind: QuestionKind, options: &[&str], answer: &[&str]) -> Question {
        Question {
            id: id(qid),
            kind,
            options: if kind == QuestionKind::TrueFalse {
                true_false_options()
            } else {
                options.iter().map(|o| id(o)).collect()
            },
            answer: answer.iter().map(|a| id(a)).collect(),
            objective: None,
        }
    }

    fn module(pass_mark: u8) -> Module {
        Module {
            id: ModuleId::parse("sample").unwrap(),
            version: 3,
            audiences: Vec::new(),
            minutes: 10,
            pass_mark,
            prerequisites: Vec::new(),
            tags: Vec::new(),
            lessons: vec![Lesson { id: id("one") }, Lesson { id: id("two") }],
            quiz: Quiz {
                questions: vec![
                    question(
                        "single",
                        QuestionKind::SingleChoice,
                        &["a", "b", "c"],
                        &["b"],
                    ),
                    question(
                        "many",
                        QuestionKind::MultipleChoice,
                        &["a", "b", "c", "d"],
                        &["a", "c"],
                    ),
                    question("truth", QuestionKind::TrueFalse, &[], &["false"]),
                    question(
                        "most",
                        QuestionKind::MultipleChoice,
                        &["a", "b", "c", "d"],
                        &["a", "b", "c"],
                    ),
                ],
                ..Quiz::default()
            },
        }
    }

    /// Grades against the whole bank, in its order.
    fn grade(m: &Module, answers: &Answers) -> Grade {
        super::grade(m, &Draw::whole(m), answers)
    }

    fn answers(pairs: &[(&str, &[&str])]) -> Answers {
        pairs
            .iter()
            .map(|(q, chosen)| {
                (
                    (*q).to_owned(),
                    chosen.iter().map(|c| (*c).to_owned()).collect(),
                )
            })
            .collect()
    }

    fn perfect(module: &Module) -> Answers {
        module
            .quiz
            .questions
            .iter()
            .map(|q| {
                (
                    q.id.as_str().to_owned(),
                    q.answer.iter().map(|a| a.as_str().to_owned()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_perfect_attempt_scores_full_marks() {
        let m = module(80);
        let g = grade(&m, &perfect(&m));
        assert_eq!((g.correct, g.total, g.percent, g.passed), (4, 4, 100, true));
    }

    #[test]
    fn ticking_everything_on_a_multiple_choice_question_gives_nothing() {
        let m = module(80);
        let g = grade(
            &m,
            &answers(&[
                ("many", &["a", "b", "c", "d"]),
                ("most", &["a", "b", "c", "d"]),
            ]),
        );
        assert!(!g.questions[1].correct && !g.questions[3].correct);
        assert_eq!(g.correct, 0);
    }

    #[test]
    fn partly_right_is_wrong_and_unknown_options_are_wrong() {
        let m = module(50);
        let g = grade(
            &m,
            &answers(&[
                ("single", &["b", "zz"]),
                ("many", &["a"]),
                ("truth", &["false"]),
                ("most", &["c", "b", "a"]),
            ]),
        );
        let right: Vec<bool> = g.questions.iter().map(|q| q.correct).collect();
        assert_eq!(right, [false, false, true, true]);
        assert_eq!(
            (g.percent, g.passed),
            (50, true),
            "50% meets a pass mark of 50"
        );
        let g = grade(
            &module(51),
            &answers(&[("truth", &["false"]), ("most", &["a", "b", "c"])]),
        );
        assert!(!g.passed, "2 of 4 is under 51%");
    }

    #[test]
    fn nothing_answered_is_zero_and_the_right_options_are_listed() {
        let g = grade(&module(80), &Answers::new());
        assert_eq!((g.correct, g.percent, g.passed), (0, 0, false));
        assert_eq!(g.questions[1].right, ["a", "c"].map(String::from).into());
        assert_eq!(unanswered(&g), [1, 2, 3, 4]);
        let some = grade(&module(80), &answers(&[("many", &["a"]), ("most", &["b"])]));
        assert_eq!(unanswered(&some), [1, 3], "numbered as the quiz shows them");
    }

    #[test]
    fn completion_needs_every_lesson_and_a_pass() {
        let m = module(80);
        let both: BTreeSet<String> = ["one", "two"].map(String::from).into();
        let one: BTreeSet<String> = ["one"].map(String::from).into();
        assert!(is_complete(&m, &both, true));
        assert!(!is_complete(&m, &one, true));
        assert!(!is_complete(&m, &both, false));
        let left: Vec<&str> = lessons_left(&m, &one)
            .iter()
            .map(|l| l.id.as_str())
            .collect();
        assert_eq!(left, ["two"]);
        assert!(lessons_left(&m, &both).is_empty());
        assert_eq!(best([40, 100, 75]), Some(100));
        assert_eq!(best([]), None);
    }

    /// The options of each question whose bit is set in its pick (question by question, in
    /// the quiz's order; questions without a pick are not answered).
    fn picked(m: &Module, picks: &[u8]) -> Answers {
        m.quiz
            .questions
            .iter()
            .zip(picks)
            .map(|(q, pick)| {
                let set = q
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| pick & (1 << j) != 0)
                    .map(|(_, o)| o.as_str().to_owned())
                    .collect();
                (q.id.as_str().to_owned(), set)
            })
            .collect()
    }

    proptest! {
        /// Reordering the options (and the answer key) changes no grade.
        #[test]
        fn permuting_options_changes_nothing(seed in any::<u64>(), picks in proptest::collection::vec(any::<u8>(), 4)) {
            let m = module(75);
            let mut shuffled = m.clone();
            for (i, q) in shuffled.quiz.questions.iter_mut().enumerate() {
                let n = q.options.len();
                let k = ((seed >> (i * 8)) as usize) % n.max(1);
                q.options.rotate_left(k);
                q.answer.reverse();
            }
            let chosen = picked(&m, &picks);
            prop_assert_eq!(grade(&m, &chosen), grade(&shuffled, &chosen));
        }

        /// `right_answers` says what `grade` says of each question, unknown options included.
        #[test]
        fn right_answers_agree_with_the_grade(picks in proptest::collection::vec(any::<u8>(), 0..=4)) {
            let m = module(75);
            let mut chosen = picked(&m, &picks);
            for (q, pick) in m.quiz.questions.iter().zip(&picks) {
                if pick & 0x80 != 0 {
                    chosen.entry(q.id.as_str().to_owned()).or_default().insert("not-an-option".to_owned());
                }
            }
            let graded: Vec<bool> = grade(&m, &chosen).questions.iter().map(|q| q.correct).collect();
            prop_assert_eq!(right_answers(&m, &Draw::whole(&m), &chosen).map(|(_, right)| right).collect::<Vec<_>>(), graded);
        }

        /// More right answers never lower the score; the perfect attempt always passes.
        #[test]
        fn the_perfect_attempt_passes_any_pass_mark(pass_mark in 1u8..=100) {
            let m = module(pass_mark);
            let g = grade(&m, &perfect(&m));
            prop_assert!(g.passed);
            prop_assert_eq!(g.percent, 100);
        }
    }

    #[test]
    fn only_the_drawn_questions_count_in_the_order_shown() {
        let m = module(50);
        let mut draw = Draw::whole(&m);
        draw.0.retain(|d| d.question != "single");
        draw.0.reverse();
        draw.0[0].options.reverse();
        let chosen = answers(&[
            ("single", &["b"]),
            ("most", &["a", "b", "c"]),
            ("truth", &["false"]),
        ]);
        let g = super::grade(&m, &draw, &chosen);
        let order: Vec<&str> = g.questions.iter().map(|q| q.question.as_str()).collect();
        assert_eq!(order, ["most", "truth", "many"]);
        assert_eq!(
            (g.correct, g.total, g.passed),
            (2, 3, true),
            "the undrawn question is not graded"
        );
        assert_eq!(wrong(&g), ["many"]);
        assert_eq!(
            only_known(&m, &draw, &chosen).len(),
            2,
            "an undrawn question's answer is dropped"
        );
    }

    #[test]
    fn only_known_questions_and_options_are_kept() {
        let module = module(80);
        let mut posted = Answers::new();
        posted.insert(
            "single".to_owned(),
            ["b".to_owned(), "zzz".to_owned()].into(),
        );
        posted.insert("nope".to_owned(), ["a".to_owned()].into());
        posted.insert("truth".to_owned(), ["x".repeat(10_000)].into());
        let kept = only_known(&module, &Draw::whole(&module), &posted);
        assert_eq!(kept.len(), 1, "{kept:?}");
        assert_eq!(kept["single"], ["b".to_owned()].into());
    }
}
