//! Interface strings through Fluent (`locales/<lang>/*.ftl`), and the language in force.
//!
//! The same compiled-in bundles serve the server render and the hydrated client, so both
//! produce the same text. Vietnamese is the default and the fallback.

mod negotiate;

pub use negotiate::{lang_from_accept_language, lang_from_cookies, negotiate, LANG_COOKIE};

use fluent_bundle::{concurrent::FluentBundle, FluentArgs, FluentResource};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::sync::LazyLock;
use unic_langid::LanguageIdentifier;

/// A calendar day (`YYYY-MM-DD`, as files, URLs and the database keep it) as the reader writes
/// it: `06/12/2026` in Vietnamese, unchanged (ISO, unambiguous) in English. Anything that is not
/// such a day is returned as it is.
pub fn day_text(iso: &str, lang: Lang) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    match (lang, parts.as_slice()) {
        (Lang::Vi, [y, m, d])
            if y.len() == 4
                && m.len() == 2
                && d.len() == 2
                && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) =>
        {
            format!("{d}/{m}/{y}")
        }
        _ => iso.to_owned(),
    }
}

/// A language SafeSteps is offered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// Every offered language, the default first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// The BCP 47 code, as used in `<html lang>`, cookies and the `locales/` folders.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Parses a code such as `vi`, `EN` or `en-GB` (only the primary subtag counts).
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(primary))
    }

    fn index(self) -> usize {
        match self {
            Lang::Vi => 0,
            Lang::En => 1,
        }
    }
}

/// One Fluent file of the interface: its language, its path (for messages) and its text.
pub struct LocaleFile {
    pub lang: Lang,
    pub path: &'static str,
    pub source: &'static str,
}

/// Every interface Fluent file, compiled in so the WASM needs no extra request.
pub const LOCALE_FILES: &[LocaleFile] = &[
    LocaleFile {
        lang: Lang::Vi,
        path: "locales/vi/main.ftl",
        source: include_str!("../../../locales/vi/main.ftl"),
    },
    LocaleFile {
        lang: Lang::En,
        path: "locales/en/main.ftl",
        source: include_str!("../../../locales/en/main.ftl"),
    },
];

type Bundle = FluentBundle<FluentResource>;

static BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| Lang::ALL.map(build_bundle).into());

fn build_bundle(lang: Lang) -> Bundle {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // No Unicode isolation marks: both languages are left-to-right.
    bundle.set_use_isolating(false);
    for file in LOCALE_FILES.iter().filter(|f| f.lang == lang) {
        // Syntax errors are caught by the tests; a damaged entry is skipped, the rest is kept.
        let resource = FluentResource::try_new(file.source.to_owned()).unwrap_or_else(|(r, _)| r);
        // Duplicate keys are caught by the tests too; the first definition wins.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// Who a page speaks to. Vietnamese addresses a child as "em" and an adult as "anh/chị" (or
/// without a pronoun); every message gets it as `$voice` (`child` or `adult`) to choose with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Voice {
    Child,
    /// Adults, and visitors who are not signed in (texts for them stay neutral).
    #[default]
    Adult,
}

impl Voice {
    pub fn code(self) -> &'static str {
        match self {
            Voice::Child => "child",
            Voice::Adult => "adult",
        }
    }
}

/// The text of `key` in `lang` for an adult or a visitor, falling back to Vietnamese, then to
/// the key itself (which the locale tests forbid from ever happening).
pub fn translate(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    translate_for(lang, Voice::default(), key, args)
}

/// The text of `key` in `lang`, spoken to `voice`.
pub fn translate_for(lang: Lang, voice: Voice, key: &str, args: Option<&FluentArgs>) -> String {
    let mut all = FluentArgs::new();
    for (name, value) in args.into_iter().flat_map(FluentArgs::iter) {
        all.set(name, value.clone());
    }
    all.set("voice", voice.code());
    let args = Some(&all);
    [lang, Lang::default()]
        .into_iter()
        .find_map(|lang| {
            let bundle = &BUNDLES[lang.index()];
            let pattern = bundle.get_message(key)?.value()?;
            let mut errors = Vec::new();
            Some(
                bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned(),
            )
        })
        .unwrap_or_else(|| key.to_owned())
}

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

#[cfg(not(any(feature = "ssr", feature = "hydrate")))]
fn initial_lang() -> Lang {
    Lang::default()
}

#[cfg(test)]
mod tests;
