//! The timeline fold: merge (with property tests over every fixture's events),
//! direction and returns, failed attempts, first scan, pickup stays, stalled
//! trackings, and scenarios a shop meets.

use chrono::{DateTime, Duration, TimeZone, Utc};
use std::path::Path;
use wismo::{Carrier, Direction, EtaHint, Event, EventTime, Location, Status, Substatus, Tracking};

/// A mapped event at `time` with the given meaning.
fn ev(time: &str, code: &str, sub: Substatus) -> Event {
    let mut e = Event::new(Some(time.parse().unwrap()), code, None, code, None);
    e.status = sub.status();
    e.substatus = sub;
    e.mapped = true;
    e
}

fn hint(mut e: Event, h: EtaHint) -> Event {
    e.eta = h;
    e
}

fn at(mut e: Event, country: &str) -> Event {
    e.location = Location {
        country: Some(country.to_string()),
        ..Location::default()
    };
    e
}

fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap()
}

fn t(events: Vec<Event>) -> Tracking {
    Tracking::new(Carrier::Postnl, "3S1", events, None)
}

// ---------------------------------------------------------------------------
// Deterministic generator (xorshift64*): no dependency, reproducible failures.
// ---------------------------------------------------------------------------

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
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// Every tracking of every parsable fixture.
fn fixture_trackings() -> Vec<Tracking> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|d| d.unwrap().path())
        .collect();
    dirs.sort();
    for dir in dirs {
        let Some(carrier) = dir
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.parse::<Carrier>().ok())
        else {
            continue;
        };
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|f| f.unwrap().path())
            .collect();
        files.sort();
        for f in files {
            let name = f.to_string_lossy().to_string();
            if !(name.ends_with(".json") || name.ends_with(".xml"))
                || name.ends_with(".expected.json")
            {
                continue;
            }
            if let Ok(ts) = wismo::parse(carrier, &std::fs::read(&f).unwrap()) {
                out.extend(ts.into_iter().filter(|t| !t.events.is_empty()));
            }
        }
    }
    out
}

/// The derived timeline two trackings must agree on.
fn timeline(t: &Tracking) -> impl PartialEq + std::fmt::Debug {
    (
        t.events.clone(),
        t.status,
        t.substatus,
        t.direction,
        t.delivered_at,
        t.failed_attempts,
        t.first_scan_at,
        t.pickup_since,
        t.eta.current,
    )
}

/// Splits `events` into chunks at random, keeping events with the very same
/// time together (their relative order is information only a response
/// holding both carries; see `merge_keeps_carrier_order_of_simultaneous_events`).
fn random_split(events: &[Event], rng: &mut Rng) -> Vec<Vec<Event>> {
    let mut groups: Vec<Vec<Event>> = Vec::new();
    for e in events {
        match groups.last_mut() {
            Some(g) if g[0].time == e.time => g.push(e.clone()),
            _ => groups.push(vec![e.clone()]),
        }
    }
    let k = 1 + rng.below(groups.len().min(5));
    let mut chunks: Vec<Vec<Vec<Event>>> = vec![Vec::new(); k];
    for g in groups {
        // Sometimes the same events come again in another response.
        if rng.below(4) == 0 {
            chunks[rng.below(k)].push(g.clone());
        }
        chunks[rng.below(k)].push(g);
    }
    // Each response lists its events in any order (but simultaneous events
    // in the carrier's order).
    chunks
        .into_iter()
        .map(|mut c| {
            rng.shuffle(&mut c);
            c.into_iter().flatten().collect()
        })
        .collect()
}

fn empty_like(t: &Tracking) -> Tracking {
    Tracking::new(t.carrier, t.tracking_number.clone(), Vec::new(), None)
}

#[test]
fn property_merge_in_any_order_and_split_gives_the_same_timeline() {
    let all = fixture_trackings();
    assert!(all.len() >= 8, "fixtures not found");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut cases = 0;
    for whole in &all {
        let mut want = empty_like(whole);
        want.merge(Tracking::new(
            whole.carrier,
            whole.tracking_number.clone(),
            whole.events.clone(),
            None,
        ))
        .unwrap();
        for round in 0..40 {
            let mut chunks = random_split(&whole.events, &mut rng);
            rng.shuffle(&mut chunks);
            let mut got = empty_like(whole);
            for c in chunks {
                got.merge(Tracking::new(
                    whole.carrier,
                    whole.tracking_number.clone(),
                    c,
                    None,
                ))
                .unwrap();
            }
            assert_eq!(
                timeline(&got),
                timeline(&want),
                "{} {} round {round}",
                whole.carrier,
                whole.tracking_number
            );
            cases += 1;
        }
    }
    assert!(cases >= 300);
}

#[test]
fn property_merge_is_idempotent() {
    let mut rng = Rng(42);
    for whole in fixture_trackings() {
        let mut once = whole.clone();
        once.merge(whole.clone()).unwrap();
        let mut twice = once.clone();
        twice.merge(whole.clone()).unwrap();
        assert_eq!(twice, once, "{}", whole.tracking_number);
        twice.merge(once.clone()).unwrap();
        assert_eq!(twice, once, "{}", whole.tracking_number);
        // Merging any part of what is known changes nothing.
        for _ in 0..10 {
            let mut part = whole.events.clone();
            rng.shuffle(&mut part);
            part.truncate(rng.below(part.len() + 1));
            let mut again = once.clone();
            again
                .merge(Tracking::new(
                    whole.carrier,
                    whole.tracking_number.clone(),
                    part,
                    None,
                ))
                .unwrap();
            assert_eq!(timeline(&again), timeline(&once));
        }
    }
}

#[test]
fn property_merged_fixture_equals_the_parsed_one() {
    // Without duplicate events, the merged timeline is the parsed one.
    for whole in fixture_trackings() {
        let dup = whole.events.iter().enumerate().any(|(i, a)| {
            whole.events[..i].iter().any(|b| {
                a.time == b.time
                    && a.code == b.code
                    && a.reason_code == b.reason_code
                    && a.location == b.location
            })
        });
        if dup {
            continue;
        }
        let mut merged = empty_like(&whole);
        merged.merge(whole.clone()).unwrap();
        assert_eq!(merged.events, whole.events, "{}", whole.tracking_number);
        assert_eq!(merged.status, whole.status);
        assert_eq!(merged.estimated_delivery, whole.estimated_delivery);
    }
}

#[test]
fn property_generated_timelines_merge_alike() {
    // Random timelines with distinct times, random statuses, unmapped events
    // and events without time.
    let mut rng = Rng(7);
    let subs = Substatus::ALL;
    for case in 0..200 {
        let n = 1 + rng.below(12);
        let mut events = Vec::new();
        for i in 0..n {
            // The same raw code always means the same.
            let sub = rng.below(subs.len());
            let mut e = ev(
                &format!("2024-03-{:02}T{:02}:00:00", 1 + rng.below(20), i),
                &format!("C{sub}"),
                subs[sub],
            );
            if rng.below(5) == 0 {
                e.mapped = false;
                e.status = Status::Unknown;
                e.substatus = Substatus::Unmapped;
            }
            if rng.below(12) == 0 {
                e.time = None;
            }
            events.push(e);
        }
        let whole = t(events.clone());
        let mut want = empty_like(&whole);
        want.merge(whole.clone()).unwrap();
        for _ in 0..10 {
            let mut got = empty_like(&whole);
            for c in random_split(&whole.events, &mut rng) {
                got.merge(t(c)).unwrap();
            }
            assert_eq!(timeline(&got), timeline(&want), "case {case}");
        }
    }
}

#[test]
fn merge_keeps_each_event_once_and_places_late_arrivals_by_time() {
    let a = ev("2024-03-04T08:00:00+01:00", "B01", Substatus::PickedUp);
    let b = ev("2024-03-04T20:00:00+01:00", "J01", Substatus::InTransit);
    let c = ev(
        "2024-03-05T09:00:00+01:00",
        "J05",
        Substatus::OutForDelivery,
    );
    let d = ev("2024-03-05T14:00:00+01:00", "I01", Substatus::Delivered);
    let mut x = t(vec![a.clone(), c.clone()]);
    x.merge(t(vec![d.clone(), a.clone()])).unwrap();
    x.merge(t(vec![b.clone()])).unwrap(); // a webhook that arrived late
    let codes: Vec<&str> = x.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["B01", "J01", "J05", "I01"]);
    assert_eq!(x.status, Status::Delivered);
    assert_eq!(x.delivered_at, d.time);
    // The same scan with a place added is the same event, now with the place.
    let mut placed = a.clone();
    placed.location.city = Some("Utrecht".into());
    x.merge(t(vec![placed])).unwrap();
    assert_eq!(x.events.len(), 4);
    assert_eq!(x.events[0].location.city.as_deref(), Some("Utrecht"));
    // Same code at another place or time is another event.
    let mut elsewhere = a.clone();
    elsewhere.location.city = Some("Amersfoort".into());
    x.merge(t(vec![elsewhere])).unwrap();
    assert_eq!(x.events.len(), 5);
}

#[test]
fn merge_keeps_carrier_order_of_simultaneous_events() {
    // Date-only carriers give many events the same time; the carrier's order
    // is kept, and an event new in a later response goes where that response
    // puts it.
    let day = "2024-03-04T00:00:00";
    let a = ev(day, "A", Substatus::ArrivedAtFacility);
    let b = ev(day, "B", Substatus::DepartedFacility);
    let c = ev(day, "C", Substatus::OutForDelivery);
    let mut x = t(vec![a.clone(), c.clone()]);
    x.merge(t(vec![a.clone(), b.clone(), c.clone()])).unwrap();
    let codes: Vec<&str> = x.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["A", "B", "C"]);
    assert_eq!(x.status, Status::OutForDelivery);
    // A new one with nothing known around it goes after the known ones.
    let d = ev(day, "D", Substatus::Delayed);
    x.merge(t(vec![d])).unwrap();
    let codes: Vec<&str> = x.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["A", "B", "C", "D"]);
    // One before a known event is placed before it.
    let z = ev(day, "Z", Substatus::PickedUp);
    x.merge(t(vec![z, a])).unwrap();
    let codes: Vec<&str> = x.events.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["Z", "A", "B", "C", "D"]);
}

#[test]
fn merge_fills_an_unmapped_copy_and_keeps_host_fields() {
    let mut raw = Event::new(
        Some("2024-03-04T08:00:00Z".parse().unwrap()),
        "X9",
        None,
        "",
        None,
    );
    raw.description.clear();
    let mut x = t(vec![raw]);
    x.destination = Some(Location {
        country: Some("NL".into()),
        postal_code: Some("1012AB".into()),
        ..Location::default()
    });
    let mut known = ev("2024-03-04T08:00:00Z", "X9", Substatus::PickedUp);
    known.description = "picked up".into();
    x.merge(t(vec![known])).unwrap();
    assert_eq!(x.events.len(), 1);
    assert!(x.events[0].mapped);
    assert_eq!(x.status, Status::InTransit);
    assert_eq!(x.destination_country().as_deref(), Some("NL"));
}

#[test]
fn direction_and_the_return_rule() {
    let x = t(vec![
        ev("2024-03-04T08:00:00Z", "1", Substatus::PickedUp),
        ev("2024-03-06T10:00:00Z", "2", Substatus::Refused),
        ev("2024-03-07T10:00:00Z", "3", Substatus::InTransit),
        ev("2024-03-08T10:00:00Z", "4", Substatus::Delivered),
    ]);
    let dirs: Vec<Direction> = x.events.iter().map(|e| e.direction).collect();
    assert_eq!(
        dirs,
        [
            Direction::Forward,
            Direction::Return,
            Direction::Return,
            Direction::Return
        ]
    );
    assert_eq!(x.direction, Direction::Return);
    assert_eq!(x.status, Status::ReturnToSender);
    assert_eq!(x.substatus, Substatus::ReturnedToShipper);
    assert_eq!(x.delivered_at, None);
    assert!(x.is_terminal());
    // JSON shows the direction of every event.
    let json = serde_json::to_value(&x).unwrap();
    assert_eq!(json["direction"], "return");
    assert_eq!(json["events"][0]["direction"], "forward");
}

#[test]
fn a_return_label_reads_as_a_return() {
    let events = vec![
        ev("2024-03-04T08:00:00Z", "1", Substatus::DroppedOff),
        ev("2024-03-05T08:00:00Z", "2", Substatus::InTransit),
    ];
    let x = t(events.clone()).as_return_label();
    assert!(x.return_label);
    assert_eq!(x.direction, Direction::Return);
    assert_eq!(x.status, Status::InTransit); // on its way to the shop
    assert!(x.events.iter().all(|e| e.direction == Direction::Return));
    // Delivered to the shop: the return arrived. It stays `delivered`.
    let mut y = x.clone();
    y.merge(t(vec![ev(
        "2024-03-06T11:00:00Z",
        "3",
        Substatus::Delivered,
    )]))
    .unwrap();
    assert!(y.return_label);
    assert_eq!(y.status, Status::Delivered);
    assert_eq!(y.substatus, Substatus::Delivered);
    assert_eq!(y.direction, Direction::Return);
    assert!(y.delivered_at.is_some());
    assert!(y.is_terminal());
    // The same events without the flag: a forward delivery.
    let mut z = t(events);
    z.merge(t(vec![ev(
        "2024-03-06T11:00:00Z",
        "3",
        Substatus::Delivered,
    )]))
    .unwrap();
    assert_eq!(z.direction, Direction::Forward);
    // The flag survives a merge from a response that does not know it.
    assert!(!t(vec![]).return_label);
}

#[test]
fn old_json_without_the_new_fields_still_reads() {
    let json = r#"{"carrier":"ups","tracking_number":"1Z","status":"delivered",
        "substatus":"delivered","estimated_delivery":null,"delivered_at":null,
        "events":[{"time":"2022-01-26T16:30:00-05:00","code":"D","description":"DELIVERED",
        "status":"delivered","substatus":"delivered","eta":"final","mapped":true}]}"#;
    let x: Tracking = serde_json::from_str(json).unwrap();
    assert_eq!(x.direction, Direction::Forward);
    assert_eq!(x.events[0].direction, Direction::Forward);
    assert_eq!(x.eta, wismo::eta::Eta::default());
    assert!(!x.return_label);
    let back: Tracking = serde_json::from_str(&serde_json::to_string(&x).unwrap()).unwrap();
    assert_eq!(back, x);
}

#[test]
fn attempts_first_scan_and_delivery() {
    let x = t(vec![
        ev("2024-03-01T08:00:00Z", "0", Substatus::LabelCreated),
        ev("2024-03-04T08:00:00Z", "1", Substatus::PickedUp),
        ev("2024-03-05T08:00:00Z", "2", Substatus::OutForDelivery),
        ev("2024-03-05T13:00:00Z", "3", Substatus::RecipientAbsent),
        ev("2024-03-05T13:01:00Z", "4", Substatus::NoticeLeft), // same stop
        ev("2024-03-06T08:00:00Z", "5", Substatus::OutForDelivery),
        ev("2024-03-06T12:00:00Z", "6", Substatus::NoAccess),
        ev("2024-03-07T12:00:00Z", "7", Substatus::DeliveredToNeighbor),
    ]);
    assert_eq!(x.failed_attempts, 2);
    assert_eq!(
        x.first_scan_at,
        Some("2024-03-04T08:00:00Z".parse().unwrap())
    );
    assert_eq!(
        x.delivered_at,
        Some("2024-03-07T12:00:00Z".parse().unwrap())
    );
    assert!(x.is_terminal());
    assert!(!t(vec![ev(
        "2024-03-01T08:00:00Z",
        "0",
        Substatus::LabelCreated
    )])
    .is_terminal());
}

#[test]
fn scenario_failed_attempt_then_delivered_next_day() {
    // Tue 5 Mar: out for delivery. Then nobody home (the carrier says it
    // tries again the next business day). Wed 6 Mar: delivered.
    let mut x = t(vec![
        ev("2024-03-04T20:00:00+01:00", "B01", Substatus::PickedUp),
        hint(
            ev(
                "2024-03-05T09:00:00+01:00",
                "J05",
                Substatus::OutForDelivery,
            ),
            EtaHint::SameDay,
        ),
    ]);
    assert_eq!(
        x.eta.current.unwrap().first_date().to_string(),
        "2024-03-05"
    );
    x.merge(t(vec![hint(
        ev(
            "2024-03-05T14:00:00+01:00",
            "F01",
            Substatus::RecipientAbsent,
        ),
        EtaHint::NextBusinessDay,
    )]))
    .unwrap();
    assert_eq!(x.status, Status::AttemptFailed);
    assert_eq!(x.failed_attempts, 1);
    let cur = x.eta.current.unwrap();
    assert_eq!(cur.first_date().to_string(), "2024-03-06");
    assert_eq!(cur.source, wismo::EtaSource::Hint);
    // The first estimate was the day it went out.
    assert_eq!(
        x.eta.original.unwrap().first_date().to_string(),
        "2024-03-05"
    );
    assert_eq!(x.eta.moved_days(), Some(1));
    x.merge(t(vec![hint(
        ev("2024-03-06T11:00:00+01:00", "I01", Substatus::Delivered),
        EtaHint::Final,
    )]))
    .unwrap();
    assert_eq!(x.status, Status::Delivered);
    assert_eq!(x.failed_attempts, 1);
    assert_eq!(x.eta.current, None);
    assert_eq!(
        x.delivered_at,
        Some("2024-03-06T11:00:00+01:00".parse().unwrap())
    );
    // One day later than first expected.
    let today = "2024-03-06".parse().unwrap();
    assert_eq!(x.days_late(None, today), Some(1));
}

#[test]
fn scenario_not_collected_at_pickup_point_then_returned() {
    let mut x = t(vec![
        ev("2024-03-04T20:00:00+01:00", "B01", Substatus::PickedUp),
        hint(
            ev("2024-03-05T11:00:00+01:00", "P01", Substatus::AtPickupPoint),
            EtaHint::AwaitingRecipient,
        ),
    ]);
    x.pickup_deadline = Some("2024-03-12T18:00:00+01:00".parse().unwrap());
    assert_eq!(x.status, Status::AvailableForPickup);
    let since: EventTime = "2024-03-05T11:00:00+01:00".parse().unwrap();
    assert_eq!(x.pickup_since, Some(since));
    assert_eq!(x.eta.current, None); // the recipient decides
    assert_eq!(
        x.time_at_pickup(utc(2024, 3, 8, 10)),
        Some(Duration::hours(3 * 24))
    );
    // Waiting until the deadline is not stalled; long after it is.
    assert!(!x.is_stalled(utc(2024, 3, 14, 10)));
    assert!(x.is_stalled(utc(2024, 3, 25, 10)));
    // Not collected: back to the shop. A later delivery is the arrival there.
    x.merge(t(vec![
        ev("2024-03-13T08:00:00+01:00", "R01", Substatus::NotCollected),
        ev("2024-03-14T15:00:00+01:00", "I01", Substatus::Delivered),
    ]))
    .unwrap();
    assert_eq!(x.status, Status::ReturnToSender);
    assert_eq!(x.substatus, Substatus::ReturnedToShipper);
    assert_eq!(x.direction, Direction::Return);
    assert_eq!(x.delivered_at, None);
    assert!(x.is_terminal());
    assert!(!x.is_stalled(utc(2024, 6, 1, 0)));
    // It waited eight days at the pickup point.
    assert_eq!(
        x.time_at_pickup(utc(2024, 6, 1, 0)),
        Some(Duration::hours(8 * 24 - 3))
    );
    assert_eq!(x.pickup_since, Some(since));
    assert_eq!(x.days_late(None, "2024-03-20".parse().unwrap()), None);
}

#[test]
fn scenario_stalled_parcel() {
    // UPS: usual gap 5 business days. Last scan Thu 21 Mar 2024 in NL;
    // Good Friday is no NL holiday here, Easter Monday (1 Apr) is.
    let mut x = Tracking::new(
        Carrier::Ups,
        "1Z",
        vec![
            at(
                ev("2024-03-20T08:00:00+01:00", "P", Substatus::PickedUp),
                "NL",
            ),
            at(
                ev(
                    "2024-03-21T08:00:00+01:00",
                    "I",
                    Substatus::DepartedFacility,
                ),
                "NL",
            ),
        ],
        None,
    );
    assert_eq!(x.stall_threshold(), 5);
    assert_eq!(wismo::tracking::stall_threshold(Carrier::Ups), 5);
    assert_eq!(wismo::tracking::stall_threshold(Carrier::Upu), 10);
    // Five business days later (Fri 22 .. Thu 28): not yet.
    assert!(!x.is_stalled(utc(2024, 3, 28, 12)));
    assert!(!x.expire_if_stalled(utc(2024, 3, 28, 12)));
    assert_eq!(x.status, Status::InTransit);
    // Fri 29 is the sixth business day: stalled.
    assert!(x.expire_if_stalled(utc(2024, 3, 29, 12)));
    assert_eq!(
        (x.status, x.substatus),
        (Status::Expired, Substatus::NoUpdates)
    );
    assert!(!x.is_terminal());
    // In Germany Good Friday is a holiday: the sixth business day is Tue 2 Apr.
    let mut de = x.clone();
    for e in &mut de.events {
        e.location.country = Some("DE".into());
    }
    assert!(!de.is_stalled(utc(2024, 4, 1, 12)));
    assert!(de.is_stalled(utc(2024, 4, 2, 12)));
    // News revives it.
    x.merge(Tracking::new(
        Carrier::Ups,
        "1Z",
        vec![ev(
            "2024-04-02T08:00:00+02:00",
            "X",
            Substatus::ArrivedAtFacility,
        )],
        None,
    ))
    .unwrap();
    assert_eq!(x.status, Status::InTransit);
    // A label nobody handed over stalls after 10 business days.
    let label = t(vec![ev(
        "2024-03-01T08:00:00Z",
        "A01",
        Substatus::LabelCreated,
    )]);
    assert_eq!(label.stall_threshold(), 10);
    assert!(!label.is_stalled(utc(2024, 3, 15, 0)));
    assert!(label.is_stalled(utc(2024, 3, 18, 0)));
    // Nothing timed, nothing to judge.
    assert!(!t(vec![]).is_stalled(utc(2030, 1, 1, 0)));
}

#[test]
fn fixtures_have_their_milestones() {
    // The bundled USPS return: an attempt, then back to the sender.
    let body = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/usps/return_to_sender.json"),
    )
    .unwrap();
    let x = &wismo::parse(Carrier::Usps, &body).unwrap()[0];
    assert_eq!(x.failed_attempts, 1);
    assert_eq!(x.direction, Direction::Return);
    assert_eq!(x.status, Status::ReturnToSender);
    assert_eq!(x.eta.current, None);
    // The PostNL pickup point sample waits for its recipient.
    let body = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/postnl/complete_status_pickup_point.json"),
    )
    .unwrap();
    let x = &wismo::parse(Carrier::Postnl, &body).unwrap()[0];
    assert!(x.pickup_since.is_some() || x.status != Status::AvailableForPickup);
    assert!(x.first_scan_at.is_some());
}

/// The same scans seen by another source with less detail: no UTC offsets
/// (a poll without `gmtOffset`), fewer place fields, no text.
fn thinner(events: &[Event], rng: &mut Rng) -> Vec<Event> {
    let no_offsets = rng.below(2) == 0;
    events
        .iter()
        .map(|e| {
            let mut e = e.clone();
            if no_offsets {
                if let Some(t) = e.time.as_mut() {
                    t.offset = None;
                }
            }
            if rng.below(2) == 0 {
                e.location.postal_code = None;
                e.location.name = None;
            }
            if rng.below(3) == 0 {
                e.location = Default::default();
            }
            if rng.below(3) == 0 && !e.code.is_empty() {
                e.description.clear();
            }
            e
        })
        .collect()
}

#[test]
fn property_one_scan_is_one_event_whichever_source_saw_it() {
    let mut rng = Rng(0x5EED);
    let mut cases = 0;
    for whole in fixture_trackings() {
        let mut want = empty_like(&whole);
        want.merge(whole.clone()).unwrap();
        for round in 0..20 {
            // A poll without offsets or postal codes, the webhook with them,
            // in either order, sometimes twice, in any event order.
            let mut sources = vec![
                thinner(&whole.events, &mut rng),
                whole.events.clone(),
                thinner(&whole.events, &mut rng),
            ];
            if rng.below(2) == 0 {
                sources.push(whole.events.clone());
            }
            rng.shuffle(&mut sources);
            let mut got = empty_like(&whole);
            for s in sources {
                // Any order, but simultaneous events in the carrier's order.
                let mut groups: Vec<Vec<Event>> = Vec::new();
                for e in s {
                    match groups.last_mut() {
                        Some(g) if g[0].time.map(|t| t.local) == e.time.map(|t| t.local) => {
                            g.push(e)
                        }
                        _ => groups.push(vec![e]),
                    }
                }
                rng.shuffle(&mut groups);
                let mut t = whole.clone();
                t.events = groups.into_iter().flatten().collect();
                got.merge(t).unwrap();
            }
            assert_eq!(
                timeline(&got),
                timeline(&want),
                "{} {} round {round}",
                whole.carrier,
                whole.tracking_number
            );
            cases += 1;
        }
    }
    assert!(cases >= 100);
}

#[test]
fn a_webhook_and_a_poll_of_the_same_scan_give_one_event_from_both_directions() {
    // UPS Track Alert carries the offset; a Track API poll without gmtOffset does not.
    let webhook = ev("2024-03-05T14:00:00-05:00", "D", Substatus::Delivered);
    let mut poll = webhook.clone();
    poll.time.as_mut().unwrap().offset = None;
    poll.location.postal_code = Some("30076".into());
    for (first, second) in [(&webhook, &poll), (&poll, &webhook)] {
        let mut x = t(vec![first.clone()]);
        x.merge(t(vec![second.clone()])).unwrap();
        assert_eq!(x.events.len(), 1);
        let e = &x.events[0];
        assert_eq!(e.time, webhook.time, "the offset is kept");
        assert_eq!(e.location.postal_code.as_deref(), Some("30076"));
    }
}

#[test]
fn merging_another_parcel_is_refused() {
    let a = ev("2024-03-05T14:00:00+01:00", "D", Substatus::Delivered);
    let mut x = t(vec![a.clone()]);
    let before = x.clone();
    let other_number = Tracking::new(x.carrier, "SOMETHINGELSE", vec![a.clone()], None);
    let err = x.merge(other_number).unwrap_err();
    assert!(matches!(err, wismo::MergeError::TrackingNumber { .. }));
    assert!(err.to_string().contains("SOMETHINGELSE"));
    let other_carrier = Tracking::new(Carrier::Ups, x.tracking_number.clone(), vec![a], None);
    assert!(matches!(
        x.merge(other_carrier),
        Err(wismo::MergeError::Carrier { .. })
    ));
    assert_eq!(x, before, "a refused merge changes nothing");
    // Case and spaces do not make another parcel; an empty number merges.
    let spaced = format!(" {} ", x.tracking_number.to_lowercase());
    x.merge(Tracking::new(x.carrier, spaced, vec![], None))
        .unwrap();
    x.merge(Tracking::new(x.carrier, "", vec![], None)).unwrap();
}

/// Every fixture with a return: after the event that sends the parcel back,
/// no event is forward movement or a delivery, and every event is `return`.
#[test]
fn on_every_fixture_the_return_leg_is_a_return() {
    let mut returns = 0;
    for t in fixture_trackings() {
        let Some(first) = t
            .events
            .iter()
            .position(|e| e.is_known() && e.status == Status::ReturnToSender)
        else {
            continue;
        };
        returns += 1;
        for e in &t.events[first..] {
            assert_eq!(e.direction, Direction::Return, "{} {}", t.carrier, e.code);
            if e.is_known() {
                assert!(
                    !matches!(
                        e.status,
                        Status::InTransit | Status::OutForDelivery | Status::Delivered
                    ),
                    "{} {}: {} {} after the return began",
                    t.carrier,
                    t.tracking_number,
                    e.code,
                    e.status
                );
            }
        }
        assert_eq!(t.direction, Direction::Return);
    }
    assert!(returns >= 10, "only {returns} fixtures with a return");
}

#[test]
fn movement_after_a_return_is_the_return_leg_and_a_return_label_keeps_its_meaning() {
    let events = vec![
        ev("2024-03-04T08:00:00+01:00", "PU", Substatus::PickedUp),
        ev("2024-03-05T09:00:00+01:00", "RF", Substatus::Refused),
        ev(
            "2024-03-05T18:00:00+01:00",
            "DP",
            Substatus::DepartedFacility,
        ),
        ev(
            "2024-03-06T07:00:00+01:00",
            "AR",
            Substatus::ArrivedAtFacility,
        ),
        ev("2024-03-06T09:00:00+01:00", "OD", Substatus::OutForDelivery),
        ev("2024-03-06T15:00:00+01:00", "DL", Substatus::Delivered),
    ];
    let x = t(events.clone());
    let subs: Vec<Substatus> = x.events.iter().map(|e| e.substatus).collect();
    assert_eq!(
        subs,
        [
            Substatus::PickedUp,
            Substatus::Refused,
            Substatus::ReturnInTransit,
            Substatus::ReturnInTransit,
            Substatus::ReturnInTransit,
            Substatus::ReturnedToShipper
        ]
    );
    assert_eq!(x.events[0].direction, Direction::Forward);
    assert!(x.events[1..]
        .iter()
        .all(|e| e.direction == Direction::Return));
    assert_eq!(x.eta.current, None);
    // The same scans merged in late, one by one, end the same.
    let mut y = t(events[..2].to_vec());
    for e in events[2..].iter().rev() {
        y.merge(t(vec![e.clone()])).unwrap();
    }
    assert_eq!(y.events, x.events);
    // A return label: the customer sends the parcel, its movement is the
    // parcel's normal transit (direction return) and its delivery counts.
    let label = t(vec![
        events[0].clone(),
        events[2].clone(),
        events[5].clone(),
    ])
    .as_return_label();
    assert_eq!(label.events[1].substatus, Substatus::DepartedFacility);
    assert_eq!(label.status, Status::Delivered);
    assert!(label
        .events
        .iter()
        .all(|e| e.direction == Direction::Return));
}
