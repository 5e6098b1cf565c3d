//! Pages for signed-in people: their account, and the classes a teacher looks after (the
//! roster with unlock/reset, and printable sign-in cards).

use super::assignments::ClassAssignments;
use super::catalog::found_or_not;
use super::pictures::{PictureSymbols, PictureUse};
use super::session::CsrfField;
use crate::api::people::{class_detail, my_account, my_classes, MemberView, RosterOutcome};
use crate::domain::person::Role;
use crate::domain::roster::ROSTER_HEADER;
use crate::domain::secret::PICTURES;
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The big "sign out" button: on shared lab computers it must be impossible to miss.
#[component]
pub fn SignOutButton(#[prop(optional)] big: bool) -> impl IntoView {
    view! {
        <form method="post" action="/sign-out" class="sign-out">
            <CsrfField />
            <button type="submit" class=if big { "button danger big" } else { "button danger" }>
                {t("sign-out")}
            </button>
        </form>
    }
}

#[component]
pub fn AccountPage() -> impl IntoView {
    let account = Resource::new(|| (), |_| async move { my_account().await.map(Some) });
    let changed = use_query_map()
        .read_untracked()
        .get("password-changed")
        .is_some();
    let i18n = use_i18n();
    found_or_not(account, move |a| {
        let role = a.role;
        let row = |label: &'static str, value: Option<String>| {
            value.map(|v| view! { <dt>{t(label)}</dt><dd>{v}</dd> })
        };
        let children = a.children.clone();
        view! {
            <section class="account narrow">
                <h1>{a.display_name.clone()}</h1>
                <dl class="facts">
                    <dt>{t("account-role")}</dt>
                    <dd>{move || i18n.tr(role.label_key())}</dd>
                    {row("account-unit", Some(a.unit_name.clone()))}
                    {row("account-username", a.username.clone())}
                    {row("account-phone", a.phone.clone())}
                    {row("account-class", a.class_name.clone())}
                    {row("account-birth-year", a.birth_year.map(|y| y.to_string()))}
                </dl>
                {(!children.is_empty()).then(|| view! {
                    <h2>{t("account-children")}</h2>
                    <ul>
                        {children.into_iter().map(|(name, class)| view! {
                            <li>{name} {class.map(|c| format!(" · {c}"))}</li>
                        }).collect_view()}
                    </ul>
                })}
                {changed.then(|| view! { <p class="notice" role="status">{t("password-changed")}</p> })}
                <super::catalog::MyCertificates />
                <p><a href="/account/data">{t("privacy-my-data")}</a></p>
                <p><a href="/learn" class="button primary">{t("account-go-learn")}</a></p>
                {(role != Role::Student).then(|| view! {
                    <p><a href="/account/password">{t("password-title")}</a></p>
                })}
                {matches!(role, Role::Teacher | Role::SchoolManager | Role::Admin).then(|| view! {
                    <p><a href="/classes">{t("classes-title")}</a></p>
                })}
                {(role == Role::SchoolManager).then(|| view! {
                    <p><a href="/school">{t("school-title-link")}</a></p>
                })}
                {matches!(role, Role::SchoolManager | Role::UnitManager | Role::Admin).then(|| view! {
                    <p><a href="/roster">{t("roster-title")}</a></p>
                    <p><a href="/staff">{t("staff-title")}</a></p>
                    <p><a href="/people">{t("people-title")}</a></p>
                    <p><a href="/counts">{t("counts-title")}</a></p>
                })}
                <SignOutButton big=true />
            </section>
        }
    })
}

#[component]
pub fn ClassesPage() -> impl IntoView {
    let classes = Resource::new(|| (), |_| async move { my_classes().await.map(Some) });
    found_or_not(classes, |classes| {
        view! {
            <section class="classes">
                <h1>{t("classes-title")}</h1>
                {if classes.is_empty() {
                    view! { <p>{t("classes-none")}</p> }.into_any()
                } else {
                    view! {
                        <table class="table">
                            <thead><tr>
                                <th scope="col">{t("classes-class")}</th>
                                <th scope="col">{t("classes-school")}</th>
                                <th scope="col">{t("classes-year")}</th>
                                <th scope="col">{t("classes-code")}</th>
                            </tr></thead>
                            <tbody>
                                {classes.into_iter().map(|c| view! {
                                    <tr>
                                        <td><a href=format!("/classes/{}", c.id)>{c.name}</a></td>
                                        <td>{c.school_name}</td>
                                        <td>{c.school_year}</td>
                                        <td class="code">{c.code}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </section>
        }
    })
}

fn class_id() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse().ok())
            .unwrap_or(0)
    }
}

/// How a student's secret is shown to their teacher and on the card (a page showing it has
/// `PictureSymbols` once).
#[component]
fn SecretView(member: MemberView) -> impl IntoView {
    let i18n = use_i18n();
    match (member.pictures, member.pin) {
        (Some((a, b)), _) => {
            let names = move || {
                format!(
                    "{} + {}",
                    i18n.tr(&format!("picture-{}", PICTURES[a as usize])),
                    i18n.tr(&format!("picture-{}", PICTURES[b as usize]))
                )
            };
            view! {
                <span class="secret">
                    <PictureUse index=a />
                    <PictureUse index=b />
                    " "
                    <span>{names}</span>
                </span>
            }
            .into_any()
        }
        (None, Some(pin)) => {
            view! { <span class="secret code">{t("sign-in-pin")} ": " {pin}</span> }.into_any()
        }
        (None, None) => view! { <span class="secret">"—"</span> }.into_any(),
    }
}

#[component]
pub fn ClassPage() -> impl IntoView {
    let id = class_id();
    let query = use_query_map();
    let i18n = use_i18n();
    let page = Resource::new(
        move || (id(), i18n.lang()),
        |(id, lang)| crate::api::assignments::get_class_page(id, lang),
    );
    found_or_not(page, move |page| {
        let (roster, progress) = (page.roster, page.progress);
        let class = roster.class.clone();
        let (reset, new_secret) = {
            let q = query.read_untracked();
            (
                q.get("reset").and_then(|s| s.parse::<i64>().ok()),
                q.get("new").is_some(),
            )
        };
        let reset_name = reset.and_then(|id| {
            roster
                .members
                .iter()
                .find(|m| m.id == id)
                .map(|m| m.display_name.clone())
        });
        let reset_notice = reset_name.map(|name| {
            let key = if new_secret {
                "classes-new-secret-done"
            } else {
                "classes-reset-done"
            };
            let text = move || {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("name", name.clone());
                i18n.tr_args(key, &args)
            };
            view! { <p class="notice" role="status">{text}</p> }
        });
        let deleted_notice = query
            .read_untracked()
            .get("deleted")
            .is_some()
            .then(|| view! { <p class="notice" role="status">{t("classes-deleted")}</p> });
        // A school's managers (and admins) delete a student who left; teachers do not.
        let may_delete = super::session::use_page_session()
            .signed_in
            .is_some_and(|(_, role)| crate::domain::access::STUDENT_DELETERS.contains(&role));
        let class_notice = (roster.class_failures > 0).then(|| {
            let (count, slowed) = (roster.class_failures, roster.class_slowed);
            let text = move || {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("count", count);
                i18n.tr_args(if slowed { "classes-slowed" } else { "classes-recent-failures" }, &args)
            };
            view! { <p class=if slowed { "notice error" } else { "notice" } role="status">{text}</p> }
        });
        view! {
            <section class="class">
                <h1>{t("classes-class")} " " {class.name.clone()}</h1>
                <p class="lead">{class.school_name.clone()} " · " {class.school_year.clone()}</p>
                <p class="class-code">{t("classes-code")} ": " <strong class="code">{class.code.clone()}</strong></p>
                <p class="actions">
                    <a href=format!("/classes/{}/cards", class.id) class="button">{t("classes-print-cards")}</a>
                    <a href=format!("/classes/{}/letters", class.id) class="button">{t("classes-print-letters")}</a>
                </p>
                {reset_notice}
                {deleted_notice}
                {class_notice}
                <p class="hint">{t("classes-secrets-hidden")}</p>
                {roster.members.iter().any(|m| m.pictures.is_some()).then(|| view! { <PictureSymbols /> })}
                <div class="table-scroll">
                <table class="table roster-table">
                    <thead><tr>
                        <th scope="col">{t("classes-student")}</th>
                        <th scope="col">{t("account-birth-year")}</th>
                        <th scope="col">{t("classes-secret")}</th>
                        <th scope="col">{t("classes-state")}</th>
                        <th scope="col">{t("classes-actions")}</th>
                    </tr></thead>
                    <tbody>
                        {roster.members.into_iter().map(|m| {
                            let action = format!("/classes/{}/students/{}/reset", class.id, m.id);
                            let (locked, failures, clients) = (m.locked, m.failures, m.failure_clients);
                            let just_reset = reset == Some(m.id) && new_secret;
                            let name = m.display_name.clone();
                            let state = move || {
                                let mut args = fluent_bundle::FluentArgs::new();
                                args.set("count", failures);
                                args.set("clients", clients);
                                let tries = i18n.tr_args("classes-failures-today", &args);
                                match (locked, failures > 0) {
                                    (true, _) => format!("{} · {tries}", i18n.tr("classes-locked")),
                                    (false, true) => tries,
                                    (false, false) => i18n.tr("classes-ok"),
                                }
                            };
                            let show_label = {
                                let name = name.clone();
                                move || format!("{} — {}", i18n.tr("classes-show-secret"), name)
                            };
                            let confirm_text = {
                                let name = name.clone();
                                move || {
                                    let mut args = fluent_bundle::FluentArgs::new();
                                    args.set("name", name.clone());
                                    i18n.tr_args("classes-new-secret-confirm", &args)
                                }
                            };
                            let delete = may_delete.then(|| {
                                let action = format!("/classes/{}/students/{}/delete", class.id, m.id);
                                let label = {
                                    let name = name.clone();
                                    move || {
                                        let mut args = fluent_bundle::FluentArgs::new();
                                        args.set("name", name.clone());
                                        i18n.tr_args("classes-delete-confirm", &args)
                                    }
                                };
                                view! {
                                    <super::session::ConfirmForm
                                        action=action
                                        id=format!("delete-{}", m.id)
                                        summary=i18n.tr("classes-delete")
                                        label=format!("{} — {}", i18n.tr("classes-delete"), name)
                                        explain=label()
                                        submit=i18n.tr("classes-delete-yes")
                                    />
                                }
                            });
                            view! {
                                <tr class:locked=locked>
                                    <th scope="row"><a href=format!("/classes/{}/students/{}", class.id, m.id)>{m.display_name.clone()}</a></th>
                                    <td>{m.birth_year.map(|y| y.to_string())}</td>
                                    <td>
                                        <details class="reveal" open=just_reset>
                                            <summary aria-label=show_label>{t("classes-show-secret")}</summary>
                                            <SecretView member=m.clone() />
                                        </details>
                                    </td>
                                    <td>{if locked { view! { <strong>{state}</strong> }.into_any() } else { view! { <span>{state}</span> }.into_any() }}</td>
                                    <td class="row-actions">
                                        // Unlocking clears the wrong tries: offered once there are some.
                                        {(locked || failures > 0).then(|| view! {
                                            <form method="post" action=action.clone() class="inline">
                                                <CsrfField />
                                                <button type="submit" class="button">{t("classes-unlock")}</button>
                                            </form>
                                        })}
                                        <details class="confirm">
                                            <summary class="button">{t("classes-new-secret")}</summary>
                                            <form method="post" action=action class="stack">
                                                <CsrfField />
                                                <input type="hidden" name="new_secret" value="1" />
                                                <p>{confirm_text}</p>
                                                <button type="submit" class="button danger">{t("classes-new-secret-yes")}</button>
                                            </form>
                                        </details>
                                        {delete}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
                <ClassAssignments p=progress />
            </section>
        }
    })
}

/// Printable sign-in cards: one per student, with the class code, their name and secret.
#[component]
pub fn CardsPage() -> impl IntoView {
    let id = class_id();
    let roster = Resource::new(id, class_detail);
    found_or_not(roster, move |roster| {
        let class = roster.class.clone();
        view! {
            <section class="cards-page">
                <h1 class="no-print">{t("classes-print-cards")} " · " {class.name.clone()}</h1>
                <p class="no-print">{t("classes-print-hint")}</p>
                {roster.members.iter().any(|m| m.pictures.is_some()).then(|| view! { <PictureSymbols /> })}
                <ul class="sign-in-cards">
                    {roster.members.into_iter().map(|m| view! {
                        <li class="sign-in-card">
                            <p class="card-school">{class.school_name.clone()} " · " {class.name.clone()}</p>
                            <p class="card-name">{m.display_name.clone()}</p>
                            <p>{t("classes-code")} ": " <strong class="code">{class.code.clone()}</strong></p>
                            <p class="card-secret"><SecretView member=m /></p>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// `/roster`: upload a roster file; every bad row is listed, or what the import did.
#[component]
pub fn RosterPage() -> impl IntoView {
    let i18n = use_i18n();
    let outcome = use_context::<RosterOutcome>();
    let result = outcome.map(|outcome| {
        let failed = outcome.failed.clone().map(|key| {
            let text = move || i18n.tr(&key);
            view! { <p class="notice error" role="alert">{text}</p> }
        });
        let problems = (!outcome.problems.is_empty())
            .then(|| view! { <BadRows problems=outcome.problems.clone() /> });
        let done = outcome.counts.map(|c| {
            let text = move || {
                let mut args = fluent_bundle::FluentArgs::new();
                for (name, value) in ["rows", "classes", "s_added", "s_updated", "s_unchanged", "t_added", "t_updated", "t_unchanged"].into_iter().zip(c) {
                    args.set(name, value);
                }
                i18n.tr_args("roster-done", &args)
            };
            view! { <p class="notice" role="status">{text}</p> }
        });
        let teachers = (!outcome.new_teachers.is_empty()).then(|| view! {
            <h2>{t("roster-new-teachers")}</h2>
            <p>{t("roster-new-teachers-hint")}</p>
            <table class="table">
                <thead><tr><th scope="col">{t("account-username")}</th><th scope="col">{t("roster-first-password")}</th></tr></thead>
                <tbody>
                    {outcome.new_teachers.clone().into_iter().map(|(username, password)| view! {
                        <tr><td class="code">{username}</td><td class="code">{password}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        });
        let classes = (!outcome.classes.is_empty()).then(|| {
            let classes = outcome.classes.clone();
            view! {
                <h2>{t("roster-classes")}</h2>
                <p>{t("roster-classes-hint")}</p>
                <div class="table-scroll">
                    <table class="table roster-classes">
                        <thead><tr>
                            <th scope="col">{t("classes-class")}</th>
                            <th scope="col">{t("classes-school")}</th>
                            <th scope="col">{t("classes-year")}</th>
                            <th scope="col">{t("classes-code")}</th>
                            <th scope="col">{t("roster-classes-teachers")}</th>
                            <th scope="col">{t("roster-classes-students")}</th>
                            <th scope="col">{t("roster-classes-print")}</th>
                        </tr></thead>
                        <tbody>
                            {classes.into_iter().map(|c| view! {
                                <tr>
                                    <th scope="row"><a href=format!("/classes/{}", c.id)>{c.name}</a></th>
                                    <td>{c.school_name}</td>
                                    <td>{c.school_year}</td>
                                    <td class="code">{c.code}</td>
                                    <td>{c.teachers.join(", ")}</td>
                                    <td>{c.students}</td>
                                    <td>
                                        <a href=format!("/classes/{}/cards", c.id)>{t("classes-print-cards")}</a>
                                        " · "
                                        <a href=format!("/classes/{}/letters", c.id)>{t("classes-print-letters")}</a>
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }
        });
        view! { {failed} {problems} {done} {teachers} {classes} }
    });
    view! {
        <section class="roster">
            <h1>{t("roster-title")}</h1>
            {result}
            <p>{t("roster-lead")}</p>
            <pre class="example" tabindex="0">{ROSTER_HEADER.join(",")}"\nLC-W01-TH1,2026-2027,3A,teacher,co.lan,Nguyễn Thị Lan,,,\nLC-W01-TH1,2026-2027,3A,student,HS-001,Lò Văn An,2018,GD-01,sun+dog"</pre>
            <ul class="columns">
                <li>{t("roster-col-role")}</li>
                <li>{t("roster-col-key")}</li>
                <li>{t("roster-col-family")}</li>
                <li>{t("roster-col-secret")}</li>
            </ul>
            <form method="post" action="/roster" enctype="multipart/form-data" class="stack">
                <CsrfField />
                <label for="roster-file">{t("roster-file")}</label>
                <input id="roster-file" name="file" type="file" accept=".csv,text/csv" required />
                <button type="submit" class="button primary">{t("roster-submit")}</button>
            </form>
        </section>
    }
}

/// `/staff`: upload a staff file (accounts by unit); every bad row is listed, or what the
/// import did with each new account's first password, shown once.
#[component]
pub fn StaffPage() -> impl IntoView {
    use crate::domain::staff::{STAFF_HEADER, STAFF_ROLES};
    let i18n = use_i18n();
    let outcome = use_context::<crate::api::people::StaffOutcome>();
    let result = outcome.map(|outcome| {
        let failed = outcome.failed.clone().map(|key| {
            let text = move || i18n.tr(&key);
            view! { <p class="notice error" role="alert">{text}</p> }
        });
        let problems = (!outcome.problems.is_empty())
            .then(|| view! { <BadRows problems=outcome.problems.clone() /> });
        let done = outcome.counts.map(|c| {
            let text = move || {
                let mut args = fluent_bundle::FluentArgs::new();
                for (name, value) in ["rows", "added", "updated", "unchanged"].into_iter().zip(c) {
                    args.set(name, value);
                }
                i18n.tr_args("staff-done", &args)
            };
            view! { <p class="notice" role="status">{text}</p> }
        });
        let accounts = (!outcome.new_accounts.is_empty()).then(|| view! {
            <h2>{t("staff-new-accounts")}</h2>
            <p>{t("staff-new-accounts-hint")}</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label=t("staff-new-accounts")>
                <table class="table">
                    <thead><tr>
                        <th scope="col">{t("account-username")}</th>
                        <th scope="col">{t("account-role")}</th>
                        <th scope="col">{t("roster-first-password")}</th>
                    </tr></thead>
                    <tbody>
                        {outcome.new_accounts.clone().into_iter().map(|(username, role, password)| view! {
                            <tr>
                                <td class="code">{username}</td>
                                <td>{move || i18n.tr(role.label_key())}</td>
                                <td class="code">{password}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        });
        view! { {failed} {problems} {done} {accounts} }
    });
    // The roles this person may give (their rank), as the file writes them.
    let mine = super::session::use_page_session()
        .signed_in
        .map(|(_, role)| role)
        .map(|me| {
            STAFF_ROLES
                .into_iter()
                .filter(|role| crate::domain::access::may_reset(me, *role))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    view! {
        <section class="roster">
            <h1>{t("staff-title")}</h1>
            {result}
            <p>{t("staff-lead")}</p>
            <pre class="example" tabindex="0">{STAFF_HEADER.join(",")}"\nLC-C01-TYT,health-worker,yte.lan,Nguyễn Thị Lan\nLC-C01,protection-officer,baove.minh,Lò Văn Minh"</pre>
            <p>{t("staff-roles-yours")}</p>
            <ul class="columns">
                {mine.into_iter().map(|role| view! {
                    <li><span class="code">{role.code()}</span>" — "{move || i18n.tr(role.label_key())}</li>
                }).collect_view()}
            </ul>
            <p>{t("staff-kinds")}</p>
            <form method="post" action="/staff" enctype="multipart/form-data" class="stack">
                <CsrfField />
                <label for="staff-file">{t("staff-file")}</label>
                <input id="staff-file" name="file" type="file" accept=".csv,text/csv" required />
                <button type="submit" class="button primary">{t("roster-submit")}</button>
            </form>
            <p><a href="/people">{t("people-title")}</a></p>
        </section>
    }
}

/// `/account/password`: the current password, then a new one that passes the policy.
#[component]
pub fn PasswordPage() -> impl IntoView {
    let outcome = super::session::form_outcome();
    let error = outcome.filter(|o| o.form == "password").map(|o| {
        let i18n = use_i18n();
        let text = move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("minutes", o.minutes.unwrap_or(1));
            i18n.tr_args(&o.error, &args)
        };
        view! { <p class="notice error" role="alert">{text}</p> }
    });
    let first = use_query_map().read_untracked().get("first").is_some();
    view! {
        <section class="narrow">
            <h1>{t("password-title")}</h1>
            {first.then(|| view! { <p class="notice" role="status">{t("password-first")}</p> })}
            {error}
            <form method="post" action="/account/password" class="stack">
                <CsrfField />
                <label for="current-password">{t("password-current")}</label>
                <input id="current-password" name="current" type="password" autocomplete="current-password" required />
                <label for="new-password">{t("password-new")}</label>
                <input id="new-password" name="new" type="password" autocomplete="new-password" minlength="15"
                    required aria-describedby="password-hint" />
                <p id="password-hint" class="hint">{t("password-hint")}</p>
                <button type="submit" class="button primary">{t("password-submit")}</button>
            </form>
        </section>
    }
}

/// The bad rows of an uploaded file (a roster, official counts), each with its row number.
#[component]
pub fn BadRows(problems: Vec<(usize, String, String)>) -> impl IntoView {
    let i18n = use_i18n();
    let count = problems.len();
    let heading = move || {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("count", count);
        i18n.tr_args("roster-bad-rows", &args)
    };
    view! {
        <div class="notice error" role="alert">
            <p><strong>{heading}</strong></p>
            <ul class="problems">
                {problems.into_iter().map(|(row, key, value)| {
                    let text = move || {
                        let mut args = fluent_bundle::FluentArgs::new();
                        args.set("row", row);
                        args.set("value", value.clone());
                        i18n.tr_args(&key, &args)
                    };
                    view! { <li>{text}</li> }
                }).collect_view()}
            </ul>
        </div>
    }
}
