//! How long loading (reading, checking and rendering) the content catalogue takes: the shipped
//! catalogue, and a synthetic one of 200 modules made by copying the shipped modules.
//!
//! Run: `cargo bench -p safesteps-benches`. Prints min / median / max over repeated loads.

use safesteps_app::catalog;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn measure(name: &str, dir: &Path, runs: usize) {
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut modules = 0;
    for _ in 0..runs {
        let started = Instant::now();
        let loaded = catalog::load(dir);
        times.push(started.elapsed());
        assert!(
            !loaded.has_errors(),
            "{name}: {:?}",
            loaded.problems.first()
        );
        modules = loaded.catalog.modules().len();
    }
    times.sort();
    println!(
        "{name}: {modules} modules, {runs} loads: min {:.1} ms, median {:.1} ms, max {:.1} ms",
        ms(times[0]),
        ms(times[runs / 2]),
        ms(times[runs - 1])
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn copy_dir(from: &Path, to: &Path, rename: &dyn Fn(&str) -> String) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target, rename);
        } else {
            let text = std::fs::read_to_string(entry.path()).expect("read file");
            std::fs::write(target, rename(&text)).expect("write file");
        }
    }
}

/// 200 modules: the shipped ones copied under new ids (prerequisites renamed alike).
fn synthetic(shipped: &Path, count: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("safesteps-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let sources: Vec<PathBuf> = {
        let mut s: Vec<PathBuf> = std::fs::read_dir(shipped.join("modules"))
            .expect("modules")
            .flatten()
            .map(|e| e.path())
            .collect();
        s.sort();
        s
    };
    let ids: Vec<String> = sources
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for n in 0..count {
        let copy = n / sources.len();
        let source = &sources[n % sources.len()];
        let rename = |text: &str| {
            ids.iter().fold(text.to_owned(), |t, id| {
                t.replace(&format!("\"{id}\""), &format!("\"{id}-{copy}\""))
            })
        };
        let id = format!("{}-{copy}", ids[n % sources.len()]);
        copy_dir(source, &dir.join("modules").join(id), &rename);
    }
    dir
}

fn main() {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    measure("shipped catalogue", &shipped, 30);
    let dir = synthetic(&shipped, 200);
    measure("synthetic catalogue", &dir, 10);
    let _ = std::fs::remove_dir_all(&dir);
}
