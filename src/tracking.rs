//! [`Tracking`]: one parcel's timeline and its current state.
//!
//! A host polls a carrier or receives its webhooks again and again;
//! [`Tracking::merge`] folds each new response into one timeline, and
//! [`Tracking::refresh`] derives the state a shop shows: status, direction
//! (forward or return), failed attempts, first scan, delivery, time at a
//! pickup point and the ETA. Time-dependent answers (stalled, days late,
//! time at the pickup point) take the `now` the caller passes: there is no
//! hidden clock.

use crate::calendar::{Calendar, Country};
use crate::carrier::Carrier;
use crate::eta::{current_estimate, Eta, TransitModel};
use crate::event::{Event, EventTime, Location};
use crate::status::{EtaHint, Status, Substatus};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::eta::EtaWindow;

/// Which way a parcel (or one of its events) travels.
///
/// In JSON `"forward"` or `"return"`; a word this version does not know
/// loads as `forward` (an [`Event`] keeps the word in
/// [`Event::unknown_words`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Direction {
    /// From the shop to the customer.
    #[default]
    Forward,
    /// Back to the shop: a parcel that failed forward, or a return label's
    /// parcel sent by the customer.
    Return,
}

impl Direction {
    /// The word in JSON (`forward`, `return`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Direction::Forward => "forward",
            Direction::Return => "return",
        }
    }
}

impl std::fmt::Display for Direction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Direction {
    type Err = crate::status::UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "forward" => Ok(Direction::Forward),
            "return" => Ok(Direction::Return),
            _ => Err(crate::status::UnknownWord::new("direction", s)),
        }
    }
}

impl<'de> Deserialize<'de> for Direction {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(s.parse().unwrap_or_default())
    }
}

/// Business days without any event after which a tracking counts as stalled
/// ([`Tracking::is_stalled`]), per carrier: how long that carrier usually goes
/// between scans, with margin.
///
/// | carriers | business days |
/// |---|---|
/// | parcel networks and integrators that scan at every hub, usually daily: `ups`, `fedex`, `dhl_express`, `dhl_unified`, `dhl_parcel_de`, `dpd`, `gls`, `hermes_de`, `postnl`, `bpost`, `bring`, `inpost`, `colissimo`, `royal_mail`, `sendle`, `amazon_shipping`, `purolator` | 5 |
/// | postal networks with fewer scans between acceptance and delivery office: `usps`, `la_poste`, `canada_post`, `australia_post` | 7 |
/// | cross-border postal and consolidator flows with long unscanned legs (air freight, customs, handover to the destination post): `upu`, `landmark`, `dhl_ecommerce` | 10 |
/// | any other carrier | 7 |
///
/// Before the carrier has the parcel (`info_received`) the threshold is
/// [`INFO_RECEIVED_STALL_DAYS`]; at a pickup point it is the carrier's
/// collection deadline plus the carrier's threshold, or, without a deadline,
/// the carrier's threshold plus [`PICKUP_HOLD_DAYS`].
pub fn stall_threshold(carrier: Carrier) -> u32 {
    match carrier.as_str() {
        "ups" | "fedex" | "dhl_express" | "dhl_unified" | "dhl_parcel_de" | "dpd" | "gls"
        | "hermes_de" | "postnl" | "bpost" | "bring" | "inpost" | "colissimo" | "royal_mail"
        | "sendle" | "amazon_shipping" | "purolator" => 5,
        "usps" | "la_poste" | "canada_post" | "australia_post" => 7,
        "upu" | "landmark" | "dhl_ecommerce" => 10,
        _ => 7,
    }
}

/// Business days a parcel may stay announced (`info_received`) before it
/// counts as stalled: the shop has not handed it over.
pub const INFO_RECEIVED_STALL_DAYS: u32 = 10;

/// Business days a parcel usually waits at a pickup point before it goes back
/// (7 to 14 calendar days at most carriers), used when the carrier gives no
/// collection deadline.
pub const PICKUP_HOLD_DAYS: u32 = 10;

/// The country a carrier mostly delivers in, for its calendar when the
/// tracking names no country.
fn home_country(carrier: Carrier) -> Option<Country> {
    Some(match carrier.as_str() {
        "postnl" => Country::Nl,
        "usps" => Country::Us,
        "royal_mail" => Country::Gb,
        "la_poste" | "colissimo" => Country::Fr,
        "bring" => Country::No,
        "inpost" => Country::Pl,
        "dhl_parcel_de" | "hermes_de" => Country::De,
        "sendle" | "australia_post" => Country::Au,
        "canada_post" | "purolator" => Country::Ca,
        "bpost" => Country::Be,
        _ => return None,
    })
}

/// A country as carriers write it, as an upper-case ISO alpha-2 code: two
/// letters as given, or a code or name [`Country::from_code`] knows.
pub(crate) fn country_code(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        let up = s.to_ascii_uppercase();
        return Some(if up == "UK" { "GB".to_string() } else { up });
    }
    Country::from_code(s).map(|c| c.as_str().to_string())
}

/// One parcel as the carrier reported it: events oldest first and the current
/// normalized state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracking {
    /// The carrier.
    pub carrier: Carrier,
    /// The tracking number, as the carrier returned it.
    pub tracking_number: String,
    /// Current status: from the latest event whose meaning is known (mapped, or
    /// classified from its text); unknown if there is none.
    pub status: Status,
    /// Current substatus.
    pub substatus: Substatus,
    /// The carrier's estimated delivery window, when it gave one.
    pub estimated_delivery: Option<EtaWindow>,
    /// When the parcel was delivered (time of the latest delivered event).
    /// For a return label: when the return arrived at the shop.
    pub delivered_at: Option<EventTime>,
    /// Which way the parcel travels now: `return` once it is on its way back
    /// (or from the start for a return label).
    #[serde(default)]
    pub direction: Direction,
    /// The host marked this tracking as a return label's: the customer sends
    /// the parcel to the shop ([`Tracking::as_return_label`]).
    #[serde(default)]
    pub return_label: bool,
    /// Failed delivery attempts (`attempt_failed` events; several on one day
    /// count once).
    #[serde(default)]
    pub failed_attempts: u32,
    /// The first event at which the carrier had the parcel (neither
    /// `info_received` nor `cancelled`).
    #[serde(default)]
    pub first_scan_at: Option<EventTime>,
    /// When the parcel became available at a pickup point, locker or office
    /// (the start of the latest such stay).
    #[serde(default)]
    pub pickup_since: Option<EventTime>,
    /// The carrier's deadline to collect the parcel there, when it gives one.
    #[serde(default)]
    pub pickup_deadline: Option<EventTime>,
    /// The ETA history: the first estimate and the latest.
    #[serde(default)]
    pub eta: Eta,
    /// Where the parcel was sent from, when the response or the host says.
    #[serde(default)]
    pub origin: Option<Location>,
    /// Where the parcel goes, when the response or the host says.
    #[serde(default)]
    pub destination: Option<Location>,
    /// Every event of the body, mapped or not, oldest first.
    pub events: Vec<Event>,
}

/// The same scan seen twice, whichever source saw it (a webhook and a poll,
/// two polls): same code and reason code at the same local wall time, offsets
/// and place fields that do not contradict each other (one source may lack
/// the offset or a postal code), and, for carriers that send text only, the
/// same text.
fn same_scan(a: &Event, b: &Event) -> bool {
    let (ta, tb) = (a.time, b.time);
    ta.map(|t| t.local) == tb.map(|t| t.local)
        && match (ta.and_then(|t| t.offset), tb.and_then(|t| t.offset)) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
        && a.code == b.code
        && a.reason_code == b.reason_code
        && places_agree(&a.location, &b.location)
        && (!a.code.is_empty() || a.description.trim() == b.description.trim())
}

/// No place field is given differently by the two (case and spaces aside).
fn places_agree(a: &Location, b: &Location) -> bool {
    let agree = |x: &Option<String>, y: &Option<String>| match (x, y) {
        (Some(x), Some(y)) => x.trim().eq_ignore_ascii_case(y.trim()),
        _ => true,
    };
    agree(&a.city, &b.city)
        && agree(&a.postal_code, &b.postal_code)
        && agree(&a.country, &b.country)
        && agree(&a.name, &b.name)
}

/// Folds `other`, the same scan, into `known`, keeping the richer detail:
/// the offset, every place field, the longer text, and a mapped (or read)
/// meaning over an unmapped one.
fn enrich(known: &mut Event, other: &Event) {
    if let (Some(k), Some(o)) = (known.time.as_mut(), other.time) {
        if k.offset.is_none() {
            k.offset = o.offset;
        }
    }
    let fill = |k: &mut Option<String>, o: &Option<String>| {
        if k.is_none() {
            k.clone_from(o);
        }
    };
    fill(&mut known.location.city, &other.location.city);
    fill(&mut known.location.postal_code, &other.location.postal_code);
    fill(&mut known.location.country, &other.location.country);
    fill(&mut known.location.name, &other.location.name);
    if other.description.trim().chars().count() > known.description.trim().chars().count() {
        known.description.clone_from(&other.description);
    }
    let rank = |e: &Event| (e.mapped, e.classified);
    if rank(other) > rank(known) {
        known.status = other.status;
        known.substatus = other.substatus;
        known.reason = other.reason;
        known.eta = other.eta;
        known.mapped = other.mapped;
        known.classified = other.classified;
        known.mapping_key.clone_from(&other.mapping_key);
        known.override_source.clone_from(&other.override_source);
    }
}

/// Tracking numbers are the same when equal up to case and spaces; an empty
/// one (formats that do not repeat the number) matches any.
fn same_number(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect::<String>()
    };
    a.is_empty() || b.is_empty() || norm(a) == norm(b)
}

/// [`Tracking::merge`] refused to mix two parcels.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MergeError {
    /// The trackings are of different carriers.
    #[error("cannot merge a `{other}` tracking into a `{this}` tracking")]
    Carrier {
        /// This tracking's carrier.
        this: Carrier,
        /// The other tracking's carrier.
        other: Carrier,
    },
    /// The trackings are of different parcels.
    #[error("cannot merge tracking number `{other}` into tracking number `{this}`")]
    TrackingNumber {
        /// This tracking's number.
        this: String,
        /// The other tracking's number.
        other: String,
    },
}

fn order_key(e: &Event) -> Option<chrono::NaiveDateTime> {
    e.time.map(|t| t.sort_key())
}

/// Stable sort by [`order_key`], without sorting what is already in order:
/// most carriers list events oldest or newest first, and a list strictly
/// newest first only needs reversing (no ties, so stability holds). Other
/// lists sort their keys once, on the stack up to 64 events, and then move
/// each event once (as `sort_by_cached_key` does, without its allocation).
fn sort_events(events: &mut [Event]) {
    if events.is_sorted_by_key(order_key) {
        return;
    }
    if events.is_sorted_by(|a, b| order_key(a) > order_key(b)) {
        events.reverse();
        return;
    }
    const STACK: usize = 64;
    if events.len() > STACK {
        events.sort_by_cached_key(order_key);
        return;
    }
    let mut keys = [(None, 0u8); STACK];
    for ((k, e), i) in keys.iter_mut().zip(events.iter()).zip(0u8..) {
        *k = (order_key(e), i);
    }
    let keys = &mut keys[..events.len()];
    // (key, position) pairs are distinct, so an unstable sort is stable here.
    keys.sort_unstable();
    // Event `keys[i].1` goes to place i; earlier swaps moved the events
    // before i, so follow where the wanted one went.
    for i in 0..keys.len() {
        let mut from = usize::from(keys[i].1);
        while from < i {
            from = usize::from(keys[from].1);
        }
        events.swap(i, from);
    }
}

impl Tracking {
    /// Builds a tracking from events in any order: orders them by time (stable
    /// for equal times; events without time keep their place before timed ones),
    /// applies the return rule, and derives the current state.
    pub fn new(
        carrier: Carrier,
        tracking_number: impl Into<String>,
        events: Vec<Event>,
        estimated_delivery: Option<EtaWindow>,
    ) -> Self {
        let mut t = Tracking {
            carrier,
            tracking_number: tracking_number.into(),
            status: Status::Unknown,
            substatus: Substatus::Unmapped,
            estimated_delivery,
            delivered_at: None,
            direction: Direction::Forward,
            return_label: false,
            failed_attempts: 0,
            first_scan_at: None,
            pickup_since: None,
            pickup_deadline: None,
            eta: Eta::default(),
            origin: None,
            destination: None,
            events,
        };
        t.refresh();
        if t.estimated_delivery.is_some() {
            t.eta.carrier_as_of = t.latest_time();
        }
        t
    }

    /// Marks this tracking as a return label's (the customer sends the parcel
    /// to the shop) and derives the state again.
    ///
    /// Every event then has direction `return`, `in_transit` means on the way
    /// to the shop, and `delivered` means **the return arrived** (status
    /// stays `delivered`, `delivered_at` is its arrival). That differs from a
    /// forward parcel that failed and came back: its arrival is
    /// `return_to_sender / returned_to_shipper`. A shop tells "your return
    /// arrived" (`return_label`, `delivered`) from "your parcel came back to
    /// us" (`direction: return`, `returned_to_shipper`).
    pub fn as_return_label(mut self) -> Self {
        self.return_label = true;
        self.refresh();
        self
    }

    /// Re-sorts the events and derives status, substatus, direction,
    /// `delivered_at`, failed attempts, first scan, pickup time and the
    /// current ETA again. Call it after changing `events` by hand.
    ///
    /// The current ETA is the carrier's estimate moved by later events'
    /// hints (see [`crate::eta::apply_hint`]); there is none once the parcel is
    /// terminal, on its way back, or waiting for the recipient (at a pickup
    /// point, or an `awaiting_recipient` hint on the latest event), even when
    /// the carrier still sends its old estimate.
    ///
    /// The return rule: once an event says the parcel goes back to the
    /// shipper, it and every later event have direction `return`; a later
    /// movement scan ("departed", "arrived at facility", "in transit", even
    /// "out for delivery") is the return leg (`return_to_sender /
    /// return_in_transit`), and a later "delivered" event is the arrival back
    /// at the shipper (`return_to_sender / returned_to_shipper`), never a
    /// delivery. A return
    /// label's events are all `return`, and its "delivered" stays delivered
    /// (see [`Tracking::as_return_label`]).
    pub fn refresh(&mut self) {
        sort_events(&mut self.events);
        let mut returning = false;
        for e in &mut self.events {
            if e.is_known() {
                if e.status == Status::ReturnToSender {
                    returning = true;
                } else if returning && !self.return_label {
                    match e.status {
                        Status::Delivered => {
                            e.status = Status::ReturnToSender;
                            e.substatus = Substatus::ReturnedToShipper;
                            e.eta = EtaHint::Final;
                        }
                        // The return leg's movement scans.
                        Status::InTransit | Status::OutForDelivery => {
                            e.status = Status::ReturnToSender;
                            e.substatus = Substatus::ReturnInTransit;
                            e.eta = EtaHint::None;
                        }
                        _ => {}
                    }
                }
            }
            e.direction = if returning || self.return_label {
                Direction::Return
            } else {
                Direction::Forward
            };
        }
        self.direction = match self.events.last() {
            Some(e) => e.direction,
            None if self.return_label => Direction::Return,
            None => Direction::Forward,
        };
        let latest = self.events.iter().rev().find(|e| e.is_known());
        (self.status, self.substatus) = match latest {
            Some(e) => (e.status, e.substatus),
            None => (Status::Unknown, Substatus::Unmapped),
        };
        self.delivered_at = if self.status == Status::Delivered {
            latest.and_then(|e| e.time)
        } else {
            None
        };
        self.derive_milestones();
        // Only these hints count business days; skip finding the calendar
        // otherwise (refresh runs on every parse).
        let needs_calendar = self.events.iter().any(|e| {
            e.is_known() && matches!(e.eta, EtaHint::NextBusinessDay | EtaHint::Delayed { .. })
        });
        let calendar = if needs_calendar {
            self.calendar()
        } else {
            Calendar::WEEKENDS_ONLY
        };
        let mut current = current_estimate(
            &self.events,
            self.estimated_delivery,
            self.eta.carrier_as_of,
            &calendar,
        );
        let gone_back = self.direction == Direction::Return && !self.return_label;
        let waiting = self.current_event().is_some_and(|e| {
            e.status == Status::AvailableForPickup || e.eta == EtaHint::AwaitingRecipient
        });
        if self.is_terminal() || gone_back || waiting {
            current = None;
        }
        self.eta.current = current;
        if self.eta.original.is_none() {
            self.eta.original = self.estimated_delivery.or(current);
        }
    }

    /// Failed attempts, first scan and pickup stay, from the sorted events.
    fn derive_milestones(&mut self) {
        let mut attempts = 0u32;
        let mut last_attempt_day: Option<NaiveDate> = None;
        let mut first_scan = None;
        let mut pickup_since = None;
        let mut at_pickup = false;
        for e in self.events.iter().filter(|e| e.is_known()) {
            let day = e.time.map(|t| t.local.date());
            if e.status == Status::AttemptFailed {
                if day.is_none() || day != last_attempt_day {
                    attempts += 1;
                }
                last_attempt_day = day;
            }
            if first_scan.is_none()
                && !matches!(
                    e.status,
                    Status::Unknown | Status::InfoReceived | Status::Cancelled
                )
            {
                first_scan = e.time;
            }
            if e.status == Status::AvailableForPickup {
                if !at_pickup {
                    pickup_since = e.time.or(pickup_since);
                }
                at_pickup = true;
            } else {
                at_pickup = false;
            }
        }
        self.failed_attempts = attempts;
        self.first_scan_at = first_scan;
        self.pickup_since = pickup_since;
    }

    /// Re-derives every event's meaning from the current compiled tables
    /// (see [`Normalizer::remap`](crate::Normalizer::remap), which also
    /// applies a deployment's overrides), so a stored tracking picks up
    /// corrected mappings; then refreshes.
    pub fn remap(&mut self) {
        crate::Normalizer::default().remap(self);
    }

    /// Events whose meaning is not known: the code is in no table and the
    /// text was not read (for metrics and for the unmapped-code report).
    pub fn unmapped(&self) -> impl Iterator<Item = &Event> + '_ {
        self.events.iter().filter(|e| !e.is_known())
    }

    /// The latest mapped event, the one the current status comes from.
    pub fn current_event(&self) -> Option<&Event> {
        self.events.iter().rev().find(|e| e.is_known())
    }

    /// The time of the latest event that has one (mapped or not).
    pub fn latest_time(&self) -> Option<EventTime> {
        self.events.iter().rev().find_map(|e| e.time)
    }

    /// Folds a newer response for the same parcel (a poll, a webhook) into
    /// this timeline.
    ///
    /// - One scan is one event, whichever source saw it: the same code and
    ///   reason code at the same local wall time, with offsets and place
    ///   fields that do not contradict each other (a webhook may carry the
    ///   UTC offset a poll lacks, a poll may add a postal code), is kept
    ///   once, with the richer detail of all copies: the offset, every place
    ///   field, the longer text, a mapped meaning over an unmapped one.
    /// - New events are placed by time, wherever they fall; nothing is
    ///   dropped.
    /// - Events with equal times keep their order: among themselves, the new
    ///   events go right after the known event that precedes them in `newer`,
    ///   or before the known event that follows them, or, with neither, after
    ///   the known events of that time. So merging responses in any order
    ///   gives the same timeline, except for distinct events with the very
    ///   same time that never appear together in one response: those keep the
    ///   order they arrived in.
    /// - Merging the same response again changes nothing.
    /// - The carrier's estimate of `newer` replaces this one when it has one;
    ///   the first estimate ever seen stays `eta.original`. `pickup_deadline`,
    ///   `origin` and `destination` take `newer`'s when it has them;
    ///   `return_label` stays set once set.
    ///
    /// Then the state is derived again ([`Tracking::refresh`]).
    ///
    /// # Errors
    ///
    /// A tracking of another carrier, or of another tracking number (compared
    /// without case and spaces), is refused with [`MergeError`] and nothing
    /// changes. An empty tracking number (formats that do not repeat it)
    /// merges with any, and a known number replaces an empty one.
    pub fn merge(&mut self, newer: Tracking) -> Result<(), MergeError> {
        if newer.carrier != self.carrier {
            return Err(MergeError::Carrier {
                this: self.carrier,
                other: newer.carrier,
            });
        }
        if !same_number(&self.tracking_number, &newer.tracking_number) {
            return Err(MergeError::TrackingNumber {
                this: self.tracking_number.clone(),
                other: newer.tracking_number,
            });
        }
        if self.tracking_number.is_empty() {
            self.tracking_number.clone_from(&newer.tracking_number);
        }
        // Pin this tracking's carrier estimate to the events it came with.
        if self.estimated_delivery.is_some() && self.eta.carrier_as_of.is_none() {
            self.eta.carrier_as_of = self.latest_time();
        }
        let mut out: Vec<Event> = Vec::with_capacity(self.events.len() + newer.events.len());
        for e in std::mem::take(&mut self.events) {
            match out.iter_mut().find(|o| same_scan(o, &e)) {
                Some(o) => enrich(o, &e),
                None => out.push(e),
            }
        }
        sort_events(&mut out);
        let mut newer_events = newer.events;
        // The same scans as known ones (perhaps with less or more detail)
        // fold into them; the rest are placed below.
        let mut fresh: Vec<Event> = Vec::with_capacity(newer_events.len());
        for e in &newer_events {
            match out.iter_mut().find(|o| same_scan(o, e)) {
                Some(o) => enrich(o, e),
                None => match fresh.iter_mut().find(|o| same_scan(o, e)) {
                    Some(o) => enrich(o, e),
                    None => fresh.push(e.clone()),
                },
            }
        }
        // Enriching may have given an event its offset, and so a new place.
        sort_events(&mut out);
        newer_events.sort_by_key(order_key);
        fresh.sort_by_key(order_key);
        let mut last_placed: Option<usize> = None;
        for e in &newer_events {
            let key = order_key(e);
            let lo = out.partition_point(|o| order_key(o) < key);
            let hi = out.partition_point(|o| order_key(o) <= key);
            let Some(f) = fresh.iter().position(|f| same_scan(f, e)) else {
                last_placed = (lo..hi).find(|&k| out.get(k).is_some_and(|o| same_scan(o, e)));
                continue;
            };
            let e = fresh.swap_remove(f);
            fresh.sort_by_key(order_key);
            let after_prev = last_placed
                .filter(|&k| (lo..hi).contains(&k))
                .map(|k| k + 1);
            let j = newer_events
                .iter()
                .position(|n| same_scan(n, &e))
                .unwrap_or(newer_events.len());
            let before_next = || {
                newer_events
                    .iter()
                    .skip(j + 1)
                    .take_while(|n| order_key(n) == key)
                    .find_map(|n| (lo..hi).find(|&k| out.get(k).is_some_and(|o| same_scan(o, n))))
            };
            let pos = after_prev.or_else(before_next).unwrap_or(hi);
            out.insert(pos, e);
            last_placed = Some(pos);
        }
        self.events = out;
        if newer.estimated_delivery.is_some() {
            self.estimated_delivery = newer.estimated_delivery;
            self.eta.carrier_as_of = newer
                .eta
                .carrier_as_of
                .or_else(|| newer_events.iter().rev().find_map(|e| e.time));
        }
        self.eta.original = self.eta.original.or(newer.eta.original);
        self.pickup_deadline = newer.pickup_deadline.or(self.pickup_deadline);
        self.origin = newer.origin.or(self.origin.take());
        self.destination = newer.destination.or(self.destination.take());
        self.return_label |= newer.return_label;
        self.refresh();
        Ok(())
    }

    /// No further movement is expected: delivered (also a return label's
    /// arrival), back with the shipper, lost, disposed or cancelled. A stalled
    /// (`expired`) tracking is not terminal: news may still come.
    pub fn is_terminal(&self) -> bool {
        self.current_event()
            .map(|e| e.substatus)
            .unwrap_or(self.substatus)
            .is_terminal()
    }

    /// The origin country (upper-case ISO alpha-2): [`Tracking::origin`]'s,
    /// else the first event's with a country.
    pub fn origin_country(&self) -> Option<String> {
        self.origin
            .as_ref()
            .and_then(|l| l.country.as_deref())
            .or_else(|| {
                self.events
                    .iter()
                    .find_map(|e| e.location.country.as_deref())
            })
            .and_then(country_code)
    }

    /// The destination country (upper-case ISO alpha-2): [`Tracking::destination`]'s,
    /// else, once delivered, the delivery event's.
    pub fn destination_country(&self) -> Option<String> {
        self.destination
            .as_ref()
            .and_then(|l| l.country.as_deref())
            .or_else(|| {
                (self.status == Status::Delivered)
                    .then(|| self.current_event())
                    .flatten()
                    .and_then(|e| e.location.country.as_deref())
            })
            .and_then(country_code)
    }

    /// The business-day calendar for this parcel: the destination country's,
    /// else that of the latest event with a country, else the carrier's home
    /// country, else weekends only.
    pub fn calendar(&self) -> Calendar {
        let country = self
            .destination_country()
            .and_then(|c| Country::from_code(&c))
            .or_else(|| {
                self.events
                    .iter()
                    .rev()
                    .find_map(|e| e.location.country.as_deref().and_then(Country::from_code))
            })
            .or_else(|| home_country(self.carrier));
        Calendar { country }
    }

    /// Business days without news after which this tracking counts as
    /// stalled, given its current event (see [`stall_threshold`]).
    pub fn stall_threshold(&self) -> u32 {
        let gap = stall_threshold(self.carrier);
        match self.current_event().map(|e| e.status) {
            Some(Status::InfoReceived) => INFO_RECEIVED_STALL_DAYS.max(gap),
            Some(Status::AvailableForPickup) if self.pickup_deadline.is_none() => {
                gap + PICKUP_HOLD_DAYS
            }
            _ => gap,
        }
    }

    /// No event came for longer than the carrier's usual gap, as of `now`
    /// (business days of [`Tracking::calendar`] after the latest event's
    /// day). Never for a terminal tracking or one without timed events. At a
    /// pickup point with a collection deadline, the gap counts from the
    /// deadline.
    pub fn is_stalled(&self, now: DateTime<Utc>) -> bool {
        if self.is_terminal() {
            return false;
        }
        let Some(latest) = self.latest_time() else {
            return false;
        };
        let mut since = latest.local.date();
        if self.current_event().map(|e| e.status) == Some(Status::AvailableForPickup) {
            if let Some(deadline) = self.pickup_deadline {
                since = since.max(deadline.local.date());
            }
        }
        let elapsed = self
            .calendar()
            .business_days_between(since, now.date_naive());
        elapsed > i64::from(self.stall_threshold())
    }

    /// Sets status `expired / no_updates` when the tracking is stalled as of
    /// `now` ([`Tracking::is_stalled`]), and returns whether it did. The next
    /// [`Tracking::merge`] or [`Tracking::refresh`] derives the status from
    /// the events again, so a new event revives it.
    pub fn expire_if_stalled(&mut self, now: DateTime<Utc>) -> bool {
        let stalled = self.is_stalled(now);
        if stalled {
            self.status = Status::Expired;
            self.substatus = Substatus::NoUpdates;
        }
        stalled
    }

    /// How long the parcel waited (or has been waiting, as of `now`) at a
    /// pickup point: from [`Tracking::pickup_since`] to the next event that
    /// is not `available_for_pickup` (collected, returned, …), else to `now`.
    pub fn time_at_pickup(&self, now: DateTime<Utc>) -> Option<Duration> {
        let since = self.pickup_since?;
        let end = self
            .events
            .iter()
            .filter(|e| e.is_known())
            .filter_map(|e| e.time.map(|t| (t, e.status)))
            .find(|(t, s)| t.sort_key() > since.sort_key() && *s != Status::AvailableForPickup)
            .map(|(t, _)| t.sort_key())
            .unwrap_or(now.naive_utc());
        Some(end - since.sort_key())
    }

    /// Calendar days late (negative: early) against `promised`, or, without
    /// one, against the last day of the original estimate (`eta.original`).
    ///
    /// A delivered parcel counts its delivery day; one at a pickup point the
    /// day it became available; one still under way the later of `today` and
    /// its current estimate's last day. `None` without a reference date, and
    /// for a parcel that will not be delivered (returned, lost, cancelled).
    pub fn days_late(&self, promised: Option<NaiveDate>, today: NaiveDate) -> Option<i64> {
        let reference = promised.or(self.eta.original.map(|w| w.last_date()))?;
        let actual = if self.status == Status::Delivered {
            self.delivered_at?.local.date()
        } else if self.status == Status::AvailableForPickup {
            self.pickup_since.map(|t| t.local.date()).unwrap_or(today)
        } else if self.is_terminal() || self.direction == Direction::Return {
            return None;
        } else {
            match self.eta.current {
                Some(w) => w.last_date().max(today),
                None => today,
            }
        };
        Some(crate::eta::days_late(reference, actual))
    }

    /// Sets the model's prediction as the current estimate when neither the
    /// carrier nor a hint gives one, and returns whether it did. Call it again
    /// after each [`Tracking::merge`]: a merge derives the estimate from the
    /// events again.
    pub fn apply_model(&mut self, model: &TransitModel) -> bool {
        if self.eta.current.is_some() {
            return false;
        }
        match model.predict(self) {
            Some(w) => {
                self.eta.observe(Some(w));
                true
            }
            None => false,
        }
    }
}
