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
//! use wismo::customer::{message, Locale};
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
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

/// A language and its conventions for customer messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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

/// The form of address a message uses: the informal "you" (Dutch "je",
/// Spanish "tú", Italian "tu", Polish "Ty") or the formal one (Dutch "u",
/// German "Sie", French "vous", Spanish "usted", Italian "Lei"; Polish
/// messages use a neutral impersonal form, which needs no "Pan/Pani").
///
/// English has one form. In Swedish, Danish and Norwegian the informal "du"
/// is the norm in shop messages, and the old formal pronouns ("ni", "De")
/// read as dated or distant, so both registers give the same texts there.
/// German and French catalogs are written in the formal register (their
/// usual one for shop messages); asking them for the informal one gives the
/// formal texts. Dutch, Spanish, Italian and Polish have both: informal by
/// default, formal on request ([`Locale::registers`] says which registers a
/// locale has).
///
/// ```
/// use wismo::customer::{Locale, Register};
/// assert_eq!(Locale::Nl.default_register(), Register::Informal);
/// assert_eq!(Locale::De.default_register(), Register::Formal);
/// assert!(Locale::Nl.registers().contains(&Register::Formal));
/// assert_eq!(Locale::Sv.registers(), &[Register::Informal]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Register {
    /// The familiar form ("je", "tú", "du").
    Informal,
    /// The polite form ("u", "Sie", "vous", "usted", "Lei").
    Formal,
}

impl Register {
    /// `informal` or `formal`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Register::Informal => "informal",
            Register::Formal => "formal",
        }
    }
}

impl fmt::Display for Register {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Register {
    type Err = crate::status::UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "informal" => Ok(Register::Informal),
            "formal" => Ok(Register::Formal),
            _ => Err(crate::status::UnknownWord {
                candidates: vec!["informal".into(), "formal".into()],
                ..crate::status::UnknownWord::new("register", s)
            }),
        }
    }
}

impl Locale {
    /// The register this locale's messages use unless
    /// [`MessageOptions::register`] asks for another.
    ///
    /// ```
    /// assert_eq!(wismo::customer::Locale::Fr.default_register(), wismo::customer::Register::Formal);
    /// ```
    pub fn default_register(self) -> Register {
        catalog(self).register
    }

    /// The registers with their own texts in this locale, the default first.
    /// One entry where the language (or its shop usage) has one form.
    ///
    /// ```
    /// use wismo::customer::{Locale, Register};
    /// assert_eq!(Locale::Nl.registers(), &[Register::Informal, Register::Formal]);
    /// assert_eq!(Locale::En.registers(), &[Register::Informal]);
    /// ```
    pub fn registers(self) -> &'static [Register] {
        let c = catalog(self);
        match (c.register, c.overlay.is_empty()) {
            (Register::Informal, true) => &[Register::Informal],
            (Register::Formal, true) => &[Register::Formal],
            (Register::Informal, false) => &[Register::Informal, Register::Formal],
            (Register::Formal, false) => &[Register::Formal, Register::Informal],
        }
    }
}

/// Options for [`message_with`] and [`notification_message_with`].
///
/// ```
/// use wismo::customer::{Locale, MessageOptions, MessageOverrides, Register};
/// let options = MessageOptions {
///     register: Some(Register::Formal),
///     shop_name: Some("Fietsenwinkel".into()),
///     overrides: MessageOverrides::from_json(
///         Locale::Nl,
///         r#"{"notification.delivered.action": "Niet ontvangen? Bel ons op 030 123 45 67."}"#,
///     )
///     .unwrap(),
///     ..MessageOptions::default()
/// };
/// # let _ = options;
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct MessageOptions {
    /// Today's date where the customer is. With it, an estimate for today or
    /// tomorrow reads "today" or "tomorrow"; without it, dates are written
    /// out.
    #[serde(default, with = "crate::notify::opt_date")]
    pub today: Option<NaiveDate>,
    /// The form of address; `None` is the locale's
    /// [default](Locale::default_register).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register: Option<Register>,
    /// The shop's name, as the customer knows it. With it, titles and
    /// sentences that speak of "your order" or "us" name the shop ("Your
    /// order from Acme is on its way").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop_name: Option<String>,
    /// The shop's own texts, used instead of the catalog's for their keys.
    #[serde(default, skip_serializing_if = "MessageOverrides::is_empty")]
    pub overrides: MessageOverrides,
}

/// The message for a tracking's current state, in `locale`.
pub fn message(tracking: &Tracking, locale: Locale) -> CustomerMessage {
    message_with(tracking, locale, &MessageOptions::default())
}

/// [`message`] with options (today's date, register, shop name, the shop's
/// own texts).
///
/// ```
/// use wismo::customer::{message_with, Locale, MessageOptions, Register};
/// # let body = std::fs::read("examples/data/postnl_pickup_point.json").unwrap();
/// # let tracking = wismo::parse(wismo::Carrier::Postnl, &body).unwrap().remove(0);
/// let options = MessageOptions { register: Some(Register::Formal), ..Default::default() };
/// let m = message_with(&tracking, Locale::Nl, &options);
/// assert!(m.body.contains("Uw pakket") || !m.body.contains("Je pakket"));
/// ```
pub fn message_with(
    tracking: &Tracking,
    locale: Locale,
    options: &MessageOptions,
) -> CustomerMessage {
    let cat = catalog(locale);
    let t = Texts::new(locale, options);
    let event = tracking.current_event();
    let place = event.map(|e| &e.location).filter(|l| !l.is_empty());
    let vars = Vars {
        carrier: tracking.carrier.name(),
        shop: options.shop_name.clone(),
        place: place.and_then(place_name),
        eta: tracking
            .eta
            .current
            .map(|w| cat.dates.eta(&w, options.today)),
        until: tracking
            .pickup_deadline
            .map(|d| cat.dates.until(d.local.date())),
        days: None,
        promised: None,
        when: event
            .and_then(|e| e.time)
            .map(|w| cat.dates.when(w.local, options.today)),
    };
    let has_place = vars.place.is_some();
    let status = tracking.status.as_str();
    let mut body = Vec::new();
    // Plain "delivered" says nothing the delivery sentence below does not.
    if !(tracking.substatus == Substatus::Delivered && vars.when.is_some()) {
        body.push(t.substatus(tracking.substatus, has_place));
    }
    if let Some(r) = event.and_then(|e| e.reason) {
        if !reason_is_implied(tracking.substatus, r) {
            body.push(t.get(&format!("reason.{}", r.as_str())));
        }
    }
    if vars.when.is_some() {
        if tracking.status == Status::Delivered {
            body.push(t.phrase("delivered_at", has_place));
        } else if tracking.status == Status::Expired || tracking.substatus == Substatus::NoUpdates {
            body.push(t.phrase("last_update", has_place));
        }
    }
    if vars.eta.is_some() && !tracking.is_terminal() && tracking.status != Status::OutForDelivery {
        body.push(t.get("phrases.eta"));
    }
    if tracking.status == Status::AvailableForPickup && vars.until.is_some() {
        body.push(t.get("phrases.deadline"));
    }
    CustomerMessage {
        title: vars.fill(&t.get(&format!("status.{status}.title"))),
        body: vars.fill(&join(body)),
        action: t
            .opt(&format!("status.{status}.action"))
            .map(|a| vars.fill(&a)),
    }
}

/// The message for a notification, in `locale`.
pub fn notification_message(notification: &Notification, locale: Locale) -> CustomerMessage {
    notification_message_with(notification, locale, &MessageOptions::default())
}

/// [`notification_message`] with options (today's date, register, shop
/// name, the shop's own texts).
///
/// ```
/// use wismo::customer::{notification_message_with, notifications, Locale, MessageOptions};
/// # let body = std::fs::read("examples/data/postnl_pickup_point.json").unwrap();
/// # let tracking = wismo::parse(wismo::Carrier::Postnl, &body).unwrap().remove(0);
/// let options = MessageOptions { shop_name: Some("Acme".into()), ..Default::default() };
/// for n in notifications(None, &tracking) {
///     let m = notification_message_with(&n, Locale::En, &options);
///     assert_ne!(m.title, m.body);
/// }
/// ```
pub fn notification_message_with(
    notification: &Notification,
    locale: Locale,
    options: &MessageOptions,
) -> CustomerMessage {
    let cat = catalog(locale);
    let t = Texts::new(locale, options);
    let d: &NotificationData = &notification.data;
    let vars = Vars {
        carrier: d.carrier.name(),
        shop: options.shop_name.clone(),
        place: d.place.as_ref().and_then(place_name),
        eta: d.eta.map(|w| cat.dates.eta(&w, options.today)),
        until: d.pickup_deadline.map(|t| cat.dates.until(t.local.date())),
        days: d.silent_days,
        promised: d.promised.map(|p| cat.dates.date(p)),
        when: d.time.map(|w| cat.dates.when(w.local, options.today)),
    };
    let has_place = vars.place.is_some();
    let kind = notification.kind.as_str();
    let entry_body = || t.get(&format!("notification.{kind}.body"));
    let mut body: Vec<String> = Vec::new();
    let mut action = t.opt(&format!("notification.{kind}.action"));
    let reason = d
        .reason
        .filter(|r| !reason_is_implied(d.substatus, *r))
        .map(|r| t.get(&format!("reason.{}", r.as_str())));
    match notification.kind {
        NotificationKind::Shipped => {
            body.push(entry_body());
            if vars.eta.is_some() {
                body.push(t.get("phrases.eta"));
            }
        }
        NotificationKind::OutForDelivery => {
            body.push(entry_body());
        }
        NotificationKind::Stalled => {
            body.push(entry_body());
        }
        NotificationKind::AttemptFailed => {
            body.push(t.substatus(d.substatus, false));
            body.extend(reason);
        }
        NotificationKind::AvailableForPickup => {
            body.push(t.substatus(d.substatus, has_place));
            if vars.until.is_some() {
                body.push(t.get("phrases.deadline"));
            }
        }
        NotificationKind::Delayed => {
            let cause = match d.delay {
                Some(DelayCause::EtaMoved) if vars.eta.is_some() => Some("eta_moved"),
                Some(DelayCause::EtaMoved) => None,
                _ => Some("past_promised_date"),
            };
            body.push(match cause {
                Some(c) => t.get(&format!("delay.{c}")),
                None => entry_body(),
            });
            body.extend(reason);
            if cause == Some("past_promised_date") && vars.eta.is_some() {
                body.push(t.get("phrases.eta"));
            }
        }
        NotificationKind::ActionRequired | NotificationKind::ReturningToSender => {
            body.push(t.substatus(d.substatus, false));
            body.extend(reason);
        }
        NotificationKind::Delivered => {
            if !(d.substatus == Substatus::Delivered && vars.when.is_some()) {
                body.push(t.substatus(d.substatus, false));
            }
            if vars.when.is_some() {
                body.push(t.phrase("delivered_at", has_place));
            }
        }
    }
    if let Some(step) = d.next_step {
        action = Some(t.get(&format!("step.{}", step.as_str())));
    }
    CustomerMessage {
        title: vars.fill(&t.get(&format!("notification.{kind}.title"))),
        body: vars.fill(&join(body)),
        action: action.map(|a| vars.fill(&a)),
    }
}

fn join(parts: Vec<String>) -> String {
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The texts for one message: the shop's overrides, then the catalog in the
/// asked register, then the catalog's own texts; a `shop.` variant first
/// when the shop's name is known.
struct Texts<'a> {
    cat: &'static Catalog,
    overrides: Option<&'a HashMap<String, String>>,
    overlay: Option<&'static HashMap<String, String>>,
    shop: bool,
}

impl<'a> Texts<'a> {
    fn new(locale: Locale, options: &'a MessageOptions) -> Self {
        let cat = catalog(locale);
        let overlay = options
            .register
            .filter(|r| *r != cat.register && !cat.overlay.is_empty())
            .map(|_| &cat.overlay);
        Texts {
            cat,
            overrides: options.overrides.locales.get(&locale),
            overlay,
            shop: options
                .shop_name
                .as_deref()
                .is_some_and(|s| !s.trim().is_empty()),
        }
    }

    fn layer(&self, key: &str) -> Option<String> {
        [self.overrides, self.overlay, Some(&self.cat.texts)]
            .into_iter()
            .flatten()
            .find_map(|m| m.get(key))
            .cloned()
    }

    fn opt(&self, key: &str) -> Option<String> {
        if self.shop {
            if let Some(t) = self.layer(&format!("shop.{key}")) {
                return Some(t);
            }
        }
        self.layer(key)
    }

    fn get(&self, key: &str) -> String {
        self.opt(key).unwrap_or_default()
    }

    /// A phrase, its `.place` variant when the place is known.
    fn phrase(&self, name: &str, with_place: bool) -> String {
        let key = format!("phrases.{name}");
        with_place
            .then(|| self.opt(&format!("{key}.place")))
            .flatten()
            .unwrap_or_else(|| self.get(&key))
    }

    fn substatus(&self, s: Substatus, with_place: bool) -> String {
        let key = format!("substatus.{}", s.as_str());
        with_place
            .then(|| self.opt(&format!("{key}.place")))
            .flatten()
            .or_else(|| self.opt(&key))
            .unwrap_or_else(|| self.get(&format!("status.{}.body", s.status().as_str())))
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
    shop: Option<String>,
    place: Option<String>,
    eta: Option<String>,
    until: Option<String>,
    days: Option<i64>,
    promised: Option<String>,
    when: Option<String>,
}

impl Vars {
    fn fill(&self, text: &str) -> String {
        let mut out = text.replace("{carrier}", self.carrier);
        let pairs = [
            ("{shop}", self.shop.clone()),
            ("{place}", self.place.clone()),
            ("{eta}", self.eta.clone()),
            ("{until}", self.until.clone()),
            ("{days}", self.days.map(|d| d.to_string())),
            ("{promised}", self.promised.clone()),
            ("{when}", self.when.clone()),
        ];
        for (key, value) in pairs {
            if let Some(v) = value {
                out = out.replace(key, v.trim());
            }
        }
        out
    }
}

/// A catalog as written in `src/locales/<lang>.json`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    locale: String,
    register: Register,
    dates: Dates,
    phrases: HashMap<String, String>,
    status: HashMap<String, Entry>,
    substatus: HashMap<String, Text>,
    reason: HashMap<String, String>,
    notification: HashMap<String, Entry>,
    delay: HashMap<String, String>,
    step: HashMap<String, String>,
    /// Texts naming the shop, by flat key without the `shop.` prefix.
    #[serde(default)]
    shop: HashMap<String, String>,
    /// Texts in the other register, by flat key (with `shop.` for the
    /// shop-naming ones), where they differ.
    #[serde(default)]
    other_register: HashMap<String, String>,
}

/// A compiled-in catalog: dates, and every text by its flat key.
#[derive(Debug)]
struct Catalog {
    register: Register,
    dates: Dates,
    texts: HashMap<String, String>,
    overlay: HashMap<String, String>,
}

impl From<CatalogFile> for Catalog {
    fn from(f: CatalogFile) -> Self {
        let _ = f.locale;
        let mut texts = HashMap::new();
        let mut put = |k: String, v: String| {
            texts.insert(k, v);
        };
        for (k, v) in f.phrases {
            put(format!("phrases.{k}"), v);
        }
        for (section, entries) in [("status", f.status), ("notification", f.notification)] {
            for (k, e) in entries {
                put(format!("{section}.{k}.title"), e.title);
                put(format!("{section}.{k}.body"), e.body);
                if let Some(a) = e.action {
                    put(format!("{section}.{k}.action"), a);
                }
            }
        }
        for (k, v) in f.substatus {
            match v {
                Text::Plain(t) => put(format!("substatus.{k}"), t),
                Text::Place { text, place } => {
                    put(format!("substatus.{k}"), text);
                    put(format!("substatus.{k}.place"), place);
                }
            }
        }
        for (section, entries) in [("reason", f.reason), ("delay", f.delay), ("step", f.step)] {
            for (k, v) in entries {
                put(format!("{section}.{k}"), v);
            }
        }
        for (k, v) in f.shop {
            put(format!("shop.{k}"), v);
        }
        Catalog {
            register: f.register,
            dates: f.dates,
            texts,
            overlay: f.other_register,
        }
    }
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
    /// A time of day ("at {h}:{mm}").
    at: String,
    /// The day something happened, when not written like `on` ("on
    /// Tuesday 12 May"; Italian `on` is "per …", for estimates).
    #[serde(default)]
    past: Option<String>,
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

    /// When something happened: "today at 11:04", "on Tuesday 12 May at
    /// 11:04"; without the time when the carrier gave none (midnight).
    fn when(&self, t: NaiveDateTime, today: Option<NaiveDate>) -> String {
        let d = t.date();
        let day = if Some(d) == today {
            self.today.clone()
        } else {
            self.one(self.past.as_deref().unwrap_or(&self.on), d, true)
        };
        if t.time() == NaiveTime::MIN {
            return day;
        }
        let at = self
            .at
            .replace("{h}", &t.hour().to_string())
            .replace("{mm}", &format!("{:02}", t.minute()));
        format!("{day} {at}")
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

fn catalog(locale: Locale) -> &'static Catalog {
    static CATALOGS: OnceLock<Vec<Catalog>> = OnceLock::new();
    let all = CATALOGS.get_or_init(|| {
        Locale::ALL
            .iter()
            .map(|l| {
                // The catalogs are compiled in and checked by the tests; a
                // broken one is a build defect, not an input error.
                serde_json::from_str::<CatalogFile>(l.source())
                    .map(Catalog::from)
                    .unwrap_or_else(|e| panic!("src/locales/{}.json: {e}", l.as_str()))
            })
            .collect()
    });
    let i = Locale::ALL.iter().position(|l| *l == locale).unwrap_or(0);
    &all[i]
}

/// A shop's own texts for some catalog keys, per locale, checked against
/// the catalog's keys and the placeholders each key offers.
///
/// The texts are plain text (no HTML, no Markdown); carrier texts and place
/// names filled into them are the carriers' words, untrusted: escape the
/// message where it goes into HTML (the [`crate::render`] pages do).
///
/// # Keys
///
/// | key | placeholders besides `{carrier}` |
/// |---|---|
/// | `status.<status>.title`, `.body`, `.action` | |
/// | `notification.<kind>.title`, `.body`, `.action` | `{days}` for `stalled` |
/// | `substatus.<substatus>` | |
/// | `substatus.<substatus>.place` (used when the place is known) | `{place}` |
/// | `reason.<reason>`, `step.<step>` | |
/// | `delay.eta_moved` | `{eta}` |
/// | `delay.past_promised_date` | `{promised}` |
/// | `phrases.eta` | `{eta}` |
/// | `phrases.deadline` | `{until}` |
/// | `phrases.delivered_at`, `phrases.last_update` | `{when}` |
/// | `phrases.delivered_at.place`, `phrases.last_update.place` | `{when}`, `{place}` |
/// | `shop.<any key above>` (used when [`MessageOptions::shop_name`] is set) | those of the key, and `{shop}` |
///
/// `<status>`, `<substatus>`, `<reason>`, `<kind>` and `<step>` are the
/// words of [`Status`], [`Substatus`], [`Reason`], [`NotificationKind`] and
/// [`CustomerStep`] (`as_str()`). [`MessageOverrides::keys`] lists every key
/// with its placeholders. `{carrier}` is the carrier's name, `{place}` a
/// place ("Primera Centrum, Utrecht"), `{eta}` the estimate ("on Thursday 14
/// May"), `{until}` the pickup deadline ("by Tuesday 19 May"), `{when}` when
/// it happened ("on Tuesday 12 May at 11:04"), `{days}` a number, `{promised}`
/// the promised date, `{shop}` the shop's name.
///
/// ```
/// use wismo::customer::{Locale, MessageOverrides, OverrideError};
/// let o = MessageOverrides::from_json(
///     Locale::En,
///     r#"{"shop.notification.shipped.title": "{shop} has sent your order"}"#,
/// )
/// .unwrap();
/// assert_eq!(o.get(Locale::En, "shop.notification.shipped.title"), Some("{shop} has sent your order"));
///
/// let err = MessageOverrides::from_json(Locale::En, r#"{"status.delivered.titel": "Here!"}"#)
///     .unwrap_err();
/// assert!(matches!(err, OverrideError::UnknownKey { .. }));
/// let err = MessageOverrides::from_json(Locale::En, r#"{"reason.weather": "Snow in {place}."}"#)
///     .unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "en `reason.weather`: placeholder `{place}` is not offered by this key (it offers {carrier})"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(
    try_from = "BTreeMap<Locale, BTreeMap<String, String>>",
    into = "BTreeMap<Locale, BTreeMap<String, String>>"
)]
pub struct MessageOverrides {
    locales: HashMap<Locale, HashMap<String, String>>,
}

/// Why a shop's text was refused by [`MessageOverrides`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OverrideError {
    /// The text is not a JSON object of strings.
    #[error("{locale} overrides: {message}")]
    Json {
        /// The locale being loaded.
        locale: Locale,
        /// What is wrong, with line and column.
        message: String,
    },
    /// No catalog text has this key.
    #[error("{locale} `{key}`: unknown key{}", hint(.suggestion))]
    UnknownKey {
        /// The locale being loaded.
        locale: Locale,
        /// The key as given.
        key: String,
        /// The nearest known key, when one is close.
        suggestion: Option<String>,
    },
    /// The text uses a placeholder this key does not fill.
    #[error("{locale} `{key}`: placeholder `{{{placeholder}}}` is not offered by this key (it offers {})", list(.offered))]
    Placeholder {
        /// The locale being loaded.
        locale: Locale,
        /// The key.
        key: String,
        /// The placeholder's name, without braces.
        placeholder: String,
        /// The placeholders the key offers.
        offered: Vec<&'static str>,
    },
    /// A `{` without its `}` (or the reverse).
    #[error("{locale} `{key}`: unbalanced `{{` or `}}` in `{text}`")]
    Unbalanced {
        /// The locale being loaded.
        locale: Locale,
        /// The key.
        key: String,
        /// The text.
        text: String,
    },
    /// The text is empty or only spaces.
    #[error("{locale} `{key}`: empty text")]
    Empty {
        /// The locale being loaded.
        locale: Locale,
        /// The key.
        key: String,
    },
}

fn hint(s: &Option<String>) -> String {
    s.as_ref()
        .map(|k| format!(" (did you mean `{k}`?)"))
        .unwrap_or_default()
}

fn list(p: &[&'static str]) -> String {
    p.iter()
        .map(|p| format!("{{{p}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl MessageOverrides {
    /// Texts for `locale` from a JSON object of key → text
    /// (`{"notification.delivered.title": "…"}`), every key and placeholder
    /// checked.
    ///
    /// ```
    /// let o = wismo::customer::MessageOverrides::from_json(
    ///     wismo::customer::Locale::De,
    ///     r#"{"phrases.deadline": "Abholen können Sie es {until}."}"#,
    /// );
    /// assert!(o.is_ok());
    /// ```
    pub fn from_json(locale: Locale, text: &str) -> Result<Self, OverrideError> {
        let mut o = MessageOverrides::default();
        o.add_json(locale, text)?;
        Ok(o)
    }

    /// Adds (or replaces) texts for `locale` from a JSON object, as
    /// [`from_json`](Self::from_json). Nothing is added when any entry is
    /// refused.
    ///
    /// ```
    /// use wismo::customer::{Locale, MessageOverrides};
    /// let mut o = MessageOverrides::default();
    /// o.add_json(Locale::En, r#"{"reason.weather": "Snow is slowing everything down."}"#).unwrap();
    /// o.add_json(Locale::Nl, r#"{"reason.weather": "Sneeuw vertraagt alles."}"#).unwrap();
    /// assert!(o.add_json(Locale::Nl, "[1]").is_err());
    /// ```
    pub fn add_json(&mut self, locale: Locale, text: &str) -> Result<(), OverrideError> {
        let map: BTreeMap<String, String> =
            serde_json::from_str(text).map_err(|e| OverrideError::Json {
                locale,
                message: format!("expected an object of key to text: {e}"),
            })?;
        for (k, v) in &map {
            check(locale, k, v)?;
        }
        self.locales.entry(locale).or_default().extend(map);
        Ok(())
    }

    /// Sets one text, checked like [`from_json`](Self::from_json).
    ///
    /// ```
    /// let mut o = wismo::customer::MessageOverrides::default();
    /// o.set(wismo::customer::Locale::En, "status.delivered.title", "It's here!").unwrap();
    /// assert!(o.set(wismo::customer::Locale::En, "status.delivered", "It's here!").is_err());
    /// ```
    pub fn set(&mut self, locale: Locale, key: &str, text: &str) -> Result<(), OverrideError> {
        check(locale, key, text)?;
        self.locales
            .entry(locale)
            .or_default()
            .insert(key.to_string(), text.to_string());
        Ok(())
    }

    /// The shop's text for `key` in `locale`, when it set one.
    ///
    /// ```
    /// let o = wismo::customer::MessageOverrides::default();
    /// assert_eq!(o.get(wismo::customer::Locale::En, "status.delivered.title"), None);
    /// ```
    pub fn get(&self, locale: Locale, key: &str) -> Option<&str> {
        self.locales.get(&locale)?.get(key).map(String::as_str)
    }

    /// No texts at all.
    ///
    /// ```
    /// assert!(wismo::customer::MessageOverrides::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.locales.values().all(HashMap::is_empty)
    }

    /// The placeholders `key` offers (`carrier` first), or `None` for an
    /// unknown key.
    ///
    /// ```
    /// use wismo::customer::MessageOverrides;
    /// assert_eq!(MessageOverrides::placeholders("phrases.eta"), Some(vec!["carrier", "eta"]));
    /// assert_eq!(
    ///     MessageOverrides::placeholders("shop.substatus.at_locker.place"),
    ///     Some(vec!["carrier", "place", "shop"])
    /// );
    /// assert_eq!(MessageOverrides::placeholders("status.nope.title"), None);
    /// ```
    pub fn placeholders(key: &str) -> Option<Vec<&'static str>> {
        let (shop, key) = match key.strip_prefix("shop.") {
            Some(k) => (true, k),
            None => (false, key),
        };
        let mut out = vec!["carrier"];
        let (section, rest) = key.split_once('.')?;
        fn one_of(words: &mut dyn Iterator<Item = &'static str>, w: &str) -> bool {
            for x in words {
                if x == w {
                    return true;
                }
            }
            false
        }
        let entry = |rest: &str, words: &mut dyn Iterator<Item = &'static str>| {
            rest.rsplit_once('.')
                .filter(|(w, field)| {
                    ["title", "body", "action"].contains(field) && one_of(words, w)
                })
                .map(|(w, _)| w.to_string())
        };
        match section {
            "status" => {
                entry(rest, &mut Status::ALL.iter().map(|s| s.as_str()))?;
            }
            "notification" => {
                let kind = entry(rest, &mut NotificationKind::ALL.iter().map(|s| s.as_str()))?;
                if kind == "stalled" {
                    out.push("days");
                }
            }
            "substatus" => {
                let (word, place) = match rest.strip_suffix(".place") {
                    Some(w) => (w, true),
                    None => (rest, false),
                };
                if !one_of(&mut Substatus::ALL.iter().map(|s| s.as_str()), word) {
                    return None;
                }
                if place {
                    out.push("place");
                }
            }
            "reason" if one_of(&mut Reason::ALL.iter().map(|s| s.as_str()), rest) => {}
            "step" if one_of(&mut CustomerStep::ALL.iter().map(|s| s.as_str()), rest) => {}
            "delay" => match rest {
                "eta_moved" => out.push("eta"),
                "past_promised_date" => out.push("promised"),
                _ => return None,
            },
            "phrases" => match rest {
                "eta" => out.push("eta"),
                "deadline" => out.push("until"),
                "delivered_at" | "last_update" => out.push("when"),
                "delivered_at.place" | "last_update.place" => out.extend(["when", "place"]),
                _ => return None,
            },
            _ => return None,
        }
        if shop {
            out.push("shop");
        }
        Some(out)
    }

    /// Every key a text can be given for, sorted, with the placeholders it
    /// offers.
    ///
    /// ```
    /// let keys = wismo::customer::MessageOverrides::keys();
    /// assert!(keys.iter().any(|(k, _)| k == "notification.delivered.body"));
    /// assert!(keys.iter().all(|(k, p)| wismo::customer::MessageOverrides::placeholders(k).as_ref() == Some(p)));
    /// ```
    pub fn keys() -> Vec<(String, Vec<&'static str>)> {
        let mut keys: Vec<String> = Vec::new();
        for s in Status::ALL {
            for f in ["title", "body", "action"] {
                keys.push(format!("status.{}.{f}", s.as_str()));
            }
        }
        for k in NotificationKind::ALL {
            for f in ["title", "body", "action"] {
                keys.push(format!("notification.{}.{f}", k.as_str()));
            }
        }
        for s in Substatus::ALL {
            keys.push(format!("substatus.{}", s.as_str()));
            keys.push(format!("substatus.{}.place", s.as_str()));
        }
        keys.extend(Reason::ALL.iter().map(|r| format!("reason.{}", r.as_str())));
        keys.extend(
            CustomerStep::ALL
                .iter()
                .map(|r| format!("step.{}", r.as_str())),
        );
        keys.extend(
            [
                "delay.eta_moved",
                "delay.past_promised_date",
                "phrases.eta",
                "phrases.deadline",
                "phrases.delivered_at",
                "phrases.delivered_at.place",
                "phrases.last_update",
                "phrases.last_update.place",
            ]
            .map(String::from),
        );
        let shop: Vec<String> = keys.iter().map(|k| format!("shop.{k}")).collect();
        keys.extend(shop);
        keys.sort();
        keys.into_iter()
            .filter_map(|k| MessageOverrides::placeholders(&k).map(|p| (k, p)))
            .collect()
    }
}

/// Checks one shop text against its key.
fn check(locale: Locale, key: &str, text: &str) -> Result<(), OverrideError> {
    let Some(offered) = MessageOverrides::placeholders(key) else {
        let suggestion = MessageOverrides::keys()
            .into_iter()
            .map(|(k, _)| k)
            .min_by_key(|k| distance(k, key))
            .filter(|k| distance(k, key) <= 3.max(key.len() / 8));
        return Err(OverrideError::UnknownKey {
            locale,
            key: key.to_string(),
            suggestion,
        });
    };
    if text.trim().is_empty() {
        return Err(OverrideError::Empty {
            locale,
            key: key.to_string(),
        });
    }
    let unbalanced = || OverrideError::Unbalanced {
        locale,
        key: key.to_string(),
        text: text.to_string(),
    };
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err(unbalanced());
        }
        let close = rest[open + 1..]
            .find(['{', '}'])
            .map(|c| open + 1 + c)
            .filter(|c| rest[*c..].starts_with('}'))
            .ok_or_else(unbalanced)?;
        let name = &rest[open + 1..close];
        if !offered.contains(&name) {
            return Err(OverrideError::Placeholder {
                locale,
                key: key.to_string(),
                placeholder: name.to_string(),
                offered,
            });
        }
        rest = &rest[close + 1..];
    }
    Ok(())
}

/// Edit distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

impl TryFrom<BTreeMap<Locale, BTreeMap<String, String>>> for MessageOverrides {
    type Error = OverrideError;
    fn try_from(m: BTreeMap<Locale, BTreeMap<String, String>>) -> Result<Self, Self::Error> {
        let mut o = MessageOverrides::default();
        for (locale, texts) in m {
            for (k, v) in texts {
                o.set(locale, &k, &v)?;
            }
        }
        Ok(o)
    }
}

impl From<MessageOverrides> for BTreeMap<Locale, BTreeMap<String, String>> {
    fn from(o: MessageOverrides) -> Self {
        o.locales
            .into_iter()
            .map(|(l, m)| (l, m.into_iter().collect()))
            .collect()
    }
}

/// Catalog words for [`crate::render`]: dates and event sentences.
#[cfg(feature = "render")]
pub(crate) mod words {
    use super::{catalog, Locale, MessageOptions, Texts, Vars};
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
            shop: None,
            place: None,
            eta: None,
            until: None,
            days: None,
            promised: None,
            when: None,
        };
        let options = MessageOptions::default();
        vars.fill(&Texts::new(locale, &options).substatus(s, false))
    }
}
