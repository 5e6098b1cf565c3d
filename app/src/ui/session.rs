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
