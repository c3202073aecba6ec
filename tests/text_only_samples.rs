//! Checks the carrier-text corpus `tests/data/text_only_samples.tsv` (texts for
//! the classifier, with the meaning wismo gives them and where each was read):
//! every row names a known carrier, a status and a substatus of that status,
//! and a source; no text is listed twice for one carrier.

use std::collections::HashSet;
use wismo::{Carrier, Status, Substatus};

#[test]
fn samples_are_well_formed() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/text_only_samples.tsv"
    );
    let data = std::fs::read_to_string(path).unwrap();
    let mut seen = HashSet::new();
    let mut rows = 0;
    for (i, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.starts_with("text\t") || line.is_empty() {
            continue;
        }
        let at = format!("text_only_samples.tsv:{}", i + 1);
        let cols: Vec<_> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "{at}: five columns");
        let [text, carrier, status, substatus, source] = cols[..] else {
            unreachable!()
        };
        assert!(!text.trim().is_empty(), "{at}: empty text");
        let carrier: Carrier = carrier.parse().unwrap_or_else(|_| panic!("{at}: carrier"));
        let status: Status = status.parse().unwrap_or_else(|_| panic!("{at}: status"));
        let sub: Substatus = substatus
            .parse()
            .unwrap_or_else(|_| panic!("{at}: substatus"));
        assert_eq!(sub.status(), status, "{at}: substatus of another status");
        assert!(source.len() > 20, "{at}: source too short");
        assert!(seen.insert((carrier, text)), "{at}: repeated text");
        rows += 1;
    }
    assert!(rows >= 70, "{rows} rows");
}
