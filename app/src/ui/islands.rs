//! The only parts of SafeSteps that run in the browser. Every page is rendered on the
//! server and works without JavaScript; an island makes one part of it better. Islands see
//! nothing of the server's context: what they show comes in as props, already translated.
//!
//! Keep them small: everything an island touches is compiled to WASM (no Fluent, no
//! serde_json of our own, no server-function client).

use leptos::prelude::*;

/// Marks `<html data-hydrated>` once the islands of the page are alive. Rendered last in
/// the page, so it hydrates after every other island (tests wait for the mark).
#[island]
pub fn PageReady() -> impl IntoView {
    Effect::new(|| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("data-hydrated", "");
        }
    });
}

/// The quiz form. Without JavaScript it is a plain form: it posts, and the server answers
/// with a redirect to the result. Here it posts the same fields in the background (the
/// browser's own form encoding) and shows the result page in place; if the post fails (no
/// connection, an error page) every answer stays ticked and a message says to send again.
/// If the session ended meanwhile, the server kept the answers and sends the learner to
/// sign in: the island follows it there.
///
/// The questions, the CSRF field and the submission key are the server-rendered children.
#[island]
pub fn QuizForm(
    /// Where the form posts (`/modules/{id}/quiz`).
    action: String,
    /// The send button's text.
    submit_label: String,
    /// Said when the post failed: the answers are still here, send again.
    failed_text: String,
    /// Asked before sending with questions unanswered; `#` stands for how many.
    blanks_text: String,
    children: Children,
) -> impl IntoView {
    let failed = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(form) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            ev.prevent_default();
            if sending.get_untracked() {
                return;
            }
            let left = browser::blanks(&form);
            if left > 0 {
                let question = blanks_text.replace('#', &left.to_string());
                if !window().confirm_with_message(&question).unwrap_or(true) {
                    return;
                }
            }
            sending.set(true);
            failed.set(false);
            leptos::task::spawn_local(async move {
                let sent = browser::send_form(&form).await;
                sending.set(false);
                match sent {
                    Ok(browser::Sent::Shown) => {}
                    Ok(browser::Sent::Elsewhere(url)) => {
                        let _ = window().location().assign(&url);
                    }
                    Err(()) => failed.set(true),
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, &blanks_text);
    };
    view! {
        <form method="post" action=action class="quiz-form" on:submit=on_submit>
            {children()}
            <p class="notice error" role="alert" hidden=move || !failed.get()>
                {move || failed.get().then(|| failed_text.clone())}
            </p>
            <button type="submit" class="button primary big" aria-busy=move || sending.get().to_string()>
                {submit_label}
            </button>
        </form>
    }
}

/// What the quiz island does with the browser: post a form as the browser would, and show
/// the page that comes back in place of this one.
#[cfg(feature = "hydrate")]
mod browser {
    use leptos::prelude::{document, window};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        DomParser, FormData, HtmlElement, HtmlFormElement, RequestInit, Response, SupportedType,
        UrlSearchParams,
    };

    pub enum Sent {
        /// The result came back and is shown in place.
        Shown,
        /// The server sent the learner to another page (sign in again): go there.
        Elsewhere(String),
    }

    /// Posts `form` url-encoded, as the browser does without JavaScript. `Err` when nothing
    /// usable came back: no connection, or an error page instead of a redirect.
    /// How many of the form's questions (its fieldsets) have no option ticked.
    pub fn blanks(form: &HtmlFormElement) -> u32 {
        let Ok(questions) = form.query_selector_all("fieldset") else {
            return 0;
        };
        (0..questions.length())
            .filter_map(|i| questions.item(i))
            .filter_map(|node| node.dyn_into::<web_sys::Element>().ok())
            .filter(|question| matches!(question.query_selector("input:checked"), Ok(None)))
            .count() as u32
    }

    pub async fn send_form(form: &HtmlFormElement) -> Result<Sent, ()> {
        let data = FormData::new_with_form(form).map_err(drop)?;
        let body = UrlSearchParams::new_with_str_sequence_sequence(&data).map_err(drop)?;
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(&body);
        let promise = window().fetch_with_str_and_init(&form.action(), &init);
        let response: Response = JsFuture::from(promise)
            .await
            .map_err(drop)?
            .dyn_into()
            .map_err(drop)?;
        // Success is a redirect the browser followed; anything else keeps the form.
        if !(response.ok() && response.redirected()) {
            return Err(());
        }
        let url = response.url();
        if !url.contains("/quiz/attempts/") {
            return Ok(Sent::Elsewhere(url));
        }
        let text = JsFuture::from(response.text().map_err(drop)?)
            .await
            .map_err(drop)?
            .as_string()
            .ok_or(())?;
        show_page(&text, &url).map_err(drop)?;
        Ok(Sent::Shown)
    }

    /// Puts the `<main>` and title of the page `html` (from `url`) in place of this page's,
    /// records the address, and moves focus to the new heading. Going back reloads.
    fn show_page(html: &str, url: &str) -> Result<(), JsValue> {
        let parsed = DomParser::new()?.parse_from_string(html, SupportedType::TextHtml)?;
        let here = document();
        let (Some(new_main), Some(main)) =
            (parsed.query_selector("main")?, here.query_selector("main")?)
        else {
            return Err(JsValue::NULL);
        };
        main.set_inner_html(&new_main.inner_html());
        here.set_title(&parsed.title());
        let history = window().history()?;
        history.push_state_with_url(&JsValue::NULL, "", Some(url))?;
        window().set_onpopstate(Some(
            wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
                let _ = window().location().reload();
            })
            .into_js_value()
            .unchecked_ref(),
        ));
        window().scroll_to_with_x_and_y(0.0, 0.0);
        if let Some(heading) = main
            .query_selector("h1")?
            .and_then(|h| h.dyn_into::<HtmlElement>().ok())
        {
            heading.set_tab_index(-1);
            heading.focus()?;
        }
        Ok(())
    }
}
