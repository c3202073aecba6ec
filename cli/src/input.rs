//! Reading records in chunks on a thread of their own: JSON Lines files,
//! stdin, or directories of bodies named by carrier.

use crate::out::Fail;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::Arc;
use std::thread::JoinHandle;
use wismo::Carrier;

/// Longest JSON Lines record read (a 16 MiB body in base64 or escaped JSON
/// fits); longer lines are reported as bad records and skipped.
pub const MAX_LINE: usize = 64 << 20;

/// Most bytes of records in one chunk.
const CHUNK_BYTES: usize = 32 << 20;

/// Where a record came from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Line `line` (1-based) of a JSON Lines input.
    Line {
        /// The input's name (`-` for stdin).
        input: Arc<str>,
        /// 1-based line number.
        line: u64,
    },
    /// A body file of a directory input.
    File(String),
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Line { input, line } => write!(f, "{input}:{line}"),
            Source::File(p) => f.write_str(p),
        }
    }
}

/// What was read.
#[derive(Debug)]
pub enum Data {
    /// One JSON Lines record.
    Line(Vec<u8>),
    /// A line longer than [`MAX_LINE`] (its length).
    TooLong(u64),
    /// A body file with its carrier (from its name).
    File {
        /// The carrier, or why the name names none.
        carrier: Result<Carrier, String>,
        /// The body, or why it could not be read.
        body: Result<Vec<u8>, String>,
    },
}

/// One input record.
#[derive(Debug)]
pub struct Record {
    /// Where it came from.
    pub source: Source,
    /// What was read.
    pub data: Data,
}

/// Records arriving in chunks, read ahead on a thread.
pub struct Reader {
    /// The chunks, in input order.
    pub chunks: Receiver<Vec<Record>>,
    /// Input bytes read so far (for the progress bar).
    pub bytes_read: Arc<AtomicU64>,
    /// Total input bytes, when known (files and directories).
    pub total_bytes: Option<u64>,
    /// The reader thread; an error there is an unreadable input.
    pub handle: JoinHandle<Result<(), String>>,
}

enum Input {
    Stdin,
    Lines(PathBuf),
    Files(Vec<(PathBuf, Result<Carrier, String>)>),
}

/// Opens the inputs (usage error when one does not exist) and starts reading.
pub fn spawn(names: &[String], chunk: usize) -> Result<Reader, Fail> {
    let mut inputs = Vec::new();
    let mut total = Some(0u64);
    for n in names {
        if n == "-" {
            inputs.push(Input::Stdin);
            total = None;
            continue;
        }
        let p = PathBuf::from(n);
        let meta =
            std::fs::metadata(&p).map_err(|e| Fail::Usage(format!("cannot read `{n}`: {e}")))?;
        if meta.is_dir() {
            let files = walk(&p).map_err(|e| Fail::Usage(format!("cannot read `{n}`: {e}")))?;
            if let Some(t) = total.as_mut() {
                *t += files
                    .iter()
                    .filter_map(|(f, _)| std::fs::metadata(f).ok())
                    .map(|m| m.len())
                    .sum::<u64>();
            }
            inputs.push(Input::Files(files));
        } else {
            if let Some(t) = total.as_mut() {
                *t += meta.len();
            }
            inputs.push(Input::Lines(p));
        }
    }
    let (tx, rx) = sync_channel::<Vec<Record>>(2);
    let bytes_read = Arc::new(AtomicU64::new(0));
    let counter = bytes_read.clone();
    let handle = std::thread::spawn(move || -> Result<(), String> {
        let mut batch = Chunker {
            tx,
            records: Vec::with_capacity(chunk),
            bytes: 0,
            chunk,
            counter,
        };
        for input in inputs {
            let more = match input {
                Input::Stdin => read_lines("-", std::io::stdin().lock(), &mut batch)?,
                Input::Lines(p) => {
                    let f = std::fs::File::open(&p)
                        .map_err(|e| format!("cannot read `{}`: {e}", p.display()))?;
                    let name = p.display().to_string();
                    read_lines(&name, BufReader::with_capacity(1 << 20, f), &mut batch)?
                }
                Input::Files(files) => read_files(files, &mut batch),
            };
            if !more {
                return Ok(());
            }
        }
        batch.flush();
        Ok(())
    });
    Ok(Reader {
        chunks: rx,
        bytes_read,
        total_bytes: total,
        handle,
    })
}

struct Chunker {
    tx: std::sync::mpsc::SyncSender<Vec<Record>>,
    records: Vec<Record>,
    bytes: usize,
    chunk: usize,
    counter: Arc<AtomicU64>,
}

impl Chunker {
    /// Adds a record; false when the consumer is gone.
    fn push(&mut self, r: Record, bytes: usize) -> bool {
        self.records.push(r);
        self.bytes += bytes;
        self.counter.fetch_add(bytes as u64, Ordering::Relaxed);
        if self.records.len() >= self.chunk || self.bytes >= CHUNK_BYTES {
            return self.flush();
        }
        true
    }

    fn flush(&mut self) -> bool {
        if self.records.is_empty() {
            return true;
        }
        let records = std::mem::replace(&mut self.records, Vec::with_capacity(self.chunk));
        self.bytes = 0;
        self.tx.send(records).is_ok()
    }
}

/// Reads JSON Lines; blank lines are skipped. Returns false when the
/// consumer is gone.
fn read_lines(name: &str, mut r: impl BufRead, out: &mut Chunker) -> Result<bool, String> {
    let input: Arc<str> = Arc::from(name);
    let mut line_no = 0u64;
    loop {
        let mut buf = Vec::new();
        let mut len = 0u64;
        let mut too_long = false;
        let mut eof = true;
        loop {
            let avail = match r.fill_buf() {
                Ok(a) => a,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(format!("cannot read `{name}`: {e}")),
            };
            if avail.is_empty() {
                break;
            }
            eof = false;
            let (take, done) = match memchr::memchr(b'\n', avail) {
                Some(i) => (i + 1, true),
                None => (avail.len(), false),
            };
            len += take as u64;
            if !too_long {
                if buf.len() + take > MAX_LINE + 1 {
                    too_long = true;
                    buf = Vec::new();
                } else {
                    buf.extend_from_slice(&avail[..take]);
                }
            }
            r.consume(take);
            if done {
                break;
            }
        }
        if eof {
            return Ok(true);
        }
        line_no += 1;
        let source = Source::Line {
            input: input.clone(),
            line: line_no,
        };
        if too_long {
            if !out.push(
                Record {
                    source,
                    data: Data::TooLong(len),
                },
                len as usize,
            ) {
                return Ok(false);
            }
            continue;
        }
        while matches!(buf.last(), Some(b'\n' | b'\r')) {
            buf.pop();
        }
        if buf.iter().all(u8::is_ascii_whitespace) {
            out.counter.fetch_add(len, Ordering::Relaxed);
            continue;
        }
        if !out.push(
            Record {
                source,
                data: Data::Line(buf),
            },
            len as usize,
        ) {
            return Ok(false);
        }
    }
}

fn read_files(files: Vec<(PathBuf, Result<Carrier, String>)>, out: &mut Chunker) -> bool {
    for (path, carrier) in files {
        let mut body = Vec::new();
        let body = std::fs::File::open(&path)
            .and_then(|f| {
                f.take(wismo::Limits::default().max_body_bytes as u64 + 1)
                    .read_to_end(&mut body)
            })
            .map(|_| body)
            .map_err(|e| format!("cannot read: {e}"));
        let n = body.as_ref().map_or(0, Vec::len);
        if !out.push(
            Record {
                source: Source::File(path.display().to_string()),
                data: Data::File { carrier, body },
            },
            n,
        ) {
            return false;
        }
    }
    true
}

fn is_body(name: &str) -> bool {
    (name.ends_with(".json") || name.ends_with(".xml"))
        && !name.ends_with(".expected.json")
        && !name.starts_with('.')
}

/// The body files of a directory: `<carrier>/<file>` and
/// `<carrier>.<name>.json|xml`, in name order.
fn walk(dir: &Path) -> std::io::Result<Vec<(PathBuf, Result<Carrier, String>)>> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    let mut out = Vec::new();
    for p in entries {
        let name = p
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        if p.is_dir() {
            if name.starts_with('.') {
                continue;
            }
            let carrier = name
                .parse::<Carrier>()
                .map_err(|_| format!("directory `{name}` is not a carrier id"));
            let mut files: Vec<PathBuf> = std::fs::read_dir(&p)?
                .map(|e| e.map(|e| e.path()))
                .collect::<Result<_, _>>()?;
            files.sort();
            for f in files {
                let fname = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
                if f.is_file() && is_body(fname) {
                    out.push((f.clone(), carrier.clone()));
                }
            }
        } else if is_body(&name) {
            let id = name.split('.').next().unwrap_or("");
            let carrier = id.parse::<Carrier>().map_err(|_| {
                format!(
                    "file name `{name}` does not start with a carrier id (`<carrier>.<name>.json`)"
                )
            });
            out.push((p, carrier));
        }
    }
    Ok(out)
}
