//! Fair items: a quiz measures what the learner knows, not how well they read the test. The
//! rules a program can hold a module's bank to, in each locale:
//!
//! - the right option is the longest in at most a third of the choice questions;
//! - no option is more than twice as long as the shortest of its question;
//! - between 30% and 70% of the true/false questions are true;
//! - a giveaway word ("luôn", "chắc chắn", a law's article, …) is not only in the right options;
//! - and the test-wise bot ([`bot_pass_rates`]): a learner who never read the lessons and picks
//!   the longest option, "true", the first option, the shortest option or at random passes at
//!   most 5% of attempts.
//!
//! A module written as a bank (it names objectives) must meet them: a miss is an error. A module
//! not rewritten yet gets warnings, so the checker shows what is left.

use super::problem::Problems;
use super::texts::{message_line, ModuleFtl};
use super::ModuleTexts;
use crate::domain::content::{Module, Question, QuestionKind};
use crate::domain::draw::{draw, Draw};
use crate::domain::grading::{grade, Answers};
use std::collections::BTreeSet;
use std::path::Path;

/// The most a test-wise strategy may pass, in percent of attempts.
pub const BOT_PASS_LIMIT: f64 = 5.0;
/// Attempts the bot makes per strategy and module.
pub const BOT_DRAWS: usize = 1_000;

/// Reports a problem as an error in a bank, as a warning in a module not rewritten as one.
fn report(module: &Module, problems: &mut Problems, path: &Path, line: usize, message: String) {
    if module.quiz.objectives.is_empty() {
        problems.warning(path, line, message);
    } else {
        problems.error(path, line, message);
    }
}

/// Words that give an answer away when only the right options have them (lowercase; `#` is any
/// number).
fn giveaways(locale: &str) -> &'static [&'static str] {
    match locale {
        "vi" => &[
            "đủ",
            "luôn",
            "chắc chắn",
            "ngay",
            "mọi",
            "tất cả",
            "điều #",
            "luật",
        ],
        _ => &[
            "always",
            "never",
            "all",
            "enough",
            "immediately",
            "article #",
            "law",
        ],
    }
}

/// The words of a text, lowercase (numbers become `#`).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| match w.chars().all(|c| c.is_ascii_digit()) {
            true => "#".to_owned(),
            false => w.to_lowercase(),
        })
        .collect()
}

fn has_phrase(words: &[String], phrase: &str) -> bool {
    let phrase: Vec<&str> = phrase.split(' ').collect();
    words
        .windows(phrase.len())
        .any(|w| w.iter().zip(&phrase).all(|(a, b)| a == b))
}

/// Checks one locale's texts of a module's choice and true/false questions.
pub fn check_items(
    module: &Module,
    locale: &str,
    (path, source): (&Path, &str),
    ftl: &ModuleFtl,
    problems: &mut Problems,
) {
    let line_of = |question: &Question| message_line(source, &format!("q-{}", question.id));
    let mut choice = 0;
    let mut longest_right: Vec<&str> = Vec::new();
    let mut first_longest = 0;
    for question in &module.quiz.questions {
        if question.kind == QuestionKind::TrueFalse {
            continue;
        }
        let Some(texts) = ftl.questions.get(question.id.as_str()) else {
            continue;
        };
        let options: Vec<(bool, &str)> = question
            .options
            .iter()
            .filter_map(|o| {
                let text = texts.options.get(o.as_str())?;
                Some((question.answer.contains(o), text.as_str()))
            })
            .collect();
        if options.len() != question.options.len() {
            continue; // a missing text is reported elsewhere
        }
        choice += 1;
        let length = |text: &str| text.chars().count();
        let right_max = options
            .iter()
            .filter(|(r, _)| *r)
            .map(|(_, t)| length(t))
            .max();
        let wrong_max = options
            .iter()
            .filter(|(r, _)| !*r)
            .map(|(_, t)| length(t))
            .max();
        if right_max > wrong_max {
            if longest_right.is_empty() {
                first_longest = line_of(question);
            }
            longest_right.push(question.id.as_str());
        }
        let line = line_of(question);
        let mut flag = |message: String| {
            let message = format!("{:?}: {message}", question.id.as_str());
            report(module, problems, path, line, message);
        };
        let shortest = options.iter().map(|(_, t)| length(t)).min().unwrap_or(0);
        let longest = options.iter().map(|(_, t)| length(t)).max().unwrap_or(0);
        if longest > 2 * shortest.max(1) {
            flag(format!(
                "an option is more than twice as long as the shortest ({longest} and {shortest} characters): write options of like length"
            ));
        }
        let (right_words, wrong_words): (Vec<_>, Vec<_>) =
            options.iter().partition(|(right, _)| *right);
        let right_words: Vec<Vec<String>> = right_words.iter().map(|(_, t)| words(t)).collect();
        let wrong_words: Vec<Vec<String>> = wrong_words.iter().map(|(_, t)| words(t)).collect();
        for giveaway in giveaways(locale) {
            if right_words.iter().any(|w| has_phrase(w, giveaway))
                && !wrong_words.iter().any(|w| has_phrase(w, giveaway))
            {
                flag(format!(
                    "{:?} is only in the right option(s): it gives the answer away",
                    giveaway.replace('#', "…")
                ));
            }
        }
    }
    if longest_right.len() * 3 > choice {
        report(
            module,
            problems,
            path,
            first_longest,
            format!(
                "the right option is the longest in {} of {choice} choice questions ({}); at most a third may be, or picking the longest passes",
                longest_right.len(),
                longest_right.join(", ")
            ),
        );
    }
}

/// Checks that a module's true/false answers are balanced (reported on `module.toml`).
pub fn check_true_false(module: &Module, path: &Path, problems: &mut Problems) {
    let answers: Vec<bool> = module
        .quiz
        .questions
        .iter()
        .filter(|q| q.kind == QuestionKind::TrueFalse)
        .map(|q| q.answer.iter().any(|a| a.as_str() == "true"))
        .collect();
    if answers.len() < 2 {
        return;
    }
    let true_count = answers.iter().filter(|t| **t).count();
    let share = 100 * true_count / answers.len();
    if !(30..=70).contains(&share) {
        report(
            module,
            problems,
            path,
            0,
            format!(
                "{true_count} of {} true/false questions are true ({share}%): between 30% and 70% must be, or always answering the same passes",
                answers.len()
            ),
        );
    }
}

/// A way to answer without knowing anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// The longest option (of a multiple choice: every option at least as long as the mean).
    Longest,
    /// "True" on every true/false question; at random elsewhere.
    AlwaysTrue,
    /// The first option shown.
    First,
    /// The shortest option (of a multiple choice: every option at most as long as the mean).
    Shortest,
    /// Uniformly at random (a multiple choice: each option with even odds, at least one).
    Random,
}

impl Strategy {
    pub const ALL: [Strategy; 5] = [
        Strategy::Longest,
        Strategy::AlwaysTrue,
        Strategy::First,
        Strategy::Shortest,
        Strategy::Random,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Strategy::Longest => "longest",
            Strategy::AlwaysTrue => "always true",
            Strategy::First => "first",
            Strategy::Shortest => "shortest",
            Strategy::Random => "random",
        }
    }
}

/// What `strategy` ticks on one drawn question (`options`: id and length, in the order shown).
fn pick(
    strategy: Strategy,
    kind: QuestionKind,
    options: &[(&str, usize)],
    rng: &mut fastrand::Rng,
) -> BTreeSet<String> {
    let one = |id: &str| BTreeSet::from([id.to_owned()]);
    if options.is_empty() {
        return BTreeSet::new();
    }
    let random_one = |rng: &mut fastrand::Rng| one(options[rng.usize(..options.len())].0);
    if kind == QuestionKind::TrueFalse {
        return match strategy {
            Strategy::AlwaysTrue | Strategy::First => one("true"),
            _ => random_one(rng),
        };
    }
    let mean = options.iter().map(|(_, l)| l).sum::<usize>() as f64 / options.len() as f64;
    let by_length = |longest: bool| {
        let best = options
            .iter()
            .reduce(
                |a, b| match (longest && b.1 > a.1) || (!longest && b.1 < a.1) {
                    true => b,
                    false => a,
                },
            )
            .map_or("", |(id, _)| id);
        best.to_owned()
    };
    match (strategy, kind) {
        (Strategy::Longest, QuestionKind::MultipleChoice) => options
            .iter()
            .filter(|(_, l)| *l as f64 >= mean)
            .map(|(id, _)| (*id).to_owned())
            .collect(),
        (Strategy::Shortest, QuestionKind::MultipleChoice) => options
            .iter()
            .filter(|(_, l)| *l as f64 <= mean)
            .map(|(id, _)| (*id).to_owned())
            .collect(),
        (Strategy::Longest, _) => one(&by_length(true)),
        (Strategy::Shortest, _) => one(&by_length(false)),
        (Strategy::First, _) => one(options[0].0),
        (Strategy::Random | Strategy::AlwaysTrue, QuestionKind::MultipleChoice) => loop {
            let ticked: BTreeSet<String> = options
                .iter()
                .filter(|_| rng.bool())
                .map(|(id, _)| (*id).to_owned())
                .collect();
            if !ticked.is_empty() {
                break ticked;
            }
        },
        (Strategy::Random | Strategy::AlwaysTrue, _) => random_one(rng),
    }
}

/// How often each strategy passes the module's quiz in `texts`' language, in percent of
/// `attempts` fresh draws (the same draws the server makes; `seed` makes the figures repeatable).
pub fn bot_pass_rates(
    module: &Module,
    texts: &ModuleTexts,
    attempts: usize,
    seed: u64,
) -> Vec<(Strategy, f64)> {
    let mut rng = fastrand::Rng::with_seed(seed);
    Strategy::ALL
        .iter()
        .map(|&strategy| {
            let passed = (0..attempts)
                .filter(|_| {
                    let asked: Draw = draw(module, &Draw::default(), &mut |n| rng.usize(..n));
                    let answers: Answers = asked
                        .0
                        .iter()
                        .filter_map(|drawn| {
                            let q = module.quiz.question(&drawn.question)?;
                            let text = texts.questions.get(&q.id)?;
                            let options: Vec<(&str, usize)> = drawn
                                .options
                                .iter()
                                .map(|o| {
                                    let length = text
                                        .options
                                        .iter()
                                        .find(|(id, _)| id.as_str() == o)
                                        .map_or(0, |(_, t)| t.chars().count());
                                    (o.as_str(), length)
                                })
                                .collect();
                            Some((
                                drawn.question.clone(),
                                pick(strategy, q.kind, &options, &mut rng),
                            ))
                        })
                        .collect();
                    grade(module, &asked, &answers).passed
                })
                .count();
            (strategy, 100.0 * passed as f64 / attempts.max(1) as f64)
        })
        .collect()
}

/// One module's bot figures in one language.
#[derive(Clone, Debug, PartialEq)]
pub struct BotRow {
    pub module: String,
    pub lang: crate::i18n::Lang,
    /// Written as a bank (names objectives): a rate over the limit is an error, not a warning.
    pub bank: bool,
    pub rates: Vec<(Strategy, f64)>,
}

impl BotRow {
    /// The strategies that pass more than the limit.
    pub fn over_limit(&self) -> Vec<(Strategy, f64)> {
        self.rates
            .iter()
            .copied()
            .filter(|(_, rate)| *rate > BOT_PASS_LIMIT)
            .collect()
    }
}

/// The test-wise bot on every module of the catalogue, in every language ([`BOT_DRAWS`]
/// attempts per strategy; seeded from the module's id, so a module's figures are repeatable
/// and do not move when other modules come or go).
pub fn bot_report(catalog: &super::Catalog) -> Vec<BotRow> {
    let mut rows = Vec::new();
    for m in catalog.modules() {
        // FNV-1a of the id.
        let seed = m
            .module
            .id
            .as_str()
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
            });
        for lang in crate::i18n::Lang::ALL {
            rows.push(BotRow {
                module: m.module.id.to_string(),
                lang,
                bank: !m.module.quiz.objectives.is_empty(),
                rates: bot_pass_rates(&m.module, m.texts(lang), BOT_DRAWS, seed),
            });
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases_are_matched_whole() {
        let w = words("Báo ngay cho 111, theo Điều 4 Luật Trẻ em");
        assert!(has_phrase(&w, "ngay"));
        assert!(has_phrase(&w, "điều #"));
        assert!(has_phrase(&w, "luật"));
        assert!(!has_phrase(&words("Ngày mai"), "ngay"), "ngày is not ngay");
        assert!(!has_phrase(&words("tallest"), "all"));
        assert!(has_phrase(&words("Article 4 says"), "article #"));
    }
}
