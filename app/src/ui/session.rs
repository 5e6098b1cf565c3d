//! The visitor's session as pages see it, and the CSRF field every form carries.

use crate::api::people::{FormOutcome, PageSession};
use leptos::prelude::*;

/// Puts the session into context: read from the request on the server, and handed to the
/// browser inside the page, so hydration renders the same forms.
pub fn provide_page_session() -> PageSession {
    let shared = SharedValue::new(|| {
        #[cfg(feature = "ssr")]
        {
            crate::api::people::server::page_session()
        }
        #[cfg(not(feature = "ssr"))]
        {
            PageSession::default()
        }
    });
    let session = shared.into_inner();
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
    SharedValue::new(use_context::<FormOutcome>).into_inner()
}
