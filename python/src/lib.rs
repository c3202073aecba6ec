//! Python bindings of `wismo` (PyO3, abi3 for CPython >= 3.9).
//!
//! A thin layer: every answer comes from the `wismo` crate's public API; this
//! file only converts arguments and wraps results. Vocabulary values are the
//! crate's snake_case strings, times the crate's RFC 3339 strings, and
//! `to_dict()`/`to_json()` go through the crate's serde, so the JSON is the
//! crate's JSON.

#![forbid(unsafe_code)]

use std::borrow::Cow;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString, PyTuple};
use rayon::prelude::*;
use serde::Serialize;

create_exception!(
    wismo,
    Error,
    PyException,
    "Reading a carrier response failed (the crate's `wismo::Error`)."
);
create_exception!(
    wismo,
    ParseError,
    Error,
    "The body is not well-formed, or not the carrier's documented shape or values."
);
create_exception!(
    wismo,
    CarrierError,
    Error,
    "The body is the carrier's error answer (an error object, a SOAP fault)."
);
create_exception!(
    wismo,
    TooLarge,
    Error,
    "The body, or a part of it, exceeds a configured limit."
);
create_exception!(
    wismo,
    Unsupported,
    Error,
    "wismo has a code table for the carrier but no parser for its format yet."
);
create_exception!(
    wismo,
    UnknownCarrier,
    Error,
    "The carrier id is not known (see wismo.CARRIERS)."
);

create_exception!(
    wismo,
    MappingError,
    PyValueError,
    "Override mapping files have problems; `problems` lists (file, line, message)."
);
create_exception!(
    wismo,
    MergeError,
    PyValueError,
    "Tracking.merge refused to mix two parcels (another carrier or tracking number)."
);

fn mapping_error(py: Python<'_>, e: &wismo::MappingError) -> PyErr {
    let err = MappingError::new_err(e.to_string());
    let problems: Vec<(String, usize, String)> = e
        .problems
        .iter()
        .map(|p| (p.file.clone(), p.line, p.message.clone()))
        .collect();
    if let Err(set) = err.value(py).setattr("problems", problems) {
        return set;
    }
    err
}

/// The fields of a `wismo::Error`, by its public variants, with a fallback
/// for variants added later (the enum is `#[non_exhaustive]`).
#[derive(Default)]
struct ErrorFields {
    kind: &'static str,
    line: Option<usize>,
    column: Option<usize>,
    position: Option<u64>,
    field: Option<&'static str>,
    path: Option<String>,
    value: Option<String>,
    carrier_code: Option<String>,
    what: Option<&'static str>,
    limit: Option<usize>,
    id: Option<String>,
    candidates: Option<Vec<String>>,
    ambiguous: Option<bool>,
    found: Option<usize>,
}

fn error_fields(e: &wismo::Error) -> ErrorFields {
    use wismo::Error as E;
    let mut f = ErrorFields::default();
    match e {
        E::Json { source, .. } => {
            f.kind = "json";
            f.line = Some(source.line());
            f.column = Some(source.column());
        }
        E::Xml { position, .. } => {
            f.kind = "xml";
            f.position = Some(*position);
        }
        E::MissingField { field, path, .. } => {
            f.kind = "missing_field";
            f.field = Some(field);
            f.path = Some(path.clone());
        }
        E::Timestamp { path, value, .. } => {
            f.kind = "timestamp";
            f.path = Some(path.clone());
            f.value = Some(value.clone());
        }
        E::Invalid { path, .. } => {
            f.kind = "invalid";
            f.path = Some(path.clone());
        }
        E::CarrierError { code, .. } => {
            f.kind = "carrier_error";
            f.carrier_code = code.clone();
        }
        E::TooLarge { what, limit, .. } => {
            f.kind = "too_large";
            f.what = Some(what);
            f.limit = Some(*limit);
        }
        E::Unsupported { .. } => f.kind = "unsupported",
        E::UnknownCarrier(w) => {
            f.kind = "unknown_carrier";
            f.id = Some(w.word.clone());
            f.candidates = Some(w.candidates.clone());
            f.ambiguous = Some(w.ambiguous);
        }
        E::NotOneTracking { found, .. } => {
            f.kind = "not_one_tracking";
            f.found = Some(*found);
        }
        _ => f.kind = "other",
    }
    f
}

fn category_str(c: wismo::Category) -> &'static str {
    use wismo::Category as C;
    match c {
        C::Syntax => "syntax",
        C::Data => "data",
        C::Carrier => "carrier",
        C::Limit => "limit",
        _ => "usage",
    }
}

/// A `wismo::Error` as an instance of the matching Python exception class,
/// with the error's fields as attributes.
fn py_error(py: Python<'_>, e: &wismo::Error) -> PyErr {
    let f = error_fields(e);
    let category = e.classify();
    let message = e.to_string();
    let err = match f.kind {
        "json" | "xml" | "missing_field" | "timestamp" | "invalid" | "not_one_tracking" => {
            ParseError::new_err(message)
        }
        "carrier_error" => CarrierError::new_err(message),
        "too_large" => TooLarge::new_err(message),
        "unsupported" => Unsupported::new_err(message),
        "unknown_carrier" => UnknownCarrier::new_err(message),
        // A variant this binding does not know yet: by its category.
        _ => match category {
            wismo::Category::Syntax | wismo::Category::Data => ParseError::new_err(message),
            wismo::Category::Carrier => CarrierError::new_err(message),
            wismo::Category::Limit => TooLarge::new_err(message),
            _ => Error::new_err(message),
        },
    };
    if let Err(set) = set_error_fields(py, &err, e, &f, category) {
        return set;
    }
    err
}

fn set_error_fields(
    py: Python<'_>,
    err: &PyErr,
    e: &wismo::Error,
    f: &ErrorFields,
    category: wismo::Category,
) -> PyResult<()> {
    let v = err.value(py);
    v.setattr("kind", f.kind)?;
    v.setattr("category", category_str(category))?;
    v.setattr("carrier", e.carrier().map(|c| c.as_str()))?;
    v.setattr("message", e.to_string())?;
    v.setattr("line", f.line)?;
    v.setattr("column", f.column)?;
    v.setattr("position", f.position)?;
    v.setattr("field", f.field)?;
    v.setattr("path", f.path.as_deref())?;
    v.setattr("value", f.value.as_deref())?;
    v.setattr("carrier_code", f.carrier_code.as_deref())?;
    v.setattr("what", f.what)?;
    v.setattr("limit", f.limit)?;
    v.setattr("id", f.id.as_deref())?;
    v.setattr("candidates", f.candidates.clone())?;
    v.setattr("ambiguous", f.ambiguous)?;
    v.setattr("found", f.found)?;
    Ok(())
}

fn carrier_of(py: Python<'_>, id: &str) -> PyResult<wismo::Carrier> {
    id.parse::<wismo::Carrier>()
        .map_err(|w| py_error(py, &wismo::Error::from(w)))
}

/// The bytes of a body given as `bytes` (borrowed) or `str` (UTF-8).
fn body_of<'a>(obj: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, [u8]>> {
    if let Ok(b) = obj.downcast::<PyBytes>() {
        return Ok(Cow::Borrowed(b.as_bytes()));
    }
    if let Ok(s) = obj.downcast::<PyString>() {
        return Ok(match s.to_cow()? {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        });
    }
    Err(PyTypeError::new_err(format!(
        "body must be bytes or str, not {}",
        obj.get_type().name()?
    )))
}

/// The crate's JSON of `value`.
fn json_of<T: Serialize>(value: &T, indent: Option<usize>) -> PyResult<String> {
    let out = match indent {
        None => serde_json::to_string(value),
        Some(n) => {
            let pad = " ".repeat(n);
            let mut buf = Vec::new();
            let fmt = serde_json::ser::PrettyFormatter::with_indent(pad.as_bytes());
            let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
            value
                .serialize(&mut ser)
                .map(|()| String::from_utf8(buf).unwrap_or_default())
        }
    };
    out.map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The crate's JSON of `value`, as Python objects (through `json.loads`).
fn dict_of<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let text = json_of(value, None)?;
    py.import("json")?.call_method1("loads", (text,))
}

/// A unit enum's serde string (snake_case, as in the crate's JSON).
fn word<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn time_str(t: Option<wismo::EventTime>) -> Option<String> {
    t.map(|t| t.to_string())
}

/// A `datetime`/`date` (via `isoformat()`) or a string, as the string the
/// crate's serde reads. A naive `datetime` is taken as UTC.
fn iso_arg(obj: Option<&Bound<'_, PyAny>>, date_only: bool) -> PyResult<serde_json::Value> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(serde_json::Value::Null);
    };
    if let Ok(s) = obj.downcast::<PyString>() {
        return Ok(serde_json::Value::String(s.to_cow()?.into_owned()));
    }
    if obj.hasattr("isoformat")? {
        let naive = !date_only && obj.getattr("tzinfo").is_ok_and(|z| z.is_none());
        let mut s: String = obj.call_method0("isoformat")?.extract()?;
        if naive {
            s.push_str("+00:00");
        }
        return Ok(serde_json::Value::String(s));
    }
    Err(PyTypeError::new_err(
        "expected a datetime, a date or an ISO 8601 string",
    ))
}

fn from_json_value<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> PyResult<T> {
    serde_json::from_value(v).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// Where an event happened, as far as the carrier says.
#[pyclass(module = "wismo", frozen, eq)]
#[derive(Clone, PartialEq)]
struct Location {
    inner: wismo::Location,
}

#[pymethods]
impl Location {
    #[getter]
    fn city(&self) -> Option<&str> {
        self.inner.city.as_deref()
    }
    #[getter]
    fn postal_code(&self) -> Option<&str> {
        self.inner.postal_code.as_deref()
    }
    #[getter]
    fn country(&self) -> Option<&str> {
        self.inner.country.as_deref()
    }
    #[getter]
    fn name(&self) -> Option<&str> {
        self.inner.name.as_deref()
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict_of(py, &self.inner)
    }
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        json_of(&self.inner, indent)
    }
    fn __repr__(&self) -> PyResult<String> {
        Ok(format!("Location({})", json_of(&self.inner, None)?))
    }
}

fn location(l: &Option<wismo::Location>) -> Option<Location> {
    l.clone().map(|inner| Location { inner })
}

/// An expected delivery window.
#[pyclass(module = "wismo", frozen, eq)]
#[derive(Clone, PartialEq)]
struct EtaWindow {
    inner: wismo::EtaWindow,
}

#[pymethods]
impl EtaWindow {
    #[getter]
    fn earliest(&self) -> String {
        self.inner.earliest.to_string()
    }
    #[getter]
    fn latest(&self) -> String {
        self.inner.latest.to_string()
    }
    #[getter]
    fn source(&self) -> String {
        word(&self.inner.source)
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict_of(py, &self.inner)
    }
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        json_of(&self.inner, indent)
    }
    fn __repr__(&self) -> PyResult<String> {
        Ok(format!("EtaWindow({})", json_of(&self.inner, None)?))
    }
}

fn window(w: Option<wismo::EtaWindow>) -> Option<EtaWindow> {
    w.map(|inner| EtaWindow { inner })
}

/// The ETA history of a tracking: the first estimate and the latest.
#[pyclass(module = "wismo", frozen, eq)]
#[derive(Clone, PartialEq)]
struct Eta {
    inner: wismo::eta::Eta,
}

#[pymethods]
impl Eta {
    #[getter]
    fn original(&self) -> Option<EtaWindow> {
        window(self.inner.original)
    }
    #[getter]
    fn current(&self) -> Option<EtaWindow> {
        window(self.inner.current)
    }
    #[getter]
    fn carrier_as_of(&self) -> Option<String> {
        time_str(self.inner.carrier_as_of)
    }
    fn moved_days(&self) -> Option<i64> {
        self.inner.moved_days()
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict_of(py, &self.inner)
    }
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        json_of(&self.inner, indent)
    }
    fn __repr__(&self) -> PyResult<String> {
        Ok(format!("Eta({})", json_of(&self.inner, None)?))
    }
}

/// One carrier event: the raw code and text, and their normalized meaning.
#[pyclass(module = "wismo", frozen, eq)]
#[derive(Clone, PartialEq)]
struct Event {
    inner: wismo::Event,
}

#[pymethods]
impl Event {
    /// The time as in the crate's JSON: local wall time plus offset when known.
    #[getter]
    fn time(&self) -> Option<String> {
        time_str(self.inner.time)
    }
    /// The carrier's local wall time, without offset.
    #[getter]
    fn time_local(&self) -> Option<String> {
        self.inner
            .time
            .map(|t| wismo::EventTime::new(t.local, None).to_string())
    }
    /// The instant in UTC (`...Z`), when the carrier gave an offset.
    #[getter]
    fn time_utc(&self) -> Option<String> {
        self.inner
            .time
            .and_then(|t| t.to_utc())
            .map(|t| t.format("%Y-%m-%dT%H:%M:%S%.fZ").to_string())
    }
    #[getter]
    fn code(&self) -> &str {
        &self.inner.code
    }
    #[getter]
    fn reason_code(&self) -> Option<&str> {
        self.inner.reason_code.as_deref()
    }
    #[getter]
    fn description(&self) -> &str {
        &self.inner.description
    }
    #[getter]
    fn status(&self) -> &'static str {
        self.inner.status.as_str()
    }
    #[getter]
    fn substatus(&self) -> &'static str {
        self.inner.substatus.as_str()
    }
    #[getter]
    fn reason(&self) -> Option<&'static str> {
        self.inner.reason.map(|r| r.as_str())
    }
    #[getter]
    fn eta(&self) -> String {
        self.inner.eta.to_string()
    }
    #[getter]
    fn mapped(&self) -> bool {
        self.inner.mapped
    }
    #[getter]
    fn classified(&self) -> bool {
        self.inner.classified
    }
    #[getter]
    fn mapping_key(&self) -> Option<&str> {
        self.inner.mapping_key.as_deref()
    }
    /// The override file and line that answered, when an override did.
    #[getter]
    fn override_source(&self) -> Option<(String, u32)> {
        self.inner
            .override_source
            .as_ref()
            .map(|s| (s.file.clone(), s.line))
    }
    /// Vocabulary words of stored JSON this version does not know (`field=word`).
    #[getter]
    fn unknown_words(&self) -> Vec<String> {
        self.inner.unknown_words.clone()
    }
    #[getter]
    fn location(&self) -> Location {
        Location {
            inner: self.inner.location.clone(),
        }
    }
    #[getter]
    fn direction(&self) -> String {
        word(&self.inner.direction)
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict_of(py, &self.inner)
    }
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        json_of(&self.inner, indent)
    }
    fn __repr__(&self) -> String {
        format!(
            "Event(time={:?}, code={:?}, status={:?}, substatus={:?})",
            self.time().unwrap_or_default(),
            self.inner.code,
            self.status(),
            self.substatus()
        )
    }
}

/// One parcel: events oldest first and its current normalized state.
#[pyclass(module = "wismo", eq)]
#[derive(Clone, PartialEq)]
struct Tracking {
    inner: wismo::Tracking,
}

#[pymethods]
impl Tracking {
    #[getter]
    fn carrier(&self) -> &'static str {
        self.inner.carrier.as_str()
    }
    #[getter]
    fn tracking_number(&self) -> &str {
        &self.inner.tracking_number
    }
    #[getter]
    fn status(&self) -> &'static str {
        self.inner.status.as_str()
    }
    #[getter]
    fn substatus(&self) -> &'static str {
        self.inner.substatus.as_str()
    }
    #[getter]
    fn estimated_delivery(&self) -> Option<EtaWindow> {
        window(self.inner.estimated_delivery)
    }
    #[getter]
    fn delivered_at(&self) -> Option<String> {
        time_str(self.inner.delivered_at)
    }
    #[getter]
    fn direction(&self) -> String {
        word(&self.inner.direction)
    }
    #[getter]
    fn return_label(&self) -> bool {
        self.inner.return_label
    }
    #[getter]
    fn failed_attempts(&self) -> u32 {
        self.inner.failed_attempts
    }
    #[getter]
    fn first_scan_at(&self) -> Option<String> {
        time_str(self.inner.first_scan_at)
    }
    #[getter]
    fn pickup_since(&self) -> Option<String> {
        time_str(self.inner.pickup_since)
    }
    #[getter]
    fn pickup_deadline(&self) -> Option<String> {
        time_str(self.inner.pickup_deadline)
    }
    #[getter]
    fn eta(&self) -> Eta {
        Eta {
            inner: self.inner.eta,
        }
    }
    #[getter]
    fn origin(&self) -> Option<Location> {
        location(&self.inner.origin)
    }
    #[getter]
    fn destination(&self) -> Option<Location> {
        location(&self.inner.destination)
    }
    #[getter]
    fn events(&self) -> Vec<Event> {
        self.inner
            .events
            .iter()
            .map(|e| Event { inner: e.clone() })
            .collect()
    }
    /// The event the current status comes from.
    fn current_event(&self) -> Option<Event> {
        self.inner
            .current_event()
            .map(|e| Event { inner: e.clone() })
    }
    /// Whether the status is final (delivered, returned, cancelled, ...).
    fn is_terminal(&self) -> bool {
        self.inner.is_terminal()
    }
    /// Folds a newer response's tracking of the same parcel into this one
    /// (in place, as `wismo::Tracking::merge`).
    fn merge(&mut self, newer: PyRef<'_, Tracking>) -> PyResult<()> {
        self.inner
            .merge(newer.inner.clone())
            .map_err(|e| MergeError::new_err(e.to_string()))
    }
    /// A copy of this tracking marked as a return label's.
    fn as_return_label(&self) -> Tracking {
        Tracking {
            inner: self.inner.clone().as_return_label(),
        }
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict_of(py, &self.inner)
    }
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        json_of(&self.inner, indent)
    }
    /// A tracking from the crate's JSON (as `to_json()` writes it), e.g. one
    /// stored from an earlier poll.
    #[staticmethod]
    fn from_json(text: &Bound<'_, PyAny>) -> PyResult<Tracking> {
        let body = body_of(text)?;
        serde_json::from_slice(&body)
            .map(|inner| Tracking { inner })
            .map_err(|e| PyValueError::new_err(e.to_string()))
    }
    fn __copy__(&self) -> Tracking {
        self.clone()
    }
    fn __deepcopy__(&self, _memo: &Bound<'_, PyAny>) -> Tracking {
        self.clone()
    }
    fn __repr__(&self) -> String {
        format!(
            "Tracking(carrier={:?}, tracking_number={:?}, status={:?}, substatus={:?}, events={})",
            self.carrier(),
            self.inner.tracking_number,
            self.status(),
            self.substatus(),
            self.inner.events.len()
        )
    }
}

/// Resource limits for untrusted bodies (`wismo::Limits`).
#[pyclass(module = "wismo", frozen, eq)]
#[derive(Clone, Copy, PartialEq)]
struct Limits {
    inner: wismo::Limits,
}

#[pymethods]
impl Limits {
    #[new]
    #[pyo3(signature = (*, max_body_bytes=None, max_depth=None, max_events=None))]
    fn new(
        max_body_bytes: Option<usize>,
        max_depth: Option<usize>,
        max_events: Option<usize>,
    ) -> Limits {
        let mut inner = wismo::Limits::default();
        if let Some(v) = max_body_bytes {
            inner.max_body_bytes = v;
        }
        if let Some(v) = max_depth {
            inner.max_depth = v;
        }
        if let Some(v) = max_events {
            inner.max_events = v;
        }
        Limits { inner }
    }
    #[getter]
    fn max_body_bytes(&self) -> usize {
        self.inner.max_body_bytes
    }
    #[getter]
    fn max_depth(&self) -> usize {
        self.inner.max_depth
    }
    #[getter]
    fn max_events(&self) -> usize {
        self.inner.max_events
    }
    #[allow(clippy::wrong_self_convention)] // pymethods take &self
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict_of(py, &self.inner)
    }
    fn __repr__(&self) -> String {
        format!(
            "Limits(max_body_bytes={}, max_depth={}, max_events={})",
            self.inner.max_body_bytes, self.inner.max_depth, self.inner.max_events
        )
    }
}

/// A carrier a tracking number may belong to.
#[pyclass(module = "wismo", frozen, eq)]
#[derive(Clone, PartialEq)]
struct Candidate {
    inner: wismo::Candidate,
}

#[pymethods]
impl Candidate {
    #[getter]
    fn carrier(&self) -> &'static str {
        self.inner.carrier.as_str()
    }
    #[getter]
    fn format(&self) -> &'static str {
        self.inner.format
    }
    #[getter]
    fn confidence(&self) -> f32 {
        self.inner.confidence
    }
    #[getter]
    fn normalized(&self) -> &str {
        &self.inner.normalized
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict_of(py, &self.inner)
    }
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        json_of(&self.inner, indent)
    }
    fn __repr__(&self) -> String {
        format!(
            "Candidate(carrier={:?}, format={:?}, confidence={}, normalized={:?})",
            self.inner.carrier, self.inner.format, self.inner.confidence, self.inner.normalized
        )
    }
}

/// What a notification says about the parcel.
#[pyclass(module = "wismo", frozen, eq)]
#[derive(Clone, PartialEq)]
struct NotificationData {
    inner: wismo::customer::NotificationData,
}

#[pymethods]
impl NotificationData {
    #[getter]
    fn carrier(&self) -> &'static str {
        self.inner.carrier.as_str()
    }
    #[getter]
    fn tracking_number(&self) -> &str {
        &self.inner.tracking_number
    }
    #[getter]
    fn status(&self) -> &'static str {
        self.inner.status.as_str()
    }
    #[getter]
    fn substatus(&self) -> &'static str {
        self.inner.substatus.as_str()
    }
    #[getter]
    fn reason(&self) -> Option<&'static str> {
        self.inner.reason.map(|r| r.as_str())
    }
    #[getter]
    fn time(&self) -> Option<String> {
        time_str(self.inner.time)
    }
    #[getter]
    fn place(&self) -> Option<Location> {
        location(&self.inner.place)
    }
    #[getter]
    fn carrier_text(&self) -> Option<&str> {
        self.inner.carrier_text.as_deref()
    }
    #[getter]
    fn eta(&self) -> Option<EtaWindow> {
        window(self.inner.eta)
    }
    #[getter]
    fn previous_eta(&self) -> Option<EtaWindow> {
        window(self.inner.previous_eta)
    }
    #[getter]
    fn promised(&self) -> Option<String> {
        self.inner
            .promised
            .map(|d| d.format("%Y-%m-%d").to_string())
    }
    #[getter]
    fn delay(&self) -> Option<String> {
        self.inner.delay.as_ref().map(word)
    }
    #[getter]
    fn pickup_deadline(&self) -> Option<String> {
        time_str(self.inner.pickup_deadline)
    }
    #[getter]
    fn attempts(&self) -> u32 {
        self.inner.attempts
    }
    #[getter]
    fn next_step(&self) -> Option<&'static str> {
        self.inner.next_step.map(|s| s.as_str())
    }
    #[getter]
    fn silent_days(&self) -> Option<i64> {
        self.inner.silent_days
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict_of(py, &self.inner)
    }
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        json_of(&self.inner, indent)
    }
}

/// A message to send the customer now.
#[pyclass(module = "wismo", frozen, eq)]
#[derive(Clone, PartialEq)]
struct Notification {
    inner: wismo::customer::Notification,
}

#[pymethods]
impl Notification {
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }
    #[getter]
    fn urgency(&self) -> String {
        word(&self.inner.urgency)
    }
    #[getter]
    fn milestone(&self) -> &str {
        &self.inner.milestone
    }
    #[getter]
    fn data(&self) -> NotificationData {
        NotificationData {
            inner: self.inner.data.clone(),
        }
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict_of(py, &self.inner)
    }
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        json_of(&self.inner, indent)
    }
    fn __repr__(&self) -> String {
        format!(
            "Notification(kind={:?}, urgency={:?}, milestone={:?})",
            self.kind(),
            self.urgency(),
            self.inner.milestone
        )
    }
}

/// A text for the customer, in one locale.
#[pyclass(module = "wismo", frozen, eq)]
#[derive(Clone, PartialEq)]
struct CustomerMessage {
    inner: wismo::customer::CustomerMessage,
}

#[pymethods]
impl CustomerMessage {
    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }
    #[getter]
    fn body(&self) -> &str {
        &self.inner.body
    }
    #[getter]
    fn action(&self) -> Option<&str> {
        self.inner.action.as_deref()
    }
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        dict_of(py, &self.inner)
    }
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        json_of(&self.inner, indent)
    }
    fn __repr__(&self) -> String {
        format!(
            "CustomerMessage(title={:?}, body={:?}, action={:?})",
            self.inner.title, self.inner.body, self.inner.action
        )
    }
}

fn wrap(trackings: Vec<wismo::Tracking>) -> Vec<Tracking> {
    trackings
        .into_iter()
        .map(|inner| Tracking { inner })
        .collect()
}

/// Bodies at least this large are parsed with the GIL released.
const RELEASE_GIL_AT: usize = 4096;

/// Parses one tracking response body of `carrier`'s API into its trackings.
#[pyfunction]
#[pyo3(signature = (carrier, body, *, limits=None))]
fn parse(
    py: Python<'_>,
    carrier: &str,
    body: &Bound<'_, PyAny>,
    limits: Option<Limits>,
) -> PyResult<Vec<Tracking>> {
    let carrier = carrier_of(py, carrier)?;
    let body = body_of(body)?;
    let limits = limits.map(|l| l.inner).unwrap_or_default();
    let run = || wismo::parse_with(carrier, &body, &limits);
    let out = if body.len() >= RELEASE_GIL_AT {
        py.allow_threads(run)
    } else {
        run()
    };
    out.map(wrap).map_err(|e| py_error(py, &e))
}

/// Parses a body that holds exactly one tracking (`wismo::parse_one`); any
/// other count raises `ParseError` with `kind == "not_one_tracking"`.
#[pyfunction]
fn parse_one(py: Python<'_>, carrier: &str, body: &Bound<'_, PyAny>) -> PyResult<Tracking> {
    let carrier = carrier_of(py, carrier)?;
    let body = body_of(body)?;
    let run = || wismo::parse_one(carrier, &body);
    let out = if body.len() >= RELEASE_GIL_AT {
        py.allow_threads(run)
    } else {
        run()
    };
    out.map(|inner| Tracking { inner })
        .map_err(|e| py_error(py, &e))
}

/// Parses many `(carrier, body)` pairs in one call, with the GIL released
/// and the work spread over the cores. With `raise_errors=False` a failed
/// body gives its exception instance in its place instead of raising.
#[pyfunction]
#[pyo3(signature = (items, *, raise_errors=true, limits=None))]
fn parse_many<'py>(
    py: Python<'py>,
    items: &Bound<'py, PyAny>,
    raise_errors: bool,
    limits: Option<Limits>,
) -> PyResult<Bound<'py, PyList>> {
    let normalizer =
        wismo::Normalizer::new().with_limits(limits.map(|l| l.inner).unwrap_or_default());
    parse_many_with(py, &normalizer, items, raise_errors)
}

fn parse_many_with<'py>(
    py: Python<'py>,
    normalizer: &wismo::Normalizer,
    items: &Bound<'py, PyAny>,
    raise_errors: bool,
) -> PyResult<Bound<'py, PyList>> {
    let mut pairs: Vec<(Bound<'py, PyAny>, Bound<'py, PyAny>)> = Vec::new();
    for item in items.try_iter()? {
        let item = item?;
        let tuple = item.downcast::<PyTuple>().map_err(|_| {
            PyTypeError::new_err("parse_many takes an iterable of (carrier, body) pairs")
        })?;
        if tuple.len() != 2 {
            return Err(PyTypeError::new_err(
                "parse_many takes an iterable of (carrier, body) pairs",
            ));
        }
        pairs.push((tuple.get_item(0)?, tuple.get_item(1)?));
    }
    type Work<'a> = (Result<wismo::Carrier, wismo::Error>, Cow<'a, [u8]>);
    let mut work: Vec<Work<'_>> = Vec::with_capacity(pairs.len());
    for (carrier, body) in &pairs {
        let carrier = carrier
            .downcast::<PyString>()
            .map_err(|_| PyTypeError::new_err("carrier must be a str"))?
            .to_cow()?;
        let carrier = carrier
            .parse::<wismo::Carrier>()
            .map_err(wismo::Error::from);
        work.push((carrier, body_of(body)?));
    }
    let results: Vec<Result<Vec<wismo::Tracking>, wismo::Error>> = py.allow_threads(|| {
        work.into_par_iter()
            .map(|(carrier, body)| carrier.and_then(|c| normalizer.parse(c, &body)))
            .collect()
    });
    let out = PyList::empty(py);
    for r in results {
        match r {
            Ok(t) => out.append(wrap(t))?,
            Err(e) => {
                let err = py_error(py, &e);
                if raise_errors {
                    return Err(err);
                }
                out.append(err.into_value(py))?;
            }
        }
    }
    Ok(out)
}

/// The choices of one deployment (`wismo::Normalizer`): mapping overrides,
/// resource limits and the language of carriers' texts; built once, shared
/// by threads.
#[pyclass(module = "wismo", frozen)]
struct Normalizer {
    inner: wismo::Normalizer,
}

#[pymethods]
impl Normalizer {
    #[new]
    #[pyo3(signature = (overrides=None, *, override_texts=None, limits=None, languages=None))]
    fn new(
        py: Python<'_>,
        overrides: Option<Vec<std::path::PathBuf>>,
        override_texts: Option<&Bound<'_, PyAny>>,
        limits: Option<Limits>,
        languages: Option<std::collections::BTreeMap<String, String>>,
    ) -> PyResult<Normalizer> {
        let mut inner = wismo::Normalizer::new();
        if overrides.is_some() || override_texts.is_some() {
            let mut o = match overrides {
                Some(paths) => {
                    wismo::Overrides::load_all(paths).map_err(|e| mapping_error(py, &e))?
                }
                None => wismo::Overrides::new(),
            };
            if let Some(texts) = override_texts {
                // A mapping of file name to text, in its order (later wins).
                for item in texts.call_method0("items")?.try_iter()? {
                    let (name, text): (String, String) = item?.extract()?;
                    o.add_text(&name, &text)
                        .map_err(|e| mapping_error(py, &e))?;
                }
            }
            inner = inner.with_overrides(o);
        }
        if let Some(l) = limits {
            inner = inner.with_limits(l.inner);
        }
        for (carrier, lang) in languages.unwrap_or_default() {
            let carrier = carrier_of(py, &carrier)?;
            let lang = lang
                .parse::<wismo::Lang>()
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            inner = inner.with_language(carrier, lang);
        }
        Ok(Normalizer { inner })
    }

    /// Parses one body with this deployment's overrides, limits and languages.
    fn parse(
        &self,
        py: Python<'_>,
        carrier: &str,
        body: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<Tracking>> {
        let carrier = carrier_of(py, carrier)?;
        let body = body_of(body)?;
        let run = || self.inner.parse(carrier, &body);
        let out = if body.len() >= RELEASE_GIL_AT {
            py.allow_threads(run)
        } else {
            run()
        };
        out.map(wrap).map_err(|e| py_error(py, &e))
    }

    /// `parse` for many `(carrier, body)` pairs, the GIL released, over the cores.
    #[pyo3(signature = (items, *, raise_errors=true))]
    fn parse_many<'py>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        raise_errors: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        parse_many_with(py, &self.inner, items, raise_errors)
    }

    /// Re-derives every event's meaning of a stored tracking from the current
    /// tables and these overrides (in place).
    fn remap(&self, mut tracking: PyRefMut<'_, Tracking>) {
        self.inner.remap(&mut tracking.inner);
    }

    /// What `code` (a key as the mapping files write it) means for `carrier`,
    /// as the crate's JSON; `None` when no table knows it.
    fn lookup<'py>(
        &self,
        py: Python<'py>,
        carrier: &str,
        code: &str,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        let carrier = carrier_of(py, carrier)?;
        self.inner
            .lookup(carrier, code)
            .map(|m| dict_of(py, &m))
            .transpose()
    }

    #[getter]
    fn limits(&self) -> Limits {
        Limits {
            inner: *self.inner.limits(),
        }
    }

    /// The override files in use, by the names they were given.
    #[getter]
    fn override_files(&self) -> Vec<String> {
        self.inner
            .overrides()
            .map(|o| o.files().to_vec())
            .unwrap_or_default()
    }

    /// The language hint used for `carrier`'s texts.
    fn language(&self, py: Python<'_>, carrier: &str) -> PyResult<Option<String>> {
        Ok(self
            .inner
            .language(carrier_of(py, carrier)?)
            .map(|l| l.to_string()))
    }
}

/// The carriers a tracking number (or a text containing one) may belong to,
/// best first.
#[pyfunction]
fn detect(text: &str) -> Vec<Candidate> {
    wismo::detect(text)
        .into_iter()
        .map(|inner| Candidate { inner })
        .collect()
}

/// Reads a carrier's free text: `(status, substatus, confidence)` when the
/// classifier is sure, else `None`.
#[pyfunction]
#[pyo3(signature = (text, lang=None))]
fn classify(text: &str, lang: Option<&str>) -> PyResult<Option<(&'static str, &'static str, f32)>> {
    let lang = match lang {
        Some(l) => Some(
            l.parse::<wismo::Lang>()
                .map_err(|e| PyValueError::new_err(e.to_string()))?,
        ),
        None => None,
    };
    Ok(wismo::classify(text, lang).map(|(s, ss, c)| (s.as_str(), ss.as_str(), c)))
}

/// Which messages to send the customer now, comparing the previous state of
/// a tracking with the current one.
#[pyfunction]
#[pyo3(signature = (previous, current, *, now=None, previous_at=None, promised=None, min_delay_days=0))]
fn notifications(
    previous: Option<PyRef<'_, Tracking>>,
    current: PyRef<'_, Tracking>,
    now: Option<&Bound<'_, PyAny>>,
    previous_at: Option<&Bound<'_, PyAny>>,
    promised: Option<&Bound<'_, PyAny>>,
    min_delay_days: u32,
) -> PyResult<Vec<Notification>> {
    let options: wismo::customer::NotifyOptions = from_json_value(serde_json::json!({
        "now": iso_arg(now, false)?,
        "previous_at": iso_arg(previous_at, false)?,
        "promised": iso_arg(promised, true)?,
        "min_delay_days": min_delay_days,
    }))?;
    let prev = previous.as_ref().map(|p| &p.inner);
    Ok(
        wismo::customer::notifications_with(prev, &current.inner, &options)
            .into_iter()
            .map(|inner| Notification { inner })
            .collect(),
    )
}

fn locale_of(tag: &str) -> PyResult<wismo::customer::Locale> {
    wismo::customer::Locale::from_tag(tag)
        .ok_or_else(|| PyValueError::new_err(format!("unknown locale `{tag}`")))
}

fn message_options(today: Option<&Bound<'_, PyAny>>) -> PyResult<wismo::customer::MessageOptions> {
    from_json_value(serde_json::json!({ "today": iso_arg(today, true)? }))
}

/// The customer's message for a tracking's current state.
#[pyfunction]
#[pyo3(signature = (tracking, locale="en", *, today=None))]
fn message(
    tracking: PyRef<'_, Tracking>,
    locale: &str,
    today: Option<&Bound<'_, PyAny>>,
) -> PyResult<CustomerMessage> {
    let options = message_options(today)?;
    Ok(CustomerMessage {
        inner: wismo::customer::message_with(&tracking.inner, locale_of(locale)?, &options),
    })
}

/// The customer's message for one notification.
#[pyfunction]
#[pyo3(signature = (notification, locale="en", *, today=None))]
fn notification_message(
    notification: PyRef<'_, Notification>,
    locale: &str,
    today: Option<&Bound<'_, PyAny>>,
) -> PyResult<CustomerMessage> {
    let options = message_options(today)?;
    Ok(CustomerMessage {
        inner: wismo::customer::notification_message_with(
            &notification.inner,
            locale_of(locale)?,
            &options,
        ),
    })
}

fn words<T: Copy>(all: &[T], f: impl Fn(T) -> String) -> Vec<String> {
    all.iter().map(|&v| f(v)).collect()
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("Error", py.get_type::<Error>())?;
    m.add("ParseError", py.get_type::<ParseError>())?;
    m.add("CarrierError", py.get_type::<CarrierError>())?;
    m.add("TooLarge", py.get_type::<TooLarge>())?;
    m.add("Unsupported", py.get_type::<Unsupported>())?;
    m.add("UnknownCarrier", py.get_type::<UnknownCarrier>())?;
    m.add("MappingError", py.get_type::<MappingError>())?;
    m.add("MergeError", py.get_type::<MergeError>())?;
    m.add_class::<Normalizer>()?;
    m.add_class::<Tracking>()?;
    m.add_class::<Event>()?;
    m.add_class::<Location>()?;
    m.add_class::<EtaWindow>()?;
    m.add_class::<Eta>()?;
    m.add_class::<Limits>()?;
    m.add_class::<Candidate>()?;
    m.add_class::<Notification>()?;
    m.add_class::<NotificationData>()?;
    m.add_class::<CustomerMessage>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(parse_one, m)?)?;
    m.add_function(wrap_pyfunction!(detect, m)?)?;
    m.add_function(wrap_pyfunction!(classify, m)?)?;
    m.add_function(wrap_pyfunction!(notifications, m)?)?;
    m.add_function(wrap_pyfunction!(message, m)?)?;
    m.add_function(wrap_pyfunction!(notification_message, m)?)?;
    m.add(
        "CARRIERS",
        words(wismo::Carrier::ALL, |c| c.as_str().to_string()),
    )?;
    m.add("STATUSES", words(wismo::Status::ALL, |s| s.to_string()))?;
    m.add(
        "SUBSTATUSES",
        words(wismo::Substatus::ALL, |s| s.to_string()),
    )?;
    m.add("REASONS", words(wismo::Reason::ALL, |s| s.to_string()))?;
    m.add("LANGS", words(wismo::Lang::ALL, |s| s.to_string()))?;
    m.add(
        "LOCALES",
        words(wismo::customer::Locale::ALL, |s| s.to_string()),
    )?;
    m.add(
        "NOTIFICATION_KINDS",
        words(wismo::customer::NotificationKind::ALL, |s| {
            s.as_str().to_string()
        }),
    )?;
    Ok(())
}
