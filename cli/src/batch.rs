//! `wismo batch` and `wismo unmapped`: records normalized in parallel chunks,
//! results in input order.

use crate::engine::Engine;
use crate::input::{self, Data, Record, Source};
use crate::out::{Fail, Out};
use crate::{BatchArgs, ReportFormat, UnmappedArgs};
use base64::Engine as _;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};
use wismo::{unmapped::UnmappedReport, Carrier, Tracking};

/// Most failed records named on stderr; the rest are only in the output.
const MAX_STDERR_ERRORS: u64 = 100;

/// A JSON Lines input record.
#[derive(Deserialize)]
struct InRecord<'a> {
    #[serde(borrow, default)]
    carrier: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    body: Option<&'a RawValue>,
    #[serde(borrow, default)]
    body_base64: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    encoding: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
}

/// One output line.
#[derive(Serialize)]
struct OutRecord<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a RawValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    carrier: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trackings: Option<&'a [Tracking]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorOut<'a>>,
}

#[derive(Serialize)]
struct ErrorOut<'a> {
    kind: &'a str,
    message: &'a str,
}

/// What became of one record.
struct Outcome {
    /// The output line (batch only).
    line: Vec<u8>,
    /// Error kind and message, when it failed.
    error: Option<(String, String)>,
    trackings: u64,
    events: u64,
    report: Option<UnmappedReport>,
}

/// A record turned into carrier and body, or why not (kind `record`).
struct Decoded<'a> {
    carrier_text: Option<Cow<'a, str>>,
    id: Option<&'a RawValue>,
    parsed: Result<(Carrier, Cow<'a, [u8]>), String>,
}

fn decode(r: &Record) -> Decoded<'_> {
    match &r.data {
        Data::TooLong(n) => Decoded {
            carrier_text: None,
            id: None,
            parsed: Err(format!(
                "line of {n} bytes is longer than {} bytes",
                input::MAX_LINE
            )),
        },
        Data::File { carrier, body } => Decoded {
            carrier_text: carrier.as_ref().ok().map(|c| Cow::Borrowed(c.as_str())),
            id: None,
            parsed: match (carrier, body) {
                (Err(e), _) | (_, Err(e)) => Err(e.clone()),
                (Ok(c), Ok(b)) => Ok((*c, Cow::Borrowed(b.as_slice()))),
            },
        },
        Data::Line(bytes) => {
            // from_slice checks UTF-8 as it reads (one pass over the line).
            let rec: InRecord = match serde_json::from_slice(bytes) {
                Ok(r) => r,
                Err(e) => {
                    return Decoded {
                        carrier_text: None,
                        id: None,
                        parsed: Err(format!("not a JSON object with `carrier` and `body`: {e}")),
                    }
                }
            };
            let parsed = body_of(&rec);
            Decoded {
                carrier_text: rec.carrier,
                id: rec.id,
                parsed,
            }
        }
    }
}

fn body_of<'a>(rec: &InRecord<'a>) -> Result<(Carrier, Cow<'a, [u8]>), String> {
    let id = rec.carrier.as_deref().ok_or("no `carrier` field")?;
    let carrier: Carrier = id
        .parse()
        .map_err(|_| format!("unknown carrier id `{}`", id.escape_debug()))?;
    let base64 = match rec.encoding.as_deref() {
        None | Some("text") | Some("utf-8") | Some("utf8") => false,
        Some("base64") => true,
        Some(other) => {
            return Err(format!(
                "unknown encoding `{}` (text or base64)",
                other.escape_debug()
            ))
        }
    };
    let b64 = |s: &str| {
        base64::engine::general_purpose::STANDARD
            .decode(s.trim())
            .map(Cow::Owned)
            .map_err(|e| format!("bad base64 body: {e}"))
    };
    let body = match (&rec.body_base64, rec.body) {
        (Some(s), None) => b64(s)?,
        (Some(_), Some(_)) => return Err("both `body` and `body_base64`".into()),
        (None, None) => return Err("no `body` or `body_base64` field".into()),
        (None, Some(raw)) => {
            let raw_text = raw.get();
            if raw_text.starts_with('"') {
                let s: Cow<'a, str> =
                    serde_json::from_str(raw_text).map_err(|e| format!("bad `body`: {e}"))?;
                if base64 {
                    b64(&s)?
                } else {
                    match s {
                        Cow::Borrowed(b) => Cow::Borrowed(b.as_bytes()),
                        Cow::Owned(o) => Cow::Owned(o.into_bytes()),
                    }
                }
            } else if raw_text == "null" {
                return Err("`body` is null".into());
            } else if base64 {
                return Err("`encoding: base64` needs a string `body`".into());
            } else {
                // A JSON object or array: the body itself.
                Cow::Borrowed(raw_text.as_bytes())
            }
        }
    };
    Ok((carrier, body))
}

fn kind(e: &wismo::Error) -> String {
    format!("{:?}", e.classify()).to_ascii_lowercase()
}

fn process(engine: &Engine, r: &Record, write: bool, report: bool) -> Outcome {
    let d = decode(r);
    let (line, file) = match &r.source {
        Source::Line { line, .. } => (Some(*line), None),
        Source::File(f) => (None, Some(f.as_str())),
    };
    let mut out = OutRecord {
        line,
        file,
        id: d.id,
        carrier: d.carrier_text.as_deref(),
        trackings: None,
        error: None,
    };
    let mut o = Outcome {
        line: Vec::new(),
        error: None,
        trackings: 0,
        events: 0,
        report: None,
    };
    let result = match d.parsed {
        Err(msg) => Err(("record".to_string(), msg)),
        Ok((carrier, body)) => engine
            .parse(carrier, &body)
            .map_err(|e| (kind(&e), e.to_string())),
    };
    match &result {
        Ok(ts) => {
            o.trackings = ts.len() as u64;
            o.events = ts.iter().map(|t| t.events.len() as u64).sum();
            if report && ts.iter().flat_map(|t| &t.events).any(|e| !e.mapped) {
                let mut rep = UnmappedReport::new();
                for t in ts {
                    if let Some(lang) = engine.language(t.carrier) {
                        rep = rep.with_language(t.carrier, lang);
                    }
                    rep.add(t);
                }
                o.report = Some(rep);
            }
            out.trackings = Some(ts);
        }
        Err((k, m)) => {
            out.error = Some(ErrorOut {
                kind: k,
                message: m,
            });
        }
    }
    if write {
        o.line = serde_json::to_vec(&out).unwrap_or_else(|e| {
            format!(
                "{{\"error\":{{\"kind\":\"internal\",\"message\":{:?}}}}}",
                e.to_string()
            )
            .into_bytes()
        });
        o.line.push(b'\n');
    }
    o.error = result.err();
    o
}

/// Counts for the summary.
#[derive(Default)]
struct Summary {
    bodies: u64,
    failed: u64,
    trackings: u64,
    events: u64,
    errors: BTreeMap<String, u64>,
    report: UnmappedReport,
    named: u64,
}

impl Summary {
    fn add(&mut self, cmd: &str, bar: &ProgressBar, r: &Record, o: &Outcome) {
        self.bodies += 1;
        self.trackings += o.trackings;
        self.events += o.events;
        if let Some((k, m)) = &o.error {
            self.failed += 1;
            *self.errors.entry(k.clone()).or_default() += 1;
            if self.named < MAX_STDERR_ERRORS {
                bar.suspend(|| crate::warn(cmd, format!("{}: {k}: {m}", r.source)));
            } else if self.named == MAX_STDERR_ERRORS {
                bar.suspend(|| crate::warn(cmd, "further failed records only in the output"));
            }
            self.named += 1;
        }
    }

    fn print(&self, cmd: &str, elapsed: Duration) {
        let secs = elapsed.as_secs_f64().max(1e-9);
        crate::warn(
            cmd,
            format!(
                "{} bodies ({} ok, {} failed), {} trackings, {} events in {:.2} s ({:.0} bodies/s, {:.0} events/s)",
                self.bodies,
                self.bodies - self.failed,
                self.failed,
                self.trackings,
                self.events,
                secs,
                self.bodies as f64 / secs,
                self.events as f64 / secs
            ),
        );
        if !self.errors.is_empty() {
            let by_kind: Vec<String> = self
                .errors
                .iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            crate::warn(cmd, format!("errors by kind: {}", by_kind.join(", ")));
        }
        let rows = self.report.rows();
        if !rows.is_empty() {
            let mut top: Vec<_> = rows.iter().collect();
            top.sort_by_key(|r| std::cmp::Reverse(r.count));
            let shown: Vec<String> = top
                .iter()
                .take(5)
                .map(|r| format!("{} `{}` ×{}", r.carrier, r.key.escape_debug(), r.count))
                .collect();
            crate::warn(
                cmd,
                format!(
                    "unmapped codes: {} in {} events (top: {}){}",
                    rows.len(),
                    self.report.events(),
                    shown.join(", "),
                    if cmd == "batch" {
                        "; `wismo unmapped` writes the review file"
                    } else {
                        ""
                    }
                ),
            );
        } else {
            crate::warn(cmd, "unmapped codes: none");
        }
    }
}

fn threads(n: Option<usize>) -> Result<(), Fail> {
    if let Some(n) = n {
        if n == 0 {
            return Err(Fail::Usage("--threads must be at least 1".into()));
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()
            .map_err(Fail::internal)?;
    }
    Ok(())
}

fn progress(reader: &input::Reader, hide: bool) -> ProgressBar {
    if hide || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let (bar, style) = match reader.total_bytes {
        Some(n) => (
            ProgressBar::with_draw_target(Some(n), ProgressDrawTarget::stderr()),
            "{spinner} {elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} {binary_bytes_per_sec} {msg}",
        ),
        None => (
            ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()),
            "{spinner} {elapsed_precise} {bytes} {binary_bytes_per_sec} {msg}",
        ),
    };
    if let Ok(s) = ProgressStyle::with_template(style) {
        bar.set_style(s.progress_chars("=> "));
    }
    bar
}

/// `wismo batch`.
pub fn batch(a: BatchArgs) -> Result<ExitCode, Fail> {
    const CMD: &str = "batch";
    threads(a.threads)?;
    let engine = Engine::new(&a.common)?;
    let out: Box<dyn std::io::Write + Send> = match &a.output {
        Some(p) => Box::new(
            std::fs::File::create(p)
                .map_err(|e| Fail::Usage(format!("cannot create `{}`: {e}", p.display())))?,
        ),
        None => Box::new(std::io::stdout()),
    };
    let reader = input::spawn(std::slice::from_ref(&a.input), a.chunk as usize)?;
    let bar = progress(&reader, a.no_progress);
    let start = Instant::now();

    // The writer runs beside the workers so writing overlaps the next chunk.
    let (wtx, wrx) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(2);
    let writer = std::thread::spawn(move || -> Result<(), Fail> {
        let mut out = Out::to(out);
        for chunk in wrx {
            for o in chunk {
                out.bytes(&o.line)?;
            }
        }
        out.flush()
    });

    let mut summary = Summary::default();
    for chunk in &reader.chunks {
        let mut outcomes: Vec<Outcome> = chunk
            .par_iter()
            .map(|r| process(&engine, r, true, true))
            .collect();
        let part = outcomes
            .par_iter_mut()
            .filter_map(|o| o.report.take())
            .reduce(UnmappedReport::new, |mut a, b| {
                a.merge(b);
                a
            });
        summary.report.merge(part);
        for (r, o) in chunk.iter().zip(&outcomes) {
            summary.add(CMD, &bar, r, o);
        }
        bar.set_position(reader.bytes_read.load(Ordering::Relaxed));
        bar.set_message(format!(
            "{} bodies, {:.0}/s",
            summary.bodies,
            summary.bodies as f64 / start.elapsed().as_secs_f64().max(1e-9)
        ));
        if wtx.send(outcomes).is_err() {
            break; // the writer stopped: its error says why
        }
    }
    drop(wtx);
    let written = writer
        .join()
        .map_err(|_| Fail::internal("writer panicked"))?;
    bar.finish_and_clear();
    written?; // a closed pipe ends quietly
    let read = reader
        .handle
        .join()
        .map_err(|_| Fail::internal("reader panicked"))?;
    if let Err(e) = read {
        summary.print(CMD, start.elapsed());
        return Err(Fail::Failed(e));
    }
    summary.print(CMD, start.elapsed());
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `wismo unmapped`.
pub fn unmapped(a: UnmappedArgs) -> Result<ExitCode, Fail> {
    const CMD: &str = "unmapped";
    threads(a.threads)?;
    let only = a.carrier.as_deref().map(crate::parse_carrier).transpose()?;
    let engine = Engine::new(&a.common)?;
    let inputs = if a.inputs.is_empty() {
        vec!["-".to_string()]
    } else {
        a.inputs.clone()
    };
    let reader = input::spawn(&inputs, 2048)?;
    let bar = progress(&reader, false);
    let start = Instant::now();
    let mut summary = Summary::default();
    for chunk in &reader.chunks {
        let mut outcomes: Vec<Outcome> = chunk
            .par_iter()
            .map(|r| process(&engine, r, false, true))
            .collect();
        let part = outcomes
            .par_iter_mut()
            .filter_map(|o| o.report.take())
            .reduce(UnmappedReport::new, |mut a, b| {
                a.merge(b);
                a
            });
        summary.report.merge(part);
        for (r, o) in chunk.iter().zip(&outcomes) {
            summary.add(CMD, &bar, r, o);
        }
        bar.set_position(reader.bytes_read.load(Ordering::Relaxed));
    }
    bar.finish_and_clear();
    reader
        .handle
        .join()
        .map_err(|_| Fail::internal("reader panicked"))?
        .map_err(Fail::Failed)?;
    summary.print(CMD, start.elapsed());

    let source = inputs
        .iter()
        .map(|i| {
            if i == "-" {
                "standard input"
            } else {
                i.as_str()
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    let carriers: Vec<Carrier> = summary
        .report
        .carriers()
        .into_iter()
        .filter(|c| only.is_none_or(|o| o == *c))
        .collect();
    let mut out = Out::stdout();
    match a.format {
        ReportFormat::Json => {
            let rows: Vec<_> = summary
                .report
                .rows()
                .into_iter()
                .filter(|r| carriers.contains(&r.carrier))
                .collect();
            let v = serde_json::json!({
                "events": rows.iter().map(|r| r.count).sum::<u64>(),
                "rows": rows,
            });
            out.line(&serde_json::to_string_pretty(&v).map_err(Fail::internal)?)?;
        }
        ReportFormat::Tsv => {
            let files: Vec<(Carrier, String)> = carriers
                .iter()
                .filter_map(|c| summary.report.to_tsv(*c, &source).map(|t| (*c, t)))
                .collect();
            match (&a.out_dir, files.len()) {
                (Some(dir), _) => {
                    std::fs::create_dir_all(dir).map_err(|e| {
                        Fail::Usage(format!("cannot create `{}`: {e}", dir.display()))
                    })?;
                    for (c, text) in &files {
                        let p = dir.join(format!("{c}.tsv"));
                        std::fs::write(&p, text).map_err(|e| {
                            Fail::Failed(format!("cannot write `{}`: {e}", p.display()))
                        })?;
                        out.line(&p.display().to_string())?;
                    }
                }
                (None, 0) => {}
                (None, 1) => out.bytes(files[0].1.as_bytes())?,
                (None, _) => {
                    let ids: Vec<&str> = files.iter().map(|(c, _)| c.as_str()).collect();
                    return Err(Fail::Usage(format!(
                        "the report holds {} carriers ({}): one file each, so give --out-dir DIR or --carrier ID",
                        files.len(),
                        ids.join(", ")
                    )));
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
