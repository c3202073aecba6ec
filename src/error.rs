//! [`Error`]: what went wrong reading a carrier's body, always with the carrier
//! and a position (line/column or byte) or a field path.

use crate::Carrier;

/// Reading a carrier response failed. Every variant but [`Error::UnknownCarrier`]
/// names the carrier; syntax errors carry a position, data errors a field path.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The body is not valid JSON, or not of the shape the carrier documents.
    /// The message names JSON shapes (`a JSON object`), never a Rust type.
    #[error("{carrier}: cannot read JSON body: {}", json_text(source))]
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
    /// `kind` says what a service can do about it (see [`Error::retryable`]).
    #[error("{carrier}: the carrier answered with an error: {message}")]
    CarrierError {
        /// Carrier that answered.
        carrier: Carrier,
        /// The carrier's error code, when it gave one.
        code: Option<String>,
        /// The carrier's message (and code, when given).
        message: String,
        /// What the answer means, from the carrier's documented error codes
        /// (or the HTTP status the body carries); [`CarrierErrorKind::Other`]
        /// for codes `wismo` does not know.
        kind: CarrierErrorKind,
    },
    /// The body is not in the carrier's format at all: empty, an HTML page
    /// (a gateway's 502 page), plain text, XML where JSON was expected (or
    /// the other way round), or JSON `null` or a bare value where an object
    /// was expected.
    #[error("{carrier}: {}", body_message(found, expected))]
    BodyFormat {
        /// Carrier whose format was expected.
        carrier: Carrier,
        /// What the body is: `empty`, `HTML`, `XML`, `JSON`, `plain text`,
        /// `` `null` ``, `a JSON string`, `a JSON number`, `a JSON boolean`,
        /// `a JSON array`.
        found: &'static str,
        /// What was expected: `JSON`, `XML`, `JSON or XML`, `a JSON object`.
        expected: &'static str,
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

fn body_message(found: &str, expected: &str) -> String {
    if found == "empty" {
        format!("body is empty (expected {expected})")
    } else {
        format!("body is {found}, not {expected}")
    }
}

/// serde_json's message with Rust type names replaced by the JSON shape:
/// `expected struct TrackResponse` becomes `expected a JSON object`.
fn json_text(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("expected ") {
        out.push_str(&rest[..i + "expected ".len()]);
        rest = &rest[i + "expected ".len()..];
        for (word, shape) in [
            ("struct ", "a JSON object"),
            ("enum ", "one of the documented values"),
        ] {
            if let Some(after) = rest.strip_prefix(word) {
                let end = after
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                out.push_str(shape);
                rest = &after[end..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
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

/// The broad kind of an [`Error`], for callers that branch on it. Its
/// [`as_str`](Category::as_str) word (also its `Display` and serde form) is
/// stable, for metrics labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
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

impl Category {
    /// Every category, in declaration order.
    pub const ALL: [Category; 5] = [
        Category::Syntax,
        Category::Data,
        Category::Carrier,
        Category::Limit,
        Category::Usage,
    ];

    /// The category as a lower-case word: `syntax`, `data`, `carrier`,
    /// `limit`, `usage`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Syntax => "syntax",
            Category::Data => "data",
            Category::Carrier => "carrier",
            Category::Limit => "limit",
            Category::Usage => "usage",
        }
    }
}

impl std::fmt::Display for Category {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a carrier's error answer ([`Error::CarrierError`]) means for a
/// service, mapped per carrier from its documented error codes and from the
/// HTTP status its error bodies carry. Serialized as its
/// [`as_str`](CarrierErrorKind::as_str) word (snake case).
///
/// [`retryable`](CarrierErrorKind::retryable): [`NotFound`](Self::NotFound),
/// [`RateLimited`](Self::RateLimited) and [`Unavailable`](Self::Unavailable)
/// may succeed later, unchanged; [`InvalidNumber`](Self::InvalidNumber) and
/// [`Unauthorized`](Self::Unauthorized) never will (fix the number or the
/// credentials first); [`Other`](Self::Other) is not known to be retryable.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum CarrierErrorKind {
    /// The carrier knows no tracking data for the number (yet): a label
    /// created but not scanned, or data not yet in the system. Poll later;
    /// after days, tell the customer to check the number.
    NotFound,
    /// The number is not a valid number for the carrier (wrong format,
    /// check digit, empty): retrying will not help, tell the customer.
    InvalidNumber,
    /// The credentials (API key, token, account) were refused or lack the
    /// product: fix the configuration, retrying will not help.
    Unauthorized,
    /// Too many requests: retry after a pause (the carrier's `Retry-After`).
    RateLimited,
    /// The carrier's service failed or is unavailable (HTTP 5xx, system
    /// error): retry later.
    Unavailable,
    /// Any other error, or a code `wismo` does not know.
    #[default]
    Other,
}

impl CarrierErrorKind {
    /// Every kind, in declaration order.
    pub const ALL: [CarrierErrorKind; 6] = [
        CarrierErrorKind::NotFound,
        CarrierErrorKind::InvalidNumber,
        CarrierErrorKind::Unauthorized,
        CarrierErrorKind::RateLimited,
        CarrierErrorKind::Unavailable,
        CarrierErrorKind::Other,
    ];

    /// The kind as a snake-case word: `not_found`, `invalid_number`,
    /// `unauthorized`, `rate_limited`, `unavailable`, `other`.
    pub const fn as_str(self) -> &'static str {
        match self {
            CarrierErrorKind::NotFound => "not_found",
            CarrierErrorKind::InvalidNumber => "invalid_number",
            CarrierErrorKind::Unauthorized => "unauthorized",
            CarrierErrorKind::RateLimited => "rate_limited",
            CarrierErrorKind::Unavailable => "unavailable",
            CarrierErrorKind::Other => "other",
        }
    }

    /// Whether the same request may succeed later: `true` for
    /// [`NotFound`](Self::NotFound) (the carrier may have data later),
    /// [`RateLimited`](Self::RateLimited) and
    /// [`Unavailable`](Self::Unavailable); `false` for
    /// [`InvalidNumber`](Self::InvalidNumber) and
    /// [`Unauthorized`](Self::Unauthorized) (something must be fixed first)
    /// and for [`Other`](Self::Other).
    pub const fn retryable(self) -> bool {
        matches!(
            self,
            CarrierErrorKind::NotFound
                | CarrierErrorKind::RateLimited
                | CarrierErrorKind::Unavailable
        )
    }

    /// The kind an HTTP status implies: 404 and 410 not found, 401 and 403
    /// unauthorized, 429 rate limited, 5xx unavailable; `Other` otherwise
    /// (a 400 says the request was wrong, not which part).
    pub const fn from_http_status(status: u16) -> CarrierErrorKind {
        match status {
            404 | 410 => CarrierErrorKind::NotFound,
            401 | 403 => CarrierErrorKind::Unauthorized,
            429 => CarrierErrorKind::RateLimited,
            500..=599 => CarrierErrorKind::Unavailable,
            _ => CarrierErrorKind::Other,
        }
    }
}

impl std::fmt::Display for CarrierErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
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
            | Error::BodyFormat { .. }
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
            | Error::BodyFormat { carrier, .. }
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
            Error::BodyFormat { expected, .. } if expected.starts_with("a ") => Category::Data,
            Error::BodyFormat { .. } => Category::Syntax,
            Error::MissingField { .. }
            | Error::Timestamp { .. }
            | Error::Invalid { .. }
            | Error::NotOneTracking { .. } => Category::Data,
            Error::CarrierError { .. } => Category::Carrier,
            Error::TooLarge { .. } => Category::Limit,
            Error::Unsupported { .. } | Error::UnknownCarrier(_) => Category::Usage,
        }
    }

    /// A carrier error answer whose kind its parser knows from the body's
    /// shape (e.g. Aramex's `NonExistingWaybills`); other errors unchanged.
    pub(crate) fn of_kind(mut self, k: CarrierErrorKind) -> Self {
        if let Error::CarrierError { kind, .. } = &mut self {
            *kind = k;
        }
        self
    }

    /// What a carrier's error answer means ([`CarrierErrorKind`]); `None`
    /// for every error that is not [`Error::CarrierError`].
    pub fn kind(&self) -> Option<CarrierErrorKind> {
        match self {
            Error::CarrierError { kind, .. } => Some(*kind),
            _ => None,
        }
    }

    /// Whether sending the same request again later may succeed:
    /// - a carrier error answer: [`CarrierErrorKind::retryable`] (not found
    ///   yet, rate limited, carrier unavailable: yes; invalid number,
    ///   unauthorized, other: no);
    /// - an empty body or an HTML page where JSON or XML was expected: yes,
    ///   these are what gateways and load balancers answer while the
    ///   carrier's service is down (a 502 or 503 page, a cut connection);
    /// - everything else (a body of the wrong shape, a limit, an unknown
    ///   carrier): no, the same body would fail the same way.
    pub fn retryable(&self) -> bool {
        match self {
            Error::CarrierError { kind, .. } => kind.retryable(),
            Error::BodyFormat { found, .. } => matches!(*found, "empty" | "HTML"),
            _ => false,
        }
    }
}
