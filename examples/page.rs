//! Renders a tracking page (or a notification e-mail) from carrier
//! responses, in a chosen locale.
//!
//! ```text
//! cargo run --example page -- --carrier postnl --locale nl FILE > page.html
//! # several parcels of one order (also one response holding several)
//! cargo run --example page -- --carrier postnord --locale da --order 1042 FILE [FILE…]
//! # the e-mail for the current notification: HTML part, or plain text
//! cargo run --example page -- --carrier postnl --locale nl --email FILE > mail.html
//! cargo run --example page -- --carrier postnl --locale nl --email-text FILE
//! ```
//!
//! Options: `--locale en|nl|de|fr|sv|es|it|pl|da|nb` (default `en`),
//! `--order REF` (render an order; implied when the files hold several
//! parcels), `--fragment` (the fragment only, without the page around it and
//! its stylesheet), `--today YYYY-MM-DD`, `--url URL` (the e-mail's link).
//! Bad arguments or an unreadable body: one line on stderr, exit code 2.

use chrono::NaiveDate;
use std::process::ExitCode;
use wismo::customer::{notifications, Locale};
use wismo::order::Order;
use wismo::render::{self, RenderOptions};
use wismo::Carrier;

fn main() -> ExitCode {
    match run() {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(msg) => {
            eprintln!("page: {msg}");
            ExitCode::from(2)
        }
    }
}

fn usage() -> String {
    "usage: page --carrier ID [--locale LANG] [--order REF] [--fragment] [--email|--email-text] \
     [--today YYYY-MM-DD] [--url URL] FILE [FILE...]"
        .to_string()
}

enum Output {
    Page,
    Fragment,
    Email,
    EmailText,
}

fn run() -> Result<String, String> {
    let mut carrier = None;
    let mut locale = Locale::En;
    let mut order_ref = None;
    let mut output = Output::Page;
    let mut options = RenderOptions::default();
    let mut files = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(usage);
        match a.as_str() {
            "--carrier" | "-c" => carrier = Some(value()?),
            "--locale" | "-l" => locale = value()?.parse().map_err(|e| format!("{e}"))?,
            "--order" => order_ref = Some(value()?),
            "--fragment" => output = Output::Fragment,
            "--email" => output = Output::Email,
            "--email-text" => output = Output::EmailText,
            "--today" => {
                let v = value()?;
                let d = NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map_err(|e| format!("--today {v}: {e}"))?;
                options.today = Some(d);
            }
            "--url" => options.tracking_url = Some(value()?),
            "--help" | "-h" => return Ok(usage() + "\n"),
            s if s.starts_with('-') => return Err(format!("unknown option {s}\n{}", usage())),
            _ => files.push(a),
        }
    }
    let carrier: Carrier = carrier
        .ok_or_else(usage)?
        .parse()
        .map_err(|e| format!("{e}"))?;
    if files.is_empty() {
        return Err(usage());
    }
    let mut trackings = Vec::new();
    for f in &files {
        let body = std::fs::read(f).map_err(|e| format!("{f}: {e}"))?;
        trackings.extend(wismo::parse(carrier, &body).map_err(|e| format!("{f}: {e}"))?);
    }
    if trackings.is_empty() {
        return Err("no tracking in the response".into());
    }
    match output {
        Output::Email | Output::EmailText => {
            let t = &trackings[0];
            let n = notifications(None, t)
                .into_iter()
                .next()
                .ok_or("nothing to notify for this tracking")?;
            let mail = render::email_with(&n, locale, &options);
            Ok(match output {
                Output::Email => mail.html,
                _ => format!("Subject: {}\n\n{}", mail.subject, mail.text),
            })
        }
        Output::Page | Output::Fragment => {
            let (title, fragment) = if trackings.len() > 1 || order_ref.is_some() {
                let mut order = Order::new(order_ref.unwrap_or_default());
                trackings.into_iter().for_each(|t| order.add(t));
                let title = order.reference.clone();
                (title, render::order_html_with(&order, locale, &options))
            } else {
                let t = &trackings[0];
                (
                    t.tracking_number.clone(),
                    render::tracking_html_with(t, locale, &options),
                )
            };
            Ok(match output {
                Output::Page => render::document(&title, locale, &fragment),
                _ => fragment,
            })
        }
    }
}
