//! People's names in the order Vietnamese lists use: by given name (the last word), then by the
//! family and middle names, each compared in Vietnamese letter order — a ă â b c d đ e ê g h i k
//! l m n o ô ơ p q r s t u ư v x y — with the tone marks deciding only between otherwise equal
//! names (no mark, huyền, hỏi, ngã, sắc, nặng). A class list ordered this way is the one
//! teachers read out, so a child finds their name where they expect it.

use unicode_normalization::UnicodeNormalization;

/// The letters in Vietnamese order; letters not in it (f, j, w, z, other scripts) come after,
/// by code point.
const ALPHABET: &[char] = &[
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

/// A name's letters as (letter rank, tone) pairs, lower case.
fn letters(word: &str) -> (Vec<u32>, Vec<u8>) {
    let mut ranks = Vec::new();
    let mut tones = Vec::new();
    let mut chars = word.nfd().flat_map(char::to_lowercase).peekable();
    while let Some(c) = chars.next() {
        if is_tone(c) || is_shape_mark(c) {
            continue; // a stray mark with no letter before it
        }
        let mut letter = c;
        let mut tone = 0;
        while let Some(&mark) = chars.peek() {
            if let Some(shaped) = shaped(letter, mark) {
                letter = shaped;
            } else if is_tone(mark) {
                tone = tone_rank(mark);
            } else if !is_shape_mark(mark) {
                break;
            }
            chars.next();
        }
        ranks.push(
            ALPHABET
                .iter()
                .position(|&l| l == letter)
                .map_or(ALPHABET.len() as u32 + letter as u32, |p| p as u32),
        );
        tones.push(tone);
    }
    (ranks, tones)
}

/// ă, â, ê, ô, ơ, ư from a base letter and its mark (after NFD).
fn shaped(letter: char, mark: char) -> Option<char> {
    Some(match (letter, mark) {
        ('a', '\u{306}') => 'ă',
        ('a', '\u{302}') => 'â',
        ('e', '\u{302}') => 'ê',
        ('o', '\u{302}') => 'ô',
        ('o', '\u{31b}') => 'ơ',
        ('u', '\u{31b}') => 'ư',
        _ => return None,
    })
}

fn is_shape_mark(c: char) -> bool {
    matches!(c, '\u{306}' | '\u{302}' | '\u{31b}')
}

fn is_tone(c: char) -> bool {
    tone_rank(c) > 0
}

/// huyền, hỏi, ngã, sắc, nặng → 1..5; anything else 0.
fn tone_rank(c: char) -> u8 {
    match c {
        '\u{300}' => 1,
        '\u{309}' => 2,
        '\u{303}' => 3,
        '\u{301}' => 4,
        '\u{323}' => 5,
        _ => 0,
    }
}

/// What a full name sorts by: the given name's letters then the other words', the tones of
/// the same words, and the name as written (so equal-looking names keep one order).
fn sort_key(name: &str) -> (Vec<Vec<u32>>, Vec<Vec<u8>>, String) {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    let given = words.pop().unwrap_or_default();
    let (ranks, tones) = std::iter::once(given).chain(words).map(letters).unzip();
    (ranks, tones, name.to_owned())
}

/// Sorts `items` by the name `name_of` gives, as a Vietnamese class list orders them (each
/// name's key computed once).
pub fn sort_by_name<T>(items: &mut [T], name_of: impl Fn(&T) -> &str) {
    items.sort_by_cached_key(|item| sort_key(name_of(item)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
        sort_by_name(&mut names, |n| n.as_str());
        names
    }

    #[test]
    fn by_given_name_then_family_name() {
        assert_eq!(
            sorted(&[
                "Lò Văn An",
                "Giàng Thị Mai",
                "Tòng Thị Bình",
                "Hoàng Văn An",
                "Vàng A Chứ"
            ]),
            [
                "Hoàng Văn An",
                "Lò Văn An",
                "Tòng Thị Bình",
                "Vàng A Chứ",
                "Giàng Thị Mai"
            ]
        );
    }

    #[test]
    fn in_vietnamese_letter_order_not_by_code_point() {
        // Đ after D (by code point it would come after every Latin letter), Ă and Â after A,
        // Ư after U, Ơ after Ô after O.
        assert_eq!(
            sorted(&[
                "Lò Thị Đào",
                "Lò Thị Dung",
                "Lò Thị Ân",
                "Lò Thị Ăn",
                "Lò Thị Anh"
            ]),
            [
                "Lò Thị Anh",
                "Lò Thị Ăn",
                "Lò Thị Ân",
                "Lò Thị Dung",
                "Lò Thị Đào"
            ]
        );
        assert_eq!(
            sorted(&["A Ưng", "A Uyên", "A Vũ"]),
            ["A Uyên", "A Ưng", "A Vũ"]
        );
        assert_eq!(sorted(&["A Ơn", "A Ôn", "A On"]), ["A On", "A Ôn", "A Ơn"]);
    }

    #[test]
    fn tones_only_between_otherwise_equal_names() {
        // ngang, huyền, hỏi, ngã, sắc, nặng.
        assert_eq!(
            sorted(&["Ma", "Mạ", "Má", "Mã", "Mả", "Mà"]),
            ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"]
        );
        // A tone does not outrank a letter: "Lá" before "Lan".
        assert_eq!(sorted(&["Lan", "Lá"]), ["Lá", "Lan"]);
    }

    #[test]
    fn composed_or_decomposed_and_any_case_sort_alike() {
        let composed = "Nguyễn Thị Hồng";
        let decomposed: String = composed.nfd().collect();
        assert_eq!(letters(composed), letters(&decomposed));
        assert_eq!(
            sorted(&[&decomposed, "Nguyễn Thị Hoa"])[0],
            "Nguyễn Thị Hoa",
            "decomposed text sorts by its letters"
        );
        assert_eq!(letters("ĐÀO"), letters("đào"));
    }
}
