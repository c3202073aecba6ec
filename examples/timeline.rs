//! Shows what a shop gets from repeated polls: each bundled sample response is
//! fed in two parts, as two polls would return it, merged into one timeline,
//! and printed with its direction, ETA and milestones; then all parcels form
//! one order with its status.
//!
//! ```text
//! cargo run --example timeline
//! cargo run --example timeline -- examples/data/postnl_pickup_point.json
//! ```
//!
//! The carrier is read from the file name (`<carrier>_<anything>.json`).
//! Unreadable input: one line on stderr, exit code 2.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use wismo::eta::TransitModel;
use wismo::order::Order;
use wismo::{Carrier, Tracking};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("timeline: {msg}");
            ExitCode::from(2)
        }
    }
}

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    [
        "fedex_delivered.json",
        "ups_delivered.json",
        "usps_delivered.json",
        "postnl_pickup_point.json",
    ]
    .iter()
    .map(|f| dir.join(f))
    .collect()
}

fn run() -> Result<(), String> {
    let args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let files = if args.is_empty() { samples() } else { args };
    let mut order = Order::new("example-order");
    let mut snapshots = Vec::new();
    for path in &files {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or_else(|| format!("bad path `{}`", path.display()))?;
        let id = name.split('_').next().unwrap_or(name);
        let carrier: Carrier = id
            .parse()
            .map_err(|e| format!("`{name}`: {e} (name files <carrier>_<anything>.json)"))?;
        let body =
            std::fs::read(path).map_err(|e| format!("cannot read `{}`: {e}", path.display()))?;
        for full in wismo::parse(carrier, &body).map_err(|e| e.to_string())? {
            // Two polls: the first saw the older half of the events.
            let half = full.events.len() / 2;
            let first = Tracking::new(
                full.carrier,
                full.tracking_number.clone(),
                full.events[..half].to_vec(),
                None,
            );
            snapshots.push(first.clone());
            let mut merged = first;
            merged.merge(full).expect("same parcel");
            print_tracking(&merged, name);
            order.add(merged);
        }
    }

    // Thin history on purpose: the delivered samples alone.
    let model = TransitModel::fit(&order.trackings);
    println!("== history model: {} lanes", model.lanes().len());
    for s in &snapshots {
        match model.predict_detail(s) {
            Some(p) => println!(
                "  {} {} after its first poll: P50 {} P90 {} ({:?} from {}, {} samples{})",
                s.carrier,
                s.tracking_number,
                p.p50,
                p.p90,
                p.basis,
                p.from,
                p.samples,
                if p.thin { ", thin" } else { "" }
            ),
            None => println!(
                "  {} {} after its first poll: no prediction",
                s.carrier, s.tracking_number
            ),
        }
    }

    println!("== order {}: {}", order.reference, order.status());
    match order.latest_eta() {
        Some(w) => println!("  latest ETA {} .. {}", w.earliest, w.latest),
        None => println!("  latest ETA: none (no open parcel with an estimate)"),
    }
    for p in order.parcels() {
        println!(
            "  {:<8} {:<24} {}/{} ({}){}",
            p.carrier.as_str(),
            p.tracking_number,
            p.status,
            p.substatus,
            if p.direction == wismo::Direction::Return {
                "return"
            } else {
                "forward"
            },
            if p.attention_needed {
                ", attention needed"
            } else {
                ""
            }
        );
    }
    Ok(())
}

fn print_tracking(t: &Tracking, source: &str) {
    println!("== {} {} ({source})", t.carrier, t.tracking_number);
    for e in &t.events {
        let time = e.time.map(|t| t.to_string()).unwrap_or_else(|| "-".into());
        println!(
            "  {time:<26} {:<7} {:<38} {}",
            format!("{:?}", e.direction).to_lowercase(),
            format!("{}/{}", e.status, e.substatus),
            e.description
        );
    }
    println!(
        "  status {}/{}, direction {}, failed attempts {}",
        t.status,
        t.substatus,
        format!("{:?}", t.direction).to_lowercase(),
        t.failed_attempts
    );
    let show = |x: Option<wismo::EventTime>| x.map(|t| t.to_string()).unwrap_or("-".into());
    println!(
        "  first scan {}, delivered {}, at pickup since {}",
        show(t.first_scan_at),
        show(t.delivered_at),
        show(t.pickup_since)
    );
    let window = |w: Option<wismo::EtaWindow>| {
        w.map(|w| format!("{} .. {} ({:?})", w.earliest, w.latest, w.source))
            .unwrap_or("-".into())
    };
    println!(
        "  eta original {}, current {}",
        window(t.eta.original),
        window(t.eta.current)
    );
    // "Today" is the latest event's day here; a shop passes its own date.
    if let Some(today) = t.latest_time().map(|t| t.local.date()) {
        if let Some(late) = t.days_late(None, today) {
            println!("  days late against the original estimate: {late}");
        }
    }
}
