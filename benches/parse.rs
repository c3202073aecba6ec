//! Parse cost per carrier format, with its baseline in the same group:
//! `<carrier>_wismo` (full parse into `Tracking`s) beside
//! `<carrier>_serde_value` (`serde_json::from_slice::<Value>` of the same bytes,
//! the floor for any JSON reader that builds a tree) or `<carrier>_quick_xml`
//! (a plain quick-xml event loop over the same bytes that touches every event
//! and unescapes every text, the floor for XML). Inputs are fixtures from
//! `tests/fixtures`, one per carrier.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use wismo::Carrier;

const CASES: &[(&str, &str)] = &[
    ("ups", "ups/delivered.json"),
    ("fedex", "fedex/delivered.json"),
    ("usps", "usps/delivered_parcel_locker.json"),
    ("dhl_unified", "dhl_unified/spec_example.json"),
    ("dhl_express", "dhl_express/spec_example.json"),
    ("postnl", "postnl/complete_status_pickup_point.json"),
    ("gls", "gls/collected_at_parcel_shop.json"),
    ("royal_mail", "royal_mail/delivered.json"),
    ("la_poste", "la_poste/delivered_international.json"),
    ("colissimo", "colissimo/delivered_international.json"),
    ("hermes_de", "hermes_de/failed_attempt_parcelshop.json"),
    ("bring", "bring/waiting_at_pup.json"),
    ("inpost", "inpost/locker_collected.json"),
    ("sendle", "sendle/delivered.json"),
    (
        "amazon_shipping",
        "amazon_shipping/attempted_customer_unavailable.json",
    ),
    (
        "australia_post",
        "australia_post/international_delivered.json",
    ),
    ("asendia", "asendia/us_milestones_delivered.json"),
    ("parcel_one", "parcel_one/handed_to_last_mile.json"),
    ("dhl_parcel_de", "dhl_parcel_de/delivered_packstation.xml"),
    ("canada_post", "canada_post/wrapper_two_pins.xml"),
    ("purolator", "purolator/delivered_after_pickup.xml"),
    ("dpd", "dpd/parcelshop_after_failed_attempt.xml"),
    ("bpost", "bpost/delivered_pickup_point.xml"),
    ("landmark", "landmark/delivered_bpost.xml"),
    ("tnt", "tnt/delivered_with_delays.xml"),
    ("chronopost", "chronopost/delivered.xml"),
    ("aramex", "aramex/delivered_two_waybills.xml"),
    ("postnord", "postnord/delivered_service_point.json"),
    ("ninja_van", "ninja_van/stored_failed_attempt_return.json"),
    ("ctt_express", "ctt_express/failed_attempt_delivered.json"),
    ("nz_post", "nz_post/delivered_signed.json"),
    ("correos", "correos/out_for_delivery.json"),
    (
        "russian_post",
        "russian_post/customs_failed_attempt_return.xml",
    ),
    ("packeta", "packeta/tracking_delivered.xml"),
    ("gls_mygls", "gls_mygls/absent_then_neighbour.json"),
    (
        "nova_poshta",
        "nova_poshta/failed_attempt_locker_in_transit.json",
    ),
    ("cdek", "cdek/order_delivered_pickup_point.json"),
    ("ukrposhta", "ukrposhta/statuses_delivered.json"),
    ("canpar", "canpar/delivered_interline.xml"),
];

/// The XML floor: every event read, every text and attribute value decoded.
fn quick_xml_read(body: &[u8]) -> usize {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(body);
    let mut n = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                n += e.name().as_ref().len();
                for a in e.attributes().flatten() {
                    n += a.unescape_value().map(|v| v.len()).unwrap_or(0);
                }
            }
            Ok(Event::Text(t)) => n += t.decode().map(|t| t.len()).unwrap_or(0),
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    n
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    for &(id, fixture) in CASES {
        let carrier: Carrier = id.parse().unwrap();
        let path = format!("{}/tests/fixtures/{fixture}", env!("CARGO_MANIFEST_DIR"));
        let body = std::fs::read(&path).unwrap();
        let t = wismo::parse(carrier, &body).unwrap();
        assert!(!t.is_empty() && !t[0].events.is_empty(), "{fixture}");
        g.throughput(Throughput::Bytes(body.len() as u64));
        g.bench_function(format!("{id}_wismo"), |b| {
            b.iter(|| wismo::parse(carrier, black_box(&body)).unwrap())
        });
        if fixture.ends_with(".xml") {
            g.bench_function(format!("{id}_quick_xml"), |b| {
                b.iter(|| quick_xml_read(black_box(&body)))
            });
        } else {
            g.bench_function(format!("{id}_serde_value"), |b| {
                b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&body)).unwrap())
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
