//! The deployment's choices (limits, overrides) and mapping-file checks.

use crate::out::Fail;
use crate::Common;
use std::path::PathBuf;
use std::process::ExitCode;
use wismo::{Carrier, Limits, Tracking};

#[allow(dead_code, clippy::all)]
#[path = "../../src/table/row.rs"]
mod row;

/// Parses bodies with the chosen limits and overrides; shared by all threads.
pub struct Engine {
    limits: Limits,
}

impl Engine {
    /// Builds the engine, loading the override files.
    pub fn new(common: &Common) -> Result<Engine, Fail> {
        if !common.overrides.is_empty() {
            let problems = validate(&common.overrides);
            if !problems.is_empty() {
                return Err(Fail::Failed(format!(
                    "invalid override files:\n{}",
                    problems.join("\n")
                )));
            }
            return Err(Fail::Usage(
                "--overrides needs wismo::Normalizer (not in this build yet)".into(),
            ));
        }
        Ok(Engine {
            limits: Limits::default(),
        })
    }

    /// Parses one body.
    pub fn parse(&self, carrier: Carrier, body: &[u8]) -> Result<Vec<Tracking>, wismo::Error> {
        wismo::parse_with(carrier, body, &self.limits)
    }
}

/// Every problem of the files, as `file:line: message`.
fn validate(files: &[PathBuf]) -> Vec<String> {
    let mut problems = Vec::new();
    for f in files {
        let name = f.display().to_string();
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!("{name}:0: cannot read: {e}"));
                continue;
            }
        };
        let stem = f
            .file_name()
            .and_then(|s| s.to_str())
            .and_then(|s| s.strip_suffix(".tsv"))
            .unwrap_or("");
        match row::parse_file(&name, stem, &text) {
            Ok(m) => {
                if m.carrier.parse::<Carrier>().is_err() {
                    problems.push(format!(
                        "{name}:1: `{}` is not a carrier wismo knows",
                        m.carrier
                    ));
                }
            }
            Err(errs) => problems.extend(errs.iter().map(|e| e.to_string())),
        }
    }
    problems
}

/// `wismo check-mappings`.
pub fn check_mappings(files: &[PathBuf]) -> Result<ExitCode, Fail> {
    let problems = validate(files);
    if problems.is_empty() {
        let mut out = crate::out::Out::stdout();
        for f in files {
            out.line(&format!("{}: ok", f.display()))?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    for p in &problems {
        let _ =
            std::io::Write::write_all(&mut std::io::stderr().lock(), format!("{p}\n").as_bytes());
    }
    Ok(ExitCode::from(1))
}
