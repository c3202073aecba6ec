//! ETA: hints, the carrier's estimate over merges, days late, and the
//! history model on generated histories with known distributions.

use chrono::NaiveDate;
use wismo::calendar::{Calendar, Country};
use wismo::eta::{apply_hint, Basis, Histogram, TransitModel};
use wismo::{Carrier, EtaHint, EtaSource, EtaWindow, Event, Location, Status, Substatus, Tracking};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

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

fn at(mut e: Event, country: &str, postal: Option<&str>) -> Event {
    e.location = Location {
        country: Some(country.into()),
        postal_code: postal.map(str::to_string),
        ..Location::default()
    };
    e
}

fn dates(w: Option<EtaWindow>) -> Option<(String, String)> {
    w.map(|w| (w.first_date().to_string(), w.last_date().to_string()))
}

fn pair(a: &str, b: &str) -> Option<(String, String)> {
    Some((a.to_string(), b.to_string()))
}

// ---------------------------------------------------------------------------
// Hints
// ---------------------------------------------------------------------------

#[test]
fn each_hint_moves_the_estimate() {
    let nl = Calendar::of(Country::Nl);
    let fri = d("2024-12-20");
    assert_eq!(
        dates(apply_hint(EtaHint::SameDay, fri, None, &nl)),
        pair("2024-12-20", "2024-12-20")
    );
    assert_eq!(
        dates(apply_hint(EtaHint::NextBusinessDay, fri, None, &nl)),
        pair("2024-12-23", "2024-12-23")
    );
    // Delayed 1-3 business days from an estimate of Mon 23 Dec: Christmas and
    // Boxing Day are skipped.
    let cur = Some(EtaWindow::day(d("2024-12-23"), EtaSource::Carrier));
    let moved = apply_hint(EtaHint::Delayed { min: 1, max: 3 }, fri, cur, &nl).unwrap();
    assert_eq!(dates(Some(moved)), pair("2024-12-24", "2024-12-30"));
    assert_eq!(moved.source, EtaSource::Hint);
    // Without an estimate, or with one already past, the delay counts from
    // the event's day.
    assert_eq!(
        dates(apply_hint(
            EtaHint::Delayed { min: 1, max: 2 },
            fri,
            None,
            &nl
        )),
        pair("2024-12-23", "2024-12-24")
    );
    let past = Some(EtaWindow::day(d("2024-12-10"), EtaSource::Carrier));
    assert_eq!(
        dates(apply_hint(
            EtaHint::Delayed { min: 0, max: 1 },
            fri,
            past,
            &nl
        )),
        pair("2024-12-20", "2024-12-23")
    );
    assert_eq!(apply_hint(EtaHint::AwaitingRecipient, fri, cur, &nl), None);
    assert_eq!(apply_hint(EtaHint::Final, fri, cur, &nl), None);
    assert_eq!(apply_hint(EtaHint::None, fri, cur, &nl), cur);
}

#[test]
fn scenario_customs_delay_moves_the_eta() {
    // UPS, US to NL. The first poll gives the carrier's date, Tue 12 Mar 2024.
    let dest = Location {
        country: Some("NL".into()),
        postal_code: Some("1012 AB".into()),
        ..Location::default()
    };
    let mut x = Tracking::new(
        Carrier::Ups,
        "1Z",
        vec![
            at(
                ev("2024-03-06T18:00:00-05:00", "OR", Substatus::PickedUp),
                "US",
                None,
            ),
            at(
                ev(
                    "2024-03-07T22:00:00-05:00",
                    "DP",
                    Substatus::DepartedFacility,
                ),
                "US",
                None,
            ),
        ],
        Some(EtaWindow::day(d("2024-03-12"), EtaSource::Carrier)),
    );
    x.destination = Some(dest);
    assert_eq!(x.eta.current.unwrap().source, EtaSource::Carrier);
    assert_eq!(dates(x.eta.original), pair("2024-03-12", "2024-03-12"));
    // A webhook without a date: customs holds it (delayed 1-3 business days).
    x.merge(Tracking::new(
        Carrier::Ups,
        "1Z",
        vec![hint(
            at(
                ev("2024-03-11T09:00:00+01:00", "B2", Substatus::CustomsHold),
                "NL",
                None,
            ),
            EtaHint::Delayed { min: 1, max: 3 },
        )],
        None,
    ))
    .unwrap();
    assert_eq!(x.status, Status::Exception);
    let cur = x.eta.current.unwrap();
    assert_eq!(cur.source, EtaSource::Hint);
    assert_eq!(dates(Some(cur)), pair("2024-03-13", "2024-03-15"));
    // The original promise stays; the parcel is 3 days late against it, 1
    // against the shop's own promise of the 14th.
    assert_eq!(dates(x.eta.original), pair("2024-03-12", "2024-03-12"));
    assert_eq!(x.eta.moved_days(), Some(3));
    assert_eq!(x.days_late(None, d("2024-03-11")), Some(3));
    assert_eq!(x.days_late(Some(d("2024-03-14")), d("2024-03-11")), Some(1));
    // Merging the same webhook again changes nothing.
    let before = x.clone();
    x.merge(before.clone()).unwrap();
    assert_eq!(x, before);
    // Released; the next poll has a new carrier date, Thu 14 Mar.
    x.merge(Tracking::new(
        Carrier::Ups,
        "1Z",
        vec![at(
            ev("2024-03-13T08:00:00+01:00", "CR", Substatus::CustomsCleared),
            "NL",
            None,
        )],
        Some(EtaWindow::day(d("2024-03-14"), EtaSource::Carrier)),
    ))
    .unwrap();
    assert_eq!(dates(x.eta.current), pair("2024-03-14", "2024-03-14"));
    assert_eq!(x.eta.current.unwrap().source, EtaSource::Carrier);
    // Out for delivery on the 14th, delivered: 2 days late.
    x.merge(Tracking::new(
        Carrier::Ups,
        "1Z",
        vec![
            hint(
                ev("2024-03-14T08:00:00+01:00", "OT", Substatus::OutForDelivery),
                EtaHint::SameDay,
            ),
            hint(
                ev("2024-03-14T13:00:00+01:00", "KB", Substatus::Delivered),
                EtaHint::Final,
            ),
        ],
        None,
    ))
    .unwrap();
    assert_eq!(x.eta.current, None);
    assert_eq!(x.days_late(None, d("2024-04-01")), Some(2));
    assert_eq!(dates(x.eta.original), pair("2024-03-12", "2024-03-12"));
}

#[test]
fn the_carrier_estimate_counts_from_its_response() {
    // A later event's hint moves the carrier's estimate; an older one does not.
    let mut x = Tracking::new(
        Carrier::Postnl,
        "3S",
        vec![
            hint(
                ev("2024-03-04T08:00:00+01:00", "X", Substatus::Delayed),
                EtaHint::Delayed { min: 2, max: 2 },
            ),
            ev("2024-03-04T20:00:00+01:00", "B01", Substatus::PickedUp),
        ],
        Some(EtaWindow::day(d("2024-03-06"), EtaSource::Carrier)),
    );
    assert_eq!(dates(x.eta.current), pair("2024-03-06", "2024-03-06"));
    assert_eq!(x.eta.carrier_as_of, x.latest_time());
    x.merge(Tracking::new(
        Carrier::Postnl,
        "3S",
        vec![hint(
            ev(
                "2024-03-05T09:00:00+01:00",
                "J05",
                Substatus::OutForDelivery,
            ),
            EtaHint::SameDay,
        )],
        None,
    ))
    .unwrap();
    assert_eq!(dates(x.eta.current), pair("2024-03-05", "2024-03-05"));
    // Waiting at a pickup point: no date to promise.
    x.merge(Tracking::new(
        Carrier::Postnl,
        "3S",
        vec![hint(
            ev("2024-03-05T15:00:00+01:00", "P", Substatus::AtPickupPoint),
            EtaHint::AwaitingRecipient,
        )],
        None,
    ))
    .unwrap();
    assert_eq!(x.eta.current, None);
    // Late against the original 6 March? It arrived at the pickup point the 5th.
    assert_eq!(x.days_late(None, d("2024-03-09")), Some(-1));
}

#[test]
fn eta_serializes_with_its_history() {
    let x = Tracking::new(
        Carrier::Postnl,
        "3S",
        vec![ev("2024-03-04T20:00:00", "B01", Substatus::PickedUp)],
        Some(EtaWindow::day(d("2024-03-06"), EtaSource::Carrier)),
    );
    let v = serde_json::to_value(&x).unwrap();
    assert_eq!(v["eta"]["original"]["earliest"], "2024-03-06T00:00:00");
    assert_eq!(v["eta"]["current"]["latest"], "2024-03-06T23:59:59");
    assert_eq!(v["eta"]["current"]["source"], "carrier");
    assert_eq!(v["eta"]["carrier_as_of"], "2024-03-04T20:00:00");
    let back: Tracking = serde_json::from_value(v).unwrap();
    assert_eq!(back, x);
}

// ---------------------------------------------------------------------------
// History model
// ---------------------------------------------------------------------------

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A delivered parcel: first scan at `start`, delivered `days` business days
/// later (by `cal`), delivery event in `dest` at `postal`; optionally arrived
/// in the destination country `last_mile` business days before delivery.
#[allow(clippy::too_many_arguments)]
fn delivered(
    carrier: Carrier,
    origin: &str,
    dest: &str,
    postal: &str,
    start: NaiveDate,
    days: u32,
    last_mile: Option<u32>,
    cal: &Calendar,
) -> Tracking {
    let end = cal.add_business_days(start, days);
    let time = |date: NaiveDate, h: u32| format!("{date}T{h:02}:00:00");
    let mut events = vec![
        at(
            ev(&time(start, 7), "L", Substatus::LabelCreated),
            origin,
            None,
        ),
        at(ev(&time(start, 9), "P", Substatus::PickedUp), origin, None),
    ];
    if let Some(lm) = last_mile {
        let arrive = cal.add_business_days(start, days - lm);
        events.push(at(
            ev(
                &time(arrive, 10),
                "A",
                Substatus::ArrivedInDestinationCountry,
            ),
            dest,
            None,
        ));
    }
    events.push(at(
        ev(&time(end, 14), "D", Substatus::Delivered),
        dest,
        Some(postal),
    ));
    Tracking::new(carrier, format!("{start}-{days}"), events, None)
}

/// Mondays and other days through 2024, so holidays fall inside transits.
fn start_days(n: usize) -> impl Iterator<Item = NaiveDate> {
    (0..n).map(|i| d("2024-01-02") + chrono::Duration::days((i * 3 % 350) as i64))
}

/// 1000 PostNL parcels NL→NL, postal area 10: 500 take 1 business day, 300
/// take 2, 150 take 3, 50 take 5. P50 = 1, P90 = 3.
fn postnl_history() -> Vec<Tracking> {
    let nl = Calendar::of(Country::Nl);
    let mut out = Vec::new();
    let plan = [(1, 500), (2, 300), (3, 150), (5, 50)];
    let mut starts = start_days(1000);
    for (days, n) in plan {
        for _ in 0..n {
            let s = nl.roll_forward(starts.next().unwrap());
            out.push(delivered(
                Carrier::Postnl,
                "NL",
                "NL",
                "1012AB",
                s,
                days,
                None,
                &nl,
            ));
        }
    }
    out
}

fn in_flight(start: &str, latest: Option<(&str, Substatus)>, postal: &str) -> Tracking {
    let mut events = vec![at(
        ev(&format!("{start}T09:00:00"), "P", Substatus::PickedUp),
        "NL",
        None,
    )];
    if let Some((time, sub)) = latest {
        events.push(at(ev(time, "X", sub), "NL", None));
    }
    let mut t = Tracking::new(Carrier::Postnl, "new", events, None);
    t.destination = Some(Location {
        country: Some("NL".into()),
        postal_code: Some(postal.into()),
        ..Location::default()
    });
    t
}

#[test]
fn histogram_quantiles_use_nearest_rank() {
    let mut h = Histogram::default();
    for (d, n) in [(1, 500), (2, 300), (3, 150), (5, 50)] {
        for _ in 0..n {
            h.add(d);
        }
    }
    assert_eq!(h.samples(), 1000);
    assert_eq!(h.quantile(0.5), Some(1));
    assert_eq!(h.quantile(0.51), Some(2));
    assert_eq!(h.quantile(0.9), Some(3));
    assert_eq!(h.quantile(0.96), Some(5));
    assert_eq!(h.quantile(1.0), Some(5));
    assert_eq!(h.quantile_at_least(0.5, 2), Some(2));
    assert_eq!(h.quantile_at_least(0.9, 2), Some(3));
    assert_eq!(h.quantile_at_least(0.5, 6), None);
    assert_eq!(Histogram::default().quantile(0.5), None);
    h.add(1000); // capped
    assert_eq!(h.quantile(1.0), Some(120));
}

#[test]
fn model_learns_the_known_distribution() {
    let model = TransitModel::fit(postnl_history());
    let lane = model
        .lanes()
        .iter()
        .find(|s| s.lane.postal_prefix.as_deref() == Some("10"))
        .unwrap();
    assert_eq!(lane.transit.samples(), 1000);
    assert_eq!(lane.transit.quantile(0.5), Some(1));
    assert_eq!(lane.transit.quantile(0.9), Some(3));
    assert_eq!(lane.last_mile.samples(), 0); // domestic
                                             // Scanned Thu 19 Dec 2024: P50 one business day (Fri 20), P90 three
                                             // (Christmas and Boxing Day skipped: Fri 20, Mon 23, Tue 24).
    let p = model
        .predict_detail(&in_flight("2024-12-19", None, "1017 XX"))
        .unwrap();
    assert_eq!(p.basis, Basis::FirstScan);
    assert_eq!((p.p50, p.p90), (d("2024-12-20"), d("2024-12-24")));
    assert_eq!(p.samples, 1000);
    assert!(!p.thin);
    assert_eq!(p.window.source, EtaSource::Model);
    assert_eq!(dates(Some(p.window)), pair("2024-12-20", "2024-12-24"));
    let lane = p.lane.unwrap();
    assert_eq!(lane.postal_prefix.as_deref(), Some("10"));
    assert_eq!(lane.carrier, Some(Carrier::Postnl));
    // Serde round trip: a host fits nightly and loads the model elsewhere.
    let json = serde_json::to_string(&model).unwrap();
    let back: TransitModel = serde_json::from_str(&json).unwrap();
    assert_eq!(back, model);
}

#[test]
fn model_quantiles_match_a_sampled_distribution() {
    // 5000 parcels drawn from P(d) = .10 .30 .30 .22 .08 for d = 1..5:
    // the true P50 is 3, the true P90 is 4.
    let cal = Calendar::of(Country::De);
    let mut rng = Rng(2024);
    let cdf = [0.10, 0.40, 0.70, 0.92, 1.0];
    let history: Vec<Tracking> = start_days(5000)
        .map(|s| {
            let u = rng.unit();
            let days = 1 + cdf.iter().position(|c| u < *c).unwrap_or(4) as u32;
            delivered(
                Carrier::DhlUnified,
                "DE",
                "DE",
                "53113",
                cal.roll_forward(s),
                days,
                None,
                &cal,
            )
        })
        .collect();
    let model = TransitModel::fit(&history);
    let all = model
        .lanes()
        .iter()
        .find(|s| s.lane.carrier.is_none() && s.lane.origin.is_none())
        .unwrap();
    assert_eq!(all.transit.samples(), 5000);
    assert_eq!(all.transit.quantile(0.5), Some(3));
    assert_eq!(all.transit.quantile(0.9), Some(4));
}

#[test]
fn prediction_moves_out_while_the_parcel_waits() {
    let model = TransitModel::fit(postnl_history());
    // Scanned Mon 4 Mar, still moving Wed 6 Mar (2 business days on): only
    // parcels that took 2 days or more count: 300×2, 150×3, 50×5, so P50 = 2
    // (Wed 6), P90 = 3 (Thu 7).
    let t = in_flight(
        "2024-03-04",
        Some(("2024-03-06T08:00:00", Substatus::ArrivedAtFacility)),
        "1012",
    );
    let p = model.predict_detail(&t).unwrap();
    assert_eq!((p.p50, p.p90), (d("2024-03-06"), d("2024-03-07")));
    assert_eq!(p.samples, 500);
    // Later than every parcel seen: next business day, thin.
    let t = in_flight(
        "2024-03-04",
        Some(("2024-03-15T08:00:00", Substatus::Delayed)),
        "1012",
    );
    let p = model.predict_detail(&t).unwrap();
    assert!(p.thin);
    assert_eq!((p.p50, p.p90), (d("2024-03-18"), d("2024-03-18")));
    // Out for delivery: today.
    let t = in_flight(
        "2024-03-04",
        Some(("2024-03-05T08:00:00", Substatus::OutForDelivery)),
        "1012",
    );
    let p = model.predict_detail(&t).unwrap();
    assert_eq!(p.basis, Basis::OutForDelivery);
    assert_eq!((p.p50, p.p90), (d("2024-03-05"), d("2024-03-05")));
    // Nothing to predict for a delivered, returned or not yet scanned parcel.
    let done = &postnl_history()[0];
    assert_eq!(model.predict(done), None);
    let label = Tracking::new(
        Carrier::Postnl,
        "l",
        vec![ev("2024-03-04T09:00:00", "L", Substatus::LabelCreated)],
        None,
    );
    assert_eq!(model.predict(&label), None);
}

#[test]
fn thin_lanes_fall_back_to_coarser_ones() {
    let nl = Calendar::of(Country::Nl);
    let mut history = postnl_history();
    // Three slow parcels to postal area 99.
    for s in ["2024-04-08", "2024-04-15", "2024-04-22"] {
        history.push(delivered(
            Carrier::Postnl,
            "NL",
            "NL",
            "9901AA",
            d(s),
            10,
            None,
            &nl,
        ));
    }
    let model = TransitModel::fit(&history);
    let t = in_flight("2024-03-04", None, "9901");
    // 3 parcels are too few (min 20): the (carrier, NL, NL) lane is used.
    let p = model.predict_detail(&t).unwrap();
    let lane = p.lane.clone().unwrap();
    assert_eq!(lane.postal_prefix, None);
    assert_eq!(lane.destination.as_deref(), Some("NL"));
    assert_eq!(p.samples, 1003);
    // 500 of 1003 took one day: the median is now two (Wed 6 Mar).
    assert_eq!(p.p50, d("2024-03-06"));
    // With min_samples 3 the postal lane is enough.
    let model3 = model.clone().with_min_samples(3);
    let p = model3.predict_detail(&t).unwrap();
    assert_eq!(p.lane.unwrap().postal_prefix.as_deref(), Some("99"));
    assert_eq!(p.p50, nl.add_business_days(d("2024-03-04"), 10));
    // Another carrier without history: the (origin, destination) lane of all
    // carriers.
    let mut gls = in_flight("2024-03-04", None, "1012");
    gls.carrier = Carrier::Gls;
    let p = model.predict_detail(&gls).unwrap();
    let lane = p.lane.unwrap();
    assert_eq!(lane.carrier, None);
    assert_eq!(lane.origin.as_deref(), Some("NL"));
    // Very little history anywhere: the biggest lane, marked thin.
    let small = TransitModel::fit(&history[..5]);
    let p = small
        .predict_detail(&in_flight("2024-03-04", None, "1012"))
        .unwrap();
    assert!(p.thin);
    assert_eq!(p.samples, 5);
    // No history: no prediction.
    assert_eq!(
        TransitModel::new().predict(&in_flight("2024-03-04", None, "1012")),
        None
    );
}

#[test]
fn cross_border_parcels_switch_to_the_last_mile_in_the_destination_country() {
    // UPS US→NL: 6 business days in all, the last 2 of them in NL.
    let nl = Calendar::of(Country::Nl);
    let history: Vec<Tracking> = start_days(100)
        .map(|s| {
            delivered(
                Carrier::Ups,
                "US",
                "NL",
                "1012",
                nl.roll_forward(s),
                6,
                Some(2),
                &nl,
            )
        })
        .collect();
    let model = TransitModel::fit(&history);
    let mut t = Tracking::new(
        Carrier::Ups,
        "1Z",
        vec![at(
            ev("2024-03-04T09:00:00", "P", Substatus::PickedUp),
            "US",
            None,
        )],
        None,
    );
    t.destination = Some(Location {
        country: Some("NL".into()),
        ..Location::default()
    });
    let p = model.predict_detail(&t).unwrap();
    assert_eq!(p.basis, Basis::FirstScan);
    assert_eq!(p.p50, d("2024-03-12"));
    // It reached NL on Fri 8 Mar, earlier than usual: 2 business days from there.
    t.merge(Tracking::new(
        Carrier::Ups,
        "1Z",
        vec![at(
            ev(
                "2024-03-08T07:00:00",
                "A",
                Substatus::ArrivedInDestinationCountry,
            ),
            "NL",
            None,
        )],
        None,
    ))
    .unwrap();
    let p = model.predict_detail(&t).unwrap();
    assert_eq!(p.basis, Basis::InDestinationCountry);
    assert_eq!(p.from, d("2024-03-08"));
    assert_eq!((p.p50, p.p90), (d("2024-03-12"), d("2024-03-12")));
    assert_eq!(p.lane.unwrap().origin.as_deref(), Some("US"));
}

#[test]
fn fit_skips_what_is_not_a_finished_forward_delivery() {
    let nl = Calendar::of(Country::Nl);
    let ok = delivered(
        Carrier::Postnl,
        "NL",
        "NL",
        "1012",
        d("2024-03-04"),
        1,
        None,
        &nl,
    );
    let mut m = TransitModel::new();
    assert!(m.add(&ok));
    assert!(!m.add(&ok.clone().as_return_label()));
    let moving = in_flight("2024-03-04", None, "1012");
    assert!(!m.add(&moving));
    let mut returned = ok.clone();
    returned
        .events
        .insert(2, ev("2024-03-04T12:00:00", "R", Substatus::Refused));
    returned.refresh();
    assert_eq!(returned.substatus, Substatus::ReturnedToShipper);
    assert!(!m.add(&returned));
    assert_eq!(m.lanes().iter().map(|l| l.transit.samples()).max(), Some(1));
}

#[test]
fn apply_model_only_fills_a_missing_estimate() {
    let model = TransitModel::fit(postnl_history());
    let mut t = in_flight("2024-03-04", None, "1012");
    assert_eq!(t.eta.current, None);
    assert!(t.apply_model(&model));
    assert_eq!(t.eta.current.unwrap().source, EtaSource::Model);
    assert_eq!(t.eta.original, t.eta.current);
    assert!(!t.apply_model(&model));
    let mut carrier = Tracking::new(
        Carrier::Postnl,
        "c",
        vec![ev("2024-03-04T09:00:00", "P", Substatus::PickedUp)],
        Some(EtaWindow::day(d("2024-03-05"), EtaSource::Carrier)),
    );
    assert!(!carrier.apply_model(&model));
    assert_eq!(carrier.eta.current.unwrap().source, EtaSource::Carrier);
}
