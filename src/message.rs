//! Customer-facing messages in the customer's language: [`message`] for a
//! tracking's current state and [`notification_message`] for a
//! [`Notification`].
//!
//! Texts live in one catalog per locale (`src/locales/<lang>.json`, compiled in):
//! a title and a sentence for every [`Status`], [`Substatus`], [`Reason`],
//! [`NotificationKind`] and [`CustomerStep`], plus the locale's weekday and
//! month names and how it says "on Thursday 14 May", "between … and …" and
//! "by …". Delivery estimates read naturally: "today", "tomorrow" (when the
//! caller passes today's date, [`MessageOptions::today`]), a date, or a
//! window.
//!
//! ```
//! use wismo::{message, Locale};
//! # let body = std::fs::read("examples/data/postnl_pickup_point.json").unwrap();
//! # let tracking = wismo::parse(wismo::Carrier::Postnl, &body).unwrap().remove(0);
//! let m = message(&tracking, Locale::Nl);
//! assert!(!m.title.is_empty() && !m.body.is_empty());
//! ```

use crate::eta::EtaWindow;
use crate::event::Location;
use crate::notify::{CustomerStep, DelayCause, Notification, NotificationData, NotificationKind};
use crate::status::{Reason, Status, Substatus};
use crate::tracking::Tracking;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

/// A language and its conventions for customer messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Locale {
    /// English.
    En,
    /// Dutch.
    Nl,
    /// German.
    De,
    /// French.
    Fr,
    /// Swedish.
    Sv,
    /// Spanish.
    Es,
    /// Italian.
    It,
    /// Polish.
    Pl,
    /// Danish.
    Da,
    /// Norwegian (Bokmål).
    Nb,
}

impl Locale {
    /// Every locale, in declaration order.
    pub const ALL: &'static [Locale] = &[
        Locale::En,
        Locale::Nl,
        Locale::De,
        Locale::Fr,
        Locale::Sv,
        Locale::Es,
        Locale::It,
        Locale::Pl,
        Locale::Da,
        Locale::Nb,
    ];

    /// The language code (`en`, `nb`, …), also the catalog's file name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Nl => "nl",
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::Sv => "sv",
            Locale::Es => "es",
            Locale::It => "it",
            Locale::Pl => "pl",
            Locale::Da => "da",
            Locale::Nb => "nb",
        }
    }

    /// The locale of a BCP 47 tag (`de-CH`, `nl_BE`, `no`, `nn-NO`), when
    /// there is a catalog for its language. Norwegian tags (`no`, `nb`, `nn`)
    /// get Bokmål.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.split(['-', '_']).next().unwrap_or(tag);
        if ["no", "nn"].iter().any(|n| n.eq_ignore_ascii_case(primary)) {
            return Some(Locale::Nb);
        }
        Locale::ALL
            .iter()
            .copied()
            .find(|l| l.as_str().eq_ignore_ascii_case(primary))
    }

    fn source(self) -> &'static str {
        match self {
            Locale::En => include_str!("locales/en.json"),
            Locale::Nl => include_str!("locales/nl.json"),
            Locale::De => include_str!("locales/de.json"),
            Locale::Fr => include_str!("locales/fr.json"),
            Locale::Sv => include_str!("locales/sv.json"),
            Locale::Es => include_str!("locales/es.json"),
            Locale::It => include_str!("locales/it.json"),
            Locale::Pl => include_str!("locales/pl.json"),
            Locale::Da => include_str!("locales/da.json"),
            Locale::Nb => include_str!("locales/nb.json"),
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Locale {
    type Err = crate::status::UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Locale::from_tag(s).ok_or_else(|| crate::status::UnknownWord::new("locale", s))
    }
}

/// A message for the customer: a short title, one to three sentences, and
/// what to do, when there is something to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerMessage {
    /// A short title (e-mail subject, push title, chat heading).
    pub title: String,
    /// The message itself.
    pub body: String,
    /// What the customer can do, when there is something to do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

/// Options for [`message_with`] and [`notification_message_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MessageOptions {
    /// Today's date where the customer is. With it, an estimate for today or
    /// tomorrow reads "today" or "tomorrow"; without it, dates are written
    /// out.
    #[serde(default, with = "crate::notify::opt_date")]
    pub today: Option<NaiveDate>,
}

/// The message for a tracking's current state, in `locale`.
pub fn message(tracking: &Tracking, locale: Locale) -> CustomerMessage {
    message_with(tracking, locale, &MessageOptions::default())
}

/// [`message`] with options (today's date, for "today" and "tomorrow").
pub fn message_with(
    tracking: &Tracking,
    locale: Locale,
    options: &MessageOptions,
) -> CustomerMessage {
    let cat = catalog(locale);
    let event = tracking.current_event();
    let place = event.map(|e| &e.location).filter(|l| !l.is_empty());
    let vars = Vars {
        carrier: tracking.carrier.name(),
        place: place.and_then(place_name),
        eta: None,
        until: tracking
            .pickup_deadline
            .map(|d| cat.dates.until(d.local.date())),
        days: None,
        promised: None,
    };
    let status = cat.status(tracking.status);
    let mut body = vec![cat.substatus(tracking.substatus, vars.place.is_some())];
    if let Some(r) = event.and_then(|e| e.reason) {
        if !reason_is_implied(tracking.substatus, r) {
            body.push(cat.reason(r));
        }
    }
    if let Some(w) = tracking.eta.current.filter(|_| !tracking.is_terminal()) {
        if tracking.status != Status::OutForDelivery {
            let eta = cat.dates.eta(&w, options.today);
            body.push(cat.phrases.eta.replace("{eta}", &eta));
        }
    }
    if tracking.status == Status::AvailableForPickup && vars.until.is_some() {
        body.push(cat.phrases.deadline.clone());
    }
    CustomerMessage {
        title: vars.fill(&status.title),
        body: vars.fill(&body.join(" ")),
        action: status.action.as_deref().map(|a| vars.fill(a)),
    }
}

/// The message for a notification, in `locale`.
pub fn notification_message(notification: &Notification, locale: Locale) -> CustomerMessage {
    notification_message_with(notification, locale, &MessageOptions::default())
}

/// [`notification_message`] with options (today's date, for "today" and
/// "tomorrow").
pub fn notification_message_with(
    notification: &Notification,
    locale: Locale,
    options: &MessageOptions,
) -> CustomerMessage {
    let cat = catalog(locale);
    let d: &NotificationData = &notification.data;
    let vars = Vars {
        carrier: d.carrier.name(),
        place: d.place.as_ref().and_then(place_name),
        eta: d.eta.map(|w| cat.dates.eta(&w, options.today)),
        until: d.pickup_deadline.map(|t| cat.dates.until(t.local.date())),
        days: d.silent_days,
        promised: d.promised.map(|p| cat.dates.date(p)),
    };
    let entry = cat.notification(notification.kind);
    let mut body: Vec<String> = Vec::new();
    let mut action = entry.action.clone();
    let reason = d.reason.filter(|r| !reason_is_implied(d.substatus, *r));
    match notification.kind {
        NotificationKind::Shipped => {
            body.push(entry.body.clone());
            if vars.eta.is_some() {
                body.push(cat.phrases.eta.clone());
            }
        }
        NotificationKind::OutForDelivery | NotificationKind::Stalled => {
            body.push(entry.body.clone());
        }
        NotificationKind::AttemptFailed => {
            body.push(cat.substatus(d.substatus, false));
            body.extend(reason.map(|r| cat.reason(r)));
        }
        NotificationKind::AvailableForPickup => {
            body.push(cat.substatus(d.substatus, vars.place.is_some()));
            if vars.until.is_some() {
                body.push(cat.phrases.deadline.clone());
            }
        }
        NotificationKind::Delayed => {
            let cause = match d.delay {
                Some(DelayCause::EtaMoved) if vars.eta.is_some() => "eta_moved",
                Some(DelayCause::EtaMoved) => "",
                _ => "past_promised_date",
            };
            body.push(match cat.delay.get(cause) {
                Some(t) => t.clone(),
                None => entry.body.clone(),
            });
            body.extend(reason.map(|r| cat.reason(r)));
            if cause == "past_promised_date" && vars.eta.is_some() {
                body.push(cat.phrases.eta.clone());
            }
        }
        NotificationKind::ActionRequired => {
            body.push(cat.substatus(d.substatus, false));
            body.extend(reason.map(|r| cat.reason(r)));
        }
        NotificationKind::ReturningToSender => {
            body.push(cat.substatus(d.substatus, false));
            body.extend(reason.map(|r| cat.reason(r)));
        }
        NotificationKind::Delivered => {
            body.push(cat.substatus(d.substatus, false));
        }
    }
    if let Some(step) = d.next_step {
        action = Some(cat.step(step));
    }
    CustomerMessage {
        title: vars.fill(&entry.title),
        body: vars.fill(&body.join(" ")),
        action: action.map(|a| vars.fill(&a)),
    }
}

/// A reason the substatus sentence already says.
fn reason_is_implied(sub: Substatus, reason: Reason) -> bool {
    matches!(
        (sub, reason),
        (Substatus::RecipientAbsent, Reason::RecipientAbsent)
            | (Substatus::Refused, Reason::RecipientRefused)
            | (Substatus::NotCollected, Reason::NotCollected)
            | (Substatus::DutiesDue, Reason::DutiesUnpaid)
            | (Substatus::CustomsHold, Reason::CustomsInspection)
            | (Substatus::MissingDocuments, Reason::DocumentsMissing)
            | (Substatus::Damaged, Reason::DamagedInTransit)
            | (Substatus::Lost, Reason::LostInTransit)
            | (
                Substatus::AddressNotFound | Substatus::AddressProblem,
                Reason::AddressIncorrect
            )
            | (
                Substatus::RescheduledByRecipient | Substatus::Redirected,
                Reason::RecipientRequest
            )
            | (Substatus::PaymentDue, Reason::PaymentRequired)
    )
}

/// A place as customers read it: its name and city. `None` when neither is
/// known (a bare postal code or facility code reads badly in a sentence).
/// Carriers' internal location ids (PostNL's `170341`, InPost's `WAW22A`,
/// depot codes like `KRA`) are left out: they name no place a customer knows.
pub(crate) fn place_name(l: &Location) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for p in [l.name.as_deref(), l.city.as_deref()].into_iter().flatten() {
        let p = p.trim();
        // A city already in the name ("Rotterdam, NL" and "Rotterdam") once.
        let repeated = out
            .iter()
            .any(|o| o.split(',').any(|part| part.trim().eq_ignore_ascii_case(p)));
        if !p.is_empty() && !is_location_id(p) && !repeated {
            out.push(p);
        }
    }
    (!out.is_empty()).then(|| out.join(", "))
}

/// A carrier's opaque location id rather than a place name: one word with a
/// digit in it (`170341`, `HU40`, `WAW22A`), or two or three capital letters
/// (depot and airport codes: `KRA`, `JFK`). Words like `OSLO` or `Depot` are
/// names.
pub(crate) fn is_location_id(s: &str) -> bool {
    let s = s.trim();
    if s.contains(char::is_whitespace) {
        return false;
    }
    s.chars().any(|c| c.is_ascii_digit())
        || (s.len() <= 3 && s.chars().all(|c| c.is_ascii_uppercase()))
}

/// Values for the `{…}` placeholders of catalog texts.
struct Vars {
    carrier: &'static str,
    place: Option<String>,
    eta: Option<String>,
    until: Option<String>,
    days: Option<i64>,
    promised: Option<String>,
}

impl Vars {
    fn fill(&self, text: &str) -> String {
        let mut out = text.replace("{carrier}", self.carrier);
        let pairs = [
            ("{place}", self.place.clone()),
            ("{eta}", self.eta.clone()),
            ("{until}", self.until.clone()),
            ("{days}", self.days.map(|d| d.to_string())),
            ("{promised}", self.promised.clone()),
        ];
        for (key, value) in pairs {
            if let Some(v) = value {
                out = out.replace(key, &v);
            }
        }
        out
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalog {
    #[allow(dead_code)]
    locale: String,
    dates: Dates,
    phrases: Phrases,
    status: HashMap<String, Entry>,
    substatus: HashMap<String, Text>,
    reason: HashMap<String, String>,
    notification: HashMap<String, Entry>,
    delay: HashMap<String, String>,
    step: HashMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Dates {
    /// Monday first, as written alone.
    weekdays: Vec<String>,
    /// Monday first, as written after "on" (Polish "w środę"); default
    /// `weekdays`.
    #[serde(default)]
    weekdays_on: Option<Vec<String>>,
    /// January first, as written after a day number.
    months: Vec<String>,
    /// How the first day of a month is written, when not "1" (French
    /// "1er", Italian "1º").
    #[serde(default)]
    day_one: Option<String>,
    date: String,
    today: String,
    tomorrow: String,
    on: String,
    between: String,
    until: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Phrases {
    eta: String,
    deadline: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    title: String,
    body: String,
    #[serde(default)]
    action: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum Text {
    Plain(String),
    Place { text: String, place: String },
}

impl Dates {
    fn names(&self, d: NaiveDate, on: bool) -> (&str, String, &str) {
        let w = d.weekday().num_days_from_monday() as usize;
        let weekdays = match (&self.weekdays_on, on) {
            (Some(list), true) => list,
            _ => &self.weekdays,
        };
        let wd = weekdays.get(w).map(String::as_str).unwrap_or_default();
        let m = self
            .months
            .get(d.month0() as usize)
            .map(String::as_str)
            .unwrap_or_default();
        let day = match (&self.day_one, d.day()) {
            (Some(one), 1) => one.clone(),
            (_, n) => n.to_string(),
        };
        (wd, day, m)
    }

    fn one(&self, pattern: &str, d: NaiveDate, on: bool) -> String {
        let (w, day, m) = self.names(d, on);
        pattern
            .replace("{w}", w)
            .replace("{d}", &day)
            .replace("{m}", m)
    }

    /// A date on its own ("Thursday 14 May").
    fn date(&self, d: NaiveDate) -> String {
        self.one(&self.date, d, false)
    }

    /// "by Thursday 14 May".
    fn until(&self, d: NaiveDate) -> String {
        self.one(&self.until, d, true)
    }

    /// "today", "tomorrow", "on Thursday 14 May", "between … and …".
    fn eta(&self, w: &EtaWindow, today: Option<NaiveDate>) -> String {
        let (first, last) = (w.first_date(), w.last_date());
        if first == last {
            if Some(first) == today {
                return self.today.clone();
            }
            if today.and_then(|t| t.succ_opt()) == Some(first) {
                return self.tomorrow.clone();
            }
            return self.one(&self.on, first, true);
        }
        let (w1, d1, m1) = self.names(first, true);
        let (w2, d2, m2) = self.names(last, true);
        self.between
            .replace("{w1}", w1)
            .replace("{d1}", &d1)
            .replace("{m1}", m1)
            .replace("{w2}", w2)
            .replace("{d2}", &d2)
            .replace("{m2}", m2)
    }
}

impl Catalog {
    fn status(&self, s: Status) -> Entry {
        self.status.get(s.as_str()).cloned().unwrap_or(Entry {
            title: s.as_str().to_string(),
            body: String::new(),
            action: None,
        })
    }

    fn substatus(&self, s: Substatus, with_place: bool) -> String {
        match self.substatus.get(s.as_str()) {
            Some(Text::Plain(t)) => t.clone(),
            Some(Text::Place { text, place }) => {
                if with_place {
                    place.clone()
                } else {
                    text.clone()
                }
            }
            None => self.status(s.status()).body,
        }
    }

    fn reason(&self, r: Reason) -> String {
        self.reason.get(r.as_str()).cloned().unwrap_or_default()
    }

    fn notification(&self, k: NotificationKind) -> Entry {
        self.notification.get(k.as_str()).cloned().unwrap_or(Entry {
            title: k.as_str().to_string(),
            body: String::new(),
            action: None,
        })
    }

    fn step(&self, s: CustomerStep) -> String {
        self.step.get(s.as_str()).cloned().unwrap_or_default()
    }
}

fn catalog(locale: Locale) -> &'static Catalog {
    static CATALOGS: OnceLock<Vec<Catalog>> = OnceLock::new();
    let all = CATALOGS.get_or_init(|| {
        Locale::ALL
            .iter()
            .map(|l| {
                // The catalogs are compiled in and checked by the tests; a
                // broken one is a build defect, not an input error.
                serde_json::from_str(l.source())
                    .unwrap_or_else(|e| panic!("src/locales/{}.json: {e}", l.as_str()))
            })
            .collect()
    });
    let i = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    &all[i]
}

/// Catalog words for [`crate::render`]: dates and event sentences.
#[cfg(feature = "render")]
pub(crate) mod words {
    use super::{catalog, Locale, Vars};
    use crate::carrier::Carrier;
    use crate::status::Substatus;
    use chrono::NaiveDate;

    /// "Tuesday 8 November".
    pub(crate) fn date(locale: Locale, d: NaiveDate) -> String {
        catalog(locale).dates.date(d)
    }

    /// The sentence for a substatus, without a place.
    pub(crate) fn substatus(locale: Locale, carrier: Carrier, s: Substatus) -> String {
        let vars = Vars {
            carrier: carrier.name(),
            place: None,
            eta: None,
            until: None,
            days: None,
            promised: None,
        };
        vars.fill(&catalog(locale).substatus(s, false))
    }
}
