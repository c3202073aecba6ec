//! Bad input never panics, limits hold, and no event is lost.
//!
//! A small deterministic mutation loop over every fixture (runs on stable in the
//! normal `cargo test`): truncation at every byte (every few bytes for large
//! bodies), byte flips and insertions, invalid UTF-8, a BOM, a wrong root,
//! huge strings and numbers, deep nesting, duplicate keys, empty arrays and
//! `null` where an object is expected. Every case must return `Ok` or a typed
//! `Err`; a panic fails the test.

use std::path::{Path, PathBuf};
use wismo::{Carrier, Category, Error, Limits};

fn fixtures() -> Vec<(Carrier, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for dir in std::fs::read_dir(&root).unwrap() {
        let dir = dir.unwrap().path();
        let Some(carrier) = dir
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.parse::<Carrier>().ok())
        else {
            continue;
        };
        for f in std::fs::read_dir(&dir).unwrap() {
            let p = f.unwrap().path();
            let name = p.file_name().unwrap().to_str().unwrap();
            if (name.ends_with(".json") || name.ends_with(".xml"))
                && !name.ends_with(".expected.json")
            {
                out.push((carrier, p));
            }
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn run(carrier: Carrier, body: &[u8], cases: &mut usize) {
    *cases += 1;
    match wismo::parse(carrier, body) {
        Ok(_) => {}
        Err(e) => {
            // Every error names the carrier and reads as one line.
            assert_eq!(e.carrier(), Some(carrier));
            let msg = e.to_string();
            assert!(!msg.contains('\n'), "{msg}");
            assert!(msg.starts_with(carrier.as_str()), "{msg}");
        }
    }
}

#[test]
fn mutated_fixtures_never_panic() {
    let mut cases = 0;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for (carrier, path) in fixtures() {
        let body = std::fs::read(&path).unwrap();
        // Truncation: every byte of small bodies, ~1500 cuts of large ones.
        let step = (body.len() / 1500).max(1);
        for cut in (0..body.len()).step_by(step) {
            run(carrier, &body[..cut], &mut cases);
        }
        // Byte flips, random bytes, insertions and deletions.
        for _ in 0..300 {
            let mut b = body.clone();
            let i = rng.below(b.len());
            match rng.below(4) {
                0 => b[i] ^= 1 << rng.below(8),
                1 => b[i] = rng.next() as u8,
                2 => b.insert(i, b"{}[]<>\"\\:,0-9eE"[rng.below(15)]),
                _ => {
                    b.remove(i);
                }
            }
            run(carrier, &b, &mut cases);
        }
        // Invalid UTF-8 and a BOM.
        let mut b = body.clone();
        let i = b.len() / 2;
        b.splice(i..i, [0xC3, 0x28, 0xFF]);
        run(carrier, &b, &mut cases);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(&body);
        run(carrier, &bom, &mut cases);
    }
    assert!(cases > 10_000, "{cases} cases");
}

#[test]
fn hostile_shapes_never_panic() {
    let huge_string = format!("{{\"a\":\"{}\"}}", "x".repeat(1 << 20));
    let huge_number = format!("{{\"a\":{}}}", "9".repeat(100_000));
    let deep_json = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let deep_xml = format!("{}{}", "<a>".repeat(50_000), "</a>".repeat(50_000));
    let bodies: Vec<Vec<u8>> = vec![
        Vec::new(),
        b" ".to_vec(),
        b"null".to_vec(),
        b"[]".to_vec(),
        b"{}".to_vec(),
        b"[null]".to_vec(),
        b"[{}]".to_vec(),
        b"\"text\"".to_vec(),
        b"<wrong-root/>".to_vec(),
        b"<?xml version=\"1.0\"?>".to_vec(),
        b"<a><b></a>".to_vec(),
        b"{\"a\":1,\"a\":2}".to_vec(),
        huge_string.into_bytes(),
        huge_number.into_bytes(),
        deep_json.into_bytes(),
        deep_xml.into_bytes(),
        vec![0xFF; 64],
    ];
    // Carrier-shaped hostility: null, empty arrays and wrong types where the
    // documented shape has objects.
    let shaped: &[&str] = &[
        r#"{"trackResponse":null}"#,
        r#"{"trackResponse":{"shipment":[{"package":[{"trackingNumber":"1Z","activity":[null]}]}]}}"#,
        r#"{"trackResponse":{"shipment":[{"package":[{"trackingNumber":"1Z","activity":[{"date":"20240101","time":"999999"}]}]}]}}"#,
        r#"{"output":{"completeTrackResults":[{"trackResults":[{"scanEvents":[]}]}]}}"#,
        r#"{"output":{"completeTrackResults":[{"trackResults":[{"trackingNumberInfo":{"trackingNumber":"1"},"scanEvents":[{"date":null}]}]}]}}"#,
        r#"[{"trackingNumber":"9","trackingEvents":null}]"#,
        r#"{"shipments":[{"id":null,"events":[]}]}"#,
        r#"{"shipments":[{"id":1,"events":[{"timestamp":"2024-02-30T10:00:00"}]}]}"#,
        r#"{"CurrentStatus":{"Shipment":null}}"#,
        r#"{"CompleteStatus":{"Shipment":[{"Barcode":"3S","Event":{"Code":"A01","TimeStamp":"31-02-2022 10:00:00"}}]}}"#,
    ];
    let mut cases = 0;
    for &carrier in Carrier::ALL {
        for b in bodies
            .iter()
            .map(|b| b.as_slice())
            .chain(shaped.iter().map(|s| s.as_bytes()))
        {
            run(carrier, b, &mut cases);
        }
    }
    assert!(cases >= Carrier::ALL.len() * 20);
}

#[test]
fn limits_are_enforced_with_clear_messages() {
    let body = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fedex/delivered.json"),
    )
    .unwrap();
    let small = Limits {
        max_body_bytes: 100,
        ..Limits::default()
    };
    let e = wismo::parse_with(Carrier::Fedex, &body, &small).unwrap_err();
    assert_eq!(e.to_string(), "fedex: body bytes exceeds the limit of 100");
    assert_eq!(e.classify(), Category::Limit);

    let shallow = Limits {
        max_depth: 3,
        ..Limits::default()
    };
    let e = wismo::parse_with(Carrier::Fedex, &body, &shallow).unwrap_err();
    assert_eq!(e.to_string(), "fedex: nesting depth exceeds the limit of 3");

    let few = Limits {
        max_events: 5,
        ..Limits::default()
    };
    let e = wismo::parse_with(Carrier::Fedex, &body, &few).unwrap_err();
    assert!(matches!(
        e,
        Error::TooLarge {
            what: "events per tracking",
            limit: 5,
            ..
        }
    ));
    assert_eq!(
        e.to_string(),
        "fedex: events per tracking exceeds the limit of 5"
    );

    // The defaults let every fixture through.
    for (carrier, path) in fixtures() {
        let body = std::fs::read(&path).unwrap();
        if let Err(e) = wismo::parse(carrier, &body) {
            assert_ne!(e.classify(), Category::Limit, "{}: {e}", path.display());
        }
    }
    let deep = format!("{}{}", "[".repeat(65), "]".repeat(65));
    let e = wismo::parse(Carrier::Ups, deep.as_bytes()).unwrap_err();
    assert_eq!(e.to_string(), "ups: nesting depth exceeds the limit of 64");
}

/// Where each carrier's events sit in its body, for counting them without the
/// parser: JSON arrays (or single objects) under these keys, or XML elements
/// with these local names (`name@attr=value` matches an attribute too).
/// Carriers whose parsers add a documented summary event (GLS's parcel status,
/// Hermes' current status) or keep only reached milestones (DPD) are not
/// counted here; their tests assert their events one by one.
fn event_keys(carrier: Carrier) -> Option<(&'static str, &'static [&'static str])> {
    Some(match carrier.as_str() {
        // The Track API's activities, or one Track Alert webhook event.
        "ups" => ("json", &["activity", "activityStatus"]),
        "fedex" => ("json", &["scanEvents"]),
        "usps" => ("json", &["trackingEvents"]),
        // (Australia Post repeats an article's events under `consignment[]`,
        // which is read only when a result has no articles: not counted.)
        "dhl_unified" | "dhl_ecommerce" | "dhl_express" => ("json", &["events"]),
        // PostNL: the event list, or else the statuses (see src/carriers/postnl.rs).
        "postnl" => ("json", &["Event"]),
        "la_poste" | "colissimo" => ("json", &["event"]),
        "bring" => ("json", &["eventSet"]),
        // ShipX tracking history, or one webhook event.
        "inpost" => ("json", &["tracking_details", "payload"]),
        "sendle" => ("json", &["tracking_events"]),
        "amazon_shipping" => ("json", &["eventHistory"]),
        "parcel_one" => ("json", &["TrackingEvents"]),
        "royal_mail" => ("json", &["events"]),
        "dhl_parcel_de" => ("xml", &["data@name=piece-event"]),
        "purolator" => ("xml", &["Scan"]),
        "landmark" => ("xml", &["Event"]),
        "tnt" => ("xml", &["StatusData"]),
        "bpost" => ("xml", &["stateInfo"]),
        "chronopost" => ("xml", &["events"]),
        "canada_post" => ("xml", &["occurrence"]),
        "spring" => ("json", &["Events"]),
        "teleship" => ("json", &["events"]),
        // SmartKargo answers a bare array of event rows.
        "smartkargo" => ("json_array", &[]),
        // Aramex: SOAP `TrackingResult` elements, or in its WCF JSON form the
        // `Value` arrays of `TrackingResults` (xml key, then json key).
        "aramex" => ("xml_or_json", &["TrackingResult", "Value"]),
        "postnord" => ("json", &["events"]),
        // Ninja Van: one webhook body (object) is one event; an array of
        // stored bodies is one event each.
        "ninja_van" => ("json_array_or_object", &[]),
        // CTT Express: shipping_history.events (the fixtures have no
        // items_history, whose per-package events are not read).
        "ctt_express" => ("json", &["events"]),
        "nz_post" => ("json", &["tracking_events"]),
        // Correos: eventos, plus one event per linked shipment.
        "correos" => ("json", &["eventos", "enviosAsociados"]),
        "russian_post" => ("xml", &["historyRecord"]),
        "gls_mygls" => ("json", &["ParcelStatusList"]),
        // Packeta: one `dateTime` per packetTracking record, or packetStatus's one result.
        "packeta" => ("xml", &["dateTime"]),
        // Nova Poshta: one event (the current status) per `data[]` waybill.
        "nova_poshta" => ("json", &["data"]),
        // CDEK: the order's statuses, or one ORDER_STATUS webhook's attributes.
        "cdek" => ("json", &["statuses", "attributes"]),
        // Ukrposhta answers a bare array of status records, one event each.
        "ukrposhta" => ("json_array", &[]),
        "canpar" => ("xml", &["events"]),
        _ => return None,
    })
}

/// A JSON tree that keeps every occurrence of a repeated key (a
/// `serde_json::Value` keeps only the last; a published Correos answer
/// repeats `"eventos"` once per event).
enum Tree {
    Object(Vec<(String, Tree)>),
    Array(Vec<Tree>),
    Other,
}

impl<'de> serde::Deserialize<'de> for Tree {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Tree, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Tree;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Tree, A::Error> {
                let mut out = Vec::new();
                while let Some(e) = m.next_entry::<String, Tree>()? {
                    out.push(e);
                }
                Ok(Tree::Object(out))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut s: A) -> Result<Tree, A::Error> {
                let mut out = Vec::new();
                while let Some(x) = s.next_element()? {
                    out.push(x);
                }
                Ok(Tree::Array(out))
            }
            fn visit_bool<E>(self, _: bool) -> Result<Tree, E> {
                Ok(Tree::Other)
            }
            fn visit_i64<E>(self, _: i64) -> Result<Tree, E> {
                Ok(Tree::Other)
            }
            fn visit_u64<E>(self, _: u64) -> Result<Tree, E> {
                Ok(Tree::Other)
            }
            fn visit_f64<E>(self, _: f64) -> Result<Tree, E> {
                Ok(Tree::Other)
            }
            fn visit_str<E>(self, _: &str) -> Result<Tree, E> {
                Ok(Tree::Other)
            }
            fn visit_unit<E>(self) -> Result<Tree, E> {
                Ok(Tree::Other)
            }
        }
        d.deserialize_any(V)
    }
}

fn tree(body: &[u8]) -> Tree {
    serde_json::from_slice(body).unwrap()
}

fn count_json(v: &Tree, keys: &[&str]) -> usize {
    match v {
        Tree::Object(m) => m
            .iter()
            .map(|(k, v)| {
                if keys.contains(&k.as_str()) {
                    match v {
                        Tree::Array(a) => a.len(),
                        Tree::Object(_) => 1,
                        Tree::Other => 0,
                    }
                } else {
                    count_json(v, keys)
                }
            })
            .sum(),
        Tree::Array(a) => a.iter().map(|x| count_json(x, keys)).sum(),
        Tree::Other => 0,
    }
}

fn count_xml(body: &[u8], keys: &[&str]) -> usize {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(body);
    let mut n = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                let name = e.local_name();
                let name = std::str::from_utf8(name.as_ref()).unwrap_or("");
                for k in keys {
                    let (el, attr) = match k.split_once('@') {
                        Some((el, a)) => (el, a.split_once('=')),
                        None => (*k, None),
                    };
                    let attr_ok = attr.is_none_or(|(an, av)| {
                        e.attributes().flatten().any(|a| {
                            a.key.local_name().as_ref() == an.as_bytes()
                                && a.value.as_ref() == av.as_bytes()
                        })
                    });
                    if name == el && attr_ok {
                        n += 1;
                    }
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    n
}

#[test]
fn no_event_is_lost() {
    let mut checked = 0;
    for (carrier, path) in fixtures() {
        let body = std::fs::read(&path).unwrap();
        let Ok(trackings) = wismo::parse(carrier, &body) else {
            continue;
        };
        let out: usize = trackings.iter().map(|t| t.events.len()).sum();
        let Some((kind, keys)) = event_keys(carrier) else {
            continue;
        };
        let mut expected = match kind {
            "json" => count_json(&tree(&body), keys),
            "xml_or_json" if body.trim_ascii_start().starts_with(b"{") => {
                count_json(&tree(&body), &keys[1..])
            }
            "xml_or_json" => count_xml(&body, &keys[..1]),
            "json_array" => {
                serde_json::from_slice::<Vec<serde_json::Value>>(&body).map_or(0, |a| a.len())
            }
            "json_array_or_object" => match serde_json::from_slice(&body).unwrap() {
                serde_json::Value::Array(a) => a.len(),
                serde_json::Value::Object(_) => 1,
                _ => 0,
            },
            _ => count_xml(&body, keys),
        };
        if carrier == Carrier::Postnl && expected == 0 {
            // Without an event list the statuses are the events.
            expected = count_json(&tree(&body), &["OldStatus", "Status"]);
        }
        // A body without an event list gives one event per tracking from its
        // current status (documented per parser); nothing else is added.
        let summary_only = expected == 0 && out == trackings.len();
        assert!(
            out == expected || summary_only,
            "{}: {out} events out, {expected} in the body",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 60, "{checked}");
}
