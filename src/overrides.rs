//! Mapping overrides loaded at run time: extra or corrected rows in exactly
//! the format of `mappings/*.tsv`, checked by the same reader as `build.rs`
//! (`src/table/row.rs`), with the same `file:line: problem` messages.
//!
//! A deployment loads them once into [`Overrides`] and hands them to a
//! [`Normalizer`](crate::Normalizer); every lookup made while that normalizer
//! parses asks the overrides first, then the compiled table. The compiled
//! lookup ([`Carrier::lookup`]) never sees them and stays allocation-free.
//!
//! ```
//! use wismo::{Carrier, Normalizer, Overrides, Status};
//!
//! // A shop reads UPS's delivered code 011 as "signed for".
//! let file = concat!(
//!     "# carrier: ups\n",
//!     "# name: UPS\n",
//!     "# source: our support team's review, 2026-12\n",
//!     "# key: same as mappings/ups.tsv\n",
//!     "code\tstatus\tsubstatus\treason\teta\tdescription\n",
//!     "status/011\tdelivered\tsigned_for\t-\tfinal\tdelivered, signature taken\n",
//! );
//! let overrides = Overrides::from_text("shop-ups.tsv", file)?;
//! let normalizer = Normalizer::new().with_overrides(overrides);
//! let m = normalizer.lookup(Carrier::Ups, "status/011").unwrap();
//! assert_eq!(m.substatus, wismo::Substatus::SignedFor);
//! assert_eq!(m.source.unwrap().line, 6);
//! # Ok::<(), wismo::MappingError>(())
//! ```

use crate::carrier::{compose, Carrier, Mapping, MAX_KEY};
use crate::status::{EtaHint, Reason, Status, Substatus};
use crate::table::row::{self, RowError};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::path::Path;
use std::sync::Arc;

/// Problems found in one or more override files, every one with its
/// `file:line`, in the words `build.rs` uses for `mappings/`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))]
pub struct MappingError {
    /// Every problem, in file and line order.
    pub problems: Vec<MappingProblem>,
}

/// One problem in a mapping file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MappingProblem {
    /// The file name as given.
    pub file: String,
    /// 1-based line (0 when the file could not be read at all).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for MappingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl From<RowError> for MappingProblem {
    fn from(e: RowError) -> Self {
        MappingProblem {
            file: e.file,
            line: e.line,
            message: e.message,
        }
    }
}

/// Where an override row was read: file name as given, and line.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OverrideSource {
    /// The override file, as its name was given to [`Overrides`].
    pub file: String,
    /// 1-based line of the row.
    pub line: u32,
}

/// One row of an override file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OverrideRow {
    code: Box<str>,
    status: Status,
    substatus: Substatus,
    reason: Option<Reason>,
    eta: EtaHint,
    description: Box<str>,
    coarse: bool,
    file: Arc<str>,
    line: u32,
}

/// FNV-1a: override keys are short codes, and the set is the caller's own.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
        self.0 = h;
    }
}

type RowMap = HashMap<Box<[u8]>, Arc<OverrideRow>, BuildHasherDefault<Fnv>>;

/// Extra or corrected mapping rows for one deployment, loaded at run time
/// from files in the format of `mappings/*.tsv`.
///
/// Each file names its carrier in `# carrier:` (any known [`Carrier`] id; the
/// file name itself is free) and must carry the same headers (`name`,
/// `source`, `key`) as the shipped files: an override is data like any other
/// and says where it comes from. A row adds a code to the carrier or replaces
/// the meaning of a shipped one; keys are written exactly as in the shipped
/// table (`status/011`, `EVENT|REASON`, `parcel-de/AN`). When two loaded
/// files give the same code, the one loaded later wins.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    by_carrier: HashMap<Carrier, RowMap>,
    files: Vec<String>,
}

impl Overrides {
    /// No overrides.
    pub fn new() -> Self {
        Overrides::default()
    }

    /// Reads one override file from disk.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, MappingError> {
        let mut o = Overrides::new();
        o.add_file(path)?;
        Ok(o)
    }

    /// Reads several override files; every problem of every file is reported.
    pub fn load_all<P: AsRef<Path>>(
        paths: impl IntoIterator<Item = P>,
    ) -> Result<Self, MappingError> {
        let mut o = Overrides::new();
        let mut problems = Vec::new();
        for p in paths {
            if let Err(e) = o.add_file(p) {
                problems.extend(e.problems);
            }
        }
        if problems.is_empty() {
            Ok(o)
        } else {
            Err(MappingError { problems })
        }
    }

    /// Reads override rows from `text`; `file_name` names it in messages and
    /// in each event's [`override_source`](crate::Event::override_source).
    pub fn from_text(file_name: &str, text: &str) -> Result<Self, MappingError> {
        let mut o = Overrides::new();
        o.add_text(file_name, text)?;
        Ok(o)
    }

    /// Adds one file from disk to these overrides.
    pub fn add_file(&mut self, path: impl AsRef<Path>) -> Result<(), MappingError> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| MappingError {
            problems: vec![MappingProblem {
                file: name.clone(),
                line: 0,
                message: format!("cannot read as UTF-8 text: {e}"),
            }],
        })?;
        self.add_text(&name, &text)
    }

    /// Adds rows read from `text` (see [`Overrides::from_text`]).
    pub fn add_text(&mut self, file_name: &str, text: &str) -> Result<(), MappingError> {
        let (carrier, parsed) = check(file_name, text)?;
        let file: Arc<str> = Arc::from(file_name);
        let rows = self.by_carrier.entry(carrier).or_default();
        for r in parsed.rows {
            let row = OverrideRow {
                code: r.code.into_boxed_str(),
                status: r.status,
                substatus: r.substatus,
                reason: r.reason,
                eta: r.eta,
                description: r.description.into_boxed_str(),
                coarse: r.flags.coarse,
                file: Arc::clone(&file),
                line: u32::try_from(r.line).unwrap_or(u32::MAX),
            };
            rows.insert(Box::from(row.code.as_bytes()), Arc::new(row));
        }
        self.files.push(file_name.to_string());
        Ok(())
    }

    /// Adds every row of `other`; its rows win over rows with the same code.
    pub fn merge(&mut self, other: Overrides) {
        for (carrier, rows) in other.by_carrier {
            self.by_carrier.entry(carrier).or_default().extend(rows);
        }
        self.files.extend(other.files);
    }

    /// Number of override rows in all.
    pub fn len(&self) -> usize {
        self.by_carrier.values().map(HashMap::len).sum()
    }

    /// Whether no row is loaded.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The files read, in load order.
    pub fn files(&self) -> &[String] {
        &self.files
    }

    /// The carriers that have override rows.
    pub fn carriers(&self) -> impl Iterator<Item = Carrier> + '_ {
        self.by_carrier.keys().copied()
    }

    /// The override row for exactly `key`, if any.
    #[inline]
    pub(crate) fn get(&self, carrier: Carrier, key: &[u8]) -> Option<&Arc<OverrideRow>> {
        self.by_carrier.get(&carrier)?.get(key)
    }

    /// Whether `carrier` has any override row (a cheap test before composing keys).
    #[inline]
    pub(crate) fn has(&self, carrier: Carrier) -> bool {
        self.by_carrier.contains_key(&carrier)
    }
}

/// Validates one override file with the shared mapping reader; the carrier is
/// the one its `# carrier:` header names (the file name is free).
fn check(file_name: &str, text: &str) -> Result<(Carrier, row::MappingFile), MappingError> {
    let header = text.lines().enumerate().find_map(|(i, l)| {
        let v = l.strip_prefix("# ")?.strip_prefix("carrier:")?.trim();
        Some((i + 1, v))
    });
    let problem = |line: usize, message: String| MappingError {
        problems: vec![MappingProblem {
            file: file_name.to_string(),
            line,
            message,
        }],
    };
    let (line, id) = header.ok_or_else(|| problem(1, "missing `# carrier:` header".into()))?;
    let carrier = Carrier::from_id(id).ok_or_else(|| {
        problem(
            line,
            format!("unknown carrier `{id}` (an override names a carrier wismo knows)"),
        )
    })?;
    let parsed = row::parse_file(file_name, id, text).map_err(|errs| MappingError {
        problems: errs.into_iter().map(MappingProblem::from).collect(),
    })?;
    Ok((carrier, parsed))
}

/// The meaning a lookup found: a row of the compiled table or of an override.
///
/// Returned by [`Normalizer::lookup`](crate::Normalizer::lookup); the fields
/// are those of a mapping row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meaning {
    /// The key as written in the table that answered.
    pub code: String,
    /// Normalized status.
    pub status: Status,
    /// Normalized substatus.
    pub substatus: Substatus,
    /// Why, when the code says.
    pub reason: Option<Reason>,
    /// What the code tells about the delivery date.
    pub eta: EtaHint,
    /// The row's description.
    pub description: String,
    /// Whether the row is marked `coarse` (a category, not an event).
    pub coarse: bool,
    /// The override file and line, or `None` for the compiled table.
    pub source: Option<OverrideSource>,
    /// Line of the row in `mappings/<carrier>.tsv` when the compiled table answered.
    pub shipped_line: Option<u32>,
}

/// A lookup's answer inside the crate: a compiled row (no allocation) or an
/// override row (a reference count).
#[derive(Debug, Clone)]
pub(crate) enum Hit {
    /// A row of the compiled table.
    Shipped(&'static Mapping),
    /// A row of a loaded override file.
    Override(Arc<OverrideRow>),
}

impl From<&'static Mapping> for Hit {
    fn from(m: &'static Mapping) -> Self {
        Hit::Shipped(m)
    }
}

impl Hit {
    pub(crate) fn status(&self) -> Status {
        match self {
            Hit::Shipped(m) => m.status(),
            Hit::Override(r) => r.status,
        }
    }
    pub(crate) fn substatus(&self) -> Substatus {
        match self {
            Hit::Shipped(m) => m.substatus(),
            Hit::Override(r) => r.substatus,
        }
    }
    pub(crate) fn reason(&self) -> Option<Reason> {
        match self {
            Hit::Shipped(m) => m.reason(),
            Hit::Override(r) => r.reason,
        }
    }
    pub(crate) fn eta(&self) -> EtaHint {
        match self {
            Hit::Shipped(m) => m.eta(),
            Hit::Override(r) => r.eta,
        }
    }
    pub(crate) fn code(&self) -> &str {
        match self {
            Hit::Shipped(m) => m.code(),
            Hit::Override(r) => &r.code,
        }
    }
    pub(crate) fn is_coarse(&self) -> bool {
        match self {
            Hit::Shipped(m) => m.is_coarse(),
            Hit::Override(r) => r.coarse,
        }
    }
    pub(crate) fn source(&self) -> Option<OverrideSource> {
        match self {
            Hit::Shipped(_) => None,
            Hit::Override(r) => Some(OverrideSource {
                file: r.file.to_string(),
                line: r.line,
            }),
        }
    }

    pub(crate) fn meaning(&self) -> Meaning {
        Meaning {
            code: self.code().to_string(),
            status: self.status(),
            substatus: self.substatus(),
            reason: self.reason(),
            eta: self.eta(),
            description: match self {
                Hit::Shipped(m) => m.description().to_string(),
                Hit::Override(r) => r.description.to_string(),
            },
            coarse: self.is_coarse(),
            source: self.source(),
            shipped_line: match self {
                Hit::Shipped(m) => Some(m.line()),
                Hit::Override(_) => None,
            },
        }
    }
}

thread_local! {
    /// The overrides of the normalizer parsing on this thread, if any.
    static ACTIVE: RefCell<Option<Arc<Overrides>>> = const { RefCell::new(None) };
}

/// Makes `overrides` the ones parsers on this thread consult until the guard
/// drops (also on unwind); nests.
pub(crate) fn activate(overrides: Option<Arc<Overrides>>) -> ActiveGuard {
    let previous = ACTIVE.with(|a| a.replace(overrides));
    ActiveGuard { previous }
}

/// Restores the previous overrides of the thread when dropped.
pub(crate) struct ActiveGuard {
    previous: Option<Arc<Overrides>>,
}

impl Drop for ActiveGuard {
    fn drop(&mut self) {
        let previous = self.previous.take();
        ACTIVE.with(|a| *a.borrow_mut() = previous);
    }
}

/// The override row for `key` of `carrier` among the active overrides.
#[inline]
fn active(carrier: Carrier, key: &[u8]) -> Option<Hit> {
    ACTIVE.with(|a| {
        let a = a.borrow();
        let o = a.as_ref()?;
        o.get(carrier, key).map(|r| Hit::Override(Arc::clone(r)))
    })
}

/// Whether any override row of `carrier` is active on this thread.
#[inline]
fn any_active(carrier: Carrier) -> bool {
    ACTIVE.with(|a| a.borrow().as_ref().is_some_and(|o| o.has(carrier)))
}

/// The lookups parsers make: the active overrides first, then the compiled
/// table, key for key. Without active overrides for the carrier this is the
/// compiled lookup plus one thread-local check.
impl Carrier {
    /// [`Carrier::lookup`], overrides first.
    #[inline]
    pub(crate) fn find(self, code: &str) -> Option<Hit> {
        if any_active(self) {
            if let Some(h) = active(self, code.as_bytes()) {
                return Some(h);
            }
        }
        self.lookup(code).map(Hit::Shipped)
    }

    /// [`Carrier::lookup_parts`], overrides first.
    #[inline]
    pub(crate) fn find_parts(self, parts: &[&str]) -> Option<Hit> {
        if any_active(self) {
            let mut buf = [0u8; MAX_KEY];
            if let Some(h) = active(self, compose(parts, &mut buf)?) {
                return Some(h);
            }
        }
        self.lookup_parts(parts).map(Hit::Shipped)
    }

    /// [`Carrier::lookup_pair`], overrides first at each step (`EVENT|REASON`,
    /// `EVENT|*`, `EVENT`), so a more specific key wins whichever table has it.
    #[inline]
    pub(crate) fn find_pair(self, event: &str, reason: Option<&str>) -> Option<Hit> {
        if !any_active(self) {
            return self.lookup_pair(event, reason).map(Hit::Shipped);
        }
        if let Some(reason) = reason.filter(|r| !r.is_empty()) {
            if let Some(h) = self.find_parts(&[event, "|", reason]) {
                return Some(h);
            }
        }
        self.find_parts(&[event, "|*"]).or_else(|| self.find(event))
    }
}
