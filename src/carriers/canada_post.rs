//! Canada Post Tracking web service (VIS Tracking REST, `application/vnd.cpc.track-v2+xml`,
//! namespace `http://www.canadapost.ca/ws/track-v2`; the older `…/ws/track` answers
//! have the same shape).
//!
//! Accepted bodies:
//! - `tracking-detail` (Get Tracking Details, one PIN or DNC): every
//!   `significant-events/occurrence` is an event, looked up by its
//!   `event-identifier` exactly as sent (zero padded, `0174`; `20` is not padded).
//! - `tracking-summary` (Get Tracking Summary, one `pin-summary` per PIN, up to 100
//!   for a reference search): the one current event of each PIN, looked up as
//!   `summary/<event-type>`; `event-date-time` is written `YYYYMMDD:HHMMSS`.
//! - several of the above inside one wrapper element (a client that queries PINs
//!   one by one and joins the answers): one tracking per PIN.
//! - `messages` (the error answer): [`Error::CarrierError`] with the first
//!   message's code and description.
//!
//! Times: `event-date` and `event-time` are the local wall time of the scan;
//! `event-time-zone` is a zone *name*, not an offset (`EST`, `ISRAEL`, or empty).
//! Only the North American abbreviations that Canadian zones use in the IANA tz
//! database (`EST`/`EDT`, `CST`/`CDT`, `MST`/`MDT`, `PST`/`PDT`, `AST`/`ADT`,
//! `NST`/`NDT`) are turned into fixed offsets; any other name leaves the offset
//! `None`. Summary times carry no zone (offset `None`).
//!
//! ETA: `changed-expected-date` when set, else `expected-delivery-date`, as a
//! whole-day window; never `actual-delivery-date`.

use super::xml::{self, Record, Xml};
use super::{bad_time, compact_date_time, day_window, location};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, EventTime, Tracking};
use chrono::FixedOffset;

const C: Carrier = Carrier::CanadaPost;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    xml::read(C, body, |x| {
        let mut details = Vec::new();
        let mut summaries = Vec::new();
        let mut messages = None;
        x.descendants(|x, el| match el.name {
            "tracking-detail" => {
                details.push(detail(x, details.len())?);
                Ok(())
            }
            "pin-summary" => {
                summaries.push(summary(&x.texts(SUMMARY)?, summaries.len())?);
                Ok(())
            }
            "messages" if messages.is_none() => {
                messages = Some(carrier_error(x)?);
                Ok(())
            }
            _ => Ok(()),
        })?;
        if details.is_empty() && summaries.is_empty() {
            return Err(messages.unwrap_or_else(|| Error::MissingField {
                carrier: C,
                field: "tracking-detail",
                path: format!("<{}>", x.root()),
            }));
        }
        details.append(&mut summaries);
        Ok(details)
    })
}

/// The first `message` of the `messages` element just opened.
fn carrier_error(x: &mut Xml) -> Result<Error, Error> {
    let mut first = None;
    x.children(|x, el| {
        if el.name == "message" && first.is_none() {
            first = Some(x.texts(&["code", "description"])?);
        }
        Ok(())
    })?;
    let code = first.as_ref().and_then(|m| m.get("code"));
    let description = first
        .as_ref()
        .and_then(|m| m.get("description"))
        .unwrap_or("unspecified error");
    Ok(xml::coded_error(C, code, description))
}

fn missing(field: &'static str, path: String) -> Error {
    Error::MissingField {
        carrier: C,
        field,
        path,
    }
}

const OCCURRENCE: &[&str; 8] = &[
    "event-date",
    "event-time",
    "event-time-zone",
    "event-identifier",
    "event-site",
    "event-province",
    "event-retail-name",
    "event-description",
];

/// The `tracking-detail` element just opened.
fn detail(x: &mut Xml, i: usize) -> Result<Tracking, Error> {
    let path = || format!("tracking-detail[{i}]");
    let mut events = xml::Events::new();
    let mut seen = false;
    let d = x.record(
        &["pin", "changed-expected-date", "expected-delivery-date"],
        |x, el| {
            if el.name == "significant-events" && !seen {
                seen = true;
                x.children(|x, el| {
                    if el.name == "occurrence" {
                        let j = events.index();
                        let at = || format!("{}.significant-events.occurrence[{j}]", path());
                        events.push(occurrence(&x.texts(OCCURRENCE)?, at));
                    }
                    Ok(())
                })?;
            }
            Ok(())
        },
    )?;
    let pin = d.get("pin").ok_or_else(|| missing("pin", path()))?;
    let events = events.finish()?;
    let eta = match d.get("changed-expected-date") {
        Some(s) => Some((s, "changed-expected-date")),
        None => d
            .get("expected-delivery-date")
            .map(|s| (s, "expected-delivery-date")),
    };
    let eta = eta
        .map(|(s, field)| date_window(s, || format!("{}.{field}", path())))
        .transpose()?;
    Ok(Tracking::new(C, pin, events, eta))
}

fn occurrence(o: &Record<8>, at: impl Fn() -> String) -> Result<Event, Error> {
    let date = o
        .get("event-date")
        .ok_or_else(|| missing("event-date", at()))?;
    let time = o
        .get("event-time")
        .ok_or_else(|| missing("event-time", at()))?;
    let local = super::local_date(date, "%Y-%m-%d")
        .zip(super::clock(time))
        .map(|(d, t)| d.and_time(t))
        .ok_or_else(|| {
            bad_time(
                C,
                || format!("{}.event-time", at()),
                &format!("{date} {time}"),
            )
        })?;
    let offset = o.get("event-time-zone").and_then(zone_offset);
    let code = o.get("event-identifier").unwrap_or("");
    let site = o.get("event-site");
    let city = match (site, o.get("event-province")) {
        (Some(s), Some(p)) => Some(format!("{s}, {p}")),
        (s, _) => s.map(str::to_string),
    };
    let loc = crate::Location {
        city,
        name: o.get("event-retail-name").map(str::to_string),
        ..crate::Location::default()
    };
    Ok(Event::meant(
        Some(EventTime::new(local, offset)),
        code,
        None,
        o.get("event-description").unwrap_or(""),
        lookup_id(code),
    )
    .at(loc))
}

/// An event identifier exactly as sent; when it is missing from the table, a
/// three-digit id zero-padded to four digits (`100` as `0100`, the form
/// Canada Post sends), or a padded id without its leading zeros (`0020` as
/// `20`). No allocation.
fn lookup_id(id: &str) -> Option<crate::overrides::Hit> {
    if id.is_empty() {
        return None;
    }
    C.find(id).or_else(|| {
        if !id.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let bare = id.trim_start_matches('0');
        match bare.len() {
            0 => None,
            3 if id.len() < 4 => C.find_parts(&["0", bare]),
            _ if bare.len() < id.len() => C.find(bare),
            _ => None,
        }
    })
}

const SUMMARY: &[&str; 6] = &[
    "pin",
    "event-type",
    "event-date-time",
    "event-description",
    "event-location",
    "expected-delivery-date",
];

fn summary(s: &Record<6>, i: usize) -> Result<Tracking, Error> {
    let path = || format!("tracking-summary.pin-summary[{i}]");
    let pin = s.get("pin").ok_or_else(|| missing("pin", path()))?;
    let mut events = Vec::new();
    let kind = s.get("event-type");
    match s.get("event-date-time") {
        Some(when) => {
            let local = when
                .split_once(':')
                .and_then(|(d, t)| compact_date_time(d, t))
                .ok_or_else(|| bad_time(C, || format!("{}.event-date-time", path()), when))?;
            let code = kind.unwrap_or("");
            let mapping = kind.and_then(|k| C.find_parts(&["summary/", k]));
            let description = s.get("event-description").unwrap_or("");
            let event = Event::meant(
                Some(EventTime::new(local, None)),
                code,
                None,
                description,
                mapping,
            );
            events.push(event.at(location(s.get("event-location"), None, None)));
        }
        None if kind.is_some() => return Err(missing("event-date-time", path())),
        None => {}
    }
    let eta = s
        .get("expected-delivery-date")
        .map(|d| date_window(d, || format!("{}.expected-delivery-date", path())))
        .transpose()?;
    Ok(Tracking::new(C, pin, events, eta))
}

fn date_window(s: &str, path: impl FnOnce() -> String) -> Result<EtaWindow, Error> {
    let date = super::local_date(s, "%Y-%m-%d").ok_or_else(|| bad_time(C, path, s))?;
    let (earliest, latest) = day_window(date);
    Ok(EtaWindow {
        earliest,
        latest,
        source: EtaSource::Carrier,
    })
}

/// The fixed offset of a North American zone abbreviation as Canadian zones use
/// it in the IANA tz database; other names (`ISRAEL`, empty) have none.
fn zone_offset(name: &str) -> Option<FixedOffset> {
    let minutes = match name.trim().to_ascii_uppercase().as_str() {
        "NST" => -(3 * 60 + 30),
        "NDT" => -(2 * 60 + 30),
        "AST" => -4 * 60,
        "ADT" => -3 * 60,
        "EST" => -5 * 60,
        "EDT" => -4 * 60,
        "CST" => -6 * 60,
        "CDT" => -5 * 60,
        "MST" => -7 * 60,
        "MDT" => -6 * 60,
        "PST" => -8 * 60,
        "PDT" => -7 * 60,
        _ => return None,
    };
    FixedOffset::east_opt(minutes * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_with_or_without_padding() {
        let key = |id: &str| lookup_id(id).map(|h| h.code().to_string());
        assert_eq!(key("0174").as_deref(), Some("0174"));
        assert_eq!(
            key("174").as_deref(),
            Some("0174"),
            "three digits are padded"
        );
        assert_eq!(key("20").as_deref(), Some("20"));
        assert_eq!(key("0020").as_deref(), Some("20"), "a padded 20 is found");
        assert_eq!(key("1496").as_deref(), Some("1496"));
        assert_eq!(key("0000"), None);
        assert_eq!(key(""), None);
        assert_eq!(key("01x4"), None);
    }

    #[test]
    fn zone_names() {
        assert_eq!(zone_offset("EST").unwrap().local_minus_utc(), -5 * 3600);
        assert_eq!(zone_offset("ndt").unwrap().local_minus_utc(), -9000);
        assert!(zone_offset("ISRAEL").is_none());
        assert!(zone_offset("").is_none());
    }
}
