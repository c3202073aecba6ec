//! PARCEL.ONE TrackLMC REST API v1 (`GET /tracklmc/shipment/{trackno}`), JSON.
//!
//! `P1Trackno` is the tracking number; each `TrackingEvents[]` entry is an
//! event, looked up by its `Statuscode` exactly as sent (`P100`, `300`, `394`);
//! when that code is not in the table, by its `DeliveryStatus` (PARCEL.ONE's
//! grouping onto AfterShip's delivery sub-statuses) as
//! `aftership/<DeliveryStatus>`. `Status` is the text (it may hold HTML links to
//! the last-mile carrier), `Location` is `CC City`.
//!
//! Times: every event has `EventdateCET` (Central European wall time with its
//! designator, `2021-10-18T08:26:05+02:00`) and `EventdateUTC`. The CET wall time
//! is kept, and its offset is computed from the UTC instant (local minus UTC);
//! when one of the two is missing the other is used as sent. No ETA.
//!
//! The 404 answer `{"Error": "…"}` is [`Error::CarrierError`].

use super::{bad_time, iso_time, json, location, opt_one_or_many, text, Str};
use crate::{Carrier, Error, Event, EventTime, Tracking};
use chrono::{Duration, FixedOffset};
use serde::Deserialize;

const C: Carrier = Carrier::ParcelOne;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow, rename = "P1Trackno")]
    p1_trackno: Option<Str<'a>>,
    #[serde(
        borrow,
        rename = "TrackingEvents",
        default,
        deserialize_with = "opt_one_or_many"
    )]
    tracking_events: Option<Vec<ApiEvent<'a>>>,
    #[serde(borrow, rename = "Error")]
    error: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct ApiEvent<'a> {
    #[serde(borrow, rename = "EventdateCET")]
    eventdate_cet: Option<Str<'a>>,
    #[serde(borrow, rename = "EventdateUTC")]
    eventdate_utc: Option<Str<'a>>,
    #[serde(borrow, rename = "Statuscode")]
    statuscode: Option<Str<'a>>,
    #[serde(borrow, rename = "Status")]
    status: Option<Str<'a>>,
    #[serde(borrow, rename = "Location")]
    location: Option<Str<'a>>,
    #[serde(borrow, rename = "DeliveryStatus")]
    delivery_status: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(C, body)?;
    let Some(events) = &body.tracking_events else {
        return Err(match text(&body.error) {
            // PARCEL.ONE documents `{"Error"}` as its 404 answer only.
            Some(e) => Error::CarrierError {
                kind: crate::CarrierErrorKind::NotFound,
                carrier: C,
                code: None,
                message: e.to_string(),
            },
            None => Error::MissingField {
                carrier: C,
                field: "TrackingEvents",
                path: "$".into(),
            },
        });
    };
    let number = text(&body.p1_trackno).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "P1Trackno",
        path: "$".into(),
    })?;
    let mut out = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        let at = || format!("TrackingEvents[{i}]");
        let time = event_time(e, at)?;
        let code = text(&e.statuscode).unwrap_or("");
        let mapping = (!code.is_empty())
            .then(|| C.find(code))
            .flatten()
            .or_else(|| text(&e.delivery_status).and_then(|d| C.find_parts(&["aftership/", d])));
        out.push(
            Event::meant(
                Some(time),
                code,
                None,
                text(&e.status).unwrap_or(""),
                mapping,
            )
            .at(place(text(&e.location))),
        );
    }
    Ok(vec![Tracking::new(C, number, out, None)])
}

fn event_time(e: &ApiEvent<'_>, at: impl Fn() -> String) -> Result<EventTime, Error> {
    let read = |field: &'static str, s: Option<&str>| -> Result<Option<EventTime>, Error> {
        match s {
            None => Ok(None),
            Some(s) => iso_time(s)
                .map(Some)
                .ok_or_else(|| bad_time(C, || format!("{}.{field}", at()), s)),
        }
    };
    let cet = read("EventdateCET", text(&e.eventdate_cet))?;
    let utc = read("EventdateUTC", text(&e.eventdate_utc))?;
    match (cet, utc) {
        (Some(cet), Some(utc)) => Ok(local_with_offset_from_utc(cet, utc).unwrap_or(cet)),
        (Some(t), None) | (None, Some(t)) => Ok(t),
        (None, None) => Err(Error::MissingField {
            carrier: C,
            field: "EventdateCET",
            path: at(),
        }),
    }
}

/// The wall time of `local` with the offset that makes it the same instant as
/// `utc` (whose own offset, if any, is applied first); `None` when the two are
/// not a whole number of minutes apart within ±18 hours.
fn local_with_offset_from_utc(local: EventTime, utc: EventTime) -> Option<EventTime> {
    let utc_offset = utc.offset.map(|o| o.local_minus_utc()).unwrap_or(0);
    let instant = utc.local - Duration::seconds(i64::from(utc_offset));
    let diff = (local.local - instant).num_seconds();
    if diff % 60 != 0 {
        return None;
    }
    let offset = FixedOffset::east_opt(i32::try_from(diff).ok()?)?;
    Some(EventTime::new(local.local, Some(offset)))
}

/// PARCEL.ONE writes places as `DE Füssen`: country code, then city.
fn place(s: Option<&str>) -> crate::Location {
    let Some(s) = s else {
        return crate::Location::default();
    };
    match s.split_once(' ') {
        Some((cc, city)) if cc.len() == 2 && cc.bytes().all(|b| b.is_ascii_uppercase()) => {
            location(Some(city), None, Some(cc))
        }
        _ => location(Some(s), None, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offset_comes_from_the_utc_instant() {
        let cet = iso_time("2021-10-18T08:26:05").unwrap();
        let utc = iso_time("2021-10-18T06:26:05+00:00").unwrap();
        let t = local_with_offset_from_utc(cet, utc).unwrap();
        assert_eq!(t.to_string(), "2021-10-18T08:26:05+02:00");
        // Winter time: one hour.
        let cet = iso_time("2021-12-01T10:00:00+02:00").unwrap();
        let utc = iso_time("2021-12-01T09:00:00Z").unwrap();
        let t = local_with_offset_from_utc(cet, utc).unwrap();
        assert_eq!(t.to_string(), "2021-12-01T10:00:00+01:00");
        let odd = iso_time("2021-12-01T09:00:30Z").unwrap();
        assert!(local_with_offset_from_utc(cet, odd).is_none());
    }
}
