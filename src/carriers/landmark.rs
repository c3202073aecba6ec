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

use super::xml::{self, Record, Xml};
use crate::{Carrier, Error, Event, EventTime, Location, Tracking};
use chrono::NaiveDateTime;

const C: Carrier = Carrier::Landmark;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    xml::read(C, body, |x| {
        let mut out = Vec::new();
        let (mut result, mut errors_error, mut any_error) = (false, None, None);
        x.children(|x, root| {
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
            let mut errors = false;
            x.children(|x, el| match el.name {
                "Result" if !result => {
                    result = true;
                    let mut packages = false;
                    x.children(|x, el| match el.name {
                        "Packages" if !packages => {
                            packages = true;
                            x.children(|x, el| match el.name {
                                "Package" => {
                                    out.push(package(x, out.len() + 1)?);
                                    Ok(())
                                }
                                _ => find_error(x, &el, &mut any_error),
                            })
                        }
                        _ => find_error(x, &el, &mut any_error),
                    })
                }
                "Errors" if !errors => {
                    errors = true;
                    x.children(|x, el| match el.name {
                        "Error" if errors_error.is_none() => {
                            errors_error = Some(x.texts(ERROR)?);
                            Ok(())
                        }
                        _ => find_error(x, &el, &mut any_error),
                    })
                }
                _ => find_error(x, &el, &mut any_error),
            })
        })?;
        if out.is_empty() {
            if let Some(e) = errors_error.or(any_error) {
                return Err(error(&e));
            }
            if !result {
                return Err(Error::MissingField {
                    carrier: C,
                    field: "Result",
                    path: "/TrackResponse".into(),
                });
            }
        }
        Ok(out)
    })
}

const ERROR: &[&str; 2] = &["ErrorCode", "ErrorMessage"];

fn error(e: &Record<2>) -> Error {
    let code = e.get("ErrorCode");
    let message = e.get("ErrorMessage").unwrap_or("unspecified error");
    xml::coded_error(C, code, message)
}

/// The first `Error` element at or below `el`, into `found`.
fn find_error<'a>(
    x: &mut Xml<'a>,
    el: &xml::El,
    found: &mut Option<Record<'a, 2>>,
) -> Result<(), Error> {
    if found.is_some() {
        return Ok(());
    }
    if el.name == "Error" {
        *found = Some(x.texts(ERROR)?);
        return Ok(());
    }
    x.descendants(|x, el| {
        if el.name == "Error" && found.is_none() {
            *found = Some(x.texts(ERROR)?);
        }
        Ok(())
    })
}

/// One `Package` (`n` counts from 1, as in the paths).
fn package(x: &mut Xml, n: usize) -> Result<Tracking, Error> {
    let path = || format!("/TrackResponse/Result/Packages/Package[{n}]");
    let mut events = xml::Events::new();
    let mut seen = false;
    let p = x.record(&["LandmarkTrackingNumber", "TrackingNumber"], |x, el| {
        if el.name == "Events" && !seen {
            seen = true;
            x.children(|x, el| {
                if el.name == "Event" {
                    let at = || format!("{}/Events/Event[{}]", path(), events.index() + 1);
                    events.push(event(&x.texts(EVENT)?, at));
                }
                Ok(())
            })?;
        }
        Ok(())
    })?;
    let number = p
        .get("LandmarkTrackingNumber")
        .or_else(|| p.get("TrackingNumber"))
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "LandmarkTrackingNumber",
            path: path(),
        })?;
    let events = events.finish()?;
    Ok(Tracking::new(C, number, events, None))
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

const EVENT: &[&str; 4] = &["DateTime", "EventCode", "Location", "Status"];

fn event(e: &Record<4>, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = e.get("DateTime").ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "DateTime",
        path: path(),
    })?;
    let local = chicago_time(ts)
        .ok_or_else(|| super::bad_time(C, || format!("{}/DateTime", path()), ts))?;
    let code = e.get("EventCode").unwrap_or("");
    let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
    let loc = match e.get("Location") {
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
        e.get("Status").unwrap_or(""),
        mapping,
    )
    .at(loc))
}
