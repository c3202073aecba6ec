//! `wismo::classify` against the labelled corpus of real carrier texts in
//! `tests/data/phrases.tsv`: precision on the texts it answers and coverage
//! of the texts that carry a status, per language, on the held-out part
//! (held out BY SOURCE, see [`held_out_sources`]: rules are never written
//! from those rows), plus the safety list `tests/data/not_delivered.tsv`.
//!
//! `WISMO_TEXT_REPORT=1 cargo test --test text -- --nocapture` prints the
//! per-language table and every miss of the training rows (never of the
//! held-out rows).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use wismo::text::SURE;
use wismo::{classify, Lang, Status, Substatus};

struct Row {
    line: usize,
    held_out: bool,
    lang: Lang,
    label: Option<(Status, Substatus)>,
    text: String,
    source: String,
}

/// The unit of the hold-out: one file, or one section of a large list (a
/// DHL status_1.csv service, a table of the UPS codes page, an ICE event of
/// the DHL Parcel DE CSV, a Hermes 3x3 code family, a PostNL event letter, a
/// SEUR code prefix).
fn source_key(source: &str) -> String {
    if let Some(at) = source.find("file id ") {
        let id: String = source[at + 8..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        return format!("file id {id}");
    }
    let (repo, rest) = source.split_once(' ').unwrap_or((source, ""));
    let repo = repo.split('@').next().unwrap_or(repo);
    // The path ends at the first file extension (`.csv`, `.md`, …) that is
    // followed by `:`, a space or the end.
    let b = rest.as_bytes();
    let mut path_end = rest.len();
    for (i, _) in rest.match_indices('.') {
        let ext = b[i + 1..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let after = b.get(i + 1 + ext).copied();
        if (1..=5).contains(&ext) && matches!(after, None | Some(b':') | Some(b' ')) {
            path_end = i + 1 + ext;
            break;
        }
    }
    let (path, tail) = rest.split_at(path_end);
    let section: String = if let Some((_, t)) = tail.split_once(" table ") {
        t.split(' ').next().unwrap_or("").to_string()
    } else if let Some((_, t)) = tail.split_once('(') {
        let s = t.split([' ', '|', ',', ')']).next().unwrap_or("");
        if path.ends_with("Eventcodes.csv") {
            s.chars().take(3).collect()
        } else if path.ends_with("seur_master_data.py") {
            s.chars().take(2).collect()
        } else {
            s.to_string()
        }
    } else if let Some((_, t)) = tail.split_once(" event code ") {
        t.chars().take(1).collect()
    } else {
        String::new()
    };
    format!("{repo} {path} {section}").trim().to_string()
}

fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The held-out sources: taken in FNV-1a order of their key, a source is
/// held out while every language it holds stays within 25 % held out.
fn held_out_sources(rows: &[(Lang, String)]) -> BTreeSet<String> {
    let mut total: HashMap<Lang, usize> = HashMap::new();
    let mut per: BTreeMap<String, HashMap<Lang, usize>> = BTreeMap::new();
    for (lang, key) in rows {
        *total.entry(*lang).or_default() += 1;
        *per.entry(key.clone())
            .or_default()
            .entry(*lang)
            .or_default() += 1;
    }
    let mut keys: Vec<&String> = per.keys().collect();
    keys.sort_by_key(|k| (fnv1a(k), (*k).clone()));
    let mut held: HashMap<Lang, usize> = HashMap::new();
    let mut out = BTreeSet::new();
    for k in keys {
        let langs = &per[k];
        if langs
            .iter()
            .all(|(l, n)| 4 * (held.get(l).copied().unwrap_or(0) + n) <= total[l])
        {
            for (l, n) in langs {
                *held.entry(*l).or_default() += n;
            }
            out.insert(k.clone());
        }
    }
    out
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
            held_out: false,
            lang,
            label,
            text: f[3].to_string(),
            source: f[4].to_string(),
        });
    }
    let keys: Vec<(Lang, String)> = rows
        .iter()
        .map(|r| (r.lang, source_key(&r.source)))
        .collect();
    let held = held_out_sources(&keys);
    for (r, (_, k)) in rows.iter_mut().zip(&keys) {
        r.held_out = held.contains(k);
    }
    rows
}

#[derive(Default, Debug, Clone, Copy)]
struct Score {
    rows: usize,
    labelled: usize,
    answered: usize,
    answered_labelled: usize,
    status_right: usize,
    substatus_right: usize,
    sure: usize,
    sure_right: usize,
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
    fn sure_precision(&self) -> f64 {
        self.sure_right as f64 / self.sure.max(1) as f64
    }
    fn add(&mut self, o: &Score) {
        self.rows += o.rows;
        self.labelled += o.labelled;
        self.answered += o.answered;
        self.answered_labelled += o.answered_labelled;
        self.status_right += o.status_right;
        self.substatus_right += o.substatus_right;
        self.sure += o.sure;
        self.sure_right += o.sure_right;
    }
}

/// Scores `rows`. An answer is right when its status is the label's; an
/// answer to a text labelled `-` is wrong.
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
            let right = r.label.map(|l| l.0) == Some(st);
            if r.label.is_some() {
                s.answered_labelled += 1;
            }
            if right {
                s.status_right += 1;
            }
            if r.label == Some((st, sub)) {
                s.substatus_right += 1;
            }
            if conf >= SURE {
                s.sure += 1;
                if right {
                    s.sure_right += 1;
                }
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
                r.label.map(|l| l.1.as_str()),
                got.map(|g| (g.1.as_str(), g.2)),
                r.text
            );
        }
    }
    s
}

/// The per-language scores: (training, held out).
fn per_language(rows: &[Row], report: bool) -> Vec<(Lang, Score, Score)> {
    Lang::ALL
        .iter()
        .map(|lang| {
            let train: Vec<&Row> = rows
                .iter()
                .filter(|r| r.lang == *lang && !r.held_out)
                .collect();
            let held: Vec<&Row> = rows
                .iter()
                .filter(|r| r.lang == *lang && r.held_out)
                .collect();
            (*lang, score(&train, report), score(&held, false))
        })
        .collect()
}

#[test]
fn corpus_precision_and_coverage() {
    let rows = corpus();
    let report = std::env::var_os("WISMO_TEXT_REPORT").is_some();
    let table = per_language(&rows, report);
    println!(
        "lang | texts | train | held out | held-out precision | held-out coverage | held-out sure (>= {SURE}) precision | train precision | train coverage"
    );
    let (mut all_train, mut all_held) = (Score::default(), Score::default());
    for (lang, t, h) in &table {
        all_train.add(t);
        all_held.add(h);
        println!(
            "{lang} | {} | {} | {} | {:.1} % | {:.1} % | {:.1} % of {} | {:.1} % | {:.1} %",
            t.rows + h.rows,
            t.rows,
            h.rows,
            100.0 * h.precision(),
            100.0 * h.coverage(),
            100.0 * h.sure_precision(),
            h.sure,
            100.0 * t.precision(),
            100.0 * t.coverage()
        );
    }
    println!(
        "all | {} | {} | {} | {:.1} % (substatus {:.1} %) | {:.1} % | {:.1} % of {} | {:.1} % | {:.1} %",
        all_train.rows + all_held.rows,
        all_train.rows,
        all_held.rows,
        100.0 * all_held.precision(),
        100.0 * all_held.substatus_precision(),
        100.0 * all_held.coverage(),
        100.0 * all_held.sure_precision(),
        all_held.sure,
        100.0 * all_train.precision(),
        100.0 * all_train.coverage()
    );
    assert!(rows.len() >= 3000, "corpus has {} texts", rows.len());
    // Issue 21 asks for held-out precision >= 98 % and coverage >= 85 % in
    // every language with >= 50 held-out texts. Not reached yet for en, and
    // not everywhere for nl, de and es: these floors are what the classifier
    // reaches now, so a change that loses ground fails here.
    let floors: &[(Lang, f64, f64)] = &[
        (Lang::En, 0.90, 0.72),
        (Lang::Nl, 0.97, 0.98),
        (Lang::De, 0.98, 0.74),
        (Lang::Es, 0.96, 0.83),
    ];
    for (lang, _, h) in &table {
        if h.rows < 50 {
            continue;
        }
        let met = h.precision() >= 0.98 && h.coverage() >= 0.85;
        println!(
            "{lang}: issue 21 target (precision >= 98 %, coverage >= 85 %) {}",
            if met { "met" } else { "NOT met" }
        );
        let (_, p, c) = floors
            .iter()
            .find(|f| f.0 == *lang)
            .copied()
            .unwrap_or((*lang, 0.98, 0.85));
        assert!(
            h.precision() >= p,
            "{lang}: held-out precision {:.3} < {p}",
            h.precision()
        );
        assert!(
            h.coverage() >= c,
            "{lang}: held-out coverage {:.3} < {c}",
            h.coverage()
        );
    }
    assert!(
        all_held.sure_precision() >= 0.99,
        "held-out precision at confidence >= SURE: {:.3}",
        all_held.sure_precision()
    );
    assert!(
        all_train.sure_precision() >= 0.99,
        "training precision at confidence >= SURE: {:.3}",
        all_train.sure_precision()
    );
}

#[test]
fn hold_out_is_by_source() {
    let rows = corpus();
    let mut side: HashMap<String, bool> = HashMap::new();
    for r in &rows {
        let k = source_key(&r.source);
        assert_eq!(
            *side.entry(k.clone()).or_insert(r.held_out),
            r.held_out,
            "source {k} is split"
        );
    }
    let held = rows.iter().filter(|r| r.held_out).count();
    assert!(held * 100 >= rows.len() * 15, "only {held} held out");
    assert_eq!(
        source_key("karrioapi/karrio@deea10f8 modules/connectors/hermes/vendor/Hermes Germany Eventcodes.csv:244 (100007003)"),
        "karrioapi/karrio modules/connectors/hermes/vendor/Hermes Germany Eventcodes.csv 100"
    );
    assert_eq!(
        source_key("karrioapi/karrio@deea10f8 modules/connectors/mydhl/vendors/status_1.csv:608 (parcel-nl PREPROCESS_SORT_BY_THIRD_PARTY)"),
        "karrioapi/karrio modules/connectors/mydhl/vendors/status_1.csv parcel-nl"
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

/// `tests/data/not_delivered.tsv`: texts that say a delivery will happen, is
/// expected, was requested, was attempted, did not happen, or went back to
/// the sender. None of them may come out `delivered`.
#[test]
fn safety_list_is_never_delivered() {
    let data = include_str!("data/not_delivered.tsv");
    let mut n = 0;
    let mut langs: HashMap<Lang, usize> = HashMap::new();
    let mut bad = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() || line.starts_with("text\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "not_delivered.tsv:{}: 3 fields", i + 1);
        assert!(
            !f[2].trim().is_empty(),
            "not_delivered.tsv:{}: no source",
            i + 1
        );
        let lang: Lang = f[1].parse().unwrap();
        n += 1;
        *langs.entry(lang).or_default() += 1;
        for hint in [Some(lang), None] {
            if let Some((Status::Delivered, sub, conf)) = classify(f[0], hint) {
                bad.push(format!(
                    "line {}: {} -> {sub} {conf} (hint {hint:?})",
                    i + 1,
                    f[0]
                ));
            }
        }
    }
    println!("safety list: {n} texts, {} delivered", bad.len());
    assert!(n >= 200, "safety list has {n} texts");
    for lang in Lang::ALL {
        assert!(
            langs.get(lang).copied().unwrap_or(0) >= 10,
            "{lang}: too few safety texts"
        );
    }
    assert!(bad.is_empty(), "came out delivered:\n{}", bad.join("\n"));
}

/// `WISMO_TEXT_DUMP=<file>` writes every corpus row with its label and the
/// classifier's answer (a tool for reading labels; not a check).
#[test]
fn dump_for_review() {
    let Some(path) = std::env::var_os("WISMO_TEXT_DUMP") else {
        return;
    };
    let mut out = String::new();
    for r in corpus() {
        let got = classify(&r.text, Some(r.lang));
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            r.line,
            if r.held_out { "held" } else { "train" },
            r.lang,
            r.label
                .map_or("-".to_string(), |l| format!("{}/{}", l.0, l.1)),
            got.map_or("-".to_string(), |g| format!("{}/{}", g.0, g.1)),
            got.map_or(0.0, |g| g.2),
            r.text
        ));
    }
    std::fs::write(path, out).unwrap();
}

/// The families issue 21 found unread, and its wrong answers.
#[test]
fn issue_21_families() {
    let cases: &[(&str, Lang, &str)] = &[
        (
            "Votre colis est arrivé dans le site de livraison qui dessert votre adresse",
            Lang::Fr,
            "in_transit",
        ),
        (
            "Su envío se está dirigiendo hacia su destino",
            Lang::Es,
            "in_transit",
        ),
        (
            "Our shipping partner has handed over your parcel to the postal service for delivery",
            Lang::En,
            "in_transit",
        ),
        (
            "Ready for pickup at the shipper's location",
            Lang::En,
            "info_received",
        ),
        (
            "The sender is despatching your item",
            Lang::En,
            "info_received",
        ),
        ("Hold at location request accepted", Lang::En, "in_transit"),
        (
            "The parcel has left the delivery depot and is on its way to the recipient",
            Lang::En,
            "out_for_delivery",
        ),
        ("Delivered at the sender", Lang::En, "return_to_sender"),
        (
            "Delivered to the sender by third party",
            Lang::En,
            "return_to_sender",
        ),
        (
            "Die Zustellung wurde verschoben und erfolgt am nächsten Werktag",
            Lang::De,
            "in_transit",
        ),
    ];
    for (text, lang, want) in cases {
        let got = classify(text, Some(*lang)).map(|g| g.0.as_str());
        assert_eq!(got, Some(*want), "{text}");
    }
}

/// An outside check: `tests/data/text_only_samples.tsv` (carrier texts that
/// the parsers' authors collected and labelled, never used to write rules)
/// read without a language hint. Prints precision and coverage; fails when a
/// text not labelled delivered comes out `delivered`.
#[test]
fn text_only_samples_outside_check() {
    let data = include_str!("data/text_only_samples.tsv");
    let (mut rows, mut answered, mut right, mut sure, mut sure_right) = (0, 0, 0, 0, 0);
    let mut unsafe_rows = Vec::new();
    for line in data.lines() {
        if line.starts_with('#') || line.starts_with("text\t") || line.is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let want: Status = f[2].parse().unwrap();
        rows += 1;
        if let Some((st, _, conf)) = classify(f[0], None) {
            answered += 1;
            if st == want {
                right += 1;
            }
            if conf >= SURE {
                sure += 1;
                if st == want {
                    sure_right += 1;
                }
            }
            if st == Status::Delivered && want != Status::Delivered {
                unsafe_rows.push(f[0].to_string());
            }
        }
    }
    println!(
        "text_only_samples: {rows} texts, answered {answered}, precision {:.1} %, coverage {:.1} %, sure {sure_right}/{sure}",
        100.0 * right as f64 / answered.max(1) as f64,
        100.0 * answered as f64 / rows.max(1) as f64
    );
    assert!(unsafe_rows.is_empty(), "delivered: {unsafe_rows:?}");
}

/// Per-rule evidence on the corpus: how often each rule decides a text and
/// how often it is right, on the training rows and on the held-out rows.
#[derive(Default, Clone, Copy)]
struct RuleScore {
    train: usize,
    train_right: usize,
    held: usize,
    held_right: usize,
}

fn rule_scores(rows: &[Row]) -> Vec<RuleScore> {
    let mut scores = vec![RuleScore::default(); wismo::text::rules_total()];
    for r in rows {
        let Some((id, _, _)) = wismo::text::deciding_rule(&r.text, Some(r.lang)) else {
            continue;
        };
        let got = classify(&r.text, Some(r.lang)).map(|g| g.0);
        let right = got == r.label.map(|l| l.0);
        let s = &mut scores[id];
        if r.held_out {
            s.held += 1;
            s.held_right += usize::from(right);
        } else {
            s.train += 1;
            s.train_right += usize::from(right);
        }
    }
    scores
}

/// The calibration of confidences, from the training rows: a rule at
/// `SURE` or above is at least 99 % right on the training texts it decides
/// (with fewer than 100 such texts: no error at all). Rules with no or little
/// training evidence are sure only when they are exact, unambiguous
/// statements (see the header of src/text_rules.rs).
///
/// `WISMO_RULE_REPORT=<file>` writes every rule that decided a text with its
/// training and held-out support and precision.
#[test]
fn sure_rules_are_precise_on_training_rows() {
    let rows = corpus();
    let scores = rule_scores(&rows);
    let mut bad = Vec::new();
    let mut out =
        String::from("id\tconfidence\ttrain\ttrain_right\theld\theld_right\ttarget\tpattern\n");
    for (id, s) in scores.iter().enumerate() {
        let Some((pattern, conf, target)) = wismo::text::rule_info(id) else {
            continue;
        };
        if s.train + s.held > 0 {
            out.push_str(&format!(
                "{id}\t{conf}\t{}\t{}\t{}\t{}\t{}\t{pattern}\n",
                s.train,
                s.train_right,
                s.held,
                s.held_right,
                target.map_or("none", |t| t.as_str())
            ));
        }
        let errors = s.train - s.train_right;
        // A "not a status" rule gives no answer, so no sure answer.
        if target.is_some() && f32::from(conf) / 100.0 >= SURE && errors * 100 > s.train {
            bad.push(format!(
                "rule {id} `{pattern}` ({conf}): {}/{} right on training rows",
                s.train_right, s.train
            ));
        }
    }
    if let Some(path) = std::env::var_os("WISMO_RULE_REPORT") {
        std::fs::write(path, out).unwrap();
    }
    assert!(bad.is_empty(), "sure rules below 99 %:\n{}", bad.join("\n"));
}

/// Plain statements are sure (issue 21: the first calibration left them at
/// 0.85), and the DHL texts for a courier round and a missed recipient are
/// read.
#[test]
fn plain_statements_are_sure() {
    let cases: &[(&str, &str)] = &[
        ("The parcel has been delivered.", "delivered"),
        ("Item available for pickup", "at_carrier_facility"),
        ("In Transit", "in_transit"),
        ("Package collected from sender", "picked_up"),
        ("Arrived at UK sorting hub", "arrived_at_facility"),
        (
            "The shipment has been loaded onto the delivery vehicle",
            "out_for_delivery",
        ),
        (
            "Shipment is out with courier for delivery",
            "out_for_delivery",
        ),
        ("Delivery attempted; recipient not home", "recipient_absent"),
    ];
    for (text, want) in cases {
        let got = classify(text, Some(Lang::En));
        assert!(
            matches!(got, Some((_, sub, c)) if sub.as_str() == *want && c >= SURE),
            "{text}: {got:?}"
        );
    }
    // The guarded forms are not sure (or not that reading).
    for text in [
        "Your parcel will be available for pickup tomorrow",
        "The shipment has not yet arrived at the sorting hub",
        "Arrived at pick-up location",
        "Package will be collected from sender",
    ] {
        let got = classify(text, Some(Lang::En));
        assert!(
            !matches!(got, Some((_, _, c)) if c >= SURE),
            "{text}: {got:?}"
        );
    }
}

/// One event under `code` (a pair `event|reason` or a key) with `text`,
/// interpreted as a parser's event is: looked up, then its text read.
fn interpreted(carrier: wismo::Carrier, code: &str, text: &str) -> wismo::Event {
    let (event, reason) = match code.split_once('|') {
        Some((e, r)) => (e, Some(r)),
        None => (code, None),
    };
    let e = wismo::Event::lookup(carrier, None, event, reason, text);
    let mut t = wismo::Tracking::new(carrier, "1", vec![e], None);
    t.remap();
    t.events.remove(0)
}

/// The precision of the coarse-code refinement (events mapped by a `coarse`
/// row whose meaning came from their text, `mapped && classified`) on
/// `tests/data/coarse_and_text_samples.tsv`, against the status a person
/// reads there; and every refinement in the fixtures, listed. Fails on a
/// wrong refinement in the samples.
#[test]
fn coarse_refinement_precision() {
    use std::str::FromStr;
    let data = include_str!("data/coarse_and_text_samples.tsv");
    let (mut coded, mut refined, mut right, mut sub_right) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for (i, line) in data.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() || line.starts_with("carrier\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let (carrier, code, status, substatus, text) = (f[0], f[2], f[3], f[4], f[5]);
        if code == "-" {
            continue;
        }
        let carrier = wismo::Carrier::from_str(carrier).unwrap();
        let e = interpreted(carrier, code, text);
        coded += 1;
        if e.mapped && e.classified {
            refined += 1;
            if e.status.as_str() == status {
                right += 1;
                sub_right += usize::from(e.substatus.as_str() == substatus);
            } else {
                wrong.push(format!(
                    "line {}: {code} `{text}` refined to {}, a person reads {status}",
                    i + 1,
                    e.status
                ));
            }
        }
    }
    println!(
        "coarse_and_text_samples: {coded} coded rows, {refined} refined from their text, {right} right ({sub_right} with the substatus too)"
    );
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|d| d.unwrap().path())
        .collect();
    dirs.sort();
    let (mut events, mut fixture_refined) = (0, 0);
    for d in dirs {
        let Ok(carrier) = wismo::Carrier::from_str(d.file_name().unwrap().to_str().unwrap()) else {
            continue;
        };
        let mut files: Vec<_> = std::fs::read_dir(&d)
            .unwrap()
            .map(|f| f.unwrap().path())
            .filter(|p| {
                let n = p.file_name().unwrap().to_str().unwrap();
                (n.ends_with(".json") || n.ends_with(".xml")) && !n.ends_with(".expected.json")
            })
            .collect();
        files.sort();
        for f in files {
            let Ok(ts) = wismo::parse(carrier, &std::fs::read(&f).unwrap()) else {
                continue;
            };
            for e in ts.iter().flat_map(|t| &t.events) {
                events += 1;
                if e.mapped && e.classified {
                    fixture_refined += 1;
                    println!(
                        "fixture refinement: {}: {} `{}` -> {}/{}",
                        f.strip_prefix(&dir).unwrap().display(),
                        e.mapping_key.as_deref().unwrap_or(&e.code),
                        e.description,
                        e.status,
                        e.substatus
                    );
                }
            }
        }
    }
    println!("fixtures: {events} events, {fixture_refined} coarse refinements");
    assert!(wrong.is_empty(), "wrong refinements:\n{}", wrong.join("\n"));
}
