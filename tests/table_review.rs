//! Review of every mapping table against its own descriptions (issue 16, §4).
//!
//! Runs the text classifier (`wismo::classify`) over each row's description
//! and lists every row where the classifier is sure (confidence ≥ 0.9) and
//! reads a different status than the row gives. A row a person checked and
//! found right (the classifier being wrong) carries the `reviewed` flag and
//! is skipped; any other disagreement fails the test, so a new or changed row
//! whose description contradicts its status is caught.
//!
//! The descriptions are written in English (our own words), so the classifier
//! gets the English hint whatever the carrier's language.
//!
//! `WISMO_REVIEW=all cargo test --test table_review -- --nocapture` prints
//! every disagreement, reviewed ones included, for a re-review after the
//! classifier changes; reviewed rows the classifier now agrees with are
//! listed too (their flag can go).

#[allow(dead_code)]
#[path = "../src/table/row.rs"]
mod row;
#[allow(dead_code)]
#[path = "../src/status.rs"]
mod status;

use std::path::{Path, PathBuf};
use wismo::{classify, Lang};

/// The classifier's confidence from which a reading counts as sure.
const SURE: f32 = 0.9;

fn files() -> Vec<row::MappingFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_str().unwrap();
            let text = std::fs::read_to_string(p).unwrap();
            row::parse_file(&p.display().to_string(), stem, &text).unwrap_or_else(|e| {
                panic!(
                    "{}",
                    e.iter()
                        .map(|e| e.to_string())
                        .collect::<Vec<_>>()
                        .join("\n")
                )
            })
        })
        .collect()
}

struct Disagreement {
    at: String,
    row_says: &'static str,
    text_says: String,
    reviewed: bool,
}

fn disagreements(files: &[row::MappingFile]) -> (Vec<Disagreement>, Vec<String>, usize) {
    let mut out = Vec::new();
    let mut stale = Vec::new();
    let mut rows = 0;
    for f in files {
        for r in &f.rows {
            rows += 1;
            let at = format!("{}:{} {}", f.carrier, r.line, r.code);
            let reading = classify(&r.description, Some(Lang::En)).filter(|x| x.2 >= SURE);
            match reading {
                Some((status, substatus, confidence)) if status.as_str() != r.status.as_str() => {
                    out.push(Disagreement {
                        at,
                        row_says: r.status.as_str(),
                        text_says: format!("{status}/{substatus} ({confidence:.2})"),
                        reviewed: r.flags.reviewed,
                    })
                }
                _ if r.flags.reviewed => stale.push(at),
                _ => {}
            }
        }
    }
    (out, stale, rows)
}

#[test]
fn every_row_agrees_with_its_description_or_is_reviewed() {
    let files = files();
    let (found, stale, rows) = disagreements(&files);
    let all = std::env::var("WISMO_REVIEW").is_ok_and(|v| v == "all");
    let open: Vec<&Disagreement> = found.iter().filter(|d| !d.reviewed).collect();
    let reviewed = found.len() - open.len();
    eprintln!(
        "table review: {rows} rows, {} disagree with a sure text reading, {reviewed} of them reviewed, {} open",
        found.len(),
        open.len()
    );
    for d in &found {
        if all || !d.reviewed {
            eprintln!(
                "{}{}: row says {}, text says {}",
                if d.reviewed { "[reviewed] " } else { "" },
                d.at,
                d.row_says,
                d.text_says
            );
        }
    }
    if all {
        for s in &stale {
            eprintln!("[reviewed, now agrees] {s}");
        }
    }
    assert!(
        open.is_empty(),
        "{} rows disagree with a sure reading of their own description (listed above): \
         fix the row, or mark it `reviewed` in its flags column after checking the carrier's text",
        open.len()
    );
}

/// A `reviewed` or `coarse` flag only makes sense on a row of a file with a
/// flags column; the reader enforces that, and this checks the review stays
/// meaningful: a file never has all its rows reviewed.
#[test]
fn reviewed_rows_are_a_minority() {
    for f in files() {
        let reviewed = f.rows.iter().filter(|r| r.flags.reviewed).count();
        assert!(
            reviewed * 2 <= f.rows.len().max(1),
            "{}: {reviewed} of {} rows are marked reviewed",
            f.carrier,
            f.rows.len()
        );
    }
}

/// `tests/data/coarse_and_text_samples.tsv`: real texts with the code they
/// came under and the status a person reads from them. Checks the file is
/// well formed (known carrier, language, status words, a substatus of its
/// status, a source) and reports how a sure text reading does on them: on
/// the rows under a `coarse` code, that is the precision of the refinement.
#[test]
fn text_samples_are_well_formed_and_measured() {
    use std::str::FromStr;
    use wismo::{Carrier, Status, Substatus};
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/coarse_and_text_samples.tsv");
    let text = std::fs::read_to_string(&path).unwrap();
    let files = files();
    let (mut rows, mut sure, mut right, mut coarse_sure, mut coarse_right) = (0, 0, 0, 0, 0);
    let mut header = false;
    for (i, line) in text.lines().enumerate() {
        let at = format!("{}:{}", path.display(), i + 1);
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 7, "{at}: expected 7 tab-separated fields");
        if !header {
            assert_eq!(
                f,
                [
                    "carrier",
                    "lang",
                    "code",
                    "status",
                    "substatus",
                    "text",
                    "source"
                ],
                "{at}"
            );
            header = true;
            continue;
        }
        let [carrier, lang, code, status, substatus, sample, source] =
            [f[0], f[1], f[2], f[3], f[4], f[5], f[6]];
        Carrier::from_str(carrier).unwrap_or_else(|_| panic!("{at}: unknown carrier `{carrier}`"));
        let lang =
            Lang::from_str(lang).unwrap_or_else(|_| panic!("{at}: unknown language `{lang}`"));
        assert!(
            !sample.trim().is_empty() && !source.trim().is_empty(),
            "{at}: empty text or source"
        );
        let want = if status == "-" {
            assert_eq!(substatus, "-", "{at}");
            None
        } else {
            let s = Status::from_str(status).unwrap_or_else(|_| panic!("{at}: status `{status}`"));
            let sub = Substatus::from_str(substatus)
                .unwrap_or_else(|_| panic!("{at}: substatus `{substatus}`"));
            assert_eq!(
                sub.status(),
                s,
                "{at}: `{substatus}` is not a substatus of `{status}`"
            );
            Some(s)
        };
        let coarse = files
            .iter()
            .find(|m| m.carrier == carrier)
            .and_then(|m| m.rows.iter().find(|r| r.code == code))
            .is_some_and(|r| r.flags.coarse);
        rows += 1;
        if let Some((got, _, _)) = classify(sample, Some(lang)).filter(|x| x.2 >= SURE) {
            sure += 1;
            let ok = want == Some(got);
            right += usize::from(ok);
            if coarse {
                coarse_sure += 1;
                coarse_right += usize::from(ok);
            }
            if !ok {
                eprintln!("{at}: `{sample}`: text reads {got}, a person reads {status}");
            }
        }
    }
    assert!(header && rows > 0, "no samples");
    eprintln!(
        "text samples: {rows} rows, {sure} read surely, {right} of them right; \
         under coarse codes: {coarse_sure} read surely, {coarse_right} right"
    );
}
