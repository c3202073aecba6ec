//! `wismo::customer::notifications`: one test per trigger rule, on hand-built timelines.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use wismo::customer::{
    notifications, notifications_with, CustomerStep, DelayCause, NotificationKind as K,
    NotifyOptions, Urgency,
};
use wismo::{
    Carrier, EtaHint, EtaSource, EtaWindow, Event, EventTime, Location, Reason, Status, Substatus,
    Tracking,
};

fn at(s: &str) -> EventTime {
    let local = NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
    EventTime::new(local, None)
}

fn ev(time: &str, sub: Substatus) -> Event {
    let mut e = Event::new(Some(at(time)), "X", None, format!("{sub}"), None);
    e.status = sub.status();
    e.substatus = sub;
    e.mapped = true;
    e.eta = match sub.status() {
        Status::OutForDelivery => EtaHint::SameDay,
        Status::Delivered | Status::ReturnToSender => EtaHint::Final,
        Status::AvailableForPickup => EtaHint::AwaitingRecipient,
        _ => EtaHint::None,
    };
    e
}

fn unmapped(time: &str) -> Event {
    Event::new(Some(at(time)), "ZZ", None, "something new", None)
}

fn tracking(events: Vec<Event>) -> Tracking {
    Tracking::new(Carrier::Postnl, "3SABC123", events, None)
}

fn utc(s: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(&NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap())
}

fn kinds(n: &[wismo::customer::Notification]) -> Vec<K> {
    n.iter().map(|n| n.kind).collect()
}

fn base() -> Vec<Event> {
    vec![
        ev("2026-05-11 09:00", Substatus::LabelCreated),
        ev("2026-05-11 18:00", Substatus::PickedUp),
    ]
}

fn with(mut events: Vec<Event>, more: Vec<Event>) -> Vec<Event> {
    events.extend(more);
    events
}

#[test]
fn shipped_on_first_carrier_scan_only() {
    let announced = tracking(vec![ev("2026-05-11 09:00", Substatus::LabelCreated)]);
    assert!(
        notifications(None, &announced).is_empty(),
        "label only: nothing yet"
    );
    let scanned = tracking(base());
    let n = notifications(Some(&announced), &scanned);
    assert_eq!(kinds(&n), vec![K::Shipped]);
    assert_eq!(n[0].urgency, Urgency::Info);
    assert_eq!(n[0].milestone, "shipped");
    // More movement: no second "shipped".
    let moved = tracking(with(
        base(),
        vec![ev("2026-05-12 03:00", Substatus::ArrivedAtFacility)],
    ));
    assert!(notifications(Some(&scanned), &moved).is_empty());
    // First look at a parcel already moving: shipped.
    assert_eq!(kinds(&notifications(None, &moved)), vec![K::Shipped]);
}

#[test]
fn out_for_delivery_once_per_day() {
    let before = tracking(base());
    let ofd = tracking(with(
        base(),
        vec![ev("2026-05-12 08:00", Substatus::OutForDelivery)],
    ));
    let n = notifications(Some(&before), &ofd);
    assert_eq!(kinds(&n), vec![K::OutForDelivery]);
    assert_eq!(n[0].milestone, "out_for_delivery:2026-05-12");
    assert!(notifications(Some(&ofd), &ofd).is_empty());
    // A failed attempt, then out for delivery again the next day: new milestone.
    let failed = tracking(with(
        base(),
        vec![
            ev("2026-05-12 08:00", Substatus::OutForDelivery),
            ev("2026-05-12 14:00", Substatus::RecipientAbsent),
        ],
    ));
    let again = tracking(with(
        base(),
        vec![
            ev("2026-05-12 08:00", Substatus::OutForDelivery),
            ev("2026-05-12 14:00", Substatus::RecipientAbsent),
            ev("2026-05-13 08:00", Substatus::OutForDelivery),
        ],
    ));
    let n = notifications(Some(&failed), &again);
    assert_eq!(kinds(&n), vec![K::OutForDelivery]);
    assert_eq!(n[0].milestone, "out_for_delivery:2026-05-13");
}

#[test]
fn attempt_failed_says_what_to_do_and_counts_attempts() {
    let before = tracking(base());
    let mut absent = ev("2026-05-12 14:00", Substatus::RecipientAbsent);
    absent.eta = EtaHint::NextBusinessDay;
    let first = tracking(with(base(), vec![absent.clone()]));
    let n = notifications(Some(&before), &first);
    assert_eq!(kinds(&n), vec![K::AttemptFailed]);
    assert_eq!(n[0].data.next_step, Some(CustomerStep::WaitForRetry));
    assert_eq!(n[0].data.attempts, 1);
    assert_eq!(n[0].milestone, "attempt_failed:1");
    assert!(notifications(Some(&first), &first).is_empty());

    let second = tracking(with(
        base(),
        vec![absent, ev("2026-05-13 15:00", Substatus::NoticeLeft)],
    ));
    let n = notifications(Some(&first), &second);
    assert_eq!(kinds(&n), vec![K::AttemptFailed]);
    assert_eq!(n[0].data.next_step, Some(CustomerStep::FollowNotice));
    assert_eq!(n[0].milestone, "attempt_failed:2");

    let address = tracking(with(
        base(),
        vec![ev("2026-05-12 14:00", Substatus::AddressNotFound)],
    ));
    let n = notifications(Some(&before), &address);
    assert_eq!(n[0].data.next_step, Some(CustomerStep::ConfirmAddress));
    assert_eq!(n[0].urgency, Urgency::Urgent);
}

#[test]
fn available_for_pickup_says_where_and_until_when() {
    let before = tracking(base());
    let mut waiting = ev("2026-05-12 11:00", Substatus::AtPickupPoint);
    waiting.location = Location {
        name: Some("Primera Centrum".into()),
        city: Some("Utrecht".into()),
        ..Location::default()
    };
    let mut now = tracking(with(base(), vec![waiting]));
    now.pickup_deadline = Some(at("2026-05-19 18:00"));
    let n = notifications_with(
        Some(&before),
        &now,
        &NotifyOptions {
            now: Some(utc("2026-05-12 12:00")),
            ..NotifyOptions::default()
        },
    );
    assert_eq!(kinds(&n), vec![K::AvailableForPickup]);
    let d = &n[0].data;
    assert_eq!(
        d.place.as_ref().unwrap().name.as_deref(),
        Some("Primera Centrum")
    );
    assert_eq!(d.pickup_deadline, Some(at("2026-05-19 18:00")));
    assert_eq!(d.next_step, Some(CustomerStep::Collect));
    assert_eq!(n[0].urgency, Urgency::Important);
    assert!(notifications(Some(&now), &now).is_empty());
    // Close to the deadline: urgent.
    let n = notifications_with(
        Some(&before),
        &now,
        &NotifyOptions {
            now: Some(utc("2026-05-18 09:00")),
            ..NotifyOptions::default()
        },
    );
    assert_eq!(n[0].urgency, Urgency::Urgent);
}

#[test]
fn delayed_when_the_estimate_moves_later() {
    let first = Tracking::new(
        Carrier::Postnl,
        "3SABC123",
        base(),
        Some(EtaWindow::day(
            NaiveDate::from_ymd_opt(2026, 5, 13).unwrap(),
            EtaSource::Carrier,
        )),
    );
    let mut later = first.clone();
    later
        .merge(Tracking::new(
            Carrier::Postnl,
            "3SABC123",
            with(
                base(),
                vec![ev("2026-05-12 06:00", Substatus::ArrivedAtFacility)],
            ),
            Some(EtaWindow::day(
                NaiveDate::from_ymd_opt(2026, 5, 15).unwrap(),
                EtaSource::Carrier,
            )),
        ))
        .unwrap();
    let n = notifications(Some(&first), &later);
    assert_eq!(kinds(&n), vec![K::Delayed]);
    let d = &n[0].data;
    assert_eq!(d.delay, Some(DelayCause::EtaMoved));
    assert_eq!(
        d.previous_eta.unwrap().last_date().to_string(),
        "2026-05-13"
    );
    assert_eq!(d.eta.unwrap().last_date().to_string(), "2026-05-15");
    assert_eq!(n[0].milestone, "delayed:2026-05-15");
    assert!(notifications(Some(&later), &later).is_empty());
    // An earlier estimate is not a delay.
    assert!(notifications(Some(&later), &first)
        .iter()
        .all(|n| n.kind != K::Delayed));
}

#[test]
fn delayed_against_the_promised_date() {
    let promised = NaiveDate::from_ymd_opt(2026, 5, 13).unwrap();
    let t = tracking(base());
    let opts = |now: &str, prev: Option<&str>| NotifyOptions {
        now: Some(utc(now)),
        previous_at: prev.map(utc),
        promised: Some(promised),
        min_delay_days: 0,
    };
    // Not late yet.
    assert!(notifications_with(
        Some(&t),
        &t,
        &opts("2026-05-13 10:00", Some("2026-05-12 10:00"))
    )
    .iter()
    .all(|n| n.kind != K::Delayed));
    // The promised day passed without delivery.
    let n = notifications_with(
        Some(&t),
        &t,
        &opts("2026-05-14 10:00", Some("2026-05-13 10:00")),
    );
    assert_eq!(kinds(&n), vec![K::Delayed]);
    assert_eq!(n[0].data.delay, Some(DelayCause::PastPromisedDate));
    assert_eq!(n[0].data.promised, Some(promised));
    // Already late at the previous look: not again.
    assert!(notifications_with(
        Some(&t),
        &t,
        &opts("2026-05-15 10:00", Some("2026-05-14 10:00"))
    )
    .is_empty());
    // Delivered: never late.
    let delivered = tracking(with(
        base(),
        vec![ev("2026-05-14 12:00", Substatus::Delivered)],
    ));
    assert_eq!(
        kinds(&notifications_with(
            Some(&t),
            &delivered,
            &opts("2026-05-14 13:00", Some("2026-05-13 10:00"))
        )),
        vec![K::Delivered]
    );
}

#[test]
fn action_required_for_duties_address_and_id() {
    let before = tracking(base());
    let duties = tracking(with(
        base(),
        vec![ev("2026-05-12 10:00", Substatus::DutiesDue)],
    ));
    let n = notifications(Some(&before), &duties);
    assert_eq!(kinds(&n), vec![K::ActionRequired]);
    assert_eq!(n[0].data.next_step, Some(CustomerStep::PayDuties));
    assert_eq!(n[0].urgency, Urgency::Urgent);
    assert!(notifications(Some(&duties), &duties).is_empty());

    let address = tracking(with(
        base(),
        vec![ev("2026-05-12 10:00", Substatus::AddressProblem)],
    ));
    assert_eq!(
        notifications(Some(&before), &address)[0].data.next_step,
        Some(CustomerStep::ConfirmAddress)
    );

    let mut id = ev("2026-05-12 10:00", Substatus::HeldByCarrier);
    id.reason = Some(Reason::IdRequired);
    let held = tracking(with(base(), vec![id]));
    assert_eq!(
        notifications(Some(&before), &held)[0].data.next_step,
        Some(CustomerStep::ShowId)
    );

    // A hold nobody can act on is no action notice.
    let mut weather = ev("2026-05-12 10:00", Substatus::HeldByCarrier);
    weather.reason = Some(Reason::Weather);
    let held = tracking(with(base(), vec![weather]));
    assert!(notifications(Some(&before), &held).is_empty());
}

#[test]
fn returning_to_sender_once_and_never_delivered() {
    let before = tracking(base());
    let refused = tracking(with(
        base(),
        vec![ev("2026-05-12 10:00", Substatus::Refused)],
    ));
    let n = notifications(Some(&before), &refused);
    assert_eq!(kinds(&n), vec![K::ReturningToSender]);
    assert_eq!(n[0].urgency, Urgency::Urgent);
    // Back at the shop: the carrier's "delivered" is the arrival back.
    let back = tracking(with(
        base(),
        vec![
            ev("2026-05-12 10:00", Substatus::Refused),
            ev("2026-05-14 10:00", Substatus::Delivered),
        ],
    ));
    assert_eq!(back.status, Status::ReturnToSender);
    assert!(notifications(Some(&refused), &back).is_empty());
    assert_eq!(
        kinds(&notifications(None, &back)),
        vec![K::ReturningToSender]
    );
}

#[test]
fn delivered_says_where() {
    let ofd = tracking(with(
        base(),
        vec![ev("2026-05-12 08:00", Substatus::OutForDelivery)],
    ));
    let neighbour = tracking(with(
        base(),
        vec![
            ev("2026-05-12 08:00", Substatus::OutForDelivery),
            ev("2026-05-12 13:00", Substatus::DeliveredToNeighbor),
        ],
    ));
    let n = notifications(Some(&ofd), &neighbour);
    assert_eq!(kinds(&n), vec![K::Delivered]);
    assert_eq!(n[0].data.substatus, Substatus::DeliveredToNeighbor);
    assert_eq!(n[0].data.time, Some(at("2026-05-12 13:00")));
    assert!(notifications(Some(&neighbour), &neighbour).is_empty());
    // Missed everything in between: only "delivered".
    assert_eq!(kinds(&notifications(None, &neighbour)), vec![K::Delivered]);
    // A return label's arrival at the shop is its delivery.
    let label = tracking(with(
        base(),
        vec![ev("2026-05-13 10:00", Substatus::Delivered)],
    ))
    .as_return_label();
    assert_eq!(kinds(&notifications(None, &label)), vec![K::Delivered]);
}

#[test]
fn stalled_once_per_silence() {
    let t = tracking(base());
    let opts = |now: &str, prev: &str| NotifyOptions {
        now: Some(utc(now)),
        previous_at: Some(utc(prev)),
        ..NotifyOptions::default()
    };
    // PostNL: 5 business days. Last event Monday 11 May; Thursday 14 May
    // is Ascension Day in the Netherlands.
    assert!(
        notifications_with(Some(&t), &t, &opts("2026-05-19 10:00", "2026-05-18 10:00")).is_empty()
    );
    let n = notifications_with(Some(&t), &t, &opts("2026-05-20 10:00", "2026-05-19 10:00"));
    assert_eq!(kinds(&n), vec![K::Stalled]);
    assert_eq!(n[0].data.silent_days, Some(6));
    assert_eq!(n[0].urgency, Urgency::Important);
    assert!(
        notifications_with(Some(&t), &t, &opts("2026-05-21 10:00", "2026-05-20 10:00")).is_empty()
    );
    // No `now`: never stalled.
    assert!(notifications(Some(&t), &t).is_empty());
    // Delivered parcels never stall.
    let done = tracking(with(
        base(),
        vec![ev("2026-05-12 10:00", Substatus::Delivered)],
    ));
    assert!(notifications_with(
        Some(&done),
        &done,
        &opts("2026-06-30 10:00", "2026-06-29 10:00")
    )
    .is_empty());
}

#[test]
fn never_for_unmapped_events() {
    let before = tracking(base());
    let noise = tracking(with(
        base(),
        vec![unmapped("2026-05-12 10:00"), unmapped("2026-05-13 10:00")],
    ));
    assert_eq!(noise.status, Status::InTransit);
    assert!(notifications(Some(&before), &noise).is_empty());
    let only_noise = tracking(vec![unmapped("2026-05-12 10:00")]);
    assert!(notifications(None, &only_noise).is_empty());
}

#[test]
fn notifications_serialize() {
    let t = tracking(with(
        base(),
        vec![ev("2026-05-12 10:00", Substatus::DutiesDue)],
    ));
    let n = notifications(None, &t);
    let json = serde_json::to_string(&n).unwrap();
    assert!(json.contains("\"kind\":\"action_required\""), "{json}");
    assert!(json.contains("\"next_step\":\"pay_duties\""), "{json}");
    let back: Vec<wismo::customer::Notification> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, n);
    let opts = NotifyOptions {
        now: Some(utc("2026-05-12 10:00")),
        previous_at: None,
        promised: NaiveDate::from_ymd_opt(2026, 5, 14),
        min_delay_days: 1,
    };
    let json = serde_json::to_string(&opts).unwrap();
    assert_eq!(serde_json::from_str::<NotifyOptions>(&json).unwrap(), opts);
}

/// The replay `examples/notify.rs` does on a bundled sample: each new event
/// is a new snapshot.
#[test]
fn bundled_sample_replayed() {
    let body = std::fs::read("examples/data/postnl_pickup_point.json").unwrap();
    let full = wismo::parse(Carrier::Postnl, &body).unwrap().remove(0);
    let mut seen = Vec::new();
    let mut previous: Option<Tracking> = None;
    for n in 1..=full.events.len() {
        let mut t = full.clone();
        t.events.truncate(n);
        t.refresh();
        seen.extend(
            notifications(previous.as_ref(), &t)
                .into_iter()
                .map(|n| n.kind),
        );
        previous = Some(t);
    }
    assert_eq!(
        seen,
        vec![
            K::Shipped,
            K::OutForDelivery,
            K::AttemptFailed,
            K::AvailableForPickup
        ]
    );
}
