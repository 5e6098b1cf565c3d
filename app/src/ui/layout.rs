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
    let reports = session
        .signed_in
        .as_ref()
        .is_some_and(|(_, role)| crate::domain::access::COVERAGE_READERS.contains(role))
        .then(|| view! { <A href="/coverage">{t("nav-coverage")}</A> });
    let account = match session.signed_in {
        Some((name, role)) => view! {
            <A href="/account" attr:class="who">{name}</A>
            <SignOutButton big=role == Role::Student />
        }
        .into_any(),
        None => view! { <A href="/sign-in">{t("nav-sign-in")}</A> }.into_any(),
    };
    // One compact row on a phone: the brand and a menu button; the links, the language and
    // signing out open under it (`<details>`: no JavaScript needed). On wider screens the
    // menu is always open and its button hidden (style/main.css).
    view! {
        <a class="skip-link" href="#main">{t("skip-to-content")}</a>
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                <span class="brand-name">{t("app-name")}</span>
            </A>
            <details class="site-menu">
                <summary class="menu-button">
                    <span aria-hidden="true">"☰ "</span>{t("nav-menu")}
                </summary>
                <div class="site-menu-items">
                    <nav class="site-nav" aria-label=t("nav-label")>
                        <A href="/">{t("nav-home")}</A>
                        <A href="/modules">{t("nav-modules")}</A>
                        {reports}
                        {account}
                    </nav>
                    <LanguageSwitch />
                </div>
            </details>
        </header>
    }
}

/// The buttons post to `/lang`, which remembers the choice in a cookie and comes back to
/// this page, rendered in the chosen language (with or without JavaScript: the page is
/// rendered on the server, so a switch in place would leave it in the old language).
#[component]
fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let search = location.search.get_untracked();
    let next = if search.is_empty() {
        location.pathname.get_untracked()
    } else {
        format!("{}?{search}", location.pathname.get_untracked())
    };
    let button = move |lang: Lang, label: &'static str| {
        view! {
            <button
                type="submit"
                name="lang"
                value=lang.code()
                lang=lang.code()
                aria-pressed=(i18n.lang() == lang).to_string()
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
            <p><A href="/privacy">{t("privacy-title")}</A></p>
        </footer>
    }
}
