//! The content loader on anything: a module folder whose files are cut from the input.
//!
//! The input is split at lines `%%` into: module.toml, vi/module.ftl, vi/first.md,
//! vi/second.md, en/module.ftl, en/first.md, targets.toml (missing parts stay missing). The
//! loader must never panic, every problem must point at a line of its file, and whatever
//! loads renders in every language without raw HTML or script links.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safesteps_app::catalog;
use safesteps_app::i18n::Lang;
use std::path::PathBuf;
use std::sync::OnceLock;

const FILES: [&str; 7] = [
    "modules/sample-module/module.toml",
    "modules/sample-module/vi/module.ftl",
    "modules/sample-module/vi/first.md",
    "modules/sample-module/vi/second.md",
    "modules/sample-module/en/module.ftl",
    "modules/sample-module/en/first.md",
    "targets.toml",
];

/// One folder per fuzzing process, rewritten for each input.
fn folder() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        std::env::temp_dir().join(format!("safesteps-fuzz-content-{}", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let dir = folder();
    let _ = std::fs::remove_dir_all(dir);
    let parts: Vec<&str> = text.split("\n%%\n").collect();
    for (file, part) in FILES.iter().zip(&parts) {
        let path = dir.join(file);
        std::fs::create_dir_all(path.parent().expect("a file has a folder")).expect("temp folder");
        std::fs::write(&path, part).expect("temp file");
    }
    std::fs::create_dir_all(dir.join("modules")).expect("temp folder");

    let loaded = catalog::load(dir);
    for problem in &loaded.problems {
        if let Ok(file) = std::fs::read_to_string(&problem.path) {
            let lines = file.lines().count().max(1);
            assert!(
                problem.line <= lines + 1,
                "{problem} points past the end of its file ({lines} lines)"
            );
        }
    }
    for module in loaded.catalog.modules() {
        for lang in Lang::ALL {
            let texts = module.texts(lang);
            assert_eq!(texts.lessons.len(), module.module.lessons.len());
            for lesson in &texts.lessons {
                let html = lesson.html.to_lowercase();
                assert!(!html.contains("<script"), "script in {html}");
                assert!(!html.contains("<iframe"), "iframe in {html}");
                // Inside tags only: a lesson may well say `src="javascript:` in its text,
                // where it is shown, not run (text's `<` is escaped, so every `<` opens a tag).
                for tag in html.split('<').skip(1) {
                    let tag = tag.split('>').next().unwrap_or("");
                    assert!(!tag.contains("href=\"javascript:"), "script link in {html}");
                    assert!(!tag.contains("src=\"javascript:"), "script source in {html}");
                }
            }
        }
    }
});
