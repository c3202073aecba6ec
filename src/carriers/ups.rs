//! UPS Track API v1 (`GET /api/track/v1/details/{inquiryNumber}`), JSON.
//!
//! Each activity has a status with three keys: `type` (one letter), `code`
//! (two characters, e.g. `F4`) and `statusCode` (three digits, e.g. `011`).
//! The 3-digit status code is looked up first (`status/011`), then the
//! two-character code in the table its activity type names (M manifest, I
//! movement, X exception, D delivery, U updates) and the movement, manifest
//! and update tables, then the activity type alone (`activity/D`). Times are
//! local (`date` `YYYYMMDD`, `time` `HHMMSS`) with an optional `gmtOffset`
//! (`-05:00`).
//!
//! The same entry point reads a UPS Track Alert `TrackingEvent` webhook body
//! (one event: `activityStatus` with `type`, `code` and the 3-digit
//! `descriptionCode`, local and GMT date/time, `scheduledDeliveryDate`).

use super::{compact_date_time, day_window, json, one_or_many, text, ApiError, Place, Str};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, EventTime, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Ups;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow, rename = "trackResponse")]
    track_response: Option<TrackResponse<'a>>,
    #[serde(borrow)]
    response: Option<ErrorResponse<'a>>,
    // A UPS Track Alert `TrackingEvent` webhook body (`UPSTrackAlert.yaml`)
    // is one event with these fields at the top level.
    #[serde(borrow, rename = "trackingNumber")]
    tracking_number: Option<Str<'a>>,
    #[serde(borrow, rename = "localActivityDate")]
    local_activity_date: Option<Str<'a>>,
    #[serde(borrow, rename = "localActivityTime")]
    local_activity_time: Option<Str<'a>>,
    #[serde(borrow, rename = "gmtActivityDate")]
    gmt_activity_date: Option<Str<'a>>,
    #[serde(borrow, rename = "gmtActivityTime")]
    gmt_activity_time: Option<Str<'a>>,
    #[serde(borrow, rename = "activityLocation")]
    activity_location: Option<Place<'a>>,
    #[serde(borrow, rename = "activityStatus")]
    activity_status: Option<AlertStatus<'a>>,
    #[serde(borrow, rename = "scheduledDeliveryDate")]
    scheduled_delivery_date: Option<Str<'a>>,
    #[serde(borrow, rename = "actualDeliveryDate")]
    actual_delivery_date: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct AlertStatus<'a> {
    #[serde(borrow, rename = "type")]
    kind: Option<Str<'a>>,
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow, rename = "descriptionCode")]
    description_code: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct ErrorResponse<'a> {
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    errors: Vec<ApiError<'a>>,
}

#[derive(Deserialize)]
struct TrackResponse<'a> {
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    shipment: Vec<Shipment<'a>>,
}

#[derive(Deserialize)]
struct Shipment<'a> {
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    package: Vec<Package<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    warnings: Vec<ApiError<'a>>,
    #[serde(borrow, rename = "inquiryNumber")]
    inquiry_number: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Package<'a> {
    #[serde(borrow, rename = "trackingNumber")]
    tracking_number: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    activity: Vec<Activity<'a>>,
    #[serde(
        borrow,
        default,
        rename = "deliveryDate",
        deserialize_with = "one_or_many"
    )]
    delivery_date: Vec<DeliveryDate<'a>>,
}

#[derive(Deserialize)]
struct Activity<'a> {
    #[serde(borrow)]
    location: Option<ActivityLocation<'a>>,
    #[serde(borrow)]
    status: Option<ActivityStatus<'a>>,
    #[serde(borrow)]
    date: Option<Str<'a>>,
    #[serde(borrow)]
    time: Option<Str<'a>>,
    #[serde(borrow, rename = "gmtOffset")]
    gmt_offset: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct ActivityLocation<'a> {
    #[serde(borrow)]
    address: Option<Place<'a>>,
}

#[derive(Deserialize)]
struct ActivityStatus<'a> {
    #[serde(borrow, rename = "type")]
    kind: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow, rename = "statusCode")]
    status_code: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct DeliveryDate<'a> {
    #[serde(borrow, rename = "type")]
    kind: Option<Str<'a>>,
    #[serde(borrow)]
    date: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(C, body)?;
    if body.track_response.is_none() && body.activity_status.is_some() {
        return alert(&body).map(|t| vec![t]);
    }
    let Some(resp) = body.track_response else {
        let err = body.response.and_then(|r| r.errors.into_iter().next());
        return Err(match err {
            Some(e) => e.to_error(C),
            None => Error::Invalid {
                carrier: C,
                path: "$".into(),
                message: "neither a Track API response (no `trackResponse` or \
                          `response.errors`) nor a Track Alert webhook (no `activityStatus`); \
                          both shapes were tried"
                    .into(),
            },
        });
    };
    let mut out = Vec::new();
    for (si, shipment) in resp.shipment.iter().enumerate() {
        if shipment.package.is_empty() {
            // A shipment without packages carries a warning ("tracking number not found").
            if let Some(w) = shipment.warnings.first() {
                return Err(w.to_error(C));
            }
        }
        for (pi, package) in shipment.package.iter().enumerate() {
            let path = || format!("trackResponse.shipment[{si}].package[{pi}]");
            let number = text(&package.tracking_number)
                .or(text(&shipment.inquiry_number))
                .ok_or_else(|| Error::MissingField {
                    carrier: C,
                    field: "trackingNumber",
                    path: path(),
                })?;
            let mut events = Vec::with_capacity(package.activity.len());
            for (ai, a) in package.activity.iter().enumerate() {
                events.push(activity(a, || format!("{}.activity[{ai}]", path()))?);
            }
            out.push(Tracking::new(
                C,
                number,
                events,
                eta(&package.delivery_date),
            ));
        }
    }
    Ok(out)
}

fn activity(a: &Activity<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let date = text(&a.date).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "date",
        path: path(),
    })?;
    let time = text(&a.time).unwrap_or("");
    let local = compact_date_time(date, time).ok_or_else(|| {
        super::bad_time(C, || format!("{}.date", path()), &format!("{date} {time}"))
    })?;
    let off = match text(&a.gmt_offset) {
        Some(o) => Some(
            super::offset(o)
                .ok_or_else(|| super::bad_time(C, || format!("{}.gmtOffset", path()), o))?,
        ),
        None => None,
    };
    let status = a.status.as_ref();
    let addr = a.location.as_ref().and_then(|l| l.address.as_ref());
    Ok(event(
        EventTime::new(local, off),
        status.and_then(|s| text(&s.kind)).unwrap_or(""),
        status.and_then(|s| text(&s.code)).unwrap_or(""),
        status.and_then(|s| text(&s.status_code)).unwrap_or(""),
        status.and_then(|s| text(&s.description)).unwrap_or(""),
        addr,
    ))
}

/// One UPS event from its three keys: the 3-digit status code first
/// (`status/011`), then the 2-character code in the table its activity type
/// names (the same code means different things in different tables: `DP` is a
/// departure scan in the movement table and "manifest processed" in the
/// manifest table), then the movement, manifest and update tables, then the
/// activity type alone (`activity/D`).
fn event(
    time: EventTime,
    kind: &str,
    code: &str,
    status_code: &str,
    description: &str,
    addr: Option<&Place<'_>>,
) -> Event {
    let by_type = match kind {
        "M" => "manifest/",
        "I" => "uld/",
        "X" => "exception/",
        "D" => "dials/",
        "U" => "update/",
        _ => "",
    };
    let mapping = Some(status_code)
        .filter(|c| !c.is_empty())
        .and_then(|c| C.find_parts(&["status/", c]))
        .or_else(|| {
            [by_type, "uld/", "manifest/", "update/"]
                .iter()
                .filter(|ns| !ns.is_empty() && !code.is_empty())
                .find_map(|ns| C.find_parts(&[ns, code]))
        })
        .or_else(|| {
            Some(kind)
                .filter(|k| !k.is_empty())
                .and_then(|k| C.find_parts(&["activity/", k]))
        });
    let raw = if code.is_empty() { status_code } else { code };
    let loc = addr.map(Place::location).unwrap_or_default();
    Event::meant(Some(time), raw, None, description, mapping).at(loc)
}

/// A Track Alert webhook body: one event. Local date and time, with the
/// offset derived from the GMT date and time the body also carries.
fn alert(a: &Body<'_>) -> Result<Tracking, Error> {
    let number = text(&a.tracking_number).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "trackingNumber",
        path: "$".into(),
    })?;
    let date = text(&a.local_activity_date).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "localActivityDate",
        path: "$".into(),
    })?;
    let time = text(&a.local_activity_time).unwrap_or("");
    let local = compact_date_time(date, time).ok_or_else(|| {
        super::bad_time(
            C,
            || "$.localActivityDate".into(),
            &format!("{date} {time}"),
        )
    })?;
    let gmt = text(&a.gmt_activity_date)
        .and_then(|d| compact_date_time(d, text(&a.gmt_activity_time).unwrap_or("")));
    let off = gmt.and_then(|g| {
        let secs = (local - g).num_seconds();
        // Offsets are whole quarter hours within ±18 h.
        (secs % 900 == 0 && secs.abs() <= 18 * 3600)
            .then(|| chrono::FixedOffset::east_opt(secs as i32))
            .flatten()
    });
    let st = a.activity_status.as_ref();
    let ev = event(
        EventTime::new(local, off),
        st.and_then(|s| text(&s.kind)).unwrap_or(""),
        st.and_then(|s| text(&s.code)).unwrap_or(""),
        st.and_then(|s| text(&s.description_code)).unwrap_or(""),
        st.and_then(|s| text(&s.description)).unwrap_or(""),
        a.activity_location.as_ref(),
    );
    let eta = match text(&a.actual_delivery_date) {
        Some(_) => None,
        None => text(&a.scheduled_delivery_date)
            .and_then(|d| compact_date_time(d, ""))
            .map(|t| {
                let (earliest, latest) = day_window(t.date());
                EtaWindow {
                    earliest,
                    latest,
                    source: EtaSource::Carrier,
                }
            }),
    };
    Ok(Tracking::new(C, number, vec![ev], eta))
}

/// The carrier ETA: the rescheduled date (`RDD`) wins over the scheduled one
/// (`SDD`); the delivered date (`DEL`) is not an estimate.
fn eta(dates: &[DeliveryDate<'_>]) -> Option<EtaWindow> {
    let pick = |k: &str| {
        dates
            .iter()
            .find(|d| text(&d.kind) == Some(k))
            .and_then(|d| text(&d.date))
            .and_then(|d| compact_date_time(d, "").map(|t| t.date()))
    };
    let date = pick("RDD").or_else(|| pick("SDD"))?;
    let (earliest, latest) = day_window(date);
    Some(EtaWindow {
        earliest,
        latest,
        source: EtaSource::Carrier,
    })
}
