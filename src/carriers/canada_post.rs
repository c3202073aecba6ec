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

use super::xml::{self, Node};
use super::{bad_time, compact_date_time, day_window, location};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, EventTime, Tracking};
use chrono::FixedOffset;

const C: Carrier = Carrier::CanadaPost;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let root = xml::parse(C, body)?;
    let mut details = Vec::new();
    root.find_all("tracking-detail", &mut details);
    let mut summaries = Vec::new();
    root.find_all("pin-summary", &mut summaries);
    if details.is_empty() && summaries.is_empty() {
        return Err(match root.find("messages") {
            Some(m) => carrier_error(m),
            None => Error::MissingField {
                carrier: C,
                field: "tracking-detail",
                path: format!("<{}>", root.name),
            },
        });
    }
    let mut out = Vec::with_capacity(details.len() + summaries.len());
    for (i, d) in details.iter().enumerate() {
        out.push(detail(d, i)?);
    }
    for (i, s) in summaries.iter().enumerate() {
        out.push(summary(s, i)?);
    }
    Ok(out)
}

fn carrier_error(messages: &Node) -> Error {
    let first = messages.child("message");
    let code = first.and_then(|m| m.text_of("code"));
    let description = first
        .and_then(|m| m.text_of("description"))
        .unwrap_or("unspecified error");
    Error::CarrierError {
        carrier: C,
        code: code.map(str::to_string),
        message: match code {
            Some(c) => format!("{c}: {description}"),
            None => description.to_string(),
        },
    }
}

fn missing(field: &'static str, path: String) -> Error {
    Error::MissingField {
        carrier: C,
        field,
        path,
    }
}

fn detail(d: &Node, i: usize) -> Result<Tracking, Error> {
    let path = || format!("tracking-detail[{i}]");
    let pin = d.text_of("pin").ok_or_else(|| missing("pin", path()))?;
    let occurrences = d
        .child("significant-events")
        .map(|s| s.children("occurrence").collect::<Vec<_>>())
        .unwrap_or_default();
    let mut events = Vec::with_capacity(occurrences.len());
    for (j, o) in occurrences.iter().enumerate() {
        let at = || format!("{}.significant-events.occurrence[{j}]", path());
        let date = o
            .text_of("event-date")
            .ok_or_else(|| missing("event-date", at()))?;
        let time = o
            .text_of("event-time")
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
        let offset = o.text_of("event-time-zone").and_then(zone_offset);
        let code = o.text_of("event-identifier").unwrap_or("");
        let site = o.text_of("event-site");
        let city = match (site, o.text_of("event-province")) {
            (Some(s), Some(p)) => Some(format!("{s}, {p}")),
            (s, _) => s.map(str::to_string),
        };
        let mut loc = location(city.as_deref(), None, None);
        loc.name = o.text_of("event-retail-name").map(str::to_string);
        events.push(
            Event::meant(
                Some(EventTime::new(local, offset)),
                code,
                None,
                o.text_of("event-description").unwrap_or(""),
                lookup_id(code),
            )
            .at(loc),
        );
    }
    let eta = match d.text_of("changed-expected-date") {
        Some(s) => Some((s, "changed-expected-date")),
        None => d
            .text_of("expected-delivery-date")
            .map(|s| (s, "expected-delivery-date")),
    };
    let eta = eta
        .map(|(s, field)| date_window(s, || format!("{}.{field}", path())))
        .transpose()?;
    Ok(Tracking::new(C, pin, events, eta))
}

fn summary(s: &Node, i: usize) -> Result<Tracking, Error> {
    let path = || format!("tracking-summary.pin-summary[{i}]");
    let pin = s.text_of("pin").ok_or_else(|| missing("pin", path()))?;
    let mut events = Vec::new();
    let kind = s.text_of("event-type");
    match s.text_of("event-date-time") {
        Some(when) => {
            let local = when
                .split_once(':')
                .and_then(|(d, t)| compact_date_time(d, t))
                .ok_or_else(|| bad_time(C, || format!("{}.event-date-time", path()), when))?;
            let code = kind.unwrap_or("");
            let mapping = kind.and_then(|k| C.find_parts(&["summary/", k]));
            let description = s.text_of("event-description").unwrap_or("");
            let event = Event::meant(
                Some(EventTime::new(local, None)),
                code,
                None,
                description,
                mapping,
            );
            events.push(event.at(location(s.text_of("event-location"), None, None)));
        }
        None if kind.is_some() => return Err(missing("event-date-time", path())),
        None => {}
    }
    let eta = s
        .text_of("expected-delivery-date")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_names() {
        assert_eq!(zone_offset("EST").unwrap().local_minus_utc(), -5 * 3600);
        assert_eq!(zone_offset("ndt").unwrap().local_minus_utc(), -9000);
        assert!(zone_offset("ISRAEL").is_none());
        assert!(zone_offset("").is_none());
    }

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
}
