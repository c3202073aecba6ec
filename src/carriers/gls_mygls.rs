//! GLS MyGLS API (GLS Hungary, Czechia, Croatia, Romania, Slovenia, Slovakia,
//! Serbia): the JSON answer of `ParcelService.svc/json/GetParcelStatuses`,
//! `{"ParcelNumber", "ClientReference", "DeliveryCountryCode",
//! "DeliveryZipCode", "Weight", "POD", "ParcelStatusList": [{"StatusCode",
//! "StatusDate", "StatusDescription", "StatusInfo", "DepotCity",
//! "DepotNumber"}], "GetParcelStatusErrors": [{"ErrorCode",
//! "ErrorDescription"}]}`, as described in "MyGLS API for system integration"
//! and typed by public MyGLS clients (see `tests/fixtures/README.md`).
//!
//! One body is one [`Tracking`], numbered by `ParcelNumber` (sent as a JSON
//! number). The list is sent newest first; events are ordered by time.
//!
//! The code is `StatusCode`, a string; integrations have seen it with and
//! without a leading zero (`"05"`, `"5"`), so leading zeros are stripped for
//! the lookup in `mappings/gls_mygls.tsv` and the raw code is kept. The
//! description is `StatusDescription` (in the language the request asked
//! for), followed by `StatusInfo` in brackets when that is not blank; the
//! place is `DepotCity` with `DepotNumber` as its name.
//!
//! Times: `StatusDate` is a WCF JSON date, `/Date(1759917600000+0300)/`:
//! milliseconds since the epoch and the offset of the depot's wall time,
//! kept as sent (without an offset the time is UTC). The answer has no ETA.
//!
//! Errors: MyGLS answers HTTP 200 with `GetParcelStatusErrors` (`ErrorCode`
//! -1 `Unauthorized.`, 9 unknown parcel number, …) and an empty status list:
//! that is [`Error::CarrierError`]. Errors beside a status list are not
//! fatal. A body without `ParcelNumber` (or with 0) and without errors is
//! [`Error::MissingField`].

use super::{bad_time, carrier_error, json, location, opt_one_or_many, text, wcf_date, Str};
use crate::{Carrier, Error, Event, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::GlsMygls;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow, rename = "ParcelNumber")]
    parcel_number: Option<Str<'a>>,
    #[serde(
        borrow,
        rename = "ParcelStatusList",
        default,
        deserialize_with = "opt_one_or_many"
    )]
    statuses: Option<Vec<ParcelStatus<'a>>>,
    #[serde(
        borrow,
        rename = "GetParcelStatusErrors",
        default,
        deserialize_with = "opt_one_or_many"
    )]
    errors: Option<Vec<ErrorInfo<'a>>>,
}

#[derive(Deserialize)]
struct ParcelStatus<'a> {
    #[serde(borrow, rename = "StatusCode")]
    code: Option<Str<'a>>,
    #[serde(borrow, rename = "StatusDate")]
    date: Option<Str<'a>>,
    #[serde(borrow, rename = "StatusDescription")]
    description: Option<Str<'a>>,
    #[serde(borrow, rename = "StatusInfo")]
    info: Option<Str<'a>>,
    #[serde(borrow, rename = "DepotCity")]
    depot_city: Option<Str<'a>>,
    #[serde(borrow, rename = "DepotNumber")]
    depot_number: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct ErrorInfo<'a> {
    #[serde(borrow, rename = "ErrorCode")]
    code: Option<Str<'a>>,
    #[serde(borrow, rename = "ErrorDescription")]
    description: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let b: Body = json(C, body)?;
    let statuses = b.statuses.unwrap_or_default();
    if statuses.is_empty() {
        if let Some(e) = b.errors.as_deref().and_then(<[_]>::first) {
            return Err(carrier_error(C, text(&e.code), text(&e.description)));
        }
    }
    let number = text(&b.parcel_number)
        .filter(|n| !n.trim_start_matches('0').is_empty())
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "ParcelNumber",
            path: "$.ParcelNumber".into(),
        })?;
    let events = statuses
        .iter()
        .enumerate()
        .map(|(i, s)| event(s, i))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(vec![Tracking::new(C, number, events, None)])
}

fn event(s: &ParcelStatus<'_>, i: usize) -> Result<Event, Error> {
    let path = |field: &str| format!("$.ParcelStatusList[{i}].{field}");
    let raw = text(&s.date).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "StatusDate",
        path: path("StatusDate"),
    })?;
    let time = wcf_date(raw).ok_or_else(|| bad_time(C, || path("StatusDate"), raw))?;
    let code = text(&s.code).unwrap_or("");
    let key = code.trim_start_matches('0');
    // "0" alone stays "0" (no such code is listed, so it is unmapped).
    let key = if key.is_empty() { code } else { key };
    let mapping = (!key.is_empty()).then(|| C.find(key)).flatten();
    let description = match (text(&s.description), text(&s.info)) {
        (Some(d), Some(i)) => format!("{d} ({i})"),
        (d, i) => d.or(i).unwrap_or("").to_string(),
    };
    let mut e = Event::meant(Some(time), code, None, description, mapping);
    e.location = location(text(&s.depot_city), None, None);
    e.location.name = text(&s.depot_number).map(str::to_string);
    Ok(e)
}
