//! `wismo` ("where is my order?") turns what parcel carriers say about a shipment
//! into one typed answer.
//!
//! Hand [`parse`] a carrier's tracking response body, exactly as its API
//! returned it, and get back [`Tracking`]s: every event with its raw code and
//! text, normalized into a small standard vocabulary ([`Status`],
//! [`Substatus`], [`Reason`], [`EtaHint`]), ordered oldest first, with the
//! current status and the carrier's ETA. `wismo` makes no network calls.
//!
//! ```
//! use wismo::{Carrier, Status};
//!
//! let body = br#"{"trackResponse":{"shipment":[{"package":[{"trackingNumber":"1Z1442YY7229014688",
//!   "activity":[{"status":{"type":"D","description":"DELIVERED","code":"F4","statusCode":"011"},
//!                "date":"20220126","time":"163000"}]}]}]}}"#;
//! let trackings = wismo::parse(Carrier::Ups, body)?;
//! assert_eq!(trackings[0].status, Status::Delivered);
//! # Ok::<(), wismo::Error>(())
//! ```
//!
//! # A shop's day, step by step
//!
//! **1. Parse what the carrier sent**, a poll's answer or a webhook's body,
//! exactly as received. One parcel: [`parse_one`]; a body with several:
//! [`parse`]. Bad input is a typed [`Error`] that says what to do
//! ([`Error::retryable`], [`Error::kind`]); it never panics.
//!
//! ```
//! use wismo::{Carrier, Status};
//!
//! let body = std::fs::read("examples/data/postnl_pickup_point.json").unwrap();
//! let tracking = wismo::parse_one(Carrier::Postnl, &body)?;
//! assert_eq!(tracking.status, Status::AvailableForPickup);
//! // Every event keeps the carrier's raw code and text beside its meaning.
//! let last = tracking.events.last().unwrap();
//! println!("{} {:?} -> {}/{}", last.code, last.description, last.status, last.substatus);
//!
//! let err = wismo::parse_one(Carrier::Postnl, b"<html>502 Bad Gateway</html>").unwrap_err();
//! assert_eq!(err.to_string(), "postnl: body is HTML, not JSON");
//! assert!(err.retryable());
//! # Ok::<(), wismo::Error>(())
//! ```
//!
//! **2. Store it** as JSON (serde). Stored trackings load in older and newer
//! versions of the crate: a word this version does not know takes a
//! documented fallback and is kept as text ([`Event::unknown_words`]);
//! [`Tracking::remap`] re-derives meanings from the current tables.
//!
//! **3. Merge the next poll or webhook** into the stored timeline with
//! [`Tracking::merge`]: one scan is one event whichever source saw it, and a
//! tracking of another parcel is refused.
//!
//! **4. Decide what to tell the customer** with
//! [`customer::notifications`] (previous state, current state), and **5. say
//! it in their language** with [`customer::notification_message`]:
//!
//! ```
//! use wismo::customer::{notification_message, notifications, Locale, NotificationKind};
//! use wismo::{Carrier, Tracking};
//!
//! let body = std::fs::read("examples/data/postnl_pickup_point.json").unwrap();
//! let today = wismo::parse_one(Carrier::Postnl, &body)?;
//!
//! // What the shop stored after yesterday's poll: the same parcel, fewer scans.
//! let mut stored: Tracking = serde_json::from_str(&serde_json::to_string(&today).unwrap()).unwrap();
//! stored.events.truncate(2);
//! stored.refresh();
//! let yesterday = stored.clone();
//!
//! stored.merge(today).expect("the same parcel");
//! let to_send = notifications(Some(&yesterday), &stored);
//! assert!(to_send.iter().any(|n| n.kind == NotificationKind::AvailableForPickup));
//! for n in &to_send {
//!     let m = notification_message(n, Locale::Nl);
//!     println!("{}: {}", m.title, m.body);
//! }
//! // Nothing new, nothing to send: notifications are idempotent.
//! assert!(notifications(Some(&stored), &stored).is_empty());
//! # Ok::<(), wismo::Error>(())
//! ```
//!
//! **6. Show the tracking page** ([`render::tracking_html`], behind the
//! default `render` feature): an accessible HTML fragment with the progress,
//! the message, the ETA in local words and the timeline, escaped throughout.
//!
//! **7. Adapt it without a fork**: a [`Normalizer`] holds one deployment's
//! choices ([`Overrides`] in the format of `mappings/*.tsv`, [`Limits`],
//! text languages), and [`UnmappedReport`] collects the codes no table knew,
//! as row skeletons to review and load as overrides.
//!
//! ```
//! use wismo::{Carrier, Normalizer, Overrides, UnmappedReport};
//!
//! let body = std::fs::read("tests/fixtures/cdek/webhook_legacy_status_code.json").unwrap();
//! let mut report = UnmappedReport::new();
//! for t in wismo::parse(Carrier::Cdek, &body)? {
//!     report.add(&t);
//! }
//! assert_eq!(report.rows().len(), 1); // CDEK's legacy numeric status "4"
//!
//! let reviewed = concat!(
//!     "# carrier: cdek\n",
//!     "# name: CDEK\n",
//!     "# source: our review of CDEK's API 1.5 status numbers\n",
//!     "# key: CDEK API 1.5 numeric status code\n",
//!     "code\tstatus\tsubstatus\treason\teta\tdescription\n",
//!     "4\tdelivered\tdelivered\t-\tfinal\tdelivered (API 1.5 number)\n",
//! );
//! let normalizer = Normalizer::new().with_overrides(Overrides::from_text("cdek-legacy.tsv", reviewed).unwrap());
//! let t = normalizer.parse_one(Carrier::Cdek, &body)?;
//! assert_eq!(t.status, wismo::Status::Delivered);
//! assert_eq!(t.events[0].override_source.as_ref().unwrap().line, 6);
//! # Ok::<(), wismo::Error>(())
//! ```
//!
//! # Where things are
//!
//! The root holds the everyday types. Grouped in modules: [`customer`]
//! (notifications and messages in ten languages), [`render`] (page and
//! e-mail), [`eta`] (estimates and the transit-time model), [`calendar`]
//! (business days of 16 countries), [`order`] (split shipments),
//! [`tracking`] (stall thresholds), [`text`] (the text classifier),
//! [`status`] (the vocabulary), [`unmapped`] (the unmapped-code report) and
//! [`time`] (the `chrono` types the API uses).
//!
//! # The tables
//!
//! Raw codes are looked up in perfect-hash tables compiled at build time from
//! the sourced files in `mappings/` ([`Carrier::lookup`], no allocation). An
//! unknown code stays `unknown` with its raw code and text kept.
//!
//! The mapping data may change in minor releases as carriers publish new codes
//! or classifications are corrected.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod calendar;
mod carrier;
mod carriers;
mod detect;
mod error;
pub mod eta;
mod event;
mod limits;
mod message;
mod normalizer;
mod notify;
pub mod order;
mod overrides;
#[cfg(feature = "render")]
pub mod render;
pub mod status;
mod table;
pub mod text;
pub mod tracking;
pub mod unmapped;

/// The `chrono` types `wismo`'s API takes and returns, re-exported so a user
/// needs no `chrono` dependency of a matching version.
pub mod time {
    pub use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
}

/// What to tell the customer: which notifications to send now
/// ([`notifications`](customer::notifications)) and the words for them and
/// for the current state ([`message`](customer::message),
/// [`notification_message`](customer::notification_message)) in ten
/// languages.
pub mod customer {
    pub use crate::message::{
        message, message_with, notification_message, notification_message_with, CustomerMessage,
        Locale, MessageOptions, MessageOverrides, OverrideError, Register,
    };
    pub use crate::notify::{
        notifications, notifications_with, CustomerStep, DelayCause, Notification,
        NotificationData, NotificationKind, NotifyOptions, Urgency,
    };
}

pub use carrier::{Carrier, Mapping};
pub use detect::{detect, Candidate, CheckDigit};
pub use error::{CarrierErrorKind, Category, Error};
pub use eta::{EtaSource, EtaWindow};
pub use event::{Event, EventTime, Location};
pub use limits::Limits;
pub use normalizer::Normalizer;
pub use overrides::{MappingError, MappingProblem, Meaning, OverrideSource, Overrides};
pub use status::{Action, EtaHint, Owner, Reason, Status, Substatus, UnknownWord};
pub use text::{classify, Lang};
pub use tracking::{Direction, MergeError, Tracking};
pub use unmapped::UnmappedReport;

/// Parses one tracking response body of `carrier`'s API into its trackings
/// (one response can hold several shipments or pieces).
///
/// The body is taken exactly as the carrier returned it. Malformed or
/// wrong-shaped input gives a typed [`Error`] naming the carrier; it never
/// panics.
pub fn parse(carrier: Carrier, body: &[u8]) -> Result<Vec<Tracking>, Error> {
    parse_with(carrier, body, &Limits::default())
}

/// [`parse`] for the common case of one parcel: the body's only tracking.
///
/// A body with no tracking, or with several, is
/// [`Error::NotOneTracking`] (which says how many), never a silent pick.
///
/// ```
/// let body = std::fs::read("examples/data/usps_delivered.json").unwrap();
/// let tracking = wismo::parse_one(wismo::Carrier::Usps, &body)?;
/// assert_eq!(tracking.status, wismo::Status::Delivered);
/// # Ok::<(), wismo::Error>(())
/// ```
pub fn parse_one(carrier: Carrier, body: &[u8]) -> Result<Tracking, Error> {
    one(carrier, parse(carrier, body)?)
}

/// The only tracking of `trackings`, or [`Error::NotOneTracking`].
pub(crate) fn one(carrier: Carrier, mut trackings: Vec<Tracking>) -> Result<Tracking, Error> {
    match trackings.len() {
        1 => Ok(trackings.remove(0)),
        found => Err(Error::NotOneTracking { carrier, found }),
    }
}

/// [`parse`] with explicit resource [`Limits`] (body size, nesting depth,
/// events per tracking); exceeding one gives [`Error::TooLarge`].
pub fn parse_with(carrier: Carrier, body: &[u8], limits: &Limits) -> Result<Vec<Tracking>, Error> {
    limits.check_body(carrier, body)?;
    let trackings = carriers::xml::with_depth_limit(limits.max_depth, || {
        carriers::parse(carrier, body, carriers::text_language(carrier)).map_err(Error::sanitized)
    })?;
    limits.check_trackings(carrier, &trackings)?;
    Ok(trackings)
}

/// Serde for the vocabulary types: the same snake_case strings as in mapping
/// files and `Display`. A type with a fallback loads a word this version
/// does not know as that fallback, so stored JSON written by a newer `wismo`
/// still loads (`status` → `unknown`, `substatus` → `unmapped`, `eta` →
/// `none`); an [`Event`] keeps such words as text in
/// [`Event::unknown_words`]. `Reason` has no fallback value (events hold an
/// `Option<Reason>`, see `Event`'s own deserializer).
macro_rules! serde_as_str {
    ($($t:ty $(=> $fallback:expr)?),+ $(,)?) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                serde_as_str!(@read s $($fallback)?)
            }
        }
    )+};
    (@read $s:ident) => { $s.parse().map_err(serde::de::Error::custom) };
    (@read $s:ident $fallback:expr) => { Ok($s.parse().unwrap_or($fallback)) };
}
serde_as_str!(
    Reason,
    Status => Status::Unknown,
    Substatus => Substatus::Unmapped,
    EtaHint => EtaHint::None,
);

/// Carriers are stored by id; a stored id is read back strictly (no names,
/// no aliases), so a tracking never changes carrier by a lenient reading.
impl serde::Serialize for Carrier {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Carrier {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Carrier::from_id(&s)
            .ok_or_else(|| serde::de::Error::custom(status::UnknownWord::new("carrier id", &s)))
    }
}
