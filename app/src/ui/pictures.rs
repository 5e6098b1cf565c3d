//! The nine pictures of picture passwords, drawn in SVG: emoji depend on the computer's fonts
//! (many lab machines have none), and a child who cannot read goes by the picture alone.

use leptos::prelude::*;
use std::sync::LazyLock;

/// Picture `index` (0–8, in the order of `domain::secret::PICTURES`).
#[component]
pub fn Picture(index: u8) -> impl IntoView {
    glyph(drawing_html(index))
}

/// Picture `index` drawn by reference to the page's `PictureSymbols` (which must be on the
/// page): a class page or a sheet of cards shows two pictures a student, and each drawn in full
/// was a third of the class page's bytes.
#[component]
pub fn PictureUse(index: u8) -> impl IntoView {
    glyph(use_html(index))
}

/// A picture's frame around its markup (a drawing, or a reference to one).
fn glyph(inner: &'static str) -> impl IntoView {
    view! {
        <svg class="glyph" viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false"
            inner_html=inner>
        </svg>
    }
}

/// The nine drawings as symbols, once on a page that shows `PictureUse`.
#[component]
pub fn PictureSymbols() -> impl IntoView {
    view! {
        <svg class="picture-symbols" width="0" height="0" aria-hidden="true" focusable="false"
            inner_html=symbols_html()>
        </svg>
    }
}

/// Every drawing's SVG markup, rendered once (not again for every page).
static DRAWINGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    (0..crate::domain::secret::PICTURES.len())
        .map(|i| drawing(i as u8).to_html())
        .collect()
});

/// The drawing `index` (the last one for any index past the end).
fn drawing_html(index: u8) -> &'static str {
    DRAWINGS.get(symbol_id(index)).map_or("", String::as_str)
}

/// Where picture `index` is among the drawings: the last one for any index past the end.
fn symbol_id(index: u8) -> usize {
    usize::from(index).min(DRAWINGS.len().saturating_sub(1))
}

/// `<use>` of symbol `index`; `xlink:href` too, for the older browsers of some school labs.
fn use_html(index: u8) -> &'static str {
    static USES: LazyLock<Vec<String>> = LazyLock::new(|| {
        (0..DRAWINGS.len())
            .map(|i| format!("<use href=\"#picture-{i}\" xlink:href=\"#picture-{i}\"></use>"))
            .collect()
    });
    USES.get(symbol_id(index)).map_or("", String::as_str)
}

fn symbols_html() -> &'static str {
    static SYMBOLS: LazyLock<String> = LazyLock::new(|| {
        DRAWINGS
            .iter()
            .enumerate()
            .map(|(i, drawing)| {
                format!("<symbol id=\"picture-{i}\" viewBox=\"0 0 48 48\">{drawing}</symbol>")
            })
            .collect()
    });
    &SYMBOLS
}

/// The shapes of picture `index` (the last one for any index past the end).
fn drawing(index: u8) -> AnyView {
    match index {
        0 => view! {
            <g stroke="#e39b00" stroke-width="3" stroke-linecap="round">
                <line x1="24" y1="3" x2="24" y2="10" /><line x1="24" y1="38" x2="24" y2="45" />
                <line x1="3" y1="24" x2="10" y2="24" /><line x1="38" y1="24" x2="45" y2="24" />
                <line x1="9" y1="9" x2="14" y2="14" /><line x1="34" y1="34" x2="39" y2="39" />
                <line x1="9" y1="39" x2="14" y2="34" /><line x1="34" y1="14" x2="39" y2="9" />
            </g>
            <circle cx="24" cy="24" r="10" fill="#ffc107" />
        }
        .into_any(),
        1 => view! { <path d="M30 6a18 18 0 1 0 12 30A15 15 0 0 1 30 6z" fill="#f2d45c" stroke="#b8960f" stroke-width="2" /> }.into_any(),
        2 => view! {
            <polygon points="24,4 29.5,17.5 44,18.5 33,28 36.5,42.5 24,34.5 11.5,42.5 15,28 4,18.5 18.5,17.5"
                fill="#ffd54f" stroke="#c79100" stroke-width="2" stroke-linejoin="round" />
        }
        .into_any(),
        3 => view! {
            <rect x="20" y="30" width="8" height="15" fill="#8d5524" />
            <circle cx="24" cy="18" r="14" fill="#3e9b4f" />
            <circle cx="15" cy="25" r="8" fill="#2e7d32" /><circle cx="33" cy="25" r="8" fill="#2e7d32" />
        }
        .into_any(),
        4 => view! {
            <line x1="24" y1="26" x2="24" y2="46" stroke="#2e7d32" stroke-width="3" />
            <g fill="#ec6fa4">
                <circle cx="24" cy="9" r="7" /><circle cx="34" cy="17" r="7" /><circle cx="30" cy="28" r="7" />
                <circle cx="18" cy="28" r="7" /><circle cx="14" cy="17" r="7" />
            </g>
            <circle cx="24" cy="19" r="5" fill="#ffd54f" />
        }
        .into_any(),
        5 => view! {
            <polygon points="8,14 8,34 18,24" fill="#0288d1" />
            <ellipse cx="28" cy="24" rx="16" ry="11" fill="#29b6f6" />
            <circle cx="36" cy="21" r="2.5" fill="#0d1b2a" />
        }
        .into_any(),
        6 => view! {
            <polygon points="9,6 20,16 9,24" fill="#ff9800" /><polygon points="39,6 28,16 39,24" fill="#ff9800" />
            <circle cx="24" cy="27" r="16" fill="#ffb74d" />
            <circle cx="18" cy="24" r="2.5" fill="#0d1b2a" /><circle cx="30" cy="24" r="2.5" fill="#0d1b2a" />
            <polygon points="22,30 26,30 24,33" fill="#d84315" />
            <g stroke="#5d4037" stroke-width="1.5">
                <line x1="4" y1="29" x2="16" y2="31" /><line x1="4" y1="35" x2="16" y2="33" />
                <line x1="44" y1="29" x2="32" y2="31" /><line x1="44" y1="35" x2="32" y2="33" />
            </g>
        }
        .into_any(),
        7 => view! {
            <circle cx="24" cy="25" r="15" fill="#c8a27a" />
            <ellipse cx="9" cy="22" rx="6" ry="12" fill="#7b5233" /><ellipse cx="39" cy="22" rx="6" ry="12" fill="#7b5233" />
            <circle cx="18" cy="22" r="2.5" fill="#0d1b2a" /><circle cx="30" cy="22" r="2.5" fill="#0d1b2a" />
            <ellipse cx="24" cy="31" rx="4.5" ry="3.5" fill="#0d1b2a" />
            <path d="M20 37q4 4 8 0" fill="none" stroke="#0d1b2a" stroke-width="2" />
        }
        .into_any(),
        _ => view! {
            <polygon points="24,5 44,22 4,22" fill="#c62828" />
            <rect x="9" y="22" width="30" height="22" fill="#f5e6c8" stroke="#8d6e63" stroke-width="2" />
            <rect x="20" y="30" width="8" height="14" fill="#6d4c41" />
            <rect x="12" y="26" width="6" height="6" fill="#81d4fa" />
        }
        .into_any(),
    }
}
