//! The quiz form decoder on any body, graded against a draw of every quiz of the real content
//! (the draw seeded from the body). Never a panic; a draw fits its bank; a grade never exceeds
//! the draw; dropping what the draw cannot hold never lowers a score and leaves only the drawn
//! questions and their options.
#![no_main]

use libfuzzer_sys::fuzz_target;
use safesteps_app::catalog::{self, Catalog};
use safesteps_app::domain::draw::{draw, Draw};
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
    let seed = data
        .iter()
        .fold(0u64, |h, b| h.rotate_left(5) ^ u64::from(*b));
    let mut rng = fastrand::Rng::with_seed(seed);
    for module in catalog().modules() {
        let module = &module.module;
        let asked = draw(module, &Draw::default(), &mut |n| rng.usize(..n));
        assert!(asked.fits(module), "a draw fits its bank");
        let sent = grade(module, &asked, &form.answers);
        assert_eq!(sent.total, asked.len());
        assert!(sent.correct <= sent.total);
        assert!(sent.percent <= 100);
        assert!(!sent.passed || sent.correct > 0);
        let known = only_known(module, &asked, &form.answers);
        for (question, chosen) in &known {
            assert!(asked.questions().any(|q| q == question), "only the drawn questions");
            let q = module.quiz.question(question).expect("a question of the bank");
            assert!(chosen.iter().all(|c| q.options.iter().any(|o| o.as_str() == c)));
        }
        assert!(grade(module, &asked, &known).correct >= sent.correct);
    }
});
