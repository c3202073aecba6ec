//! Estimated delivery: the window type with its source, the ETA history of a
//! tracking (first estimate ever seen and the latest), what each event's
//! [`EtaHint`] does to the estimate, and [`TransitModel`], which predicts a
//! window from the shop's own delivery history.
//!
//! # Where an estimate comes from
//!
//! [`Tracking::eta`](crate::Tracking::eta) is kept up to date by the tracking
//! itself (see [`Tracking::refresh`](crate::Tracking::refresh)):
//!
//! 1. The carrier's own estimate ([`EtaSource::Carrier`]) when the response
//!    has one. It is anchored at the latest event of the response that
//!    carried it ([`Eta::carrier_as_of`]): events that come later still move it.
//! 2. Otherwise, or after that anchor, each event's [`EtaHint`] in time order
//!    ([`EtaSource::Hint`], see [`apply_hint`]): `same_day` is the event's day,
//!    `next_business_day` the next business day, `delayed:MIN-MAX` moves the
//!    window by that many business days, `awaiting_recipient` and `final`
//!    clear it.
//! 3. [`TransitModel::predict`] ([`EtaSource::Model`]) when neither gives a
//!    date; the host applies it with
//!    [`Tracking::apply_model`](crate::Tracking::apply_model).
//!
//! Business days come from the tracking's
//! [`calendar`](crate::Tracking::calendar): the destination country's
//! holidays when known.

use crate::calendar::{date_serde, Calendar};
use crate::carrier::Carrier;
use crate::event::{Event, EventTime};
use crate::status::{EtaHint, Status, Substatus};
use crate::tracking::{country_code, Direction, Tracking};
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;

/// Where an ETA came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EtaSource {
    /// The carrier's own estimate, from the response.
    Carrier,
    /// Derived from an event's [`EtaHint`].
    Hint,
    /// Predicted from history.
    Model,
}

/// An expected delivery window. A date-only estimate spans the whole day
/// (00:00:00 to 23:59:59 local). An actual delivery time is never an estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EtaWindow {
    /// Earliest expected delivery.
    pub earliest: EventTime,
    /// Latest expected delivery.
    pub latest: EventTime,
    /// Who made the estimate.
    pub source: EtaSource,
}

impl EtaWindow {
    /// A date-only window from the start of `first` to the end of `last`
    /// (local wall time, no offset).
    pub fn dates(first: NaiveDate, last: NaiveDate, source: EtaSource) -> Self {
        let (first, last) = if last < first {
            (last, first)
        } else {
            (first, last)
        };
        let end = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
        EtaWindow {
            earliest: EventTime::new(first.and_time(NaiveTime::MIN), None),
            latest: EventTime::new(last.and_time(end), None),
            source,
        }
    }

    /// One whole day.
    pub fn day(date: NaiveDate, source: EtaSource) -> Self {
        EtaWindow::dates(date, date, source)
    }

    /// The local date of `earliest`.
    pub fn first_date(&self) -> NaiveDate {
        self.earliest.local.date()
    }

    /// The local date of `latest`.
    pub fn last_date(&self) -> NaiveDate {
        self.latest.local.date()
    }
}

/// The ETA history of one tracking: the first estimate ever seen and the
/// latest one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Eta {
    /// The first estimate this tracking ever had (carrier, hint or model);
    /// never changed once set, also not by [`Tracking::merge`]. Compare
    /// against it to tell the customer the date moved.
    #[serde(default)]
    pub original: Option<EtaWindow>,
    /// The latest estimate; `None` once the parcel is delivered, returned,
    /// waiting for the recipient, or when nothing is known.
    #[serde(default)]
    pub current: Option<EtaWindow>,
    /// When the carrier's estimate in `estimated_delivery` was given: the
    /// latest event of the response that carried it. Later events move it by
    /// their hints. `None` means after every event.
    #[serde(default)]
    pub carrier_as_of: Option<EventTime>,
}

impl Eta {
    /// Records a new estimate as `current`, and as `original` if it is the
    /// first one.
    pub fn observe(&mut self, window: Option<EtaWindow>) {
        self.current = window;
        if self.original.is_none() {
            self.original = window;
        }
    }

    /// Calendar days the latest estimate moved against the original one
    /// (positive: later); `None` unless both exist.
    pub fn moved_days(&self) -> Option<i64> {
        let (o, c) = (self.original?, self.current?);
        Some((c.last_date() - o.last_date()).num_days())
    }
}

/// Applies one event's hint at `date` to the current estimate, with business
/// days of `calendar`. The result has [`EtaSource::Hint`] unless unchanged.
///
/// - `same_day`: the whole of `date`.
/// - `next_business_day`: the next business day after `date`.
/// - `delayed:MIN-MAX`: the current window (or `date` when there is none, or
///   when the window is already past) moved by MIN business days at its start
///   and MAX at its end.
/// - `awaiting_recipient`, `final`: no estimate (the recipient decides, or
///   nothing will be delivered).
/// - `none`: unchanged.
pub fn apply_hint(
    hint: EtaHint,
    date: NaiveDate,
    current: Option<EtaWindow>,
    calendar: &Calendar,
) -> Option<EtaWindow> {
    match hint {
        EtaHint::None => current,
        EtaHint::SameDay => Some(EtaWindow::day(date, EtaSource::Hint)),
        EtaHint::NextBusinessDay => Some(EtaWindow::day(
            calendar.next_business_day(date),
            EtaSource::Hint,
        )),
        EtaHint::Delayed { min, max } => {
            let (first, last) = current
                .map(|w| (w.first_date().max(date), w.last_date().max(date)))
                .unwrap_or((date, date));
            Some(EtaWindow::dates(
                calendar.add_business_days(first, u32::from(min)),
                calendar.add_business_days(last, u32::from(max)),
                EtaSource::Hint,
            ))
        }
        EtaHint::AwaitingRecipient | EtaHint::Final => None,
    }
}

/// The current estimate of a timeline: the carrier's window at its anchor,
/// then every event's hint in order (see the module docs).
pub(crate) fn current_estimate(
    events: &[Event],
    carrier_eta: Option<EtaWindow>,
    carrier_as_of: Option<EventTime>,
    calendar: &Calendar,
) -> Option<EtaWindow> {
    let mut current = None;
    let mut pending = carrier_eta;
    for e in events {
        if let (Some(w), Some(as_of), Some(t)) = (pending, carrier_as_of, e.time) {
            if t.sort_key() > as_of.sort_key() {
                current = Some(w);
                pending = None;
            }
        }
        if !e.is_known() {
            continue;
        }
        if let Some(t) = e.time {
            current = apply_hint(e.eta, t.local.date(), current, calendar);
        }
    }
    pending.or(current)
}

/// How many days a parcel is late, in calendar days (negative: early).
///
/// `reference` is the promised date; `actual` is the delivery date, or, for a
/// parcel still under way, the later of today and its current estimate.
pub fn days_late(reference: NaiveDate, actual: NaiveDate) -> i64 {
    (actual - reference).num_days()
}

// ---------------------------------------------------------------------------
// History model
// ---------------------------------------------------------------------------

/// Transit times are capped at this many business days (a parcel taking
/// longer counts as this long).
const MAX_DAYS: u32 = 120;

/// A lane: which parcels share a transit-time distribution. `None` fields are
/// "any": the coarser lanes the model falls back to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Lane {
    /// The carrier.
    pub carrier: Option<Carrier>,
    /// Origin country (ISO alpha-2, upper case).
    pub origin: Option<String>,
    /// Destination country (ISO alpha-2, upper case).
    pub destination: Option<String>,
    /// The first characters of the destination postal code.
    pub postal_prefix: Option<String>,
}

/// Business days from the start to delivery, counted per number of days.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Histogram {
    /// `counts[d]`: parcels delivered `d` business days after the start.
    pub counts: Vec<u32>,
}

impl Histogram {
    /// Counts one parcel taking `days` business days (capped at 120).
    pub fn add(&mut self, days: u32) {
        let d = days.min(MAX_DAYS) as usize;
        if self.counts.len() <= d {
            self.counts.resize(d + 1, 0);
        }
        if let Some(c) = self.counts.get_mut(d) {
            *c = c.saturating_add(1);
        }
    }

    /// Number of parcels counted.
    pub fn samples(&self) -> u32 {
        self.counts.iter().fold(0u32, |a, c| a.saturating_add(*c))
    }

    /// Number of parcels that took at least `min_days`.
    pub fn samples_at_least(&self, min_days: u32) -> u32 {
        self.counts
            .iter()
            .skip(min_days as usize)
            .fold(0u32, |a, c| a.saturating_add(*c))
    }

    /// The `q` quantile (0 < q ≤ 1, nearest rank) of the parcels that took at
    /// least `min_days`: the smallest `d` such that at least `q` of them took
    /// `d` days or fewer. `None` when no parcel took that long.
    pub fn quantile_at_least(&self, q: f64, min_days: u32) -> Option<u32> {
        let n = self.samples_at_least(min_days);
        if n == 0 {
            return None;
        }
        let rank = ((q.clamp(0.0, 1.0) * f64::from(n)).ceil() as u32).max(1);
        let mut seen = 0u32;
        for (d, c) in self.counts.iter().enumerate().skip(min_days as usize) {
            seen = seen.saturating_add(*c);
            if seen >= rank {
                return u32::try_from(d).ok();
            }
        }
        None
    }

    /// The `q` quantile of all parcels (see [`Histogram::quantile_at_least`]).
    pub fn quantile(&self, q: f64) -> Option<u32> {
        self.quantile_at_least(q, 0)
    }
}

/// What the model learned for one lane.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaneStats {
    /// The lane.
    pub lane: Lane,
    /// Business days from the first carrier scan to delivery.
    pub transit: Histogram,
    /// Business days from arrival in the destination country to delivery
    /// (cross-border parcels only).
    pub last_mile: Histogram,
}

/// What a prediction is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// The first carrier scan (the parcel's whole transit time).
    FirstScan,
    /// Arrival in the destination country (the last-mile time).
    InDestinationCountry,
    /// The parcel is out for delivery: the day of that scan.
    OutForDelivery,
}

/// A prediction with its reasons: the quantile dates, the lane and how many
/// parcels it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prediction {
    /// From the start of the P50 day to the end of the P90 day,
    /// [`EtaSource::Model`].
    pub window: EtaWindow,
    /// Half of comparable parcels were delivered by this day.
    #[serde(with = "date_serde")]
    pub p50: NaiveDate,
    /// Nine in ten comparable parcels were delivered by this day.
    #[serde(with = "date_serde")]
    pub p90: NaiveDate,
    /// What the business days are counted from.
    pub basis: Basis,
    /// The date counted from.
    #[serde(with = "date_serde")]
    pub from: NaiveDate,
    /// The lane whose history was used (`None` for out for delivery, which
    /// needs none).
    pub lane: Option<Lane>,
    /// Parcels in that lane that took at least as long as this one so far.
    pub samples: u32,
    /// Fewer samples than [`TransitModel::min_samples`] even in the coarsest
    /// lane: treat with care.
    pub thin: bool,
}

/// Learns transit times from finished trackings and predicts ETA windows.
///
/// # Feeding it
///
/// Give [`TransitModel::fit`] (or [`TransitModel::add`], one at a time) the
/// trackings of parcels you shipped, as `wismo` parsed them, ideally the last
/// few months per carrier. Only forward parcels that were delivered and have
/// a first carrier scan count; the rest are skipped. Set
/// [`Tracking::origin`] and [`Tracking::destination`] from your order data
/// when you have them: otherwise the origin is the first event with a
/// country and the destination the delivery event's place. The model is
/// serde-serializable, so a host can fit it in a nightly job and load it in
/// its web process.
///
/// Each parcel counts in seven lanes, from fine to coarse: (carrier, origin,
/// destination, postal prefix), (carrier, origin, destination), (carrier,
/// destination), (carrier, origin), (carrier), (origin, destination), and all
/// parcels. A lane needing a field the parcel lacks is skipped.
///
/// # Thin data
///
/// [`TransitModel::predict`] uses the finest lane with at least
/// [`TransitModel::min_samples`] parcels (default 20). When no lane has that
/// many, it uses the lane with the most parcels and marks the
/// [`Prediction`] `thin`; with no history at all there is no prediction
/// (except for a parcel out for delivery, which needs no history). A parcel
/// already later than every parcel of its lane gets the next business day
/// after its latest event, also marked `thin`.
///
/// # Updates as the parcel moves
///
/// Only parcels that took at least as long as this one has so far (business
/// days from the start to its latest event) are counted, so the window moves
/// out while a parcel waits. Once a cross-border parcel is in its destination
/// country (an `arrived_in_destination_country` or customs event, or a scan in
/// the destination country after scans elsewhere), the last-mile times are
/// used from that day; out for delivery gives that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TransitModel {
    /// Fewest parcels a lane needs before predictions use it.
    pub min_samples: u32,
    /// Characters of the destination postal code that form the finest lane.
    pub postal_prefix_len: usize,
    lanes: Vec<LaneStats>,
}

impl Default for TransitModel {
    fn default() -> Self {
        TransitModel {
            min_samples: 20,
            postal_prefix_len: 2,
            lanes: Vec::new(),
        }
    }
}

/// What a tracking says about its lane and its progress.
struct Route {
    carrier: Carrier,
    origin: Option<String>,
    destination: Option<String>,
    postal_prefix: Option<String>,
    calendar: Calendar,
}

impl Route {
    /// The lanes this route counts in, finest first.
    fn lanes(&self) -> Vec<Lane> {
        let c = Some(self.carrier);
        let (o, d, p) = (&self.origin, &self.destination, &self.postal_prefix);
        let mut out = Vec::with_capacity(7);
        let lane = |carrier: Option<Carrier>,
                    origin: &Option<String>,
                    destination: &Option<String>,
                    postal_prefix: &Option<String>| Lane {
            carrier,
            origin: origin.clone(),
            destination: destination.clone(),
            postal_prefix: postal_prefix.clone(),
        };
        if o.is_some() && d.is_some() && p.is_some() {
            out.push(lane(c, o, d, p));
        }
        if o.is_some() && d.is_some() {
            out.push(lane(c, o, d, &None));
        }
        if d.is_some() {
            out.push(lane(c, &None, d, &None));
        }
        if o.is_some() {
            out.push(lane(c, o, &None, &None));
        }
        out.push(lane(c, &None, &None, &None));
        if o.is_some() && d.is_some() {
            out.push(lane(None, o, d, &None));
        }
        out.push(lane(None, &None, &None, &None));
        out
    }
}

fn postal_prefix(code: &str, len: usize) -> Option<String> {
    let p: String = code
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(len)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    (len > 0 && p.chars().count() == len).then_some(p)
}

/// The event at which a cross-border parcel reached its destination country.
fn arrival_in_destination<'a>(t: &'a Tracking, destination: Option<&str>) -> Option<&'a Event> {
    let mut elsewhere = false;
    for e in t.events.iter().filter(|e| e.time.is_some()) {
        if e.is_known()
            && matches!(
                e.substatus,
                Substatus::ArrivedInDestinationCountry
                    | Substatus::CustomsProcessing
                    | Substatus::CustomsCleared
            )
        {
            return Some(e);
        }
        let Some(country) = e.location.country.as_deref().and_then(country_code) else {
            continue;
        };
        match destination {
            Some(d) if country == d && elsewhere => return Some(e),
            Some(d) if country == d => {}
            Some(_) => elsewhere = true,
            None => {}
        }
    }
    None
}

impl TransitModel {
    /// An empty model with the defaults (20 samples per lane, 2-character
    /// postal prefixes).
    pub fn new() -> Self {
        TransitModel::default()
    }

    /// Sets [`TransitModel::min_samples`].
    pub fn with_min_samples(mut self, n: u32) -> Self {
        self.min_samples = n.max(1);
        self
    }

    /// Sets [`TransitModel::postal_prefix_len`] (before adding history).
    pub fn with_postal_prefix_len(mut self, n: usize) -> Self {
        self.postal_prefix_len = n;
        self
    }

    /// Learns from finished trackings (see the type docs for what counts).
    pub fn fit<I>(trackings: I) -> Self
    where
        I: IntoIterator,
        I::Item: Borrow<Tracking>,
    {
        let mut m = TransitModel::default();
        m.extend(trackings);
        m
    }

    /// Adds finished trackings to the history.
    pub fn extend<I>(&mut self, trackings: I)
    where
        I: IntoIterator,
        I::Item: Borrow<Tracking>,
    {
        for t in trackings {
            self.add(t.borrow());
        }
    }

    /// Every lane with its histograms, sorted by lane.
    pub fn lanes(&self) -> &[LaneStats] {
        &self.lanes
    }

    /// The statistics of one lane.
    pub fn lane(&self, lane: &Lane) -> Option<&LaneStats> {
        self.lanes
            .binary_search_by(|s| s.lane.cmp(lane))
            .ok()
            .and_then(|i| self.lanes.get(i))
    }

    fn lane_mut(&mut self, lane: Lane) -> &mut LaneStats {
        let i = match self.lanes.binary_search_by(|s| s.lane.cmp(&lane)) {
            Ok(i) => i,
            Err(i) => {
                self.lanes.insert(
                    i,
                    LaneStats {
                        lane,
                        transit: Histogram::default(),
                        last_mile: Histogram::default(),
                    },
                );
                i
            }
        };
        &mut self.lanes[i]
    }

    /// The route of a tracking; `finished` reads the destination from the
    /// delivery event when the tracking does not state it.
    fn route(&self, t: &Tracking, finished: bool) -> Route {
        let delivered = finished
            .then(|| {
                t.events
                    .iter()
                    .rev()
                    .find(|e| e.is_known() && e.status == Status::Delivered)
            })
            .flatten();
        let dest_loc = t
            .destination
            .as_ref()
            .filter(|l| l.country.is_some())
            .or(delivered.map(|e| &e.location));
        let destination = dest_loc
            .and_then(|l| l.country.as_deref())
            .and_then(country_code);
        let postal = t
            .destination
            .as_ref()
            .and_then(|l| l.postal_code.as_deref())
            .or(dest_loc.and_then(|l| l.postal_code.as_deref()));
        let postal_prefix = postal
            .and_then(|p| postal_prefix(p, self.postal_prefix_len))
            .filter(|_| destination.is_some());
        let calendar = match &destination {
            Some(d) => Calendar::for_code(d),
            None => t.calendar(),
        };
        Route {
            carrier: t.carrier,
            origin: t.origin_country(),
            destination,
            postal_prefix,
            calendar,
        }
    }

    /// Adds one tracking to the history. Returns whether it counted: only
    /// delivered forward parcels with a first carrier scan do.
    pub fn add(&mut self, t: &Tracking) -> bool {
        if t.status != Status::Delivered || t.return_label || t.direction != Direction::Forward {
            return false;
        }
        let (Some(first), Some(delivered)) = (t.first_scan_at, t.delivered_at) else {
            return false;
        };
        let route = self.route(t, true);
        let cal = route.calendar;
        let days = cal.business_days_between(first.local.date(), delivered.local.date());
        let days = u32::try_from(days.max(0)).unwrap_or(0);
        let last_mile = arrival_in_destination(t, route.destination.as_deref())
            .and_then(|e| e.time)
            .map(|a| cal.business_days_between(a.local.date(), delivered.local.date()))
            .map(|d| u32::try_from(d.max(0)).unwrap_or(0));
        for lane in route.lanes() {
            let s = self.lane_mut(lane);
            s.transit.add(days);
            if let Some(lm) = last_mile {
                s.last_mile.add(lm);
            }
        }
        true
    }

    /// The predicted delivery window of a parcel under way: from the start of
    /// the P50 day to the end of the P90 day. See [`TransitModel::predict_detail`].
    pub fn predict(&self, t: &Tracking) -> Option<EtaWindow> {
        self.predict_detail(t).map(|p| p.window)
    }

    /// The prediction with its quantiles, lane and sample count. `None` for a
    /// parcel that is terminal, on its way back, waiting at a pickup point or
    /// not yet scanned by the carrier, or when there is no history.
    pub fn predict_detail(&self, t: &Tracking) -> Option<Prediction> {
        if t.is_terminal()
            || (t.direction == Direction::Return && !t.return_label)
            || t.status == Status::AvailableForPickup
        {
            return None;
        }
        let first = t.first_scan_at?;
        let route = self.route(t, false);
        let cal = route.calendar;
        let latest = t
            .events
            .iter()
            .rev()
            .find_map(|e| e.time)
            .map(|e| e.local.date())
            .unwrap_or(first.local.date());
        if let Some(e) = t
            .current_event()
            .filter(|e| e.status == Status::OutForDelivery)
        {
            let day = e.time.map(|t| t.local.date()).unwrap_or(latest);
            return Some(Prediction {
                window: EtaWindow::day(day, EtaSource::Model),
                p50: day,
                p90: day,
                basis: Basis::OutForDelivery,
                from: day,
                lane: None,
                samples: 0,
                thin: false,
            });
        }
        let lanes = route.lanes();
        let arrival = arrival_in_destination(t, route.destination.as_deref())
            .and_then(|e| e.time)
            .map(|a| a.local.date());
        let mut attempts = Vec::with_capacity(2);
        if let Some(a) = arrival {
            attempts.push((Basis::InDestinationCountry, a));
        }
        attempts.push((Basis::FirstScan, first.local.date()));
        for (basis, from) in attempts {
            let pick = |s: &LaneStats| match basis {
                Basis::InDestinationCountry => s.last_mile.clone(),
                _ => s.transit.clone(),
            };
            let found: Vec<(Lane, Histogram)> = lanes
                .iter()
                .filter_map(|l| self.lane(l).map(|s| (l.clone(), pick(s))))
                .filter(|(_, h)| h.samples() > 0)
                .collect();
            let chosen = found
                .iter()
                .find(|(_, h)| h.samples() >= self.min_samples)
                .map(|x| (x, false))
                .or_else(|| {
                    found
                        .iter()
                        .max_by_key(|(_, h)| h.samples())
                        .map(|x| (x, true))
                });
            let Some(((lane, hist), mut thin)) = chosen else {
                continue;
            };
            let elapsed = u32::try_from(cal.business_days_between(from, latest).max(0))
                .unwrap_or(0)
                .min(MAX_DAYS);
            let samples = hist.samples_at_least(elapsed);
            let (q50, q90) = match (
                hist.quantile_at_least(0.5, elapsed),
                hist.quantile_at_least(0.9, elapsed),
            ) {
                (Some(a), Some(b)) => (a, b),
                _ => {
                    thin = true;
                    (elapsed + 1, elapsed + 1)
                }
            };
            let p50 = cal.add_business_days(from, q50).max(latest);
            let p90 = cal.add_business_days(from, q90).max(p50);
            return Some(Prediction {
                window: EtaWindow::dates(p50, p90, EtaSource::Model),
                p50,
                p90,
                basis,
                from,
                lane: Some(lane.clone()),
                samples,
                thin,
            });
        }
        None
    }
}
