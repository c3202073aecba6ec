//! The deployment's choices (overrides, language hints) as one
//! [`wismo::Normalizer`], and `wismo check-mappings`.

use crate::out::{Fail, Out};
use crate::Common;
use std::path::PathBuf;
use std::process::ExitCode;
use wismo::{Carrier, Normalizer, Overrides, Tracking};

/// Parses bodies with the chosen overrides; shared by all threads.
pub struct Engine {
    normalizer: Normalizer,
}

impl Engine {
    /// Builds the engine, loading the override files (later files win). An
    /// invalid file stops the command with exit 1 and every problem as
    /// `file:line: message` on stderr.
    pub fn new(common: &Common) -> Result<Engine, Fail> {
        let mut normalizer = Normalizer::new();
        if !common.overrides.is_empty() {
            let overrides = load(&common.overrides).map_err(|problems| {
                Fail::Failed(format!("invalid override files:\n{}", problems.join("\n")))
            })?;
            normalizer = normalizer.with_overrides(overrides);
        }
        for (carrier, lang) in &common.lang {
            normalizer = normalizer.with_language(*carrier, *lang);
        }
        Ok(Engine { normalizer })
    }

    /// Parses one body.
    pub fn parse(&self, carrier: Carrier, body: &[u8]) -> Result<Vec<Tracking>, wismo::Error> {
        self.normalizer.parse(carrier, body)
    }

    /// The classifier's language hint for `carrier`'s texts.
    pub fn language(&self, carrier: Carrier) -> Option<wismo::Lang> {
        self.normalizer.language(carrier)
    }
}

/// Loads every file, or every problem of every file as `file:line: message`.
fn load(files: &[PathBuf]) -> Result<Overrides, Vec<String>> {
    Overrides::load_all(files).map_err(|e| e.problems.iter().map(ToString::to_string).collect())
}

/// `wismo check-mappings`.
pub fn check_mappings(files: &[PathBuf]) -> Result<ExitCode, Fail> {
    let mut problems = Vec::new();
    let mut ok = Vec::new();
    for f in files {
        match Overrides::load(f) {
            Ok(o) => ok.push(format!("{}: ok, {} rows", f.display(), o.len())),
            Err(e) => problems.extend(e.problems.iter().map(ToString::to_string)),
        }
    }
    let mut out = Out::stdout();
    for line in &ok {
        out.line(line)?;
    }
    out.flush()?;
    if problems.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let mut err = std::io::stderr().lock();
    for p in &problems {
        let _ = std::io::Write::write_all(&mut err, format!("{p}\n").as_bytes());
    }
    Ok(ExitCode::from(1))
}
