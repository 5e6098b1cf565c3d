//! Choosing the interface language: explicit choice (cookie) → profile (later) →
//! `Accept-Language` → Vietnamese. Pure functions, no I/O.

use super::Lang;

/// The cookie that keeps an explicit language choice.
pub const LANG_COOKIE: &str = "lang";

/// Picks the language for a request from its `Cookie` and `Accept-Language` headers.
pub fn negotiate(cookie_header: Option<&str>, accept_language: Option<&str>) -> Lang {
    cookie_header
        .and_then(lang_from_cookies)
        .or_else(|| accept_language.and_then(lang_from_accept_language))
        .unwrap_or_default()
}

/// The language named by the `lang` cookie, if it names a supported one.
pub fn lang_from_cookies(cookie_header: &str) -> Option<Lang> {
    cookie_header
        .split(';')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| name.trim() == LANG_COOKIE)
        .and_then(|(_, value)| Lang::from_code(value.trim()))
}

/// The supported language the browser prefers most, honouring `q` weights.
/// Ties keep the browser's order; `q=0` means "not acceptable".
pub fn lang_from_accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(Lang, f32)> = None;
    for entry in header.split(',') {
        let mut parts = entry.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let quality = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let primary = tag.split('-').next().unwrap_or("");
        let Some(lang) = Lang::from_code(primary) else {
            continue;
        };
        if quality > 0.0 && best.is_none_or(|(_, q)| quality > q) {
            best = Some((lang, quality));
        }
    }
    best.map(|(lang, _)| lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_when_nothing_is_known() {
        assert_eq!(negotiate(None, None), Lang::Vi);
        assert_eq!(negotiate(Some("other=1"), Some("fr-FR,de;q=0.5")), Lang::Vi);
    }

    #[test]
    fn cookie_beats_accept_language() {
        assert_eq!(negotiate(Some("a=b; lang=vi"), Some("en-US")), Lang::Vi);
        assert_eq!(negotiate(Some("lang=en"), Some("vi")), Lang::En);
    }

    #[test]
    fn an_unknown_cookie_value_falls_back_to_the_browser() {
        assert_eq!(negotiate(Some("lang=xx"), Some("en")), Lang::En);
    }

    #[test]
    fn accept_language_honours_weights() {
        assert_eq!(
            lang_from_accept_language("fr;q=0.9, en;q=0.5, vi;q=0.8"),
            Some(Lang::Vi)
        );
        assert_eq!(
            lang_from_accept_language("en-GB,en;q=0.9,vi;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(lang_from_accept_language("vi-VN"), Some(Lang::Vi));
        assert_eq!(
            lang_from_accept_language("en;q=0, vi;q=0.1"),
            Some(Lang::Vi)
        );
        assert_eq!(lang_from_accept_language("en;q=0"), None);
        assert_eq!(lang_from_accept_language(""), None);
        assert_eq!(lang_from_accept_language("*"), None);
    }
}
