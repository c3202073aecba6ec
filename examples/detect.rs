//! Detects the carrier of a tracking number and prints the candidates as JSON.
//!
//! ```text
//! cargo run --example detect -- 1Z5R89390357567127
//! cargo run --example detect -- "Tracking: RB 123 456 785 GB"
//! ```
//!
//! The arguments are joined with spaces, so an unquoted number with spaces
//! works too. No candidate prints `[]`. No argument: usage on stderr, exit
//! code 2.

use std::process::ExitCode;

fn main() -> ExitCode {
    let input = std::env::args().skip(1).collect::<Vec<_>>().join(" ");
    if input.trim().is_empty() {
        eprintln!("detect: usage: detect <tracking number or text>");
        return ExitCode::from(2);
    }
    let candidates = wismo::detect(&input);
    match serde_json::to_string_pretty(&candidates) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("detect: {e}");
            ExitCode::from(2)
        }
    }
}
