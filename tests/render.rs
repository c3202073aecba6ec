//! `wismo::render`: golden pages for real fixtures in every state, escaping of
//! every untrusted field, e-mails, and what the page must never show.
//!
//! Goldens: `tests/render/<name>.html`, listed in `tests/render/pages.tsv`
//! (also read by the browser test, `tests/browser/run.sh`). Re-bless with
//! `WISMO_BLESS=1 cargo test --test render` and read the diff.

use std::path::{Path, PathBuf};
use wismo::customer::{notifications, Locale};
use wismo::order::Order;
use wismo::render::{self, RenderOptions};
use wismo::{Carrier, Event, EventTime, Location, Tracking};

struct Page {
    name: String,
    state: String,
    carrier: Carrier,
    locale: Locale,
    files: Vec<PathBuf>,
    eta: bool,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn pages() -> Vec<Page> {
    let text = std::fs::read_to_string(root().join("tests/render/pages.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 6, "pages.tsv: {l}");
            Page {
                name: f[0].into(),
                state: f[1].into(),
                carrier: f[2].parse().unwrap(),
                locale: f[3].parse().unwrap(),
                files: f[4]
                    .split(',')
                    .map(|p| root().join("tests/fixtures").join(p))
                    .collect(),
                eta: f[5] == "yes",
            }
        })
        .collect()
}

fn trackings(p: &Page) -> Vec<Tracking> {
    p.files
        .iter()
        .flat_map(|f| wismo::parse(p.carrier, &std::fs::read(f).unwrap()).unwrap())
        .collect()
}

/// The page as `examples/page.rs` renders it.
fn render_page(p: &Page) -> String {
    let ts = trackings(p);
    if ts.len() > 1 {
        let mut order = Order::new("");
        ts.into_iter().for_each(|t| order.add(t));
        render::document("", p.locale, &render::order_html(&order, p.locale))
    } else {
        let t = &ts[0];
        render::document(
            &t.tracking_number,
            p.locale,
            &render::tracking_html(t, p.locale),
        )
    }
}

#[test]
fn golden_pages() {
    let bless = std::env::var_os("WISMO_BLESS").is_some();
    let mut failed = Vec::new();
    for p in pages() {
        let html = render_page(&p);
        let path = root().join("tests/render").join(format!("{}.html", p.name));
        if bless {
            std::fs::write(&path, &html).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        if want != html {
            failed.push(path.display().to_string());
        }
    }
    assert!(
        failed.is_empty(),
        "differs from golden (re-bless with WISMO_BLESS=1 and read the diff): {failed:?}"
    );
}

#[test]
fn pages_match_their_state() {
    for p in pages() {
        let ts = trackings(&p);
        let html = render_page(&p);
        if p.state == "split_order" {
            assert!(ts.len() > 1, "{}: one parcel", p.name);
            assert_eq!(html.matches("class=\"wismo-parcel\"").count(), ts.len());
        } else {
            assert_eq!(ts.len(), 1, "{}", p.name);
            assert_eq!(ts[0].status.as_str(), p.state, "{}", p.name);
        }
        assert!(
            html.contains(&format!("lang=\"{}\"", p.locale)),
            "{}",
            p.name
        );
        assert_eq!(
            html.contains("<div class=\"wismo-eta\">"),
            p.eta,
            "{}: ETA shown",
            p.name
        );
        assert!(html.contains("class=\"wismo-timeline\""), "{}", p.name);
        assert!(!html.contains("<script"), "{}", p.name);
        // No raw event code and no opaque location id anywhere the customer
        // reads (tracking numbers and ids in attributes aside).
        let visible = visible_text(&html);
        for t in &ts {
            for e in &t.events {
                for raw in [Some(&e.code), e.location.name.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    let raw = raw.trim();
                    let opaque = raw.len() >= 3
                        && raw.chars().any(|c| c.is_ascii_digit())
                        && !raw.contains(' ');
                    if opaque && !t.tracking_number.contains(raw) {
                        assert!(!visible.contains(raw), "{}: shows raw `{raw}`", p.name);
                    }
                }
            }
        }
    }
}

#[test]
fn every_state_and_locale_is_covered() {
    let ps = pages();
    for state in [
        "in_transit",
        "out_for_delivery",
        "attempt_failed",
        "available_for_pickup",
        "delivered",
        "return_to_sender",
        "exception",
        "split_order",
    ] {
        assert!(ps.iter().any(|p| p.state == state), "no page for {state}");
    }
    for l in Locale::ALL {
        assert!(ps.iter().any(|p| p.locale == *l), "no page in {l}");
    }
}

/// Text outside tags and outside `<style>`.
fn visible_text(html: &str) -> String {
    let body = html.split("</style>").last().unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn postnl_pickup_in_dutch_never_names_the_location_id() {
    let body =
        std::fs::read(root().join("tests/fixtures/postnl/complete_status_pickup_point.json"))
            .unwrap();
    let t = wismo::parse(Carrier::Postnl, &body).unwrap().remove(0);
    assert_eq!(
        t.current_event().unwrap().location.name.as_deref(),
        Some("170341")
    );
    let m = wismo::customer::message(&t, Locale::Nl);
    assert_eq!(m.body, "Je pakket ligt klaar bij een afhaalpunt.");
    for n in notifications(None, &t) {
        let m = wismo::customer::notification_message(&n, Locale::Nl);
        assert!(!m.body.contains("170341"), "{}", m.body);
    }
    assert!(!visible_text(&render::tracking_html(&t, Locale::Nl)).contains("170341"));
}

#[test]
fn a_real_place_name_is_kept() {
    let body =
        std::fs::read(root().join("tests/fixtures/postnl/complete_status_pickup_point.json"))
            .unwrap();
    let mut t = wismo::parse(Carrier::Postnl, &body).unwrap().remove(0);
    let last = t.events.last_mut().unwrap();
    last.location.name = Some("Primera Stationsplein".into());
    last.location.city = Some("Utrecht".into());
    let m = wismo::customer::message(&t, Locale::Nl);
    assert_eq!(
        m.body,
        "Je pakket ligt klaar bij Primera Stationsplein, Utrecht."
    );
    assert!(render::tracking_html(&t, Locale::Nl).contains("Primera Stationsplein, Utrecht"));
}

const EVIL: &str = "<script>alert(\"x\")</script>'\"&";

fn evil_tracking() -> Tracking {
    let time = |s: &str| Some(s.parse::<EventTime>().unwrap());
    let place = Location {
        city: Some(format!("City{EVIL}")),
        postal_code: Some(format!("1000{EVIL}")),
        country: Some(EVIL.into()),
        name: Some(format!("Shop {EVIL}")),
    };
    let events = vec![
        Event::lookup(
            Carrier::Postnl,
            time("2022-11-07T21:42:03"),
            "B01",
            None,
            format!("Received {EVIL}"),
        )
        .at(place.clone()),
        Event::lookup(
            Carrier::Postnl,
            time("2022-11-08T10:00:00"),
            "not-a-code<script>",
            None,
            format!("Unmapped {EVIL}"),
        )
        .at(place.clone()),
        Event::lookup(
            Carrier::Postnl,
            time("2022-11-09T11:30:00"),
            "J02",
            None,
            format!("Pickup {EVIL}"),
        )
        .at(place),
    ];
    Tracking::new(Carrier::Postnl, format!("3S{EVIL}"), events, None)
}

fn assert_escaped(what: &str, html: &str) {
    assert!(
        !html.contains("<script"),
        "{what}: unescaped <script>:\n{html}"
    );
    assert!(!html.contains("alert(\"x\")"), "{what}: unescaped quote");
    assert!(
        html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&quot;&amp;"),
        "{what}: escaped text missing"
    );
}

#[test]
fn untrusted_text_is_escaped_in_every_field() {
    let t = evil_tracking();
    for l in Locale::ALL {
        let html = render::tracking_html(&t, *l);
        assert_escaped("tracking", &html);
        // tracking number, carrier texts (mapped and unmapped), place names
        assert!(html.contains("3S&lt;script&gt;"), "number");
        assert!(html.contains("Received &lt;script&gt;"), "carrier text");
        assert!(html.contains("Unmapped &lt;script&gt;"), "unmapped text");
        assert!(html.contains("Shop &lt;script&gt;"), "place name");
        assert!(html.contains("City&lt;script&gt;"), "city");
        assert!(!html.contains("not-a-code"), "raw code shown");
        // ids are made of letters and digits only
        assert!(html.contains("id=\"wismo-3Sscriptalertxscript-title\""));

        let mut order = Order::new(format!("R-{EVIL}"));
        order.add(t.clone());
        let html = render::order_html(&order, *l);
        assert_escaped("order", &html);
        assert!(html.contains("R-&lt;script&gt;"), "order reference");

        let page = render::document(EVIL, *l, "");
        assert!(page.contains("<title>&lt;script&gt;"), "title");

        for n in notifications(None, &t) {
            let opts = RenderOptions {
                today: None,
                tracking_url: Some(format!("https://shop.example/t?n=1&x=\"><script>{EVIL}")),
            };
            let mail = render::email_with(&n, *l, &opts);
            assert_escaped("email", &mail.html);
            assert!(mail
                .html
                .contains("href=\"https://shop.example/t?n=1&amp;x=&quot;&gt;&lt;script&gt;"));
            // the plain-text part is not HTML: it keeps the text as is
            assert!(mail.text.contains(&format!("3S{EVIL}")));
        }
    }
}

#[test]
fn email_has_html_and_text_parts() {
    let body =
        std::fs::read(root().join("tests/fixtures/postnl/complete_status_pickup_point.json"))
            .unwrap();
    let t = wismo::parse(Carrier::Postnl, &body).unwrap().remove(0);
    let n = notifications(None, &t).remove(0);
    let opts = RenderOptions {
        today: None,
        tracking_url: Some("https://shop.example/track/3SDEVC6659149".into()),
    };
    let mail = render::email_with(&n, Locale::Nl, &opts);
    assert_eq!(mail.subject, "Je pakket ligt klaar om op te halen");
    assert!(mail.html.starts_with("<!DOCTYPE html>"));
    assert!(mail.html.contains("<table role=\"presentation\""));
    assert!(!mail.html.contains("<style"), "inline styles only");
    assert!(!mail.html.contains("class="), "inline styles only");
    assert!(mail
        .html
        .contains("href=\"https://shop.example/track/3SDEVC6659149\""));
    assert!(mail
        .text
        .starts_with("Je pakket ligt klaar om op te halen\n\n"));
    assert!(mail
        .text
        .contains("Volg je pakket: https://shop.example/track/3SDEVC6659149"));
    assert!(!mail.text.contains('<'));
    assert!(!mail.text.contains("170341"));
    // a link that is not http(s) is left out
    let opts = RenderOptions {
        today: None,
        tracking_url: Some("javascript:alert(1)".into()),
    };
    let mail = render::email_with(&n, Locale::Nl, &opts);
    assert!(!mail.html.contains("javascript:"));
    assert!(!mail.text.contains("javascript:"));
}

#[test]
fn emails_for_every_page_and_locale() {
    for p in pages() {
        for t in trackings(&p) {
            for n in notifications(None, &t) {
                for l in Locale::ALL {
                    let mail = render::email(&n, *l);
                    assert!(!mail.subject.is_empty());
                    assert!(mail.html.contains(&format!("lang=\"{l}\"")));
                    assert!(!mail.text.contains('{'), "{}: {}", p.name, mail.text);
                    assert!(!mail.html.contains('{'), "{}: placeholder", p.name);
                }
            }
        }
    }
}

#[test]
fn every_locale_renders_every_page_without_placeholders() {
    for p in pages() {
        let ts = trackings(&p);
        for l in Locale::ALL {
            for t in &ts {
                let html = render::tracking_html(t, *l);
                let text = visible_text(&html);
                assert!(!text.contains('{'), "{} {l}: {text}", p.name);
                assert!(html.contains(&format!("lang=\"{l}\"")));
            }
        }
    }
}

#[test]
fn stylesheet_is_small() {
    assert!(
        render::STYLESHEET.len() < 3 * 1024,
        "{}",
        render::STYLESHEET.len()
    );
    assert!(!render::STYLESHEET.contains("@import"));
    assert!(!render::STYLESHEET.contains("url("));
}

#[test]
fn goldens_exist_only_for_listed_pages() {
    let listed: Vec<String> = pages()
        .into_iter()
        .map(|p| format!("{}.html", p.name))
        .collect();
    for e in std::fs::read_dir(Path::new(&root()).join("tests/render")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().to_string();
        if name.ends_with(".html") {
            assert!(listed.contains(&name), "stray golden {name}");
        }
    }
}

fn postnl_pickup() -> Tracking {
    let body =
        std::fs::read(root().join("tests/fixtures/postnl/complete_status_pickup_point.json"))
            .unwrap();
    wismo::parse(Carrier::Postnl, &body).unwrap().remove(0)
}

#[test]
fn pickup_deadline_is_shown_with_the_date() {
    let mut t = postnl_pickup();
    t.pickup_deadline = Some("2022-11-23T18:00:00".parse().unwrap());
    let html = render::tracking_html(&t, Locale::Nl);
    assert!(
        html.contains("<strong>Ophalen uiterlijk</strong> <time datetime=\"2022-11-23\">woensdag 23 november</time>"),
        "{html}"
    );
    let html = render::tracking_html(&t, Locale::En);
    assert!(html.contains(
        "Collect by</strong> <time datetime=\"2022-11-23\">Wednesday 23 November</time>"
    ));
    let mut n = notifications(None, &t).remove(0);
    n.data.pickup_deadline = t.pickup_deadline;
    let mail = render::email(&n, Locale::De);
    assert!(
        mail.text.contains("Abholen bis Mittwoch, 23. November"),
        "{}",
        mail.text
    );
    assert!(mail
        .html
        .contains("Abholen bis</strong> Mittwoch, 23. November"));
}

#[test]
fn customs_payment_says_what_to_do() {
    // PostNL X67: waiting for import costs to be paid (mappings/postnl.tsv).
    let mut t = postnl_pickup();
    t.events.truncate(3);
    t.events.push(Event::lookup(
        Carrier::Postnl,
        Some("2022-11-08T09:00:00".parse().unwrap()),
        "X67",
        None,
        "Wachten op betaling invoerkosten",
    ));
    t.refresh();
    assert_eq!(t.status.as_str(), "exception");
    let html = render::tracking_html(&t, Locale::En);
    assert!(html.contains("class=\"wismo-action\""));
    assert!(
        html.contains("Pay the import duties or taxes to PostNL"),
        "{html}"
    );
    assert!(html.contains("wismo-current wismo-problem"));
    assert!(!visible_text(&html).contains("X67"));
}

#[test]
fn failed_attempt_with_retry_does_not_ask_to_rearrange() {
    let body = std::fs::read(root().join("tests/fixtures/dpd/parcelshop_after_failed_attempt.xml"))
        .unwrap();
    let t = wismo::parse(Carrier::Dpd, &body).unwrap().remove(0);
    let html = render::tracking_html(&t, Locale::En);
    assert!(html.contains("No need to do anything"), "{html}");
    assert!(!html.contains("Arrange a new delivery"));
    // past out-for-delivery events do not say "today"
    assert!(!visible_text(&html).contains("out for delivery today"));
}

#[test]
fn eta_window_reads_in_local_words() {
    use wismo::{EtaSource, EtaWindow};
    let t = wismo::parse(
        Carrier::Postnl,
        &std::fs::read(root().join("tests/fixtures/postnl/complete_status_pickup_point.json"))
            .unwrap(),
    )
    .unwrap()
    .remove(0);
    let mut t = Tracking::new(
        Carrier::Postnl,
        t.tracking_number.clone(),
        t.events[..3].to_vec(),
        Some(EtaWindow {
            earliest: "2022-11-08T13:30:00".parse().unwrap(),
            latest: "2022-11-08T15:30:00".parse().unwrap(),
            source: EtaSource::Carrier,
        }),
    );
    t.refresh();
    let html = render::tracking_html(&t, Locale::En);
    assert!(
        html.contains(
            "<dt>Expected delivery</dt><dd><time datetime=\"2022-11-08\">Tuesday 8 November</time>, 13:30–15:30</dd>"
        ),
        "{html}"
    );
    let html = render::tracking_html(&t, Locale::De);
    assert!(
        html.contains(">Dienstag, 8. November</time>, 13:30–15:30</dd>"),
        "{html}"
    );
    // several days: first – last
    t.eta.current = Some(EtaWindow::dates(
        "2022-11-08".parse().unwrap(),
        "2022-11-10".parse().unwrap(),
        EtaSource::Model,
    ));
    let html = render::tracking_html(&t, Locale::Fr);
    assert!(
        html.contains(
            ">mardi 8 novembre</time> – <time datetime=\"2022-11-10\">jeudi 10 novembre</time>"
        ),
        "{html}"
    );
}

#[test]
fn location_ids_are_left_out_and_names_kept() {
    let mut t = postnl_pickup();
    for (name, city, want) in [
        ("WAW22A", None, None),
        ("KRA", None, None),
        ("HU40", Some("Budapest"), Some("Budapest")),
        ("OSLO", None, Some("OSLO")),
        ("Primera", Some("Utrecht"), Some("Primera, Utrecht")),
    ] {
        let last = t.events.last_mut().unwrap();
        last.location.name = Some(name.into());
        last.location.city = city.map(str::to_string);
        let body = wismo::customer::message(&t, Locale::En).body;
        match want {
            Some(w) => assert_eq!(body, format!("Your parcel is waiting at {w}.")),
            None => assert_eq!(body, "Your parcel is waiting at a pickup point."),
        }
        assert!(
            !visible_text(&render::tracking_html(&t, Locale::En)).contains(&format!(" {name} "))
                || want.is_some()
        );
    }
}
