//! The privacy notice (`/privacy`) and a person's copy of their data (`/account/data`).

use super::catalog::found_or_not;
use crate::api::privacy::{my_data, LearningRecord};
use crate::domain::privacy::{
    days, hours, AUDIT_LOG, FAILURES, KEPT_ANSWERS, NOTICE_VERSION, SESSIONS,
};
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;

/// What is stored about students, parents and staff, why, for how long (the periods of
/// `domain::privacy`), who sees it, and how to ask for a copy or deletion.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let i18n = use_i18n();
    let with = move |key: &'static str, name: &'static str, value: i64| {
        move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set(name, value);
            i18n.tr_args(key, &args)
        }
    };
    let version = move || {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set(
            "version",
            crate::i18n::day_text(NOTICE_VERSION, i18n.lang()),
        );
        i18n.tr_args("privacy-version", &args)
    };
    view! {
        <article class="privacy narrow">
            <h1>{t("privacy-title")}</h1>
            <p class="hint">{version}</p>
            <p class="lead">{t("privacy-lead")}</p>
            <h2>{t("privacy-what-title")}</h2>
            <ul>
                <li>{t("privacy-what-students")}</li>
                <li>{t("privacy-what-parents")}</li>
                <li>{t("privacy-what-staff")}</li>
                <li>{t("privacy-what-all")}</li>
            </ul>
            <h2>{t("privacy-why-title")}</h2>
            <p>{t("privacy-why")}</p>
            <h2>{t("privacy-who-title")}</h2>
            <p>{t("privacy-who")}</p>
            <h2>{t("privacy-how-long-title")}</h2>
            <ul>
                <li>{t("privacy-how-long-accounts")}</li>
                <li>{with("privacy-how-long-sessions", "days", days(SESSIONS))}</li>
                <li>{with("privacy-how-long-kept", "hours", hours(KEPT_ANSWERS))}</li>
                <li>{with("privacy-how-long-failures", "hours", hours(FAILURES))}</li>
                <li>{with("privacy-how-long-audit", "days", days(AUDIT_LOG))}</li>
            </ul>
            <h2>{t("privacy-rights-title")}</h2>
            <p>{t("privacy-rights")} " " <A href="/account/data">{t("privacy-my-data")}</A></p>
            <p class="notice">{t("privacy-help")}</p>
        </article>
    }
}

#[component]
fn LearningView(learning: LearningRecord) -> impl IntoView {
    view! {
        <h3>{t("privacy-data-lessons")}</h3>
        {if learning.lessons_read.is_empty() {
            view! { <p>{t("privacy-data-none")}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {learning.lessons_read.into_iter().map(|l| view! {
                        <li>{l.module} " — " {l.lesson} " · " {l.at}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h3>{t("privacy-data-attempts")}</h3>
        {if learning.attempts.is_empty() {
            view! { <p>{t("privacy-data-none")}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {learning.attempts.into_iter().map(|a| view! {
                        <li>{a.module} " · " {a.percent} "% · " {a.at}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <h3>{t("privacy-data-completions")}</h3>
        {if learning.completions.is_empty() {
            view! { <p>{t("privacy-data-none")}</p> }.into_any()
        } else {
            view! {
                <ul>
                    {learning.completions.into_iter().map(|c| view! {
                        <li>{c.module} " · " {c.at}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// `/account/data`: everything stored about the signed-in person (and their children), to
/// read here or download as JSON.
#[component]
pub fn MyDataPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(
        move || i18n.lang(),
        |lang| async move { my_data(lang).await.map(Some) },
    );
    found_or_not(data, move |d| {
        let role = crate::domain::person::Role::from_code(&d.person.role);
        let row = |label: &'static str, value: Option<String>| {
            value.map(|v| view! { <dt>{t(label)}</dt><dd>{v}</dd> })
        };
        let consent = d
            .person
            .consent
            .clone()
            .map(|c| format!("{} ({})", c.at, c.notice_version));
        view! {
            <article class="my-data narrow">
                <h1>{t("privacy-my-data")}</h1>
                <p>{t("privacy-data-lead")}</p>
                <p><a href="/account/data.json" class="button" download="safesteps-my-data.json">{t("privacy-data-download")}</a></p>
                <h2>{d.person.name.clone()}</h2>
                <dl class="facts">
                    {row("account-role", role.map(|r| i18n.tr(r.label_key())))}
                    {row("account-unit", Some(d.person.unit.clone()))}
                    {row("account-username", d.person.username.clone())}
                    {row("account-phone", d.person.phone.clone())}
                    {row("account-class", d.person.class.clone())}
                    {row("account-birth-year", d.person.birth_year.map(|y| y.to_string()))}
                    {row("privacy-data-made", Some(d.person.account_made.clone()))}
                    {row("privacy-data-consent", consent)}
                </dl>
                <LearningView learning=d.learning.clone() />
                {d.children.into_iter().map(|c| view! {
                    <section class="child-data">
                        <h2>{c.name.clone()}</h2>
                        <dl class="facts">
                            {row("account-class", c.class.clone())}
                            {row("account-unit", Some(c.school.clone()))}
                            {row("account-birth-year", c.birth_year.map(|y| y.to_string()))}
                        </dl>
                        <LearningView learning=c.learning />
                    </section>
                }).collect_view()}
                <h2>{t("privacy-data-sessions")}</h2>
                <ul>
                    {d.sessions.into_iter().map(|s| view! { <li>{s.started} " → " {s.last_used}</li> }).collect_view()}
                </ul>
                <h2>{t("privacy-data-events")}</h2>
                <ul>
                    {d.events.into_iter().map(|e| view! {
                        <li>{e.at} " · " <span class="code">{e.action}</span> {e.client.map(|c| format!(" · {c}"))}</li>
                    }).collect_view()}
                </ul>
            </article>
        }
    })
}
