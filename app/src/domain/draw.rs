//! What one attempt asks: questions drawn from the module's bank, each with its options in an
//! order of its own. The server draws, stores the draw with the attempt and grades against it,
//! so a result, a regrade and the class's question insight read what that learner saw.
//!
//! A draw covers every objective of the module, and a retry prefers the questions the previous
//! attempt did not ask. After every second failed attempt in a row, the learner goes back to
//! the lessons of the objectives they missed before trying again.

use super::content::{LocalId, Module, QuestionKind};
use super::grading::Answers;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// One question as an attempt shows it: its id and its option ids in the order shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drawn {
    pub question: String,
    pub options: Vec<String>,
}

/// An attempt's questions, in the order shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Draw(pub Vec<Drawn>);

impl Draw {
    pub fn questions(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|d| d.question.as_str())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every question of the bank in its written order, options as written.
    pub fn whole(module: &Module) -> Draw {
        Draw(
            module
                .quiz
                .questions
                .iter()
                .map(|q| Drawn {
                    question: q.id.as_str().to_owned(),
                    options: q.options.iter().map(|o| o.as_str().to_owned()).collect(),
                })
                .collect(),
        )
    }

    /// An attempt stored before draws were kept: the questions it answered, in the bank's
    /// order (which questions it left blank is not known any more).
    pub fn answered(module: &Module, answers: &Answers) -> Draw {
        let mut whole = Draw::whole(module);
        whole.0.retain(|d| answers.contains_key(&d.question));
        whole
    }

    /// Whether this draw can be asked and graded against `module` as it is now: as many
    /// questions as an attempt asks, each in the bank, once, with exactly its options, and
    /// every objective asked.
    pub fn fits(&self, module: &Module) -> bool {
        let quiz = &module.quiz;
        let mut seen = BTreeSet::new();
        self.len() == quiz.attempt_size().max(quiz.objectives.len())
            && quiz.objectives.iter().all(|o| {
                self.questions().any(|q| {
                    quiz.question(q)
                        .is_some_and(|q| q.objective.as_ref() == Some(&o.id))
                })
            })
            && self.0.iter().all(|d| {
                seen.insert(d.question.as_str())
                    && module.quiz.question(&d.question).is_some_and(|q| {
                        q.options.len() == d.options.len()
                            && q.options
                                .iter()
                                .all(|o| d.options.iter().any(|s| s == o.as_str()))
                    })
            })
    }
}

/// Shuffles `items` in place (Fisher–Yates); `below(n)` is a uniform random number in `0..n`.
pub fn shuffle<T>(items: &mut [T], below: &mut dyn FnMut(usize) -> usize) {
    for i in (1..items.len()).rev() {
        items.swap(i, below(i + 1));
    }
}

/// Draws one attempt's questions from the module's bank: one of each objective first, then the
/// rest, preferring questions `previous` did not ask; question order and the options of choice
/// questions shuffled (true/false keep "true, false").
pub fn draw(module: &Module, previous: &Draw, below: &mut dyn FnMut(usize) -> usize) -> Draw {
    let quiz = &module.quiz;
    let asked: BTreeSet<&str> = previous.questions().collect();
    let mut candidates: Vec<usize> = (0..quiz.questions.len()).collect();
    shuffle(&mut candidates, below);
    // Fresh questions first; the shuffle decides between equals.
    candidates.sort_by_key(|&i| asked.contains(quiz.questions[i].id.as_str()));
    let size = quiz.attempt_size();
    let mut chosen: Vec<usize> = Vec::with_capacity(size);
    for objective in &quiz.objectives {
        if let Some(&i) = candidates.iter().find(|&&i| {
            !chosen.contains(&i) && quiz.questions[i].objective.as_ref() == Some(&objective.id)
        }) {
            chosen.push(i);
        }
    }
    for &i in &candidates {
        if chosen.len() >= size {
            break;
        }
        if !chosen.contains(&i) {
            chosen.push(i);
        }
    }
    chosen.truncate(size.max(quiz.objectives.len()));
    shuffle(&mut chosen, below);
    Draw(
        chosen
            .into_iter()
            .map(|i| {
                let q = &quiz.questions[i];
                let mut options: Vec<String> =
                    q.options.iter().map(|o| o.as_str().to_owned()).collect();
                if q.kind != QuestionKind::TrueFalse {
                    shuffle(&mut options, below);
                }
                Drawn {
                    question: q.id.as_str().to_owned(),
                    options,
                }
            })
            .collect(),
    )
}

/// Whether an attempt that ends a run of `failures_in_a_row` failed attempts sends the learner
/// back to the lessons: every second failure in a row does.
pub fn sends_back(failures_in_a_row: usize) -> bool {
    failures_in_a_row >= 2 && failures_in_a_row % 2 == 0
}

/// The lessons to read again after a failed attempt: those of the objectives whose questions
/// it got wrong, in the module's order (every lesson in a module without objectives).
/// `wrong` lists the attempt's questions answered wrong.
pub fn lessons_to_reread<'m>(module: &'m Module, wrong: &[&str]) -> Vec<&'m LocalId> {
    let quiz = &module.quiz;
    if quiz.objectives.is_empty() {
        return module.lessons.iter().map(|l| &l.id).collect();
    }
    let missed = missed_objectives(module, wrong);
    module
        .lessons
        .iter()
        .map(|l| &l.id)
        .filter(|lesson| {
            quiz.objectives
                .iter()
                .any(|o| missed.contains(&&o.id) && o.lessons.contains(lesson))
        })
        .collect()
}

/// The objectives of the questions in `wrong`, in the module's order.
pub fn missed_objectives<'m>(module: &'m Module, wrong: &[&str]) -> Vec<&'m LocalId> {
    module
        .quiz
        .objectives
        .iter()
        .map(|o| &o.id)
        .filter(|id| {
            wrong.iter().any(|q| {
                module
                    .quiz
                    .question(q)
                    .is_some_and(|q| q.objective.as_ref() == Some(*id))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::{true_false_options, Objective, Question, QuestionKind, Quiz};
    use proptest::prelude::*;

    fn id(s: &str) -> LocalId {
        LocalId::parse(s).unwrap()
    }

    /// A bank of 12: objectives `a` (lesson `one`), `b` (`two`), `c` (`one`, `three`), four
    /// questions each, alternating single choice and true/false; 5 per attempt.
    fn bank() -> Module {
        let objectives = [
            ("a", &["one"][..]),
            ("b", &["two"]),
            ("c", &["one", "three"]),
        ];
        let questions = (0..12)
            .map(|i| {
                let single = i % 2 == 0;
                Question {
                    id: id(&format!("q{i}")),
                    kind: if single {
                        QuestionKind::SingleChoice
                    } else {
                        QuestionKind::TrueFalse
                    },
                    options: if single {
                        vec![id("x"), id("y"), id("z")]
                    } else {
                        true_false_options()
                    },
                    answer: vec![if single { id("y") } else { id("false") }],
                    objective: Some(id(objectives[i % 3].0)),
                }
            })
            .collect();
        Module::for_tests(
            "bank",
            &["one", "two", "three"],
            Quiz {
                questions,
                objectives: objectives
                    .iter()
                    .map(|(o, lessons)| Objective {
                        id: id(o),
                        lessons: lessons.iter().map(|l| id(l)).collect(),
                    })
                    .collect(),
                per_attempt: Some(5),
            },
        )
    }

    fn dice(seed: u64) -> impl FnMut(usize) -> usize {
        let mut rng = fastrand::Rng::with_seed(seed);
        move |n| rng.usize(..n)
    }

    proptest! {
        /// Every draw has the attempt's size, no question twice, every objective, and options
        /// that are the question's own.
        #[test]
        fn a_draw_covers_every_objective(seed in any::<u64>()) {
            let m = bank();
            let d = draw(&m, &Draw::default(), &mut dice(seed));
            prop_assert_eq!(d.len(), 5);
            prop_assert!(d.fits(&m));
            for objective in &m.quiz.objectives {
                prop_assert!(d.questions().any(|q| m.quiz.question(q).unwrap().objective.as_ref() == Some(&objective.id)));
            }
            for drawn in &d.0 {
                if m.quiz.question(&drawn.question).unwrap().kind == QuestionKind::TrueFalse {
                    prop_assert_eq!(&drawn.options, &["true", "false"]);
                }
            }
        }

        /// A retry asks none of the previous attempt's questions when the bank has enough others.
        #[test]
        fn a_retry_asks_other_questions(seed in any::<u64>()) {
            let m = bank();
            let first = draw(&m, &Draw::default(), &mut dice(seed));
            let second = draw(&m, &first, &mut dice(seed.wrapping_add(1)));
            let asked: BTreeSet<&str> = first.questions().collect();
            prop_assert!(second.questions().all(|q| !asked.contains(q)), "{first:?} then {second:?}");
        }
    }

    #[test]
    fn draws_differ_in_questions_and_order() {
        let m = bank();
        let draws: BTreeSet<Vec<String>> = (0..50)
            .map(|seed| {
                draw(&m, &Draw::default(), &mut dice(seed))
                    .0
                    .into_iter()
                    .flat_map(|d| std::iter::once(d.question).chain(d.options))
                    .collect()
            })
            .collect();
        assert!(
            draws.len() > 40,
            "only {} different draws of 50",
            draws.len()
        );
    }

    #[test]
    fn a_bank_without_a_size_is_asked_whole_and_a_stale_draw_does_not_fit() {
        let mut m = bank();
        m.quiz.per_attempt = None;
        m.quiz.objectives.clear();
        let d = draw(&m, &Draw::default(), &mut dice(7));
        assert_eq!(d.len(), 12);
        assert!(d.fits(&m));
        let mut stale = d.clone();
        stale.0[0].options.push("extra".to_owned());
        assert!(!stale.fits(&m));
        let mut twice = d.clone();
        twice.0[1] = twice.0[0].clone();
        assert!(!twice.fits(&m));
        let mut gone = d;
        gone.0[0].question = "removed".to_owned();
        assert!(!gone.fits(&m));
    }

    #[test]
    fn every_second_failure_in_a_row_sends_back_to_the_missed_objectives_lessons() {
        assert_eq!(
            (0..7).map(sends_back).collect::<Vec<_>>(),
            [false, false, true, false, true, false, true]
        );
        let m = bank();
        // q1 tests b (lesson two), q5 tests c (lessons one and three).
        let lessons: Vec<&str> = lessons_to_reread(&m, &["q1"])
            .iter()
            .map(|l| l.as_str())
            .collect();
        assert_eq!(lessons, ["two"]);
        let lessons: Vec<&str> = lessons_to_reread(&m, &["q5", "q1"])
            .iter()
            .map(|l| l.as_str())
            .collect();
        assert_eq!(lessons, ["one", "two", "three"]);
        let missed: Vec<&str> = missed_objectives(&m, &["q5", "q2", "q8"])
            .iter()
            .map(|o| o.as_str())
            .collect();
        assert_eq!(missed, ["c"]);
        let mut plain = m.clone();
        plain.quiz.objectives.clear();
        assert_eq!(lessons_to_reread(&plain, &["q1"]).len(), 3);
    }

    #[test]
    fn an_old_attempt_is_read_as_the_questions_it_answered() {
        let m = bank();
        let answers: Answers = [("q3", "true"), ("q0", "y")]
            .iter()
            .map(|(q, o)| ((*q).to_owned(), [(*o).to_owned()].into()))
            .collect();
        let d = Draw::answered(&m, &answers);
        assert_eq!(d.questions().collect::<Vec<_>>(), ["q0", "q3"]);
    }
}
