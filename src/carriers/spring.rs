//! Spring GDS (Spring XBS) shipping API, `TrackShipment` command (JSON, one
//! shipment per request).
//!
//! The answer is `{"ErrorLevel", "Error", "Shipment": {"TrackingNumber", …,
//! "Events": [...]}}`. `ErrorLevel` 0 is success, 1 "completed with errors"
//! and 10 a fatal error; a non-zero level without a `Shipment` is the
//! carrier's error ([`Error::CarrierError`], code = the level, message =
//! `Error`).
//!
//! Codes: `Events[].Code` is a JSON integer (`9301`, `100`); it is looked up
//! written in decimal (the `# key:` of `mappings/spring.tsv`). The last-mile
//! carrier's own `CarrierCode` / `CarrierDescription` are kept as the reason
//! code and appended to the description when it does not
//! already contain it.
//!
//! Times: `DateTime` (`2024-01-07 07:38:45`) is the event's local wall time
//! without a zone; it is kept with no offset. Only when `DateTime` is absent
//! is `Timestamp` (Unix seconds, UTC) used. Spring gives no ETA.

use super::{bad_time, iso_time, json, location, opt_one_or_many, text, Str};
use crate::event::EventTime;
use crate::{Carrier, Error, Event, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Spring;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(rename = "ErrorLevel")]
    error_level: Option<i64>,
    #[serde(rename = "Error", borrow)]
    error: Option<Str<'a>>,
    #[serde(rename = "Shipment", borrow)]
    shipment: Option<Shipment<'a>>,
}

#[derive(Deserialize)]
struct Shipment<'a> {
    #[serde(rename = "TrackingNumber", borrow)]
    tracking_number: Option<Str<'a>>,
    #[serde(
        rename = "Events",
        borrow,
        default,
        deserialize_with = "opt_one_or_many"
    )]
    events: Option<Vec<SpringEvent<'a>>>,
}

#[derive(Deserialize)]
struct SpringEvent<'a> {
    #[serde(rename = "Timestamp")]
    timestamp: Option<i64>,
    #[serde(rename = "DateTime", borrow)]
    date_time: Option<Str<'a>>,
    #[serde(rename = "Country", borrow)]
    country: Option<Str<'a>>,
    #[serde(rename = "City", borrow)]
    city: Option<Str<'a>>,
    #[serde(rename = "Zip", borrow)]
    zip: Option<Str<'a>>,
    #[serde(rename = "Code", borrow)]
    code: Option<Str<'a>>,
    #[serde(rename = "Description", borrow)]
    description: Option<Str<'a>>,
    #[serde(rename = "CarrierCode", borrow)]
    carrier_code: Option<Str<'a>>,
    #[serde(rename = "CarrierDescription", borrow)]
    carrier_description: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(C, body)?;
    let level = body.error_level.unwrap_or(0);
    let Some(shipment) = body.shipment.as_ref() else {
        if level != 0 || text(&body.error).is_some() {
            return Err(Error::CarrierError {
                kind: crate::CarrierErrorKind::Other,
                carrier: C,
                code: Some(level.to_string()),
                message: text(&body.error)
                    .unwrap_or(if level == 1 {
                        "Command completed with errors"
                    } else {
                        "Fatal error, command not completed"
                    })
                    .to_string(),
            });
        }
        return Err(Error::MissingField {
            carrier: C,
            field: "Shipment",
            path: "$".into(),
        });
    };
    let number = text(&shipment.tracking_number).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "TrackingNumber",
        path: "Shipment".into(),
    })?;
    let events = shipment.events.as_deref().unwrap_or_default();
    let mut out = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        out.push(event(e, || format!("Shipment.Events[{i}]"))?);
    }
    Ok(vec![Tracking::new(C, number, out, None)])
}

fn event(e: &SpringEvent<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let time = match (text(&e.date_time), e.timestamp) {
        (Some(t), _) => {
            iso_time(t).ok_or_else(|| bad_time(C, || format!("{}.DateTime", path()), t))?
        }
        (None, Some(ts)) => chrono::DateTime::from_timestamp(ts, 0)
            .map(EventTime::from_utc)
            .ok_or_else(|| bad_time(C, || format!("{}.Timestamp", path()), &ts.to_string()))?,
        (None, None) => {
            return Err(Error::MissingField {
                carrier: C,
                field: "DateTime",
                path: path(),
            })
        }
    };
    let code = text(&e.code).unwrap_or("");
    let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
    let description = match (text(&e.description), text(&e.carrier_description)) {
        (Some(d), Some(c)) if !d.to_ascii_lowercase().contains(&c.to_ascii_lowercase()) => {
            format!("{d} ({c})")
        }
        (d, c) => d.or(c).unwrap_or("").to_string(),
    };
    let reason_code = text(&e.carrier_code).map(str::to_string);
    Ok(
        Event::meant(Some(time), code, reason_code, description, mapping).at(location(
            text(&e.city),
            text(&e.zip),
            text(&e.country),
        )),
    )
}
