//! Hermes Germany HSI Shipment Info API (OpenAPI version 2025-12-08), JSON:
//! `GET /shipmentinfo` (`shipmentinfo[]` with the `status[]` history and a
//! `deliveryForecast`), and the deprecated `GET /shipmentstatus`
//! (`listOfShipmentHistoryStatus[]`) and `GET /shipmentstatus/current`
//! (`listOfCurrentShipmentStatus[]`).
//!
//! A status is looked up by its code as sent (`shipmentinfo[].status[].code`,
//! or `statusCode` in the deprecated answers): the 4-digit "2x2" code such as
//! `3500`, or a 9-digit "3x3" scan code, the keys of `mappings/hermes_de.tsv`.
//! The spec's example code is dashed (`0-0-0`, "3 digits with leading 0") and
//! pairs it with the text "The parcel has been delivered.", which no reading
//! of `0-0-0` as a 2x2 or 3x3 code matches (`000000000` is "notified
//! electronically"); such a code is kept as sent and stays unmapped.
//!
//! `timestamp` is ISO 8601 with offset (`2020-12-04T07:58:24+01:00`); the
//! deprecated answers give `statusDate` and `statusTime` (German local time,
//! no offset). The ETA is `deliveryForecast` (`date` with its `timeSlot`,
//! CET/CEST without offset) or the deprecated `expectedDelivery`. Errors:
//! `listOfResultCodes[]` (`e001` …) without shipments, or a shipment whose
//! `result.code` is an `e…` code and that has no status.

use super::{day_window, iso_time, json, location, one_or_many, opt_one_or_many, text, Str};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, EventTime, Tracking};
use chrono::{NaiveDateTime, NaiveTime};
use serde::Deserialize;

const C: Carrier = Carrier::HermesDe;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    shipmentinfo: Option<Vec<ShipmentInfo<'a>>>,
    #[serde(
        borrow,
        rename = "listOfShipmentHistoryStatus",
        default,
        deserialize_with = "opt_one_or_many"
    )]
    list_of_shipment_history_status: Option<Vec<HistoryStatus<'a>>>,
    #[serde(
        borrow,
        rename = "listOfCurrentShipmentStatus",
        default,
        deserialize_with = "opt_one_or_many"
    )]
    list_of_current_shipment_status: Option<Vec<CurrentStatus<'a>>>,
    #[serde(
        borrow,
        default,
        rename = "listOfResultCodes",
        deserialize_with = "one_or_many"
    )]
    list_of_result_codes: Vec<ResultCode<'a>>,
}

#[derive(Deserialize)]
struct ResultCode<'a> {
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    message: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct ShipmentInfo<'a> {
    #[serde(borrow, rename = "shipmentID")]
    shipment_id: Option<Str<'a>>,
    #[serde(borrow)]
    result: Option<ResultCode<'a>>,
    #[serde(borrow, rename = "deliveryForecast")]
    delivery_forecast: Option<DeliveryForecast<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    status: Vec<ShipmentStatus<'a>>,
}

#[derive(Deserialize)]
struct DeliveryForecast<'a> {
    #[serde(borrow)]
    date: Option<Str<'a>>,
    #[serde(borrow, rename = "timeSlot")]
    time_slot: Option<TimeSlot<'a>>,
}

#[derive(Deserialize)]
struct TimeSlot<'a> {
    #[serde(borrow)]
    from: Option<Str<'a>>,
    #[serde(borrow)]
    to: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct ShipmentStatus<'a> {
    #[serde(borrow)]
    timestamp: Option<Str<'a>>,
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow, rename = "scanningUnit")]
    scanning_unit: Option<ScanningUnit<'a>>,
}

#[derive(Deserialize)]
struct ScanningUnit<'a> {
    #[serde(borrow)]
    name: Option<Str<'a>>,
    #[serde(borrow)]
    city: Option<Str<'a>>,
    #[serde(borrow, rename = "countryCode")]
    country_code: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct HistoryStatus<'a> {
    #[serde(borrow, rename = "shipmentID")]
    shipment_id: Option<Str<'a>>,
    #[serde(
        borrow,
        default,
        rename = "listOfStatus",
        deserialize_with = "one_or_many"
    )]
    list_of_status: Vec<StatusEntry<'a>>,
}

/// `StatusHistoryEntry` and `StatusInformation` of the deprecated answers.
#[derive(Deserialize)]
struct StatusEntry<'a> {
    #[serde(borrow, rename = "statusDate")]
    status_date: Option<Str<'a>>,
    #[serde(borrow, rename = "statusTime")]
    status_time: Option<Str<'a>>,
    #[serde(borrow, rename = "statusCode")]
    status_code: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow, rename = "resultCode")]
    result_code: Option<Str<'a>>,
    #[serde(borrow, rename = "resultMessage")]
    result_message: Option<Str<'a>>,
    #[serde(borrow, rename = "expectedDelivery")]
    expected_delivery: Option<ExpectedDelivery<'a>>,
    // `city`, `zipCode` and `countryCode` are the receiver's address, not
    // where the status happened, so they are not read.
}

#[derive(Deserialize)]
struct ExpectedDelivery<'a> {
    #[serde(borrow, rename = "expectedDate")]
    expected_date: Option<Str<'a>>,
    #[serde(borrow, rename = "expectedTimeEarliest")]
    expected_time_earliest: Option<Str<'a>>,
    #[serde(borrow, rename = "expectedTimeLatest")]
    expected_time_latest: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct CurrentStatus<'a> {
    #[serde(borrow, rename = "shipmentID")]
    shipment_id: Option<Str<'a>>,
    #[serde(borrow, rename = "statusInformation")]
    status_information: Option<StatusEntry<'a>>,
}

fn result_error(code: Option<&str>, message: Option<&str>) -> Error {
    super::carrier_error(C, code, message)
}

/// An `e…` result code (`e001` no information, `e002` …); `i…` codes are
/// informational.
fn is_error_code(code: &str) -> bool {
    code.starts_with(['e', 'E'])
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let body: Body = json(C, body)?;
    let mut out = Vec::new();
    let mut first_error = None;
    let mut seen = false;
    if let Some(list) = &body.shipmentinfo {
        seen = true;
        for (si, s) in list.iter().enumerate() {
            let path = || format!("shipmentinfo[{si}]");
            if s.status.is_empty() {
                if let Some(r) = s.result.as_ref() {
                    if text(&r.code).is_some_and(is_error_code) {
                        first_error.get_or_insert(result_error(text(&r.code), text(&r.message)));
                        continue;
                    }
                }
            }
            let number = text(&s.shipment_id).ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "shipmentID",
                path: path(),
            })?;
            let mut events = Vec::with_capacity(s.status.len());
            for (ei, st) in s.status.iter().enumerate() {
                events.push(status_event(st, || format!("{}.status[{ei}]", path()))?);
            }
            let eta = match &s.delivery_forecast {
                Some(f) => forecast(
                    text(&f.date),
                    f.time_slot.as_ref().and_then(|t| text(&t.from)),
                    f.time_slot.as_ref().and_then(|t| text(&t.to)),
                    || format!("{}.deliveryForecast", path()),
                )?,
                None => None,
            };
            out.push(Tracking::new(C, number, events, eta));
        }
    }
    if let Some(list) = &body.list_of_shipment_history_status {
        seen = true;
        for (si, s) in list.iter().enumerate() {
            let path = || format!("listOfShipmentHistoryStatus[{si}]");
            let mut events = Vec::with_capacity(s.list_of_status.len());
            let mut failed = false;
            for (ei, st) in s.list_of_status.iter().enumerate() {
                if let Some(e) = entry_error(st) {
                    first_error.get_or_insert(e);
                    failed = true;
                    continue;
                }
                events.push(entry_event(st, || {
                    format!("{}.listOfStatus[{ei}]", path())
                })?);
            }
            if events.is_empty() && failed {
                continue;
            }
            let number = text(&s.shipment_id).ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "shipmentID",
                path: path(),
            })?;
            out.push(Tracking::new(C, number, events, None));
        }
    }
    if let Some(list) = &body.list_of_current_shipment_status {
        seen = true;
        for (si, s) in list.iter().enumerate() {
            let path = || format!("listOfCurrentShipmentStatus[{si}]");
            let Some(st) = &s.status_information else {
                continue;
            };
            if let Some(e) = entry_error(st) {
                first_error.get_or_insert(e);
                continue;
            }
            let number = text(&s.shipment_id).ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "shipmentID",
                path: path(),
            })?;
            let ipath = || format!("{}.statusInformation", path());
            let event = entry_event(st, ipath)?;
            let eta = match &st.expected_delivery {
                Some(x) => forecast(
                    text(&x.expected_date),
                    text(&x.expected_time_earliest),
                    text(&x.expected_time_latest),
                    || format!("{}.expectedDelivery", ipath()),
                )?,
                None => None,
            };
            out.push(Tracking::new(C, number, vec![event], eta));
        }
    }
    if out.is_empty() {
        if let Some(r) = body
            .list_of_result_codes
            .iter()
            .find(|r| text(&r.code).is_some() || text(&r.message).is_some())
        {
            return Err(result_error(text(&r.code), text(&r.message)));
        }
        if let Some(e) = first_error {
            return Err(e);
        }
        if !seen {
            return Err(Error::MissingField {
                carrier: C,
                field: "shipmentinfo",
                path: "$".into(),
            });
        }
    }
    Ok(out)
}

/// A deprecated-answer entry that only says no data was found.
fn entry_error(st: &StatusEntry<'_>) -> Option<Error> {
    let code = text(&st.result_code)?;
    if text(&st.status_code).is_some() || !is_error_code(code) {
        return None;
    }
    Some(result_error(Some(code), text(&st.result_message)))
}

/// Looks a status code up exactly as sent.
fn lookup(code: &str) -> Option<crate::overrides::Hit> {
    (!code.is_empty()).then(|| C.find(code)).flatten()
}

fn status_event(st: &ShipmentStatus<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = text(&st.timestamp).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "timestamp",
        path: path(),
    })?;
    let time =
        iso_time(ts).ok_or_else(|| super::bad_time(C, || format!("{}.timestamp", path()), ts))?;
    let code = text(&st.code).unwrap_or("");
    let loc = st
        .scanning_unit
        .as_ref()
        .map(|u| {
            let mut l = location(text(&u.city), None, text(&u.country_code));
            l.name = text(&u.name).map(str::to_string);
            l
        })
        .unwrap_or_default();
    Ok(Event::meant(
        Some(time),
        code,
        None,
        text(&st.description).unwrap_or(""),
        lookup(code),
    )
    .at(loc))
}

fn entry_event(st: &StatusEntry<'_>, path: impl Fn() -> String) -> Result<Event, Error> {
    let date = text(&st.status_date).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "statusDate",
        path: path(),
    })?;
    let d = super::local_date(date, "%Y-%m-%d")
        .ok_or_else(|| super::bad_time(C, || format!("{}.statusDate", path()), date))?;
    let t = match text(&st.status_time) {
        Some(time) => super::clock(time)
            .ok_or_else(|| super::bad_time(C, || format!("{}.statusTime", path()), time))?,
        None => NaiveTime::MIN,
    };
    let code = text(&st.status_code).unwrap_or("");
    Ok(Event::meant(
        Some(EventTime::new(NaiveDateTime::new(d, t), None)),
        code,
        None,
        text(&st.description).unwrap_or(""),
        lookup(code),
    ))
}

/// A forecast date (`YYYY-MM-DD`) with an optional time slot (`10:00`–`18:00`,
/// CET/CEST, kept without offset).
fn forecast(
    date: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
    path: impl Fn() -> String,
) -> Result<Option<EtaWindow>, Error> {
    let Some(date) = date else { return Ok(None) };
    let d = super::local_date(date, "%Y-%m-%d")
        .ok_or_else(|| super::bad_time(C, || format!("{}.date", path()), date))?;
    let (mut earliest, mut latest) = day_window(d);
    for (v, slot) in [(from, &mut earliest), (to, &mut latest)] {
        if let Some(v) = v {
            let t = super::clock(v)
                .ok_or_else(|| super::bad_time(C, || format!("{}.timeSlot", path()), v))?;
            *slot = EventTime::new(d.and_time(t), None);
        }
    }
    Ok(Some(EtaWindow {
        earliest,
        latest,
        source: EtaSource::Carrier,
    }))
}
