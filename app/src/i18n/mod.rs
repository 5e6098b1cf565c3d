//! Interface strings through Fluent (`locales/<lang>/*.ftl`), and the language in force.
//!
//! The same compiled-in bundles serve the server render and the hydrated client, so both
//! produce the same text. Vietnamese is the default and the fallback.

mod negotiate;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
mod reactive;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub use reactive::{provide_i18n, t, use_i18n, I18n};

pub use negotiate::{lang_from_accept_language, lang_from_cookies, negotiate, LANG_COOKIE};

use fluent_bundle::{concurrent::FluentBundle, FluentArgs, FluentResource};
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

/// Tenths of a percent as a reader of `lang` writes them: `93,1` in Vietnamese, `93.1` in
/// English.
pub fn per_mille_text(per_mille: u32, lang: Lang) -> String {
    let text = crate::domain::coverage::per_mille_text(per_mille);
    match lang {
        Lang::Vi => text.replace('.', ","),
        Lang::En => text,
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
    #[cfg(feature = "ssr")]
    if args.is_none() {
        if let Some(text) = without_arguments(lang, voice, key) {
            return text.to_owned();
        }
    }
    format_message(lang, voice, key, args)
}

/// The messages that take no argument but the voice, formatted once for each language and
/// voice: a class page asks for some three hundred texts, most of them the same each time.
#[cfg(feature = "ssr")]
fn without_arguments(lang: Lang, voice: Voice, key: &str) -> Option<&'static str> {
    use std::collections::HashMap;
    type Texts = HashMap<String, String>;
    static TEXTS: LazyLock<Vec<Texts>> = LazyLock::new(|| {
        let ids: Vec<String> = LOCALE_FILES
            .iter()
            .filter_map(|f| FluentResource::try_new(f.source.to_owned()).ok())
            .flat_map(|r| {
                r.entries()
                    .filter_map(|e| match e {
                        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                        _ => None,
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut all = Vec::new();
        for lang in Lang::ALL {
            for voice in [Voice::Child, Voice::Adult] {
                let mut texts = Texts::new();
                let args = with_voice(voice, None);
                for id in &ids {
                    // Only a message that formats without a missing argument is kept.
                    if let Some(text) = format_checked(lang, id, &args) {
                        texts.insert(id.clone(), text);
                    }
                }
                all.push(texts);
            }
        }
        all
    });
    let index = lang.index() * 2 + usize::from(voice == Voice::Adult);
    TEXTS.get(index)?.get(key).map(String::as_str)
}

/// `key` in `lang` (or the default language), or `None` when it is missing or formatting
/// reported an error (an argument the message needs and was not given).
#[cfg(feature = "ssr")]
fn format_checked(lang: Lang, key: &str, args: &FluentArgs) -> Option<String> {
    let (text, clean) = formatted(lang, key, args)?;
    clean.then_some(text)
}

fn format_message(lang: Lang, voice: Voice, key: &str, args: Option<&FluentArgs>) -> String {
    formatted(lang, key, &with_voice(voice, args))
        .map(|(text, _)| text)
        .unwrap_or_else(|| key.to_owned())
}

/// `args` and the voice, as every message gets them.
fn with_voice<'a>(voice: Voice, args: Option<&'a FluentArgs<'a>>) -> FluentArgs<'a> {
    let mut all = FluentArgs::new();
    for (name, value) in args.into_iter().flat_map(FluentArgs::iter) {
        all.set(name, value.clone());
    }
    all.set("voice", voice.code());
    all
}

/// `key` formatted in `lang`, or else in the default language, and whether Fluent formatted it
/// without an error; `None` when neither has it.
fn formatted(lang: Lang, key: &str, args: &FluentArgs) -> Option<(String, bool)> {
    [lang, Lang::default()].into_iter().find_map(|lang| {
        let bundle = &BUNDLES[lang.index()];
        let pattern = bundle.get_message(key)?.value()?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(args), &mut errors);
        Some((text.into_owned(), errors.is_empty()))
    })
}

#[cfg(test)]
mod tests;
