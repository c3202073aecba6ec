//! A tracking page and e-mails a shop can show, in the customer's language
//! (cargo feature `render`, on by default).
//!
//! - [`tracking_html`]: an HTML fragment for one parcel: a progress bar over
//!   the milestones (ordered, shipped, out for delivery, delivered; or the
//!   pickup path, or the way back to the shop), the current customer
//!   [`message`](crate::customer::message()), the delivery estimate in local words, what
//!   the customer must do and by when, and the timeline newest first with
//!   local times and place names.
//! - [`order_html`]: the same for every parcel of an [`Order`].
//! - [`email`]: a [`Notification`] as an HTML e-mail (tables, inline styles)
//!   with its plain-text part.
//!
//! Fragments use `wismo-…` CSS classes; [`STYLESHEET`] is a small default a
//! shop can replace. There is no JavaScript; progress never relies on colour
//! alone (marks, numbers and hidden words say the same); the layout holds at
//! 320 px. Every text that comes from the carrier or the caller (event texts,
//! place names, tracking numbers, references, URLs) is escaped. Raw event
//! codes never show, nor carriers' internal location ids.
//!
//! ```
//! use wismo::render;
//! use wismo::customer::Locale;
//! # let body = std::fs::read("examples/data/postnl_pickup_point.json").unwrap();
//! # let tracking = wismo::parse(wismo::Carrier::Postnl, &body).unwrap().remove(0);
//! let html = render::tracking_html(&tracking, Locale::Nl);
//! assert!(html.contains("<ol class=\"wismo-progress"));
//! let page = render::document("Track & trace", Locale::Nl, &html);
//! assert!(page.contains(render::STYLESHEET));
//! ```

mod labels;

use crate::eta::EtaWindow;
use crate::event::EventTime;
use crate::message::{
    message_with, notification_message_with, place_name, words, Locale, MessageOptions,
};
use crate::notify::{notifications, Notification, NotificationKind};
use crate::order::Order;
use crate::status::{Status, Substatus};
use crate::tracking::{Direction, Tracking};
use chrono::{NaiveDate, NaiveTime, Timelike};
use labels::{labels, Labels};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;

/// The default stylesheet for the fragments' `wismo-…` classes (about 2.5 KB,
/// no web fonts, no images). Include it once in the page, or replace it.
pub const STYLESHEET: &str = include_str!("style.css");

/// Options for the `…_with` functions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RenderOptions {
    /// Today's date where the customer is: estimates for today or tomorrow
    /// then read "today" or "tomorrow" in the message.
    #[serde(default, with = "crate::notify::opt_date")]
    pub today: Option<NaiveDate>,
    /// The shop's tracking page, linked from e-mails (`http://` or
    /// `https://` only; anything else is left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_url: Option<String>,
}

impl RenderOptions {
    fn message(&self) -> MessageOptions {
        MessageOptions {
            today: self.today,
            ..MessageOptions::default()
        }
    }
}

/// An e-mail for one notification: subject, HTML part and plain-text part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email {
    /// The subject line (plain text).
    pub subject: String,
    /// The HTML part: a whole document with table layout and inline styles.
    pub html: String,
    /// The plain-text part.
    pub text: String,
}

/// The HTML fragment for one parcel, in `locale`.
pub fn tracking_html(tracking: &Tracking, locale: Locale) -> String {
    tracking_html_with(tracking, locale, &RenderOptions::default())
}

/// [`tracking_html`] with options.
pub fn tracking_html_with(tracking: &Tracking, locale: Locale, options: &RenderOptions) -> String {
    let mut out = String::new();
    let id = format!("wismo-{}", slug(&tracking.tracking_number));
    let _ = writeln!(
        out,
        "<section class=\"wismo\" lang=\"{}\" aria-labelledby=\"{id}-title\">",
        locale.as_str()
    );
    parcel_body(&mut out, tracking, locale, options, 2, &id);
    out.push_str("</section>\n");
    out
}

/// The HTML fragment for an order: its status, the latest estimate, and every
/// parcel (as in [`tracking_html`]) in the order they were added.
pub fn order_html(order: &Order, locale: Locale) -> String {
    order_html_with(order, locale, &RenderOptions::default())
}

/// [`order_html`] with options.
pub fn order_html_with(order: &Order, locale: Locale, options: &RenderOptions) -> String {
    let l = labels(locale);
    let mut out = String::new();
    let id = format!("wismo-order-{}", slug(&order.reference));
    let _ = writeln!(
        out,
        "<section class=\"wismo wismo-order\" lang=\"{}\" aria-labelledby=\"{id}-title\">",
        locale.as_str()
    );
    out.push_str("<header class=\"wismo-head\">\n");
    if !order.reference.is_empty() {
        out.push_str("<p class=\"wismo-meta\">");
        esc_into(&mut out, &l.order.replace("{ref}", &order.reference));
        out.push_str("</p>\n");
    }
    let _ = write!(out, "<h2 class=\"wismo-title\" id=\"{id}-title\">");
    esc_into(&mut out, l.order_status(order.status()));
    out.push_str("</h2>\n</header>\n");
    if let Some(w) = order.latest_eta() {
        out.push_str("<dl class=\"wismo-facts\">\n");
        fact(&mut out, "wismo-eta", l.eta, &window_html(locale, &w));
        out.push_str("</dl>\n");
    }
    let total = order.trackings.len();
    for (i, t) in order.trackings.iter().enumerate() {
        let pid = format!("{id}-{}-{}", i + 1, slug(&t.tracking_number));
        let _ = write!(
            out,
            "<article class=\"wismo-parcel\" aria-labelledby=\"{pid}-head\">\n\
             <h3 class=\"wismo-parcel-head\" id=\"{pid}-head\">"
        );
        let head = l
            .parcel
            .replace("{n}", &(i + 1).to_string())
            .replace("{total}", &total.to_string());
        esc_into(&mut out, &head);
        out.push_str("</h3>\n");
        parcel_body(&mut out, t, locale, options, 4, &pid);
        out.push_str("</article>\n");
    }
    out.push_str("</section>\n");
    out
}

/// A whole HTML page around a fragment, with [`STYLESHEET`]: for previews,
/// tests and shops without a page of their own.
pub fn document(title: &str, locale: Locale, fragment: &str) -> String {
    let mut out = String::with_capacity(fragment.len() + STYLESHEET.len() + 400);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
        locale.as_str()
    );
    esc_into(&mut out, title);
    out.push_str("</title>\n<style>\n");
    out.push_str(STYLESHEET);
    out.push_str("body{margin:0;padding:1rem}\n</style>\n</head>\n<body>\n<main>\n");
    out.push_str(fragment);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Which milestones a parcel goes through.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Path {
    Forward,
    Pickup,
    Return,
}

/// Where the parcel stands on its path.
struct Progress {
    path: Path,
    /// Index of the current milestone (0 to 3).
    current: usize,
    /// The current milestone is reached for good (delivered, returned).
    complete: bool,
    /// Something is wrong at the current milestone.
    problem: bool,
}

fn progress(t: &Tracking) -> Progress {
    let returning =
        !t.return_label && (t.direction == Direction::Return || t.status == Status::ReturnToSender);
    if returning {
        let back = t.substatus == Substatus::ReturnedToShipper;
        return Progress {
            path: Path::Return,
            current: if back { 3 } else { 2 },
            complete: back,
            problem: !back,
        };
    }
    let was_at_pickup = t
        .events
        .iter()
        .any(|e| e.is_known() && e.status == Status::AvailableForPickup);
    let path = match t.status {
        Status::AvailableForPickup => Path::Pickup,
        Status::Delivered if was_at_pickup || t.substatus == Substatus::CollectedByRecipient => {
            Path::Pickup
        }
        _ => Path::Forward,
    };
    let current = match t.status {
        Status::Delivered => 3,
        Status::OutForDelivery | Status::AttemptFailed | Status::AvailableForPickup => 2,
        Status::InTransit | Status::Exception | Status::Expired => 1,
        _ if t.first_scan_at.is_some() => 1,
        _ => 0,
    };
    Progress {
        path,
        current,
        complete: t.status == Status::Delivered,
        problem: matches!(
            t.status,
            Status::Exception | Status::AttemptFailed | Status::Expired | Status::Cancelled
        ),
    }
}

fn milestones(l: &Labels, path: Path) -> [&'static str; 4] {
    match path {
        Path::Forward => [l.ordered, l.shipped, l.out_for_delivery, l.delivered],
        Path::Pickup => [l.ordered, l.shipped, l.ready, l.collected],
        Path::Return => [l.ordered, l.shipped, l.returning, l.returned],
    }
}

/// Everything of one parcel: head, progress, facts, action, timeline.
/// `level` is the title's heading level; sections get the next one.
fn parcel_body(
    out: &mut String,
    t: &Tracking,
    locale: Locale,
    options: &RenderOptions,
    level: u8,
    id: &str,
) {
    let l = labels(locale);
    let msg = message_with(t, locale, &options.message());
    let sub = level + 1;

    // Head: carrier and number, the message.
    out.push_str("<header class=\"wismo-head\">\n<p class=\"wismo-meta\">");
    let _ = write!(
        out,
        "<span class=\"wismo-carrier\">{}</span>",
        esc(t.carrier.name())
    );
    if !t.tracking_number.is_empty() {
        let _ = write!(
            out,
            " · {} <span class=\"wismo-number\">{}</span>",
            esc(l.tracking_number),
            esc(&t.tracking_number)
        );
    }
    out.push_str("</p>\n");
    let _ = writeln!(
        out,
        "<h{level} class=\"wismo-title\" id=\"{id}-title\">{}</h{level}>",
        esc(&msg.title)
    );
    if !msg.body.is_empty() {
        let _ = writeln!(out, "<p class=\"wismo-body\">{}</p>", esc(&msg.body));
    }
    out.push_str("</header>\n");

    // Progress.
    let p = progress(t);
    let _ = writeln!(
        out,
        "<ol class=\"wismo-progress wismo-path-{}\" aria-label=\"{}\">",
        match p.path {
            Path::Forward => "forward",
            Path::Pickup => "pickup",
            Path::Return => "return",
        },
        esc(l.progress)
    );
    for (i, name) in milestones(l, p.path).iter().enumerate() {
        let done = i < p.current || (i == p.current && p.complete);
        let here = i == p.current;
        let (class, mark, state) = if here && p.problem {
            ("wismo-current wismo-problem", "!".to_string(), l.problem)
        } else if done {
            ("wismo-done", "✓".to_string(), l.done)
        } else if here {
            ("wismo-current", (i + 1).to_string(), l.current)
        } else {
            ("wismo-todo", (i + 1).to_string(), l.todo)
        };
        let class = if here && done {
            "wismo-done wismo-current"
        } else {
            class
        };
        let _ = writeln!(
            out,
            "<li class=\"wismo-step {class}\"{}><span class=\"wismo-mark\" aria-hidden=\"true\">{mark}</span>\
             <span class=\"wismo-step-label\">{}</span><span class=\"wismo-sr\"> ({})</span></li>",
            if here { " aria-current=\"step\"" } else { "" },
            esc(name),
            esc(state)
        );
    }
    out.push_str("</ol>\n");

    // Facts: the estimate, or when it was delivered.
    let eta = t
        .eta
        .current
        .filter(|_| !t.is_terminal() && t.status != Status::AvailableForPickup);
    let delivered = t.delivered_at.filter(|_| t.status == Status::Delivered);
    if eta.is_some() || delivered.is_some() {
        out.push_str("<dl class=\"wismo-facts\">\n");
        if let Some(w) = eta {
            fact(out, "wismo-eta", l.eta, &window_html(locale, &w));
        }
        if let Some(at) = delivered {
            fact(
                out,
                "wismo-delivered",
                l.delivered_at,
                &time_html(locale, &at),
            );
        }
        out.push_str("</dl>\n");
    }

    // What to do, and by when.
    let step = notifications(None, t)
        .into_iter()
        .filter(|n| {
            matches!(
                n.kind,
                NotificationKind::AttemptFailed
                    | NotificationKind::AvailableForPickup
                    | NotificationKind::ActionRequired
            ) && n.data.next_step.is_some()
        })
        .find_map(|n| notification_message_with(&n, locale, &options.message()).action);
    let deadline = t
        .pickup_deadline
        .filter(|_| t.status == Status::AvailableForPickup);
    if msg.action.is_some() || step.is_some() || deadline.is_some() {
        let _ = writeln!(
            out,
            "<section class=\"wismo-action\" aria-labelledby=\"{id}-action\">\n\
             <h{sub} class=\"wismo-subhead\" id=\"{id}-action\">{}</h{sub}>",
            esc(l.action)
        );
        // After a failed attempt the step says what really happens next
        // (a retry needs nothing; a notice card; a new address), which the
        // status's generic "arrange a new delivery" would contradict.
        let status_action = msg
            .action
            .as_ref()
            .filter(|_| !(t.status == Status::AttemptFailed && step.is_some()));
        if let Some(a) = status_action {
            let _ = writeln!(out, "<p><strong>{}</strong></p>", esc(a));
        }
        if let Some(d) = deadline {
            let _ = writeln!(
                out,
                "<p class=\"wismo-deadline\"><strong>{}</strong> <time datetime=\"{}\">{}</time></p>",
                esc(l.collect_by),
                d.local.date(),
                esc(&words::date(locale, d.local.date()))
            );
        }
        if let Some(s) = step.filter(|s| Some(s) != status_action) {
            if status_action.is_some() {
                let _ = writeln!(out, "<p>{}</p>", esc(&s));
            } else {
                let _ = writeln!(out, "<p><strong>{}</strong></p>", esc(&s));
            }
        }
        out.push_str("</section>\n");
    }

    // Timeline, newest first.
    let _ = writeln!(
        out,
        "<section class=\"wismo-history\" aria-labelledby=\"{id}-history\">\n\
         <h{sub} class=\"wismo-subhead\" id=\"{id}-history\">{}</h{sub}>",
        esc(l.history)
    );
    let items: Vec<String> = t
        .events
        .iter()
        .rev()
        .filter_map(|e| {
            let carrier_text = e.description.trim();
            let text = if e.is_known() && e.substatus == Substatus::OutForDelivery {
                // The sentence says "today", which is wrong for past days.
                l.out_for_delivery.to_string()
            } else if e.is_known() {
                words::substatus(locale, t.carrier, e.substatus)
            } else if !carrier_text.is_empty() {
                carrier_text.to_string()
            } else {
                return None;
            };
            let mut li = String::from("<li class=\"wismo-event\">");
            if let Some(time) = &e.time {
                li.push_str(&time_html(locale, time));
            }
            let _ = write!(li, "<p class=\"wismo-text\">{}</p>", esc(&text));
            if e.is_known() && !carrier_text.is_empty() && carrier_text != text {
                let _ = write!(li, "<p class=\"wismo-note\">{}</p>", esc(carrier_text));
            }
            if let Some(place) = place_name(&e.location) {
                let _ = write!(
                    li,
                    "<p class=\"wismo-place\"><span class=\"wismo-sr\">{}: </span>{}</p>",
                    esc(l.place),
                    esc(&place)
                );
            }
            li.push_str("</li>\n");
            Some(li)
        })
        .collect();
    if items.is_empty() {
        let _ = writeln!(out, "<p class=\"wismo-empty\">{}</p>", esc(l.no_events));
    } else {
        out.push_str("<ol class=\"wismo-timeline\">\n");
        items.iter().for_each(|li| out.push_str(li));
        out.push_str("</ol>\n");
    }
    out.push_str("</section>\n");
}

fn fact(out: &mut String, class: &str, term: &str, value_html: &str) {
    let _ = writeln!(
        out,
        "<div class=\"{class}\"><dt>{}</dt><dd>{value_html}</dd></div>",
        esc(term)
    );
}

/// "Tuesday 8 November, 13:30" in a `<time>` element.
fn time_html(locale: Locale, t: &EventTime) -> String {
    format!(
        "<time datetime=\"{t}\">{}, {}</time>",
        esc(&words::date(locale, t.local.date())),
        hm(t.local.time())
    )
}

/// A delivery window in local words: "Tuesday 8 November, 13:30–15:30",
/// "Tuesday 8 November", or "Tuesday 8 November – Thursday 10 November".
fn window_html(locale: Locale, w: &EtaWindow) -> String {
    let (first, last) = (w.first_date(), w.last_date());
    let day = |d: NaiveDate| {
        format!(
            "<time datetime=\"{d}\">{}</time>",
            esc(&words::date(locale, d))
        )
    };
    if first != last {
        return format!("{} – {}", day(first), day(last));
    }
    let (a, b) = (w.earliest.local.time(), w.latest.local.time());
    let whole_day =
        a == NaiveTime::MIN && (b == NaiveTime::MIN || b.hour() == 23 && b.minute() == 59);
    if whole_day {
        day(first)
    } else if a == b {
        format!("{}, {}", day(first), hm(a))
    } else {
        format!("{}, {}–{}", day(first), hm(a), hm(b))
    }
}

fn window_text(locale: Locale, w: &EtaWindow) -> String {
    strip_tags(&window_html(locale, w))
}

fn hm(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// The e-mail for a notification, in `locale`.
pub fn email(notification: &Notification, locale: Locale) -> Email {
    email_with(notification, locale, &RenderOptions::default())
}

/// [`email`] with options (today's date, a link to the shop's tracking page).
pub fn email_with(notification: &Notification, locale: Locale, options: &RenderOptions) -> Email {
    let l = labels(locale);
    let d = &notification.data;
    let msg = notification_message_with(notification, locale, &options.message());
    let eta = d.eta.filter(|_| {
        !matches!(
            notification.kind,
            NotificationKind::Delivered
                | NotificationKind::ReturningToSender
                | NotificationKind::AvailableForPickup
        )
    });
    let place = d
        .place
        .as_ref()
        .filter(|_| notification.kind == NotificationKind::AvailableForPickup)
        .and_then(place_name);
    let deadline = d
        .pickup_deadline
        .map(|t| words::date(locale, t.local.date()));
    let url = options.tracking_url.as_deref().map(str::trim).filter(|u| {
        let lower = u.to_ascii_lowercase();
        lower.starts_with("https://") || lower.starts_with("http://")
    });
    let carrier = d.carrier.name();
    let number = (!d.tracking_number.is_empty())
        .then(|| format!("{} {}", l.tracking_number, d.tracking_number));
    let carrier_text = d
        .carrier_text
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());

    // Plain text.
    let mut text = format!("{}\n\n{}\n", msg.title, msg.body);
    let mut facts = String::new();
    if let Some(w) = &eta {
        let _ = writeln!(facts, "{}: {}", l.eta, window_text(locale, w));
    }
    if let Some(p) = &place {
        let _ = writeln!(facts, "{}: {p}", l.place);
    }
    if !facts.is_empty() {
        text.push('\n');
        text.push_str(&facts);
    }
    if msg.action.is_some() || deadline.is_some() {
        let _ = write!(text, "\n{}:\n", l.action);
        if let Some(a) = &msg.action {
            let _ = writeln!(text, "- {a}");
        }
        if let Some(dl) = &deadline {
            let _ = writeln!(text, "- {} {dl}", l.collect_by);
        }
    }
    if let Some(c) = carrier_text {
        let _ = write!(text, "\n{carrier}: \"{c}\"\n");
    }
    let _ = write!(text, "\n{carrier}");
    if let Some(n) = &number {
        let _ = write!(text, " · {n}");
    }
    text.push('\n');
    if let Some(u) = url {
        let _ = writeln!(text, "{}: {u}", l.track);
    }

    // HTML.
    const FONT: &str = "font-family:Arial,Helvetica,sans-serif;";
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light\">\n<title>{}</title>\n</head>\n\
         <body style=\"margin:0;padding:0;background:#f3f4f6;\">\n\
         <table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"background:#f3f4f6;\">\n\
         <tr><td align=\"center\" style=\"padding:16px 8px;\">\n\
         <table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"max-width:600px;background:#ffffff;border:1px solid #d0d7de;{FONT}color:#1f2328;\">\n",
        locale.as_str(),
        esc(&msg.title)
    );
    let row = |h: &mut String, style: &str, inner: &str| {
        let _ = writeln!(h, "<tr><td style=\"{FONT}{style}\">{inner}</td></tr>");
    };
    let mut meta = esc(carrier);
    if let Some(n) = &number {
        meta.push_str(" · ");
        meta.push_str(&esc(n));
    }
    row(
        &mut h,
        "padding:24px 24px 8px;font-size:14px;color:#5f6368;",
        &meta,
    );
    row(
        &mut h,
        "padding:0 24px;",
        &format!(
            "<h1 style=\"margin:0;{FONT}font-size:24px;line-height:1.25;color:#1f2328;\">{}</h1>",
            esc(&msg.title)
        ),
    );
    row(
        &mut h,
        "padding:8px 24px 16px;font-size:16px;line-height:1.5;",
        &esc(&msg.body),
    );
    if let Some(w) = &eta {
        row(
            &mut h,
            "padding:0 24px 16px;font-size:16px;line-height:1.5;",
            &format!(
                "<strong>{}:</strong> {}",
                esc(l.eta),
                window_html(locale, w)
            ),
        );
    }
    if let Some(p) = &place {
        row(
            &mut h,
            "padding:0 24px 16px;font-size:16px;line-height:1.5;",
            &format!("<strong>{}:</strong> {}", esc(l.place), esc(p)),
        );
    }
    if msg.action.is_some() || deadline.is_some() {
        let mut inner = format!("<strong>{}</strong>", esc(l.action));
        if let Some(a) = &msg.action {
            let _ = write!(inner, "<br>{}", esc(a));
        }
        if let Some(dl) = &deadline {
            let _ = write!(
                inner,
                "<br><strong>{}</strong> {}",
                esc(l.collect_by),
                esc(dl)
            );
        }
        row(
            &mut h,
            "padding:0 24px 16px;",
            &format!(
                "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\">\
                 <tr><td style=\"{FONT}border-left:6px solid #a4262c;background:#fdf3f4;padding:12px 16px;font-size:16px;line-height:1.5;\">{inner}</td></tr></table>"
            ),
        );
    }
    if let Some(c) = carrier_text {
        row(
            &mut h,
            "padding:0 24px 16px;font-size:14px;line-height:1.5;color:#5f6368;",
            &format!("{}: “{}”", esc(carrier), esc(c)),
        );
    }
    if let Some(u) = url {
        row(
            &mut h,
            "padding:8px 24px 24px;",
            &format!(
                "<a href=\"{}\" style=\"display:inline-block;background:#0b5cad;color:#ffffff;{FONT}font-size:16px;font-weight:bold;text-decoration:underline;padding:12px 20px;border-radius:4px;\">{}</a>",
                esc(u),
                esc(l.track)
            ),
        );
    } else {
        row(&mut h, "padding:0 0 8px;", "");
    }
    h.push_str("</table>\n</td></tr>\n</table>\n</body>\n</html>\n");

    Email {
        subject: msg.title,
        html: h,
        text,
    }
}

/// Text with `&`, `<`, `>`, `"` and `'` escaped, for element content and
/// quoted attribute values alike.
pub fn escape(s: &str) -> String {
    esc(s)
}

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    esc_into(&mut out, s);
    out
}

fn esc_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The text of our own small HTML snippets (no attributes with `>` in them).
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// An id-safe form of a tracking number or reference.
fn slug(s: &str) -> String {
    let out: String = s
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(40)
        .collect();
    if out.is_empty() {
        "x".into()
    } else {
        out
    }
}
