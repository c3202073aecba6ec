//! Orders over several trackings: every status, the latest ETA over open
//! parcels, per-parcel status, and a split order with one lost parcel.

use chrono::{NaiveDate, TimeZone, Utc};
use wismo::order::{ActionBy, Order, OrderStatus};
use wismo::{Carrier, EtaSource, EtaWindow, Event, Reason, Status, Substatus, Tracking};

fn ev(time: &str, sub: Substatus) -> Event {
    let mut e = Event::new(Some(time.parse().unwrap()), sub.as_str(), None, "", None);
    e.status = sub.status();
    e.substatus = sub;
    e.mapped = true;
    e
}

fn parcel(number: &str, subs: &[(&str, Substatus)]) -> Tracking {
    let events = subs.iter().map(|(t, s)| ev(t, *s)).collect();
    Tracking::new(Carrier::Gls, number, events, None)
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn label(n: &str) -> Tracking {
    parcel(n, &[("2024-03-01T10:00:00", Substatus::LabelCreated)])
}

fn moving(n: &str) -> Tracking {
    parcel(
        n,
        &[
            ("2024-03-01T10:00:00", Substatus::LabelCreated),
            ("2024-03-01T18:00:00", Substatus::PickedUp),
        ],
    )
}

fn delivered(n: &str) -> Tracking {
    parcel(
        n,
        &[
            ("2024-03-01T18:00:00", Substatus::PickedUp),
            ("2024-03-04T11:00:00", Substatus::Delivered),
        ],
    )
}

fn returned(n: &str) -> Tracking {
    parcel(
        n,
        &[
            ("2024-03-01T18:00:00", Substatus::PickedUp),
            ("2024-03-04T11:00:00", Substatus::Refused),
        ],
    )
}

fn order(ts: Vec<Tracking>) -> Order {
    let mut o = Order::new("#1001");
    for t in ts {
        o.add(t);
    }
    o
}

#[test]
fn every_order_status() {
    assert_eq!(order(vec![]).status(), OrderStatus::NotShipped);
    assert_eq!(order(vec![label("a")]).status(), OrderStatus::NotShipped);
    assert_eq!(
        order(vec![label("a"), moving("b")]).status(),
        OrderStatus::PartiallyShipped
    );
    // A back order: two parcels expected, one known.
    assert_eq!(
        order(vec![moving("a")]).with_expected_parcels(2).status(),
        OrderStatus::PartiallyShipped
    );
    assert_eq!(
        order(vec![moving("a"), moving("b")]).status(),
        OrderStatus::InTransit
    );
    assert_eq!(
        order(vec![delivered("a"), moving("b")]).status(),
        OrderStatus::PartiallyDelivered
    );
    assert_eq!(
        order(vec![delivered("a"), label("b")]).status(),
        OrderStatus::PartiallyDelivered
    );
    assert_eq!(
        order(vec![delivered("a"), delivered("b")]).status(),
        OrderStatus::Delivered
    );
    assert_eq!(
        order(vec![delivered("a")])
            .with_expected_parcels(2)
            .status(),
        OrderStatus::PartiallyDelivered
    );
    assert_eq!(
        order(vec![returned("a"), returned("b")]).status(),
        OrderStatus::Returned
    );
    assert_eq!(
        order(vec![delivered("a"), returned("b")]).status(),
        OrderStatus::PartiallyDelivered
    );
    // A voided label does not count.
    let voided = parcel("v", &[("2024-03-01T10:00:00", Substatus::LabelVoided)]);
    assert_eq!(
        order(vec![voided, delivered("b")]).status(),
        OrderStatus::Delivered
    );
    // A return label after delivery does not change the outbound status.
    let back = moving("r").as_return_label();
    assert_eq!(
        order(vec![delivered("a"), back]).status(),
        OrderStatus::Delivered
    );
    assert_eq!(OrderStatus::AttentionNeeded.to_string(), "attention_needed");
    assert_eq!(
        serde_json::to_string(&OrderStatus::PartiallyShipped).unwrap(),
        "\"partially_shipped\""
    );
}

#[test]
fn attention_is_needed_when_someone_must_act() {
    // Duties to pay: the recipient must act, even though the status is
    // attempt_failed rather than exception.
    let mut t = moving("a");
    let mut e = ev("2024-03-04T10:00:00", Substatus::PaymentDue);
    e.status = Status::AttemptFailed;
    e.substatus = Substatus::AttemptFailed;
    e.reason = Some(Reason::PaymentRequired);
    t.merge(Tracking::new(Carrier::Gls, "a", vec![e], None))
        .unwrap();
    let o = order(vec![t, delivered("b")]);
    assert_eq!(o.status(), OrderStatus::AttentionNeeded);
    let parcels = o.parcels();
    assert!(parcels[0].attention_needed);
    assert_eq!(parcels[0].action, Some(ActionBy::Recipient));
    assert!(!parcels[1].attention_needed);
    assert_eq!(parcels[1].action, None);
    // A weather delay needs nobody.
    let mut t = moving("c");
    let mut e = ev("2024-03-04T10:00:00", Substatus::Delayed);
    e.reason = Some(Reason::Weather);
    t.merge(Tracking::new(Carrier::Gls, "c", vec![e], None))
        .unwrap();
    assert_eq!(order(vec![t]).status(), OrderStatus::InTransit);
    // A stalled parcel needs attention once the host evaluates it.
    let mut o = order(vec![moving("s"), delivered("b")]);
    assert_eq!(o.status(), OrderStatus::PartiallyDelivered);
    let now = Utc.with_ymd_and_hms(2024, 3, 20, 12, 0, 0).unwrap();
    assert_eq!(o.expire_stalled(now), 1);
    assert_eq!(o.status(), OrderStatus::AttentionNeeded);
}

#[test]
fn scenario_split_order_with_one_lost_parcel() {
    // Three parcels: one delivered, one on its way with a carrier date, one
    // lost.
    let mut on_way = moving("2");
    on_way
        .merge(Tracking::new(
            Carrier::Gls,
            "2",
            vec![],
            Some(EtaWindow::day(d("2024-03-06"), EtaSource::Carrier)),
        ))
        .unwrap();
    let mut sooner = moving("4");
    sooner
        .merge(Tracking::new(
            Carrier::Gls,
            "4",
            vec![],
            Some(EtaWindow::day(d("2024-03-05"), EtaSource::Carrier)),
        ))
        .unwrap();
    let lost = parcel(
        "3",
        &[
            ("2024-03-01T18:00:00", Substatus::PickedUp),
            ("2024-03-08T09:00:00", Substatus::Lost),
        ],
    );
    let mut o = order(vec![delivered("1"), on_way, lost, sooner]);
    assert_eq!(o.status(), OrderStatus::AttentionNeeded);
    // The latest ETA over open parcels: the lost one is terminal, the
    // delivered one done.
    assert_eq!(o.latest_eta().unwrap().last_date(), d("2024-03-06"));
    let parcels = o.parcels();
    let statuses: Vec<(&str, Status, bool)> = parcels
        .iter()
        .map(|p| (p.tracking_number.as_str(), p.status, p.attention_needed))
        .collect();
    assert_eq!(
        statuses,
        [
            ("1", Status::Delivered, false),
            ("2", Status::InTransit, false),
            ("3", Status::Exception, true),
            ("4", Status::InTransit, false),
        ]
    );
    // A later poll of parcel 2 merges into it, not a new parcel.
    o.add(parcel(
        "2",
        &[("2024-03-06T10:00:00", Substatus::Delivered)],
    ));
    o.add(parcel(
        "4",
        &[("2024-03-05T10:00:00", Substatus::Delivered)],
    ));
    assert_eq!(o.trackings.len(), 4);
    assert_eq!(o.latest_eta(), None);
    assert_eq!(o.status(), OrderStatus::AttentionNeeded); // still the lost one
                                                          // The shop resends the lost item; its old tracking is dropped.
    o.trackings.retain(|t| t.tracking_number != "3");
    o.add(delivered("5"));
    assert_eq!(o.status(), OrderStatus::Delivered);
    let json = serde_json::to_string(&o).unwrap();
    let back: Order = serde_json::from_str(&json).unwrap();
    assert_eq!(back, o);
    let p = serde_json::to_value(&o.parcels()[0]).unwrap();
    assert_eq!(p["status"], "delivered");
    assert_eq!(p["direction"], "forward");
}
