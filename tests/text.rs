//! `wismo::classify` against the labelled corpus of real carrier texts in
//! `tests/data/phrases.tsv`: precision on the texts it answers, coverage of
//! the texts that carry a status, overall, per language and on the held-out
//! rows (every 5th data row, never used to write rules).
//!
//! `WISMO_TEXT_REPORT=1 cargo test --test text -- --nocapture` prints the
//! numbers and every miss of the development rows.

use wismo::{classify, Lang, Status, Substatus};

struct Row {
    line: usize,
    held_out: bool,
    lang: Lang,
    label: Option<(Status, Substatus)>,
    text: String,
    source: String,
}

fn corpus() -> Vec<Row> {
    let data = include_str!("data/phrases.tsv");
    let mut rows = Vec::new();
    let mut header = false;
    for (i, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if !header {
            assert_eq!(line, "lang\tstatus\tsubstatus\ttext\tsource", "header");
            header = true;
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            f.len(),
            5,
            "tests/data/phrases.tsv:{}: expected 5 fields",
            i + 1
        );
        let lang: Lang = f[0].parse().unwrap();
        let label = if f[1] == "-" {
            assert_eq!(f[2], "-", "line {}", i + 1);
            None
        } else {
            let st: Status = f[1].parse().unwrap();
            let sub: Substatus = f[2].parse().unwrap();
            assert_eq!(sub.status(), st, "tests/data/phrases.tsv:{}", i + 1);
            Some((st, sub))
        };
        assert!(!f[4].is_empty(), "line {}: no source", i + 1);
        rows.push(Row {
            line: i + 1,
            held_out: (rows.len() + 1) % 5 == 0,
            lang,
            label,
            text: f[3].to_string(),
            source: f[4].to_string(),
        });
    }
    rows
}

#[derive(Default, Debug)]
struct Score {
    rows: usize,
    labelled: usize,
    answered: usize,
    answered_labelled: usize,
    status_right: usize,
    substatus_right: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        self.status_right as f64 / self.answered.max(1) as f64
    }
    fn substatus_precision(&self) -> f64 {
        self.substatus_right as f64 / self.answered.max(1) as f64
    }
    fn coverage(&self) -> f64 {
        self.answered_labelled as f64 / self.labelled.max(1) as f64
    }
}

fn score(rows: &[&Row], report: bool) -> Score {
    let mut s = Score::default();
    for r in rows {
        s.rows += 1;
        let got = classify(&r.text, Some(r.lang));
        if r.label.is_some() {
            s.labelled += 1;
        }
        if let Some((st, sub, conf)) = got {
            assert!((0.0..=1.0).contains(&conf));
            s.answered += 1;
            if r.label.is_some() {
                s.answered_labelled += 1;
            }
            if r.label.map(|l| l.0) == Some(st) {
                s.status_right += 1;
            }
            if r.label == Some((st, sub)) {
                s.substatus_right += 1;
            }
        }
        let wrong = match (got, r.label) {
            (Some((st, ..)), Some((ls, _))) => st != ls,
            (Some(_), None) => true,
            (None, Some(_)) => true,
            (None, None) => false,
        };
        if report && wrong && !r.held_out {
            println!(
                "line {} [{}] {:?} -> {:?}: {}",
                r.line,
                r.lang,
                r.label,
                got.map(|g| (g.0, g.1)),
                r.text
            );
        }
    }
    s
}

#[test]
fn corpus_precision_and_coverage() {
    let rows = corpus();
    let report = std::env::var_os("WISMO_TEXT_REPORT").is_some();
    let all: Vec<&Row> = rows.iter().collect();
    let held: Vec<&Row> = rows.iter().filter(|r| r.held_out).collect();
    let dev: Vec<&Row> = rows.iter().filter(|r| !r.held_out).collect();
    let s_dev = score(&dev, report);
    let s_all = score(&all, false);
    let s_held = score(&held, false);
    for (name, s) in [
        ("all", &s_all),
        ("development", &s_dev),
        ("held-out", &s_held),
    ] {
        println!(
            "{name}: {} texts, {} with a status; answered {}; precision {:.1} % (substatus {:.1} %); coverage {:.1} %",
            s.rows,
            s.labelled,
            s.answered,
            100.0 * s.precision(),
            100.0 * s.substatus_precision(),
            100.0 * s.coverage()
        );
    }
    let mut per_lang = Vec::new();
    for lang in Lang::ALL {
        let rs: Vec<&Row> = rows.iter().filter(|r| r.lang == *lang).collect();
        let held: Vec<&Row> = rs.iter().copied().filter(|r| r.held_out).collect();
        let s = score(&rs, false);
        let h = score(&held, false);
        per_lang.push((*lang, s.precision(), s.coverage()));
        println!(
            "  {lang}: {} texts, precision {:.1} %, coverage {:.1} %; held-out {} texts, precision {:.1} %, coverage {:.1} %",
            s.rows,
            100.0 * s.precision(),
            100.0 * s.coverage(),
            h.rows,
            100.0 * h.precision(),
            100.0 * h.coverage()
        );
    }
    assert!(rows.len() >= 500, "corpus has {} texts", rows.len());
    for (lang, precision, coverage) in per_lang {
        assert!(precision >= 0.98, "{lang}: precision {precision:.3}");
        assert!(coverage >= 0.85, "{lang}: coverage {coverage:.3}");
    }
    assert!(
        s_all.precision() >= 0.98,
        "precision {:.3}",
        s_all.precision()
    );
    assert!(s_all.coverage() >= 0.85, "coverage {:.3}", s_all.coverage());
    assert!(
        s_held.precision() >= 0.95,
        "held-out precision {:.3}",
        s_held.precision()
    );
    assert!(
        s_held.coverage() >= 0.80,
        "held-out coverage {:.3}",
        s_held.coverage()
    );
}

#[test]
fn corpus_sources_are_named() {
    for r in corpus() {
        assert!(
            r.source.contains(' ') && (r.source.contains('/') || r.source.contains("file id")),
            "line {}: source `{}` names no file",
            r.line,
            r.source
        );
    }
}

#[test]
fn issue_examples() {
    let cases: &[(&str, Option<Lang>, Status, Substatus)] = &[
        (
            "Delivered to neighbour",
            Some(Lang::En),
            Status::Delivered,
            Substatus::DeliveredToNeighbor,
        ),
        (
            "Zugestellt",
            Some(Lang::De),
            Status::Delivered,
            Substatus::Delivered,
        ),
        (
            "Bezorgd",
            Some(Lang::Nl),
            Status::Delivered,
            Substatus::Delivered,
        ),
        (
            "Levererad",
            Some(Lang::Sv),
            Status::Delivered,
            Substatus::Delivered,
        ),
        (
            "Remis au gardien",
            Some(Lang::Fr),
            Status::Delivered,
            Substatus::DeliveredToSafePlace,
        ),
        (
            "in consegna",
            Some(Lang::It),
            Status::OutForDelivery,
            Substatus::OutForDelivery,
        ),
        (
            "Awaiting collection",
            Some(Lang::En),
            Status::AvailableForPickup,
            Substatus::AtCarrierFacility,
        ),
        (
            "Item returned to sender",
            None,
            Status::ReturnToSender,
            Substatus::ReturnInitiated,
        ),
        (
            "Paczka została doręczona",
            Some(Lang::Pl),
            Status::Delivered,
            Substatus::Delivered,
        ),
        ("Entregado", None, Status::Delivered, Substatus::Delivered),
    ];
    for (text, lang, st, sub) in cases {
        let got = classify(text, *lang);
        assert_eq!(got.map(|g| (g.0, g.1)), Some((*st, *sub)), "{text}");
    }
}

#[test]
fn negations_and_noise_are_not_delivered() {
    for text in [
        "The shipment could not be delivered",
        "Die Sendung konnte nicht zugestellt werden",
        "Zending niet bezorgd",
        "Votre colis n'a pas pu être livré",
        "Försändelsen kunde inte levereras",
        "Returned to sender after delivery attempt",
        "Shipment will be delivered tomorrow",
    ] {
        let got = classify(text, None).map(|g| g.0);
        assert_ne!(got, Some(Status::Delivered), "{text}");
    }
    for text in [
        "",
        "   ",
        "12345",
        "Lorem ipsum dolor sit amet",
        "Thank you for your order",
    ] {
        assert_eq!(classify(text, None), None, "{text:?}");
    }
}

#[test]
fn hint_in_another_language_lowers_confidence() {
    let (_, _, native) = classify("Zugestellt", Some(Lang::De)).unwrap();
    let (_, _, foreign) = classify("Zugestellt", Some(Lang::Fr)).unwrap();
    assert!(foreign < native);
    assert_eq!(Lang::from_tag("de-AT"), Some(Lang::De));
    assert_eq!(Lang::from_tag("nb"), None);
}
