//! TNT ExpressConnect tracking (`TrackResponse`, version 3.1), XML.
//!
//! Each `Consignment` is one tracking (`ConsignmentNumber`); each `StatusData`
//! is an event, looked up by its `StatusCode` exactly as sent (`OK`, `OD`,
//! `IR`, …); `StatusDescription` is the text and `DepotName` (else `Depot`) the
//! place. A summary answer has no `StatusData`: the consignment's
//! `SummaryCode` (`EXC`, `INT`, `DEL`) becomes one untimed event looked up as
//! `summary/<code>`. Consignments with `SummaryCode` `CNF` (not found) are
//! left out; when no consignment is found at all the answer is
//! [`Error::CarrierError`], as is a `TrackResponse/Error`.
//!
//! Times: `LocalEventDate` (`YYYYMMDD`) and `LocalEventTime` (`HHMM`) are the
//! local time at the depot, with no zone: offset `None`. `DeliveryDate` /
//! `DeliveryTime` are the actual delivery, never an estimate; there is no ETA.

use super::xml::{self, Record, Xml};
use super::{bad_time, compact_date_time};
use crate::{Carrier, Error, Event, EventTime, Location, Tracking};

const C: Carrier = Carrier::Tnt;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    xml::read(C, body, |x| {
        let mut out = Vec::new();
        let mut consignments = 0;
        let mut not_found = None;
        let mut error = None;
        x.descendants(|x, el| match el.name {
            "Consignment" => {
                let path = || format!("TrackResponse.Consignment[{consignments}]");
                let found = consignment(x, path)?;
                consignments += 1;
                match found {
                    Ok(t) => out.push(t),
                    Err(number) => drop(not_found.get_or_insert(number)),
                }
                Ok(())
            }
            "Error" if error.is_none() => {
                error = Some(x.texts(&["Code", "Message"])?);
                Ok(())
            }
            _ => Ok(()),
        })?;
        if consignments == 0 {
            return Err(match error {
                Some(e) => {
                    let code = e.get("Code");
                    let message = e.get("Message").unwrap_or("unspecified error");
                    xml::coded_error(C, code, message)
                }
                None => Error::MissingField {
                    carrier: C,
                    field: "Consignment",
                    path: format!("<{}>", x.root()),
                },
            });
        }
        if out.is_empty() {
            if let Some(number) = not_found {
                return Err(Error::CarrierError {
                    kind: crate::CarrierErrorKind::Other,
                    carrier: C,
                    code: Some("CNF".to_string()),
                    message: format!("CNF: consignment {number} not found"),
                });
            }
        }
        Ok(out)
    })
}

/// One `Consignment`: its tracking, or `Err(number)` when it was not found
/// (`SummaryCode` `CNF` and no status).
fn consignment<'a>(
    x: &mut Xml<'a>,
    path: impl Fn() -> String,
) -> Result<Result<Tracking, String>, Error> {
    let mut events = xml::Events::new();
    let c = x.record(&["ConsignmentNumber", "SummaryCode"], |x, el| {
        if el.name == "StatusData" {
            let at = || format!("{}.StatusData[{}]", path(), events.index());
            events.push(status(&x.texts(STATUS)?, at));
        }
        Ok(())
    })?;
    let number = c
        .get("ConsignmentNumber")
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "ConsignmentNumber",
            path: path(),
        })?;
    let summary = c.get("SummaryCode");
    let mut events = events.finish()?;
    if events.is_empty() {
        if summary == Some("CNF") {
            return Ok(Err(number.to_string()));
        }
        if let Some(code) = summary {
            let mapping = C.find_parts(&["summary/", code]);
            events.push(Event::meant(None, code, None, "", mapping));
        }
    }
    Ok(Ok(Tracking::new(C, number, events, None)))
}

const STATUS: &[&str; 6] = &[
    "LocalEventDate",
    "LocalEventTime",
    "StatusCode",
    "StatusDescription",
    "DepotName",
    "Depot",
];

fn status(s: &Record<6>, path: impl Fn() -> String) -> Result<Event, Error> {
    let date = s.get("LocalEventDate").ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "LocalEventDate",
        path: path(),
    })?;
    let time = s.get("LocalEventTime").unwrap_or("");
    // `HHMM` read as `HHMM00`.
    let mut hhmmss = *b"000000";
    let local = match time.len() {
        0 => compact_date_time(date, ""),
        4 => {
            hhmmss[..4].copy_from_slice(time.as_bytes());
            std::str::from_utf8(&hhmmss)
                .ok()
                .and_then(|t| compact_date_time(date, t))
        }
        _ => None,
    }
    .ok_or_else(|| {
        bad_time(
            C,
            || format!("{}.LocalEventTime", path()),
            &format!("{date} {time}"),
        )
    })?;
    let code = s.get("StatusCode").unwrap_or("");
    let mut event = Event::lookup(
        C,
        Some(EventTime::new(local, None)),
        code,
        None,
        s.get("StatusDescription").unwrap_or(""),
    );
    event.location = Location {
        name: s.get("DepotName").or(s.get("Depot")).map(str::to_string),
        ..Location::default()
    };
    Ok(event)
}
