//! Pages for school managers about people: reset codes for staff and parents, households
//! (family codes, linked parents), printable family letters; and the page where someone
//! signs in with a reset code.

use super::catalog::found_or_not;
use super::session::{form_outcome, ConfirmForm, CsrfField};
use super::sign_in::FormError;
use crate::api::accounts::{
    family_letters, manage_people, person_to_manage, HouseholdRow, PeopleOutcome, PersonOutcome,
    PersonRow,
};
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

/// `/people`: the staff and parents of the manager's units, and their students' families.
#[component]
pub fn PeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new(
        move || i18n.lang(),
        |lang| async move { manage_people(lang).await.map(Some) },
    );
    let outcome = use_context::<PeopleOutcome>().unwrap_or_default();
    let query = use_query_map();
    let done = {
        let q = query.read_untracked();
        if q.get("unlinked").is_some() {
            Some("people-unlinked")
        } else if q.get("new-code").is_some() {
            Some("people-new-code-done")
        } else {
            None
        }
    };
    let issued = outcome.issued.map(|(name, code, until)| {
        let text = move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("name", name.clone());
            args.set("until", until.clone());
            i18n.tr_args("people-reset-issued", &args)
        };
        view! {
            <div class="notice" role="status">
                <p>{text}</p>
                <p class="secret-text code">{code}</p>
                <p class="hint">{t("people-reset-once")}</p>
            </div>
        }
    });
    found_or_not(data, move |view| {
        let issued = issued.clone();
        view! {
            <section class="people">
                <h1>{t("people-title")}</h1>
                {issued}
                {done.map(|key| view! { <p class="notice" role="status">{t(key)}</p> })}
                <p><A href="/families/letters" attr:class="button">{t("letters-print-all")}</A></p>
                <h2>{t("people-staff-parents")}</h2>
                <p class="hint">{t("people-reset-hint")}</p>
                <PeopleTable people=view.people />
                <h2 id="families">{t("people-families")}</h2>
                <p class="hint">{t("people-families-hint")}</p>
                <Households households=view.households />
            </section>
        }
    })
}

#[component]
fn PeopleTable(people: Vec<PersonRow>) -> impl IntoView {
    let i18n = use_i18n();
    if people.is_empty() {
        return view! { <p>{t("people-none")}</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table class="table">
                <thead><tr>
                    <th scope="col">{t("people-name")}</th>
                    <th scope="col">{t("account-role")}</th>
                    <th scope="col">{t("people-sign-in-as")}</th>
                    <th scope="col">{t("account-unit")}</th>
                    <th scope="col">{t("classes-actions")}</th>
                </tr></thead>
                <tbody>
                    {people.into_iter().map(|p| {
                        let role = p.role;
                        let action = format!("/people/{}/password-reset", p.id);
                        let label = format!("{} — {}", i18n.tr("people-reset"), p.name);
                        let state = match (p.first_password, p.reset_until.clone()) {
                            (_, Some(until)) => {
                                let text = move || {
                                    let mut args = fluent_bundle::FluentArgs::new();
                                    args.set("until", until.clone());
                                    i18n.tr_args("people-reset-pending", &args)
                                };
                                Some(view! { <p class="hint">{text}</p> }.into_any())
                            }
                            (true, None) => Some(view! { <p class="hint">{t("people-first-password")}</p> }.into_any()),
                            _ => None,
                        };
                        view! {
                            <tr>
                                <th scope="row">
                                    <a href=format!("/people/{}", p.id)>{p.name.clone()}</a>
                                    {p.deactivated.then(|| view! { <p class="hint">{t("person-deactivated")}</p> })}
                                    {state}
                                </th>
                                <td>{move || i18n.tr(role.label_key())}</td>
                                <td class="code">{p.username.clone().or(p.phone.clone())}</td>
                                <td>{p.unit_name.clone()}</td>
                                <td>
                                    <form method="post" action=action class="inline">
                                        <CsrfField />
                                        <button type="submit" class="button" aria-label=label>{t("people-reset")}</button>
                                    </form>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

/// `/people/{id}`: one person of the manager's units — their account, and (for staff) the
/// forms that move them, give them a role and deactivate them, within the manager's rank.
#[component]
pub fn PersonPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let data = Resource::new(
        move || (id(), i18n.lang()),
        |(id, lang)| person_to_manage(id, lang),
    );
    let refused = use_context::<PersonOutcome>()
        .and_then(|o| o.refused)
        .map(|(key, value)| {
            let text = move || {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("value", value.clone());
                i18n.tr_args(&key, &args)
            };
            view! { <p class="notice error" role="alert">{text}</p> }
        });
    let done = {
        let q = use_query_map().read_untracked();
        [
            ("changed", "person-changed-done"),
            ("deactivated", "person-deactivated-done"),
            ("reactivated", "person-reactivated-done"),
        ]
        .into_iter()
        .find(|(k, _)| q.get(k).is_some())
        .map(|(_, key)| key)
    };
    found_or_not(data, move |m| {
        let p = m.person.clone();
        let role = p.role;
        let base = format!("/people/{}", p.id);
        let staff = role.is_staff();
        let change = (staff && !p.deactivated).then(|| {
            let units = m.units.clone();
            let roles = m.roles.clone();
            let unit_code = p.unit_code.clone();
            view! {
                <h2>{t("person-change")}</h2>
                <form method="post" action=format!("{base}/change") class="stack">
                    <CsrfField />
                    <label for="person-unit">{t("account-unit")}</label>
                    <select id="person-unit" name="unit">
                        {units.into_iter().map(|(code, name)| {
                            let selected = code == unit_code;
                            let label = format!("{name} ({code})");
                            view! { <option value=code selected=selected>{label}</option> }
                        }).collect_view()}
                    </select>
                    <label for="person-role">{t("account-role")}</label>
                    <select id="person-role" name="role">
                        {roles.into_iter().map(|r| view! {
                            <option value=r.code() selected=r == role>{move || i18n.tr(r.label_key())}</option>
                        }).collect_view()}
                    </select>
                    <p class="hint">{t("person-change-hint")}</p>
                    <button type="submit" class="button primary">{t("person-change-submit")}</button>
                </form>
            }
        });
        let activity = staff.then(|| {
            if p.deactivated {
                view! {
                    <h2>{t("person-deactivated")}</h2>
                    <form method="post" action=format!("{base}/reactivate") class="stack">
                        <CsrfField />
                        <button type="submit" class="button">{t("person-reactivate")}</button>
                    </form>
                }
                .into_any()
            } else {
                let name = p.name.clone();
                let label = move || {
                    let mut args = fluent_bundle::FluentArgs::new();
                    args.set("name", name.clone());
                    i18n.tr_args("person-deactivate-confirm", &args)
                };
                view! {
                    <h2>{t("person-deactivate")}</h2>
                    <details class="confirm">
                        <summary class="button">{t("person-deactivate")}</summary>
                        <form method="post" action=format!("{base}/deactivate") class="stack">
                            <CsrfField />
                            <p>
                                <input type="checkbox" id="deactivate" name="confirm" value="yes" required />
                                " "
                                <label for="deactivate">{label}</label>
                            </p>
                            <button type="submit" class="button danger">{t("person-deactivate-yes")}</button>
                        </form>
                    </details>
                }
                .into_any()
            }
        });
        view! {
            <section class="person narrow">
                <p><a href="/people">{t("people-title")}</a></p>
                <h1>{p.name.clone()}</h1>
                {refused.clone()}
                {done.map(|key| view! { <p class="notice" role="status">{t(key)}</p> })}
                <dl class="facts">
                    <dt>{t("account-role")}</dt>
                    <dd>{move || i18n.tr(role.label_key())}</dd>
                    <dt>{t("account-unit")}</dt>
                    <dd>{p.unit_name.clone()}</dd>
                    <dt>{t("people-sign-in-as")}</dt>
                    <dd class="code">{p.username.clone().or(p.phone.clone())}</dd>
                </dl>
                {(!p.deactivated).then(|| view! {
                    <form method="post" action=format!("{base}/password-reset") class="inline">
                        <CsrfField />
                        <button type="submit" class="button">{t("people-reset")}</button>
                    </form>
                })}
                {change}
                {activity}
            </section>
        }
    })
}

#[component]
fn Households(households: Vec<HouseholdRow>) -> impl IntoView {
    let i18n = use_i18n();
    if households.is_empty() {
        return view! { <p>{t("people-none")}</p> }.into_any();
    }
    view! {
        <ul class="households">
            {households.into_iter().map(|h| {
                let children = h.children.iter().map(|(name, class)| match class {
                    Some(class) => format!("{name} ({class})"),
                    None => name.clone(),
                }).collect::<Vec<_>>().join(", ");
                let confirm_text = move |key: &str, name: &str| {
                    let mut args = fluent_bundle::FluentArgs::new();
                    args.set("name", name.to_owned());
                    i18n.tr_args(key, &args)
                };
                let renew = format!("/families/{}/new-code", h.id);
                let renew_label = format!("{} — {children}", i18n.tr("people-new-code"));
                let household = h.id;
                view! {
                    <li class="card household" id=format!("household-{}", h.id)>
                        <h3>{children.clone()}</h3>
                        <p class="meta">{h.unit_name.clone()} " · " {t("sign-up-family-code")} ": "
                            <strong class="code">{h.family_code.clone()}</strong></p>
                        {if h.parents.is_empty() {
                            view! { <p>{t("people-no-parents")}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="parents">
                                    {h.parents.into_iter().map(|(id, name, phone, since)| {
                                        let unlink = format!("/families/{household}/parents/{id}/unlink");
                                        let label = format!("{} — {name}", i18n.tr("people-unlink"));
                                        let linked = {
                                            let since = since.clone();
                                            move || {
                                                let mut args = fluent_bundle::FluentArgs::new();
                                                args.set("date", since.clone());
                                                i18n.tr_args("people-linked-on", &args)
                                            }
                                        };
                                        view! {
                                            <li>
                                                <strong>{name.clone()}</strong> " · " <span class="code">{phone}</span> " · " {linked}
                                                <ConfirmForm
                                                    action=unlink
                                                    id=format!("unlink-{household}-{id}")
                                                    summary=i18n.tr("people-unlink")
                                                    label=label
                                                    explain=confirm_text("people-unlink-confirm", &name)
                                                    submit=i18n.tr("people-unlink")
                                                />
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        <ConfirmForm
                            action=renew
                            id=format!("renew-{household}")
                            summary=i18n.tr("people-new-code")
                            label=renew_label
                            explain=i18n.tr("people-new-code-confirm")
                            submit=i18n.tr("people-new-code")
                        />
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// `/families/letters` (a manager's units) and `/classes/{id}/letters` (one class): a printable
/// letter per child with the family code, where to sign up, and the 111 line.
#[component]
pub fn LettersPage() -> impl IntoView {
    let params = use_params_map();
    let class = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
    };
    let letters = Resource::new(class, family_letters);
    found_or_not(letters, move |view| {
        let url = view.sign_up_url.clone();
        view! {
            <section class="letters-page">
                <h1 class="no-print">
                    {t("letters-title")}
                    {view.title.clone().map(|name| format!(" · {name}"))}
                </h1>
                <p class="no-print">{t("letters-hint")}</p>
                {view.letters.is_empty().then(|| view! { <p>{t("people-none")}</p> })}
                <ul class="family-letters">
                    {view.letters.into_iter().map(|l| {
                        let url = url.clone();
                        view! {
                            <li class="family-letter">
                                <p class="card-school">{l.school.clone()} {l.class_name.map(|c| format!(" · {c}"))}</p>
                                <h2>{t("letters-greeting")}</h2>
                                <p>{t("letters-intro")} " " <strong>{l.child.clone()}</strong>.</p>
                                <p>{t("letters-step-1")} " " <strong class="code">{url}</strong></p>
                                <p>{t("letters-step-2")} " " <strong class="code family-code">{l.family_code}</strong></p>
                                <p>{t("letters-step-3")}</p>
                                <p class="letter-help">{t("help-banner")} " " <strong>{t("help-call")} " 111"</strong> " " {t("help-free")}</p>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// `/sign-in/reset`: the username or phone, the reset code from the school, a new password.
#[component]
pub fn ResetSignInPage() -> impl IntoView {
    let outcome = form_outcome();
    let value = {
        let outcome = outcome.clone();
        move |key: &str| outcome.as_ref().map(|o| o.value(key)).unwrap_or_default()
    };
    view! {
        <section class="sign-in narrow">
            <h1>{t("reset-title")}</h1>
            <p>{t("reset-lead")}</p>
            <FormError outcome=outcome.clone() form="reset" />
            <form method="post" action="/sign-in/reset" class="stack">
                <CsrfField />
                <label for="reset-who">{t("reset-who")}</label>
                <input id="reset-who" name="who" autocomplete="username" autocapitalize="none"
                    spellcheck="false" required value=value("who") />
                <label for="reset-code">{t("reset-code")}</label>
                <input id="reset-code" name="code" class="code-input" autocomplete="off"
                    autocapitalize="characters" spellcheck="false" required maxlength="20" />
                <label for="reset-password">{t("password-new")}</label>
                <input id="reset-password" name="password" type="password" autocomplete="new-password"
                    minlength="15" required aria-describedby="password-hint" />
                <p id="password-hint" class="hint">{t("password-hint")}</p>
                <button type="submit" class="button primary">{t("reset-submit")}</button>
            </form>
            <p><A href="/sign-in">{t("sign-up-have-account")}</A></p>
        </section>
    }
}
