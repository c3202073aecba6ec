//! Prints the notifications a shop would send, and their messages in a
//! chosen locale, from two snapshots of one parcel's tracking.
//!
//! ```text
//! # two responses of the same parcel, older first
//! cargo run --example notify -- --carrier fedex --locale de older.json newer.json
//! # one response, replayed: each new event is a new snapshot
//! cargo run --example notify -- --carrier postnl --locale nl examples/data/postnl_pickup_point.json
//! ```
//!
//! Options: `--locale en|nl|de|fr|sv|es|it|pl|da|nb` (default `en`),
//! `--promised YYYY-MM-DD` (the delivery date the shop promised),
//! `--now RFC3339` (for stall and lateness notices), `--register
//! informal|formal`, `--shop NAME` (the shop's name in titles),
//! `--overrides FILE.json` (the shop's own texts for the locale, see
//! `MessageOverrides`). Bad arguments or an
//! unreadable body: one line on stderr, exit code 2.

use chrono::{DateTime, NaiveDate, Utc};
use std::process::ExitCode;
use wismo::customer::{
    notification_message_with, notifications_with, Locale, MessageOptions, MessageOverrides,
    NotifyOptions,
};
use wismo::{Carrier, Tracking};

fn main() -> ExitCode {
    match run() {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("notify: {msg}");
            ExitCode::from(2)
        }
    }
}

fn usage() -> String {
    "usage: notify --carrier ID [--locale LANG] [--register informal|formal] [--shop NAME] [--overrides FILE.json] [--promised YYYY-MM-DD] [--now RFC3339] OLDER.json [NEWER.json]".to_string()
}

fn run() -> Result<String, String> {
    let mut carrier = None;
    let mut locale = Locale::En;
    let mut options = NotifyOptions::default();
    let mut files = Vec::new();
    let mut message_options = MessageOptions::default();
    let mut overrides_file = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(usage);
        match a.as_str() {
            "--carrier" | "-c" => carrier = Some(value()?),
            "--locale" | "-l" => {
                let v = value()?;
                locale = v.parse().map_err(|e| format!("{e}"))?;
            }
            "--register" => {
                let v = value()?;
                message_options.register = Some(v.parse().map_err(|e| format!("{e}"))?);
            }
            "--shop" => message_options.shop_name = Some(value()?),
            "--overrides" => overrides_file = Some(value()?),
            "--promised" => {
                let v = value()?;
                let d = NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map_err(|e| format!("--promised {v}: {e}"))?;
                options.promised = Some(d);
            }
            "--now" => {
                let v = value()?;
                let t = DateTime::parse_from_rfc3339(&v).map_err(|e| format!("--now {v}: {e}"))?;
                options.now = Some(t.with_timezone(&Utc));
            }
            "--help" | "-h" => return Err(usage()),
            _ => files.push(a),
        }
    }
    let carrier: Carrier = carrier
        .ok_or_else(usage)?
        .parse()
        .map_err(|e| format!("{e}"))?;
    let read = |path: &str| -> Result<Tracking, String> {
        let body = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        let mut ts = wismo::parse(carrier, &body).map_err(|e| format!("{path}: {e}"))?;
        if ts.is_empty() {
            return Err(format!("{path}: no tracking in the response"));
        }
        Ok(ts.remove(0))
    };
    let snapshots: Vec<(Option<Tracking>, Tracking)> = match files.as_slice() {
        [older, newer] => {
            let older = read(older)?;
            let mut current = older.clone();
            current.merge(read(newer)?).expect("same parcel");
            vec![(Some(older), current)]
        }
        [one] => replay(read(one)?),
        _ => return Err(usage()),
    };
    let mut out = String::new();
    message_options.today = options.now.map(|n| n.date_naive());
    if let Some(path) = overrides_file {
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        message_options.overrides =
            MessageOverrides::from_json(locale, &text).map_err(|e| format!("{path}: {e}"))?;
    }
    for (previous, current) in &snapshots {
        let latest = current
            .events
            .last()
            .map(|e| {
                format!(
                    "{} {} \"{}\"",
                    e.time.map(|t| t.to_string()).unwrap_or_default(),
                    e.code,
                    e.description
                )
            })
            .unwrap_or_default();
        let found = notifications_with(previous.as_ref(), current, &options);
        if found.is_empty() {
            continue;
        }
        out.push_str(&format!("after {latest}\n"));
        for n in found {
            let m = notification_message_with(&n, locale, &message_options);
            out.push_str(&format!(
                "  [{:?}, {:?}] {}\n",
                n.kind, n.urgency, n.milestone
            ));
            out.push_str(&format!("    {}\n    {}\n", m.title, m.body));
            if let Some(a) = m.action {
                out.push_str(&format!("    -> {a}\n"));
            }
        }
    }
    if out.is_empty() {
        out.push_str("no notifications\n");
    }
    Ok(out)
}

/// One snapshot per event: the timeline as the shop would have seen it
/// after each new event.
fn replay(full: Tracking) -> Vec<(Option<Tracking>, Tracking)> {
    let mut out = Vec::new();
    let mut previous: Option<Tracking> = None;
    for n in 1..=full.events.len() {
        let mut t = full.clone();
        t.events.truncate(n);
        t.refresh();
        out.push((previous.clone(), t.clone()));
        previous = Some(t);
    }
    out
}
