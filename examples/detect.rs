//! Detects the carrier of a tracking number and prints the candidates as JSON,
//! each with a line for people (`explain`) and whether `wismo::parse` can read
//! that carrier's responses (`has_parser`: false for the detection-only ids
//! such as `ontrac`, `lasership`, `yodel`).
//!
//! ```text
//! cargo run --example detect -- 1Z5R89390357567127
//! cargo run --example detect -- "Tracking: RB 123 456 785 GB"
//! cargo run --example detect -- "Purolator 287809468872"
//! ```
//!
//! The arguments are joined with spaces, so an unquoted number with spaces
//! works too. No candidate prints `[]`. No argument or `--help`: usage on
//! stderr (with the detection-only carrier ids), exit code 2.

use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Serialize)]
struct Shown {
    #[serde(flatten)]
    candidate: wismo::Candidate,
    explain: String,
    has_parser: bool,
}

fn main() -> ExitCode {
    let input = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if input.trim().is_empty() || input == "--help" || input == "-h" {
        let only: Vec<&str> = wismo::Carrier::ALL
            .iter()
            .filter(|c| c.mappings().is_empty())
            .map(|c| c.as_str())
            .collect();
        eprintln!(
            "detect: usage: detect <tracking number or text>\n\
             detection-only carrier ids (no parser, no code table): {}",
            only.join(", ")
        );
        return ExitCode::from(2);
    }
    let shown: Vec<Shown> = wismo::detect(&input)
        .into_iter()
        .map(|c| Shown {
            explain: c.explain(),
            has_parser: c.carrier.has_parser(),
            candidate: c,
        })
        .collect();
    match serde_json::to_string_pretty(&shown) {
        Ok(json) => {
            // A reader that stops early (`| head`, `grep -q`) is not an error.
            let mut out = std::io::stdout().lock();
            if let Err(e) = writeln!(out, "{json}") {
                if e.kind() != std::io::ErrorKind::BrokenPipe {
                    eprintln!("detect: {e}");
                    return ExitCode::FAILURE;
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("detect: {e}");
            ExitCode::from(2)
        }
    }
}
