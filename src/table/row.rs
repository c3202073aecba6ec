//! Reader for `mappings/<carrier>.tsv`, shared by `build.rs` and the tests.
//!
//! std-only on purpose: `build.rs` includes this file with `#[path]`, so the build
//! validates the data with the same code the tests use. Every problem is reported
//! as `file:line: message`, all of them in one run.

use crate::status::{EtaHint, Reason, Status, Substatus};
use std::fmt;

/// The column-name line every mapping file has after its `# ` header lines.
pub const COLUMNS: &str = "code\tstatus\tsubstatus\treason\teta\tdescription";

/// The column-name line of a file whose rows may carry flags in a seventh
/// column (see [`Flags`]).
pub const COLUMNS_WITH_FLAGS: &str = "code\tstatus\tsubstatus\treason\teta\tdescription\tflags";

/// Markers on a row, in the optional seventh `flags` column: words separated
/// by `,`, or `-` (or nothing) for none.
///
/// - `coarse`: the code names a category, not an event (DHL Unified's
///   `transit`, Purolator's `Undeliverable` scan type, UPS's generic
///   "Exception / Update" codes). A sure reading of the event's text may
///   refine its meaning; a row without the flag is never overridden by text.
/// - `reviewed`: a person checked the row although the text classifier reads
///   its description differently (the table review test skips it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Flags {
    /// The code is a category; a sure text classification may refine it.
    pub coarse: bool,
    /// Checked by a person against a disagreeing classifier reading.
    pub reviewed: bool,
}

impl Flags {
    /// Every flag word, as written in the `flags` column.
    pub const WORDS: &'static [&'static str] = &["coarse", "reviewed"];

    /// Reads the `flags` field (`coarse,reviewed`, `-` or empty).
    pub fn parse(field: &str) -> Result<Flags, String> {
        let mut flags = Flags::default();
        if field.is_empty() || field == "-" {
            return Ok(flags);
        }
        for word in field.split(',') {
            match word {
                "coarse" if !flags.coarse => flags.coarse = true,
                "reviewed" if !flags.reviewed => flags.reviewed = true,
                "coarse" | "reviewed" => return Err(format!("flag `{word}` given twice")),
                other => {
                    return Err(format!(
                        "unknown flag `{other}` (expected {}, separated by `,`, or `-`)",
                        Flags::WORDS.join(", ")
                    ))
                }
            }
        }
        Ok(flags)
    }
}

/// Longest code (in bytes) a mapping file may hold.
pub const MAX_CODE_LEN: usize = 255;
/// Longest description (in bytes) a mapping file may hold.
pub const MAX_DESCRIPTION_LEN: usize = 255;

/// One problem in a mapping file, with its 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// File path as given to [`parse_file`].
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line in the file.
    pub line: usize,
    /// The raw carrier code (or `EVENT|REASON`, or a namespaced key).
    pub code: String,
    /// Normalized status.
    pub status: Status,
    /// Normalized substatus (belongs to `status`).
    pub substatus: Substatus,
    /// Why, if the code says.
    pub reason: Option<Reason>,
    /// What the code tells about the delivery date.
    pub eta: EtaHint,
    /// Short description in our words.
    pub description: String,
    /// Markers from the optional `flags` column.
    pub flags: Flags,
}

/// A whole mapping file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingFile {
    /// Carrier id (snake_case), equal to the file stem.
    pub carrier: String,
    /// Human name of the carrier.
    pub name: String,
    /// One entry per `# source:` line.
    pub sources: Vec<String>,
    /// What the code column holds.
    pub key: String,
    /// Rows in file order (sorted by code).
    pub rows: Vec<Row>,
}

/// Whether `id` is a valid carrier id: lowercase ASCII letters, digits and `_`,
/// starting with a letter.
pub fn is_carrier_id(id: &str) -> bool {
    let b = id.as_bytes();
    !b.is_empty()
        && b[0].is_ascii_lowercase()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'_')
}

/// Parses one mapping file. `file` is used in messages; `stem` is the expected
/// carrier id (the file name without `.tsv`). Returns every problem found.
pub fn parse_file(file: &str, stem: &str, text: &str) -> Result<MappingFile, Vec<RowError>> {
    let mut errors = Vec::new();
    macro_rules! err {
        ($line:expr, $message:expr $(,)?) => {
            errors.push(RowError {
                file: file.to_string(),
                line: $line,
                message: $message,
            })
        };
    }
    let mut carrier = None;
    let mut name = None;
    let mut key = None;
    let mut sources = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut seen_columns = false;
    let mut max_fields = 6;
    let mut last_code: Option<String> = None;
    let mut data_lines = 0usize;
    let mut first_line_of: std::collections::HashMap<String, usize> = Default::default();

    for (i, raw) in text.split('\n').enumerate() {
        let line = i + 1;
        let l = raw.strip_suffix('\r').unwrap_or(raw);
        if l.is_empty() {
            continue;
        }
        if !seen_columns {
            if let Some(h) = l.strip_prefix("# ") {
                let (k, v) = match h.split_once(':') {
                    Some((k, v)) => (k.trim(), v.trim()),
                    None => {
                        err!(line, format!("header line without `name: value`: `{h}`"));
                        continue;
                    }
                };
                if v.is_empty() {
                    err!(line, format!("empty header `{k}`"));
                    continue;
                }
                match k {
                    "carrier" => {
                        if v != stem {
                            err!(
                                line,
                                format!("carrier `{v}` does not match file name `{stem}`"),
                            );
                        } else if !is_carrier_id(v) {
                            err!(line, format!("carrier id `{v}` is not snake_case"));
                        }
                        carrier = Some(v.to_string());
                    }
                    "name" => name = Some(v.to_string()),
                    "source" => sources.push(v.to_string()),
                    "key" => key = Some(v.to_string()),
                    "note" => {}
                    other => err!(
                        line,
                        format!(
                            "unknown header `{other}` (expected carrier, name, source, key or note)"
                        ),
                    ),
                }
                continue;
            }
            if l == COLUMNS || l == COLUMNS_WITH_FLAGS {
                seen_columns = true;
                if l == COLUMNS_WITH_FLAGS {
                    max_fields = 7;
                }
                if carrier.is_none() {
                    err!(line, "missing `# carrier:` header".into());
                }
                if name.is_none() {
                    err!(line, "missing `# name:` header".into());
                }
                if sources.is_empty() {
                    err!(line, "missing `# source:` header (at least one)".into());
                }
                if key.is_none() {
                    err!(line, "missing `# key:` header".into());
                }
                continue;
            }
            err!(
                line,
                "expected a `# ` header line or the column line `code\\tstatus\\tsubstatus\\treason\\teta\\tdescription`".into(),
            );
            continue;
        }
        if l.starts_with('#') {
            err!(
                line,
                "comment lines are only allowed before the column line".into(),
            );
            continue;
        }
        data_lines += 1;
        let fields: Vec<&str> = l.split('\t').collect();
        if fields.len() == 7 && max_fields == 6 {
            err!(
                line,
                "7 fields, but the column line has no `flags` column (end it with `\\tflags`)"
                    .into(),
            );
            continue;
        }
        if !(6..=max_fields).contains(&fields.len()) {
            let expected = if max_fields == 6 { "6" } else { "6 or 7" };
            err!(
                line,
                format!("expected {expected} fields, found {}", fields.len())
            );
            continue;
        }
        let flags = match Flags::parse(fields.get(6).copied().unwrap_or("")) {
            Ok(f) => Some(f),
            Err(e) => {
                err!(line, e);
                None
            }
        };
        let [code, status, substatus, reason, eta, description] = [
            fields[0], fields[1], fields[2], fields[3], fields[4], fields[5],
        ];
        let mut ok = true;
        if code.is_empty() || code != code.trim() {
            err!(
                line,
                format!("code `{code}` is empty or has surrounding spaces"),
            );
            ok = false;
        } else if code.len() > MAX_CODE_LEN {
            err!(line, format!("code is longer than {MAX_CODE_LEN} bytes"));
            ok = false;
        }
        let status: Option<Status> = match status.parse() {
            Ok(s) => Some(s),
            Err(e) => {
                err!(
                    line,
                    format!("{e} (expected one of {})", names(Status::ALL)),
                );
                None
            }
        };
        let substatus: Option<Substatus> = match substatus.parse() {
            Ok(s) => Some(s),
            Err(e) => {
                err!(line, format!("{e}"));
                None
            }
        };
        if let (Some(st), Some(sub)) = (status, substatus) {
            if sub.status() != st {
                err!(
                    line,
                    format!(
                        "substatus `{sub}` belongs to status `{}`, not `{st}`",
                        sub.status()
                    ),
                );
                ok = false;
            }
        }
        let reason = if reason == "-" {
            Some(None)
        } else {
            match reason.parse::<Reason>() {
                Ok(r) => Some(Some(r)),
                Err(e) => {
                    err!(line, format!("{e} (or `-` for none)"));
                    None
                }
            }
        };
        let eta: Option<EtaHint> = match eta.parse() {
            Ok(h) => Some(h),
            Err(e) => {
                err!(
                    line,
                    format!("{e} (expected none, same_day, next_business_day, delayed:MIN-MAX, awaiting_recipient or final)"),
                );
                None
            }
        };
        if description.trim().is_empty() || description == "-" {
            err!(line, "empty description".into());
            ok = false;
        } else if description.len() > MAX_DESCRIPTION_LEN {
            err!(
                line,
                format!("description is longer than {MAX_DESCRIPTION_LEN} bytes"),
            );
            ok = false;
        }
        if let Some(first) = first_line_of.get(code) {
            err!(
                line,
                format!("duplicate code `{code}` (first at line {first})"),
            );
            ok = false;
        } else {
            first_line_of.insert(code.to_string(), line);
            if let Some(prev) = last_code.as_deref().filter(|p| *p > code) {
                err!(
                    line,
                    format!(
                        "code `{code}` out of order after `{prev}` (rows are sorted by code, byte order)"
                    ),
                );
            }
            last_code = Some(code.to_string());
        }
        if let (true, Some(status), Some(substatus), Some(reason), Some(eta), Some(flags)) =
            (ok, status, substatus, reason, eta, flags)
        {
            rows.push(Row {
                line,
                code: code.to_string(),
                status,
                substatus,
                reason,
                eta,
                description: description.to_string(),
                flags,
            });
        }
    }
    if !seen_columns {
        err!(
            text.split('\n').count(),
            "no column line `code\\tstatus\\tsubstatus\\treason\\teta\\tdescription`".into(),
        );
    } else if data_lines == 0 {
        err!(text.split('\n').count(), "no data rows".into());
    }
    if errors.is_empty() {
        Ok(MappingFile {
            carrier: carrier.unwrap_or_default(),
            name: name.unwrap_or_default(),
            sources,
            key: key.unwrap_or_default(),
            rows,
        })
    } else {
        Err(errors)
    }
}

fn names<T: fmt::Display>(all: &[T]) -> String {
    all.iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}
