//! Errors that say what to do: the kind of each carrier's documented error
//! answers (from the fixtures, which are the carriers' published error
//! bodies), `retryable()`, the words for bodies that are not JSON or XML at
//! all, and the stable `Category` / `CarrierErrorKind` strings.

mod common;

use common::fixture;
use wismo::{Carrier, CarrierErrorKind as K, Category, Error};

/// `(carrier, fixture, code, kind)`: every fixture whose body is a carrier's
/// error answer, with the code it carries and the kind that code means.
const ANSWERS: &[(&str, &str, Option<&str>, K)] = &[
    ("ups", "not_found.json", Some("TW0001"), K::NotFound),
    (
        "ups",
        "invalid_number.json",
        Some("TV1002"),
        K::InvalidNumber,
    ),
    (
        "fedex",
        "spec_example.json",
        Some("TRACKING.TRACKINGNUMBER.NOTFOUND"),
        K::NotFound,
    ),
    (
        "fedex",
        "error.json",
        Some("TRACKING.TRACKINGNUMBER.EMPTY"),
        K::InvalidNumber,
    ),
    ("dhl_unified", "not_found.json", Some("404"), K::NotFound),
    ("dhl_express", "not_found.json", Some("404"), K::NotFound),
    (
        "dhl_express",
        "error_numeric_status.json",
        Some("404"),
        K::NotFound,
    ),
    ("gls", "not_found.json", Some("E_404_01"), K::NotFound),
    (
        "gls",
        "token_expired.json",
        Some("steps.jwt.TokenExpired"),
        K::Unauthorized,
    ),
    ("gls", "bad_request.json", Some("400"), K::Other),
    (
        "gls_mygls",
        "unauthorized.json",
        Some("-1"),
        K::Unauthorized,
    ),
    (
        "royal_mail",
        "summary_unknown_barcode.json",
        Some("E1142"),
        K::NotFound,
    ),
    ("royal_mail", "error.json", Some("E0004"), K::Other),
    ("sendle", "not_found.json", Some("not_found"), K::NotFound),
    (
        "amazon_shipping",
        "invalid_tracking_id.json",
        Some("InvalidTrackingId"),
        K::InvalidNumber,
    ),
    (
        "amazon_shipping",
        "invalid_request.json",
        Some("InvalidRequest"),
        K::Other,
    ),
    (
        "inpost",
        "not_found.json",
        Some("resource_not_found"),
        K::NotFound,
    ),
    (
        "la_poste",
        "invalid_number.json",
        Some("400"),
        K::InvalidNumber,
    ),
    (
        "colissimo",
        "invalid_number.json",
        Some("400"),
        K::InvalidNumber,
    ),
    ("dhl_parcel_de", "not_found.xml", Some("100"), K::NotFound),
    (
        "dhl_parcel_de",
        "not_found_with_piece.xml",
        Some("100"),
        K::NotFound,
    ),
    (
        "canada_post",
        "no_pin_history.xml",
        Some("004"),
        K::NotFound,
    ),
    (
        "dpd",
        "authentication_fault.xml",
        Some("DELICOM_ERR_AUTHENTICATION"),
        K::Unauthorized,
    ),
    (
        "australia_post",
        "invalid_tracking_id.json",
        Some("ESB-10001"),
        K::InvalidNumber,
    ),
    (
        "australia_post",
        "too_many_ids.json",
        Some("51101"),
        K::Other,
    ),
    ("asendia", "sync_not_found.json", Some("404"), K::NotFound),
    (
        "asendia",
        "us_auth_error.json",
        Some("401"),
        K::Unauthorized,
    ),
    ("bring", "not_found.json", Some("404"), K::NotFound),
    (
        "bring",
        "service_unavailable.json",
        Some("503"),
        K::Unavailable,
    ),
    ("parcel_one", "not_found.json", None, K::NotFound),
    ("tnt", "unauthorized.xml", Some("9000"), K::Unauthorized),
    ("chronopost", "system_error.xml", Some("1"), K::Unavailable),
    (
        "landmark",
        "error_login.xml",
        Some("Login"),
        K::Unauthorized,
    ),
    (
        "smartkargo",
        "not_found.json",
        Some("NOT_FOUND"),
        K::NotFound,
    ),
    (
        "smartkargo",
        "unauthorized.json",
        Some("401"),
        K::Unauthorized,
    ),
    ("teleship", "not_found.json", Some("404"), K::NotFound),
    ("teleship", "bad_request.json", Some("400"), K::Other),
    (
        "aramex",
        "invalid_credentials.xml",
        Some("ERR01"),
        K::Unauthorized,
    ),
    (
        "aramex",
        "json_invalid_credentials.json",
        Some("ERR01"),
        K::Unauthorized,
    ),
    ("aramex", "not_found.xml", None, K::NotFound),
    ("correos", "no_traceability.json", Some("3"), K::NotFound),
    (
        "packeta",
        "fault_packet_id.xml",
        Some("PacketIdFault"),
        K::InvalidNumber,
    ),
    (
        "nova_poshta",
        "document_number_not_correct.json",
        Some("20001401442"),
        K::InvalidNumber,
    ),
    (
        "cdek",
        "entity_not_found.json",
        Some("v2_entity_not_found"),
        K::NotFound,
    ),
    (
        "nz_post",
        "invalid_parameter.json",
        Some("400002"),
        K::Other,
    ),
    (
        "russian_post",
        "fault_invalid_request.xml",
        Some("OperationHistoryFault"),
        K::Other,
    ),
    // e001 is both "no information" and "attributes do not correspond".
    ("hermes_de", "not_found.json", Some("e001"), K::Other),
];

#[test]
fn each_documented_error_answer_has_its_kind() {
    let mut wrong = Vec::new();
    for &(id, name, want_code, want) in ANSWERS {
        let carrier: Carrier = id.parse().unwrap();
        let e = wismo::parse(carrier, &fixture(id, name)).unwrap_err();
        let Error::CarrierError { code, kind, .. } = &e else {
            wrong.push(format!("{id}/{name}: not a carrier error: {e}"));
            continue;
        };
        if code.as_deref() != want_code || *kind != want || e.kind() != Some(want) {
            wrong.push(format!(
                "{id}/{name}: code {code:?} kind {kind}, want {want_code:?} {want}"
            ));
        }
        assert_eq!(e.classify(), Category::Carrier, "{id}/{name}");
        assert_eq!(e.retryable(), want.retryable(), "{id}/{name}");
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_kind_is_mapped_for_some_carrier() {
    for k in K::ALL {
        if k == K::RateLimited {
            continue; // tested from documented HTTP statuses below
        }
        assert!(ANSWERS.iter().any(|a| a.3 == k), "{k}: no fixture");
    }
}

/// Answers in the carriers' documented error shapes, for codes and statuses
/// the fixtures lack (a 429, a 5xx, FedEx's and UPS's authentication codes).
#[test]
fn http_statuses_in_problem_bodies() {
    let cases: &[(Carrier, &str, K)] = &[
        (
            Carrier::DhlUnified,
            r#"{"type":"about:blank","title":"Too many requests","status":429,"detail":"Rate limit exceeded"}"#,
            K::RateLimited,
        ),
        (
            Carrier::DhlUnified,
            r#"{"title":"Unauthorized","status":401,"detail":"Invalid API key"}"#,
            K::Unauthorized,
        ),
        (
            Carrier::DhlUnified,
            r#"{"title":"Internal Server Error","status":500,"detail":"x"}"#,
            K::Unavailable,
        ),
        (
            Carrier::Fedex,
            r#"{"transactionId":"x","errors":[{"code":"SERVICE.UNAVAILABLE.ERROR","message":"The service is currently unavailable"}]}"#,
            K::Unavailable,
        ),
        (
            Carrier::Fedex,
            r#"{"transactionId":"x","errors":[{"code":"NOT.AUTHORIZED.ERROR","message":"Access token expired"}]}"#,
            K::Unauthorized,
        ),
        (
            Carrier::Ups,
            r#"{"response":{"errors":[{"code":"250002","message":"Invalid Authentication Information."}]}}"#,
            K::Unauthorized,
        ),
        (
            Carrier::Usps,
            r#"{"apiVersion":"/tracking/v3","error":{"code":"429","message":"Too Many Requests"}}"#,
            K::RateLimited,
        ),
        (
            Carrier::Usps,
            r#"{"apiVersion":"/tracking/v3","error":{"code":"404","message":"Not found"}}"#,
            K::NotFound,
        ),
        (
            Carrier::CanadaPost,
            r#"<messages xmlns="http://www.canadapost.ca/ws/messages"><message><code>E002</code><description>AAA Authentication Failure</description></message></messages>"#,
            K::Unauthorized,
        ),
        (
            Carrier::DhlEcommerce,
            r#"{"title":"No result found","detail":"No shipment with given tracking number found.","status":404,"instance":"/shipment/8264715546"}"#,
            K::NotFound,
        ),
        // An unknown code is Other, never a guess.
        (
            Carrier::Ups,
            r#"{"response":{"errors":[{"code":"XX9999","message":"Something"}]}}"#,
            K::Other,
        ),
    ];
    for (carrier, body, want) in cases {
        let e = wismo::parse(*carrier, body.as_bytes()).unwrap_err();
        assert_eq!(e.kind(), Some(*want), "{carrier}: {e}");
        assert_eq!(e.retryable(), want.retryable(), "{carrier}: {e}");
    }
}

#[test]
fn retryable_answers() {
    assert!(K::NotFound.retryable());
    assert!(K::RateLimited.retryable());
    assert!(K::Unavailable.retryable());
    assert!(!K::InvalidNumber.retryable());
    assert!(!K::Unauthorized.retryable());
    assert!(!K::Other.retryable());
    let ups = |name| wismo::parse(Carrier::Ups, &fixture("ups", name)).unwrap_err();
    assert!(ups("not_found.json").retryable(), "TW0001: try again later");
    assert!(
        !ups("invalid_number.json").retryable(),
        "TV1002: tell the customer"
    );
    // A gateway's HTML page or an empty answer: the service is down, retry.
    assert!(
        wismo::parse(Carrier::Ups, b"<html><body>502 Bad Gateway</body></html>")
            .unwrap_err()
            .retryable()
    );
    assert!(wismo::parse(Carrier::Ups, b"").unwrap_err().retryable());
    // A body of the wrong shape fails the same way every time.
    assert!(!wismo::parse(Carrier::Ups, b"{\"trackResponse\": 5}")
        .unwrap_err()
        .retryable());
    assert!(!wismo::parse(Carrier::Ups, b"null").unwrap_err().retryable());
    // Errors that are not carrier answers have no kind.
    assert_eq!(wismo::parse(Carrier::Ups, b"{}").unwrap_err().kind(), None);
}

#[test]
fn category_and_kind_strings() {
    let words: Vec<_> = Category::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(words, ["syntax", "data", "carrier", "limit", "usage"]);
    for c in Category::ALL {
        assert_eq!(c.to_string(), c.as_str());
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, format!("\"{}\"", c.as_str()));
        assert_eq!(serde_json::from_str::<Category>(&json).unwrap(), c);
    }
    let words: Vec<_> = K::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(
        words,
        [
            "not_found",
            "invalid_number",
            "unauthorized",
            "rate_limited",
            "unavailable",
            "other"
        ]
    );
    for k in K::ALL {
        assert_eq!(k.to_string(), k.as_str());
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(json, format!("\"{}\"", k.as_str()));
        assert_eq!(serde_json::from_str::<K>(&json).unwrap(), k);
    }
    assert_eq!(K::from_http_status(404), K::NotFound);
    assert_eq!(K::from_http_status(410), K::NotFound);
    assert_eq!(K::from_http_status(401), K::Unauthorized);
    assert_eq!(K::from_http_status(403), K::Unauthorized);
    assert_eq!(K::from_http_status(429), K::RateLimited);
    assert_eq!(K::from_http_status(503), K::Unavailable);
    assert_eq!(K::from_http_status(400), K::Other);
}

fn parsers() -> Vec<Carrier> {
    let all: Vec<_> = Carrier::ALL
        .iter()
        .copied()
        .filter(|c| c.has_parser())
        .collect();
    assert!(all.len() >= 40, "{}", all.len());
    all
}

/// No message names a Rust type (`struct Body`, `Option`, `Vec`).
fn no_type_names(msg: &str) {
    for word in ["struct ", "enum ", "Option<", "Vec<", "Str<", "unit value"] {
        assert!(!msg.contains(word), "{msg}");
    }
}

#[test]
fn html_bodies_say_html() {
    let page = b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\
                 <body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n";
    for carrier in parsers() {
        let e = wismo::parse(carrier, page).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.starts_with(&format!("{carrier}: body is HTML, not ")),
            "{msg}"
        );
        assert!(
            matches!(e, Error::BodyFormat { found: "HTML", .. }),
            "{msg}"
        );
        assert_eq!(e.classify(), Category::Syntax, "{msg}");
        assert!(e.retryable(), "{msg}");
        no_type_names(&msg);
    }
    let e = wismo::parse(Carrier::Ups, page).unwrap_err();
    assert_eq!(e.to_string(), "ups: body is HTML, not JSON");
    let e = wismo::parse(Carrier::Dpd, page).unwrap_err();
    assert_eq!(e.to_string(), "dpd: body is HTML, not XML");
}

#[test]
fn empty_bodies_say_empty() {
    for body in [&b""[..], b"   \r\n", b"\xEF\xBB\xBF"] {
        for carrier in parsers() {
            let e = wismo::parse(carrier, body).unwrap_err();
            let msg = e.to_string();
            assert!(
                msg.starts_with(&format!("{carrier}: body is empty")),
                "{msg}"
            );
            assert!(
                matches!(e, Error::BodyFormat { found: "empty", .. }),
                "{msg}"
            );
            no_type_names(&msg);
        }
    }
    assert_eq!(
        wismo::parse(Carrier::Ups, b"").unwrap_err().to_string(),
        "ups: body is empty (expected JSON)"
    );
}

#[test]
fn null_and_plain_text_bodies_say_what_they_are() {
    for carrier in parsers() {
        for body in [
            &b"null"[..],
            b"Service Unavailable",
            b"42",
            b"\"x\"",
            b"true",
        ] {
            let msg = match wismo::parse(carrier, body) {
                // Some carriers document a bare string or `null` answer
                // (SmartKargo's 400 is a JSON string; an empty list is no
                // tracking).
                Ok(_) => continue,
                Err(Error::CarrierError { .. }) => continue,
                Err(e) => e.to_string(),
            };
            assert!(msg.starts_with(&format!("{carrier}: body is ")), "{msg}");
            no_type_names(&msg);
        }
    }
    assert_eq!(
        wismo::parse(Carrier::Ups, b"null").unwrap_err().to_string(),
        "ups: body is `null`, not a JSON object"
    );
    assert_eq!(
        wismo::parse(Carrier::Fedex, b"Service Unavailable")
            .unwrap_err()
            .to_string(),
        "fedex: body is plain text, not JSON"
    );
    assert_eq!(
        wismo::parse(Carrier::Ups, b"42").unwrap_err().to_string(),
        "ups: body is a JSON number, not a JSON object"
    );
    assert_eq!(
        wismo::parse(Carrier::CanadaPost, b"{\"tracking\": 1}")
            .unwrap_err()
            .to_string(),
        "canada_post: body is JSON, not XML"
    );
    assert_eq!(
        wismo::parse(Carrier::Ups, b"<?xml version=\"1.0\"?><TrackResponse/>")
            .unwrap_err()
            .to_string(),
        "ups: body is XML, not JSON"
    );
}

#[test]
fn wrong_shapes_name_json_shapes_not_rust_types() {
    for carrier in parsers() {
        for body in [
            &b"{\"a\": [1, {\"b\": null}]}"[..],
            b"[1, 2]",
            b"[null]",
            b"{}",
        ] {
            if let Err(e) = wismo::parse(carrier, body) {
                no_type_names(&e.to_string());
            }
        }
    }
}

#[test]
fn ups_body_of_neither_shape_says_both_were_tried() {
    let e = wismo::parse(Carrier::Ups, br#"{"hello": "world"}"#).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("Track API response"), "{msg}");
    assert!(msg.contains("Track Alert webhook"), "{msg}");
    assert!(msg.contains("both shapes were tried"), "{msg}");
    assert_eq!(e.classify(), Category::Data);
}
