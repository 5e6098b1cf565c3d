//! The visitor's session as pages see it, and the CSRF field every form carries.

use crate::api::people::{FormOutcome, PageSession};
use leptos::prelude::*;

/// Puts the session, as read from the request, into context for the page's components.
pub fn provide_page_session() -> PageSession {
    #[cfg(feature = "ssr")]
    let session = crate::api::people::server::page_session();
    #[cfg(not(feature = "ssr"))]
    let session = PageSession::default();
    if let Some((_, crate::domain::person::Role::Student)) = session.signed_in {
        crate::i18n::use_i18n().set_voice(crate::i18n::Voice::Child);
    }
    provide_context(session.clone());
    session
}

pub fn use_page_session() -> PageSession {
    use_context::<PageSession>().unwrap_or_default()
}

/// The hidden field with this session's CSRF token.
#[component]
pub fn CsrfField() -> impl IntoView {
    let csrf = use_page_session().csrf;
    view! { <input type="hidden" name="csrf" value=csrf /> }
}

/// What went wrong with the form just posted, if this page is the answer to one.
pub fn form_outcome() -> Option<FormOutcome> {
    use_context::<FormOutcome>()
}

/// A form that acts on one click made safe: its button opens a box with what will happen, a
/// tick that says the person means it, and the button that does it (the server refuses the
/// post without the tick). No JavaScript needed (`<details>`).
#[component]
pub fn ConfirmForm(
    /// Where the form posts.
    action: String,
    /// The tick box's id (unique on the page).
    id: String,
    /// The button that opens the box, and its accessible name (with whom or what it is about).
    summary: String,
    label: String,
    /// What will happen, next to the tick.
    explain: String,
    /// The button that does it.
    submit: String,
) -> impl IntoView {
    view! {
        <details class="confirm">
            <summary class="button" aria-label=label>{summary}</summary>
            <form method="post" action=action class="stack">
                <CsrfField />
                <p>
                    <input type="checkbox" id=id.clone() name="confirm" value="yes" required />
                    " "
                    <label for=id>{explain}</label>
                </p>
                <button type="submit" class="button danger">{submit}</button>
            </form>
        </details>
    }
}
