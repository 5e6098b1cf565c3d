//! Pages and shared components.

mod accounts;
mod assignments;
mod catalog;
mod coverage;
mod home;
pub mod islands;
mod layout;
mod learn;
mod not_found;
mod people;
mod pictures;
mod privacy;
mod session;
mod sign_in;

use crate::i18n::provide_i18n;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The HTML document around the app, rendered on the server only.
#[cfg(feature = "ssr")]
pub fn shell(options: leptos::config::LeptosOptions) -> impl IntoView {
    use leptos_meta::{HashedStylesheet, MetaTags};
    let i18n = provide_i18n();
    set_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang=i18n.lang().code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="color-scheme" content="light" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <HashedStylesheet options=options.clone() id="leptos" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Content-Security-Policy for a rendered page: our own files, the WASM, and only the inline
/// scripts that carry this response's nonce (Leptos' hydration and streaming scripts).
#[cfg(feature = "ssr")]
fn set_security_policy() {
    use axum::http::{header, HeaderValue};
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

/// The application, rendered on the server only: pages are server components, and the few
/// parts that need the browser are islands (`islands.rs`).
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = provide_i18n();
    session::provide_page_session();
    // Read once, as text: leptos_axum reads the title after rendering, possibly on another
    // worker thread where no reactive arena is active (a signal read there panics).
    let title = i18n.tr("app-title");

    view! {
        <Title text=title />
        <Router>
            <layout::PageTitle />
            <layout::Header />
            <layout::HelpBanner />
            <main id="main" class="page">
                <Routes fallback=not_found::NotFound>
                    <Route path=path!("") view=home::HomePage />
                    <Route path=path!("/sign-in") view=sign_in::SignInPage />
                    <Route path=path!("/sign-in/class") view=sign_in::ClassSignInPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/sign-in/class/:code/:student")
                        view=sign_in::StudentSignInPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/sign-up/family") view=sign_in::FamilySignUpPage />
                    <Route path=path!("/sign-in/reset") view=accounts::ResetSignInPage />
                    <Route path=path!("/coverage") view=coverage::CoveragePage ssr=SsrMode::Async />
                    <Route path=path!("/coverage/:unit") view=coverage::CoveragePage ssr=SsrMode::Async />
                    <Route path=path!("/coverage/:unit/print") view=coverage::CoveragePrintPage ssr=SsrMode::Async />
                    <Route path=path!("/coverage/:unit/reports/:report") view=coverage::ClosedReportPage ssr=SsrMode::Async />
                    <Route path=path!("/counts") view=coverage::CountsPage ssr=SsrMode::Async />
                    <Route path=path!("/people") view=accounts::PeoplePage ssr=SsrMode::Async />
                    <Route path=path!("/people/:id") view=accounts::PersonPage ssr=SsrMode::Async />
                    <Route path=path!("/families/letters") view=accounts::LettersPage ssr=SsrMode::Async />
                    <Route path=path!("/classes/:id/letters") view=accounts::LettersPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=people::AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/learn") view=learn::LearnPage ssr=SsrMode::Async />
                    <Route path=path!("/account/password") view=people::PasswordPage />
                    <Route path=path!("/account/data") view=privacy::MyDataPage ssr=SsrMode::Async />
                    <Route path=path!("/privacy") view=privacy::PrivacyPage />
                    <Route path=path!("/classes") view=people::ClassesPage ssr=SsrMode::Async />
                    <Route path=path!("/classes/:id") view=people::ClassPage ssr=SsrMode::Async />
                    <Route path=path!("/classes/:id/cards") view=people::CardsPage ssr=SsrMode::Async />
                    <Route path=path!("/school") view=assignments::SchoolPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/classes/:id/students/:student")
                        view=assignments::StudentRecordPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/roster") view=people::RosterPage />
                    <Route path=path!("/staff") view=people::StaffPage />
                    <Route path=path!("/certificates/:code") view=catalog::CertificatePage ssr=SsrMode::Async />
                    // Pages with data render whole before sending: they work without
                    // JavaScript (no out-of-order chunks to swap in) and can answer 404.
                    <Route path=path!("/modules") view=catalog::CataloguePage ssr=SsrMode::Async />
                    <Route path=path!("/modules/:id") view=catalog::ModulePage ssr=SsrMode::Async />
                    <Route
                        path=path!("/modules/:id/lessons/:lesson")
                        view=catalog::LessonPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/modules/:id/quiz") view=catalog::QuizPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/modules/:id/quiz/attempts/:attempt")
                        view=catalog::AttemptPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
            <layout::Footer />
            <islands::PageReady />
        </Router>
    }
}
