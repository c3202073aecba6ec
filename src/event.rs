//! [`Event`]: one carrier scan, raw and normalized side by side.

use crate::carrier::{Carrier, Mapping};
use crate::overrides::{Hit, OverrideSource};
use crate::status::{EtaHint, Reason, Status, Substatus};
use crate::tracking::Direction;
use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

/// When an event happened: the carrier's local wall time, and its UTC offset
/// when the carrier gave one. `wismo` never invents an offset: a carrier that
/// sends local time without zone gives `offset: None`.
///
/// Serialized as one RFC 3339 string, without offset when unknown:
/// `"2022-01-26T16:30:00-05:00"` or `"2016-03-17T11:44:00"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventTime {
    /// Wall-clock time at the place of the event (or as the carrier states it).
    pub local: NaiveDateTime,
    /// Offset from UTC, when known.
    pub offset: Option<FixedOffset>,
}

impl EventTime {
    /// A local time with a known offset.
    pub fn new(local: NaiveDateTime, offset: Option<FixedOffset>) -> Self {
        EventTime { local, offset }
    }

    /// A UTC instant.
    pub fn from_utc(utc: DateTime<Utc>) -> Self {
        EventTime {
            local: utc.naive_utc(),
            offset: FixedOffset::east_opt(0),
        }
    }

    /// The instant in UTC, when the offset is known.
    pub fn to_utc(&self) -> Option<DateTime<Utc>> {
        let off = self.offset?;
        Some((self.local - off).and_utc())
    }

    /// A total order key: UTC when the offset is known, else the local time
    /// read as if it were UTC (events of one carrier share a zone convention).
    pub fn sort_key(&self) -> NaiveDateTime {
        match self.offset {
            Some(off) => self.local - off,
            None => self.local,
        }
    }
}

impl PartialOrd for EventTime {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A total order: by instant ([`EventTime::sort_key`]), then by wall time,
/// then by offset. A [`Tracking`](crate::Tracking) orders its events by
/// instant alone and keeps the carrier's order among events of the same
/// instant (which may differ in offset), so compare `sort_key()` when
/// checking a timeline's order.
impl Ord for EventTime {
    fn cmp(&self, other: &Self) -> Ordering {
        self.sort_key()
            .cmp(&other.sort_key())
            .then_with(|| self.local.cmp(&other.local))
            .then_with(|| {
                self.offset
                    .map(|o| o.local_minus_utc())
                    .cmp(&other.offset.map(|o| o.local_minus_utc()))
            })
    }
}

impl fmt::Display for EventTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.local.format("%Y-%m-%dT%H:%M:%S%.f"))?;
        if let Some(off) = self.offset {
            write!(f, "{off}")?;
        }
        Ok(())
    }
}

impl std::str::FromStr for EventTime {
    type Err = crate::status::UnknownWord;
    /// RFC 3339 with offset, or the same without offset (local time).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match DateTime::parse_from_rfc3339(s) {
            Ok(dt) => Ok(EventTime::new(dt.naive_local(), Some(*dt.offset()))),
            Err(_) => NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f")
                .map(|local| EventTime::new(local, None))
                .map_err(|_| crate::status::UnknownWord::new("event time", s)),
        }
    }
}

impl Serialize for EventTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EventTime {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Where an event happened, as far as the carrier says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Location {
    /// City or place name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// Country, as the carrier gives it (usually ISO 3166-1 alpha-2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Facility or free-text place name, when the carrier gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Location {
    /// True when no part is known.
    pub fn is_empty(&self) -> bool {
        self.city.is_none()
            && self.postal_code.is_none()
            && self.country.is_none()
            && self.name.is_none()
    }
}

/// One carrier event: the raw code and text exactly as the carrier sent them,
/// and their normalized meaning beside them.
///
/// Stored events load in older and newer versions of the crate: a
/// vocabulary word this version does not know (`status`, `substatus`,
/// `reason`, `eta`, `direction`) takes its fallback (`unknown`, `unmapped`,
/// none, `none`, `forward`) and is kept as text in
/// [`Event::unknown_words`]; [`Tracking::remap`](crate::Tracking::remap)
/// re-derives the meaning from the current tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "EventWire")]
pub struct Event {
    /// When it happened (absent if the carrier gave no time).
    pub time: Option<EventTime>,
    /// The carrier's raw event code (empty when the carrier sends text only).
    pub code: String,
    /// The carrier's raw reason/exception code, when the event has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<String>,
    /// The carrier's own text for the event.
    pub description: String,
    /// Normalized status.
    pub status: Status,
    /// Normalized substatus.
    pub substatus: Substatus,
    /// Why, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Reason>,
    /// What the event tells about the delivery date.
    pub eta: EtaHint,
    /// Whether the code was found in the carrier's table. Unmapped events are
    /// `unknown/unmapped` and never override a known status.
    pub mapped: bool,
    /// Whether the normalized fields come from the carrier's text (by
    /// [`classify`](crate::classify)): because its code was absent or
    /// unmapped (`mapped: false`), or because its code names only a category
    /// (a `coarse` row such as DHL's `transit`) and the text, read with
    /// certainty, says more (`mapped: true`, `mapping_key` kept). Such events
    /// count for the current status.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub classified: bool,
    /// The key of the mapping row used (e.g. `status/011`), when mapped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapping_key: Option<Cow<'static, str>>,
    /// Which table answered, when an override did: the override file and
    /// line ([`Overrides`](crate::Overrides), loaded into a
    /// [`Normalizer`](crate::Normalizer)). `None` on a mapped event means the
    /// compiled table, row `mappings/<carrier>.tsv` line
    /// `carrier.lookup(mapping_key).line()`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_source: Option<OverrideSource>,
    /// Where it happened.
    #[serde(default, skip_serializing_if = "Location::is_empty")]
    pub location: Location,
    /// Which way the parcel travels at this event: `return` from the event
    /// that sends it back on (set by [`Tracking::refresh`](crate::Tracking::refresh)).
    #[serde(default)]
    pub direction: Direction,
    /// Vocabulary words of stored JSON that this version does not know, as
    /// `field=word` (`status=in_drone`): the field took its fallback, the word
    /// is kept so nothing is lost when the event is stored again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unknown_words: Vec<String>,
}

/// [`Event`] as stored, with its vocabulary words as text.
#[derive(Deserialize)]
struct EventWire {
    time: Option<EventTime>,
    code: String,
    #[serde(default)]
    reason_code: Option<String>,
    description: String,
    status: String,
    substatus: String,
    #[serde(default)]
    reason: Option<String>,
    eta: String,
    mapped: bool,
    #[serde(default)]
    classified: bool,
    #[serde(default)]
    mapping_key: Option<Cow<'static, str>>,
    #[serde(default)]
    override_source: Option<OverrideSource>,
    #[serde(default)]
    location: Location,
    #[serde(default)]
    direction: Option<String>,
    #[serde(default)]
    unknown_words: Vec<String>,
}

impl From<EventWire> for Event {
    fn from(w: EventWire) -> Self {
        let mut unknown = w.unknown_words;
        let mut word = |field: &str, text: &str| unknown.push(format!("{field}={text}"));
        let status = w.status.parse().unwrap_or_else(|_| {
            word("status", &w.status);
            Status::Unknown
        });
        let substatus = w.substatus.parse().unwrap_or_else(|_| {
            word("substatus", &w.substatus);
            Substatus::Unmapped
        });
        let reason = w
            .reason
            .and_then(|r| r.parse().map_err(|_| word("reason", &r)).ok());
        let eta = w.eta.parse().unwrap_or_else(|_| {
            word("eta", &w.eta);
            EtaHint::None
        });
        let direction = w.direction.map_or(Direction::Forward, |d| {
            d.parse().unwrap_or_else(|_| {
                word("direction", &d);
                Direction::Forward
            })
        });
        Event {
            time: w.time,
            code: w.code,
            reason_code: w.reason_code,
            description: w.description,
            status,
            substatus,
            reason,
            eta,
            mapped: w.mapped,
            classified: w.classified,
            mapping_key: w.mapping_key,
            override_source: w.override_source,
            location: w.location,
            direction,
            unknown_words: unknown,
        }
    }
}

impl Event {
    /// An event with the meaning of `mapping` (or unmapped when `None`).
    pub fn new(
        time: Option<EventTime>,
        code: impl Into<String>,
        reason_code: Option<String>,
        description: impl Into<String>,
        mapping: Option<&'static Mapping>,
    ) -> Self {
        let mut e = Event {
            time,
            code: code.into(),
            reason_code,
            description: description.into(),
            status: Status::Unknown,
            substatus: Substatus::Unmapped,
            reason: None,
            eta: EtaHint::None,
            mapped: false,
            classified: false,
            mapping_key: None,
            override_source: None,
            location: Location::default(),
            direction: Direction::Forward,
            unknown_words: Vec::new(),
        };
        if let Some(m) = mapping {
            e.apply(m);
        }
        e
    }

    /// [`Event::new`] with a lookup's answer from either table.
    pub(crate) fn meant(
        time: Option<EventTime>,
        code: impl Into<String>,
        reason_code: Option<String>,
        description: impl Into<String>,
        hit: Option<Hit>,
    ) -> Self {
        let mut e = Event::new(time, code, reason_code, description, None);
        if let Some(h) = hit {
            e.apply_hit(&h);
        }
        e
    }

    /// An event whose code (and reason code) is looked up with
    /// [`Carrier::lookup_pair`].
    pub fn lookup(
        carrier: Carrier,
        time: Option<EventTime>,
        code: &str,
        reason_code: Option<&str>,
        description: impl Into<String>,
    ) -> Self {
        let hit = carrier.find_pair(code, reason_code);
        Event::meant(
            time,
            code,
            reason_code.filter(|r| !r.is_empty()).map(str::to_string),
            description,
            hit,
        )
    }

    /// Sets the normalized fields from a mapping row.
    pub fn apply(&mut self, m: &'static Mapping) {
        self.status = m.status();
        self.substatus = m.substatus();
        self.reason = m.reason();
        self.eta = m.eta();
        self.mapped = true;
        self.classified = false;
        self.mapping_key = Some(Cow::Borrowed(m.code()));
        self.override_source = None;
    }

    /// Makes the event unmapped again (its key is in no table any more).
    pub(crate) fn forget_meaning(&mut self) {
        self.status = Status::Unknown;
        self.substatus = Substatus::Unmapped;
        self.reason = None;
        self.eta = EtaHint::None;
        self.mapped = false;
        self.classified = false;
        self.mapping_key = None;
        self.override_source = None;
    }

    /// Sets the normalized fields from a lookup's answer of either table.
    pub(crate) fn apply_hit(&mut self, hit: &Hit) {
        match hit {
            Hit::Shipped(m) => self.apply(m),
            Hit::Override(_) => {
                self.status = hit.status();
                self.substatus = hit.substatus();
                self.reason = hit.reason();
                self.eta = hit.eta();
                self.mapped = true;
                self.classified = false;
                self.mapping_key = Some(Cow::Owned(hit.code().to_string()));
                self.override_source = hit.source();
            }
        }
    }

    /// Whether the event's meaning is known: mapped from its code, or
    /// classified from its text.
    pub fn is_known(&self) -> bool {
        self.mapped || self.classified
    }

    /// Sets the location.
    pub fn at(mut self, location: Location) -> Self {
        self.location = location;
        self
    }
}
