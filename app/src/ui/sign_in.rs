//! Signing in: students with their class code, parents with a phone number (or the family
//! code the first time), staff with a username. Every form posts and works without
//! JavaScript; a problem comes back on the same page with what was typed.

use super::catalog::found_or_not;
use super::pictures::Picture;
use super::session::{form_outcome, CsrfField};
use crate::api::people::{class_sign_in, ClassRollLookup, FormOutcome};
use crate::domain::secret::PICTURES;
use crate::i18n::{t, use_i18n};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The message for a failed form, if `form` is the one that failed.
#[component]
pub(crate) fn FormError(outcome: Option<FormOutcome>, form: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    outcome.filter(|o| o.form == form).map(|o| {
        let text = move || {
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("minutes", o.minutes.unwrap_or(1));
            i18n.tr_args(&o.error, &args)
        };
        view! { <p class="notice error" role="alert">{text}</p> }
    })
}

#[component]
pub fn SignInPage() -> impl IntoView {
    let query = use_query_map();
    let outcome = form_outcome();
    let value = {
        let outcome = outcome.clone();
        move |key: &str| outcome.as_ref().map(|o| o.value(key)).unwrap_or_default()
    };
    let next = {
        let from_form = value("next");
        move || {
            if from_form.is_empty() {
                query.read().get("next").unwrap_or_default()
            } else {
                from_form.clone()
            }
        }
    };
    let signed_out = move || query.read().get("signed-out").is_some();
    let kept = move || query.read().get("kept").is_some();
    view! {
        <section class="sign-in">
            <h1>{t("sign-in-title")}</h1>
            <Show when=signed_out>
                <p class="notice" role="status">{t("sign-in-signed-out")}</p>
            </Show>
            <Show when=kept>
                <p class="notice" role="alert">{t("sign-in-answers-kept")}</p>
            </Show>
            <div class="sign-in-choices">
                <section class="card" aria-labelledby="student-title">
                    <h2 id="student-title">{t("sign-in-student-title")}</h2>
                    <p>{t("sign-in-student-hint")}</p>
                    <form method="get" action="/sign-in/class" class="stack">
                        <label for="class-code">{t("sign-in-class-code")}</label>
                        <input id="class-code" name="code" class="code-input" autocomplete="off"
                            autocapitalize="characters" spellcheck="false" required maxlength="15" />
                        <button type="submit" class="button primary">{t("sign-in-continue")}</button>
                    </form>
                </section>
                <section class="card" aria-labelledby="parent-title">
                    <h2 id="parent-title">{t("sign-in-parent-title")}</h2>
                    <FormError outcome=outcome.clone() form="parent" />
                    <form method="post" action="/sign-in" class="stack">
                        <CsrfField />
                        <input type="hidden" name="kind" value="parent" />
                        <input type="hidden" name="next" value=next.clone() />
                        <label for="parent-phone">{t("sign-in-phone")}</label>
                        <input id="parent-phone" name="phone" type="tel" inputmode="tel"
                            autocomplete="tel" required value=value("phone") />
                        <label for="parent-password">{t("sign-in-password")}</label>
                        <input id="parent-password" name="password" type="password"
                            autocomplete="current-password" required />
                        <button type="submit" class="button primary">{t("sign-in-submit")}</button>
                    </form>
                    <p><A href="/sign-up/family">{t("sign-in-first-time")}</A></p>
                    <p><A href="/sign-in/reset">{t("sign-in-forgot")}</A></p>
                </section>
                <section class="card" aria-labelledby="staff-title">
                    <h2 id="staff-title">{t("sign-in-staff-title")}</h2>
                    <FormError outcome=outcome.clone() form="staff" />
                    <form method="post" action="/sign-in" class="stack">
                        <CsrfField />
                        <input type="hidden" name="kind" value="staff" />
                        <input type="hidden" name="next" value=next />
                        <label for="staff-username">{t("sign-in-username")}</label>
                        <input id="staff-username" name="username" autocomplete="username"
                            autocapitalize="none" spellcheck="false" required value=value("username") />
                        <label for="staff-password">{t("sign-in-password")}</label>
                        <input id="staff-password" name="password" type="password"
                            autocomplete="current-password" required />
                        <button type="submit" class="button primary">{t("sign-in-submit")}</button>
                    </form>
                    <p><A href="/sign-in/reset">{t("sign-in-forgot")}</A></p>
                </section>
            </div>
        </section>
    }
}

/// `/sign-in/class?code=…`: the class's names, big enough to tap; the student picks theirs.
#[component]
pub fn ClassSignInPage() -> impl IntoView {
    let query = use_query_map();
    let code = move || query.read().get("code").unwrap_or_default();
    let roll = Resource::new(code, |code| async move {
        if code.trim().is_empty() {
            return Ok(None);
        }
        class_sign_in(code, None).await.map(Some)
    });
    let code_form = move |unknown: bool| {
        view! {
            {unknown.then(|| view! { <p class="notice error" role="alert">{t("sign-in-unknown-class")}</p> })}
            <form method="get" action="/sign-in/class" class="stack narrow">
                <label for="class-code">{t("sign-in-class-code")}</label>
                <input id="class-code" name="code" class="code-input" autocomplete="off"
                    autocapitalize="characters" spellcheck="false" required maxlength="15"
                    value=code() />
                <button type="submit" class="button primary">{t("sign-in-continue")}</button>
            </form>
        }
    };
    view! {
        <section class="sign-in">
            <h1>{t("sign-in-student-title")}</h1>
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match roll.await {
                        Ok(Some(ClassRollLookup::Found(roll))) => {
                            let code = roll.code.clone();
                            view! {
                                <p class="lead">{roll.class_name.clone()} " · " {roll.school_name.clone()}</p>
                                <h2>{t("sign-in-pick-name")}</h2>
                                <ul class="name-list">
                                    {roll.students.into_iter().map(|(id, name)| {
                                        let href = format!("/sign-in/class/{code}/{id}");
                                        view! { <li><A href=href attr:class="name-button">{name}</A></li> }
                                    }).collect_view()}
                                </ul>
                                <p><A href="/sign-in/class">{t("sign-in-other-class")}</A></p>
                            }.into_any()
                        }
                        Ok(Some(ClassRollLookup::Wait(minutes))) => {
                            view! { <WaitNotice minutes /> {code_form(false)} }.into_any()
                        }
                        Ok(Some(ClassRollLookup::Unknown)) => code_form(true).into_any(),
                        Ok(None) => code_form(false).into_any(),
                        Err(_) => view! { <p class="notice" role="alert">{t("content-load-error")}</p> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// Too many unknown class codes from this computer: wait, or ask the teacher.
#[component]
fn WaitNotice(minutes: i64) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("minutes", minutes);
        i18n.tr_args("sign-in-lookup-wait", &args)
    };
    view! { <p class="notice error" role="alert">{text}</p> }
}

/// `/sign-in/class/{code}/{student}`: two of nine pictures, or a 4-digit PIN.
#[component]
pub fn StudentSignInPage() -> impl IntoView {
    let params = use_params_map();
    let outcome = form_outcome();
    let key = move || {
        let p = params.read();
        (
            p.get("code").unwrap_or_default(),
            p.get("student").and_then(|s| s.parse::<i64>().ok()),
        )
    };
    let roll = Resource::new(key, |(code, student)| async move {
        match student {
            Some(id) => class_sign_in(code, Some(id))
                .await
                .map(|lookup| match lookup {
                    ClassRollLookup::Found(roll) if roll.chosen.is_some() => Some(Ok(roll)),
                    ClassRollLookup::Wait(minutes) => Some(Err(minutes)),
                    _ => None,
                }),
            None => Ok(None),
        }
    });
    let i18n = use_i18n();
    found_or_not(roll, move |found| {
        let roll = match found {
            Ok(roll) => roll,
            Err(minutes) => {
                return view! {
                    <section class="sign-in narrow">
                        <h1>{t("sign-in-student-title")}</h1>
                        <WaitNotice minutes />
                    </section>
                }
                .into_any()
            }
        };
        let (id, name, pictures) = roll.chosen.clone().unwrap_or_default();
        let action = format!("/sign-in/class/{}/{id}", roll.code);
        let back = format!("/sign-in/class?code={}", roll.code);
        let secret_input = if pictures {
            view! {
                <fieldset class="pictures">
                    <legend>{t("sign-in-pick-pictures")}</legend>
                    {PICTURES.iter().enumerate().map(|(i, picture)| {
                        let label_key = format!("picture-{picture}");
                        let label = move || i18n.tr(&label_key);
                        view! {
                            <label class="picture">
                                <input type="checkbox" name="picture" value=i.to_string() />
                                <Picture index=i as u8 />
                                <span class="picture-name">{label}</span>
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            }
            .into_any()
        } else {
            view! {
                <label for="pin">{t("sign-in-pin")}</label>
                <input id="pin" name="pin" class="pin-input" type="password" inputmode="numeric"
                    pattern="[0-9]{4}" maxlength="4" autocomplete="off" required />
            }
            .into_any()
        };
        view! {
            <section class="sign-in narrow">
                <h1>{t("sign-in-hello")} " " {name}</h1>
                <p class="lead">{roll.class_name.clone()} " · " {roll.school_name.clone()}</p>
                <FormError outcome=outcome.clone() form="student" />
                <form method="post" action=action class="stack">
                    <CsrfField />
                    {secret_input}
                    <button type="submit" class="button primary big">{t("sign-in-submit")}</button>
                </form>
                <p><A href=back>{t("sign-in-not-me")}</A></p>
            </section>
        }
        .into_any()
    })
}

/// `/sign-up/family`: a parent's first time, with the family code the school printed.
#[component]
pub fn FamilySignUpPage() -> impl IntoView {
    let outcome = form_outcome();
    let value = {
        let outcome = outcome.clone();
        move |key: &str| outcome.as_ref().map(|o| o.value(key)).unwrap_or_default()
    };
    view! {
        <section class="sign-in narrow">
            <h1>{t("sign-up-title")}</h1>
            <p>{t("sign-up-lead")}</p>
            <FormError outcome=outcome.clone() form="family" />
            <form method="post" action="/sign-up/family" class="stack">
                <CsrfField />
                <label for="family-code">{t("sign-up-family-code")}</label>
                <input id="family-code" name="family_code" class="code-input" autocomplete="off"
                    autocapitalize="characters" spellcheck="false" required value=value("family_code") />
                <label for="parent-name">{t("sign-up-name")}</label>
                <input id="parent-name" name="name" autocomplete="name" required value=value("name") />
                <label for="parent-phone">{t("sign-in-phone")}</label>
                <input id="parent-phone" name="phone" type="tel" inputmode="tel" autocomplete="tel"
                    required value=value("phone") />
                <label for="parent-password">{t("sign-up-password")}</label>
                <input id="parent-password" name="password" type="password" autocomplete="new-password"
                    minlength="15" required aria-describedby="password-hint" />
                <p id="password-hint" class="hint">{t("password-hint")}</p>
                <p class="consent">
                    <input id="parent-consent" name="consent" type="checkbox" value="yes" required />
                    " "
                    <label for="parent-consent">
                        {t("sign-up-consent")} " " <A href="/privacy">{t("privacy-title-lower")}</A>
                    </label>
                </p>
                <button type="submit" class="button primary">{t("sign-up-submit")}</button>
            </form>
            <p><A href="/sign-in">{t("sign-up-have-account")}</A></p>
        </section>
    }
}
