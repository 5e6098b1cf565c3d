//! `<locale>/module.ftl`: a module's short texts in one locale (Fluent).
//!
//! ```ftl
//! title = …
//! summary = …
//! q-<question id> = the prompt
//!     .<option id> = an option's text (not for true-false questions)
//!     .explanation = shown after answering
//! objective-<objective id> = what the learner should know or do (named when a learner is
//!     sent back to its lessons)
//! ```

use super::problem::{line_of, Problems};
use crate::domain::content::{Module, QuestionKind};
use fluent_bundle::{FluentBundle, FluentResource};
use fluent_syntax::ast;
use std::collections::HashMap;
use std::path::Path;

/// A question's texts in one locale.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuestionTexts {
    pub prompt: Option<String>,
    pub options: HashMap<String, String>,
    pub explanation: Option<String>,
}

/// What one `module.ftl` supplies (anything may be missing).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModuleFtl {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub questions: HashMap<String, QuestionTexts>,
    pub objectives: HashMap<String, String>,
}

/// The line where message `id` is defined, found in the source text.
pub(super) fn message_line(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| {
            l.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
        .unwrap_or(0)
}

/// Parses the file and checks its messages against the module's structure. Texts that are
/// missing are not reported here (the caller knows whether the locale is the default).
pub fn parse(path: &Path, text: &str, module: &Module, problems: &mut Problems) -> ModuleFtl {
    let resource = match FluentResource::try_new(text.to_owned()) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                let line = line_of(text, error.pos.start);
                let source = text.lines().nth(line - 1).unwrap_or("").trim();
                problems.error(
                    path,
                    line,
                    format!("Fluent syntax error ({}) in {source:?}", error.kind),
                );
            }
            resource
        }
    };
    let mut bundle = FluentBundle::new(vec![]);
    bundle.set_use_isolating(false);
    let format = |bundle: &FluentBundle<&FluentResource>, pattern: &ast::Pattern<&str>| {
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, None, &mut errors)
            .trim()
            .to_owned()
    };
    if let Err(errors) = bundle.add_resource(&resource) {
        for error in errors {
            if let fluent_bundle::FluentError::Overriding { id, .. } = error {
                problems.error(
                    path,
                    message_line(text, &id),
                    format!("message {id:?} is defined twice"),
                );
            }
        }
    }

    let mut out = ModuleFtl::default();
    for entry in resource.entries() {
        let ast::Entry::Message(message) = entry else {
            continue;
        };
        let id = message.id.name;
        let line = message_line(text, id);
        let value = message
            .value
            .as_ref()
            .map(|p| format(&bundle, p))
            .filter(|v| !v.is_empty());
        match id {
            "title" => out.title = value,
            "summary" => out.summary = value,
            _ if id.starts_with("objective-") => {
                let oid = &id["objective-".len()..];
                if !module.quiz.objectives.iter().any(|o| o.id.as_str() == oid) {
                    problems.error(
                        path,
                        line,
                        format!("unknown message {id:?}: module.toml has no objective {oid:?}"),
                    );
                } else if let Some(value) = value {
                    out.objectives.insert(oid.to_owned(), value);
                }
            }
            _ => {
                let question = id
                    .strip_prefix("q-")
                    .and_then(|qid| module.quiz.questions.iter().find(|q| q.id.as_str() == qid));
                let Some(question) = question else {
                    problems.error(
                        path,
                        line,
                        format!("unknown message {id:?}: expected title, summary, q-<question id> or objective-<objective id> from module.toml"),
                    );
                    continue;
                };
                let mut texts = QuestionTexts {
                    prompt: value,
                    ..Default::default()
                };
                for attribute in &message.attributes {
                    let name = attribute.id.name;
                    let value = format(&bundle, &attribute.value);
                    if name == "explanation" {
                        texts.explanation = Some(value).filter(|v| !v.is_empty());
                    } else if question.kind != QuestionKind::TrueFalse
                        && question.options.iter().any(|o| o.as_str() == name)
                    {
                        texts.options.insert(name.to_owned(), value);
                    } else {
                        problems.error(
                            path,
                            line,
                            format!(
                                "{id}: unknown attribute .{name} (the question's options are {})",
                                {
                                    let names: Vec<_> =
                                        question.options.iter().map(|o| o.as_str()).collect();
                                    if question.kind == QuestionKind::TrueFalse {
                                        "not translated".to_owned()
                                    } else {
                                        names.join(", ")
                                    }
                                }
                            ),
                        );
                    }
                }
                out.questions.insert(question.id.as_str().to_owned(), texts);
            }
        }
    }
    out
}

/// Every text of the module that `ftl` lacks, as messages for the checker.
pub fn gaps(module: &Module, ftl: &ModuleFtl) -> Vec<String> {
    let mut gaps = Vec::new();
    if ftl.title.is_none() {
        gaps.push("title".to_owned());
    }
    if ftl.summary.is_none() {
        gaps.push("summary".to_owned());
    }
    for objective in &module.quiz.objectives {
        if !ftl.objectives.contains_key(objective.id.as_str()) {
            gaps.push(format!("objective-{}", objective.id));
        }
    }
    for question in &module.quiz.questions {
        let id = question.id.as_str();
        let texts = ftl.questions.get(id);
        if texts.and_then(|t| t.prompt.as_ref()).is_none() {
            gaps.push(format!("q-{id}"));
        }
        if question.kind != QuestionKind::TrueFalse {
            for option in &question.options {
                if texts.is_none_or(|t| !t.options.contains_key(option.as_str())) {
                    gaps.push(format!("q-{id}.{option}"));
                }
            }
        }
        if texts.and_then(|t| t.explanation.as_ref()).is_none() {
            gaps.push(format!("q-{id}.explanation"));
        }
    }
    gaps
}
