//! [`Error`]: what went wrong reading a carrier's body, always with the carrier
//! and a position (line/column or byte) or a field path.

use crate::Carrier;

/// Reading a carrier response failed. Every variant but [`Error::UnknownCarrier`]
/// names the carrier; syntax errors carry a position, data errors a field path.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The body is not valid JSON, or not of the shape the carrier documents.
    #[error("{carrier}: cannot read JSON body: {source}")]
    Json {
        /// Carrier whose format was expected.
        carrier: Carrier,
        /// serde_json's error, with line and column.
        #[source]
        source: serde_json::Error,
    },
    /// The body is not well-formed XML.
    #[error("{carrier}: cannot read XML body at byte {position}: {message}")]
    Xml {
        /// Carrier whose format was expected.
        carrier: Carrier,
        /// Byte offset into the body where reading failed.
        position: u64,
        /// What quick-xml or the parser reported.
        message: String,
    },
    /// A field the carrier documents as required is missing.
    #[error("{carrier}: missing field `{field}` at {path}")]
    MissingField {
        /// Carrier whose format was expected.
        carrier: Carrier,
        /// The field's name in the carrier's format.
        field: &'static str,
        /// Where it was expected (e.g. `trackResponse.shipment[0].package[0]`).
        path: String,
    },
    /// A date or time could not be read.
    #[error("{carrier}: bad timestamp `{value}` at {path}")]
    Timestamp {
        /// Carrier whose format was expected.
        carrier: Carrier,
        /// Path of the field.
        path: String,
        /// The text that was not a valid date/time.
        value: String,
    },
    /// A value is present but not usable (wrong type, out of range).
    #[error("{carrier}: invalid value at {path}: {message}")]
    Invalid {
        /// Carrier whose format was expected.
        carrier: Carrier,
        /// Path of the field.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// The body is the carrier's error answer (an error object, a SOAP fault).
    #[error("{carrier}: the carrier answered with an error: {message}")]
    CarrierError {
        /// Carrier that answered.
        carrier: Carrier,
        /// The carrier's error code, when it gave one.
        code: Option<String>,
        /// The carrier's message (and code, when given).
        message: String,
    },
    /// The body, or a part of it, is larger than the configured limit.
    #[error("{carrier}: {what} exceeds the limit of {limit}")]
    TooLarge {
        /// Carrier whose format was expected.
        carrier: Carrier,
        /// What was too large (`body bytes`, `events per tracking`, `nesting depth`).
        what: &'static str,
        /// The limit in force.
        limit: usize,
    },
    /// `wismo` has no parser for the carrier's format: a code table without a
    /// parser yet, or a detection-only id (see [`Carrier::has_parser`]).
    #[error("{carrier}: no parser for this carrier's tracking format yet")]
    Unsupported {
        /// The carrier.
        carrier: Carrier,
    },
    /// [`parse_one`](crate::parse_one) was asked for one parcel, and the body
    /// holds none (the carrier knows no events for the number yet) or several.
    #[error("{carrier}: {}", count_message(*found))]
    NotOneTracking {
        /// Carrier whose body it was.
        carrier: Carrier,
        /// How many trackings the body holds.
        found: usize,
    },
    /// The carrier id or name is not known, or names several carriers (see
    /// [`Carrier::ALL`] and `Carrier::from_str`); the error lists the
    /// candidates.
    #[error("{0}")]
    UnknownCarrier(crate::status::UnknownWord),
}

fn count_message(found: usize) -> String {
    match found {
        0 => "the body holds no tracking, where one was expected".to_string(),
        n => format!("the body holds {n} trackings, where one was expected (use `parse`)"),
    }
}

impl From<crate::status::UnknownWord> for Error {
    fn from(w: crate::status::UnknownWord) -> Self {
        Error::UnknownCarrier(w).sanitized()
    }
}

/// The broad kind of an [`Error`], for callers that branch on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    /// The body is not well-formed (bad JSON/XML syntax, truncated).
    Syntax,
    /// The body is well-formed but not the documented shape or values.
    Data,
    /// The carrier answered with an error instead of tracking data.
    Carrier,
    /// A limit was exceeded.
    Limit,
    /// The caller asked for something `wismo` does not know or support.
    Usage,
}

/// Longest carrier-supplied text kept in an error message.
const MAX_TEXT: usize = 200;

/// Carrier-supplied text made safe for a one-line message: control
/// characters escaped, length bounded.
fn one_line(s: &mut String) {
    if s.len() <= MAX_TEXT && !s.chars().any(char::is_control) {
        return;
    }
    let mut out = String::with_capacity(s.len().min(MAX_TEXT + 8));
    for (n, c) in s.chars().enumerate() {
        if n == MAX_TEXT {
            out.push('…');
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    *s = out;
}

impl Error {
    /// Makes every carrier-supplied text in the error one bounded line.
    pub(crate) fn sanitized(mut self) -> Self {
        match &mut self {
            Error::Xml { message, .. } | Error::Invalid { message, .. } => one_line(message),
            Error::Timestamp { value, path, .. } => {
                one_line(value);
                one_line(path);
            }
            Error::CarrierError { code, message, .. } => {
                one_line(message);
                if let Some(c) = code {
                    one_line(c);
                }
            }
            Error::MissingField { path, .. } => one_line(path),
            Error::UnknownCarrier(w) => one_line(&mut w.word),
            Error::Json { .. }
            | Error::TooLarge { .. }
            | Error::Unsupported { .. }
            | Error::NotOneTracking { .. } => {}
        }
        self
    }

    /// The carrier the error is about (`None` for an unknown carrier id).
    pub fn carrier(&self) -> Option<Carrier> {
        match self {
            Error::Json { carrier, .. }
            | Error::Xml { carrier, .. }
            | Error::MissingField { carrier, .. }
            | Error::Timestamp { carrier, .. }
            | Error::Invalid { carrier, .. }
            | Error::CarrierError { carrier, .. }
            | Error::TooLarge { carrier, .. }
            | Error::NotOneTracking { carrier, .. }
            | Error::Unsupported { carrier } => Some(*carrier),
            Error::UnknownCarrier(_) => None,
        }
    }

    /// The broad kind of error.
    pub fn classify(&self) -> Category {
        match self {
            Error::Json { source, .. } => match source.classify() {
                serde_json::error::Category::Data => Category::Data,
                _ => Category::Syntax,
            },
            Error::Xml { .. } => Category::Syntax,
            Error::MissingField { .. }
            | Error::Timestamp { .. }
            | Error::Invalid { .. }
            | Error::NotOneTracking { .. } => Category::Data,
            Error::CarrierError { .. } => Category::Carrier,
            Error::TooLarge { .. } => Category::Limit,
            Error::Unsupported { .. } | Error::UnknownCarrier(_) => Category::Usage,
        }
    }
}
