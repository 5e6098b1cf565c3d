//! Any path the router does not know.

use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="narrow">
            <h1>{t("not-found-title")}</h1>
            <p>{t("not-found-body")}</p>
            <A href="/" attr:class="button">{t("not-found-home")}</A>
        </section>
    }
}
