//! [`Order`]: the trackings of one shop order (split shipments, back orders,
//! several tracking codes) and the one status a customer sees for it.

use crate::carrier::Carrier;
use crate::eta::EtaWindow;
use crate::status::{Action, Status, Substatus};
use crate::tracking::{Direction, Tracking};
use chrono::{DateTime, Utc};
use core::fmt;
use serde::{Deserialize, Serialize};

/// Where a whole order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStatus {
    /// No parcel is with a carrier yet (labels at most).
    NotShipped,
    /// Some parcels are with a carrier; others are not shipped yet (labels
    /// only, or fewer trackings than [`Order::expected_parcels`]).
    PartiallyShipped,
    /// Every parcel is shipped and none is delivered yet.
    InTransit,
    /// Some parcels are delivered, others are not (yet).
    PartiallyDelivered,
    /// Every parcel is delivered.
    Delivered,
    /// Some parcel needs someone to act, or is in trouble: an exception
    /// (customs, damage, lost, …), a reason whose
    /// [`action_required`](crate::Reason::action_required) is not nobody, or a
    /// stalled (`expired`) tracking.
    AttentionNeeded,
    /// Every shipped parcel went, or is going, back to the shop, and none was
    /// delivered.
    Returned,
}

impl OrderStatus {
    /// The snake_case name, as in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            OrderStatus::NotShipped => "not_shipped",
            OrderStatus::PartiallyShipped => "partially_shipped",
            OrderStatus::InTransit => "in_transit",
            OrderStatus::PartiallyDelivered => "partially_delivered",
            OrderStatus::Delivered => "delivered",
            OrderStatus::AttentionNeeded => "attention_needed",
            OrderStatus::Returned => "returned",
        }
    }
}

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One parcel of an order, as the order sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParcelStatus {
    /// The carrier.
    pub carrier: Carrier,
    /// The tracking number.
    pub tracking_number: String,
    /// The parcel's status.
    pub status: Status,
    /// The parcel's substatus.
    pub substatus: Substatus,
    /// Forward or return.
    pub direction: Direction,
    /// Whether this is a return label's parcel.
    pub return_label: bool,
    /// Whether this parcel makes the order need attention.
    pub attention_needed: bool,
    /// Who must act, when someone must.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<ActionBy>,
    /// The parcel's current estimate.
    pub eta: Option<EtaWindow>,
}

/// Who must act for a parcel to move on (serde form of [`Action`] without
/// `nobody`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionBy {
    /// The recipient (pay duties, show ID, give an address).
    Recipient,
    /// The shop (fix the address, send documents).
    Shipper,
}

/// The trackings of one shop order.
///
/// Return-label trackings can be kept in the same order: they show in
/// [`Order::parcels`] but do not change the order's outbound status (except
/// that a return label in trouble needs attention too).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Order {
    /// The shop's order reference.
    pub reference: String,
    /// How many parcels the shop will send in all, back orders included, when
    /// it knows; fewer forward trackings than this means partially shipped.
    #[serde(default)]
    pub expected_parcels: Option<u32>,
    /// The parcels' trackings.
    pub trackings: Vec<Tracking>,
}

/// How the order sees one tracking.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Cancelled,
    NotShipped,
    Shipped,
    Delivered,
    Returned,
}

fn stage(t: &Tracking) -> Stage {
    let status = t
        .current_event()
        .map(|e| e.status)
        .unwrap_or(Status::Unknown);
    match status {
        Status::Cancelled => Stage::Cancelled,
        Status::Delivered => Stage::Delivered,
        Status::ReturnToSender => Stage::Returned,
        Status::Unknown | Status::InfoReceived if t.first_scan_at.is_none() => Stage::NotShipped,
        _ => Stage::Shipped,
    }
}

fn action(t: &Tracking) -> Option<ActionBy> {
    if t.is_terminal() {
        return None;
    }
    match t.current_event()?.reason?.action_required() {
        Action::Recipient => Some(ActionBy::Recipient),
        Action::Shipper => Some(ActionBy::Shipper),
        Action::Nobody => None,
    }
}

fn attention(t: &Tracking) -> bool {
    matches!(t.status, Status::Exception | Status::Expired) || action(t).is_some()
}

impl Order {
    /// An order with no trackings yet.
    pub fn new(reference: impl Into<String>) -> Self {
        Order {
            reference: reference.into(),
            expected_parcels: None,
            trackings: Vec::new(),
        }
    }

    /// Sets [`Order::expected_parcels`].
    pub fn with_expected_parcels(mut self, n: u32) -> Self {
        self.expected_parcels = Some(n);
        self
    }

    /// Adds a tracking, or merges it into the one with the same carrier and
    /// tracking number ([`Tracking::merge`]).
    pub fn add(&mut self, tracking: Tracking) {
        match self.trackings.iter_mut().find(|t| {
            t.carrier == tracking.carrier && t.tracking_number == tracking.tracking_number
        }) {
            Some(t) => {
                // Same carrier and number: merge cannot refuse it.
                let merged = t.merge(tracking);
                debug_assert!(merged.is_ok());
            }
            None => self.trackings.push(tracking),
        }
    }

    /// Marks every stalled tracking `expired / no_updates` as of `now`
    /// ([`Tracking::expire_if_stalled`]); returns how many.
    pub fn expire_stalled(&mut self, now: DateTime<Utc>) -> usize {
        self.trackings
            .iter_mut()
            .map(|t| t.expire_if_stalled(now))
            .filter(|s| *s)
            .count()
    }

    /// The order's status. In this order of precedence: `attention_needed`
    /// when any parcel needs it; `not_shipped` when no forward parcel is with
    /// a carrier; `returned` when every shipped one went back and none was
    /// delivered; `delivered` when every expected parcel is delivered;
    /// `partially_delivered` when some are; `partially_shipped` when some are
    /// not shipped yet; else `in_transit`. Cancelled trackings (voided labels)
    /// do not count.
    pub fn status(&self) -> OrderStatus {
        let live: Vec<&Tracking> = self
            .trackings
            .iter()
            .filter(|t| stage(t) != Stage::Cancelled)
            .collect();
        if live.iter().any(|t| attention(t)) {
            return OrderStatus::AttentionNeeded;
        }
        let forward: Vec<Stage> = live
            .iter()
            .filter(|t| !t.return_label)
            .map(|t| stage(t))
            .collect();
        let count = |s: Stage| forward.iter().filter(|x| **x == s).count();
        let (not_shipped, delivered, returned) = (
            count(Stage::NotShipped),
            count(Stage::Delivered),
            count(Stage::Returned),
        );
        let missing = self
            .expected_parcels
            .map(|n| (n as usize).saturating_sub(forward.len()))
            .unwrap_or(0);
        let shipped = forward.len() - not_shipped;
        if shipped == 0 {
            return OrderStatus::NotShipped;
        }
        if returned == shipped {
            return OrderStatus::Returned;
        }
        if delivered == shipped && not_shipped + missing == 0 {
            return OrderStatus::Delivered;
        }
        if delivered > 0 {
            return OrderStatus::PartiallyDelivered;
        }
        if not_shipped + missing > 0 {
            return OrderStatus::PartiallyShipped;
        }
        OrderStatus::InTransit
    }

    /// The estimate of the parcel expected last, over forward parcels still
    /// under way (`None` when none has an estimate).
    pub fn latest_eta(&self) -> Option<EtaWindow> {
        self.trackings
            .iter()
            .filter(|t| !t.return_label && !t.is_terminal() && t.direction == Direction::Forward)
            .filter_map(|t| t.eta.current)
            .max_by_key(|w| w.latest)
    }

    /// Each parcel's status, in the order the trackings were added.
    pub fn parcels(&self) -> Vec<ParcelStatus> {
        self.trackings
            .iter()
            .map(|t| ParcelStatus {
                carrier: t.carrier,
                tracking_number: t.tracking_number.clone(),
                status: t.status,
                substatus: t.substatus,
                direction: t.direction,
                return_label: t.return_label,
                attention_needed: stage(t) != Stage::Cancelled && attention(t),
                action: action(t),
                eta: t.eta.current,
            })
            .collect()
    }
}
