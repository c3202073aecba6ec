//! `wismo`: normalize parcel carriers' tracking responses from the command
//! line, in bulk on all cores, and report the codes that were not understood.
//!
//! Exit codes: 0 ok; 1 some records failed, a body could not be read, or a
//! mapping file is invalid; 2 usage (bad arguments, unknown carrier,
//! unreadable input file). A closed output pipe ends the run quietly with 0.

#![forbid(unsafe_code)]

mod batch;
mod engine;
mod input;
mod out;

use clap::{Args, Parser, Subcommand, ValueEnum};
use out::{Fail, Out};
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use wismo::{Carrier, Lang};

/// Normalize parcel carriers' tracking responses into one typed status model.
///
/// Exit codes: 0 ok; 1 some records failed, a body could not be read or a
/// mapping file is invalid; 2 usage (bad arguments, unknown carrier,
/// unreadable input). A closed output pipe (`| head`) ends quietly.
#[derive(Parser, Debug)]
#[command(name = "wismo", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Normalize one tracking response body of a carrier's API.
    ///
    /// Prints the trackings as pretty JSON (default), JSON Lines (one
    /// tracking per line) or a table. Exit 1 when the body cannot be read
    /// as the carrier's format (the typed error on stderr).
    Normalize(NormalizeArgs),
    /// Detect the carrier of a tracking number (check digits verified).
    ///
    /// The arguments are joined with spaces. Prints the candidates as JSON,
    /// best first (`[]` when none).
    Detect {
        /// The tracking number, or text containing one.
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
    },
    /// Classify a carrier's free event text into a status and substatus.
    ///
    /// Prints `{"status", "substatus", "confidence"}` as JSON, or `null`
    /// when no rule is sure.
    Classify {
        /// The event text (arguments are joined with spaces).
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
        /// The language the text is in (en, nl, de, fr, sv, es, it, pl, or a
        /// locale such as de-AT); without it every language is tried.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Normalize many stored responses in parallel, in input order.
    ///
    /// INPUT is a JSON Lines file, `-` for stdin (the default), or a
    /// directory. A JSON Lines record is
    /// `{"carrier": "ups", "body": "<the response as text>"}`; the body may
    /// also be a JSON object or array (taken as the body itself), or base64
    /// in `"body_base64"` or in `"body"` with `"encoding": "base64"`. An
    /// optional `"id"` is copied to the output. Blank lines are skipped.
    ///
    /// A directory holds `<carrier>/<file>` or `<carrier>.<name>.json|xml`
    /// files (every `.json` or `.xml` file, in name order; `*.expected.json`
    /// is skipped).
    ///
    /// Output: one JSON line per record, in input order:
    /// `{"line": N, "carrier": "ups", "trackings": [...]}` or
    /// `{"line": N, "carrier": "ups", "error": {"kind": "syntax", "message": "..."}}`
    /// (`"file"` instead of `"line"` for directories). Error kinds: syntax,
    /// data, carrier, limit, usage (the library's categories) and record (the
    /// input record itself is bad: not JSON, no carrier, unknown carrier, bad
    /// base64). Bad records are also reported on stderr with their line and
    /// the run goes on. A summary ends the run on stderr. Exit 1 when any
    /// record failed.
    Batch(BatchArgs),
    /// Report the codes that were unmapped or understood only from text.
    ///
    /// Reads the same inputs as `batch` and writes, per carrier, a
    /// reviewable override file in the format of `mappings/*.tsv`: one row
    /// per raw code (count, first and last seen and example texts in `#
    /// note:` lines), `unknown/unmapped` unless the text classifier is sure.
    /// Review every row before loading it with `--overrides`.
    Unmapped(UnmappedArgs),
    /// Validate mapping override files (the rules of `mappings/*.tsv`).
    ///
    /// Prints every problem as `file:line: message` on stderr and exits 1
    /// when any file is invalid; prints `file: N rows` on stdout otherwise.
    CheckMappings {
        /// The override files (`<carrier>.tsv`).
        #[arg(required = true, num_args = 1..)]
        files: Vec<PathBuf>,
    },
}

#[derive(Args, Debug)]
struct NormalizeArgs {
    /// The carrier id (`wismo normalize --carrier help` lists them).
    #[arg(long, short)]
    carrier: String,
    /// The response body file, or `-` for stdin.
    #[arg(default_value = "-")]
    input: String,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Json)]
    format: Format,
    #[command(flatten)]
    common: Common,
}

/// Options shared by the commands that normalize.
#[derive(Args, Debug, Clone, Default)]
pub struct Common {
    /// Mapping override files (format of `mappings/*.tsv`), looked up before
    /// the compiled tables; later files win. Events they answer carry
    /// `override_source` (file and line). Repeat the option or separate
    /// files with commas: `--overrides a.tsv,b.tsv`.
    #[arg(long, value_name = "FILE", value_delimiter = ',')]
    pub overrides: Vec<PathBuf>,
    /// The language a carrier writes its texts in, for the text classifier,
    /// as `carrier=lang` (e.g. `bpost=fr`); repeatable.
    #[arg(long, value_name = "CARRIER=LANG", value_parser = parse_carrier_lang)]
    pub lang: Vec<(Carrier, Lang)>,
}

#[derive(Args, Debug)]
struct BatchArgs {
    /// JSON Lines file, directory, or `-` for stdin.
    #[arg(default_value = "-")]
    input: String,
    /// Write the output here instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// Records per parallel chunk (memory use is a few chunks).
    #[arg(long, default_value_t = 2048, value_parser = clap::value_parser!(u32).range(1..))]
    chunk: u32,
    /// Never show the progress bar (it is shown only when stderr is a terminal).
    #[arg(long)]
    no_progress: bool,
    #[command(flatten)]
    common: Common,
}

#[derive(Args, Debug)]
struct UnmappedArgs {
    /// JSON Lines files, directories, or `-` for stdin.
    #[arg(default_value = "-", num_args = 0..)]
    inputs: Vec<String>,
    /// Only this carrier's codes.
    #[arg(long, short)]
    carrier: Option<String>,
    /// Write one `<carrier>.tsv` per carrier into this directory (needed
    /// when the report holds several carriers and the format is tsv).
    #[arg(long)]
    out_dir: Option<PathBuf>,
    /// Output format: the TSV skeleton, or the whole report as JSON.
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Tsv)]
    format: ReportFormat,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    #[command(flatten)]
    common: Common,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    /// Pretty JSON array of trackings.
    Json,
    /// One tracking per line.
    Jsonl,
    /// A table for people, newest event first; before the meaning `?`
    /// marks an unmapped code, `~` a meaning read from the text, `+` an
    /// override row.
    Table,
}

#[derive(ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
enum ReportFormat {
    /// Reviewable override files.
    Tsv,
    /// The report as JSON.
    Json,
}

fn parse_carrier_lang(s: &str) -> Result<(Carrier, Lang), String> {
    let (c, l) = s
        .split_once('=')
        .ok_or_else(|| format!("expected CARRIER=LANG, e.g. bpost=fr, not `{s}`"))?;
    let carrier = parse_carrier(c).map_err(|e| match e {
        Fail::Usage(m) | Fail::Failed(m) => m,
        Fail::Closed => String::new(),
    })?;
    Ok((carrier, parse_lang(l)?))
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_tag(s).ok_or_else(|| {
        let all: Vec<&str> = Lang::ALL.iter().map(|l| l.as_str()).collect();
        format!("no classifier rules for `{s}` (one of {})", all.join(", "))
    })
}

/// Parses a carrier id, with the list of ids in the message.
pub fn parse_carrier(id: &str) -> Result<Carrier, Fail> {
    id.parse().map_err(|_| {
        let ids: Vec<&str> = Carrier::ALL.iter().map(|c| c.as_str()).collect();
        Fail::Usage(format!(
            "unknown carrier id `{id}` (one of {})",
            ids.join(", ")
        ))
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let name = match &cli.command {
        Command::Normalize(_) => "normalize",
        Command::Detect { .. } => "detect",
        Command::Classify { .. } => "classify",
        Command::Batch(_) => "batch",
        Command::Unmapped(_) => "unmapped",
        Command::CheckMappings { .. } => "check-mappings",
    };
    let result = match cli.command {
        Command::Normalize(a) => normalize(a),
        Command::Detect { text } => detect(&text.join(" ")),
        Command::Classify { text, lang } => classify(&text.join(" "), lang),
        Command::Batch(a) => batch::batch(a),
        Command::Unmapped(a) => batch::unmapped(a),
        Command::CheckMappings { files } => engine::check_mappings(&files),
    };
    out::finish(name, result)
}

fn normalize(a: NormalizeArgs) -> Result<ExitCode, Fail> {
    let carrier = parse_carrier(&a.carrier)?;
    let engine = engine::Engine::new(&a.common)?;
    let mut body = Vec::new();
    if a.input == "-" {
        std::io::stdin()
            .read_to_end(&mut body)
            .map_err(|e| Fail::Usage(format!("cannot read stdin: {e}")))?;
    } else {
        body = std::fs::read(&a.input)
            .map_err(|e| Fail::Usage(format!("cannot read `{}`: {e}", a.input)))?;
    }
    let trackings = match engine.parse(carrier, &body) {
        Ok(t) => t,
        Err(e) => return Err(Fail::Failed(e.to_string())),
    };
    let mut out = Out::stdout();
    match a.format {
        Format::Json => {
            let s = serde_json::to_string_pretty(&trackings).map_err(Fail::internal)?;
            out.line(&s)?;
        }
        Format::Jsonl => {
            for t in &trackings {
                let s = serde_json::to_string(t).map_err(Fail::internal)?;
                out.line(&s)?;
            }
        }
        Format::Table => table(&mut out, &trackings)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn table(out: &mut Out, trackings: &[wismo::Tracking]) -> Result<(), Fail> {
    for t in trackings {
        let number = if t.tracking_number.is_empty() {
            "(no number)"
        } else {
            &t.tracking_number
        };
        out.line(&format!(
            "{number}  {}  {}/{}  {} event(s)",
            t.carrier,
            t.status,
            t.substatus,
            t.events.len()
        ))?;
        for e in t.events.iter().rev() {
            let time = e.time.map_or_else(
                || "-".to_string(),
                |t| t.local.format("%Y-%m-%d %H:%M").to_string(),
            );
            let code = match &e.reason_code {
                Some(r) => format!("{}|{r}", e.code),
                None => e.code.clone(),
            };
            let meaning = format!("{}/{}", e.status, e.substatus);
            let mark = if e.override_source.is_some() {
                '+'
            } else if e.mapped && !e.classified {
                ' '
            } else if e.classified {
                '~'
            } else {
                '?'
            };
            let desc: String = e
                .description
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            out.line(&format!(
                "  {time:<16}  {code:<14} {mark}{meaning:<44}  {desc}"
            ))?;
        }
    }
    Ok(())
}

fn detect(text: &str) -> Result<ExitCode, Fail> {
    let candidates = wismo::detect(text);
    let s = serde_json::to_string_pretty(&candidates).map_err(Fail::internal)?;
    let mut out = Out::stdout();
    out.line(&s)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn classify(text: &str, lang: Option<Lang>) -> Result<ExitCode, Fail> {
    let v = match wismo::classify(text, lang) {
        Some((status, substatus, confidence)) => serde_json::json!({
            "status": status,
            "substatus": substatus,
            "confidence": (f64::from(confidence) * 1000.0).round() / 1000.0,
        }),
        None => serde_json::Value::Null,
    };
    let s = serde_json::to_string_pretty(&v).map_err(Fail::internal)?;
    let mut out = Out::stdout();
    out.line(&s)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes one line on stderr, ignoring a closed stderr.
pub fn warn(cmd: &str, msg: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr().lock(), "wismo {cmd}: {msg}");
}
