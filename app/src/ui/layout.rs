//! The parts of every page: header with language switch, the 111 help banner, footer.

use super::people::SignOutButton;
use super::session::{use_page_session, CsrfField};
use crate::domain::person::Role;
use crate::i18n::{t, use_i18n, Lang};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{components::A, hooks::use_location};

/// The main pages of each role, in the header: where their work is (href, Fluent key).
/// Every page a role may open is reachable by links from these, the home page and the
/// account page (the link-walk test in `tests/tests/pages.rs` holds it).
pub fn main_pages(role: Role) -> &'static [(&'static str, &'static str)] {
    const LEARN: (&str, &str) = ("/learn", "nav-learn");
    const CLASSES: (&str, &str) = ("/classes", "nav-classes");
    const SCHOOL: (&str, &str) = ("/school", "nav-school");
    const COVERAGE: (&str, &str) = ("/coverage", "nav-coverage");
    const PEOPLE: (&str, &str) = ("/people", "nav-people");
    match role {
        Role::Student | Role::Parent | Role::HealthWorker | Role::PoliceOfficer => &[LEARN],
        Role::Teacher => &[CLASSES, LEARN],
        Role::ProtectionOfficer => &[LEARN, COVERAGE],
        Role::SchoolManager => &[CLASSES, SCHOOL, COVERAGE, PEOPLE],
        Role::UnitManager => &[COVERAGE, PEOPLE, LEARN],
        Role::Admin => &[COVERAGE, PEOPLE, CLASSES],
    }
}

#[component]
pub fn Header() -> impl IntoView {
    let session = use_page_session();
    let pages = session.signed_in.as_ref().map(|(_, role)| {
        main_pages(*role)
            .iter()
            .map(|(href, key)| view! { <A href=*href>{t(key)}</A> })
            .collect_view()
    });
    // A child signs out with one tap, menu open or not (a shared computer in the lab).
    let student = session
        .signed_in
        .as_ref()
        .is_some_and(|(_, role)| *role == Role::Student);
    let account = match session.signed_in {
        Some((name, _)) => view! {
            <A href="/account" attr:class="who">{name}</A>
            {(!student).then(|| view! { <SignOutButton /> })}
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
            {student.then(|| view! { <div class="sign-out-always"><SignOutButton big=true /></div> })}
            <details class="site-menu">
                <summary class="menu-button">
                    <span aria-hidden="true">"☰ "</span>{t("nav-menu")}
                </summary>
                <div class="site-menu-items">
                    <nav class="site-nav" aria-label=t("nav-label")>
                        <A href="/">{t("nav-home")}</A>
                        <A href="/modules">{t("nav-modules")}</A>
                        {pages}
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

/// The Fluent key of a page's title, by its address: each kind of page has its own, so a
/// browser's tabs, history and a screen reader tell them apart. `None`: the home page.
pub fn title_key(path: &str) -> Option<&'static str> {
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    Some(match parts.as_slice() {
        [""] => return None,
        ["sign-in"] => "sign-in-title",
        ["sign-in", "reset"] => "reset-title",
        ["sign-in", "class", ..] => "sign-in-student-title",
        ["sign-up", "family"] => "sign-up-title",
        ["modules"] | ["modules", _] | ["modules", _, "lessons", _] => "catalogue-title",
        ["modules", _, "quiz"] => "quiz-title",
        ["modules", _, "quiz", "attempts", _] => "result-title",
        ["certificates", _] => "certificate-title",
        ["learn"] => "nav-learn",
        ["account"] => "account-title",
        ["account", "password"] => "password-title",
        ["account", "data"] => "privacy-my-data",
        ["privacy"] => "privacy-title",
        ["classes"] => "classes-title",
        ["classes", _] | ["classes", _, "students", _] => "classes-class",
        ["classes", _, "cards"] => "classes-print-cards",
        ["classes", _, "letters"] | ["families", "letters"] => "letters-title",
        ["school"] => "school-title-link",
        ["roster"] => "roster-title",
        ["staff"] => "staff-title",
        ["people"] | ["people", _] => "people-title",
        ["coverage", ..] => "coverage-title",
        ["counts"] => "counts-title",
        _ => "not-found-title",
    })
}

/// The page's `<title>`: its kind, then the name of SafeSteps (read once, as text: see `App`).
#[component]
pub fn PageTitle() -> impl IntoView {
    let i18n = use_i18n();
    let path = use_location().pathname.get_untracked();
    let text = match title_key(&path) {
        Some(key) => format!("{} · {}", i18n.tr(key), i18n.tr("app-name")),
        None => i18n.tr("app-title"),
    };
    view! { <Title text=text /> }
}

#[cfg(test)]
mod tests {
    use super::title_key;

    #[test]
    fn every_kind_of_page_has_its_own_title() {
        assert_eq!(title_key("/"), None);
        assert_eq!(title_key("/staff"), Some("staff-title"));
        assert_eq!(title_key("/people/12"), Some("people-title"));
        assert_eq!(title_key("/classes/3/students/9"), Some("classes-class"));
        assert_eq!(
            title_key("/modules/x/quiz/attempts/4"),
            Some("result-title")
        );
        assert_eq!(title_key("/coverage/5/reports/2"), Some("coverage-title"));
        assert_eq!(title_key("/no/such/page"), Some("not-found-title"));
    }
}
