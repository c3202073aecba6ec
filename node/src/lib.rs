//! Node.js bindings of `wismo` (napi-rs).
//!
//! A thin layer: every answer comes from the `wismo` crate's public API and
//! crosses to JavaScript as the crate's own JSON (serde), which `index.js`
//! turns into plain objects. Errors cross as a marked JSON message that
//! `index.js` turns into `WismoError` subclasses with the error's fields.

#![deny(unsafe_code)] // napi's macros allow it in their own expansion

use napi::bindgen_prelude::{AsyncTask, Buffer, Either};
use napi::{Env, Task};
use napi_derive::napi;
use rayon::prelude::*;
use serde_json::{json, Value};
use std::sync::Arc;

/// Starts the message of an error thrown for a `wismo::Error`; the rest is
/// the error's fields as JSON (read by `index.js`).
const ERROR_MARK: &str = "\u{1}wismo:";

/// The fields of a `wismo::Error`, by its public variants, with a fallback
/// for variants added later (the enum is `#[non_exhaustive]`).
fn error_fields(e: &wismo::Error) -> Value {
    use wismo::Error as E;
    let category = match e.classify() {
        wismo::Category::Syntax => "syntax",
        wismo::Category::Data => "data",
        wismo::Category::Carrier => "carrier",
        wismo::Category::Limit => "limit",
        _ => "usage",
    };
    let mut v = json!({
        "message": e.to_string(),
        "category": category,
        "carrier": e.carrier().map(|c| c.as_str()),
    });
    let extra = match e {
        E::Json { source, .. } => {
            json!({"kind": "json", "line": source.line(), "column": source.column()})
        }
        E::Xml { position, .. } => json!({"kind": "xml", "position": position}),
        E::MissingField { field, path, .. } => {
            json!({"kind": "missing_field", "field": field, "path": path})
        }
        E::Timestamp { path, value, .. } => {
            json!({"kind": "timestamp", "path": path, "value": value})
        }
        E::Invalid { path, .. } => json!({"kind": "invalid", "path": path}),
        E::CarrierError { code, .. } => json!({"kind": "carrier_error", "carrierCode": code}),
        E::TooLarge { what, limit, .. } => {
            json!({"kind": "too_large", "what": what, "limit": limit})
        }
        E::Unsupported { .. } => json!({"kind": "unsupported"}),
        E::UnknownCarrier(w) => json!({"kind": "unknown_carrier", "id": w.word,
                                       "candidates": w.candidates, "ambiguous": w.ambiguous}),
        E::NotOneTracking { found, .. } => json!({"kind": "not_one_tracking", "found": found}),
        _ => json!({"kind": "other"}),
    };
    if let (Some(v), Value::Object(extra)) = (v.as_object_mut(), extra) {
        v.extend(extra);
    }
    v
}

fn error_text(e: &wismo::Error) -> String {
    format!("{ERROR_MARK}{}", error_fields(e))
}

fn js_error(e: &wismo::Error) -> napi::Error {
    napi::Error::from_reason(error_text(e))
}

fn invalid(e: impl std::fmt::Display) -> napi::Error {
    napi::Error::new(napi::Status::InvalidArg, e.to_string())
}

fn to_json<T: serde::Serialize>(value: &T) -> napi::Result<String> {
    serde_json::to_string(value).map_err(invalid)
}

fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> napi::Result<T> {
    serde_json::from_str(text).map_err(invalid)
}

/// Resource limits (`wismo::Limits`); an absent field keeps the default.
#[napi(object)]
#[derive(Clone, Copy, Default)]
pub struct Limits {
    /// Largest body accepted, in bytes (default 16 MiB).
    pub max_body_bytes: Option<u32>,
    /// Deepest nesting of JSON containers or XML elements (default 64).
    pub max_depth: Option<u32>,
    /// Most events in one tracking (default 10 000).
    pub max_events: Option<u32>,
}

fn limits_of(l: Option<Limits>) -> wismo::Limits {
    let mut out = wismo::Limits::default();
    if let Some(l) = l {
        if let Some(v) = l.max_body_bytes {
            out.max_body_bytes = v as usize;
        }
        if let Some(v) = l.max_depth {
            out.max_depth = v as usize;
        }
        if let Some(v) = l.max_events {
            out.max_events = v as usize;
        }
    }
    out
}

/// One body's answer in a batch: the trackings' JSON, or the error mark and
/// the error's fields.
fn batch_one(normalizer: &wismo::Normalizer, carrier: &str, body: &[u8]) -> String {
    let out = carrier
        .parse::<wismo::Carrier>()
        .map_err(wismo::Error::from)
        .and_then(|c| normalizer.parse(c, body));
    match out {
        Ok(t) => serde_json::to_string(&t).unwrap_or_else(|e| {
            let fields = json!({"kind": "other", "category": "usage", "carrier": null,
                                "message": e.to_string()});
            format!("{ERROR_MARK}{fields}")
        }),
        Err(e) => error_text(&e),
    }
}

/// Parses one body; the crate's JSON of its trackings.
#[napi]
pub fn parse(
    carrier: String,
    body: Either<Buffer, String>,
    limits: Option<Limits>,
) -> napi::Result<String> {
    let carrier: wismo::Carrier = carrier
        .parse()
        .map_err(|w| js_error(&wismo::Error::from(w)))?;
    let limits = limits_of(limits);
    let out = match &body {
        Either::A(b) => wismo::parse_with(carrier, b, &limits),
        Either::B(s) => wismo::parse_with(carrier, s.as_bytes(), &limits),
    };
    out.map_err(|e| js_error(&e)).and_then(|t| to_json(&t))
}

fn batch(
    normalizer: &wismo::Normalizer,
    carriers: &[String],
    bodies: &[Buffer],
) -> napi::Result<Vec<String>> {
    if carriers.len() != bodies.len() {
        return Err(invalid("carriers and bodies differ in length"));
    }
    let work: Vec<(&str, &[u8])> = carriers
        .iter()
        .map(String::as_str)
        .zip(bodies.iter().map(|b| &b[..]))
        .collect();
    Ok(work
        .par_iter()
        .map(|(c, b)| batch_one(normalizer, c, b))
        .collect())
}

fn task(
    normalizer: Arc<wismo::Normalizer>,
    carriers: Vec<String>,
    bodies: &[Buffer],
) -> napi::Result<AsyncTask<ParseTask>> {
    if carriers.len() != bodies.len() {
        return Err(invalid("carriers and bodies differ in length"));
    }
    let items = carriers
        .into_iter()
        .zip(bodies.iter().map(|b| b.to_vec()))
        .collect();
    Ok(AsyncTask::new(ParseTask { items, normalizer }))
}

/// `wismo::parse_one`: a body that holds exactly one tracking; its JSON.
#[napi]
pub fn parse_one(carrier: String, body: Either<Buffer, String>) -> napi::Result<String> {
    let carrier: wismo::Carrier = carrier
        .parse()
        .map_err(|w| js_error(&wismo::Error::from(w)))?;
    let out = match &body {
        Either::A(b) => wismo::parse_one(carrier, b),
        Either::B(s) => wismo::parse_one(carrier, s.as_bytes()),
    };
    out.map_err(|e| js_error(&e)).and_then(|t| to_json(&t))
}

/// Parses many bodies, spread over the cores; blocks the calling thread.
#[napi]
pub fn parse_many(
    carriers: Vec<String>,
    bodies: Vec<Buffer>,
    limits: Option<Limits>,
) -> napi::Result<Vec<String>> {
    let normalizer = wismo::Normalizer::new().with_limits(limits_of(limits));
    batch(&normalizer, &carriers, &bodies)
}

/// A batch parsed on the libuv thread pool (and rayon's), off the event loop.
pub struct ParseTask {
    items: Vec<(String, Vec<u8>)>,
    normalizer: Arc<wismo::Normalizer>,
}

#[napi]
impl Task for ParseTask {
    type Output = Vec<String>;
    type JsValue = Vec<String>;

    fn compute(&mut self) -> napi::Result<Vec<String>> {
        let normalizer = &self.normalizer;
        Ok(self
            .items
            .par_iter()
            .map(|(c, b)| batch_one(normalizer, c, b))
            .collect())
    }

    fn resolve(&mut self, _env: Env, output: Vec<String>) -> napi::Result<Vec<String>> {
        Ok(output)
    }
}

/// [`parse_many`] off the event loop: a promise of the same answers.
#[napi]
pub fn parse_many_async(
    carriers: Vec<String>,
    bodies: Vec<Buffer>,
    limits: Option<Limits>,
) -> napi::Result<AsyncTask<ParseTask>> {
    let normalizer = Arc::new(wismo::Normalizer::new().with_limits(limits_of(limits)));
    task(normalizer, carriers, &bodies)
}

/// `Tracking::merge`: the older tracking with the newer folded in (JSON in,
/// JSON out).
#[napi]
pub fn merge(older: String, newer: String) -> napi::Result<String> {
    let mut older: wismo::Tracking = from_json(&older)?;
    older.merge(from_json(&newer)?).map_err(|e| {
        let fields = json!({"kind": "merge", "category": "usage", "carrier": null,
                            "message": e.to_string()});
        napi::Error::from_reason(format!("{ERROR_MARK}{fields}"))
    })?;
    to_json(&older)
}

fn mapping_error(e: &wismo::MappingError) -> napi::Error {
    let problems: Vec<Value> = e
        .problems
        .iter()
        .map(|p| json!({"file": p.file, "line": p.line, "message": p.message}))
        .collect();
    let fields = json!({"kind": "mapping", "category": "usage", "carrier": null,
                        "message": e.to_string(), "problems": problems});
    napi::Error::from_reason(format!("{ERROR_MARK}{fields}"))
}

/// The choices of one deployment (`wismo::Normalizer`): mapping overrides,
/// limits, the language of carriers' texts.
#[napi]
pub struct NativeNormalizer {
    inner: Arc<wismo::Normalizer>,
}

#[napi]
impl NativeNormalizer {
    /// Override files (paths), override texts (`[name, text]` pairs, later
    /// wins), limits, languages (`[carrier, lang]` pairs).
    #[napi(constructor)]
    pub fn new(
        paths: Option<Vec<String>>,
        texts: Option<Vec<Vec<String>>>,
        limits: Option<Limits>,
        languages: Option<Vec<Vec<String>>>,
    ) -> napi::Result<Self> {
        let mut inner = wismo::Normalizer::new();
        if paths.is_some() || texts.is_some() {
            let mut o = match paths {
                Some(p) => wismo::Overrides::load_all(p).map_err(|e| mapping_error(&e))?,
                None => wismo::Overrides::new(),
            };
            for pair in texts.unwrap_or_default() {
                let [name, text] = pair.as_slice() else {
                    return Err(invalid("override texts are [name, text] pairs"));
                };
                o.add_text(name, text).map_err(|e| mapping_error(&e))?;
            }
            inner = inner.with_overrides(o);
        }
        if limits.is_some() {
            inner = inner.with_limits(limits_of(limits));
        }
        for pair in languages.unwrap_or_default() {
            let [carrier, lang] = pair.as_slice() else {
                return Err(invalid("languages are [carrier, lang] pairs"));
            };
            let carrier: wismo::Carrier = carrier
                .parse()
                .map_err(|w| js_error(&wismo::Error::from(w)))?;
            inner = inner.with_language(carrier, lang.parse().map_err(invalid)?);
        }
        Ok(NativeNormalizer {
            inner: Arc::new(inner),
        })
    }

    /// Parses one body with this deployment's choices; the trackings' JSON.
    #[napi]
    pub fn parse(&self, carrier: String, body: Either<Buffer, String>) -> napi::Result<String> {
        let carrier: wismo::Carrier = carrier
            .parse()
            .map_err(|w| js_error(&wismo::Error::from(w)))?;
        let out = match &body {
            Either::A(b) => self.inner.parse(carrier, b),
            Either::B(s) => self.inner.parse(carrier, s.as_bytes()),
        };
        out.map_err(|e| js_error(&e)).and_then(|t| to_json(&t))
    }

    /// Many bodies, spread over the cores; blocks the calling thread.
    #[napi]
    pub fn parse_many(
        &self,
        carriers: Vec<String>,
        bodies: Vec<Buffer>,
    ) -> napi::Result<Vec<String>> {
        batch(&self.inner, &carriers, &bodies)
    }

    /// Many bodies off the event loop.
    #[napi]
    pub fn parse_many_async(
        &self,
        carriers: Vec<String>,
        bodies: Vec<Buffer>,
    ) -> napi::Result<AsyncTask<ParseTask>> {
        task(self.inner.clone(), carriers, &bodies)
    }

    /// `Normalizer::remap` of a stored tracking (JSON in, JSON out).
    #[napi]
    pub fn remap(&self, tracking: String) -> napi::Result<String> {
        let mut t: wismo::Tracking = from_json(&tracking)?;
        self.inner.remap(&mut t);
        to_json(&t)
    }

    /// `Normalizer::lookup`: the crate's JSON of the meaning, or `null`.
    #[napi]
    pub fn lookup(&self, carrier: String, code: String) -> napi::Result<Option<String>> {
        let carrier: wismo::Carrier = carrier
            .parse()
            .map_err(|w| js_error(&wismo::Error::from(w)))?;
        self.inner
            .lookup(carrier, &code)
            .map(|m| to_json(&m))
            .transpose()
    }

    /// The override files in use, by the names they were given.
    #[napi]
    pub fn override_files(&self) -> Vec<String> {
        self.inner
            .overrides()
            .map(|o| o.files().to_vec())
            .unwrap_or_default()
    }
}

/// `wismo::detect`: candidates as JSON.
#[napi]
pub fn detect(text: String) -> napi::Result<String> {
    to_json(&wismo::detect(&text))
}

/// What `wismo::classify` read from a text.
#[napi(object)]
pub struct Classified {
    /// Status.
    pub status: String,
    /// Substatus.
    pub substatus: String,
    /// Confidence, 0 to 1.
    pub confidence: f64,
}

/// `wismo::classify`; `null` when the classifier is not sure.
#[napi]
pub fn classify(text: String, lang: Option<String>) -> napi::Result<Option<Classified>> {
    let lang = match lang {
        Some(l) => Some(l.parse::<wismo::Lang>().map_err(invalid)?),
        None => None,
    };
    Ok(wismo::classify(&text, lang).map(|(s, ss, c)| Classified {
        status: s.as_str().to_string(),
        substatus: ss.as_str().to_string(),
        confidence: f64::from(c),
    }))
}

/// `wismo::customer::notifications_with` (trackings and options as the crate's JSON).
#[napi]
pub fn notifications(
    previous: Option<String>,
    current: String,
    options: Option<String>,
) -> napi::Result<String> {
    let previous: Option<wismo::Tracking> = previous.as_deref().map(from_json).transpose()?;
    let current: wismo::Tracking = from_json(&current)?;
    let options: wismo::customer::NotifyOptions = match options {
        Some(o) => from_json(&o)?,
        None => wismo::customer::NotifyOptions::default(),
    };
    to_json(&wismo::customer::notifications_with(
        previous.as_ref(),
        &current,
        &options,
    ))
}

fn locale_of(tag: &str) -> napi::Result<wismo::customer::Locale> {
    wismo::customer::Locale::from_tag(tag).ok_or_else(|| invalid(format!("unknown locale `{tag}`")))
}

fn message_options(options: Option<String>) -> napi::Result<wismo::customer::MessageOptions> {
    match options {
        Some(o) => from_json(&o),
        None => Ok(wismo::customer::MessageOptions::default()),
    }
}

/// `wismo::customer::message_with`: the customer's message for a tracking.
#[napi]
pub fn message(tracking: String, locale: String, options: Option<String>) -> napi::Result<String> {
    let tracking: wismo::Tracking = from_json(&tracking)?;
    to_json(&wismo::customer::message_with(
        &tracking,
        locale_of(&locale)?,
        &message_options(options)?,
    ))
}

/// `wismo::customer::notification_message_with`: the customer's message for a
/// notification.
#[napi]
pub fn notification_message(
    notification: String,
    locale: String,
    options: Option<String>,
) -> napi::Result<String> {
    let notification: wismo::customer::Notification = from_json(&notification)?;
    to_json(&wismo::customer::notification_message_with(
        &notification,
        locale_of(&locale)?,
        &message_options(options)?,
    ))
}

fn words<T: Copy>(all: &[T], f: impl Fn(T) -> String) -> Vec<String> {
    all.iter().map(|&v| f(v)).collect()
}

/// The crate's vocabularies and version, as JSON.
#[napi]
pub fn vocabulary() -> napi::Result<String> {
    to_json(&json!({
        "version": env!("CARGO_PKG_VERSION"),
        "carriers": words(wismo::Carrier::ALL, |c| c.as_str().to_string()),
        "statuses": words(wismo::Status::ALL, |s| s.to_string()),
        "substatuses": words(wismo::Substatus::ALL, |s| s.to_string()),
        "reasons": words(wismo::Reason::ALL, |s| s.to_string()),
        "langs": words(wismo::Lang::ALL, |s| s.to_string()),
        "locales": words(wismo::customer::Locale::ALL, |s| s.to_string()),
        "notificationKinds": words(wismo::customer::NotificationKind::ALL, |s| s.as_str().to_string()),
    }))
}
