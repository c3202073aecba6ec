//! Nova Poshta (Ukraine) API 2.0 `TrackingDocument.getStatusDocuments` JSON
//! answer (`POST https://api.novaposhta.ua/v2.0/json/`, up to 100 waybills a
//! call): `{"success", "data": [{"Number", "StatusCode", "Status",
//! "DateScan", "RecipientDateTime", "TrackingUpdateDate",
//! "ScheduledDeliveryDate", "ActualDeliveryDate", "DateCreated",
//! "CityRecipient", "WarehouseRecipient", …}], "errors", "warnings", "info",
//! "messageCodes", "errorCodes", "warningCodes", "infoCodes"}`. Field names
//! as listed in the developer documentation's response table
//! (developers.novaposhta.ua, method `getStatusDocuments`).
//!
//! The API gives only the **current** status of each waybill: every `data[]`
//! item is one [`Tracking`] (numbered by `Number`) with one event, looked up
//! by `StatusCode` as sent (a string such as `"9"`; a JSON number is read as
//! its text), the key of `mappings/nova_poshta.tsv`. The description is
//! `Status` (its text names cities and dates, e.g. "Відправлення у місті
//! Київ"). An item for an unknown number (`StatusCode` `3`, "Номер не
//! знайдено") is a tracking with that one unknown event and no time. No place
//! is read: `CityRecipient` and `WarehouseRecipient` are the destination, not
//! where the status happened.
//!
//! Event time: `RecipientDateTime` ("date the recipient took the cargo",
//! `DD.MM.YYYY HH:MM:SS`) when given, since the status is then a receipt;
//! else `DateScan` (documented as "date of the scan that produced the
//! status", written `HH:MM DD.MM.YYYY`; `0001-01-01 00:00:00`, as in the
//! documentation's example, means none); else `TrackingUpdateDate`
//! (`YYYY-MM-DD HH:MM:SS`); else the event has no time. All are Kyiv wall
//! time without an offset and are kept with offset `None`. A field that is
//! present but unreadable is [`Error::Timestamp`].
//!
//! ETA: `ScheduledDeliveryDate` ("expected delivery date",
//! `DD-MM-YYYY HH:MM:SS` or `DD-MM-YYYY`) is the carrier's ETA, read as its
//! whole day (the clock part is not a delivery slot). `ActualDeliveryDate` is
//! not an ETA and is not read.
//!
//! `success: false` (the API answers HTTP 200 on errors) is
//! [`Error::CarrierError`] with the first `errorCodes` entry and the
//! `errors` texts, e.g. `20001401442: Document number is not correct`.

use super::{
    bad_time, carrier_error, carrier_eta, day_window, json, local, local_date, opt_one_or_many,
    text, Str,
};
use crate::{Carrier, Error, Event, EventTime, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::NovaPoshta;

#[derive(Deserialize)]
struct Body<'a> {
    success: Option<serde_json::Value>,
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    data: Option<Vec<Document<'a>>>,
    errors: Option<serde_json::Value>,
    #[serde(rename = "errorCodes")]
    error_codes: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Document<'a> {
    #[serde(borrow, rename = "Number")]
    number: Option<Str<'a>>,
    #[serde(borrow, rename = "StatusCode")]
    status_code: Option<Str<'a>>,
    #[serde(borrow, rename = "Status")]
    status: Option<Str<'a>>,
    #[serde(borrow, rename = "RecipientDateTime")]
    recipient_date_time: Option<Str<'a>>,
    #[serde(borrow, rename = "DateScan")]
    date_scan: Option<Str<'a>>,
    #[serde(borrow, rename = "TrackingUpdateDate")]
    tracking_update_date: Option<Str<'a>>,
    #[serde(borrow, rename = "ScheduledDeliveryDate")]
    scheduled_delivery_date: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let b: Body = json(C, body)?;
    let failed = match &b.success {
        Some(serde_json::Value::Bool(ok)) => !ok,
        Some(serde_json::Value::String(s)) => s.trim().eq_ignore_ascii_case("false"),
        _ => false,
    };
    if failed {
        let codes = strings(b.error_codes.as_ref());
        let messages = strings(b.errors.as_ref());
        let message = (!messages.is_empty()).then(|| messages.join("; "));
        return Err(carrier_error(C, codes.first().copied(), message.as_deref()));
    }
    let docs = b.data.unwrap_or_default();
    let mut out = Vec::with_capacity(docs.len());
    for (i, d) in docs.iter().enumerate() {
        let path = |field: &str| format!("$.data[{i}].{field}");
        let number = text(&d.number).ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "Number",
            path: path("Number"),
        })?;
        let time = event_time(d, path)?;
        let code = text(&d.status_code).unwrap_or("");
        let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
        let description = text(&d.status).unwrap_or("");
        let event = Event::meant(time, code, None, description, mapping);
        let eta = match text(&d.scheduled_delivery_date) {
            Some(s) if !s.starts_with("0001-01-01") => {
                let date = scheduled_date(s)
                    .ok_or_else(|| bad_time(C, || path("ScheduledDeliveryDate"), s))?;
                let (from, to) = day_window(date);
                carrier_eta(Some(from), Some(to))
            }
            _ => None,
        };
        out.push(Tracking::new(C, number, vec![event], eta));
    }
    Ok(out)
}

/// The texts of a string, or of the strings in an array or object (the
/// documentation's `errors`/`errorCodes` are arrays of strings; `warnings`
/// entries are objects, so objects are read too).
fn strings(v: Option<&serde_json::Value>) -> Vec<&str> {
    fn walk<'v>(v: &'v serde_json::Value, out: &mut Vec<&'v str>) {
        match v {
            serde_json::Value::String(s) if !s.trim().is_empty() => out.push(s.trim()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(m) => m.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Some(v) = v {
        walk(v, &mut out);
    }
    out
}

/// `RecipientDateTime`, else `DateScan`, else `TrackingUpdateDate` (see the
/// module doc); `None` when none is given.
fn event_time(d: &Document<'_>, path: impl Fn(&str) -> String) -> Result<Option<EventTime>, Error> {
    let fields: [(&Option<Str<'_>>, &str, &[&str]); 3] = [
        (
            &d.recipient_date_time,
            "RecipientDateTime",
            &["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d-%m-%Y %H:%M:%S"],
        ),
        (
            &d.date_scan,
            "DateScan",
            &["%H:%M %d.%m.%Y", "%H:%M:%S %d.%m.%Y", "%Y-%m-%d %H:%M:%S"],
        ),
        (
            &d.tracking_update_date,
            "TrackingUpdateDate",
            &["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"],
        ),
    ];
    for (value, field, formats) in fields {
        let Some(s) = text(value) else { continue };
        if s.starts_with("0001-01-01") {
            continue; // the API's "no date"
        }
        let wall = formats
            .iter()
            .find_map(|f| local(s, f))
            .ok_or_else(|| bad_time(C, || path(field), s))?;
        return Ok(Some(EventTime::new(wall, None)));
    }
    Ok(None)
}

/// The date of `ScheduledDeliveryDate`: `DD-MM-YYYY` with or without a clock
/// part (dots are accepted as separators too).
fn scheduled_date(s: &str) -> Option<chrono::NaiveDate> {
    let day = s.split_whitespace().next()?;
    local_date(day, "%d-%m-%Y")
        .or_else(|| local_date(day, "%d.%m.%Y"))
        .or_else(|| local_date(day, "%Y-%m-%d"))
}
