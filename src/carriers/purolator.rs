//! Purolator TrackingService 1.2 (`TrackPackagesByPin`, `TrackPackagesByReference`),
//! the whole SOAP envelope (namespace `http://purolator.com/pws/datatypes/v1`).
//!
//! Each `TrackingInformation` is one tracking (`PIN/Value`); each `Scans/Scan`
//! is an event. A scan may be a subtype (`xsi:type` `DeliveryScan`,
//! `UndeliverableScan`, `OnDeliveryScan`, `ProofOfPickUpScan`,
//! `InternationalOutboundScan`) with extra `ScanDetails`; the code is always the
//! scan's `ScanType` text. Because `ScanType` is coarse (`Undeliverable` also
//! carries pickup notices and returns), a scan is looked up as
//! `ScanType|Description` (the description exactly as sent, then without a
//! trailing full stop), then `ScanType|*`. `Depot/Name` is the location name.
//!
//! Times: `ScanDate` (`2004-01-13`) and `ScanTime` (`172300`, or `17:23:00`)
//! are local time with no zone: offset `None`. The response has no ETA.
//!
//! A SOAP `Fault`, or `ResponseInformation/Errors/Error` without tracking data,
//! is [`Error::CarrierError`].

use super::xml::{self, Node};
use super::{bad_time, compact_date_time};
use crate::{Carrier, Error, Event, EventTime, Location, Tracking};

const C: Carrier = Carrier::Purolator;

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let root = xml::parse(C, body)?;
    if let Some(e) = root.soap_fault(C) {
        return Err(e);
    }
    let mut infos = Vec::new();
    root.find_all("TrackingInformation", &mut infos);
    if infos.is_empty() {
        let response = root
            .find("TrackPackagesByPinResponse")
            .or_else(|| root.find("TrackPackagesByReferenceResponse"))
            .unwrap_or(&root);
        return Err(
            match response.child("ResponseInformation").and_then(error) {
                Some(e) => e,
                None => Error::MissingField {
                    carrier: C,
                    field: "TrackingInformation",
                    path: format!("<{}>", root.name),
                },
            },
        );
    }
    let mut out = Vec::with_capacity(infos.len());
    for (i, info) in infos.iter().enumerate() {
        let path = || format!("TrackingInformationList.TrackingInformation[{i}]");
        let scans: Vec<&Node> = info
            .child("Scans")
            .map(|s| s.children("Scan").collect())
            .unwrap_or_default();
        if scans.is_empty() {
            if let Some(e) = info.child("ResponseInformation").and_then(error) {
                return Err(e);
            }
        }
        let number = info
            .child("PIN")
            .and_then(|p| p.text_of("Value"))
            .ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "PIN",
                path: path(),
            })?;
        let mut events = Vec::with_capacity(scans.len());
        for (j, scan) in scans.iter().enumerate() {
            events.push(scan_event(scan, || format!("{}.Scans.Scan[{j}]", path()))?);
        }
        out.push(Tracking::new(C, number, events, None));
    }
    Ok(out)
}

/// The first `Errors/Error` of a `ResponseInformation`, as a carrier error.
fn error(info: &Node) -> Option<Error> {
    let e = info.child("Errors")?.child("Error")?;
    let code = e.text_of("Code");
    let description = e
        .text_of("Description")
        .or(e.text_of("AdditionalInformation"))
        .unwrap_or("unspecified error");
    Some(Error::CarrierError {
        carrier: C,
        code: code.map(str::to_string),
        message: match code {
            Some(c) => format!("{c}: {description}"),
            None => description.to_string(),
        },
    })
}

fn scan_event(scan: &Node, path: impl Fn() -> String) -> Result<Event, Error> {
    let missing = |field| Error::MissingField {
        carrier: C,
        field,
        path: path(),
    };
    let date = scan
        .text_of("ScanDate")
        .ok_or_else(|| missing("ScanDate"))?;
    let time = scan.text_of("ScanTime").unwrap_or("");
    let local =
        compact_date_time(&date.replace('-', ""), &time.replace(':', "")).ok_or_else(|| {
            bad_time(
                C,
                || format!("{}.ScanDate", path()),
                &format!("{date} {time}"),
            )
        })?;
    let kind = scan.text_of("ScanType").unwrap_or("");
    let description = scan.text_of("Description").unwrap_or("");
    let mapping = C
        .find_parts(&[kind, "|", description])
        .or_else(|| {
            description
                .strip_suffix('.')
                .and_then(|d| C.find_parts(&[kind, "|", d.trim_end()]))
        })
        .or_else(|| C.find_parts(&[kind, "|*"]));
    let text = match scan.text_of("Comment") {
        Some(c) => format!("{description} ({c})"),
        None => description.to_string(),
    };
    let mut event = Event::meant(Some(EventTime::new(local, None)), kind, None, text, mapping);
    event.location = Location {
        name: scan
            .child("Depot")
            .and_then(|d| d.text_of("Name"))
            .map(str::to_string),
        ..Location::default()
    };
    Ok(event)
}
