//! CTT Express (Spain) public tracking JSON, as served by
//! `https://wct.cttexpress.com/p_track_redis.php?sc=<shipping code>` (the
//! endpoint behind CTT's web tracking; no version is published):
//! `{"data": {"shipping_code", "committed_delivery_datetime",
//! "shipping_history": {"item_code", "events": [{"code", "description",
//! "type", "event_date", "detail": {…}}]}, "items_history": […], …},
//! "error": null}`.
//!
//! One body is one [`Tracking`], numbered by `shipping_code` (else
//! `shipping_history.item_code`); its events are `shipping_history.events`,
//! all of them. Events of `type` `STATUS` carry CTT's 4-digit shipping status
//! code in `code` (zero padded, e.g. `0900`), looked up as sent in
//! `mappings/ctt_express.tsv`; other types (`EVENT`, `SHIPPING_ITEM_EVENT_V1`,
//! `NOTIFICATION_V1`, `MANAGEMENTS`: scans, notifications, customer
//! contacts) keep their `code` raw and unmapped. The text is `description`.
//! `items_history` (the same story per package) is not read: the shipment
//! history already holds the statuses.
//!
//! Times: `event_date` is ISO 8601 with an offset (`+00:00` in published
//! samples); the wall time and offset are kept as sent, a time without offset
//! keeps none. (`detail.item_event_datetime`, the package scan time, may
//! differ and is not used.) The ETA is `committed_delivery_datetime` (a date
//! or date-time; a date gives that whole day); `delivery_date` and
//! `reported_delivery_date` are not read (their meaning is not published).
//!
//! A non-null `error` without `data` is [`Error::CarrierError`] (its shape is
//! not published: a string, or an object whose `code`/`message`/
//! `description` is used); a body with neither is [`Error::MissingField`].

use super::{
    bad_time, carrier_error, carrier_eta, day_window, iso_time, json, opt_one_or_many, text, Str,
};
use crate::{Carrier, Error, EtaWindow, Event, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::CttExpress;

#[derive(Deserialize)]
struct Body<'a> {
    #[serde(borrow)]
    data: Option<Data<'a>>,
    #[serde(borrow)]
    error: Option<CttError<'a>>,
}

#[derive(Deserialize)]
struct Data<'a> {
    #[serde(borrow)]
    shipping_code: Option<Str<'a>>,
    #[serde(borrow)]
    committed_delivery_datetime: Option<Str<'a>>,
    #[serde(borrow)]
    shipping_history: Option<History<'a>>,
}

#[derive(Deserialize)]
struct History<'a> {
    #[serde(borrow)]
    item_code: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
    events: Option<Vec<CttEvent<'a>>>,
}

#[derive(Deserialize)]
struct CttEvent<'a> {
    #[serde(borrow)]
    code: Option<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow, rename = "type")]
    kind: Option<Str<'a>>,
    #[serde(borrow)]
    event_date: Option<Str<'a>>,
}

/// The `error` member: a string, or an object with code and message.
#[derive(Default)]
struct CttError<'a> {
    code: Option<Str<'a>>,
    message: Option<Str<'a>>,
}

impl<'de: 'a, 'a> Deserialize<'de> for CttError<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Obj<'a> {
            #[serde(borrow)]
            code: Option<Str<'a>>,
            #[serde(borrow)]
            message: Option<Str<'a>>,
            #[serde(borrow)]
            description: Option<Str<'a>>,
        }
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for V<'a> {
            type Value = CttError<'a>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an error string or object")
            }
            fn visit_borrowed_str<E: serde::de::Error>(
                self,
                s: &'de str,
            ) -> Result<Self::Value, E> {
                Ok(CttError {
                    code: None,
                    message: Some(Str(s.into())),
                })
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
                Ok(CttError {
                    code: None,
                    message: Some(Str(s.to_string().into())),
                })
            }
            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(CttError::default())
            }
            fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Self::Value, E> {
                Ok(CttError {
                    code: Some(Str(n.to_string().into())),
                    message: None,
                })
            }
            fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Self::Value, E> {
                self.visit_i64(i64::try_from(n).unwrap_or(i64::MAX))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                let o = Obj::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(CttError {
                    code: o.code,
                    message: o.message.or(o.description),
                })
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let b: Body = json(C, body)?;
    let Some(data) = b.data else {
        return Err(match b.error {
            Some(e) => carrier_error(C, text(&e.code), text(&e.message)),
            None => Error::MissingField {
                carrier: C,
                field: "data",
                path: "$".into(),
            },
        });
    };
    let history = data.shipping_history.as_ref();
    let number = text(&data.shipping_code)
        .or_else(|| history.and_then(|h| text(&h.item_code)))
        .ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "shipping_code",
            path: "$.data".into(),
        })?;
    let raw = history
        .and_then(|h| h.events.as_deref())
        .unwrap_or_default();
    let mut events = Vec::with_capacity(raw.len());
    for (i, e) in raw.iter().enumerate() {
        let path = || format!("$.data.shipping_history.events[{i}]");
        let ts = text(&e.event_date).ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "event_date",
            path: path(),
        })?;
        let time =
            iso_time(ts).ok_or_else(|| bad_time(C, || format!("{}.event_date", path()), ts))?;
        let code = text(&e.code).unwrap_or("");
        let mapping = if text(&e.kind) == Some("STATUS") && !code.is_empty() {
            C.find(code)
        } else {
            None
        };
        let description = text(&e.description).unwrap_or("");
        events.push(Event::meant(Some(time), code, None, description, mapping));
    }
    let eta = match text(&data.committed_delivery_datetime) {
        Some(t) => Some(eta_of(t)?),
        None => None,
    };
    Ok(vec![Tracking::new(C, number, events, eta)])
}

/// `committed_delivery_datetime`: a date (the whole day) or a date-time.
fn eta_of(t: &str) -> Result<EtaWindow, Error> {
    if let Some(at) = iso_time(t) {
        if let Some(w) = carrier_eta(Some(at), None) {
            return Ok(w);
        }
    }
    let bad = || bad_time(C, || "$.data.committed_delivery_datetime".into(), t);
    let date = super::local_date(t.trim(), "%Y-%m-%d").ok_or_else(bad)?;
    let (earliest, latest) = day_window(date);
    carrier_eta(Some(earliest), Some(latest)).ok_or_else(bad)
}
