//! The parts of every page: header with language switch, the 111 help banner, footer.

use super::people::SignOutButton;
use super::session::{use_page_session, CsrfField};
use crate::domain::person::Role;
use crate::i18n::{t, use_i18n, Lang};
use leptos::prelude::*;
use leptos_router::{components::A, hooks::use_location};

#[component]
pub fn Header() -> impl IntoView {
    let session = use_page_session();
    let account = match session.signed_in {
        Some((name, role)) => view! {
            <A href="/account" attr:class="who">{name}</A>
            <SignOutButton big=role == Role::Student />
        }
        .into_any(),
        None => view! { <A href="/sign-in">{t("nav-sign-in")}</A> }.into_any(),
    };
    view! {
        <a class="skip-link" href="#main">{t("skip-to-content")}</a>
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                <span class="brand-name">{t("app-name")}</span>
            </A>
            <nav class="site-nav" aria-label=t("nav-label")>
                <A href="/">{t("nav-home")}</A>
                <A href="/modules">{t("nav-modules")}</A>
                {account}
            </nav>
            <LanguageSwitch />
        </header>
    }
}

/// Without JavaScript the buttons post to `/lang`, which sets the cookie and comes back here.
/// Hydrated, a click switches the language in place and keeps the same cookie.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let next = move || {
        let search = location.search.get();
        if search.is_empty() {
            location.pathname.get()
        } else {
            format!("{}?{search}", location.pathname.get())
        }
    };
    let button = move |lang: Lang, label: &'static str| {
        view! {
            <button
                type="submit"
                name="lang"
                value=lang.code()
                lang=lang.code()
                aria-pressed=move || (i18n.lang() == lang).to_string()
                on:click=move |ev| {
                    ev.prevent_default();
                    i18n.set_lang(lang);
                    #[cfg(feature = "hydrate")]
                    crate::i18n::remember_choice(lang);
                }
            >
                {t(label)}
            </button>
        }
    };
    view! {
        <form class="lang-switch" method="post" action="/lang" aria-label=t("lang-switch-label")>
            <CsrfField />
            <input type="hidden" name="next" value=next />
            {button(Lang::Vi, "lang-name-vi")}
            {button(Lang::En, "lang-name-en")}
        </form>
    }
}

/// "Need help? Call 111" — on every page, in both languages.
#[component]
pub fn HelpBanner() -> impl IntoView {
    view! {
        <aside class="help-banner" aria-label=t("help-banner-label")>
            <p>
                <span>{t("help-banner")}</span>
                " "
                <a class="hotline" href="tel:111">
                    {t("help-call")}
                    " "
                    <strong>{t("help-hotline")}</strong>
                </a>
                " "
                <span class="help-free">{t("help-free")}</span>
            </p>
        </aside>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>{t("footer-plan")}</p>
            <p>{t("footer-emergency")}</p>
        </footer>
    }
}
