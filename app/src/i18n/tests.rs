use super::*;
use fluent_bundle::FluentResource;
use fluent_syntax::ast;
use std::collections::BTreeSet;
use std::path::Path;

/// The message ids (and `id.attribute` names) a Fluent source defines, in order.
fn message_ids(source: &str) -> Result<Vec<String>, String> {
    let resource =
        FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| format!("{errors:?}"))?;
    let mut ids = Vec::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(message) = entry {
            ids.push(message.id.name.to_owned());
            for attribute in &message.attributes {
                ids.push(format!("{}.{}", message.id.name, attribute.id.name));
            }
        }
    }
    Ok(ids)
}

/// Keys present in `a` but not in `b`.
fn missing_from(a: &[String], b: &[String]) -> Vec<String> {
    let b: BTreeSet<_> = b.iter().collect();
    a.iter().filter(|k| !b.contains(k)).cloned().collect()
}

fn ids_of(lang: Lang) -> Vec<String> {
    LOCALE_FILES
        .iter()
        .filter(|f| f.lang == lang)
        .flat_map(|f| message_ids(f.source).unwrap_or_else(|e| panic!("{}: {e}", f.path)))
        .collect()
}

#[test]
fn every_locale_file_parses() {
    for file in LOCALE_FILES {
        if let Err(errors) = message_ids(file.source) {
            panic!("{} has syntax errors: {errors}", file.path);
        }
    }
}

#[test]
fn a_missing_key_is_detected() {
    let vi = message_ids("a = một\nb = hai\n    .title = tiêu đề\n").unwrap();
    let en = message_ids("a = one\nb = two\n").unwrap();
    assert_eq!(missing_from(&vi, &en), vec!["b.title".to_owned()]);
    assert!(missing_from(&en, &vi).is_empty());
    assert!(message_ids("a = \n= broken").is_err());
}

#[test]
fn every_locale_has_the_same_keys_and_no_duplicates() {
    let vi = ids_of(Lang::Vi);
    for lang in Lang::ALL {
        let ids = ids_of(lang);
        let unique: BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{lang:?} defines a key twice");
        assert_eq!(
            missing_from(&vi, &ids),
            Vec::<String>::new(),
            "missing in {lang:?}"
        );
        assert_eq!(
            missing_from(&ids, &vi),
            Vec::<String>::new(),
            "missing in vi, present in {lang:?}"
        );
    }
}

/// Every `t("key")`, `.tr("key")` and `.tr_args("key", …)` in the app's source.
fn keys_used_in_code() -> BTreeSet<String> {
    fn walk(dir: &Path, keys: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).expect("read app/src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, keys);
            } else if path.extension().is_some_and(|e| e == "rs")
                && !path.ends_with("i18n/tests.rs")
            {
                let text = std::fs::read_to_string(&path).expect("read source file");
                keys.extend(keys_in(&text));
            }
        }
    }
    let mut keys = BTreeSet::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut keys,
    );
    keys
}

fn keys_in(text: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for marker in ["t(\"", "tr(\"", "tr_args(\""] {
        for (at, _) in text.match_indices(marker) {
            let before = text[..at].chars().next_back();
            let word_start = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
            if !word_start {
                continue;
            }
            let rest = &text[at + marker.len()..];
            if let Some(end) = rest.find('"') {
                keys.push(rest[..end].to_owned());
            }
        }
    }
    keys
}

#[test]
fn key_scanner_finds_calls_and_ignores_lookalikes() {
    let code =
        r#"view!{ {t("home-title")} } i18n.tr("x-y"); i18n.tr_args("z", &a); set("no"); at("no")"#;
    assert_eq!(keys_in(code), vec!["home-title", "x-y", "z"]);
}

#[test]
fn every_key_used_in_code_exists_in_every_locale() {
    let used = keys_used_in_code();
    assert!(used.len() > 5, "the scanner found too few keys: {used:?}");
    for lang in Lang::ALL {
        let ids: BTreeSet<_> = ids_of(lang).into_iter().collect();
        let missing: Vec<_> = used.iter().filter(|k| !ids.contains(*k)).collect();
        assert!(
            missing.is_empty(),
            "keys used in code but missing in {lang:?}: {missing:?}"
        );
    }
}

#[test]
fn translate_falls_back_to_vietnamese_then_to_the_key() {
    assert_eq!(translate(Lang::Vi, "help-hotline", None), "111");
    assert_ne!(
        translate(Lang::En, "help-banner", None),
        translate(Lang::Vi, "help-banner", None)
    );
    assert_eq!(translate(Lang::En, "no-such-key", None), "no-such-key");
}

#[test]
fn lang_codes_round_trip() {
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), Some(lang));
    }
    assert_eq!(Lang::from_code("EN-gb"), Some(Lang::En));
    assert_eq!(Lang::from_code("fr"), None);
}

/// Keys the code builds at run time (the scanner only sees literal `t("…")` calls).
#[test]
fn every_key_built_at_run_time_exists_in_every_locale() {
    use crate::domain::person::Role;
    use crate::domain::secret::PICTURES;
    let mut keys: Vec<String> = Role::ALL.iter().map(|r| r.label_key().to_owned()).collect();
    keys.extend(PICTURES.iter().map(|p| format!("picture-{p}")));
    #[cfg(feature = "ssr")]
    {
        use crate::auth::AuthError;
        use crate::domain::password::PasswordProblem;
        for error in [
            AuthError::Wrong,
            AuthError::Wait { minutes: 3 },
            AuthError::AskTeacher,
            AuthError::BadInput("x"),
            AuthError::UnknownFamily,
            AuthError::UsedFamily,
            AuthError::PhoneTaken,
            AuthError::Password(PasswordProblem::TooShort(3)),
            AuthError::Password(PasswordProblem::TooLong),
            AuthError::Password(PasswordProblem::Guessable),
            AuthError::Hash(String::new()),
        ] {
            keys.push(error.message_key().to_owned());
        }
    }
    // The server's refusal pages (server/src/guard.rs) and roster upload failures.
    keys.extend(
        [
            "error-csrf",
            "error-forbidden",
            "error-sign-in-needed",
            "error-not-found",
            "error-too-big",
            "error-bad-form",
            "error-server",
            "quiz-reload",
            "upload-no-file",
            "upload-too-big",
            "upload-not-utf8",
            "action-not-confirmed",
            "person-no-role",
            "person-problem-role",
            "person-problem-unit-kind",
        ]
        .map(String::from),
    );
    {
        use crate::domain::roster::ProblemKind as K;
        for kind in [
            K::Header {
                found: String::new(),
            },
            K::Unreadable {
                error: String::new(),
            },
            K::FieldCount { found: 0 },
            K::Empty { field: "" },
            K::TooLong { field: "" },
            K::UnknownSchool {
                code: String::new(),
            },
            K::NotYourSchool {
                code: String::new(),
            },
            K::SchoolYear {
                value: String::new(),
            },
            K::Role {
                value: String::new(),
            },
            K::Username {
                value: String::new(),
            },
            K::BirthYear {
                value: String::new(),
            },
            K::Secret {
                value: String::new(),
            },
            K::NotForTeachers { field: "" },
            K::Duplicate { first_row: 0 },
            K::UsernameTaken {
                value: String::new(),
            },
            K::NotInYourUnits {
                value: String::new(),
            },
        ] {
            keys.push(kind.key().to_owned());
        }
    }
    {
        use crate::domain::counts::CountProblemKind as C;
        use crate::domain::coverage::{Band, Flag};
        let text = String::new;
        for kind in [
            C::Header { found: text() },
            C::Unreadable { error: text() },
            C::FieldCount { found: 0 },
            C::UnknownUnit { code: text() },
            C::NotYourUnit { code: text() },
            C::UnknownTarget { value: text() },
            C::Year { value: text() },
            C::Count { value: text() },
            C::Source,
            C::AsOf { value: text() },
            C::Duplicate { first_row: 0 },
        ] {
            keys.push(kind.key().to_owned());
        }
        for band in [Band::Met, Band::OnTrack, Band::Behind, Band::FarBehind] {
            keys.push(format!("coverage-band-{}", band.code()));
        }
        for flag in [
            Flag::NoOfficialCount,
            Flag::OfficialBelowRegistered,
            Flag::MostNotRegistered,
        ] {
            keys.push(format!("coverage-flag-{}", flag.code()));
        }
        for counting in ["people", "households", "units"] {
            keys.push(format!("coverage-counts-{counting}"));
        }
    }
    for lang in Lang::ALL {
        let ids: BTreeSet<_> = ids_of(lang).into_iter().collect();
        let missing: Vec<_> = keys.iter().filter(|k| !ids.contains(*k)).collect();
        assert!(missing.is_empty(), "keys missing in {lang:?}: {missing:?}");
    }
}

#[test]
fn days_are_written_as_the_reader_writes_them() {
    assert_eq!(day_text("2026-12-06", Lang::Vi), "06/12/2026");
    assert_eq!(day_text("2026-12-06", Lang::En), "2026-12-06");
    for not_a_day in [
        "",
        "2026-12",
        "2026-1-06",
        "26-12-06",
        "2026-ab-06",
        "06/12/2026",
    ] {
        assert_eq!(day_text(not_a_day, Lang::Vi), not_a_day);
    }
}

/// One voice: children are "em", adults "anh/chị" or no pronoun; "bạn" is only ever a friend
/// ("bạn bè", "một bạn"), never the reader.
#[test]
fn vietnamese_speaks_to_children_as_em_and_never_as_ban() {
    let passed = |voice| {
        let mut args = FluentArgs::new();
        args.set("mark", 80);
        translate_for(Lang::Vi, voice, "result-passed", Some(&args))
    };
    assert_eq!(passed(Voice::Child), "Tuyệt vời! Em đã đạt (cần 80%).");
    assert_eq!(passed(Voice::Adult), "Tuyệt vời! Anh/chị đã đạt (cần 80%).");
    assert_eq!(
        translate_for(Lang::Vi, Voice::Child, "learn-for-you", None),
        "Dành cho em"
    );
    // English has one "you" for both.
    assert_eq!(
        translate_for(Lang::En, Voice::Child, "learn-for-you", None),
        translate_for(Lang::En, Voice::Adult, "learn-for-you", None)
    );
    let vi = LOCALE_FILES
        .iter()
        .find(|f| f.lang == Lang::Vi)
        .map(|f| f.source);
    for (number, line) in vi.unwrap_or_default().lines().enumerate() {
        let words: Vec<String> = line
            .split(|c: char| !c.is_alphanumeric())
            .map(str::to_lowercase)
            .collect();
        for (i, word) in words.iter().enumerate() {
            let friend = i > 0 && ["một", "các", "nhóm", "kết"].contains(&words[i - 1].as_str())
                || words.get(i + 1).is_some_and(|next| {
                    ["bè", "ấy", "khác", "học", "cùng"].contains(&next.as_str())
                });
            assert!(
                word != "bạn" || friend,
                "locales/vi/main.ftl:{}: \"bạn\" speaks to the reader: {line}",
                number + 1
            );
        }
    }
}

#[test]
fn the_texts_formatted_once_are_what_fluent_formats() {
    for lang in Lang::ALL {
        for voice in [Voice::Child, Voice::Adult] {
            for id in ids_of(lang).iter().filter(|id| !id.contains('.')) {
                assert_eq!(
                    translate_for(lang, voice, id, None),
                    format_message(lang, voice, id, None),
                    "{id} in {lang:?} to {voice:?}"
                );
            }
        }
    }
    // Kept: a message without arguments. Not kept: one that needs an argument (formatted
    // each time, as it comes) and one that does not exist (the key, as before).
    assert_eq!(
        without_arguments(Lang::En, Voice::Adult, "classes-ok"),
        Some("OK")
    );
    assert_eq!(
        without_arguments(Lang::Vi, Voice::Adult, "classes-failures-today"),
        None
    );
    assert_eq!(
        without_arguments(Lang::Vi, Voice::Adult, "no-such-key"),
        None
    );
    assert_eq!(translate(Lang::Vi, "no-such-key", None), "no-such-key");
}
