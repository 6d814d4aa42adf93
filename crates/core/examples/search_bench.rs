//! Search latency per keystroke over the largest shipped pack, natively.
//!
//! Types each query one character at a time, as a person does, and times every search.
//! Usage: cargo run --release -p vaksam-core --example search_bench [rounds]
//! (bench/search_latency.mjs measures the same in Chromium; BENCHMARKS.md has both).

use std::path::Path;
use std::time::Instant;
use vaksam_core::search::Index;

/// What people type: names, typos, missing dots, inflections, synonyms, questions.
pub const QUERIES: &[&str] = &[
    "bild på brukaren",
    "genomförandplan",
    "lakemedelslista",
    "medicinlistan",
    "åtgärdsprogramet",
    "skydade personuppgifter",
    "portkod till brukarens lägenhet",
    "Kan jag använda Teams?",
    "mejla vårdnadshavare",
    "usb minne",
    "schema med brukarnamn",
    "journalanteckning",
    "foto på elev",
    "personnumer",
    "chatgpt",
    "mötesanteckning utan personuppgifter",
];

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../packs");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("packs/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| !p.ends_with("base.toml"))
        .collect();
    files.sort_by_key(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0));
    let largest = files.last().expect("a pack");
    let name = largest.file_name().unwrap().to_string_lossy().into_owned();
    let text = std::fs::read_to_string(largest).expect("readable pack");
    let base_path = largest.with_file_name("base.toml");
    let base = std::fs::read_to_string(&base_path).expect("readable base");
    let pack = vaksam_core::pack::resolve::resolve(
        vaksam_core::pack::resolve::PackFile {
            name: "base.toml",
            text: &base,
        },
        vaksam_core::pack::resolve::PackFile {
            name: &name,
            text: &text,
        },
    )
    .expect("a valid pack")
    .pack;
    let matrix = pack.classification.expect("a matrix");

    let started = Instant::now();
    let index = Index::new(&matrix, "sv");
    let build = started.elapsed();

    let mut times = Vec::new();
    let mut found = 0usize;
    for _ in 0..rounds {
        for query in QUERIES {
            let mut typed = String::new();
            for c in query.chars() {
                typed.push(c);
                let t = Instant::now();
                let hits = index.search(&typed, 8);
                times.push(t.elapsed().as_secs_f64() * 1000.0);
                found += hits.len();
            }
        }
    }
    times.sort_by(f64::total_cmp);
    let pct = |p: f64| times[((p / 100.0) * times.len() as f64).ceil() as usize - 1];
    println!(
        "pack: {name} ({} kinds, {} places); index built in {:.3} ms",
        matrix.kinds.len(),
        matrix.places.len(),
        build.as_secs_f64() * 1000.0
    );
    println!(
        "keystrokes: {} ({} queries x {rounds} rounds, {found} hits in all)",
        times.len(),
        QUERIES.len()
    );
    println!(
        "search per keystroke (native, release): p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        pct(50.0),
        pct(95.0),
        times[times.len() - 1]
    );
}
