//! `/learn`: a signed-in learner's home — continue where you left off, the modules meant for
//! you with your progress, and for parents their children's progress.

use super::catalog::found_or_not;
use crate::api::learning::{my_learning, LearningItem};
use crate::domain::assignment::Standing;
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;

/// When an assignment is due, in words: "due in 3 days (2026-12-02)", "3 days late".
#[component]
fn DueLine(due_on: String, standing: Standing) -> impl IntoView {
    let i18n = use_i18n();
    let late = matches!(standing, Standing::Overdue(_));
    let text = move || {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("date", crate::i18n::day_text(&due_on, i18n.lang()));
        let key = match standing {
            Standing::Overdue(days) => {
                args.set("days", days);
                "learn-overdue"
            }
            Standing::Due(0) => "learn-due-today",
            Standing::Due(days) => {
                args.set("days", days);
                "learn-due-in"
            }
            Standing::Done => "learn-due-on",
        };
        i18n.tr_args(key, &args)
    };
    view! { <p class="due" class:overdue=late>{text}</p> }
}

#[component]
fn ItemView(
    item: LearningItem,
    /// For an assignment: the due date and where the learner stands.
    #[prop(optional)]
    due: Option<(String, Standing)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let (seen, total) = (item.lessons_seen, item.lessons_total);
    let state = move || {
        if item.completed {
            i18n.tr("progress-completed")
        } else {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("seen", seen);
            args.set("total", total);
            i18n.tr_args("learn-lessons-read", &args)
        }
    };
    let best = item.best_percent.map(|best| {
        move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("percent", best);
            i18n.tr_args("progress-best", &args)
        }
    });
    view! {
        <li class=if item.completed { "card module-card done" } else { "card module-card" }>
            <h3><A href=format!("/modules/{}", item.card.id)>{item.card.title}</A></h3>
            {due.map(|(due_on, standing)| view! { <DueLine due_on standing /> })}
            <p>{item.card.summary}</p>
            <p class="meta">{state} {best.map(|b| view! { " · " {b} })}</p>
            {(!item.completed).then(|| view! {
                <p><A href=item.next_href attr:class="button primary">
                    {if seen == 0 { t("learn-start") } else { t("learn-continue") }}
                </A></p>
            })}
        </li>
    }
}

#[component]
pub fn LearnPage() -> impl IntoView {
    let i18n = use_i18n();
    let home = Resource::new(
        move || i18n.lang(),
        |lang| async move { my_learning(lang).await.map(Some) },
    );
    found_or_not(home, move |h| {
        let children = h.children.clone();
        view! {
            <section class="learn">
                <h1>{t("learn-hello")} " " {h.name.clone()}</h1>
                {(!h.assigned.is_empty()).then(|| view! {
                    <section class="assigned" aria-labelledby="assigned-title">
                        <h2 id="assigned-title">{t("learn-assigned")}</h2>
                        <ul class="cards">
                            {h.assigned.clone().into_iter().map(|a| view! {
                                <ItemView item=a.item due=(a.due_on, a.standing) />
                            }).collect_view()}
                        </ul>
                    </section>
                })}
                {h.continue_with.map(|item| view! {
                    <section class="continue" aria-labelledby="continue-title">
                        <h2 id="continue-title">{t("learn-continue-title")}</h2>
                        <ul class="cards"><ItemView item /></ul>
                    </section>
                })}
                <h2>{t("learn-for-you")}</h2>
                {if h.for_me.is_empty() {
                    view! { <p>{t("catalogue-empty")}</p> }.into_any()
                } else {
                    view! {
                        <ul class="cards">
                            {h.for_me.into_iter().map(|item| view! { <ItemView item /> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                {(!children.is_empty()).then(|| view! {
                    <h2>{t("learn-children")}</h2>
                    <ul>
                        {children.into_iter().map(|c| {
                            let (done, started) = (c.completed, c.started);
                            let text = move || {
                                let mut args = fluent_bundle::FluentArgs::new();
                                args.set("completed", done);
                                args.set("started", started);
                                i18n.tr_args("learn-child-progress", &args)
                            };
                            let assigned = (!c.assigned.is_empty()).then(|| view! {
                                <ul class="child-assigned">
                                    {c.assigned.into_iter().map(|(title, due_on, standing)| {
                                        let state = if standing == Standing::Done {
                                            view! { <p class="due">{t("progress-completed")}</p> }.into_any()
                                        } else {
                                            view! { <DueLine due_on standing /> }.into_any()
                                        };
                                        view! { <li>{title} {state}</li> }
                                    }).collect_view()}
                                </ul>
                            });
                            view! { <li><strong>{c.name}</strong> ": " {text} {assigned}</li> }
                        }).collect_view()}
                    </ul>
                })}
                <super::catalog::MyCertificates />
                <p><A href="/modules">{t("learn-all-modules")}</A></p>
            </section>
        }
    })
}
