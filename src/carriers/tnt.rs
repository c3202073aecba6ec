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

use super::xml::{self, Node};
use super::{bad_time, compact_date_time};
use crate::{Carrier, Error, Event, EventTime, Location, Tracking};

const C: Carrier = Carrier::Tnt;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let root = xml::parse(C, body)?;
    let mut consignments = Vec::new();
    root.find_all("Consignment", &mut consignments);
    if consignments.is_empty() {
        return Err(match root.find("Error") {
            Some(e) => {
                let code = e.text_of("Code");
                let message = e.text_of("Message").unwrap_or("unspecified error");
                Error::CarrierError {
                    carrier: C,
                    code: code.map(str::to_string),
                    message: match code {
                        Some(c) => format!("{c}: {message}"),
                        None => message.to_string(),
                    },
                }
            }
            None => Error::MissingField {
                carrier: C,
                field: "Consignment",
                path: format!("<{}>", root.name),
            },
        });
    }
    let mut out = Vec::with_capacity(consignments.len());
    let mut not_found = None;
    for (i, c) in consignments.iter().enumerate() {
        let path = || format!("TrackResponse.Consignment[{i}]");
        let number = c
            .text_of("ConsignmentNumber")
            .ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "ConsignmentNumber",
                path: path(),
            })?;
        let summary = c.text_of("SummaryCode");
        let statuses: Vec<&Node> = c.children("StatusData").collect();
        if statuses.is_empty() && summary == Some("CNF") {
            not_found.get_or_insert(number);
            continue;
        }
        let mut events = Vec::with_capacity(statuses.len().max(1));
        for (j, s) in statuses.iter().enumerate() {
            events.push(status(s, || format!("{}.StatusData[{j}]", path()))?);
        }
        if events.is_empty() {
            if let Some(code) = summary {
                let mapping = C.find_parts(&["summary/", code]);
                events.push(Event::meant(None, code, None, "", mapping));
            }
        }
        out.push(Tracking::new(C, number, events, None));
    }
    if out.is_empty() {
        if let Some(number) = not_found {
            return Err(Error::CarrierError {
                carrier: C,
                code: Some("CNF".to_string()),
                message: format!("CNF: consignment {number} not found"),
            });
        }
    }
    Ok(out)
}

fn status(s: &Node, path: impl Fn() -> String) -> Result<Event, Error> {
    let date = s
        .text_of("LocalEventDate")
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "LocalEventDate",
            path: path(),
        })?;
    let time = s.text_of("LocalEventTime").unwrap_or("");
    let hhmmss = if time.is_empty() {
        String::new()
    } else {
        format!("{time}00")
    };
    let local = (time.is_empty() || time.len() == 4)
        .then(|| compact_date_time(date, &hhmmss))
        .flatten()
        .ok_or_else(|| {
            bad_time(
                C,
                || format!("{}.LocalEventTime", path()),
                &format!("{date} {time}"),
            )
        })?;
    let code = s.text_of("StatusCode").unwrap_or("");
    let mut event = Event::lookup(
        C,
        Some(EventTime::new(local, None)),
        code,
        None,
        s.text_of("StatusDescription").unwrap_or(""),
    );
    event.location = Location {
        name: s
            .text_of("DepotName")
            .or(s.text_of("Depot"))
            .map(str::to_string),
        ..Location::default()
    };
    Ok(event)
}
