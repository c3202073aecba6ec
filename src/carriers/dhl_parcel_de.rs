//! DHL Parcel DE Sendungsverfolgung (Shipment Tracking 2.0, `GET
//! /parcel/de/tracking/v0/shipments?xml=…`), XML: the `d-get-piece-detail`,
//! `d-get-piece`, `d-get-piece-events` and `get-status-for-public-user` answers.
//!
//! Everything is attributes on nested `data` elements, told apart by their
//! `name`: `piece-shipment-list` › `piece-shipment` › `piece-event-list` ›
//! `piece-event` (detail), or `piece-status-public-list` ›
//! `piece-status-public` › `piece-event` (public user). Each piece gives one
//! tracking. A piece-event carries `ice` (event, e.g. `DLVRD`), `ric` (reason,
//! e.g. `NGHBR`) and `standard-event-code` (ttpro code, e.g. `ZU`); it is looked
//! up as `ICE|RIC`, then `ICE|*`, then `std/<standard-event-code>`, the keys of
//! `mappings/dhl_parcel_de.tsv`. A piece without events (`d-get-piece`) gives
//! one event from its own latest-state attributes (`status-timestamp`, `ice`,
//! `ric`, `standard-event-code`, `status`).
//!
//! `event-timestamp` is German local time without offset (`17.03.2016 11:44`);
//! it stays local with offset `None`. The ETA is `delivery-date`
//! (`DD.MM.YYYY`) with `delivery-timeframe-from`/`-to`, taken only while
//! `delivery-event-flag` is not `1` (after delivery that date may be the
//! actual one). An error answer is a `data` element whose `code` is not `0`
//! (`<data name="piece-shipment-list" code="100" error="No data found"/>`);
//! pieces whose `error-status` is not `0` and that have no events are skipped.

use super::xml::{self, Record, Xml};
use super::{day_window, location};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, EventTime, Tracking};
use chrono::{NaiveDate, NaiveDateTime};

const C: Carrier = Carrier::DhlParcelDe;

/// The attributes read from a `data` element (a piece, its events, or any
/// other `data` for its error `code`); an event's are the first
/// [`EVENT_ATTRS`].
const ATTRS: &[&str; 26] = &[
    "name",
    "code",
    "error",
    "event-timestamp",
    "ice",
    "ric",
    "standard-event-code",
    "event-status",
    "event-text",
    "event-short-status",
    "status",
    "short-status",
    "event-location",
    "event-country",
    // A piece's own.
    "error-status",
    "piece-status",
    "piece-status-desc",
    "piece-code",
    "searched-piece-code",
    "piece-identifier",
    "status-timestamp",
    "last-event-timestamp",
    "delivery-event-flag",
    "delivery-date",
    "delivery-timeframe-from",
    "delivery-timeframe-to",
];

type Data<'a> = Record<'a, 26>;

/// The attributes read from a `data` inside a piece (its events): the first
/// 14 of [`ATTRS`].
const EVENT_ATTRS: &[&str; 14] = &{
    let mut names = [""; 14];
    let mut i = 0;
    while i < names.len() {
        names[i] = ATTRS[i];
        i += 1;
    }
    names
};

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    xml::read(C, body, |x| {
        let mut p = Pieces::default();
        x.children(|x, root| {
            if root.name != "data" {
                return Err(Error::Invalid {
                    carrier: C,
                    path: "/".into(),
                    message: format!("expected root element <data>, found <{}>", root.name),
                });
            }
            let data = x.attrs(ATTRS);
            p.note_code(&data);
            match data.get("name") {
                // `d-get-piece-events` answers with the event list as the root.
                Some("piece-shipment" | "piece-status-public" | "piece-event-list") => {
                    p.piece(x, data, false)
                }
                _ => x.descendants(|x, el| {
                    if el.name != "data" {
                        return Ok(());
                    }
                    let data = x.attrs(ATTRS);
                    p.note_code(&data);
                    match data.get("name") {
                        Some("piece-shipment") => p.piece(x, data, false),
                        Some("piece-status-public") => p.piece(x, data, true),
                        _ => Ok(()),
                    }
                }),
            }
        })?;
        let mut out = p.shipments;
        out.append(&mut p.public);
        if out.is_empty() {
            if let Some(e) = p.code_error {
                return Err(e);
            }
            if let Some(e) = p.piece_error {
                return Err(e);
            }
        }
        Ok(out)
    })
}

/// What the pieces gave: trackings of `piece-shipment`s, then of
/// `piece-status-public`s (each list counted with the pieces left out), the
/// first failed piece, and the first `data` whose `code` is not `0`.
#[derive(Default)]
struct Pieces {
    shipments: Vec<Tracking>,
    public: Vec<Tracking>,
    seen: [usize; 2],
    piece_error: Option<Error>,
    code_error: Option<Error>,
}

impl Pieces {
    /// The first `data` element whose `code` is not `0` is the carrier error.
    fn note_code<const N: usize>(&mut self, d: &Record<N>) {
        if self.code_error.is_some() {
            return;
        }
        let Some(code) = d.get("code").filter(|c| *c != "0") else {
            return;
        };
        self.code_error = Some(Error::CarrierError {
            kind: crate::CarrierErrorKind::Other,
            carrier: C,
            code: Some(code.to_string()),
            message: match d.get("error") {
                Some(m) => format!("{code}: {m}"),
                None => format!("error code {code}"),
            },
        });
    }

    /// The piece element just opened, with its attributes.
    fn piece(&mut self, x: &mut Xml, piece: Data, public: bool) -> Result<(), Error> {
        let pi = self.seen[0] + if public { self.seen[1] } else { 0 };
        self.seen[public as usize] += 1;
        let kind = piece.get("name").unwrap_or("data");
        let path = || format!("data[@name='{kind}'][{pi}]");
        let mut events = xml::Events::new();
        x.descendants(|x, el| {
            if el.name == "data" {
                let data = x.attrs(EVENT_ATTRS);
                self.note_code(&data);
                if data.get("name") == Some("piece-event") {
                    let ei = events.index();
                    let at = || format!("{}/data[@name='piece-event'][{ei}]", path());
                    events.push(event(&data, "event-timestamp", at));
                }
            }
            Ok(())
        })?;
        let has_events = !events.is_empty();
        let piece_failed = ["error-status", "piece-status"]
            .iter()
            .any(|a| piece.get(a).is_some_and(|s| s != "0"));
        if piece_failed && !has_events {
            self.piece_error.get_or_insert_with(|| piece_error(&piece));
            return Ok(());
        }
        let number = piece
            .get("piece-code")
            .or_else(|| piece.get("searched-piece-code"))
            .or_else(|| piece.get("piece-identifier"))
            .ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "piece-code",
                path: path(),
            })?;
        let mut list = events.finish()?;
        if !has_events {
            let stamp = if piece.get("status-timestamp").is_some() {
                "status-timestamp"
            } else {
                "last-event-timestamp"
            };
            let has_state = piece.get(stamp).is_some()
                && (piece.get("ice").is_some() || piece.get("standard-event-code").is_some());
            if has_state {
                list.push(event(&piece, stamp, path)?);
            }
        }
        let t = Tracking::new(C, number, list, eta(&piece, path)?);
        if public {
            self.public.push(t);
        } else {
            self.shipments.push(t);
        }
        Ok(())
    }
}

/// A failed piece (`error-status` or `piece-status` not `0`) as a carrier
/// error.
fn piece_error(p: &Data) -> Error {
    let code = p
        .get("error-status")
        .filter(|s| *s != "0")
        .or_else(|| p.get("piece-status"))
        .map(str::to_string);
    let message = p
        .get("error")
        .or_else(|| p.get("piece-status-desc"))
        .or_else(|| p.get("status"))
        .map(str::to_string)
        .unwrap_or_else(|| format!("error status {}", code.as_deref().unwrap_or("")));
    Error::CarrierError {
        kind: crate::CarrierErrorKind::Other,
        carrier: C,
        code,
        message,
    }
}

/// A German wall-clock timestamp: `17.03.2016 11:44` (seconds optional).
fn de_time(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    ["%d.%m.%Y %H:%M", "%d.%m.%Y %H:%M:%S"]
        .iter()
        .find_map(|f| super::local(s, f))
        .or_else(|| super::iso_time_or_date(s).map(|t| t.local))
}

fn de_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    super::local_date(s, "%d.%m.%Y").or_else(|| super::local_date(s, "%Y-%m-%d"))
}

/// One event from a `piece-event` (or a piece's latest-state attributes, with
/// `stamp` naming its timestamp attribute).
fn event<const N: usize>(
    e: &Record<N>,
    stamp: &'static str,
    path: impl Fn() -> String,
) -> Result<Event, Error> {
    let ts = e.get(stamp).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: stamp,
        path: path(),
    })?;
    let local =
        de_time(ts).ok_or_else(|| super::bad_time(C, || format!("{}/@{stamp}", path()), ts))?;
    let ice = e.get("ice");
    let ric = e.get("ric");
    let std = e.get("standard-event-code");
    let mapping = ice
        .and_then(|i| C.find_pair(i, ric))
        .or_else(|| std.and_then(|s| C.find_parts(&["std/", s])));
    let description = [
        "event-status",
        "event-text",
        "event-short-status",
        "status",
        "short-status",
    ]
    .iter()
    .find_map(|a| e.get(a))
    .unwrap_or("");
    Ok(Event::meant(
        Some(EventTime::new(local, None)),
        ice.or(std).unwrap_or(""),
        ric.map(str::to_string),
        description,
        mapping,
    )
    .at(location(
        e.get("event-location"),
        None,
        e.get("event-country"),
    )))
}

fn eta(piece: &Data, path: impl Fn() -> String) -> Result<Option<EtaWindow>, Error> {
    if piece.get("delivery-event-flag") == Some("1") {
        return Ok(None);
    }
    let Some(d) = piece.get("delivery-date") else {
        return Ok(None);
    };
    let date =
        de_date(d).ok_or_else(|| super::bad_time(C, || format!("{}/@delivery-date", path()), d))?;
    let (mut earliest, mut latest) = day_window(date);
    for (attr, slot) in [
        ("delivery-timeframe-from", &mut earliest),
        ("delivery-timeframe-to", &mut latest),
    ] {
        let Some(v) = piece.get(attr) else { continue };
        let t = super::clock(v)
            .map(|t| date.and_time(t))
            .or_else(|| de_time(v))
            .ok_or_else(|| super::bad_time(C, || format!("{}/@{attr}", path()), v))?;
        *slot = EventTime::new(t, None);
    }
    Ok(Some(EtaWindow {
        earliest,
        latest,
        source: EtaSource::Carrier,
    }))
}
