//! A class's assignments on its page: what is assigned and by when, how far each student
//! got, and the form to assign a module (plain forms: they post and come back).

use super::catalog::{audience_name, found_or_not};
use super::session::{form_outcome, ConfirmForm, CsrfField};
use super::sign_in::FormError;
use crate::api::assignments::{ClassProgress, ModuleInsight, Share};
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ClassAssignments(p: ClassProgress) -> impl IntoView {
    view! {
        <section id="assignments" class="assignments" aria-labelledby="assignments-title">
            <h2 id="assignments-title">{t("assign-title")}</h2>
            <Assignments p />
        </section>
    }
}

#[component]
fn Assignments(p: ClassProgress) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let (assigned_now, assigned_classes) = {
        let q = query.read_untracked();
        let classes = q
            .get("classes")
            .and_then(|c| c.parse::<usize>().ok())
            .unwrap_or(1);
        (q.get("assigned").is_some(), classes)
    };
    let outcome = form_outcome();
    let chosen = |key: &str| {
        outcome
            .as_ref()
            .filter(|o| o.form == "assign")
            .map(|o| o.value(key))
            .unwrap_or_default()
    };
    let (chosen_module, chosen_due) = (chosen("module"), chosen("due"));
    let chosen_all = |key: &str| -> Vec<String> {
        outcome
            .as_ref()
            .filter(|o| o.form == "assign")
            .map(|o| {
                o.values
                    .iter()
                    .filter(|(k, _)| k == key)
                    .map(|(_, v)| v.clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    let chosen_classes = chosen_all("class");
    // After the age warning: each class outside the module's ages, and a box to confirm.
    let age_lines: Vec<String> = chosen_all("age");
    let age_warning = (!age_lines.is_empty()).then(|| {
        view! {
            <ul class="notice">
                {age_lines.into_iter().map(|line| {
                    let mut parts = line.splitn(3, '|');
                    let (class, youngest, oldest) = (
                        parts.next().unwrap_or_default().to_owned(),
                        parts.next().unwrap_or_default().to_owned(),
                        parts.next().unwrap_or_default().to_owned(),
                    );
                    let text = move || {
                        let mut args = fluent_bundle::FluentArgs::new();
                        args.set("class", class.clone());
                        args.set("youngest", youngest.clone());
                        args.set("oldest", oldest.clone());
                        i18n.tr_args("assign-age-class", &args)
                    };
                    view! { <li>{text}</li> }
                }).collect_view()}
            </ul>
            <p>
                <input type="checkbox" id="assign-confirm-age" name="confirm_age" value="yes" required />
                " "
                <label for="assign-confirm-age">{t("assign-confirm-age-check")}</label>
            </p>
        }
    });
    let class_id = p.class_id;
    let count = move |done: usize, all: usize| {
        move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("done", done);
            args.set("all", all);
            i18n.tr_args("assign-completed-count", &args)
        }
    };
    let titles: Vec<String> = p.assigned.iter().map(|a| a.title.clone()).collect();
    view! {
        {assigned_now.then(|| {
            let text = move || {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("count", assigned_classes);
                i18n.tr_args("assign-done-classes", &args)
            };
            view! { <p class="notice" role="status">{text}</p> }
        })}
        {if p.assigned.is_empty() {
            view! { <p>{t("assign-none")}</p> }.into_any()
        } else {
            view! {
                <table class="table">
                    <thead><tr>
                        <th scope="col">{t("assign-module")}</th>
                        <th scope="col">{t("assign-due")}</th>
                        <th scope="col">{t("assign-completed")}</th>
                        <th scope="col">{t("classes-actions")}</th>
                    </tr></thead>
                    <tbody>
                        {p.assigned.into_iter().map(|a| {
                            let remove = format!("/classes/{class_id}/assignments/{}/remove", a.module_id);
                            let label = format!("{} — {}", i18n.tr("assign-remove"), a.title);
                            let explain = {
                                let mut args = fluent_bundle::FluentArgs::new();
                                args.set("title", a.title.clone());
                                i18n.tr_args("assign-remove-confirm", &args)
                            };
                            let title = a.title;
                            view! {
                                <tr class:overdue=a.overdue>
                                    <td><a href=format!("/modules/{}", a.module_id)>{title}</a></td>
                                    <td><time datetime=a.due_on.clone()>{crate::i18n::day_text(&a.due_on, i18n.lang())}</time>
                                        {a.overdue.then(|| view! { " " <strong>{t("assign-overdue")}</strong> })}
                                    </td>
                                    <td>{count(a.completed, a.students)}</td>
                                    <td>
                                        <ConfirmForm
                                            action=remove
                                            id=format!("remove-{}", a.module_id)
                                            summary=i18n.tr("assign-remove")
                                            label=label
                                            explain=explain
                                            submit=i18n.tr("assign-remove")
                                        />
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <h3>{t("assign-progress")}</h3>
                <div class="table-scroll">
                    <table class="table progress-table">
                        <thead><tr>
                            <th scope="col">{t("classes-student")}</th>
                            {titles.iter().map(|title| view! { <th scope="col">{title.clone()}</th> }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {p.rows.into_iter().map(|row| view! {
                                <tr>
                                    <th scope="row"><a href=format!("/classes/{class_id}/students/{}", row.id)>{row.name}</a></th>
                                    {row.cells.into_iter().map(|cell| {
                                        let text = move || cell.text(&|key, args| match args {
                                            Some(args) => i18n.tr_args(key, args),
                                            None => i18n.tr(key),
                                        });
                                        view! { <td class:done=cell.completed>{text}</td> }
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <Insight modules=p.insight />
            }.into_any()
        }}
        // The class's table as a file, assignments or not (with none, the class list).
        <p class="actions">
            <a href=format!("/classes/{class_id}/progress.csv") class="button" download>{t("export-csv")}</a>
            <a href=format!("/classes/{class_id}/progress.xlsx") class="button" download>{t("export-xlsx")}</a>
        </p>
        <h3>{t("assign-new")}</h3>
        <FormError outcome=outcome.clone() form="assign" />
        <form method="post" action=format!("/classes/{class_id}/assignments") class="stack assign-form">
            <CsrfField />
            <label for="assign-module">{t("assign-module")}</label>
            <select id="assign-module" name="module" required>
                {p.assignable.into_iter().map(|(id, title, audiences)| {
                    let selected = id == chosen_module;
                    let bands = move || {
                        audiences.iter().map(|a| audience_name(i18n, a)).collect::<Vec<_>>().join(", ")
                    };
                    view! { <option value=id selected=selected>{title} " (" {bands} ")"</option> }
                }).collect_view()}
            </select>
            <label for="assign-due">{t("assign-due")}</label>
            <input id="assign-due" name="due" type="date" required min=p.today.clone()
                value=if chosen_due.is_empty() { None } else { Some(chosen_due) } />
            {(!p.other_classes.is_empty()).then(|| view! {
                <fieldset class="also-classes">
                    <legend>{t("assign-also")}</legend>
                    {p.other_classes.into_iter().map(|(id, name)| {
                        let field = format!("assign-class-{id}");
                        let checked = chosen_classes.contains(&id.to_string());
                        view! {
                            <p>
                                <input type="checkbox" id=field.clone() name="class" value=id.to_string() checked=checked />
                                " "
                                <label for=field>{t("classes-class")} " " {name}</label>
                            </p>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            {age_warning}
            <button type="submit" class="button primary">{t("assign-submit")}</button>
        </form>
    }
}

/// What the class gets wrong, per assigned module: each question with the share of students
/// who missed it on their first attempt and who still miss it, most missed first, with the
/// right answer and the explanation — what to talk about in the next lesson.
#[component]
fn Insight(modules: Vec<ModuleInsight>) -> impl IntoView {
    let i18n = use_i18n();
    let share = move |s: Share| {
        move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("missed", s.missed);
            args.set("of", s.of);
            args.set("percent", s.percent());
            i18n.tr_args("insight-share", &args)
        }
    };
    view! {
        <section id="insight" class="insight" aria-labelledby="insight-title">
            <h3 id="insight-title">{t("insight-title")}</h3>
            <p class="hint">{t("insight-hint")}</p>
            {modules.into_iter().map(|m| {
                let tried = m.tried;
                let region = m.title.clone();
                let tried_text = move || {
                    let mut args = fluent_bundle::FluentArgs::new();
                    args.set("count", tried);
                    i18n.tr_args("insight-tried", &args)
                };
                view! {
                    <details class="insight-module" open={tried > 0}>
                        <summary>{m.title} " — " {tried_text}</summary>
                        {if tried == 0 {
                            view! { <p>{t("insight-nobody")}</p> }.into_any()
                        } else {
                            view! {
                                <div class="table-scroll" tabindex="0" role="region" aria-label=region>
                                <table class="table insight-table">
                                    <thead><tr>
                                        <th scope="col">{t("insight-question")}</th>
                                        <th scope="col">{t("insight-first")}</th>
                                        <th scope="col">{t("insight-latest")}</th>
                                    </tr></thead>
                                    <tbody>
                                        {m.questions.into_iter().map(|q| {
                                            let right = if q.true_false {
                                                q.right.iter().map(|r| if r == "true" { i18n.tr("quiz-true") } else { i18n.tr("quiz-false") }).collect::<Vec<_>>()
                                            } else {
                                                q.right.clone()
                                            };
                                            view! {
                                                <tr>
                                                    <td>
                                                        <p class="review-prompt">{q.prompt}</p>
                                                        <p>{t("insight-right")} ": " <strong>{right.join("; ")}</strong></p>
                                                        <p class="explanation">{q.explanation}</p>
                                                    </td>
                                                    <td class="number">{share(q.first)}</td>
                                                    <td class="number">{share(q.latest)}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                </div>
                            }.into_any()
                        }}
                    </details>
                }
            }).collect_view()}
        </section>
    }
}

/// `/classes/:id/students/:student`: one student's record for those who look after the class —
/// the class's assignments, what they completed on their own, every quiz attempt and lesson.
#[component]
pub fn StudentRecordPage() -> impl IntoView {
    use crate::api::assignments::get_student_record;
    use leptos_router::hooks::use_params_map;
    let params = use_params_map();
    let i18n = use_i18n();
    let ids = move || {
        let p = params.read();
        let number = |key: &str| p.get(key).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
        (number("id"), number("student"), i18n.lang())
    };
    let data = Resource::new(ids, |(class, student, lang)| {
        get_student_record(class, student, lang)
    });
    found_or_not(data, move |r| {
        let heading = {
            let name = r.name.clone();
            move || {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("name", name.clone());
                i18n.tr_args("record-title", &args)
            }
        };
        let module_rows = move |modules: Vec<crate::api::assignments::RecordModule>,
                                assigned: bool| {
            modules.into_iter().map(|m| {
                let lessons = format!("{}/{}", m.lessons_read.min(m.lessons), m.lessons);
                let state = match (&m.completed_at, m.best) {
                    (Some(at), _) => format!("{} ({at})", i18n.tr("progress-completed")),
                    (None, Some(best)) => format!("{best}%"),
                    (None, None) => i18n.tr("assign-not-started"),
                };
                let due = m.due_on.clone().map(|d| crate::i18n::day_text(&d, i18n.lang()));
                view! {
                    <tr class:overdue=m.overdue class:done=m.completed_at.is_some()>
                        <td><a href=format!("/modules/{}", m.module_id)>{m.title}</a></td>
                        {assigned.then(|| view! {
                            <td>{due}{m.overdue.then(|| view! { " " <strong>{t("assign-overdue")}</strong> })}</td>
                        })}
                        <td class="number">{lessons}</td>
                        <td>{state}</td>
                    </tr>
                }
            }).collect_view()
        };
        view! {
            <section class="record">
                <h1>{heading}</h1>
                <p class="lead">{t("classes-class")} " " {r.class_name.clone()}
                    {r.birth_year.map(|y| view! { " · " {t("account-birth-year")} " " {y}})}</p>
                <p><a href=format!("/classes/{}#assignments", r.class_id)>{t("record-back")}</a></p>
                <h2>{t("record-assigned")}</h2>
                {if r.assigned.is_empty() {
                    view! { <p>{t("assign-none")}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll" tabindex="0" role="region" aria-label=t("record-assigned")><table class="table">
                            <thead><tr>
                                <th scope="col">{t("assign-module")}</th>
                                <th scope="col">{t("assign-due")}</th>
                                <th scope="col">{t("record-lessons")}</th>
                                <th scope="col">{t("record-result")}</th>
                            </tr></thead>
                            <tbody>{module_rows(r.assigned.clone(), true)}</tbody>
                        </table></div>
                    }.into_any()
                }}
                <h2>{t("record-own-choice")}</h2>
                {if r.own.is_empty() {
                    view! { <p>{t("record-completed-none")}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll" tabindex="0" role="region" aria-label=t("record-own-choice")><table class="table">
                            <thead><tr>
                                <th scope="col">{t("assign-module")}</th>
                                <th scope="col">{t("record-lessons")}</th>
                                <th scope="col">{t("record-result")}</th>
                            </tr></thead>
                            <tbody>{module_rows(r.own.clone(), false)}</tbody>
                        </table></div>
                    }.into_any()
                }}
                <h2>{t("record-attempts")}</h2>
                {if r.attempts.is_empty() {
                    view! { <p>{t("record-attempts-none")}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll" tabindex="0" role="region" aria-label=t("record-attempts")><table class="table attempts-table">
                            <thead><tr>
                                <th scope="col">{t("record-when")}</th>
                                <th scope="col">{t("assign-module")}</th>
                                <th scope="col">{t("record-score")}</th>
                                <th scope="col">{t("record-result")}</th>
                            </tr></thead>
                            <tbody>
                                {r.attempts.clone().into_iter().map(|a| view! {
                                    <tr class:done=a.passed>
                                        <td>{a.submitted_at}</td>
                                        <td>{a.module_title}</td>
                                        <td class="number">{format!("{}/{} ({}%)", a.correct, a.total, a.percent)}</td>
                                        <td>{if a.passed { t("record-passed") } else { t("record-not-passed") }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table></div>
                    }.into_any()
                }}
                <h2>{t("record-lessons")}</h2>
                {if r.lessons.is_empty() {
                    view! { <p>{t("record-lessons-none")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="record-lessons">
                            {r.lessons.clone().into_iter().map(|(module, lesson, at)| view! {
                                <li>{at} " — " {module} ": " {lesson}</li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
        }
    })
}

/// `/school` (`?unit=` for a school under a unit manager): every class of the school with its
/// assignments, furthest behind first, and the school's staff with their own training.
#[component]
pub fn SchoolPage() -> impl IntoView {
    use crate::api::assignments::get_school_view;
    let query = use_query_map();
    let i18n = use_i18n();
    let data = Resource::new(
        move || {
            let unit = query.read().get("unit").and_then(|u| u.parse::<i64>().ok());
            (unit, i18n.lang())
        },
        |(unit, lang)| get_school_view(unit, lang),
    );
    found_or_not(data, move |s| {
        let unit = s.unit_id;
        let percent = move |per_mille: Option<u32>| {
            per_mille.map_or_else(
                || i18n.tr("school-nothing-assigned"),
                |p| format!("{}%", crate::i18n::per_mille_text(p, i18n.lang())),
            )
        };
        view! {
            <section class="school">
                <h1>{s.name.clone()}</h1>
                <p class="hint">{t("school-hint")}</p>
                <p class="actions">
                    <a href=format!("/school/{unit}/classes.csv") class="button" download>{t("export-csv")}</a>
                    <a href=format!("/school/{unit}/classes.xlsx") class="button" download>{t("export-xlsx")}</a>
                </p>
                <h2>{t("school-classes")}</h2>
                {if s.classes.is_empty() {
                    view! { <p>{t("classes-none")}</p> }.into_any()
                } else {
                    view! {
                        <div class="table-scroll" tabindex="0" role="region" aria-label=t("school-classes")><table class="table school-classes">
                            <thead><tr>
                                <th scope="col">{t("classes-class")}</th>
                                <th scope="col">{t("school-students")}</th>
                                <th scope="col">{t("school-assigned")}</th>
                                <th scope="col">{t("school-completed")}</th>
                                <th scope="col">{t("school-overdue")}</th>
                            </tr></thead>
                            <tbody>
                                {s.classes.clone().into_iter().map(|c| {
                                    let done = percent(c.tally.completed_per_mille());
                                    let late = c.tally.overdue > 0;
                                    view! {
                                        <tr class:overdue=late>
                                            <th scope="row"><a href=format!("/classes/{}", c.id)>{c.name}</a>
                                                " " <small>{c.school_year}</small></th>
                                            <td class="number">{c.tally.students}</td>
                                            <td>
                                                <ul class="plain">
                                                    {c.assigned.into_iter().map(|(title, due, completed)| view! {
                                                        <li>{title} " — " {crate::i18n::day_text(&due, i18n.lang())}
                                                            " · " {completed} "/" {c.tally.students}</li>
                                                    }).collect_view()}
                                                </ul>
                                            </td>
                                            <td class="number">{done}</td>
                                            <td class="number">{c.tally.overdue}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table></div>
                    }.into_any()
                }}
                <h2>{t("school-staff")}</h2>
                <div class="table-scroll" tabindex="0" role="region" aria-label=t("school-staff")><table class="table school-staff">
                    <thead><tr>
                        <th scope="col">{t("coverage-col-name")}</th>
                        <th scope="col">{t("school-role")}</th>
                        <th scope="col">{t("school-trained")}</th>
                        <th scope="col">{t("school-missing")}</th>
                    </tr></thead>
                    <tbody>
                        {s.staff.clone().into_iter().map(|p| {
                            let role = p.role;
                            let trained = p.done == p.required;
                            view! {
                                <tr class:done=trained>
                                    <th scope="row">{p.name}</th>
                                    <td>{move || i18n.tr(role.label_key())}</td>
                                    <td class="number">{format!("{}/{}", p.done, p.required)}</td>
                                    <td>{p.missing.join("; ")}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table></div>
            </section>
        }
    })
}
