//! The language and voice of the page being rendered, shared through Leptos' context (the
//! server's render and the browser's islands; the rest of `i18n` needs neither).

use super::*;
use leptos::prelude::*;

/// The language in force for this page, shared through context.
#[derive(Clone, Copy)]
pub struct I18n {
    lang: RwSignal<Lang>,
    voice: RwSignal<Voice>,
}

impl I18n {
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
    }

    /// Speak to a child ("em") on this page: set once the viewer is known.
    pub fn set_voice(&self, voice: Voice) {
        self.voice.set(voice);
    }

    /// The text of `key` in the current language (reactive when called in a closure).
    pub fn tr(&self, key: &str) -> String {
        translate_for(self.lang.get(), self.voice.get(), key, None)
    }

    /// The text of `key` with Fluent arguments.
    pub fn tr_args(&self, key: &str, args: &FluentArgs) -> String {
        translate_for(self.lang.get(), self.voice.get(), key, Some(args))
    }
}

/// Puts the language for this render into context: on the server, from the request; in the
/// browser, from `<html lang>` as the server rendered it (so hydration sees the same text).
pub fn provide_i18n() -> I18n {
    if let Some(i18n) = use_context::<I18n>() {
        return i18n;
    }
    let i18n = I18n {
        lang: RwSignal::new(initial_lang()),
        voice: RwSignal::new(Voice::default()),
    };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().unwrap_or_else(provide_i18n)
}

/// A reactive view of the interface string `key`.
pub fn t(key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    let i18n = use_i18n();
    move || i18n.tr(key)
}

#[cfg(feature = "ssr")]
fn initial_lang() -> Lang {
    use axum::http::{header, request::Parts};
    use_context::<Parts>()
        .map(|parts| {
            let header = |name| parts.headers.get(name).and_then(|v| v.to_str().ok());
            negotiate(header(header::COOKIE), header(header::ACCEPT_LANGUAGE))
        })
        .unwrap_or_default()
}

#[cfg(all(feature = "hydrate", not(feature = "ssr")))]
fn initial_lang() -> Lang {
    document()
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}
