//! Runtime mapping overrides through `wismo::Normalizer`: same format and
//! messages as `mappings/`, override first, which table answered, threads.

use std::path::Path;
use std::sync::Arc;
use wismo::{Carrier, Normalizer, Overrides, Status, Substatus};

fn fixture(carrier: &str, name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(carrier)
            .join(name),
    )
    .unwrap()
}

/// CDEK's legacy (API 1.5) numeric status 4 is "delivered"; the shipped
/// table keys API 2.0 names only, so a shop that still receives the numbers
/// adds them as an override.
const CDEK_LEGACY: &str = "# carrier: cdek\n\
# name: CDEK\n\
# source: CDEK 2.0 status code to 1.5 number map in a Bitrix module (as cited in mappings/cdek.tsv)\n\
# key: CDEK API 1.5 numeric status code\n\
code\tstatus\tsubstatus\treason\teta\tdescription\n\
4\tdelivered\tdelivered\t-\tfinal\tdelivered (API 1.5 number)\n";

const FEDEX_SIGNED: &str = "# carrier: fedex\n\
# name: FedEx\n\
# source: our own review\n\
# key: same as mappings/fedex.tsv\n\
code\tstatus\tsubstatus\treason\teta\tdescription\n\
DL\tdelivered\tsigned_for\t-\tfinal\tdelivered, signature taken\n";

#[test]
fn an_override_adds_a_code_and_says_where_it_came_from() {
    let body = fixture("cdek", "webhook_legacy_status_code.json");
    let plain = wismo::parse(Carrier::Cdek, &body).unwrap();
    assert_eq!(plain[0].events[0].status, Status::Unknown);

    let n =
        Normalizer::new().with_overrides(Overrides::from_text("legacy.tsv", CDEK_LEGACY).unwrap());
    let t = &n.parse(Carrier::Cdek, &body).unwrap()[0];
    let e = &t.events[0];
    assert_eq!(
        (e.status, e.substatus),
        (Status::Delivered, Substatus::Delivered)
    );
    assert!(e.mapped);
    assert_eq!(e.mapping_key.as_deref(), Some("4"));
    let src = e.override_source.as_ref().unwrap();
    assert_eq!((src.file.as_str(), src.line), ("legacy.tsv", 6));
    assert_eq!(t.status, Status::Delivered);

    // The serde form names the override; a shipped answer names none.
    let json = serde_json::to_value(e).unwrap();
    assert_eq!(json["override_source"]["file"], "legacy.tsv");
    let shipped = serde_json::to_value(
        &wismo::parse(
            Carrier::Fedex,
            &fixture("fedex", "pickup_and_failed_attempt.json"),
        )
        .unwrap()[0]
            .events[0],
    )
    .unwrap();
    assert!(shipped.get("override_source").is_none());
}

#[test]
fn an_override_changes_a_shipped_code_and_wismo_parse_is_unchanged() {
    let body = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/fedex_delivered.json"),
    )
    .unwrap();
    let n =
        Normalizer::new().with_overrides(Overrides::from_text("fedex.tsv", FEDEX_SIGNED).unwrap());
    let over = n.parse(Carrier::Fedex, &body).unwrap();
    let plain = wismo::parse(Carrier::Fedex, &body).unwrap();
    let last = |t: &wismo::Tracking| t.events.last().unwrap().clone();
    assert_eq!(last(&over[0]).substatus, Substatus::SignedFor);
    assert_eq!(last(&plain[0]).substatus, Substatus::Delivered);
    assert!(last(&plain[0]).override_source.is_none());
    // Only the overridden code differs.
    for (a, b) in over[0].events.iter().zip(&plain[0].events) {
        if a.code != "DL" {
            assert_eq!(a, b);
        }
    }
    // The compiled lookup does not see overrides.
    assert_eq!(
        Carrier::Fedex.lookup("DL").unwrap().substatus(),
        Substatus::Delivered
    );
    let m = n.lookup(Carrier::Fedex, "DL").unwrap();
    assert_eq!(m.substatus, Substatus::SignedFor);
    assert_eq!(m.source.unwrap().line, 6);
    let shipped = n.lookup(Carrier::Fedex, "PU").unwrap();
    assert!(shipped.source.is_none() && shipped.shipped_line.is_some());
}

#[test]
fn bad_override_files_give_file_and_line_like_the_build() {
    let text = "# carrier: fedex\n# name: FedEx\n# source: s\n# key: k\n\
                code\tstatus\tsubstatus\treason\teta\tdescription\n\
                ZZ\tdeliverd\tdelivered\t-\tfinal\tx\n\
                AA\tin_transit\tdelivered\t-\tnone\ty\n";
    let err = Overrides::from_text("mine.tsv", text).unwrap_err();
    assert_eq!(
        err.to_string(),
        "mine.tsv:6: unknown status `deliverd` (expected one of unknown, info_received, in_transit, out_for_delivery, attempt_failed, available_for_pickup, delivered, exception, return_to_sender, cancelled, expired)\n\
         mine.tsv:7: substatus `delivered` belongs to status `delivered`, not `in_transit`\n\
         mine.tsv:7: code `AA` out of order after `ZZ` (rows are sorted by code, byte order)"
    );
    let err = Overrides::from_text("x.tsv", "# carrier: acme\n# name: A\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "x.tsv:1: unknown carrier `acme` (an override names a carrier wismo knows)"
    );
    let err = Overrides::from_text("y.tsv", "code\tstatus\n").unwrap_err();
    assert_eq!(err.to_string(), "y.tsv:1: missing `# carrier:` header");
    let err = Overrides::load("/nonexistent/wismo-overrides.tsv").unwrap_err();
    assert_eq!(err.problems[0].line, 0);
    assert!(err
        .to_string()
        .starts_with("/nonexistent/wismo-overrides.tsv:0: cannot read"));
}

#[test]
fn every_shipped_file_loads_as_an_override_of_itself() {
    // Same format, same reader: a shipped table is a valid override file and
    // changes nothing.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    let all = Overrides::load_all(
        std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "tsv")),
    )
    .unwrap();
    assert!(all.len() > 5000);
    let n = Normalizer::new().with_overrides(all);
    let body = fixture("ups", "spec_example.json");
    let a = n.parse(Carrier::Ups, &body).unwrap();
    let b = wismo::parse(Carrier::Ups, &body).unwrap();
    for (x, y) in a[0].events.iter().zip(&b[0].events) {
        assert_eq!(
            (x.status, x.substatus, &x.mapping_key),
            (y.status, y.substatus, &y.mapping_key)
        );
        assert_eq!(x.override_source.is_some(), x.mapped);
    }
}

#[test]
fn a_composite_override_key_wins_per_step() {
    // DHL Paket looks up ICE|RIC, then ICE|*, then the standard code.
    let body = fixture("dhl_parcel_de", "failed_attempt_then_branch.xml");
    let plain = wismo::parse(Carrier::DhlParcelDe, &body).unwrap();
    let e = plain[0]
        .events
        .iter()
        .find(|e| e.code == "CNRFC" && e.reason_code.as_deref() == Some("SERPT"))
        .unwrap();
    assert_eq!(e.mapping_key.as_deref(), Some("CNRFC|SERPT"));
    let text = "# carrier: dhl_parcel_de\n# name: DHL Paket\n# source: test\n# key: ICE|RIC\n\
                code\tstatus\tsubstatus\treason\teta\tdescription\n\
                CNRFC|SERPT\tavailable_for_pickup\tat_carrier_facility\t-\tawaiting_recipient\tat the branch\n";
    let n = Normalizer::new().with_overrides(Overrides::from_text("dhl.tsv", text).unwrap());
    let over = n.parse(Carrier::DhlParcelDe, &body).unwrap();
    let e = over[0].events.iter().find(|e| e.code == "CNRFC").unwrap();
    assert_eq!(e.substatus, Substatus::AtCarrierFacility);
}

#[test]
fn one_normalizer_serves_many_threads() {
    let n = Arc::new(
        Normalizer::new().with_overrides(Overrides::from_text("fedex.tsv", FEDEX_SIGNED).unwrap()),
    );
    let body = Arc::new(
        std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/fedex_delivered.json"),
        )
        .unwrap(),
    );
    std::thread::scope(|s| {
        for i in 0..4 {
            let (n, body) = (Arc::clone(&n), Arc::clone(&body));
            s.spawn(move || {
                for _ in 0..50 {
                    // Interleave plain and overridden parses on the same thread.
                    let t = if i % 2 == 0 {
                        n.parse(Carrier::Fedex, &body).unwrap()
                    } else {
                        wismo::parse(Carrier::Fedex, &body).unwrap()
                    };
                    let want = if i % 2 == 0 {
                        Substatus::SignedFor
                    } else {
                        Substatus::Delivered
                    };
                    assert_eq!(t[0].events.last().unwrap().substatus, want);
                }
            });
        }
    });
}

#[test]
fn remap_picks_up_overrides_and_corrections() {
    let body = fixture("cdek", "webhook_legacy_status_code.json");
    let mut stored: wismo::Tracking = {
        let t = wismo::parse(Carrier::Cdek, &body).unwrap().remove(0);
        serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap()
    };
    assert_eq!(stored.status, Status::Unknown);
    // Without overrides nothing changes.
    let before = stored.clone();
    stored.remap();
    assert_eq!(stored, before);
    let n =
        Normalizer::new().with_overrides(Overrides::from_text("legacy.tsv", CDEK_LEGACY).unwrap());
    n.remap(&mut stored);
    assert_eq!(stored.status, Status::Delivered);
    assert!(stored.delivered_at.is_some());

    // A stored event whose mapping changed in a later table version takes
    // the current meaning.
    let mut t = wismo::parse(
        Carrier::Fedex,
        &fixture("fedex", "pickup_and_failed_attempt.json"),
    )
    .unwrap()
    .remove(0);
    let fresh = t.clone();
    for e in &mut t.events {
        e.status = Status::Exception;
        e.substatus = Substatus::Lost;
    }
    t.refresh();
    t.remap();
    assert_eq!(t, fresh);
}
