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

use super::xml::{self, Record, Xml};
use super::{bad_time, compact_date_time};
use crate::{Carrier, Error, Event, EventTime, Location, Tracking};

const C: Carrier = Carrier::Purolator;

const RESPONSES: [&str; 2] = [
    "TrackPackagesByPinResponse",
    "TrackPackagesByReferenceResponse",
];

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    xml::read(C, body, |x| {
        let mut out = Vec::new();
        let mut response_error = None;
        xml::soap_descendants(x, C, |x, el| match el.name {
            "TrackingInformation" => {
                out.push(info(x, out.len())?);
                Ok(())
            }
            // The response's own `ResponseInformation` (or the root's).
            "ResponseInformation"
                if response_error.is_none()
                    && (x.depth() == 2 || x.parent().is_some_and(|p| RESPONSES.contains(&p))) =>
            {
                response_error = Some(error(x)?);
                Ok(())
            }
            _ => Ok(()),
        })?;
        if out.is_empty() {
            return Err(response_error
                .flatten()
                .unwrap_or_else(|| Error::MissingField {
                    carrier: C,
                    field: "TrackingInformation",
                    path: format!("<{}>", x.root()),
                }));
        }
        Ok(out)
    })
}

/// The first `Errors/Error` of the `ResponseInformation` just opened, as a
/// carrier error.
fn error(x: &mut Xml) -> Result<Option<Error>, Error> {
    let mut found = None;
    let mut errors = false;
    x.children(|x, el| {
        if el.name == "Errors" && !errors {
            errors = true;
            x.children(|x, el| {
                if el.name == "Error" && found.is_none() {
                    found = Some(x.texts(&["Code", "Description", "AdditionalInformation"])?);
                }
                Ok(())
            })?;
        }
        Ok(())
    })?;
    Ok(found.map(|e| {
        let code = e.get("Code");
        let description = e
            .get("Description")
            .or(e.get("AdditionalInformation"))
            .unwrap_or("unspecified error");
        xml::coded_error(C, code, description)
    }))
}

/// One `TrackingInformation`.
fn info(x: &mut Xml, i: usize) -> Result<Tracking, Error> {
    let path = || format!("TrackingInformationList.TrackingInformation[{i}]");
    let (mut scans, mut response, mut pin) = (false, None, None);
    let mut events = xml::Events::new();
    x.children(|x, el| {
        match el.name {
            "Scans" if !scans => {
                scans = true;
                x.children(|x, el| {
                    if el.name == "Scan" {
                        let at = || format!("{}.Scans.Scan[{}]", path(), events.index());
                        let mut depot = None;
                        let scan = x.record(SCAN, |x, el| {
                            if el.name == "Depot" && depot.is_none() {
                                depot = Some(x.text_of("Name")?);
                            }
                            Ok(())
                        })?;
                        events.push(scan_event(&scan, depot.flatten().as_deref(), at));
                    }
                    Ok(())
                })?;
            }
            "ResponseInformation" if response.is_none() => response = Some(error(x)?),
            "PIN" if pin.is_none() => pin = Some(x.text_of("Value")?),
            _ => {}
        }
        Ok(())
    })?;
    if events.is_empty() {
        if let Some(e) = response.flatten() {
            return Err(e);
        }
    }
    let number = pin.flatten().ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "PIN",
        path: path(),
    })?;
    let events = events.finish()?;
    Ok(Tracking::new(C, number, events, None))
}

const SCAN: &[&str; 5] = &["ScanDate", "ScanTime", "ScanType", "Description", "Comment"];

/// `s` without the separator `sep`, in `buf` (`None` when too long for a
/// date or time).
fn without<'b>(s: &str, sep: u8, buf: &'b mut [u8; 16]) -> Option<&'b str> {
    let mut n = 0;
    for b in s.bytes().filter(|b| *b != sep) {
        *buf.get_mut(n)? = b;
        n += 1;
    }
    std::str::from_utf8(&buf[..n]).ok()
}

fn scan_event(
    scan: &Record<5>,
    depot: Option<&str>,
    path: impl Fn() -> String,
) -> Result<Event, Error> {
    let missing = |field| Error::MissingField {
        carrier: C,
        field,
        path: path(),
    };
    let date = scan.get("ScanDate").ok_or_else(|| missing("ScanDate"))?;
    let time = scan.get("ScanTime").unwrap_or("");
    let (mut d, mut t) = ([0; 16], [0; 16]);
    let local = without(date, b'-', &mut d)
        .zip(without(time, b':', &mut t))
        .and_then(|(d, t)| compact_date_time(d, t))
        .ok_or_else(|| {
            bad_time(
                C,
                || format!("{}.ScanDate", path()),
                &format!("{date} {time}"),
            )
        })?;
    let kind = scan.get("ScanType").unwrap_or("");
    let description = scan.get("Description").unwrap_or("");
    let mapping = C
        .find_parts(&[kind, "|", description])
        .or_else(|| {
            description
                .strip_suffix('.')
                .and_then(|d| C.find_parts(&[kind, "|", d.trim_end()]))
        })
        .or_else(|| C.find_parts(&[kind, "|*"]));
    let text = match scan.get("Comment") {
        Some(c) => format!("{description} ({c})"),
        None => description.to_string(),
    };
    let mut event = Event::meant(Some(EventTime::new(local, None)), kind, None, text, mapping);
    event.location = Location {
        name: depot.map(str::to_string),
        ..Location::default()
    };
    Ok(event)
}
