//! The public home page: what SafeSteps is, for each audience.

use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <section class="hero">
            <h1>{t("home-title")}</h1>
            <p class="lead">{t("home-lead")}</p>
            <A href="/modules" attr:class="button primary">{t("home-start")}</A>
        </section>
        <section class="audiences" aria-labelledby="audiences-title">
            <h2 id="audiences-title">{t("home-audiences")}</h2>
            <ul class="cards">
                <li class="card">
                    <h3>{t("home-students-title")}</h3>
                    <p>{t("home-students-body")}</p>
                </li>
                <li class="card">
                    <h3>{t("home-parents-title")}</h3>
                    <p>{t("home-parents-body")}</p>
                </li>
                <li class="card">
                    <h3>{t("home-staff-title")}</h3>
                    <p>{t("home-staff-body")}</p>
                </li>
                <li class="card">
                    <h3>{t("home-managers-title")}</h3>
                    <p>{t("home-managers-body")}</p>
                </li>
            </ul>
        </section>
        <section class="promise">
            <h2>{t("home-promise-title")}</h2>
            <p>{t("home-promise-body")}</p>
        </section>
    }
}
