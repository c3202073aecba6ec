//! Output that ends quietly on a closed pipe, and the exit codes.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// Why a command stopped early.
#[derive(Debug)]
pub enum Fail {
    /// Bad arguments or unreadable input: exit 2.
    Usage(String),
    /// The work failed (a body could not be read): exit 1.
    Failed(String),
    /// The reader of our output went away (`| head`): exit 0, quietly.
    Closed,
}

impl Fail {
    /// An unexpected failure (exit 1).
    pub fn internal(e: impl std::fmt::Display) -> Fail {
        Fail::Failed(e.to_string())
    }

    /// An output error: a closed pipe ends quietly, anything else fails.
    pub fn output(e: io::Error) -> Fail {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Fail::Closed
        } else {
            Fail::Failed(format!("cannot write output: {e}"))
        }
    }
}

/// The exit code of a command's result; messages go to stderr.
pub fn finish(cmd: &str, result: Result<ExitCode, Fail>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(Fail::Closed) => ExitCode::SUCCESS,
        Err(Fail::Usage(m)) => {
            crate::warn(cmd, m);
            ExitCode::from(2)
        }
        Err(Fail::Failed(m)) => {
            crate::warn(cmd, m);
            ExitCode::from(1)
        }
    }
}

/// Buffered output; every write maps a closed pipe to [`Fail::Closed`].
pub struct Out {
    w: BufWriter<Box<dyn Write + Send>>,
}

impl Out {
    /// Standard output.
    pub fn stdout() -> Out {
        Out::to(Box::new(io::stdout()))
    }

    /// Any writer.
    pub fn to(w: Box<dyn Write + Send>) -> Out {
        Out {
            w: BufWriter::with_capacity(256 << 10, w),
        }
    }

    /// Writes `s` and a newline.
    pub fn line(&mut self, s: &str) -> Result<(), Fail> {
        self.w.write_all(s.as_bytes()).map_err(Fail::output)?;
        self.w.write_all(b"\n").map_err(Fail::output)
    }

    /// Writes raw bytes.
    pub fn bytes(&mut self, b: &[u8]) -> Result<(), Fail> {
        self.w.write_all(b).map_err(Fail::output)
    }

    /// Flushes.
    pub fn flush(&mut self) -> Result<(), Fail> {
        self.w.flush().map_err(Fail::output)
    }
}
