//! Where signing in will live (students with a class code, parents, staff).

use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn SignInPage() -> impl IntoView {
    view! {
        <section class="narrow">
            <h1>{t("sign-in-title")}</h1>
            <p>{t("sign-in-not-yet")}</p>
        </section>
    }
}
