//! A class's assignments on its page: what is assigned and by when, how far each student
//! got, and the form to assign a module (plain forms: they post and come back).

use super::catalog::{audience_name, found_or_not};
use super::session::{form_outcome, CsrfField};
use super::sign_in::FormError;
use crate::api::assignments::{class_assignments, ClassProgress, ModuleCell};
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ClassAssignments(class_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(
        move || (class_id, i18n.lang()),
        |(id, lang)| class_assignments(id, lang),
    );
    view! {
        <section id="assignments" class="assignments" aria-labelledby="assignments-title">
            <h2 id="assignments-title">{t("assign-title")}</h2>
            {found_or_not(data, |p| view! { <Assignments p /> })}
        </section>
    }
}

#[component]
fn Assignments(p: ClassProgress) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let assigned_now = query.read_untracked().get("assigned").is_some();
    let outcome = form_outcome();
    let chosen = |key: &str| {
        outcome
            .as_ref()
            .filter(|o| o.form == "assign")
            .map(|o| o.value(key))
            .unwrap_or_default()
    };
    let (chosen_module, chosen_due) = (chosen("module"), chosen("due"));
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
        {assigned_now.then(|| view! { <p class="notice" role="status">{t("assign-done")}</p> })}
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
                            let title = a.title;
                            view! {
                                <tr class:overdue=a.overdue>
                                    <td><A href=format!("/modules/{}", a.module_id)>{title}</A></td>
                                    <td><time datetime=a.due_on.clone()>{crate::i18n::day_text(&a.due_on, i18n.lang())}</time>
                                        {a.overdue.then(|| view! { " " <strong>{t("assign-overdue")}</strong> })}
                                    </td>
                                    <td>{count(a.completed, a.students)}</td>
                                    <td>
                                        <form method="post" action=remove class="inline">
                                            <CsrfField />
                                            <button type="submit" class="button" aria-label=label>{t("assign-remove")}</button>
                                        </form>
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
                                    <th scope="row">{row.name}</th>
                                    {row.cells.into_iter().map(|cell| {
                                        let text = move || match cell {
                                            ModuleCell { completed: true, .. } => i18n.tr("progress-completed"),
                                            ModuleCell { passed: true, lessons_left, .. } if lessons_left > 0 => {
                                                let mut args = fluent_bundle::FluentArgs::new();
                                                args.set("count", lessons_left);
                                                i18n.tr_args("assign-passed-lessons-left", &args)
                                            }
                                            ModuleCell { best: Some(b), .. } => format!("{b}%"),
                                            ModuleCell { best: None, .. } => i18n.tr("assign-not-started"),
                                        };
                                        view! { <td class:done=cell.completed>{text}</td> }
                                    }).collect_view()}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
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
            <button type="submit" class="button primary">{t("assign-submit")}</button>
        </form>
    }
}
