//! Writes `wismo batch` input for the throughput benchmark: the fixture
//! bodies that parse (`tests/fixtures/<carrier>/*.json|xml`), round-robin,
//! one JSON Lines record each (`{"id": N, "carrier": "...", "body": "..."}`),
//! until the file holds at least `--bytes` bytes.
//!
//! ```text
//! cargo run --release -p wismo-cli --example gen_jsonl -- --bytes 1100000000 --out target/bench.jsonl
//! ```

use std::io::Write;
use std::path::Path;

fn main() {
    let mut bytes: u64 = 1_100_000_000;
    let mut out = String::from("target/wismo-bench.jsonl");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--bytes" => bytes = args.next().and_then(|v| v.parse().ok()).expect("--bytes N"),
            "--out" => out = args.next().expect("--out FILE"),
            _ => {
                eprintln!("usage: gen_jsonl [--bytes N] [--out FILE]");
                std::process::exit(2);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures");
    let mut bodies: Vec<(String, String)> = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .expect("tests/fixtures")
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    for dir in dirs {
        let Some(carrier) = dir
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.parse::<wismo::Carrier>().ok())
        else {
            continue;
        };
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let name = f.file_name().unwrap().to_string_lossy().to_string();
            if !(name.ends_with(".json") || name.ends_with(".xml")) || name.contains(".expected.") {
                continue;
            }
            let body = std::fs::read(&f).unwrap();
            if wismo::parse(carrier, &body).is_err() {
                continue;
            }
            let Ok(text) = String::from_utf8(body) else {
                continue;
            };
            bodies.push((carrier.to_string(), text));
        }
    }
    assert!(!bodies.is_empty());
    let file = std::fs::File::create(&out).unwrap_or_else(|e| panic!("{out}: {e}"));
    let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
    let lines: Vec<String> = bodies
        .iter()
        .map(|(c, b)| {
            serde_json::to_string(&serde_json::json!({ "carrier": c, "body": b })).unwrap()
        })
        .collect();
    let (mut written, mut n) = (0u64, 0u64);
    while written < bytes {
        let l = &lines[(n as usize) % lines.len()];
        // `{"id":N,` in front of `"body":…,"carrier":…}`.
        let line = format!("{{\"id\":{n},{}\n", &l[1..]);
        w.write_all(line.as_bytes()).unwrap();
        written += line.len() as u64;
        n += 1;
    }
    w.flush().unwrap();
    eprintln!(
        "{out}: {n} records, {written} bytes, {} distinct bodies",
        bodies.len()
    );
}
