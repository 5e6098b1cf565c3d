//! Item analysis, for the people who write the content: how each question of a bank works with
//! real learners. From each learner's first attempt of a module: how many were asked the
//! question, the share who got it right, how much better those who passed did on it than those
//! who failed (discrimination), and the share who picked each option. Questions that almost
//! everyone gets right, that passers miss more often than failers, and options nobody picks
//! are flagged. A question asked of fewer than five children shows no figures.

use super::content::Module;
use super::draw::Draw;
use super::grading::{is_right, Answers};
use serde::Serialize;
use std::collections::BTreeMap;

/// One learner's first attempt of the module.
#[derive(Clone, Debug)]
pub struct FirstAttempt {
    pub draw: Draw,
    pub answers: Answers,
    pub passed: bool,
    /// A student: their counts are suppressed under [`CHILD_MINIMUM`].
    pub child: bool,
}

/// The fewest children a figure may describe.
pub const CHILD_MINIMUM: usize = 5;
/// The fewest learners a flag is raised on.
pub const FLAG_MINIMUM: usize = 20;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Flag {
    /// 95% or more got it right: it may test nothing the module teaches.
    AlmostAllRight,
    /// Learners who passed got it wrong more often than those who failed: the key or the
    /// wording may be wrong.
    PassersMissIt,
    /// A wrong option nobody picked: it distracts nobody.
    UnpickedOption,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemFigures {
    /// Share right, in percent.
    pub right: f64,
    /// Share right among those who passed minus among those who failed, in percentage points
    /// (`None` when either group is empty).
    pub discrimination: Option<f64>,
    /// Each option in the bank's order with the share who picked it, in percent.
    pub options: Vec<(String, f64)>,
    pub flags: Vec<Flag>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ItemRow {
    pub question: String,
    /// How many learners were asked it.
    pub asked: usize,
    /// `None`: suppressed (fewer than five children asked).
    pub figures: Option<ItemFigures>,
}

fn percent(part: usize, whole: usize) -> f64 {
    match whole {
        0 => 0.0,
        _ => 100.0 * part as f64 / whole as f64,
    }
}

/// Every question of the bank, in its order, with its figures from `attempts`.
pub fn item_analysis(module: &Module, attempts: &[FirstAttempt]) -> Vec<ItemRow> {
    module
        .quiz
        .questions
        .iter()
        .map(|q| {
            let id = q.id.as_str();
            let asked: Vec<&FirstAttempt> = attempts
                .iter()
                .filter(|a| a.draw.questions().any(|d| d == id))
                .collect();
            let children = asked.iter().filter(|a| a.child).count();
            if asked.is_empty() || (children > 0 && asked.len() < CHILD_MINIMUM) {
                return ItemRow {
                    question: id.to_owned(),
                    asked: asked.len(),
                    figures: None,
                };
            }
            let is_right = |a: &FirstAttempt| a.answers.get(id).is_some_and(|c| is_right(q, c));
            let right = asked.iter().filter(|a| is_right(a)).count();
            let group = |passed: bool| {
                let members: Vec<_> = asked.iter().filter(|a| a.passed == passed).collect();
                let right = members.iter().filter(|a| is_right(a)).count();
                (!members.is_empty()).then(|| percent(right, members.len()))
            };
            let discrimination = group(true).zip(group(false)).map(|(p, f)| p - f);
            let mut picks: BTreeMap<&str, usize> = BTreeMap::new();
            for a in &asked {
                for option in a.answers.get(id).into_iter().flatten() {
                    *picks.entry(option.as_str()).or_default() += 1;
                }
            }
            let options: Vec<(String, f64)> = q
                .options
                .iter()
                .map(|o| {
                    let n = picks.get(o.as_str()).copied().unwrap_or(0);
                    (o.as_str().to_owned(), percent(n, asked.len()))
                })
                .collect();
            let mut flags = Vec::new();
            if asked.len() >= FLAG_MINIMUM {
                if percent(right, asked.len()) >= 95.0 {
                    flags.push(Flag::AlmostAllRight);
                }
                if discrimination.is_some_and(|d| d < 0.0) {
                    flags.push(Flag::PassersMissIt);
                }
                if q.options.iter().any(|o| {
                    !q.answer.contains(o) && picks.get(o.as_str()).copied().unwrap_or(0) == 0
                }) {
                    flags.push(Flag::UnpickedOption);
                }
            }
            ItemRow {
                question: id.to_owned(),
                asked: asked.len(),
                figures: Some(ItemFigures {
                    right: percent(right, asked.len()),
                    discrimination,
                    options,
                    flags,
                }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::content::{LocalId, Question, QuestionKind, Quiz};
    use crate::domain::draw::Drawn;

    fn id(s: &str) -> LocalId {
        LocalId::parse(s).unwrap()
    }

    fn module() -> Module {
        let single = |qid: &str| Question {
            id: id(qid),
            kind: QuestionKind::SingleChoice,
            options: vec![id("a"), id("b"), id("c")],
            answer: vec![id("b")],
            objective: None,
        };
        Module::for_tests(
            "items",
            &[],
            Quiz {
                questions: vec![single("easy"), single("odd"), single("unasked")],
                ..Quiz::default()
            },
        )
    }

    fn attempt(picks: &[(&str, &str)], passed: bool, child: bool) -> FirstAttempt {
        FirstAttempt {
            draw: Draw(
                picks
                    .iter()
                    .map(|(q, _)| Drawn {
                        question: (*q).to_owned(),
                        options: vec!["a".into(), "b".into(), "c".into()],
                    })
                    .collect(),
            ),
            answers: picks
                .iter()
                .map(|(q, o)| ((*q).to_owned(), [(*o).to_owned()].into()))
                .collect(),
            passed,
            child,
        }
    }

    /// 20 adults: all right on `easy`; on `odd`, the 10 who passed picked `a` (wrong), the 10
    /// who failed picked `b` (right). Worked out by hand: easy 100% right, discrimination 0,
    /// options a 0%, b 100%, c 0%; odd 50% right, discrimination 0 − 100 = −100.
    #[test]
    fn figures_and_flags_by_hand() {
        let mut attempts = Vec::new();
        for n in 0..20 {
            let passed = n < 10;
            let odd = if passed { "a" } else { "b" };
            attempts.push(attempt(&[("easy", "b"), ("odd", odd)], passed, false));
        }
        let rows = item_analysis(&module(), &attempts);
        let easy = rows[0].figures.as_ref().unwrap();
        assert_eq!(rows[0].asked, 20);
        assert_eq!(easy.right, 100.0);
        assert_eq!(easy.discrimination, Some(0.0));
        assert_eq!(
            easy.options,
            [("a".into(), 0.0), ("b".into(), 100.0), ("c".into(), 0.0)]
        );
        assert_eq!(easy.flags, [Flag::AlmostAllRight, Flag::UnpickedOption]);
        let odd = rows[1].figures.as_ref().unwrap();
        assert_eq!(odd.right, 50.0);
        assert_eq!(odd.discrimination, Some(-100.0));
        assert_eq!(odd.flags, [Flag::PassersMissIt, Flag::UnpickedOption]);
        assert_eq!(rows[2].asked, 0);
        assert!(rows[2].figures.is_none());
    }

    #[test]
    fn a_question_asked_of_fewer_than_five_children_shows_nothing() {
        let four: Vec<FirstAttempt> = (0..4)
            .map(|_| attempt(&[("easy", "b")], true, true))
            .collect();
        let rows = item_analysis(&module(), &four);
        assert_eq!(rows[0].asked, 4);
        assert!(rows[0].figures.is_none());
        let mut five = four.clone();
        five.push(attempt(&[("easy", "a")], false, true));
        let rows = item_analysis(&module(), &five);
        let easy = rows[0].figures.as_ref().unwrap();
        assert_eq!(easy.right, 80.0);
        assert_eq!(easy.discrimination, Some(100.0));
        assert!(easy.flags.is_empty(), "too few for flags");
        // Four adults are shown: only children's small groups are hidden.
        let adults: Vec<FirstAttempt> = (0..4)
            .map(|_| attempt(&[("easy", "b")], true, false))
            .collect();
        assert!(item_analysis(&module(), &adults)[0].figures.is_some());
    }
}
