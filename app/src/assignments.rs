//! Assigning modules to classes: who may, which modules, which dates. Thin over the domain
//! (`domain::assignment`) and the store (`store::assignments`).

use crate::api::assignments::{
    AssignedModule, ClassProgress, ModuleCell, ModuleInsight, QuestionInsight, RecordAttempt,
    RecordModule, SchoolClassLine, SchoolView, StaffLine, StudentRecord, StudentRow,
};
use crate::catalog::Catalog;
use crate::domain::assignment::{age_fit, due_date, local_day, AgeFit, DueDateProblem};
use crate::domain::content::Audience;
use crate::domain::person::Viewer;
use crate::export::{Table, Value};
use crate::i18n::translate;
use crate::i18n::Lang;
use crate::store::assignments::{self, Assignment};
use crate::store::{people, Conn, Db, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum AssignError {
    /// No such class, or not one the viewer looks after (the same answer for both).
    #[error("no class {0} for this person")]
    NoClass(i64),
    #[error("no module {0:?}")]
    UnknownModule(String),
    #[error("module {0:?} is not for students")]
    NotForStudents(String),
    #[error(transparent)]
    Due(#[from] DueDateProblem),
    /// The module is written for other ages than these classes' students: asked to confirm.
    #[error("module is not for the age of {0:?}")]
    AgeMismatch(Vec<AgeMismatch>),
    #[error("no class chosen")]
    NoClassChosen,
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl AssignError {
    /// The Fluent key of the message shown with the form.
    pub fn message_key(&self) -> &'static str {
        match self {
            AssignError::NoClass(_) => "error-not-found",
            AssignError::UnknownModule(_) => "assign-error-module",
            AssignError::NotForStudents(_) => "assign-error-not-for-students",
            AssignError::Due(problem) => problem.message_key(),
            AssignError::AgeMismatch(_) => "assign-confirm-age",
            AssignError::NoClassChosen => "assign-error-no-class",
            AssignError::Store(_) => "error-server",
        }
    }
}

/// A class whose students are all outside a module's ages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgeMismatch {
    pub class_name: String,
    pub youngest: i32,
    pub oldest: i32,
}

/// Modules a class can be given: those written for students of some age band.
pub fn for_students(catalog: &Catalog) -> impl Iterator<Item = &crate::catalog::CatalogModule> {
    catalog.modules().iter().filter(|m| {
        m.module
            .audiences
            .iter()
            .any(|a| matches!(a, Audience::Student(_)))
    })
}

async fn class_in_scope(db: &Db, viewer: &Viewer, class_id: i64) -> Result<(), AssignError> {
    people::class_for(db, viewer, class_id)
        .await?
        .map(|_| ())
        .ok_or(AssignError::NoClass(class_id))
}

/// What the assign form asks for: one module by one date, for one or several classes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssignRequest {
    pub class_ids: Vec<i64>,
    pub module_id: String,
    /// `YYYY-MM-DD`, today or later.
    pub due: String,
    /// The teacher saw that the module is written for other ages and assigns it anyway.
    pub age_confirmed: bool,
}

/// Assigns a module to every class of the request (all classes the viewer looks after, or
/// none of them), in one transaction. Assigning it again moves the date. A module written
/// for other ages than a class's students is only assigned once the teacher confirms.
/// Returns how many assignments are new.
pub async fn assign(
    db: &Db,
    catalog: &Catalog,
    viewer: &Viewer,
    request: &AssignRequest,
) -> Result<usize, AssignError> {
    let mut class_ids = request.class_ids.clone();
    class_ids.sort_unstable();
    class_ids.dedup();
    if class_ids.is_empty() {
        return Err(AssignError::NoClassChosen);
    }
    let mut classes = Vec::new();
    for &id in &class_ids {
        let class = people::class_for(db, viewer, id)
            .await?
            .ok_or(AssignError::NoClass(id))?;
        classes.push(class);
    }
    let module_id = request.module_id.as_str();
    let module = catalog
        .module(module_id)
        .ok_or_else(|| AssignError::UnknownModule(module_id.to_owned()))?;
    let bands: Vec<_> = module
        .module
        .audiences
        .iter()
        .filter_map(|a| match a {
            Audience::Student(band) => Some(*band),
            _ => None,
        })
        .collect();
    if bands.is_empty() {
        return Err(AssignError::NotForStudents(module_id.to_owned()));
    }
    let now = crate::auth::now();
    let today = local_day(now);
    let due = due_date(&request.due, today)?;
    if !request.age_confirmed {
        let mut mismatches = Vec::new();
        for class in &classes {
            let ages: Vec<i32> = people::class_birth_years(db, class.id)
                .await?
                .into_iter()
                .map(|year| today.year() - year as i32)
                .collect();
            if let AgeFit::Outside { youngest, oldest } = age_fit(&bands, &ages) {
                mismatches.push(AgeMismatch {
                    class_name: class.name.clone(),
                    youngest,
                    oldest,
                });
            }
        }
        if !mismatches.is_empty() {
            return Err(AssignError::AgeMismatch(mismatches));
        }
    }
    let list: Vec<Assignment> = classes
        .iter()
        .map(|class| Assignment {
            class_id: class.id,
            module_id: module_id.to_owned(),
            due_on: due.to_string(),
        })
        .collect();
    Ok(assignments::assign_all(db, &list, viewer.person_id, now).await?)
}

/// Takes an assignment back from a class the viewer looks after. True if there was one.
pub async fn unassign(
    db: &Db,
    viewer: &Viewer,
    class_id: i64,
    module_id: &str,
) -> Result<bool, AssignError> {
    class_in_scope(db, viewer, class_id).await?;
    Ok(assignments::remove(db, class_id, module_id).await?)
}

/// A class's assignments, how far each student got and what the class gets wrong: the class
/// page and its exports both show this. `None` for a class the viewer does not look after
/// (as for one that does not exist).
pub async fn class_progress(
    db: &Db,
    catalog: &Catalog,
    viewer: &Viewer,
    id: i64,
    lang: Lang,
) -> Result<Option<ClassProgress>, StoreError> {
    let mut lease = db.lease().await?;
    let Some(viewed) = viewed_class(&mut lease, viewer, id).await? else {
        return Ok(None);
    };
    Ok(Some(progress_of(&mut lease, catalog, &viewed, lang).await?))
}

/// A class as one who looks after it sees it: the class, all their classes (the others the
/// assign form offers), its students and their failed sign-ins.
pub struct ViewedClass {
    pub class: people::Class,
    pub classes: Vec<people::Class>,
    pub members: Vec<people::ClassMember>,
    pub failures: people::ClassFailures,
}

/// The class `id` if the viewer looks after it: all their classes in one query (the scope
/// check and the assign form's list), then the class's students.
pub async fn viewed_class(
    conn: impl Into<Conn<'_>>,
    viewer: &Viewer,
    id: i64,
) -> Result<Option<ViewedClass>, StoreError> {
    let mut conn = conn.into();
    let classes = people::classes_for(&mut conn, viewer).await?;
    let Some(class) = classes.iter().find(|c| c.id == id).cloned() else {
        return Ok(None);
    };
    let (members, failures) = people::class_roll(&mut conn, id).await?;
    Ok(Some(ViewedClass {
        class,
        classes,
        members,
        failures,
    }))
}

/// The progress of a class the viewer looks after.
pub async fn progress_of(
    conn: impl Into<Conn<'_>>,
    catalog: &Catalog,
    viewed: &ViewedClass,
    lang: Lang,
) -> Result<ClassProgress, StoreError> {
    use crate::domain::assignment::parse_date;
    let ViewedClass {
        class,
        classes,
        members,
        ..
    } = viewed;
    let id = class.id;
    let today = local_day(crate::auth::now());
    let mut conn = conn.into();
    let progress = assignments::class_progress(&mut conn, id).await?;
    // The assignments, in the query's order (by due day).
    let mut list: Vec<Assignment> = Vec::new();
    for p in &progress {
        if list.last().is_none_or(|a| a.module_id != p.module_id) {
            list.push(Assignment {
                class_id: id,
                module_id: p.module_id.clone(),
                due_on: p.due_on.clone(),
            });
        }
    }
    let by_cell: std::collections::HashMap<(i64, &str), &assignments::StudentProgress> = progress
        .iter()
        .filter_map(|p| Some(((p.person_id?, p.module_id.as_str()), p)))
        .collect();
    let title = |module: &str| catalog.title(module, lang);
    let cell = |person: i64, module: &str| {
        let lessons = catalog
            .module(module)
            .map(|m| m.module.lessons.as_slice())
            .unwrap_or_default();
        let Some(p) = by_cell.get(&(person, module)) else {
            return ModuleCell {
                lessons_left: lessons.len(),
                ..ModuleCell::default()
            };
        };
        let seen: std::collections::BTreeSet<String> = p
            .lessons_seen
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .map(str::to_owned)
            .collect();
        ModuleCell {
            completed: p.completed,
            best: p.best_percent.map(|b| b.clamp(0, 100) as u8),
            passed: p.passed,
            lessons_left: lessons
                .iter()
                .filter(|l| !seen.contains(l.id.as_str()))
                .count(),
        }
    };
    let assigned = list
        .iter()
        .map(|a| AssignedModule {
            module_id: a.module_id.clone(),
            title: title(&a.module_id),
            due_on: a.due_on.clone(),
            completed: progress
                .iter()
                .filter(|p| p.module_id == a.module_id && p.completed)
                .count(),
            students: members.len(),
            overdue: parse_date(&a.due_on).is_some_and(|d| d < today),
        })
        .collect();
    let rows = members
        .iter()
        .map(|m| StudentRow {
            id: m.id,
            name: m.display_name.clone(),
            cells: list.iter().map(|a| cell(m.id, &a.module_id)).collect(),
        })
        .collect();
    let assignable = crate::assignments::for_students(catalog)
        .map(|m| {
            let codes = m.module.audiences.iter().map(|a| a.code()).collect();
            (m.module.id.to_string(), m.texts(lang).title.clone(), codes)
        })
        .collect();
    let insight = list
        .iter()
        .filter_map(|a| catalog.module(&a.module_id))
        .map(|m| module_insight(m, &progress, lang))
        .collect();
    let other_classes = classes
        .iter()
        .filter(|c| c.id != class.id && c.school_year == class.school_year)
        .map(|c| (c.id, c.name.clone()))
        .collect();
    Ok(ClassProgress {
        class_id: id,
        class_name: class.name.clone(),
        school_name: class.school_name.clone(),
        school_year: class.school_year.clone(),
        assigned,
        rows,
        insight,
        other_classes,
        assignable,
        today: today.to_string(),
    })
}

/// The question insight of one module from the class's first and latest attempts.
fn module_insight(
    m: &crate::catalog::CatalogModule,
    progress: &[assignments::StudentProgress],
    lang: Lang,
) -> ModuleInsight {
    use crate::domain::content::QuestionKind;
    use crate::domain::insight::{question_misses, AttemptAnswers};
    let attempts: Vec<AttemptAnswers> = progress
        .iter()
        .filter(|p| p.module_id == m.module.id.as_str())
        .filter_map(|p| Some((p.person_id?, p)))
        .flat_map(|(person_id, p)| {
            let first = p
                .first_attempt
                .zip(p.first_answers.as_deref())
                .map(|(id, answers)| (id, answers, p.first_draw.as_deref()));
            let latest = p
                .latest_attempt
                .zip(p.latest_answers.as_deref())
                .filter(|(id, _)| Some(*id) != p.first_attempt)
                .map(|(id, answers)| (id, answers, p.latest_draw.as_deref()));
            first
                .into_iter()
                .chain(latest)
                .map(move |(attempt_id, answers, draw)| {
                    // Stored by the server from a graded form; unreadable would be a bug, counted
                    // as nothing chosen rather than failing the teacher's page.
                    let answers = serde_json::from_str(answers).unwrap_or_default();
                    let draw = crate::learning::stored_draw(&m.module, draw, &answers);
                    AttemptAnswers {
                        person_id,
                        attempt_id,
                        draw,
                        answers,
                    }
                })
        })
        .collect();
    let tried = attempts
        .iter()
        .map(|a| a.person_id)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let misses = question_misses(&m.module, &attempts);
    let texts = m.texts(lang);
    let questions = misses
        .into_iter()
        // A question no student was asked says nothing about the class.
        .filter(|miss| miss.first.of + miss.latest.of > 0)
        .filter_map(|miss| {
            let q = m
                .module
                .quiz
                .questions
                .iter()
                .find(|q| q.id.as_str() == miss.question)?;
            let text = texts.questions.get(&q.id)?;
            let true_false = q.kind == QuestionKind::TrueFalse;
            let right = q
                .answer
                .iter()
                .map(|a| match true_false {
                    true => a.as_str().to_owned(),
                    false => text
                        .options
                        .iter()
                        .find(|(id, _)| id == a)
                        .map(|(_, s)| s.clone())
                        .unwrap_or_else(|| a.as_str().to_owned()),
                })
                .collect();
            Some(QuestionInsight {
                prompt: text.prompt.clone(),
                right,
                true_false,
                explanation: text.explanation.clone(),
                first: miss.first,
                latest: miss.latest,
            })
        })
        .collect();
    ModuleInsight {
        module_id: m.module.id.to_string(),
        title: texts.title.clone(),
        tried,
        questions,
    }
}

/// One student's record, for those who look after their class; `None` when the class is not
/// the viewer's or the student is not in it (the same answer for both).
pub async fn student_record(
    db: &Db,
    catalog: &Catalog,
    viewer: &Viewer,
    (class_id, student_id): (i64, i64),
    lang: Lang,
) -> Result<Option<StudentRecord>, StoreError> {
    use crate::domain::assignment::parse_date;
    use crate::domain::dates::display_date_time;
    use crate::store::progress;
    let Some(class) = people::class_for(db, viewer, class_id).await? else {
        return Ok(None);
    };
    let mut lease = db.lease().await?;
    let members = people::class_members(&mut lease, class_id).await?;
    let Some(member) = members.into_iter().find(|m| m.id == student_id) else {
        return Ok(None);
    };
    let list = assignments::for_class(&mut lease, class_id).await?;
    drop(lease);
    let record = progress::record(db, student_id).await?;
    let today = local_day(crate::auth::now());
    let title = |module: &str| catalog.title(module, lang);
    let completed_at = |module: &str| {
        record
            .completions
            .iter()
            .find(|(m, _)| m == module)
            .map(|(_, at)| *at)
    };
    let module_row = |module: &str, due_on: Option<&str>| {
        let lessons = catalog.module(module).map_or(0, |m| m.module.lessons.len());
        let read: std::collections::BTreeSet<&str> = record
            .lessons
            .iter()
            .filter(|(m, _, _)| m == module)
            .map(|(_, l, _)| l.as_str())
            .collect();
        let done = completed_at(module);
        RecordModule {
            module_id: module.to_owned(),
            title: title(module),
            due_on: due_on.map(str::to_owned),
            overdue: done.is_none() && due_on.and_then(parse_date).is_some_and(|due| due < today),
            completed_at: done.map(|at| display_date_time(at, lang)),
            best: record
                .attempts
                .iter()
                .filter(|a| a.module_id == module)
                .map(|a| a.percent.clamp(0, 100) as u8)
                .max(),
            lessons_read: read.len(),
            lessons,
        }
    };
    let assigned = list
        .iter()
        .map(|a| module_row(&a.module_id, Some(&a.due_on)))
        .collect();
    let own = record
        .completions
        .iter()
        .filter(|(m, _)| !list.iter().any(|a| &a.module_id == m))
        .map(|(m, _)| module_row(m, None))
        .collect();
    let attempts = record
        .attempts
        .iter()
        .rev()
        .map(|a| RecordAttempt {
            module_title: title(&a.module_id),
            correct: a.correct,
            total: a.total,
            percent: a.percent.clamp(0, 100) as u8,
            passed: a.passed,
            submitted_at: display_date_time(a.submitted_at, lang),
        })
        .collect();
    let lessons = record
        .lessons
        .iter()
        .rev()
        .map(|(module, lesson, at)| {
            let lesson_title = catalog
                .module(module)
                .and_then(|m| {
                    let i = m
                        .module
                        .lessons
                        .iter()
                        .position(|l| l.id.as_str() == lesson)?;
                    m.texts(lang).lessons.get(i).map(|l| l.title.clone())
                })
                .unwrap_or_else(|| lesson.clone());
            (title(module), lesson_title, display_date_time(*at, lang))
        })
        .collect();
    Ok(Some(StudentRecord {
        class_id,
        class_name: class.name,
        name: member.display_name,
        birth_year: member.birth_year,
        assigned,
        own,
        attempts,
        lessons,
    }))
}

/// The class's progress as tables, for its CSV and XLSX: the assignments with how many
/// completed, each student's cell per module (worded as on the page), and what the class gets
/// wrong per module.
pub fn class_tables(p: &ClassProgress, lang: Lang) -> Vec<Table> {
    let tr = |key: &str| translate(lang, key, None);
    let mut tables = vec![Table {
        id: "assigned".to_owned(),
        title: tr("assign-title"),
        columns: vec![
            tr("assign-module"),
            tr("assign-due"),
            tr("assign-completed"),
            tr("classes-student"),
        ],
        rows: p
            .assigned
            .iter()
            .map(|a| {
                (
                    None,
                    vec![
                        Value::Text(a.title.clone()),
                        Value::Text(a.due_on.clone()),
                        Value::Number(a.completed as u64),
                        Value::Number(a.students as u64),
                    ],
                )
            })
            .collect(),
    }];
    let mut columns = vec![tr("classes-student")];
    columns.extend(p.assigned.iter().map(|a| a.title.clone()));
    tables.push(Table {
        id: "progress".to_owned(),
        title: tr("assign-progress"),
        columns,
        rows: p
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![Value::Text(row.name.clone())];
                cells.extend(
                    row.cells.iter().map(|cell| {
                        Value::Text(cell.text(&|key, args| translate(lang, key, args)))
                    }),
                );
                (Some(row.id), cells)
            })
            .collect(),
    });
    for m in &p.insight {
        tables.push(Table {
            id: format!("insight-{}", m.module_id),
            title: format!("{} — {}", tr("insight-title"), m.title),
            columns: vec![
                tr("insight-question"),
                tr("insight-right"),
                tr("insight-first"),
                tr("insight-first-asked"),
                tr("insight-latest"),
                tr("insight-latest-asked"),
            ],
            rows: m
                .questions
                .iter()
                .map(|q| {
                    let right: Vec<String> = match q.true_false {
                        true => q
                            .right
                            .iter()
                            .map(|r| {
                                tr(if r == "true" {
                                    "quiz-true"
                                } else {
                                    "quiz-false"
                                })
                            })
                            .collect(),
                        false => q.right.clone(),
                    };
                    (
                        None,
                        vec![
                            Value::Text(q.prompt.clone()),
                            Value::Text(right.join("; ")),
                            Value::Number(q.first.missed as u64),
                            Value::Number(q.first.of as u64),
                            Value::Number(q.latest.missed as u64),
                            Value::Number(q.latest.of as u64),
                        ],
                    )
                })
                .collect(),
        });
    }
    tables
}

/// A school at once: every class with its assignments and completion, furthest behind first,
/// and the school's staff with their own training (the modules the plan's targets ask of
/// their role). `None` unless `unit` (or, for `None`, the viewer's home) is a school in the
/// viewer's scope.
pub async fn school_view(
    db: &Db,
    catalog: &Catalog,
    viewer: &Viewer,
    unit: Option<i64>,
    lang: Lang,
) -> Result<Option<SchoolView>, StoreError> {
    use crate::domain::assignment::{furthest_behind_first, parse_date, ClassTally};
    use crate::domain::coverage::counted_audience;
    use crate::domain::person::Role;
    if !crate::domain::access::SCHOOL_READERS.contains(&viewer.role) {
        return Ok(None);
    }
    let Some((school, _)) = crate::api::coverage::server::unit_in_scope(db, viewer, unit).await?
    else {
        return Ok(None);
    };
    if school.kind != "school" {
        return Ok(None);
    }
    let today = local_day(crate::auth::now());
    let title = |module: &str| catalog.title(module, lang);
    let classes = assignments::school_classes(db, school.id).await?;
    let given = assignments::school_assignments(db, school.id).await?;
    let mut lines: Vec<SchoolClassLine> = classes
        .into_iter()
        .map(|class| {
            let students = class.students.max(0) as u64;
            let mine: Vec<_> = given.iter().filter(|a| a.class_id == class.id).collect();
            let mut tally = ClassTally {
                students,
                assigned: mine.len() as u64,
                ..ClassTally::default()
            };
            for a in &mine {
                let completed = (a.completed.max(0) as u64).min(students);
                tally.completed += completed;
                if parse_date(&a.due_on).is_some_and(|due| due < today) {
                    tally.overdue += students - completed;
                }
            }
            SchoolClassLine {
                id: class.id,
                name: class.name,
                school_year: class.school_year,
                assigned: mine
                    .iter()
                    .map(|a| {
                        (
                            title(&a.module_id),
                            a.due_on.clone(),
                            a.completed.max(0) as u64,
                        )
                    })
                    .collect(),
                tally,
            }
        })
        .collect();
    lines.sort_by(|a, b| {
        furthest_behind_first(&a.tally, &b.tally).then_with(|| a.name.cmp(&b.name))
    });
    let rules = crate::coverage::rules(catalog);
    let (people, done) = assignments::school_staff(db, school.id).await?;
    let mut staff: Vec<StaffLine> = people
        .into_iter()
        .filter_map(|(id, name, role)| {
            let role = Role::from_code(&role)?;
            let mut required: Vec<&str> = counted_audience(role, None)
                .map(|audience| {
                    rules
                        .iter()
                        .filter_map(|r| r.modules_for(audience))
                        .flatten()
                        .map(String::as_str)
                        .collect()
                })
                .unwrap_or_default();
            required.sort_unstable();
            required.dedup();
            let completed = |m: &str| done.iter().any(|(p, d)| *p == id && d == m);
            Some(StaffLine {
                name,
                role,
                required: required.len(),
                done: required.iter().filter(|m| completed(m)).count(),
                missing: required
                    .iter()
                    .filter(|m| !completed(m))
                    .map(|m| title(m))
                    .collect(),
            })
        })
        .collect();
    // Those still to train first, each group in Vietnamese name order.
    crate::domain::names::sort_by_name(&mut staff, |s| s.name.as_str());
    staff.sort_by_key(|s| s.done == s.required);
    Ok(Some(SchoolView {
        unit_id: school.id,
        name: school.name,
        classes: lines,
        staff,
    }))
}

/// The school view as tables, for its CSV and XLSX: the classes in the page's order, then the
/// staff.
pub fn school_tables(view: &SchoolView, lang: Lang) -> Vec<Table> {
    let tr = |key: &str| translate(lang, key, None);
    let classes = Table {
        id: "classes".to_owned(),
        title: tr("school-classes"),
        columns: vec![
            tr("classes-class"),
            tr("classes-year"),
            tr("school-students"),
            tr("school-assigned"),
            tr("school-completed"),
            tr("school-overdue"),
        ],
        rows: view
            .classes
            .iter()
            .map(|c| {
                (
                    Some(c.id),
                    vec![
                        Value::Text(c.name.clone()),
                        Value::Text(c.school_year.clone()),
                        Value::Number(c.tally.students),
                        Value::Number(c.tally.assigned),
                        Value::of_percent(c.tally.completed_per_mille()),
                        Value::Number(c.tally.overdue),
                    ],
                )
            })
            .collect(),
    };
    let staff = Table {
        id: "staff".to_owned(),
        title: tr("school-staff"),
        columns: vec![
            tr("coverage-col-name"),
            tr("school-role"),
            tr("school-trained"),
            tr("school-missing"),
        ],
        rows: view
            .staff
            .iter()
            .map(|s| {
                (
                    None,
                    vec![
                        Value::Text(s.name.clone()),
                        Value::Text(tr(s.role.label_key())),
                        Value::Text(format!("{}/{}", s.done, s.required)),
                        Value::Text(s.missing.join("; ")),
                    ],
                )
            })
            .collect(),
    };
    vec![classes, staff]
}
