//! Customer messages: every catalog is complete, every text fills in, and
//! dates read naturally in each locale.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::Value;
use std::collections::BTreeSet;
use wismo::customer::{
    message, message_with, notification_message, notification_message_with, CustomerStep,
    DelayCause, Locale, MessageOptions, Notification, NotificationData, NotificationKind, Register,
    Urgency,
};
use wismo::{
    Carrier, EtaHint, EtaSource, EtaWindow, Event, EventTime, Location, Reason, Status, Substatus,
    Tracking,
};

const PLACEHOLDERS: &[&str] = &[
    "carrier", "place", "eta", "until", "days", "promised", "when", "shop",
];

fn catalog(locale: Locale) -> Value {
    let path = format!(
        "{}/src/locales/{}.json",
        env!("CARGO_MANIFEST_DIR"),
        locale.as_str()
    );
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn keys(v: &Value, section: &str) -> BTreeSet<String> {
    v[section]
        .as_object()
        .unwrap_or_else(|| panic!("no section `{section}`"))
        .keys()
        .cloned()
        .collect()
}

fn expect(names: impl IntoIterator<Item = &'static str>) -> BTreeSet<String> {
    names.into_iter().map(str::to_string).collect()
}

/// Every string in the catalog with its path.
fn strings(v: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) => out.push((path.to_string(), s.clone())),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                strings(x, &format!("{path}[{i}]"), out);
            }
        }
        Value::Object(o) => {
            for (k, x) in o {
                strings(x, &format!("{path}.{k}"), out);
            }
        }
        _ => panic!("{path}: unexpected value {v}"),
    }
}

fn placeholders(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let close = rest[open..]
            .find('}')
            .map(|c| open + c)
            .expect("unclosed `{`");
        out.push(rest[open + 1..close].to_string());
        rest = &rest[close + 1..];
    }
    out
}

#[test]
fn every_locale_has_a_text_for_everything() {
    let statuses = expect(Status::ALL.iter().map(|s| s.as_str()));
    let substatuses = expect(Substatus::ALL.iter().map(|s| s.as_str()));
    let reasons = expect(Reason::ALL.iter().map(|s| s.as_str()));
    let kinds = expect(NotificationKind::ALL.iter().map(|s| s.as_str()));
    let steps = expect(CustomerStep::ALL.iter().map(|s| s.as_str()));
    for &locale in Locale::ALL {
        let c = catalog(locale);
        let l = locale.as_str();
        assert_eq!(c["locale"], l, "{l}: locale field");
        assert_eq!(keys(&c, "status"), statuses, "{l}: status");
        assert_eq!(keys(&c, "substatus"), substatuses, "{l}: substatus");
        assert_eq!(keys(&c, "reason"), reasons, "{l}: reason");
        assert_eq!(keys(&c, "notification"), kinds, "{l}: notification");
        assert_eq!(keys(&c, "step"), steps, "{l}: step");
        assert_eq!(
            keys(&c, "delay"),
            expect(["eta_moved", "past_promised_date"]),
            "{l}: delay"
        );
        let d = &c["dates"];
        assert_eq!(d["weekdays"].as_array().unwrap().len(), 7, "{l}: weekdays");
        assert_eq!(d["months"].as_array().unwrap().len(), 12, "{l}: months");
        if let Some(on) = d.get("weekdays_on") {
            assert_eq!(on.as_array().unwrap().len(), 7, "{l}: weekdays_on");
        }
        for entry in ["status", "notification"] {
            for (k, e) in c[entry].as_object().unwrap() {
                assert!(
                    e["title"].is_string() && e["body"].is_string(),
                    "{l}: {entry}.{k}"
                );
            }
        }
        let mut all = Vec::new();
        strings(&c, l, &mut all);
        for (path, s) in &all {
            assert!(!s.trim().is_empty(), "{path}: empty text");
            assert_eq!(s.trim(), s, "{path}: stray spaces");
            assert!(!s.contains("  "), "{path}: double space");
            for p in placeholders(s) {
                let ok = if path.contains(".dates.") {
                    ["w", "d", "m", "w1", "d1", "m1", "w2", "d2", "m2", "h", "mm"]
                        .contains(&p.as_str())
                } else {
                    PLACEHOLDERS.contains(&p.as_str())
                };
                assert!(ok, "{path}: unknown placeholder {{{p}}} in `{s}`");
            }
        }
        let text = |p: &str| {
            all.iter()
                .find(|(k, _)| k == &format!("{l}.{p}"))
                .map(|(_, v)| v.clone())
                .unwrap_or_else(|| panic!("{l}.{p} missing"))
        };
        assert!(text("phrases.eta").contains("{eta}"), "{l}: phrases.eta");
        assert!(
            text("phrases.deadline").contains("{until}"),
            "{l}: phrases.deadline"
        );
        assert!(
            text("delay.eta_moved").contains("{eta}"),
            "{l}: delay.eta_moved"
        );
        assert!(
            text("notification.stalled.body").contains("{days}"),
            "{l}: stalled"
        );
        for p in ["dates.on", "dates.until", "dates.date"] {
            let t = text(p);
            assert!(t.contains("{d}") && t.contains("{m}"), "{l}.{p}");
        }
        let between = text("dates.between");
        assert!(between.contains("{d1}") && between.contains("{d2}") && between.contains("{m2}"));
        for (k, v) in c["substatus"].as_object().unwrap() {
            if let Some(place) = v.get("place") {
                assert!(
                    place.as_str().unwrap().contains("{place}"),
                    "{l}: substatus.{k}.place"
                );
            }
        }
    }
}

fn at(s: &str) -> EventTime {
    EventTime::new(
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap(),
        None,
    )
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn event(time: &str, sub: Substatus) -> Event {
    let mut e = Event::new(Some(at(time)), "X", None, "carrier text", None);
    e.status = sub.status();
    e.substatus = sub;
    e.mapped = true;
    e
}

fn in_transit(eta: Option<EtaWindow>) -> Tracking {
    Tracking::new(
        Carrier::Ups,
        "1Z999AA10123456784",
        vec![event("2026-05-11 18:00", Substatus::PickedUp)],
        eta,
    )
}

#[test]
fn eta_reads_naturally() {
    let one = |d: &str| Some(EtaWindow::day(day(d), EtaSource::Carrier));
    let span = |a: &str, b: &str| Some(EtaWindow::dates(day(a), day(b), EtaSource::Carrier));
    let today = |d: &str| MessageOptions {
        today: Some(day(d)),
        ..MessageOptions::default()
    };
    let cases: &[(Locale, Option<EtaWindow>, MessageOptions, &str)] = &[
        (
            Locale::En,
            one("2026-05-12"),
            today("2026-05-12"),
            "It should arrive today.",
        ),
        (
            Locale::En,
            one("2026-05-13"),
            today("2026-05-12"),
            "It should arrive tomorrow.",
        ),
        (
            Locale::En,
            one("2026-05-14"),
            today("2026-05-12"),
            "It should arrive on Thursday 14 May.",
        ),
        (
            Locale::En,
            one("2026-05-14"),
            MessageOptions::default(),
            "It should arrive on Thursday 14 May.",
        ),
        (
            Locale::En,
            span("2026-05-14", "2026-05-16"),
            MessageOptions::default(),
            "It should arrive between Thursday 14 May and Saturday 16 May.",
        ),
        (
            Locale::De,
            one("2026-05-14"),
            MessageOptions::default(),
            "Ihr Paket kommt voraussichtlich am Donnerstag, 14. Mai.",
        ),
        (
            Locale::De,
            one("2026-05-13"),
            today("2026-05-12"),
            "Ihr Paket kommt voraussichtlich morgen.",
        ),
        (
            Locale::Nl,
            one("2026-05-14"),
            MessageOptions::default(),
            "Je pakket wordt op donderdag 14 mei verwacht.",
        ),
        (
            Locale::Fr,
            one("2026-05-01"),
            MessageOptions::default(),
            "Livraison prévue le vendredi 1er mai.",
        ),
        (
            Locale::Fr,
            one("2026-05-12"),
            today("2026-05-12"),
            "Livraison prévue aujourd'hui.",
        ),
        (
            Locale::Sv,
            one("2026-05-14"),
            MessageOptions::default(),
            "Paketet väntas komma fram torsdag den 14 maj.",
        ),
        (
            Locale::Es,
            span("2026-05-14", "2026-05-16"),
            MessageOptions::default(),
            "Está previsto que llegue entre el jueves 14 de mayo y el sábado 16 de mayo.",
        ),
        (
            Locale::It,
            one("2026-05-14"),
            MessageOptions::default(),
            "La consegna è prevista per giovedì 14 maggio.",
        ),
        (
            Locale::Pl,
            one("2026-05-13"),
            MessageOptions::default(),
            "Paczka powinna dotrzeć w środę, 13 maja.",
        ),
        (
            Locale::Pl,
            span("2026-05-14", "2026-05-16"),
            MessageOptions::default(),
            "Paczka powinna dotrzeć między 14 maja a 16 maja.",
        ),
        (
            Locale::Da,
            one("2026-05-14"),
            MessageOptions::default(),
            "Pakken forventes leveret torsdag den 14. maj.",
        ),
        (
            Locale::Nb,
            one("2026-05-14"),
            MessageOptions::default(),
            "Pakken er ventet levert torsdag 14. mai.",
        ),
    ];
    for (locale, eta, opts, want) in cases.iter().cloned() {
        let t = in_transit(eta);
        let m = message_with(&t, locale, &opts);
        assert!(
            m.body.ends_with(want),
            "{locale}: `{}` should end with `{want}`",
            m.body
        );
    }
}

#[test]
fn tracking_message_in_each_locale() {
    let t = in_transit(Some(EtaWindow::day(day("2026-05-14"), EtaSource::Carrier)));
    let m = message(&t, Locale::En);
    assert_eq!(m.title, "Your parcel is on its way");
    assert_eq!(
        m.body,
        "UPS has collected your parcel. It should arrive on Thursday 14 May."
    );
    assert_eq!(m.action, None);
    let m = message(&t, Locale::De);
    assert_eq!(m.title, "Ihr Paket ist unterwegs");
    assert_eq!(
        m.body,
        "UPS hat Ihr Paket abgeholt. Ihr Paket kommt voraussichtlich am Donnerstag, 14. Mai."
    );
}

#[test]
fn pickup_notice_names_the_place_and_deadline() {
    let n = Notification {
        kind: NotificationKind::AvailableForPickup,
        urgency: Urgency::Important,
        milestone: "available_for_pickup".into(),
        data: data(Substatus::AtPickupPoint),
    };
    let m = notification_message(&n, Locale::En);
    assert_eq!(m.title, "Your parcel is ready to collect");
    assert_eq!(
        m.body,
        "Your parcel is waiting at Primera Centrum, Utrecht. Please collect it by Tuesday 19 May."
    );
    assert_eq!(
        m.action.as_deref(),
        Some("Bring your ID or pickup code when you collect it.")
    );
    let m = notification_message(&n, Locale::Nl);
    assert_eq!(
        m.body,
        "Je pakket ligt klaar bij Primera Centrum, Utrecht. Haal het uiterlijk dinsdag 19 mei op."
    );
    let m = notification_message(&n, Locale::Pl);
    assert!(m.body.ends_with("Odbierz paczkę do 19 maja."), "{}", m.body);
}

fn data(sub: Substatus) -> NotificationData {
    NotificationData {
        carrier: Carrier::Postnl,
        tracking_number: "3SABC123".into(),
        status: sub.status(),
        substatus: sub,
        reason: None,
        time: Some(at("2026-05-12 11:00")),
        place: Some(Location {
            name: Some("Primera Centrum".into()),
            city: Some("Utrecht".into()),
            ..Location::default()
        }),
        carrier_text: Some("Zending afgeleverd".into()),
        eta: Some(EtaWindow::day(day("2026-05-15"), EtaSource::Carrier)),
        previous_eta: Some(EtaWindow::day(day("2026-05-13"), EtaSource::Carrier)),
        promised: Some(day("2026-05-13")),
        delay: Some(DelayCause::EtaMoved),
        pickup_deadline: Some(at("2026-05-19 18:00")),
        attempts: 1,
        next_step: Some(CustomerStep::Collect),
        silent_days: Some(6),
    }
}

#[test]
fn every_text_fills_in_everywhere() {
    let reasons = [None, Some(Reason::Weather), Some(Reason::IdRequired)];
    for &locale in Locale::ALL {
        for &sub in Substatus::ALL {
            for reason in reasons {
                let mut e = event("2026-05-12 10:00", sub);
                e.reason = reason;
                e.location.city = Some("Utrecht".into());
                e.eta = EtaHint::None;
                let mut t = Tracking::new(
                    Carrier::DhlParcelDe,
                    "00340434161094015902",
                    vec![event("2026-05-11 09:00", Substatus::PickedUp), e],
                    Some(EtaWindow::day(day("2026-05-14"), EtaSource::Carrier)),
                );
                t.pickup_deadline = Some(at("2026-05-19 18:00"));
                for m in [
                    message(&t, locale),
                    message_with(
                        &t,
                        locale,
                        &MessageOptions {
                            today: Some(day("2026-05-14")),
                            ..MessageOptions::default()
                        },
                    ),
                ] {
                    check(&m, &format!("{locale} {sub} {reason:?}"));
                }
            }
            for &kind in NotificationKind::ALL {
                for step in [None, Some(CustomerStep::PayDuties)] {
                    for cause in [DelayCause::EtaMoved, DelayCause::PastPromisedDate] {
                        let mut d = data(sub);
                        d.next_step = step;
                        d.delay = Some(cause);
                        d.reason = Some(Reason::Strike);
                        let n = Notification {
                            kind,
                            urgency: Urgency::Info,
                            milestone: kind.as_str().into(),
                            data: d,
                        };
                        let m = notification_message(&n, locale);
                        check(&m, &format!("{locale} {kind:?} {sub}"));
                        let mut bare = n.clone();
                        bare.data.place = None;
                        bare.data.eta = None;
                        bare.data.pickup_deadline = None;
                        bare.data.reason = None;
                        let m =
                            notification_message_with(&bare, locale, &MessageOptions::default());
                        check(&m, &format!("{locale} {kind:?} {sub} (bare)"));
                    }
                }
            }
        }
    }
}

fn check(m: &wismo::customer::CustomerMessage, what: &str) {
    for s in [Some(&m.title), Some(&m.body), m.action.as_ref()]
        .into_iter()
        .flatten()
    {
        assert!(
            !s.contains('{') && !s.contains('}'),
            "{what}: unfilled `{s}`"
        );
        assert!(!s.trim().is_empty(), "{what}: empty");
        assert!(!s.contains("  "), "{what}: double space in `{s}`");
    }
    assert!(!m.title.is_empty() && !m.body.is_empty(), "{what}");
}

#[test]
fn locale_tags() {
    assert_eq!(Locale::from_tag("de-CH"), Some(Locale::De));
    assert_eq!(Locale::from_tag("nl_BE"), Some(Locale::Nl));
    assert_eq!(Locale::from_tag("no"), Some(Locale::Nb));
    assert_eq!(Locale::from_tag("nn-NO"), Some(Locale::Nb));
    assert_eq!(Locale::from_tag("EN"), Some(Locale::En));
    assert_eq!(Locale::from_tag("pt-BR"), None);
    assert_eq!("sv".parse::<Locale>().unwrap(), Locale::Sv);
    assert!("xx".parse::<Locale>().is_err());
    assert_eq!(serde_json::to_string(&Locale::Nb).unwrap(), "\"nb\"");
}

#[test]
fn messages_serialize() {
    let t = in_transit(None);
    let m = message(&t, Locale::Fr);
    let json = serde_json::to_string(&m).unwrap();
    assert_eq!(
        serde_json::from_str::<wismo::customer::CustomerMessage>(&json).unwrap(),
        m
    );
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The body repeats the title: equal, containing it, or one of its
/// sentences has every word of the title.
fn repeats(m: &wismo::customer::CustomerMessage) -> Option<String> {
    let title = words(&m.title);
    let body = words(&m.body);
    if title.is_empty() {
        return Some("empty title".into());
    }
    if body.windows(title.len()).any(|w| w == title.as_slice()) {
        return Some("body contains the title".into());
    }
    for sentence in m.body.split(['.', '!', '?', ';']) {
        let s = words(sentence);
        if title.len() > 1 && title.iter().all(|w| s.contains(w)) {
            return Some(format!(
                "sentence `{}` has every word of the title",
                sentence.trim()
            ));
        }
    }
    None
}

fn all_registers() -> Vec<MessageOptions> {
    let mut out = Vec::new();
    for register in [None, Some(Register::Informal), Some(Register::Formal)] {
        for shop in [None, Some("Fietsenwinkel Jansen".to_string())] {
            out.push(MessageOptions {
                register,
                shop_name: shop,
                ..MessageOptions::default()
            });
        }
    }
    out
}

/// Every tracking state and every notification, in every locale and
/// register, with and without time and place: the body never repeats the
/// title, and says something the title does not.
#[test]
fn no_body_repeats_its_title() {
    let mut failures = Vec::new();
    for &locale in Locale::ALL {
        for opts in all_registers() {
            for &sub in Substatus::ALL {
                for (time, city) in [(true, true), (false, false)] {
                    let mut e = event("2026-05-12 10:04", sub);
                    if !time {
                        e.time = None;
                    }
                    if city {
                        e.location.city = Some("Utrecht".into());
                    }
                    let t = Tracking::new(Carrier::Postnl, "3SABC123", vec![e], None);
                    let m = message_with(&t, locale, &opts);
                    if let Some(why) = repeats(&m) {
                        failures.push(format!(
                            "{locale} {opts:?} status {sub}: {why}: `{}` / `{}`",
                            m.title, m.body
                        ));
                    }
                }
                for &kind in NotificationKind::ALL {
                    for full in [true, false] {
                        let mut d = data(sub);
                        if !full {
                            d.place = None;
                            d.time = None;
                            d.eta = None;
                            d.pickup_deadline = None;
                            d.next_step = None;
                        }
                        let n = Notification {
                            kind,
                            urgency: Urgency::Info,
                            milestone: kind.as_str().into(),
                            data: d,
                        };
                        let m = notification_message_with(&n, locale, &opts);
                        if let Some(why) = repeats(&m) {
                            failures.push(format!(
                                "{locale} {opts:?} {kind:?} {sub}: {why}: `{}` / `{}`",
                                m.title, m.body
                            ));
                        }
                    }
                }
            }
        }
    }
    failures.sort();
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} repeats:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Informal words that must not appear in a formal message.
fn informal_words(locale: Locale) -> &'static [&'static str] {
    match locale {
        Locale::Nl => &["je", "jij", "jouw", "jou"],
        Locale::De => &["du", "dein", "deine", "dich", "dir"],
        Locale::Fr => &["tu", "ton", "ta", "tes", "toi"],
        Locale::Es => &[
            "tu",
            "tus",
            "te",
            "ti",
            "contigo",
            "puedes",
            "tienes",
            "has",
            "quieres",
            "esperabas",
            "disfrutes",
            "recojas",
            "acuerda",
            "recoge",
            "ponte",
            "escríbenos",
            "contáctanos",
            "sigue",
            "elige",
            "revisa",
            "asegúrate",
            "paga",
            "ten",
            "entregarte",
            "tuya",
        ],
        Locale::It => &[
            "tuo",
            "tua",
            "tuoi",
            "tue",
            "ti",
            "te",
            "puoi",
            "hai",
            "devi",
            "desideri",
            "contattaci",
            "ritiralo",
            "concorda",
            "ritira",
            "segui",
            "scegli",
            "controlla",
            "assicurati",
            "paga",
            "tieni",
            "contatta",
            "l'hai",
            "aspettavi",
        ],
        Locale::Pl => &[
            "twoja",
            "twoje",
            "twój",
            "twoją",
            "twojej",
            "twojego",
            "twoich",
            "twoim",
            "ciebie",
            "cię",
            "ci",
            "możesz",
            "musisz",
            "masz",
            "chcesz",
            "spodziewasz",
            "skontaktuj",
            "odbierz",
            "umów",
            "wybierz",
            "sprawdź",
            "zapłać",
            "upewnij",
            "miej",
            "postępuj",
            "ureguluj",
        ],
        _ => &[],
    }
}

/// Every message in the formal register of a locale that has one uses no
/// informal word; the default register keeps today's texts.
#[test]
fn formal_register_is_formal_everywhere() {
    let formal = MessageOptions {
        register: Some(Register::Formal),
        ..MessageOptions::default()
    };
    let shop_formal = MessageOptions {
        shop_name: Some("Jansen".into()),
        ..formal.clone()
    };
    for &locale in Locale::ALL {
        let banned = informal_words(locale);
        if !locale.registers().contains(&Register::Formal) {
            continue;
        }
        for opts in [&formal, &shop_formal] {
            for &sub in Substatus::ALL {
                let mut msgs = vec![message_with(&in_state(sub), locale, opts)];
                for &kind in NotificationKind::ALL {
                    let n = Notification {
                        kind,
                        urgency: Urgency::Info,
                        milestone: kind.as_str().into(),
                        data: data(sub),
                    };
                    msgs.push(notification_message_with(&n, locale, opts));
                }
                for m in msgs {
                    for s in [Some(&m.title), Some(&m.body), m.action.as_ref()]
                        .into_iter()
                        .flatten()
                    {
                        let w = words(s);
                        for b in banned {
                            assert!(
                                !w.iter().any(|x| x == b),
                                "{locale} {sub}: `{b}` in formal `{s}`"
                            );
                        }
                    }
                }
            }
        }
    }
    for locale in [Locale::Nl, Locale::Es, Locale::It, Locale::Pl] {
        assert_eq!(
            locale.registers(),
            &[Register::Informal, Register::Formal],
            "{locale}"
        );
    }
    let t = in_state(Substatus::PickedUp);
    for (locale, title) in [
        (Locale::Es, "Su paquete está en camino"),
        (Locale::It, "Il Suo pacco è in viaggio"),
        (Locale::Pl, "Paczka jest w drodze"),
    ] {
        assert_eq!(message_with(&t, locale, &formal).title, title);
        assert_ne!(message(&t, locale).title, title);
    }
    assert_eq!(message(&t, Locale::Nl).title, "Je pakket is onderweg");
    assert_eq!(
        message_with(&t, Locale::Nl, &formal).title,
        "Uw pakket is onderweg"
    );
    assert_eq!(
        message_with(&t, Locale::Nl, &formal).body,
        "UPS heeft uw pakket opgehaald."
    );
    let informal = MessageOptions {
        register: Some(Register::Informal),
        ..MessageOptions::default()
    };
    assert_eq!(
        message_with(&t, Locale::Nl, &informal),
        message(&t, Locale::Nl)
    );
    // German is formal by default, Swedish has one register.
    assert_eq!(
        message_with(&t, Locale::De, &formal),
        message(&t, Locale::De)
    );
    assert_eq!(
        message_with(&t, Locale::Sv, &formal),
        message(&t, Locale::Sv)
    );
    assert_eq!(Locale::Sv.registers(), &[Register::Informal]);
    assert_eq!(Locale::Da.registers(), &[Register::Informal]);
    assert_eq!(Locale::Nb.registers(), &[Register::Informal]);
    assert_eq!(
        Locale::Nl.registers(),
        &[Register::Informal, Register::Formal]
    );
}

fn in_state(sub: Substatus) -> Tracking {
    let mut e = event("2026-05-12 10:04", sub);
    e.location.city = Some("Utrecht".into());
    Tracking::new(Carrier::Ups, "1Z999AA10123456784", vec![e], None)
}

#[test]
fn delivered_notice_says_when_and_where() {
    let n = Notification {
        kind: NotificationKind::Delivered,
        urgency: Urgency::Info,
        milestone: "delivered".into(),
        data: data(Substatus::DeliveredToNeighbor),
    };
    let m = notification_message(&n, Locale::En);
    assert_eq!(m.title, "Your parcel has been delivered");
    assert_eq!(
        m.body,
        "A neighbour took the parcel in for you. PostNL delivered it on Tuesday 12 May at 11:00 in Primera Centrum, Utrecht."
    );
    let today = MessageOptions {
        today: Some(day("2026-05-12")),
        ..MessageOptions::default()
    };
    let m = notification_message_with(&n, Locale::De, &today);
    assert!(
        m.body
            .ends_with("PostNL hat es heute um 11:00 Uhr in Primera Centrum, Utrecht zugestellt."),
        "{}",
        m.body
    );
    let t = in_state(Substatus::Delivered);
    let m = message(&t, Locale::Fr);
    assert_eq!(m.body, "UPS l'a livré le mardi 12 mai à 10 h 04 à Utrecht.");
}

#[test]
fn shop_name_in_titles() {
    let mut d = data(Substatus::PickedUp);
    d.eta = None;
    let n = Notification {
        kind: NotificationKind::Shipped,
        urgency: Urgency::Info,
        milestone: "shipped".into(),
        data: d,
    };
    let shop = |register| MessageOptions {
        shop_name: Some("Acme".into()),
        register,
        ..MessageOptions::default()
    };
    assert_eq!(
        notification_message(&n, Locale::En).title,
        "Your order is on its way"
    );
    assert_eq!(
        notification_message_with(&n, Locale::En, &shop(None)).title,
        "Your order from Acme is on its way"
    );
    assert_eq!(
        notification_message_with(&n, Locale::Nl, &shop(None)).title,
        "Je bestelling bij Acme is onderweg"
    );
    assert_eq!(
        notification_message_with(&n, Locale::Nl, &shop(Some(Register::Formal))).title,
        "Uw bestelling bij Acme is onderweg"
    );
    for &locale in Locale::ALL {
        let m = notification_message_with(&n, locale, &shop(None));
        assert!(m.title.contains("Acme"), "{locale}: {}", m.title);
    }
    // A blank name is no name.
    let blank = MessageOptions {
        shop_name: Some(" ".into()),
        ..MessageOptions::default()
    };
    assert_eq!(
        notification_message_with(&n, Locale::En, &blank),
        notification_message(&n, Locale::En)
    );
}

#[test]
fn overrides_replace_catalog_texts_and_are_checked() {
    use wismo::customer::{MessageOverrides, OverrideError};
    let o = MessageOverrides::from_json(
        Locale::En,
        r#"{
            "notification.delivered.action": "Not there? Call us on 020 123 4567.",
            "shop.notification.shipped.title": "{shop} has packed your order",
            "substatus.at_locker.place": "Locker {place} has your parcel."
        }"#,
    )
    .unwrap();
    let opts = MessageOptions {
        overrides: o.clone(),
        ..MessageOptions::default()
    };
    let mut n = Notification {
        kind: NotificationKind::Delivered,
        urgency: Urgency::Info,
        milestone: "delivered".into(),
        data: data(Substatus::Delivered),
    };
    n.data.next_step = None;
    let m = notification_message_with(&n, Locale::En, &opts);
    assert_eq!(
        m.action.as_deref(),
        Some("Not there? Call us on 020 123 4567.")
    );
    // Only for its locale.
    let m = notification_message_with(&n, Locale::Nl, &opts);
    assert_ne!(
        m.action.as_deref(),
        Some("Not there? Call us on 020 123 4567.")
    );
    // A `shop.` text only with the shop's name.
    n.kind = NotificationKind::Shipped;
    assert_eq!(
        notification_message_with(&n, Locale::En, &opts).title,
        "Your order is on its way"
    );
    let with_shop = MessageOptions {
        shop_name: Some("Acme".into()),
        ..opts.clone()
    };
    assert_eq!(
        notification_message_with(&n, Locale::En, &with_shop).title,
        "Acme has packed your order"
    );
    n.kind = NotificationKind::AvailableForPickup;
    n.data.substatus = Substatus::AtLocker;
    assert!(notification_message_with(&n, Locale::En, &opts)
        .body
        .starts_with("Locker Primera Centrum, Utrecht has your parcel."));
    // Round trip through serde, and refused on load when wrong.
    let json = serde_json::to_string(&opts).unwrap();
    assert_eq!(serde_json::from_str::<MessageOptions>(&json).unwrap(), opts);
    assert!(serde_json::from_str::<MessageOptions>(
        r#"{"overrides": {"en": {"status.nope.title": "x"}}}"#
    )
    .is_err());

    let err = |text: &str| MessageOverrides::from_json(Locale::De, text).unwrap_err();
    match err(r#"{"notification.delivered.titel": "Da!"}"#) {
        OverrideError::UnknownKey {
            key, suggestion, ..
        } => {
            assert_eq!(key, "notification.delivered.titel");
            assert_eq!(suggestion.as_deref(), Some("notification.delivered.title"));
        }
        e => panic!("{e}"),
    }
    match err(r#"{"status.delivered.title": "Zugestellt {when}"}"#) {
        OverrideError::Placeholder {
            key,
            placeholder,
            offered,
            ..
        } => {
            assert_eq!(key, "status.delivered.title");
            assert_eq!(placeholder, "when");
            assert_eq!(offered, vec!["carrier"]);
        }
        e => panic!("{e}"),
    }
    assert!(matches!(
        err(r#"{"notification.shipped.title": "{shop} versendet"}"#),
        OverrideError::Placeholder { .. }
    ));
    assert!(matches!(
        err(r#"{"phrases.eta": "Ankunft {eta"}"#),
        OverrideError::Unbalanced { .. }
    ));
    assert!(matches!(
        err(r#"{"phrases.eta": "Ankunft eta}"}"#),
        OverrideError::Unbalanced { .. }
    ));
    assert!(matches!(
        err(r#"{"phrases.eta": "  "}"#),
        OverrideError::Empty { .. }
    ));
    assert!(matches!(
        err(r#"{"phrases.eta": 3}"#),
        OverrideError::Json { .. }
    ));
    assert!(matches!(err("not json"), OverrideError::Json { .. }));
    assert_eq!(
        err(r#"{"reason.weather": "Schnee in {place}"}"#).to_string(),
        "de `reason.weather`: placeholder `{place}` is not offered by this key (it offers {carrier})"
    );
    // Every catalog text is a valid override of its own key.
    let keys: BTreeSet<String> = MessageOverrides::keys()
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    for &locale in Locale::ALL {
        let c = catalog(locale);
        let mut all = Vec::new();
        strings(&c, "", &mut all);
        for (path, text) in all {
            let path = path.trim_start_matches('.');
            if path.starts_with("dates") || path == "locale" || path == "register" {
                continue;
            }
            let key = path
                .strip_prefix("other_register.")
                .map(str::to_string)
                .or_else(|| path.strip_prefix("shop.").map(|k| format!("shop.{k}")))
                .unwrap_or_else(|| path.replace(".text", ""));
            assert!(
                keys.contains(&key),
                "{locale}: catalog key {key} not offered"
            );
            MessageOverrides::from_json(
                locale,
                &serde_json::json!({ key.clone(): text }).to_string(),
            )
            .unwrap_or_else(|e| panic!("{locale}: catalog text refused: {e}"));
        }
    }
}
