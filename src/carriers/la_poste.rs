//! La Poste Suivi v2 (`GET https://api.laposte.fr/suivi/v2/idships/{idShip}`),
//! JSON, shared by the `la_poste` and `colissimo` carrier ids (the same API
//! tracks letters, Colissimo and Chronopost items).
//!
//! One number gives one object `{"lang", "scope", "returnCode", "shipment"}`;
//! several comma-separated numbers give a bare array of them. The shipment's
//! `event[]` holds the scans, each with a three-character `code` (`DR1`, `PC1`,
//! `ET1`, `MD2`, `AG1`, `DI1`, …) looked up exactly as sent (the `# key:` of
//! `mappings/la_poste.tsv`; `colissimo.tsv` also keys legacy six-letter codes
//! such as `LIVCFM`, which are looked up the same way). `timeline[]` is La
//! Poste's five-step progress bar summarizing the same scans; it is not read,
//! so no scan is counted twice.
//!
//! Times are ISO 8601 with offset (`2023-03-09T09:38:00+01:00`, French local
//! time); the wall time and offset are kept. Events come newest first; they are
//! reversed so events with equal times keep La Poste's order. The ETA is
//! `estimDate`, only while the shipment is not final and has no
//! `deliveryDate` (on a delivered shipment `estimDate` repeats the delivery
//! time, which is not an estimate).
//!
//! An item without `shipment` is an error answer (`returnCode` 400/404 with
//! `returnMessage`, or a gateway `code`/`message` such as
//! `TOO_MANY_REQUESTS`): left out when other items of an array have data, else
//! [`Error::CarrierError`].

use super::{iso_time, iso_time_or_date, json, one_or_many, text, Str};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, Tracking};
use serde::Deserialize;

#[derive(Deserialize)]
struct Item<'a> {
    #[serde(rename = "returnCode")]
    return_code: Option<serde_json::Number>,
    #[serde(borrow, rename = "returnMessage")]
    return_message: Option<Str<'a>>,
    #[serde(borrow, rename = "idShip")]
    id_ship: Option<Str<'a>>,
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    message: Option<Str<'a>>,
    #[serde(borrow)]
    shipment: Option<Shipment<'a>>,
}

#[derive(Deserialize)]
struct Shipment<'a> {
    #[serde(borrow, rename = "idShip")]
    id_ship: Option<Str<'a>>,
    #[serde(rename = "isFinal")]
    is_final: Option<bool>,
    #[serde(borrow, rename = "deliveryDate")]
    delivery_date: Option<Str<'a>>,
    #[serde(borrow, rename = "estimDate")]
    estim_date: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    event: Vec<ShipmentEvent<'a>>,
}

#[derive(Deserialize)]
struct ShipmentEvent<'a> {
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    label: Option<Str<'a>>,
    #[serde(borrow)]
    date: Option<Str<'a>>,
}

/// Parses a Suivi v2 body for `carrier` (`LaPoste` or `Colissimo`), whose
/// table the codes are looked up in.
pub(crate) fn parse_for(carrier: Carrier, body: &[u8]) -> Result<Vec<Tracking>, Error> {
    // One object, or a bare array of them for several numbers.
    let first = body
        .iter()
        .find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF);
    let items: Vec<Item> = match first {
        Some(b'[') => json(carrier, body)?,
        _ => vec![json::<Item>(carrier, body)?],
    };
    let mut out = Vec::with_capacity(items.len());
    let mut first_error = None;
    for (ii, item) in items.iter().enumerate() {
        let Some(s) = &item.shipment else {
            first_error.get_or_insert_with(|| item_error(carrier, item));
            continue;
        };
        let path = || format!("[{ii}].shipment");
        let number =
            text(&s.id_ship)
                .or(text(&item.id_ship))
                .ok_or_else(|| Error::MissingField {
                    carrier,
                    field: "idShip",
                    path: path(),
                })?;
        let mut events = Vec::with_capacity(s.event.len());
        // Newest first in the body: reverse so equal times keep La Poste's order.
        for (ei, e) in s.event.iter().enumerate().rev() {
            events.push(event(carrier, e, || format!("{}.event[{ei}]", path()))?);
        }
        out.push(Tracking::new(carrier, number, events, eta(s)));
    }
    match (out.is_empty(), first_error) {
        (true, Some(e)) => Err(e),
        _ => Ok(out),
    }
}

fn item_error(carrier: Carrier, item: &Item<'_>) -> Error {
    let code = text(&item.code)
        .map(str::to_string)
        .or_else(|| item.return_code.as_ref().map(|c| c.to_string()));
    let message = text(&item.return_message).or(text(&item.message));
    match (&code, message) {
        (None, None) => Error::MissingField {
            carrier,
            field: "shipment",
            path: "$".into(),
        },
        (_, m) => Error::CarrierError {
            kind: crate::CarrierErrorKind::Other,
            carrier,
            message: match (&code, m) {
                (Some(c), Some(m)) => format!("{c}: {m}"),
                (c, m) => m.map(str::to_string).or(c.clone()).unwrap_or_default(),
            },
            code,
        },
    }
}

fn event(
    carrier: Carrier,
    e: &ShipmentEvent<'_>,
    path: impl Fn() -> String,
) -> Result<Event, Error> {
    let ts = text(&e.date).ok_or_else(|| Error::MissingField {
        carrier,
        field: "date",
        path: path(),
    })?;
    let time = iso_time_or_date(ts)
        .ok_or_else(|| super::bad_time(carrier, || format!("{}.date", path()), ts))?;
    let code = text(&e.code).unwrap_or("");
    let mapping = (!code.is_empty()).then(|| carrier.find(code)).flatten();
    Ok(Event::meant(
        Some(time),
        code,
        None,
        text(&e.label).unwrap_or(""),
        mapping,
    ))
}

fn eta(s: &Shipment<'_>) -> Option<EtaWindow> {
    if s.is_final == Some(true) || text(&s.delivery_date).is_some() {
        return None;
    }
    let raw = text(&s.estim_date)?;
    let (earliest, latest) = match iso_time(raw) {
        Some(t) => (t, t),
        None => {
            let d = iso_time_or_date(raw)?;
            super::day_window(d.local.date())
        }
    };
    Some(EtaWindow {
        earliest,
        latest,
        source: EtaSource::Carrier,
    })
}
