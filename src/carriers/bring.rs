//! Bring (Posten Norge) Tracking API v2 (`GET /tracking/api/v2/tracking.json`),
//! JSON, and the Bring Event Cast webhook body.
//!
//! Tracking API: `consignmentSet[].packageSet[].eventSet[]`; each package gives
//! one tracking. An event is looked up by its `status` text exactly as sent
//! (`DELIVERED`, `READY_FOR_PICKUP`, `TRANSPORT_TO_RECIPIENT`), the key of
//! `mappings/bring.tsv`; its `lmCauseCode`, when set, is kept as the reason
//! code. `dateIso` is ISO 8601 with offset (`2010-09-30T17:45:25+02:00`). The
//! ETA is `dateOfEstimatedDelivery` (`20.04.2021`, Norwegian local date) with
//! `estimatedTimeSpanOfDelivery` (`08:00`–`16:00`), kept without offset;
//! `dateOfDelivery` is the actual delivery and never an estimate. A
//! consignment that failed carries `error` (`code` 404, `message`), and the
//! busy answer wraps the whole body in `shipments[]`.
//!
//! Event Cast webhook (one event per POST): `{"status", "id", "shipment",
//! "package", "created", "pushed"}`; `status` is the same event group as in
//! the Tracking API and `created` is UTC (`2019-03-16T14:58:48+0000`). It gives
//! one tracking (package number, else shipment number) with that one event.

use super::{day_window, iso_time, json, location, one_or_many, opt_one_or_many, text, Str};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, EventTime, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Bring;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(
        borrow,
        rename = "consignmentSet",
        default,
        deserialize_with = "opt_one_or_many"
    )]
    consignment_set: Option<Vec<Consignment<'a>>>,
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    shipments: Option<Vec<Body<'a>>>,
    // Event Cast webhook fields.
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow)]
    shipment: Option<Str<'a>>,
    #[serde(borrow)]
    package: Option<Str<'a>>,
    #[serde(borrow)]
    created: Option<Str<'a>>,
    #[serde(borrow)]
    pushed: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Consignment<'a> {
    #[serde(
        borrow,
        default,
        rename = "packageSet",
        deserialize_with = "one_or_many"
    )]
    package_set: Vec<Package<'a>>,
    #[serde(borrow)]
    error: Option<ApiError<'a>>,
}

#[derive(Deserialize)]
struct ApiError<'a> {
    #[serde(borrow)]
    code: Option<Code<'a>>,
    #[serde(borrow)]
    message: Option<Str<'a>>,
}

/// Bring's error `code` is a number (`404`); accept a string too.
#[derive(Deserialize)]
#[serde(untagged)]
enum Code<'a> {
    #[serde(borrow)]
    Text(Str<'a>),
    Number(serde_json::Number),
}

#[derive(Deserialize)]
struct Package<'a> {
    #[serde(borrow, rename = "packageNumber")]
    package_number: Option<Str<'a>>,
    #[serde(borrow, default, rename = "eventSet", deserialize_with = "one_or_many")]
    event_set: Vec<PackageEvent<'a>>,
    #[serde(borrow, rename = "dateOfEstimatedDelivery")]
    date_of_estimated_delivery: Option<Str<'a>>,
    #[serde(borrow, rename = "estimatedTimeSpanOfDelivery")]
    estimated_time_span_of_delivery: Option<TimeSpan<'a>>,
}

#[derive(Deserialize)]
struct TimeSpan<'a> {
    #[serde(borrow, rename = "startTime")]
    start_time: Option<Str<'a>>,
    #[serde(borrow, rename = "endTime")]
    end_time: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct PackageEvent<'a> {
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow, rename = "lmCauseCode")]
    lm_cause_code: Option<Str<'a>>,
    #[serde(borrow, rename = "postalCode")]
    postal_code: Option<Str<'a>>,
    #[serde(borrow)]
    city: Option<Str<'a>>,
    #[serde(borrow, rename = "countryCode")]
    country_code: Option<Str<'a>>,
    #[serde(borrow, rename = "dateIso")]
    date_iso: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(C, body)?;
    if body.consignment_set.is_none() && body.shipments.is_none() {
        return webhook(&body);
    }
    let mut out = Vec::new();
    let mut first_error = None;
    collect(&body, "$", &mut out, &mut first_error)?;
    match (out.is_empty(), first_error) {
        (true, Some(e)) => Err(e),
        _ => Ok(out),
    }
}

fn collect(
    body: &Body<'_>,
    prefix: &str,
    out: &mut Vec<Tracking>,
    first_error: &mut Option<Error>,
) -> Result<(), Error> {
    for (si, inner) in body.shipments.iter().flatten().enumerate() {
        collect(
            inner,
            &format!("{prefix}.shipments[{si}]"),
            out,
            first_error,
        )?;
    }
    for (ci, c) in body.consignment_set.iter().flatten().enumerate() {
        if c.package_set.is_empty() {
            if let Some(e) = &c.error {
                first_error.get_or_insert_with(|| carrier_error(e));
            }
            continue;
        }
        for (pi, p) in c.package_set.iter().enumerate() {
            let path = || format!("{prefix}.consignmentSet[{ci}].packageSet[{pi}]");
            let number = text(&p.package_number).ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "packageNumber",
                path: path(),
            })?;
            let mut events = Vec::with_capacity(p.event_set.len());
            for (ei, e) in p.event_set.iter().enumerate() {
                events.push(event(e, || format!("{}.eventSet[{ei}]", path()))?);
            }
            out.push(Tracking::new(C, number, events, eta(p, path)?));
        }
    }
    Ok(())
}

fn carrier_error(e: &ApiError<'_>) -> Error {
    let code = match &e.code {
        Some(Code::Text(s)) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Some(Code::Number(n)) => Some(n.to_string()),
        None => None,
    };
    super::carrier_error(C, code.as_deref(), text(&e.message))
}

fn event(e: &PackageEvent<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = text(&e.date_iso).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "dateIso",
        path: path(),
    })?;
    let time =
        iso_time(ts).ok_or_else(|| super::bad_time(C, || format!("{}.dateIso", path()), ts))?;
    let status = text(&e.status).unwrap_or("");
    Ok(Event::meant(
        Some(time),
        status,
        text(&e.lm_cause_code).map(str::to_string),
        text(&e.description).unwrap_or(""),
        (!status.is_empty()).then(|| C.find(status)).flatten(),
    )
    .at(location(
        text(&e.city),
        text(&e.postal_code),
        text(&e.country_code),
    )))
}

fn eta(p: &Package<'_>, path: impl Fn() -> String) -> Result<Option<EtaWindow>, Error> {
    let Some(date) = text(&p.date_of_estimated_delivery) else {
        return Ok(None);
    };
    let d = super::local_date(date, "%d.%m.%Y")
        .or_else(|| super::local_date(date, "%Y-%m-%d"))
        .ok_or_else(|| {
            super::bad_time(C, || format!("{}.dateOfEstimatedDelivery", path()), date)
        })?;
    let (mut earliest, mut latest) = day_window(d);
    if let Some(span) = &p.estimated_time_span_of_delivery {
        for (v, slot) in [
            (text(&span.start_time), &mut earliest),
            (text(&span.end_time), &mut latest),
        ] {
            let Some(v) = v else { continue };
            let t = super::clock(v).ok_or_else(|| {
                super::bad_time(C, || format!("{}.estimatedTimeSpanOfDelivery", path()), v)
            })?;
            *slot = EventTime::new(d.and_time(t), None);
        }
    }
    Ok(Some(EtaWindow {
        earliest,
        latest,
        source: EtaSource::Carrier,
    }))
}

/// An Event Cast webhook body: one event for one package.
fn webhook(body: &Body<'_>) -> Result<Vec<Tracking>, Error> {
    let Some(status) = text(&body.status) else {
        return Err(Error::MissingField {
            carrier: C,
            field: "consignmentSet",
            path: "$".into(),
        });
    };
    let number = text(&body.package)
        .or(text(&body.shipment))
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "package",
            path: "$".into(),
        })?;
    let (field, ts) = match (text(&body.created), text(&body.pushed)) {
        (Some(c), _) => ("created", c),
        (None, Some(p)) => ("pushed", p),
        (None, None) => {
            return Err(Error::MissingField {
                carrier: C,
                field: "created",
                path: "$".into(),
            })
        }
    };
    let time = iso_time(ts).ok_or_else(|| super::bad_time(C, || format!("$.{field}"), ts))?;
    let event = Event::meant(Some(time), status, None, "", C.find(status));
    Ok(vec![Tracking::new(C, number, vec![event], None)])
}
