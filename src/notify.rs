//! Proactive notifications: which messages a shop should send now.
//!
//! [`notifications`] compares the tracking the shop saw last time with the
//! one it has now and returns the moments worth telling the customer about:
//! the parcel shipped, is out for delivery, a delivery attempt failed, it
//! waits at a pickup point, it is late, the customer must act, it goes back
//! to the shop, it was delivered, or it has not moved for too long.
//!
//! The rules:
//!
//! - **Never twice for the same milestone.** A milestone already reached in
//!   `previous` is not notified again. Milestones that repeat are told apart:
//!   a second failed attempt, a new day out for delivery, a new stay at a
//!   pickup point, an estimate that slipped again.
//! - **Only the current state speaks.** When several milestones passed since
//!   the last look, only the one the parcel is at now is notified (a parcel
//!   delivered since the last poll gets "delivered", not also "shipped" and
//!   "out for delivery").
//! - **Never for an unmapped event**: everything is read from mapped events.
//! - **Never "delivered" for a returned parcel**: a forward parcel that went
//!   back to the shop gets "returning to sender" and nothing after it.
//! - Time-dependent notices (stalled, late against a promised date) need the
//!   caller's `now` ([`NotifyOptions::now`]); there is no hidden clock.

use crate::carrier::Carrier;
use crate::eta::EtaWindow;
use crate::event::{Event, EventTime, Location};
use crate::status::{Action, Reason, Status, Substatus};
use crate::tracking::{Direction, Tracking};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// What a notification is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// The carrier scanned the parcel for the first time.
    Shipped,
    /// The parcel is on the delivery vehicle.
    OutForDelivery,
    /// A delivery attempt failed; [`NotificationData::next_step`] says what
    /// the customer can do.
    AttemptFailed,
    /// The parcel waits at a pickup point, locker or carrier office.
    AvailableForPickup,
    /// The estimate moved later, or the parcel is late against the date the
    /// shop promised.
    Delayed,
    /// The customer (or the shop) must do something before the parcel moves
    /// on: pay duties, give an address, show ID.
    ActionRequired,
    /// The parcel goes back to the shop.
    ReturningToSender,
    /// The parcel was delivered (or collected).
    Delivered,
    /// No news from the carrier for longer than usual.
    Stalled,
}

impl NotificationKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [NotificationKind] = &[
        NotificationKind::Shipped,
        NotificationKind::OutForDelivery,
        NotificationKind::AttemptFailed,
        NotificationKind::AvailableForPickup,
        NotificationKind::Delayed,
        NotificationKind::ActionRequired,
        NotificationKind::ReturningToSender,
        NotificationKind::Delivered,
        NotificationKind::Stalled,
    ];

    /// The snake_case name, as in JSON and message catalogs.
    pub const fn as_str(self) -> &'static str {
        match self {
            NotificationKind::Shipped => "shipped",
            NotificationKind::OutForDelivery => "out_for_delivery",
            NotificationKind::AttemptFailed => "attempt_failed",
            NotificationKind::AvailableForPickup => "available_for_pickup",
            NotificationKind::Delayed => "delayed",
            NotificationKind::ActionRequired => "action_required",
            NotificationKind::ReturningToSender => "returning_to_sender",
            NotificationKind::Delivered => "delivered",
            NotificationKind::Stalled => "stalled",
        }
    }
}

/// How soon the customer should read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Good to know (shipped, out for delivery, delivered).
    Info,
    /// Worth reading today (pickup waiting, failed attempt, delay, stall).
    Important,
    /// Act now, or the parcel goes back (action required, pickup deadline
    /// close, returning to sender).
    Urgent,
}

/// What the customer (or the shop) can or must do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CustomerStep {
    /// Nothing: the carrier tries again (usually the next business day).
    WaitForRetry,
    /// Follow the carrier's notice card: rearrange delivery or collect.
    FollowNotice,
    /// Choose a new day or place with the carrier.
    Reschedule,
    /// Collect the parcel where it waits.
    Collect,
    /// Confirm or correct the delivery address.
    ConfirmAddress,
    /// Make sure the driver can reach the door (gate, code, building).
    GiveAccess,
    /// Pay import duties or taxes.
    PayDuties,
    /// Pay other charges (cash on delivery, postage due).
    PayCharges,
    /// Show identification or proof of age.
    ShowId,
    /// The shop must send documents (invoice, customs papers).
    ShopSendsDocuments,
    /// Contact the carrier.
    ContactCarrier,
}

impl CustomerStep {
    /// Every step, in declaration order.
    pub const ALL: &'static [CustomerStep] = &[
        CustomerStep::WaitForRetry,
        CustomerStep::FollowNotice,
        CustomerStep::Reschedule,
        CustomerStep::Collect,
        CustomerStep::ConfirmAddress,
        CustomerStep::GiveAccess,
        CustomerStep::PayDuties,
        CustomerStep::PayCharges,
        CustomerStep::ShowId,
        CustomerStep::ShopSendsDocuments,
        CustomerStep::ContactCarrier,
    ];

    /// The snake_case name, as in JSON and message catalogs.
    pub const fn as_str(self) -> &'static str {
        match self {
            CustomerStep::WaitForRetry => "wait_for_retry",
            CustomerStep::FollowNotice => "follow_notice",
            CustomerStep::Reschedule => "reschedule",
            CustomerStep::Collect => "collect",
            CustomerStep::ConfirmAddress => "confirm_address",
            CustomerStep::GiveAccess => "give_access",
            CustomerStep::PayDuties => "pay_duties",
            CustomerStep::PayCharges => "pay_charges",
            CustomerStep::ShowId => "show_id",
            CustomerStep::ShopSendsDocuments => "shop_sends_documents",
            CustomerStep::ContactCarrier => "contact_carrier",
        }
    }
}

/// Why a [`NotificationKind::Delayed`] notice was raised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DelayCause {
    /// The estimate moved later.
    EtaMoved,
    /// The parcel is (or will be) later than the date the shop promised.
    PastPromisedDate,
}

/// What a message template needs about one notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationData {
    /// The carrier.
    pub carrier: Carrier,
    /// The tracking number.
    pub tracking_number: String,
    /// Current status.
    pub status: Status,
    /// Current substatus (where it was delivered, what kind of pickup point).
    pub substatus: Substatus,
    /// Why, when the carrier says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// When the triggering event happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<EventTime>,
    /// Where: the pickup point, the delivery place, the event's location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Location>,
    /// The carrier's own text for the triggering event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier_text: Option<String>,
    /// The current delivery estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eta: Option<EtaWindow>,
    /// The estimate before it moved (delayed notices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_eta: Option<EtaWindow>,
    /// The date the shop promised, when given.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "opt_date")]
    pub promised: Option<NaiveDate>,
    /// Why a delay notice was raised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delay: Option<DelayCause>,
    /// Collect before this time (pickup notices), when the carrier says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pickup_deadline: Option<EventTime>,
    /// Failed delivery attempts so far.
    pub attempts: u32,
    /// What the customer can or must do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_step: Option<CustomerStep>,
    /// Business days without news (stalled notices).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub silent_days: Option<i64>,
}

/// One message a shop should send now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    /// What it is about.
    pub kind: NotificationKind,
    /// How soon the customer should read it.
    pub urgency: Urgency,
    /// Identifies the milestone (`attempt_failed:2`, `delayed:2026-05-14`);
    /// the same milestone is never notified twice.
    pub milestone: String,
    /// What a template needs.
    pub data: NotificationData,
}

/// Options for [`notifications_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NotifyOptions {
    /// The current time, for the time-dependent notices (stalled, late
    /// against `promised`). Without it those are never raised.
    #[serde(default, with = "opt_datetime")]
    pub now: Option<DateTime<Utc>>,
    /// When `previous` was evaluated (the `now` of the previous call). A
    /// time-dependent notice that already held for `previous` then is not
    /// raised again. Without it, `previous` is judged at `now`, so a stall or
    /// lateness is only raised together with news, or on the first look.
    #[serde(default, with = "opt_datetime")]
    pub previous_at: Option<DateTime<Utc>>,
    /// The delivery date the shop promised the customer.
    #[serde(default, with = "opt_date")]
    pub promised: Option<NaiveDate>,
    /// Days an estimate must move later to count as a delay (0 counts as 1).
    #[serde(default)]
    pub min_delay_days: u32,
}

/// The notifications a shop should send now, given the tracking it saw last
/// time (`None` on the first look) and the current one. See the module docs
/// for the rules; [`notifications_with`] adds a promised date and `now`.
pub fn notifications(previous: Option<&Tracking>, current: &Tracking) -> Vec<Notification> {
    notifications_with(previous, current, &NotifyOptions::default())
}

/// [`notifications`] with options: the current time (for stalled and late
/// notices), when `previous` was evaluated, and the promised delivery date.
pub fn notifications_with(
    previous: Option<&Tracking>,
    current: &Tracking,
    options: &NotifyOptions,
) -> Vec<Notification> {
    let mut out = Vec::new();
    let event = current.current_event();
    let returned = is_returning(current);
    let base = |kind: NotificationKind, urgency: Urgency, milestone: String| Notification {
        kind,
        urgency,
        milestone,
        data: data_of(current, event),
    };

    if returned {
        if !previous.is_some_and(is_returning) {
            let mut n = base(
                NotificationKind::ReturningToSender,
                Urgency::Urgent,
                "returning_to_sender".into(),
            );
            n.data.next_step = Some(CustomerStep::ContactCarrier);
            out.push(n);
        }
        return out;
    }

    match current.status {
        Status::Delivered if previous.is_none_or(|p| p.status != Status::Delivered) => {
            let mut n = base(
                NotificationKind::Delivered,
                Urgency::Info,
                "delivered".into(),
            );
            n.data.time = current.delivered_at.or(n.data.time);
            out.push(n);
        }
        Status::OutForDelivery => {
            let day = event.and_then(|e| e.time).map(|t| t.local.date());
            let seen = previous.is_some_and(|p| out_for_delivery_on(p, day));
            if !seen {
                let milestone = match day {
                    Some(d) => format!("out_for_delivery:{d}"),
                    None => "out_for_delivery".into(),
                };
                out.push(base(
                    NotificationKind::OutForDelivery,
                    Urgency::Info,
                    milestone,
                ));
            }
        }
        Status::AttemptFailed => {
            let before = previous.map_or(0, |p| p.failed_attempts);
            if current.failed_attempts > before {
                let mut n = base(
                    NotificationKind::AttemptFailed,
                    Urgency::Important,
                    format!("attempt_failed:{}", current.failed_attempts),
                );
                n.data.next_step = Some(attempt_step(event));
                if matches!(
                    n.data.next_step,
                    Some(CustomerStep::ConfirmAddress | CustomerStep::GiveAccess)
                ) {
                    n.urgency = Urgency::Urgent;
                }
                out.push(n);
            }
        }
        Status::AvailableForPickup => {
            let seen = previous.is_some_and(|p| {
                p.status == Status::AvailableForPickup && p.pickup_since == current.pickup_since
            });
            if !seen {
                let milestone = match current.pickup_since {
                    Some(t) => format!("available_for_pickup:{t}"),
                    None => "available_for_pickup".into(),
                };
                let mut n = base(
                    NotificationKind::AvailableForPickup,
                    Urgency::Important,
                    milestone,
                );
                n.data.next_step = Some(CustomerStep::Collect);
                n.data.pickup_deadline = current.pickup_deadline;
                n.data.time = current.pickup_since.or(n.data.time);
                if let (Some(deadline), Some(now)) = (current.pickup_deadline, options.now) {
                    let left = deadline.local.date() - now.date_naive();
                    if left.num_days() <= 2 {
                        n.urgency = Urgency::Urgent;
                    }
                }
                out.push(n);
            }
        }
        _ => {}
    }

    if let Some(step) = required_action(current) {
        let seen = previous.is_some_and(|p| required_action(p) == Some(step));
        if !seen {
            let mut n = base(
                NotificationKind::ActionRequired,
                Urgency::Urgent,
                format!("action_required:{}", step.as_str()),
            );
            n.data.next_step = Some(step);
            out.push(n);
        }
    }

    if current.first_scan_at.is_some()
        && previous.is_none_or(|p| p.first_scan_at.is_none())
        && out.is_empty()
        && matches!(current.status, Status::InTransit | Status::Exception)
    {
        out.push(base(
            NotificationKind::Shipped,
            Urgency::Info,
            "shipped".into(),
        ));
    }

    if let Some(n) = delay_notice(previous, current, options) {
        out.push(n);
    }

    if let Some(now) = options.now {
        let stalled_now = current.is_stalled(now);
        let stalled_before = previous.is_some_and(|p| {
            p.status == Status::Expired
                || (p.latest_time() == current.latest_time()
                    && p.is_stalled(options.previous_at.unwrap_or(now)))
        });
        if stalled_now && !stalled_before {
            let latest = current.latest_time();
            let milestone = match latest {
                Some(t) => format!("stalled:{t}"),
                None => "stalled".into(),
            };
            let mut n = base(NotificationKind::Stalled, Urgency::Important, milestone);
            n.data.silent_days = latest.map(|t| {
                current
                    .calendar()
                    .business_days_between(t.local.date(), now.date_naive())
            });
            out.push(n);
        }
    }
    out
}

/// A forward parcel on its way back (or back) to the shop. A return label's
/// parcel travels to the shop by design and is not "returning".
fn is_returning(t: &Tracking) -> bool {
    !t.return_label && (t.direction == Direction::Return || t.status == Status::ReturnToSender)
}

fn out_for_delivery_on(t: &Tracking, day: Option<NaiveDate>) -> bool {
    t.events.iter().any(|e| {
        e.mapped && e.status == Status::OutForDelivery && e.time.map(|x| x.local.date()) == day
    })
}

fn data_of(t: &Tracking, event: Option<&Event>) -> NotificationData {
    NotificationData {
        carrier: t.carrier,
        tracking_number: t.tracking_number.clone(),
        status: t.status,
        substatus: t.substatus,
        reason: event.and_then(|e| e.reason),
        time: event.and_then(|e| e.time),
        place: event.map(|e| e.location.clone()).filter(|l| !l.is_empty()),
        carrier_text: event
            .map(|e| e.description.trim().to_string())
            .filter(|d| !d.is_empty()),
        eta: t.eta.current,
        previous_eta: None,
        promised: None,
        delay: None,
        pickup_deadline: None,
        attempts: t.failed_attempts,
        next_step: None,
        silent_days: None,
    }
}

/// What the customer can do after a failed attempt.
fn attempt_step(event: Option<&Event>) -> CustomerStep {
    let Some(e) = event else {
        return CustomerStep::ContactCarrier;
    };
    match (e.substatus, e.reason) {
        (Substatus::AddressNotFound, _) => CustomerStep::ConfirmAddress,
        (_, Some(Reason::AddressIncorrect | Reason::AddressIncomplete)) => {
            CustomerStep::ConfirmAddress
        }
        (Substatus::NoAccess, _) => CustomerStep::GiveAccess,
        (_, Some(Reason::IdRequired)) => CustomerStep::ShowId,
        (_, Some(Reason::PaymentRequired)) => CustomerStep::PayCharges,
        (Substatus::NoticeLeft, _) => CustomerStep::FollowNotice,
        _ if e.eta == crate::status::EtaHint::NextBusinessDay => CustomerStep::WaitForRetry,
        _ => CustomerStep::Reschedule,
    }
}

/// The action the current state asks for, outside failed attempts.
fn required_action(t: &Tracking) -> Option<CustomerStep> {
    if is_returning(t) || matches!(t.status, Status::Delivered | Status::AttemptFailed) {
        return None;
    }
    let e = t.current_event()?;
    let by_substatus = match e.substatus {
        Substatus::DutiesDue => Some(CustomerStep::PayDuties),
        Substatus::PaymentDue => Some(CustomerStep::PayCharges),
        Substatus::AddressProblem => Some(CustomerStep::ConfirmAddress),
        Substatus::MissingDocuments => Some(CustomerStep::ShopSendsDocuments),
        _ => None,
    };
    by_substatus.or_else(|| {
        let r = e.reason?;
        match (r, r.action_required()) {
            (_, Action::Nobody) => None,
            (Reason::DutiesUnpaid, _) => Some(CustomerStep::PayDuties),
            (Reason::PaymentRequired, _) => Some(CustomerStep::PayCharges),
            (Reason::IdRequired, _) => Some(CustomerStep::ShowId),
            (Reason::AddressIncorrect | Reason::AddressIncomplete, _) => {
                Some(CustomerStep::ConfirmAddress)
            }
            (_, Action::Shipper) => Some(CustomerStep::ShopSendsDocuments),
            (_, Action::Recipient) => Some(CustomerStep::ContactCarrier),
        }
    })
}

/// Late against the promise as of `at`: the estimate starts after the
/// promised day, or, without an estimate, the day passed undelivered.
fn late_against(t: &Tracking, promised: NaiveDate, at: Option<DateTime<Utc>>) -> bool {
    if matches!(t.status, Status::Delivered | Status::AvailableForPickup) || t.is_terminal() {
        return false;
    }
    match t.eta.current {
        Some(w) => w.first_date() > promised,
        None => at.is_some_and(|now| now.date_naive() > promised),
    }
}

fn delay_notice(
    previous: Option<&Tracking>,
    current: &Tracking,
    options: &NotifyOptions,
) -> Option<Notification> {
    // Out for delivery says "today", a failed attempt and a pickup stay say
    // what happens next: a moved date adds nothing to those.
    if current.is_terminal()
        || matches!(
            current.status,
            Status::Delivered
                | Status::AvailableForPickup
                | Status::OutForDelivery
                | Status::AttemptFailed
        )
    {
        return None;
    }
    let min = i64::from(options.min_delay_days.max(1));
    let now_eta = current.eta.current;
    let before_eta = match previous {
        Some(p) => p.eta.current.or(p.eta.original),
        None => current.eta.original,
    };
    let moved = match (before_eta, now_eta) {
        (Some(b), Some(n)) => (n.last_date() - b.last_date()).num_days() >= min,
        _ => false,
    };
    let late = options.promised.is_some_and(|promised| {
        let was_late = previous
            .is_some_and(|p| late_against(p, promised, options.previous_at.or(options.now)));
        late_against(current, promised, options.now) && !was_late
    });
    if !moved && !late {
        return None;
    }
    let milestone = match now_eta {
        Some(w) if moved => format!("delayed:{}", w.last_date()),
        _ => format!(
            "delayed:past:{}",
            options.promised.map(|d| d.to_string()).unwrap_or_default()
        ),
    };
    let event = current.current_event();
    let mut data = data_of(current, event);
    data.previous_eta = if moved { before_eta } else { None };
    data.promised = options.promised;
    data.delay = Some(if moved {
        DelayCause::EtaMoved
    } else {
        DelayCause::PastPromisedDate
    });
    Some(Notification {
        kind: NotificationKind::Delayed,
        urgency: Urgency::Important,
        milestone,
        data,
    })
}

/// Serde for `Option<NaiveDate>` as `"2026-05-14"` or null.
pub(crate) mod opt_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(&d.format("%Y-%m-%d")),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        let s = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)?;
        s.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(serde::de::Error::custom))
            .transpose()
    }
}

/// Serde for `Option<DateTime<Utc>>` as RFC 3339 or null.
pub(crate) mod opt_datetime {
    use chrono::{DateTime, Utc};
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        t: &Option<DateTime<Utc>>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.collect_str(&t.to_rfc3339()),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        let s = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)?;
        s.map(|s| {
            DateTime::parse_from_rfc3339(&s)
                .map(|t| t.with_timezone(&Utc))
                .map_err(serde::de::Error::custom)
        })
        .transpose()
    }
}
