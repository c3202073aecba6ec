//! Stored `Tracking` JSON survives upgrades: words a newer version writes
//! load with a documented fallback and are kept as text.

use std::path::Path;
use wismo::{Carrier, Direction, EtaHint, Status, Substatus, Tracking};

fn stored() -> serde_json::Value {
    let body = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/fedex/pickup_and_failed_attempt.json"),
    )
    .unwrap();
    serde_json::to_value(&wismo::parse(Carrier::Fedex, &body).unwrap()[0]).unwrap()
}

#[test]
fn json_from_a_newer_version_loads_with_fallbacks_and_keeps_the_words() {
    let mut v = stored();
    let last = v["events"].as_array().unwrap().len() - 1;
    {
        let e = &mut v["events"][last];
        e["status"] = "in_drone".into();
        e["substatus"] = "on_drone".into();
        e["reason"] = "solar_flare".into();
        e["eta"] = "within_minutes".into();
        e["direction"] = "sideways".into();
        e["a_field_from_the_future"] = serde_json::json!({"x": 1});
    }
    v["status"] = "in_drone".into();
    v["substatus"] = "on_drone".into();
    v["direction"] = "sideways".into();
    v["another_new_field"] = true.into();

    let t: Tracking = serde_json::from_value(v).expect("loads");
    assert_eq!(
        (t.status, t.substatus, t.direction),
        (Status::Unknown, Substatus::Unmapped, Direction::Forward)
    );
    let e = t.events.last().unwrap();
    assert_eq!(
        (e.status, e.substatus, e.reason, e.eta),
        (Status::Unknown, Substatus::Unmapped, None, EtaHint::None)
    );
    assert_eq!(
        e.unknown_words,
        [
            "status=in_drone",
            "substatus=on_drone",
            "reason=solar_flare",
            "eta=within_minutes",
            "direction=sideways"
        ]
    );
    // Stored again, the words are still there.
    let again: Tracking = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
    assert_eq!(again.events.last().unwrap().unknown_words, e.unknown_words);

    // remap re-derives the meaning from the current tables.
    let mut fixed = t.clone();
    fixed.remap();
    let fresh: Tracking = serde_json::from_value(stored()).unwrap();
    assert_eq!(
        fixed.events.last().unwrap().status,
        fresh.events.last().unwrap().status
    );
    assert!(fixed.events.last().unwrap().unknown_words.is_empty());
    assert_eq!(fixed.status, fresh.status);
}

#[test]
fn json_of_this_version_round_trips_without_unknown_words() {
    let v = stored();
    let t: Tracking = serde_json::from_value(v.clone()).unwrap();
    assert!(t.events.iter().all(|e| e.unknown_words.is_empty()));
    assert_eq!(serde_json::to_value(&t).unwrap(), v);
}

#[test]
fn an_unknown_carrier_still_fails_the_load() {
    let mut v = stored();
    v["carrier"] = "pigeon_post".into();
    let err = serde_json::from_value::<Tracking>(v).unwrap_err();
    assert!(err.to_string().contains("pigeon_post"), "{err}");
}
