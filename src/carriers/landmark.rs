//! Landmark Global (Mercury) Track API v2 (`POST /v2/Track.php`, `RQXML=`),
//! XML `TrackResponse` (Track API Request documentation, updated Aug 15, 2024).
//!
//! `Result/Packages/Package` gives one tracking each, numbered by
//! `LandmarkTrackingNumber` (the number Landmark issues and is queried with),
//! else by `TrackingNumber` (the last-mile carrier's). An `Event` is looked up
//! by its numeric `EventCode` as text (`500`), the key of
//! `mappings/landmark.tsv`. `EventCode` is only returned when the request sets
//! `RetrievalType=Historical`; without it only the `Status` text is there, and
//! Landmark warns that texts vary, so such events stay unmapped.
//!
//! `DateTime` is `YYYY-MM-DD HH:MM:SS` in America/Chicago time; it is kept as
//! that local time with no offset (the offset depends on the date's DST rule,
//! which `wismo` does not carry). `MM/DD/YYYY HH:MM AM` (seen in karrio's
//! samples) is read too. `Location` is free text (`Windsor, ON`): its first
//! part is taken as the city, the whole text as the place name. An `Errors`
//! element without packages is the carrier's error answer.

use super::xml::{self, Node};
use crate::{Carrier, Error, Event, EventTime, Location, Tracking};
use chrono::NaiveDateTime;

const C: Carrier = Carrier::Landmark;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let root = xml::parse(C, body)?;
    if root.name != "TrackResponse" {
        return Err(Error::Invalid {
            carrier: C,
            path: "/".into(),
            message: format!(
                "expected root element <TrackResponse>, found <{}>",
                root.name
            ),
        });
    }
    let packages: Vec<&Node> = root
        .child("Result")
        .and_then(|r| r.child("Packages"))
        .map(|p| p.children("Package").collect())
        .unwrap_or_default();
    if packages.is_empty() {
        if let Some(e) = root
            .child("Errors")
            .and_then(|e| e.child("Error"))
            .or_else(|| root.find("Error"))
        {
            let code = e.text_of("ErrorCode");
            let message = e.text_of("ErrorMessage").unwrap_or("unspecified error");
            return Err(Error::CarrierError {
                carrier: C,
                code: code.map(str::to_string),
                message: match code {
                    Some(c) => format!("{c}: {message}"),
                    None => message.to_string(),
                },
            });
        }
        if root.child("Result").is_none() {
            return Err(Error::MissingField {
                carrier: C,
                field: "Result",
                path: "/TrackResponse".into(),
            });
        }
    }
    let mut out = Vec::with_capacity(packages.len());
    for (pi, p) in packages.iter().enumerate() {
        let path = || format!("/TrackResponse/Result/Packages/Package[{}]", pi + 1);
        let number = p
            .text_of("LandmarkTrackingNumber")
            .or_else(|| p.text_of("TrackingNumber"))
            .ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "LandmarkTrackingNumber",
                path: path(),
            })?;
        let list: Vec<&Node> = p
            .child("Events")
            .map(|e| e.children("Event").collect())
            .unwrap_or_default();
        let mut events = Vec::with_capacity(list.len());
        for (ei, e) in list.iter().enumerate() {
            events.push(event(e, || format!("{}/Events/Event[{}]", path(), ei + 1))?);
        }
        out.push(Tracking::new(C, number, events, None));
    }
    Ok(out)
}

/// `2019-01-01 13:21:45` (documented) or `10/01/2025 03:02 PM`.
fn chicago_time(s: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%m/%d/%Y %I:%M %p",
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %H:%M",
    ]
    .iter()
    .find_map(|f| super::local(s.trim(), f))
}

fn event(e: &Node, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = e.text_of("DateTime").ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "DateTime",
        path: path(),
    })?;
    let local = chicago_time(ts)
        .ok_or_else(|| super::bad_time(C, || format!("{}/DateTime", path()), ts))?;
    let code = e.text_of("EventCode").unwrap_or("");
    let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
    let loc = match e.text_of("Location") {
        Some(place) => Location {
            city: place
                .split(',')
                .next()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string),
            name: Some(place.to_string()),
            ..Location::default()
        },
        None => Location::default(),
    };
    Ok(Event::meant(
        Some(EventTime::new(local, None)),
        code,
        None,
        e.text_of("Status").unwrap_or(""),
        mapping,
    )
    .at(loc))
}
