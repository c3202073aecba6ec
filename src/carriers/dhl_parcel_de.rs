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

use super::xml::{self, Node};
use super::{day_window, location};
use crate::{Carrier, Error, EtaSource, EtaWindow, Event, EventTime, Tracking};
use chrono::{NaiveDate, NaiveDateTime};

const C: Carrier = Carrier::DhlParcelDe;

fn is(n: &Node, name: &str) -> bool {
    n.name == "data" && n.attr("name") == Some(name)
}

/// All `data` descendants of `n` (self excluded) whose `name` is `name`.
fn named<'n, 'a>(n: &'n Node<'a>, name: &str) -> Vec<&'n Node<'a>> {
    let mut all = Vec::new();
    for c in &n.children {
        c.find_all("data", &mut all);
    }
    all.retain(|d| is(d, name));
    all
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let root = xml::parse(C, body)?;
    if root.name != "data" {
        return Err(Error::Invalid {
            carrier: C,
            path: "/".into(),
            message: format!("expected root element <data>, found <{}>", root.name),
        });
    }
    let mut pieces = named(&root, "piece-shipment");
    pieces.extend(named(&root, "piece-status-public"));
    if pieces.is_empty()
        && (is(&root, "piece-shipment")
            || is(&root, "piece-status-public")
            || is(&root, "piece-event-list"))
    {
        // `d-get-piece-events` answers with the event list as the root.
        pieces.push(&root);
    }
    let mut out = Vec::with_capacity(pieces.len());
    let mut piece_error = None;
    for (pi, piece) in pieces.iter().enumerate() {
        let kind = piece.attr("name").unwrap_or("data");
        let path = || format!("data[@name='{kind}'][{pi}]");
        let events = named(piece, "piece-event");
        let failed = ["error-status", "piece-status"]
            .iter()
            .any(|a| piece.attr(a).is_some_and(|s| s != "0"));
        if failed && events.is_empty() {
            piece_error.get_or_insert(*piece);
            continue;
        }
        let number = piece
            .attr("piece-code")
            .or_else(|| piece.attr("searched-piece-code"))
            .or_else(|| piece.attr("piece-identifier"))
            .ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "piece-code",
                path: path(),
            })?;
        let mut list = Vec::with_capacity(events.len().max(1));
        for (ei, e) in events.iter().enumerate() {
            list.push(event(e, "event-timestamp", || {
                format!("{}/data[@name='piece-event'][{ei}]", path())
            })?);
        }
        if events.is_empty() {
            let stamp = if piece.attr("status-timestamp").is_some() {
                "status-timestamp"
            } else {
                "last-event-timestamp"
            };
            let has_state = piece.attr(stamp).is_some()
                && (piece.attr("ice").is_some() || piece.attr("standard-event-code").is_some());
            if has_state {
                list.push(event(piece, stamp, path)?);
            }
        }
        out.push(Tracking::new(C, number, list, eta(piece, path)?));
    }
    if out.is_empty() {
        if let Some(e) = carrier_error(&root) {
            return Err(e);
        }
        if let Some(p) = piece_error {
            let code = p
                .attr("error-status")
                .filter(|s| *s != "0")
                .or_else(|| p.attr("piece-status"))
                .map(str::to_string);
            let message = p
                .attr("error")
                .or_else(|| p.attr("piece-status-desc"))
                .or_else(|| p.attr("status"))
                .map(str::to_string)
                .unwrap_or_else(|| format!("error status {}", code.as_deref().unwrap_or("")));
            return Err(Error::CarrierError {
                carrier: C,
                code,
                message,
            });
        }
    }
    Ok(out)
}

/// The first `data` element whose `code` is not `0`, as a carrier error.
fn carrier_error(root: &Node) -> Option<Error> {
    let mut all = Vec::new();
    root.find_all("data", &mut all);
    let bad = all
        .into_iter()
        .find(|d| d.attr("code").is_some_and(|c| c != "0"))?;
    let code = bad.attr("code").unwrap_or_default();
    Some(Error::CarrierError {
        carrier: C,
        code: Some(code.to_string()),
        message: match bad.attr("error") {
            Some(m) => format!("{code}: {m}"),
            None => format!("error code {code}"),
        },
    })
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
fn event(e: &Node, stamp: &'static str, path: impl Fn() -> String) -> Result<Event, Error> {
    let ts = e.attr(stamp).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: stamp,
        path: path(),
    })?;
    let local =
        de_time(ts).ok_or_else(|| super::bad_time(C, || format!("{}/@{stamp}", path()), ts))?;
    let ice = e.attr("ice");
    let ric = e.attr("ric");
    let std = e.attr("standard-event-code");
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
    .find_map(|a| e.attr(a))
    .unwrap_or("");
    Ok(Event::meant(
        Some(EventTime::new(local, None)),
        ice.or(std).unwrap_or(""),
        ric.map(str::to_string),
        description,
        mapping,
    )
    .at(location(
        e.attr("event-location"),
        None,
        e.attr("event-country"),
    )))
}

fn eta(piece: &Node, path: impl Fn() -> String) -> Result<Option<EtaWindow>, Error> {
    if piece.attr("delivery-event-flag") == Some("1") {
        return Ok(None);
    }
    let Some(d) = piece.attr("delivery-date") else {
        return Ok(None);
    };
    let date =
        de_date(d).ok_or_else(|| super::bad_time(C, || format!("{}/@delivery-date", path()), d))?;
    let (mut earliest, mut latest) = day_window(date);
    for (attr, slot) in [
        ("delivery-timeframe-from", &mut earliest),
        ("delivery-timeframe-to", &mut latest),
    ] {
        let Some(v) = piece.attr(attr) else { continue };
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
