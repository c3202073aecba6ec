//! The unmapped-code report over every fixture: each carrier's TSV skeleton
//! loads as an override file (the reader build.rs uses), and the rows are
//! exactly the unmapped or text-only events.

use std::path::Path;
use wismo::{unmapped::UnmappedReport, Carrier, Normalizer, Overrides};

fn report() -> (UnmappedReport, u64) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut report = UnmappedReport::new();
    let mut expected = 0;
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        let Some(carrier) = dir
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|id| id.parse::<Carrier>().ok())
        else {
            continue;
        };
        for f in std::fs::read_dir(&dir).unwrap() {
            let p = f.unwrap().path();
            let name = p.file_name().unwrap().to_str().unwrap();
            if !(name.ends_with(".json") || name.ends_with(".xml")) || name.contains(".expected.") {
                continue;
            }
            let Ok(ts) = wismo::parse(carrier, &std::fs::read(&p).unwrap()) else {
                continue;
            };
            for t in &ts {
                expected += t
                    .events
                    .iter()
                    .filter(|e| !e.mapped)
                    .filter(|e| !e.code.is_empty() || !e.description.trim().is_empty())
                    .count() as u64;
                report.add(t);
            }
        }
    }
    (report, expected)
}

#[test]
fn fixtures_report_counts_every_unmapped_event() {
    let (report, expected) = report();
    assert!(expected > 0, "the fixtures have unmapped events");
    assert_eq!(report.events(), expected);
    let total: u64 = report.rows().iter().map(|r| r.count).sum();
    assert_eq!(total, expected);
    for r in report.rows() {
        assert!(r.examples.len() <= 3);
        if let Some(s) = r.suggestion {
            assert!(s.confidence >= wismo::unmapped::SURE, "{r:?}");
        }
        if let (Some(f), Some(l)) = (r.first_seen, r.last_seen) {
            assert!(f.sort_key() <= l.sort_key());
        }
    }
}

#[test]
fn a_code_no_table_has_is_one_row_with_its_text() {
    // A real GLS body with one code replaced by a code no table has.
    let body = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/gls/changed_address_in_delivery.json"),
    )
    .unwrap();
    assert!(body.contains("\"CHANGD.MONEWADDR\""));
    let body = body.replacen("\"CHANGD.MONEWADDR\"", "\"WISMOTEST.NOTREAL\"", 1);
    let mut report = UnmappedReport::new();
    for t in wismo::parse(Carrier::Gls, body.as_bytes()).unwrap() {
        report.add(&t);
    }
    let rows = report.rows();
    let row = rows.iter().find(|r| r.code == "WISMOTEST.NOTREAL").unwrap();
    assert_eq!(row.count, 1);
    assert_eq!(
        row.examples,
        ["Change completed for - Delivery at new address"]
    );
    assert!(row.first_seen.is_some() && row.first_seen == row.last_seen);
    let tsv = report.to_tsv(Carrier::Gls, "stored.jsonl").unwrap();
    assert!(tsv.contains("\nWISMOTEST.NOTREAL\t"), "{tsv}");
}

#[test]
fn every_skeleton_file_is_a_valid_mapping_file() {
    let (report, _) = report();
    let carriers = report.carriers();
    assert!(!carriers.is_empty());
    for c in carriers {
        let Some(tsv) = report.to_tsv(c, "fixtures") else {
            continue;
        };
        let file = format!("review-{c}.tsv");
        let overrides =
            Overrides::from_text(&file, &tsv).unwrap_or_else(|e| panic!("{e}\n---\n{tsv}"));
        assert_eq!(overrides.carriers().collect::<Vec<_>>(), [c]);
        let normalizer = Normalizer::new().with_overrides(overrides);
        for r in report
            .rows()
            .into_iter()
            .filter(|r| r.carrier == c && r.skeleton.is_some())
        {
            let m = normalizer
                .lookup(c, &r.key)
                .unwrap_or_else(|| panic!("{r:?}"));
            let src = m.source.expect("answered by the override");
            assert_eq!(src.file, file);
            match r.suggestion {
                Some(s) => assert_eq!((m.status, m.substatus), (s.status, s.substatus)),
                None => assert_eq!(
                    (m.status.as_str(), m.substatus.as_str()),
                    ("unknown", "unmapped")
                ),
            }
        }
        assert!(tsv.contains("# source: unmapped-code report of fixtures, needs review\n"));
    }
}

#[test]
fn report_serializes_to_json() {
    let (report, _) = report();
    let v = serde_json::to_value(&report).unwrap();
    assert_eq!(v["events"].as_u64(), Some(report.events()));
    assert!(v["rows"][0]["carrier"].is_string());
    assert!(v["rows"][0]["count"].as_u64().unwrap() >= 1);
}
