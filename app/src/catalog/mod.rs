//! The content catalogue: reads `content/`, checks it (file:line problems) and holds it in
//! memory, rendered, for every locale. See `content/README.md` for the format.

mod fairness;
mod manifest;
mod markdown;
mod problem;
mod safety;
mod targets;
mod texts;

pub use fairness::{bot_pass_rates, bot_report, BotRow, Strategy, BOT_DRAWS, BOT_PASS_LIMIT};
pub use problem::{Problem, Severity};

use crate::domain::content::{
    prerequisite_cycle, Audience, LocalId, Module, ModuleId, QuestionKind,
};
use crate::domain::target::{Plan, Target};
use crate::i18n::{translate, Lang};
use problem::Problems;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A question's texts in one locale, options in the module's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionText {
    pub prompt: String,
    pub options: Vec<(LocalId, String)>,
    pub explanation: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonText {
    pub title: String,
    /// Sanitized HTML: raw HTML from the Markdown is escaped.
    pub html: String,
    /// Shown in the default language because this locale lacks it.
    pub fallback: bool,
}

/// Everything a module says in one locale.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModuleTexts {
    pub title: String,
    pub summary: String,
    pub lessons: Vec<LessonText>,
    pub questions: HashMap<LocalId, QuestionText>,
    /// Each objective's name (by objective id).
    pub objectives: HashMap<LocalId, String>,
    /// Some short text (title, summary, a question) is shown in the default language.
    pub fallback: bool,
}

#[derive(Clone, Debug)]
pub struct CatalogModule {
    pub module: Module,
    texts: HashMap<Lang, ModuleTexts>,
}

impl CatalogModule {
    /// The module's texts in `lang` (complete: gaps are filled from the default language).
    pub fn texts(&self, lang: Lang) -> &ModuleTexts {
        self.texts
            .get(&lang)
            .or_else(|| self.texts.get(&Lang::default()))
            .expect("default texts exist for every loaded module")
    }
}

/// The loaded catalogue, in display order (by audience, then id).
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    modules: Vec<CatalogModule>,
    targets: Vec<Target>,
    plan: Plan,
}

impl Catalog {
    pub fn modules(&self) -> &[CatalogModule] {
        &self.modules
    }

    pub fn module(&self, id: &str) -> Option<&CatalogModule> {
        self.modules.iter().find(|m| m.module.id.as_str() == id)
    }

    /// A module's title in `lang`; its id when the catalogue no longer has it (progress and
    /// assignments outlive a module taken out of the content).
    pub fn title(&self, id: &str, lang: Lang) -> String {
        self.module(id)
            .map_or_else(|| id.to_owned(), |m| m.texts(lang).title.clone())
    }

    /// The plan's targets (`targets.toml`), checked against the modules.
    /// The plan the targets belong to (its start and band rule).
    pub fn plan(&self) -> Plan {
        self.plan
    }

    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    pub fn for_audience(&self, audience: Audience) -> impl Iterator<Item = &CatalogModule> {
        self.modules
            .iter()
            .filter(move |m| m.module.is_for(audience))
    }
}

/// The result of reading a content folder: the modules that loaded, and every problem.
#[derive(Debug, Default)]
pub struct Loaded {
    pub catalog: Catalog,
    pub problems: Vec<Problem>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Reads, checks and renders the content folder `dir` (with `modules/` inside).
pub fn load(dir: &Path) -> Loaded {
    let mut problems = Problems::default();
    let modules_dir = dir.join("modules");
    let mut folders: Vec<PathBuf> = match std::fs::read_dir(&modules_dir) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect(),
        Err(error) => {
            problems.error(
                &modules_dir,
                0,
                format!("cannot read the modules folder: {error}"),
            );
            Vec::new()
        }
    };
    folders.sort();

    let mut loaded: Vec<(CatalogModule, PathBuf, String)> = Vec::new();
    for folder in folders {
        if let Some(entry) = load_module(&folder, &mut problems) {
            loaded.push(entry);
        }
    }

    // Prerequisites: known, and without cycles.
    let ids: Vec<ModuleId> = loaded.iter().map(|(m, _, _)| m.module.id.clone()).collect();
    for (m, manifest, text) in &loaded {
        for prerequisite in &m.module.prerequisites {
            if !ids.contains(prerequisite) {
                problems.error(
                    manifest,
                    line_containing(text, &format!("\"{prerequisite}\"")),
                    format!("unknown prerequisite module {:?}", prerequisite.as_str()),
                );
            }
        }
    }
    let structures: Vec<Module> = loaded.iter().map(|(m, _, _)| m.module.clone()).collect();
    if let Some(cycle) = prerequisite_cycle(&structures) {
        if let Some((_, manifest, text)) = loaded.iter().find(|(m, _, _)| m.module.id == cycle[0]) {
            let chain: Vec<&str> = cycle.iter().map(ModuleId::as_str).collect();
            problems.error(
                manifest,
                line_containing(text, "prerequisites"),
                format!("prerequisites form a cycle: {}", chain.join(" → ")),
            );
        }
    }

    let mut modules: Vec<CatalogModule> = loaded.into_iter().map(|(m, _, _)| m).collect();
    modules.sort_by(|a, b| {
        let first = |m: &CatalogModule| m.module.audiences.iter().min().copied();
        first(a)
            .cmp(&first(b))
            .then_with(|| a.module.id.cmp(&b.module.id))
    });
    let mut catalog = Catalog {
        modules,
        targets: Vec::new(),
        plan: Plan::default(),
    };
    let targets_path = dir.join("targets.toml");
    if let Some(text) = read(&targets_path, &mut problems) {
        (catalog.plan, catalog.targets) =
            targets::parse(&targets_path, &text, &catalog, &mut problems);
    }
    Loaded {
        catalog,
        problems: problems.0,
    }
}

fn line_containing(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|l| l.contains(needle))
        .map(|i| i + 1)
        .unwrap_or(0)
}

fn read(path: &Path, problems: &mut Problems) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => {
            problems.error(path, 0, format!("cannot read: {error}"));
            None
        }
    }
}

/// Loads one module folder; `None` when its structure is broken or a default text is missing.
fn load_module(folder: &Path, problems: &mut Problems) -> Option<(CatalogModule, PathBuf, String)> {
    let folder_name = folder.file_name()?.to_string_lossy().into_owned();
    let manifest_path = folder.join("module.toml");
    let Some(manifest_text) = read(&manifest_path, problems) else {
        problems.error(
            &manifest_path,
            0,
            "missing: every module folder has a module.toml",
        );
        return None;
    };
    let module = manifest::parse(&manifest_path, &manifest_text, &folder_name, problems)?;
    check_folder_entries(folder, &module, problems);
    fairness::check_true_false(&module, &manifest_path, problems);

    let images = folder.join("images");
    let image_size = |file: &str| {
        imagesize::size(images.join(file))
            .ok()
            .map(|s| (s.width as u32, s.height as u32))
    };
    let image_url_prefix = format!("/content/{}/images/", module.id);

    let errors_before = problems.error_count();
    let mut texts: HashMap<Lang, ModuleTexts> = HashMap::new();
    for lang in Lang::ALL {
        let is_default = lang == Lang::default();
        let ftl_path = folder.join(lang.code()).join("module.ftl");
        let ftl = match read(&ftl_path, problems) {
            Some(text) => {
                let ftl = texts::parse(&ftl_path, &text, &module, problems);
                safety::check_distractors(&module, &ftl_path, &text, &ftl, problems);
                fairness::check_items(&module, lang.code(), (&ftl_path, &text), &ftl, problems);
                ftl
            }
            None => texts::ModuleFtl::default(),
        };
        for gap in texts::gaps(&module, &ftl) {
            if is_default {
                problems.error(&ftl_path, 0, format!("missing text {gap:?}"));
            } else {
                problems.warning(
                    &ftl_path,
                    0,
                    format!(
                        "missing translation {gap:?}: the {} text is shown",
                        Lang::default().code()
                    ),
                );
            }
        }
        let cx = markdown::RenderContext {
            image_url_prefix: &image_url_prefix,
            image_size: &image_size,
            label_remember: &translate(lang, "callout-remember", None),
            label_try_this: &translate(lang, "callout-try-this", None),
        };
        let mut lessons = Vec::new();
        let mut sources: Vec<(PathBuf, String)> = Vec::new();
        for lesson in &module.lessons {
            let path = folder.join(lang.code()).join(format!("{}.md", lesson.id));
            let source = read(&path, problems);
            if let Some(text) = &source {
                sources.push((path.clone(), text.clone()));
            }
            let rendered = source.and_then(|text| markdown::render(&path, &text, &cx, problems));
            match rendered {
                Some(r) => lessons.push(Some(LessonText {
                    title: r.title,
                    html: r.html,
                    fallback: false,
                })),
                None if is_default => {
                    if !path.exists() {
                        problems.error(
                            &path,
                            0,
                            format!("missing lesson {:?}", lesson.id.as_str()),
                        );
                    }
                    lessons.push(None);
                }
                None => {
                    if !path.exists() {
                        problems.warning(
                            &path,
                            0,
                            format!(
                                "missing translation of lesson {:?}: the {} text is shown",
                                lesson.id.as_str(),
                                Lang::default().code()
                            ),
                        );
                    }
                    lessons.push(None);
                }
            }
        }
        let sources: Vec<(&Path, &str)> = sources
            .iter()
            .map(|(path, text)| (path.as_path(), text.as_str()))
            .collect();
        // With a lesson missing, that gap is the problem (a translation shows the default).
        if sources.len() == module.lessons.len() {
            safety::check_numbers(&module, &sources, problems);
        }
        let default = texts.get(&Lang::default());
        let Some(module_texts) = merge(&module, ftl, lessons, default) else {
            continue; // only the default locale can fail to merge; its errors are reported
        };
        texts.insert(lang, module_texts);
    }
    if !texts.contains_key(&Lang::default()) || problems.error_count() > errors_before {
        return None;
    }
    Some((
        CatalogModule { module, texts },
        manifest_path,
        manifest_text,
    ))
}

/// Files in a module folder that the format does not know are errors: they would be ignored.
fn check_folder_entries(folder: &Path, module: &Module, problems: &mut Problems) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if name == "images" {
                continue;
            }
            if Lang::from_code(&name).map(Lang::code) != Some(name.as_str()) {
                problems.error(&path, 0, format!("unknown folder {name:?}: a module holds images/ and one folder per locale ({})", Lang::ALL.map(Lang::code).join(", ")));
                continue;
            }
            let Ok(files) = std::fs::read_dir(&path) else {
                continue;
            };
            for file in files.flatten() {
                let file_name = file.file_name().to_string_lossy().into_owned();
                let known = file_name == "module.ftl"
                    || file_name
                        .strip_suffix(".md")
                        .is_some_and(|id| module.lessons.iter().any(|l| l.id.as_str() == id));
                if !known {
                    problems.error(&file.path(), 0, format!("unknown file {file_name:?}: a locale folder holds module.ftl and one <lesson id>.md per lesson in module.toml"));
                }
            }
        } else if name != "module.toml" {
            problems.error(&path, 0, format!("unknown file {name:?}: a module folder holds module.toml, images/ and locale folders"));
        }
    }
}

/// Builds a locale's complete texts, taking anything it lacks from `default`.
fn merge(
    module: &Module,
    ftl: texts::ModuleFtl,
    lessons: Vec<Option<LessonText>>,
    default: Option<&ModuleTexts>,
) -> Option<ModuleTexts> {
    let mut fallback = false;
    let mut pick = |own: Option<String>, from_default: Option<&String>| -> Option<String> {
        own.or_else(|| {
            fallback = true;
            from_default.cloned()
        })
    };
    let title = pick(ftl.title, default.map(|d| &d.title))?;
    let summary = pick(ftl.summary, default.map(|d| &d.summary))?;
    let mut questions = HashMap::new();
    for question in &module.quiz.questions {
        let own = ftl.questions.get(question.id.as_str());
        let theirs = default.and_then(|d| d.questions.get(&question.id));
        let prompt = pick(
            own.and_then(|t| t.prompt.clone()),
            theirs.map(|t| &t.prompt),
        )?;
        let explanation = pick(
            own.and_then(|t| t.explanation.clone()),
            theirs.map(|t| &t.explanation),
        )?;
        let mut options = Vec::new();
        for option in &question.options {
            let text = if question.kind == QuestionKind::TrueFalse {
                String::new() // labelled by the interface ("True" / "False")
            } else {
                let theirs = theirs.and_then(|t| {
                    t.options
                        .iter()
                        .find(|(id, _)| id == option)
                        .map(|(_, s)| s)
                });
                pick(
                    own.and_then(|t| t.options.get(option.as_str()).cloned()),
                    theirs,
                )?
            };
            options.push((option.clone(), text));
        }
        questions.insert(
            question.id.clone(),
            QuestionText {
                prompt,
                options,
                explanation,
            },
        );
    }
    let lessons = lessons
        .into_iter()
        .enumerate()
        .map(|(i, lesson)| {
            lesson.or_else(|| {
                default.and_then(|d| d.lessons.get(i)).map(|l| LessonText {
                    fallback: true,
                    ..l.clone()
                })
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let mut objectives = HashMap::new();
    for objective in &module.quiz.objectives {
        let name = pick(
            ftl.objectives.get(objective.id.as_str()).cloned(),
            default.and_then(|d| d.objectives.get(&objective.id)),
        )?;
        objectives.insert(objective.id.clone(), name);
    }
    Some(ModuleTexts {
        title,
        summary,
        lessons,
        questions,
        objectives,
        fallback,
    })
}

#[cfg(test)]
mod tests;
