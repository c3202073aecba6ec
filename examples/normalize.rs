//! Normalizes a carrier's tracking response and prints the trackings as JSON.
//!
//! ```text
//! cargo run --release --example normalize -- --carrier ups examples/data/ups_delivered.json
//! cat body.json | cargo run --example normalize -- --carrier fedex -
//! ```
//!
//! Unknown carrier or unreadable body: one line on stderr, exit code 2.
//! `--help` lists the carrier ids with a parser, then those without one (the
//! detection-only ids that `wismo::detect` returns, and `upu`'s code table):
//! for those, `wismo::parse` answers `Error::Unsupported`.

use std::io::Read;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(json) => {
            // A reader that stops early (`| head`, `grep -q`) is not an error.
            let mut out = std::io::stdout().lock();
            if let Err(e) = writeln!(out, "{json}") {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    eprintln!("normalize: {e}");
                    return ExitCode::FAILURE;
                }
            }
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("normalize: {msg}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<String, String> {
    let mut carrier = None;
    let mut input = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--carrier" | "-c" => carrier = args.next(),
            "--help" | "-h" => return Err(usage()),
            _ if input.is_none() => input = Some(a),
            _ => return Err(format!("unexpected argument `{a}`; {}", usage())),
        }
    }
    let carrier = carrier.ok_or_else(usage)?;
    let carrier: wismo::Carrier = carrier.parse().map_err(|e| format!("{e}"))?;
    let input = input.ok_or_else(usage)?;
    let mut body = Vec::new();
    if input == "-" {
        std::io::stdin()
            .read_to_end(&mut body)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
    } else {
        body = std::fs::read(&input).map_err(|e| format!("cannot read `{input}`: {e}"))?;
    }
    let trackings = wismo::parse(carrier, &body).map_err(|e| e.to_string())?;
    serde_json::to_string_pretty(&trackings).map_err(|e| e.to_string())
}

fn usage() -> String {
    let ids = |parser: bool| {
        wismo::Carrier::ALL
            .iter()
            .filter(|c| c.has_parser() == parser)
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!(
        "usage: normalize --carrier <id> <file|->  (ids: {}; no parser, detection only or table only: {})",
        ids(true),
        ids(false)
    )
}
