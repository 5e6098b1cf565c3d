//! The checker: one test per problem class, with the exact message and line.

use super::*;
use proptest::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

const MANIFEST: &str = r#"id = "sample-module"
version = 1
audiences = ["student-6-10", "parent"]
minutes = 10
pass_mark = 80
prerequisites = []
tags = ["test"]
lessons = ["first", "second"]

[[quiz]]
id = "pick-one"
kind = "single"
options = ["a", "b"]
answer = ["b"]

[[quiz]]
id = "is-true"
kind = "true-false"
answer = ["true"]
"#;

const VI_FTL: &str = "title = Mẫu
summary = Tóm tắt
q-pick-one = Chọn một
    .a = Phương án A
    .b = Phương án B
    .explanation = Vì B đúng
q-is-true = Đúng không?
    .explanation = Đúng vậy
";

const EN_FTL: &str = "title = Sample
summary = Summary
q-pick-one = Pick one
    .a = Option A
    .b = Option B
    .explanation = Because B is right
q-is-true = True?
    .explanation = It is
";

/// A temporary content folder; removed when dropped.
struct Fixture {
    dir: PathBuf,
}

impl Fixture {
    fn new() -> Fixture {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "safesteps-content-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("modules")).unwrap();
        Fixture { dir }
    }

    /// A fixture with one valid module, `sample-module`.
    fn valid() -> Fixture {
        let f = Fixture::new();
        f.write("sample-module/module.toml", MANIFEST);
        f.write("sample-module/vi/module.ftl", VI_FTL);
        f.write(
            "sample-module/vi/first.md",
            "# Bài một\n\nNội dung bài một.\n",
        );
        f.write(
            "sample-module/vi/second.md",
            "# Bài hai\n\nNội dung bài hai. Gọi 111 (miễn phí, 24/7); khẩn cấp: 113, 115.\n",
        );
        f.write("sample-module/en/module.ftl", EN_FTL);
        f.write(
            "sample-module/en/first.md",
            "# Lesson one\n\nLesson one text.\n",
        );
        f.write(
            "sample-module/en/second.md",
            "# Lesson two\n\nLesson two text. Call 111 (free, 24/7); emergencies: 113, 115.\n",
        );
        f
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.dir.join("modules").join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Copies `sample-module` (as it is now) to a module named `id`, with extra replacements.
    fn copy_sample_as(&self, id: &str, replace: &[(&str, &str)]) {
        let files = [
            "module.toml",
            "vi/module.ftl",
            "vi/first.md",
            "vi/second.md",
            "en/module.ftl",
            "en/first.md",
            "en/second.md",
        ];
        for file in files {
            let text =
                std::fs::read_to_string(self.dir.join("modules/sample-module").join(file)).unwrap();
            let text = replace.iter().fold(
                text.replace("id = \"sample-module\"", &format!("id = \"{id}\"")),
                |t, (a, b)| t.replace(a, b),
            );
            self.write(&format!("{id}/{file}"), &text);
        }
    }

    fn remove(&self, path: &str) {
        std::fs::remove_file(self.dir.join("modules").join(path)).unwrap();
    }

    fn edit(&self, path: &str, from: &str, to: &str) {
        let full = self.dir.join("modules").join(path);
        let text = std::fs::read_to_string(&full).unwrap();
        assert!(text.contains(from), "{from:?} not in {path}");
        std::fs::write(full, text.replacen(from, to, 1)).unwrap();
    }

    fn load(&self) -> Loaded {
        load(&self.dir)
    }

    /// The problems as `modules/…:line: message`.
    fn problems(&self) -> Vec<String> {
        let prefix = format!("{}/", self.dir.display());
        self.load()
            .problems
            .iter()
            .map(|p| p.to_string().replace(&prefix, ""))
            .collect()
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn a_valid_module_loads_in_every_locale() {
    let f = Fixture::valid();
    let loaded = f.load();
    assert_eq!(loaded.problems, vec![]);
    let module = loaded.catalog.module("sample-module").expect("loaded");
    assert_eq!(module.module.lessons.len(), 2);
    let vi = module.texts(Lang::Vi);
    assert_eq!(vi.title, "Mẫu");
    assert_eq!(vi.lessons[0].title, "Bài một");
    assert_eq!(vi.lessons[0].html, "<p>Nội dung bài một.</p>\n");
    let en = module.texts(Lang::En);
    assert_eq!(en.title, "Sample");
    let q = &en.questions[&LocalId::parse("pick-one").unwrap()];
    assert_eq!(
        q.options[1],
        (LocalId::parse("b").unwrap(), "Option B".to_owned())
    );
    assert!(!en.fallback && !en.lessons[0].fallback);
}

#[test]
fn toml_syntax_error() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/module.toml",
        "minutes = 10",
        "minutes = = 10",
    );
    let problems = f.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("modules/sample-module/module.toml:4: "),
        "{problems:?}"
    );
}

#[test]
fn unknown_field() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/module.toml",
        "tags = [\"test\"]",
        "tags = [\"test\"]\ncolour = \"red\"",
    );
    let problems = f.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("modules/sample-module/module.toml:8: unknown field `colour`"),
        "{problems:?}"
    );
}

#[test]
fn missing_field() {
    let f = Fixture::valid();
    f.edit("sample-module/module.toml", "minutes = 10\n", "");
    let problems = f.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("modules/sample-module/module.toml:1: missing field `minutes`"),
        "{problems:?}"
    );
}

#[test]
fn module_id_must_match_its_folder() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/module.toml",
        "id = \"sample-module\"",
        "id = \"other-module\"",
    );
    assert_eq!(
        f.problems(),
        ["modules/sample-module/module.toml:1: id \"other-module\" must match the folder name \"sample-module\""]
    );
}

#[test]
fn duplicate_ids() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/module.toml",
        "lessons = [\"first\", \"second\"]",
        "lessons = [\"first\", \"second\", \"first\"]",
    );
    f.edit(
        "sample-module/module.toml",
        "options = [\"a\", \"b\"]",
        "options = [\"a\", \"b\", \"a\"]",
    );
    f.edit(
        "sample-module/module.toml",
        "id = \"is-true\"",
        "id = \"pick-one\"",
    );
    assert_eq!(
        f.problems(),
        [
            "modules/sample-module/module.toml:8: duplicate lesson id \"first\"",
            "modules/sample-module/module.toml:13: duplicate option id \"a\"",
            "modules/sample-module/module.toml:17: duplicate question id \"pick-one\"",
        ]
    );
}

#[test]
fn answer_names_an_option_that_does_not_exist() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/module.toml",
        "answer = [\"b\"]",
        "answer = [\"c\"]",
    );
    assert_eq!(
        f.problems(),
        ["modules/sample-module/module.toml:14: question \"pick-one\": the answer names option \"c\", which does not exist"]
    );
}

#[test]
fn single_choice_needs_exactly_one_answer() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/module.toml",
        "answer = [\"b\"]",
        "answer = [\"a\", \"b\"]",
    );
    assert_eq!(
        f.problems(),
        ["modules/sample-module/module.toml:14: question \"pick-one\": a single question needs exactly 1 answer, has 2"]
    );
}

#[test]
fn unknown_prerequisite() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/module.toml",
        "prerequisites = []",
        "prerequisites = [\"no-such-module\"]",
    );
    assert_eq!(
        f.problems(),
        ["modules/sample-module/module.toml:6: unknown prerequisite module \"no-such-module\""]
    );
}

#[test]
fn prerequisite_cycle() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/module.toml",
        "prerequisites = []",
        "prerequisites = [\"other-module\"]",
    );
    f.copy_sample_as(
        "other-module",
        &[("[\"other-module\"]", "[\"sample-module\"]")],
    );
    assert_eq!(
        f.problems(),
        ["modules/other-module/module.toml:6: prerequisites form a cycle: other-module → sample-module → other-module"]
    );
}

#[test]
fn a_text_missing_in_the_default_locale_is_an_error() {
    let f = Fixture::valid();
    f.edit("sample-module/vi/module.ftl", "summary = Tóm tắt\n", "");
    f.edit("sample-module/vi/module.ftl", "    .b = Phương án B\n", "");
    f.remove("sample-module/vi/second.md");
    assert_eq!(
        f.problems(),
        [
            "modules/sample-module/vi/module.ftl:1: missing text \"summary\"",
            "modules/sample-module/vi/module.ftl:1: missing text \"q-pick-one.b\"",
            "modules/sample-module/vi/second.md:1: missing lesson \"second\"",
        ]
    );
    assert!(
        f.load().catalog.module("sample-module").is_none(),
        "not loaded"
    );
}

#[test]
fn a_missing_translation_is_a_warning_and_falls_back_to_vietnamese() {
    let f = Fixture::valid();
    f.edit("sample-module/en/module.ftl", "title = Sample\n", "");
    f.remove("sample-module/en/second.md");
    let loaded = f.load();
    assert!(!loaded.has_errors());
    assert_eq!(
        f.problems(),
        [
            "modules/sample-module/en/module.ftl:1: warning: missing translation \"title\": the vi text is shown",
            "modules/sample-module/en/second.md:1: warning: missing translation of lesson \"second\": the vi text is shown",
        ]
    );
    let en = loaded
        .catalog
        .module("sample-module")
        .unwrap()
        .texts(Lang::En);
    assert_eq!(en.title, "Mẫu");
    assert!(en.fallback);
    assert_eq!(en.lessons[1].title, "Bài hai");
    assert!(en.lessons[1].fallback);
    assert!(!en.lessons[0].fallback);
}

#[test]
fn images_must_exist_and_have_alt_text() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/vi/first.md",
        "Nội dung bài một.\n",
        "Nội dung bài một.\n\n![](images/missing.png)\n\n![Hai bạn nhỏ](images/friends.png)\n",
    );
    assert_eq!(
        f.problems(),
        [
            "modules/sample-module/vi/first.md:5: image \"images/missing.png\" has no alt text: ![what the picture shows](images/missing.png)",
            "modules/sample-module/vi/first.md:5: image \"images/missing.png\" does not exist (or is not a PNG, JPEG, GIF or WebP picture)",
            "modules/sample-module/vi/first.md:7: image \"images/friends.png\" does not exist (or is not a PNG, JPEG, GIF or WebP picture)",
        ]
    );
}

/// A 3×2 PNG.
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0x12, 0x16, 0xF1,
    0x4D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

#[test]
fn an_image_renders_lazy_and_sized() {
    let f = Fixture::valid();
    let images = f.dir.join("modules/sample-module/images");
    std::fs::create_dir_all(&images).unwrap();
    std::fs::write(images.join("friends.png"), PNG).unwrap();
    f.edit(
        "sample-module/vi/first.md",
        "Nội dung bài một.\n",
        "![Hai bạn \"nhỏ\"](images/friends.png)\n",
    );
    let loaded = f.load();
    assert_eq!(loaded.problems, vec![]);
    assert_eq!(
        loaded.catalog.module("sample-module").unwrap().texts(Lang::Vi).lessons[0].html,
        "<p><img src=\"/content/sample-module/images/friends.png\" alt=\"Hai bạn &quot;nhỏ&quot;\" \
         width=\"3\" height=\"2\" loading=\"lazy\" decoding=\"async\"></p>\n"
    );
}

#[test]
fn raw_html_is_reported_and_escaped() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/vi/first.md",
        "Nội dung bài một.\n",
        "Nội dung <b>đậm</b>.\n\n<script>alert(1)</script>\n",
    );
    assert_eq!(
        f.problems(),
        [
            "modules/sample-module/vi/first.md:3: raw HTML is not allowed in lessons: <b>",
            "modules/sample-module/vi/first.md:3: raw HTML is not allowed in lessons: </b>",
            "modules/sample-module/vi/first.md:5: raw HTML is not allowed in lessons: <script>alert(1)</script>",
        ]
    );
}

#[test]
fn rendering_never_passes_html_through() {
    let mut problems = Problems::default();
    let cx = markdown::RenderContext {
        image_url_prefix: "/x/",
        image_size: &|_| None,
        label_remember: "Nhớ nhé",
        label_try_this: "Thử xem",
    };
    let text = "# T\n\n<img src=x onerror=alert(1)>\n\nA <i>b</i> [c](javascript:alert(1))\n\n## Cách nói \"Không\"\n\n> [!IMPORTANT]\n> Gọi 111.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    let html = markdown::render(Path::new("x.md"), text, &cx, &mut problems)
        .unwrap()
        .html;
    assert!(
        !html.contains("<img") && !html.contains("<i>") && !html.contains("javascript:"),
        "{html}"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    assert!(html.contains("<h2 id=\"cách-nói-không\">"), "{html}");
    assert!(
        html.contains(
            "<aside class=\"callout callout-remember\"><p class=\"callout-label\">Nhớ nhé</p>"
        ),
        "{html}"
    );
    assert!(html.contains("<table>"), "{html}");
    let messages: Vec<_> = problems.0.iter().map(|p| p.to_string()).collect();
    assert!(messages.contains(&"x.md:5: link to \"javascript:alert(1)\": only http, https, mailto, tel and relative links are allowed".to_owned()), "{messages:?}");
}

/// Found by the fuzzer: a heading's links and images were not checked.
#[test]
fn headings_check_their_links_and_images_too() {
    let mut problems = Problems::default();
    let cx = markdown::RenderContext {
        image_url_prefix: "/x/",
        image_size: &|_| Some((4, 3)),
        label_remember: "Nhớ nhé",
        label_try_this: "Thử xem",
    };
    let text = "# T\n\n## Gọi [111](javascript:alert(1)) <b>ngay</b>\n\n## ![a](javascript:alert(2)) ![b](images/b.png)\n\n## [Luật](https://example.org/luat)\n";
    let html = markdown::render(Path::new("x.md"), text, &cx, &mut problems)
        .unwrap()
        .html;
    assert!(!html.contains("javascript:"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(
        html.contains("<h2 id=\"gọi-111-ngay\">Gọi 111 &lt;b&gt;ngay&lt;/b&gt;</h2>"),
        "{html}"
    );
    assert!(
        html.contains("<h2 id=\"section\"> <img src=\"/x/b.png\" alt=\"b\""),
        "{html}"
    );
    assert!(
        html.contains("<h2 id=\"luật\"><a href=\"https://example.org/luat\">Luật</a></h2>"),
        "{html}"
    );
    let messages: Vec<_> = problems.0.iter().map(|p| p.to_string()).collect();
    assert!(messages.contains(&"x.md:3: link to \"javascript:alert(1)\": only http, https, mailto, tel and relative links are allowed".to_owned()), "{messages:?}");
    assert!(
        messages.contains(&"x.md:3: raw HTML is not allowed in lessons: <b>".to_owned()),
        "{messages:?}"
    );
    assert!(messages.contains(&"x.md:5: image \"javascript:alert(2)\": images live in the module's images/ folder (images/<file>)".to_owned()), "{messages:?}");
}

#[test]
fn empty_lesson() {
    let f = Fixture::valid();
    f.write("sample-module/vi/first.md", "# Bài một\n\n");
    assert_eq!(f.problems(), ["modules/sample-module/vi/first.md:1: the lesson is empty: it has a title and nothing else"]);
}

#[test]
fn lesson_without_a_title() {
    let f = Fixture::valid();
    f.write("sample-module/en/first.md", "Just text.\n");
    assert_eq!(
        f.problems(),
        ["modules/sample-module/en/first.md:1: a lesson starts with its title as a level-1 heading: `# Title`"]
    );
}

#[test]
fn fluent_syntax_error_and_unknown_message() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/en/module.ftl",
        "summary = Summary\n",
        "summary = Summary\nq-nope = What?\n!!! broken\n",
    );
    assert_eq!(
        f.problems(),
        [
            "modules/sample-module/en/module.ftl:4: Fluent syntax error (Expected one of \"a-zA-Z\") in \"!!! broken\"",
            "modules/sample-module/en/module.ftl:3: unknown message \"q-nope\": expected title, summary, q-<question id> or objective-<objective id> from module.toml",
        ]
    );
}

#[test]
fn unknown_files_and_folders() {
    let f = Fixture::valid();
    f.write("sample-module/fr/module.ftl", "title = Exemple\n");
    f.write("sample-module/vi/third.md", "# Ba\n\nBa.\n");
    let problems = f.problems();
    assert!(problems.contains(&"modules/sample-module/fr:1: unknown folder \"fr\": a module holds images/ and one folder per locale (vi, en)".to_owned()), "{problems:?}");
    assert!(problems.contains(&"modules/sample-module/vi/third.md:1: unknown file \"third.md\": a locale folder holds module.ftl and one <lesson id>.md per lesson in module.toml".to_owned()), "{problems:?}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn the_checker_never_panics_on_arbitrary_input(toml_text in "\\PC*", ftl in "\\PC*", md in "\\PC*") {
        let mut problems = Problems::default();
        let path = Path::new("x");
        let module = manifest::parse(path, &toml_text, "sample-module", &mut problems);
        let module = module.or_else(|| manifest::parse(path, MANIFEST, "sample-module", &mut problems)).unwrap();
        let _ = texts::parse(path, &ftl, &module, &mut problems);
        let cx = markdown::RenderContext { image_url_prefix: "/", image_size: &|_| Some((1, 1)), label_remember: "r", label_try_this: "t" };
        let _ = markdown::render(path, &md, &cx, &mut problems);
    }

    #[test]
    fn the_checker_never_panics_on_mutated_valid_files(cut in 0usize..400, insert in "[\\[\\]=\"#<>!\\n.a-z ]{0,12}") {
        let mut problems = Problems::default();
        let path = Path::new("x");
        let mutate = |s: &str| {
            let mut at = cut.min(s.len());
            while !s.is_char_boundary(at) { at -= 1; }
            format!("{}{}{}", &s[..at], insert, &s[at..])
        };
        let module = manifest::parse(path, &mutate(MANIFEST), "sample-module", &mut problems)
            .or_else(|| manifest::parse(path, MANIFEST, "sample-module", &mut problems)).unwrap();
        let _ = texts::parse(path, &mutate(VI_FTL), &module, &mut problems);
        let cx = markdown::RenderContext { image_url_prefix: "/", image_size: &|_| None, label_remember: "r", label_try_this: "t" };
        let _ = markdown::render(path, &mutate("# T\n\n> [!TIP]\n> x ![a](images/b.png) [l](http://x)\n"), &cx, &mut problems);
    }
}

const TARGETS: &str = r#"[[target]]
id = "students"
name = { vi = "Học sinh", en = "Students" }
people = ["student-6-10"]
unit_kinds = ["school"]
counts = "people"
threshold = 95
deadline = "2025-12-31"
modules = ["sample-module"]

[[target]]
id = "families"
name = { vi = "Gia đình", en = "Families" }
people = ["parent"]
counts = "households"
threshold = 95
deadline = "2025-12-31"
modules = ["sample-module"]
"#;

impl Fixture {
    fn targets(&self, text: &str) {
        std::fs::write(self.dir.join("targets.toml"), text).unwrap();
    }
}

#[test]
fn valid_targets_load() {
    let f = Fixture::valid();
    f.targets(TARGETS);
    let loaded = f.load();
    assert_eq!(loaded.problems, vec![]);
    let targets = loaded.catalog.targets();
    assert_eq!(targets.len(), 2);
    assert_eq!(targets[0].threshold, 95);
    assert_eq!(
        targets[1].counting,
        crate::domain::target::Counting::Households
    );
}

#[test]
fn target_problems_have_lines() {
    let f = Fixture::valid();
    let broken = TARGETS
        .replacen(
            "modules = [\"sample-module\"]",
            "modules = [\"nope-module\"]",
            1,
        )
        .replacen("deadline = \"2025-12-31\"", "deadline = \"2025-02-30\"", 1)
        .replace(
            "counts = \"households\"",
            "counts = \"households\"\ncolour = 1",
        )
        .replacen("people = [\"parent\"]", "people = [\"teacher\"]", 1);
    f.targets(&broken);
    assert_eq!(
        f.problems(),
        ["targets.toml:16: unknown field `colour`, expected one of `id`, `name`, `people`, `unit_kinds`, `counts`, `threshold`, `deadline`, `modules`"]
    );
    let broken = TARGETS
        .replacen(
            "modules = [\"sample-module\"]",
            "modules = [\"nope-module\"]",
            1,
        )
        .replacen("deadline = \"2025-12-31\"", "deadline = \"2025-02-30\"", 1)
        .replacen("people = [\"parent\"]", "people = [\"teacher\"]", 1)
        .replacen("id = \"families\"", "id = \"students\"", 1);
    f.targets(&broken);
    assert_eq!(
        f.problems(),
        [
            "targets.toml:8: target \"students\": deadline \"2025-02-30\" is not a date (YYYY-MM-DD)",
            "targets.toml:9: target \"students\": unknown module \"nope-module\"",
            "targets.toml:12: duplicate target id \"students\"",
            "targets.toml:15: target \"students\": only parents are counted by households",
            "targets.toml:18: target \"students\": module \"sample-module\" is not written for any of its people",
        ]
    );
}

#[test]
fn a_broken_module_is_left_out_even_after_another_broken_one() {
    let f = Fixture::valid();
    f.copy_sample_as("another-module", &[]);
    f.remove("another-module/vi/first.md");
    f.edit(
        "sample-module/vi/first.md",
        "Nội dung bài một.",
        "Nội dung <b>bài</b> một.",
    );
    let loaded = f.load();
    assert_eq!(loaded.problems.len(), 3, "{:?}", loaded.problems);
    assert!(
        loaded.catalog.modules().is_empty(),
        "neither broken module is loaded"
    );
}

#[test]
fn a_multiple_question_with_every_option_right_is_refused() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/module.toml",
        "kind = \"single\"\noptions = [\"a\", \"b\"]\nanswer = [\"b\"]",
        "kind = \"multiple\"\noptions = [\"a\", \"b\"]\nanswer = [\"a\", \"b\"]",
    );
    assert_eq!(
        f.problems(),
        ["modules/sample-module/module.toml:14: question \"pick-one\": every option is right, so ticking everything would score; add a wrong option"]
    );
}

#[test]
fn a_student_module_must_give_111_113_and_115_in_every_locale() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/vi/second.md",
        "Gọi 111 (miễn phí, 24/7); khẩn cấp: 113, 115.",
        "Kể với người lớn em tin.",
    );
    f.edit(
        "sample-module/en/second.md",
        "emergencies: 113, 115",
        "emergencies: 113",
    );
    assert_eq!(
        f.problems(),
        [
            "modules/sample-module/vi/first.md:1: a student module must give 111 (the child protection hotline, free, 24/7): no lesson in this locale mentions it",
            "modules/sample-module/vi/first.md:1: a student module must give 113 (police): no lesson in this locale mentions it",
            "modules/sample-module/vi/first.md:1: a student module must give 115 (ambulance): no lesson in this locale mentions it",
            "modules/sample-module/en/first.md:1: a student module must give 115 (ambulance): no lesson in this locale mentions it",
        ]
    );
    // A longer number is not the hotline; a module only for adults needs none of them.
    f.edit(
        "sample-module/vi/second.md",
        "Kể với người lớn em tin.",
        "Gọi 1111, 21130, 1150.",
    );
    assert_eq!(f.problems().len(), 4);
    f.edit(
        "sample-module/module.toml",
        "[\"student-6-10\", \"parent\"]",
        "[\"parent\"]",
    );
    assert_eq!(f.problems(), Vec::<String>::new());
}

#[test]
fn a_staff_quiz_may_not_give_its_answer_away_by_length() {
    let f = Fixture::valid();
    f.copy_sample_as(
        "staff-module",
        &[
            (
                "[\"student-6-10\", \"parent\"]",
                "[\"teacher\", \"police-officer\"]",
            ),
            (
                "    .b = Option B",
                "    .b = Option B, after checking the rules with care and asking the child first",
            ),
        ],
    );
    assert_eq!(
        f.problems(),
        [
            "modules/staff-module/en/module.ftl:5: the right option of \"pick-one\" is far longer than the others (71 characters; the longest other has 8): it can be guessed by its length",
            "modules/staff-module/en/module.ftl:3: warning: \"pick-one\": an option is more than twice as long as the shortest (71 and 8 characters): write options of like length",
            "modules/staff-module/en/module.ftl:3: warning: the right option is the longest in 1 of 1 choice questions (pick-one); at most a third may be, or picking the longest passes",
        ]
    );
    // The same question in a module for parents or students is left to the reviewers.
    f.edit(
        "staff-module/module.toml",
        "[\"teacher\", \"police-officer\"]",
        "[\"teacher\", \"parent\"]",
    );
    assert_eq!(
        f.problems().len(),
        2,
        "the fairness rules still warn: the module is not a bank yet"
    );
}

/// Objectives: each taught by lessons of the module and tested by questions; every question of
/// a bank names one; an attempt's size fits the bank and covers every objective.
#[test]
fn objectives_and_the_draw_are_checked_with_their_lines() {
    let f = Fixture::valid();
    f.edit(
        "sample-module/module.toml",
        "lessons = [\"first\", \"second\"]\n",
        "lessons = [\"first\", \"second\"]\ndraw = 3\n\n[[objectives]]\nid = \"choose\"\nlessons = [\"first\", \"third\"]\n\n[[objectives]]\nid = \"unasked\"\nlessons = [\"second\"]\n",
    );
    f.edit(
        "sample-module/module.toml",
        "id = \"pick-one\"\n",
        "id = \"pick-one\"\nobjective = \"choose\"\n",
    );
    assert_eq!(
        f.problems(),
        [
            "modules/sample-module/module.toml:13: objective \"choose\": no lesson \"third\" in lessons",
            "modules/sample-module/module.toml:27: question \"is-true\": name the objective it tests (objective = \"…\")",
            "modules/sample-module/module.toml:15: objective \"unasked\": no question tests it",
            "modules/sample-module/module.toml:9: draw is the number of questions in one attempt: 1 to the bank's 2, not 3",
        ]
    );
}

/// A bank whose right option is always the longest and whose true/false are all true fails the
/// fairness rules with an error; the same module not written as a bank gets warnings.
#[test]
fn a_bank_that_gives_its_answers_away_is_refused() {
    let f = Fixture::valid();
    // Four choice questions, each with the right option the longest (and "luôn" only there), and
    // two true/false, both true.
    let mut manifest = String::from(
        "id = \"sample-module\"\nversion = 1\naudiences = [\"parent\"]\nminutes = 10\npass_mark = 80\nlessons = [\"first\", \"second\"]\ndraw = 4\n\n[[objectives]]\nid = \"one\"\nlessons = [\"first\"]\n",
    );
    let (mut vi, mut en) = (
        String::from("title = Mẫu\nsummary = Tóm tắt\nobjective-one = Biết điều một\n"),
        String::from("title = Sample\nsummary = Summary\nobjective-one = Know one\n"),
    );
    for n in 1..=4 {
        manifest.push_str(&format!(
            "\n[[quiz]]\nid = \"c{n}\"\nobjective = \"one\"\nkind = \"single\"\noptions = [\"a\", \"b\", \"c\"]\nanswer = [\"b\"]\n"
        ));
        vi.push_str(&format!("q-c{n} = Câu {n}\n    .a = Bỏ qua\n    .b = Luôn hỏi ý trẻ trước\n    .c = Chờ xem\n    .explanation = Vì vậy\n"));
        en.push_str(&format!("q-c{n} = Question {n}\n    .a = Ignore it\n    .b = Always ask the child first\n    .c = Wait\n    .explanation = So\n"));
    }
    for n in 1..=2 {
        manifest.push_str(&format!(
            "\n[[quiz]]\nid = \"t{n}\"\nobjective = \"one\"\nkind = \"true-false\"\nanswer = [\"true\"]\n"
        ));
        vi.push_str(&format!("q-t{n} = Đúng {n}\n    .explanation = Đúng\n"));
        en.push_str(&format!("q-t{n} = True {n}\n    .explanation = True\n"));
    }
    f.write("sample-module/module.toml", &manifest);
    f.write("sample-module/vi/module.ftl", &vi);
    f.write("sample-module/en/module.ftl", &en);
    let loaded = f.load();
    let errors: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.message.clone())
        .collect();
    assert!(
        errors.contains(&"2 of 2 true/false questions are true (100%): between 30% and 70% must be, or always answering the same passes".to_owned()),
        "{errors:#?}"
    );
    assert!(
        errors.contains(&"the right option is the longest in 4 of 4 choice questions (c1, c2, c3, c4); at most a third may be, or picking the longest passes".to_owned()),
        "{errors:#?}"
    );
    assert!(
        errors.iter().any(|e| e.contains(
            "\"c1\": an option is more than twice as long as the shortest (20 and 6 characters)"
        )),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("\"c1\": \"luôn\" is only in the right option(s)")),
        "{errors:#?}"
    );
    assert!(
        errors
            .iter()
            .any(|e| e.contains("\"c1\": \"always\" is only in the right option(s)")),
        "{errors:#?}"
    );
    assert!(
        loaded.catalog.modules().is_empty(),
        "an unfair bank is not loaded"
    );

    // Not written as a bank (no objectives): the same problems are warnings, and the module loads.
    let plain = manifest
        .replace(
            "\n[[objectives]]\nid = \"one\"\nlessons = [\"first\"]\n",
            "",
        )
        .replace("objective = \"one\"\n", "");
    f.write("sample-module/module.toml", &plain);
    f.write(
        "sample-module/vi/module.ftl",
        &vi.replace("objective-one = Biết điều một\n", ""),
    );
    f.write(
        "sample-module/en/module.ftl",
        &en.replace("objective-one = Know one\n", ""),
    );
    let loaded = f.load();
    assert!(!loaded.has_errors(), "{:#?}", loaded.problems);
    assert!(loaded
        .problems
        .iter()
        .any(|p| p.severity == Severity::Warning && p.message.contains("longest in 4 of 4")));
    // The bot: picking the longest answers every choice question right and "true" every
    // true/false one: it always passes; at random it rarely does.
    let m = &loaded.catalog.modules()[0];
    let rates = bot_pass_rates(&m.module, m.texts(Lang::Vi), 400, 7);
    let rate = |s: super::Strategy| rates.iter().find(|(x, _)| *x == s).unwrap().1;
    assert!(rate(super::Strategy::Longest) > 30.0, "{rates:?}");
    assert!(rate(super::Strategy::Random) < 20.0, "{rates:?}");
    assert_eq!(rates.len(), 5);
}
