//! Correos (Spain) localizador tracking JSON
//! (`localizador.correos.es/canonico/eventos_envio_servicio/{code}`, the
//! service behind Correos' public tracker and its shop modules; no version is
//! published): an array of envelopes (one per code; some error answers are a
//! bare object) `{"codEnvio", "eventos": [{"fecEvento", "horEvento",
//! "codEvento", "fase", "desTextoResumen", "desTextoAmpliado", "unidad", …}],
//! "enviosAsociados": [{"codEnvio", "fecEvento", "horEvento", "codEvento",
//! "desResumen", "desAmpliada"}], "error": {"codError", "desError"}, …}`.
//!
//! Each envelope is one [`Tracking`] numbered by `codEnvio`; each
//! `enviosAsociados[]` entry (a linked shipment, e.g. the return of a
//! parcel) is one more tracking, numbered by its own `codEnvio`, with its one
//! event. Events are looked up by `codEvento` as sent (e.g. `I010000V`), the
//! key of `mappings/correos.tsv`. The text is `desTextoAmpliado` (else
//! `desTextoResumen`); `unidad` is an office code and is not read as a place.
//!
//! Times: `fecEvento` (`DD/MM/YYYY`) and `horEvento` (`HH:MM:SS`; absent in
//! some answers, then midnight) are Spanish local time without an offset:
//! kept as wall time with offset `None`. No ETA is read (`fec_calculada`'s
//! meaning is not published).
//!
//! An envelope whose `error.codError` is not `0` and that has no events (for
//! example `3`, "Sin Trazabilidad en Minerva.", for an unknown or aged-out
//! code) is [`Error::CarrierError`] when no envelope of the body holds a
//! tracking.

use super::{bad_time, carrier_error, impl_repeating, json, local, one_or_many, text, Str};
use crate::{Carrier, Error, Event, EventTime, Tracking};
use serde::Deserialize;

const C: Carrier = Carrier::Correos;

#[derive(Deserialize)]
#[serde(transparent)]
struct Body<'a>(#[serde(borrow, deserialize_with = "one_or_many")] Vec<Envelope<'a>>);

/// `eventos` and `enviosAsociados` may be one object, and may repeat their
/// key once per element (a published answer does).
#[derive(Deserialize)]
#[serde(remote = "Self")]
struct Envelope<'a> {
    #[serde(borrow, rename = "codEnvio")]
    cod_envio: Option<Str<'a>>,
    #[serde(borrow, default, deserialize_with = "one_or_many")]
    eventos: Vec<Evento<'a>>,
    #[serde(
        borrow,
        default,
        rename = "enviosAsociados",
        deserialize_with = "one_or_many"
    )]
    envios_asociados: Vec<Asociado<'a>>,
    #[serde(borrow)]
    error: Option<CorreosError<'a>>,
}

impl_repeating!(Envelope, ["eventos", "enviosAsociados"]);

#[derive(Deserialize)]
struct Evento<'a> {
    #[serde(borrow, rename = "fecEvento")]
    fec_evento: Option<Str<'a>>,
    #[serde(borrow, rename = "horEvento")]
    hor_evento: Option<Str<'a>>,
    #[serde(borrow, rename = "codEvento")]
    cod_evento: Option<Str<'a>>,
    #[serde(borrow, rename = "desTextoResumen")]
    resumen: Option<Str<'a>>,
    #[serde(borrow, rename = "desTextoAmpliado")]
    ampliado: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct Asociado<'a> {
    #[serde(borrow, rename = "codEnvio")]
    cod_envio: Option<Str<'a>>,
    #[serde(borrow, rename = "fecEvento")]
    fec_evento: Option<Str<'a>>,
    #[serde(borrow, rename = "horEvento")]
    hor_evento: Option<Str<'a>>,
    #[serde(borrow, rename = "codEvento")]
    cod_evento: Option<Str<'a>>,
    #[serde(borrow, rename = "desResumen")]
    resumen: Option<Str<'a>>,
    #[serde(borrow, rename = "desAmpliada")]
    ampliado: Option<Str<'a>>,
}

#[derive(Deserialize)]
struct CorreosError<'a> {
    #[serde(borrow, rename = "codError")]
    cod_error: Option<Str<'a>>,
    #[serde(borrow, rename = "desError")]
    des_error: Option<Str<'a>>,
}

pub(crate) fn parse(body: &[u8]) -> Result<Vec<Tracking>, Error> {
    let Body(envelopes) = json(C, body)?;
    let mut out = Vec::with_capacity(envelopes.len());
    let mut first_error = None;
    for (i, env) in envelopes.iter().enumerate() {
        let path = |rest: &str| format!("$[{i}]{rest}");
        let eventos = &env.eventos;
        let failed = env
            .error
            .as_ref()
            .and_then(|e| text(&e.cod_error))
            .filter(|c| *c != "0");
        if let (Some(code), true) = (failed, eventos.is_empty()) {
            let message = env.error.as_ref().and_then(|e| text(&e.des_error));
            first_error.get_or_insert_with(|| carrier_error(C, Some(code), message));
            continue;
        }
        let number = text(&env.cod_envio).ok_or_else(|| Error::MissingField {
            carrier: C,
            field: "codEnvio",
            path: path(""),
        })?;
        let mut events = Vec::with_capacity(eventos.len());
        for (ei, e) in eventos.iter().enumerate() {
            let epath = || path(&format!(".eventos[{ei}]"));
            let time = time_of(&e.fec_evento, &e.hor_evento, epath)?;
            let description = text(&e.ampliado).or(text(&e.resumen));
            events.push(event(time, &e.cod_evento, description));
        }
        out.push(Tracking::new(C, number, events, None));
        for (ai, a) in env.envios_asociados.iter().enumerate() {
            let apath = || path(&format!(".enviosAsociados[{ai}]"));
            let number = text(&a.cod_envio).ok_or_else(|| Error::MissingField {
                carrier: C,
                field: "codEnvio",
                path: apath(),
            })?;
            let time = time_of(&a.fec_evento, &a.hor_evento, apath)?;
            let description = text(&a.ampliado).or(text(&a.resumen));
            let events = vec![event(time, &a.cod_evento, description)];
            out.push(Tracking::new(C, number, events, None));
        }
    }
    match first_error {
        Some(e) if out.is_empty() => Err(e),
        _ => Ok(out),
    }
}

fn event(time: EventTime, code: &Option<Str<'_>>, description: Option<&str>) -> Event {
    let code = text(code).unwrap_or("");
    let mapping = (!code.is_empty()).then(|| C.find(code)).flatten();
    Event::meant(Some(time), code, None, description.unwrap_or(""), mapping)
}

/// `fecEvento` `DD/MM/YYYY` plus `horEvento` `HH:MM:SS` (midnight when absent).
fn time_of(
    date: &Option<Str<'_>>,
    hour: &Option<Str<'_>>,
    path: impl Fn() -> String,
) -> Result<EventTime, Error> {
    let d = text(date).ok_or_else(|| Error::MissingField {
        carrier: C,
        field: "fecEvento",
        path: path(),
    })?;
    let h = text(hour).unwrap_or("00:00:00");
    let joined = format!("{d} {h}");
    local(&joined, "%d/%m/%Y %H:%M:%S")
        .or_else(|| local(&joined, "%d/%m/%Y %H:%M"))
        .map(|wall| EventTime::new(wall, None))
        .ok_or_else(|| bad_time(C, || format!("{}.fecEvento", path()), &joined))
}
