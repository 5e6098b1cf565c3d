//! The quiz form decoder on any body, graded against every quiz of the real content. Never a
//! panic; a grade never exceeds its quiz; dropping what a quiz cannot hold never lowers a
//! score and leaves only the quiz's own questions and options.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safesteps_app::catalog::{self, Catalog};
use safesteps_app::domain::grading::{grade, only_known, submission_key_ok, QuizForm};
use std::path::Path;
use std::sync::OnceLock;

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let loaded = catalog::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../content"));
        assert!(!loaded.has_errors(), "the real content loads");
        loaded.catalog
    })
}

fuzz_target!(|data: &[u8]| {
    let form = QuizForm::decode(data);
    if submission_key_ok(&form.submission) {
        assert!(form.submission.is_ascii());
    }
    for module in catalog().modules() {
        let module = &module.module;
        let sent = grade(module, &form.answers);
        assert_eq!(sent.total, module.quiz.questions.len());
        assert!(sent.correct <= sent.total);
        assert!(sent.percent <= 100);
        assert!(!sent.passed || sent.correct > 0);
        let known = only_known(module, &form.answers);
        for (question, chosen) in &known {
            let q = module
                .quiz
                .questions
                .iter()
                .find(|q| q.id.as_str() == question)
                .expect("only the quiz's questions");
            assert!(chosen.iter().all(|c| q.options.iter().any(|o| o.as_str() == c)));
        }
        assert!(grade(module, &known).correct >= sent.correct);
    }
});
