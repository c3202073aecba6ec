//! [`Tracking`]: one parcel's timeline and its current state.

use crate::carrier::Carrier;
use crate::event::{Event, EventTime};
use crate::status::{EtaHint, Status, Substatus};
use serde::{Deserialize, Serialize};

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

/// One parcel as the carrier reported it: events oldest first and the current
/// normalized state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tracking {
    /// The carrier.
    pub carrier: Carrier,
    /// The tracking number, as the carrier returned it.
    pub tracking_number: String,
    /// Current status: from the latest mapped event (unknown if none is mapped).
    pub status: Status,
    /// Current substatus.
    pub substatus: Substatus,
    /// The carrier's estimated delivery window, when it gave one.
    pub estimated_delivery: Option<EtaWindow>,
    /// When the parcel was delivered (time of the latest delivered event).
    pub delivered_at: Option<EventTime>,
    /// Every event of the body, mapped or not, oldest first.
    pub events: Vec<Event>,
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
            events,
        };
        t.refresh();
        t
    }

    /// Re-sorts the events and derives status, substatus and `delivered_at`
    /// again. Call it after changing `events` by hand.
    ///
    /// The return rule: once an event says the parcel goes back to the
    /// shipper, a later "delivered" event is the arrival back at the shipper
    /// (`return_to_sender / returned_to_shipper`), never a delivery.
    pub fn refresh(&mut self) {
        self.events.sort_by_key(|e| e.time.map(|t| t.sort_key()));
        let mut returning = false;
        for e in &mut self.events {
            if !e.mapped {
                continue;
            }
            if e.status == Status::ReturnToSender {
                returning = true;
            } else if returning && e.status == Status::Delivered {
                e.status = Status::ReturnToSender;
                e.substatus = Substatus::ReturnedToShipper;
                e.eta = EtaHint::Final;
            }
        }
        let latest = self.events.iter().rev().find(|e| e.mapped);
        (self.status, self.substatus) = match latest {
            Some(e) => (e.status, e.substatus),
            None => (Status::Unknown, Substatus::Unmapped),
        };
        self.delivered_at = if self.status == Status::Delivered {
            latest.and_then(|e| e.time)
        } else {
            None
        };
    }

    /// The latest mapped event, the one the current status comes from.
    pub fn current_event(&self) -> Option<&Event> {
        self.events.iter().rev().find(|e| e.mapped)
    }
}
