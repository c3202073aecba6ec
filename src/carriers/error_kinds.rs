//! What a carrier's error answer means ([`CarrierErrorKind`]), from the
//! carrier's documented error codes: one table per carrier, in one place.
//! [`kind`] is applied to every [`Error::CarrierError`] a parser returns (in
//! [`super::parse`]), so parsers only pass the code on.
//!
//! Carriers whose error bodies carry the HTTP status as their code (RFC 7807
//! problem objects, `returnCode`, `httpCode`, …) are marked `http`: a
//! three-digit code 400–599 there is read by
//! [`CarrierErrorKind::from_http_status`] when the table has no row for it.

use crate::{Carrier, CarrierErrorKind, Error};
use CarrierErrorKind::{InvalidNumber, NotFound, Other, Unauthorized, Unavailable};

/// How a row's pattern matches a code: exactly (ASCII case-insensitive), or
/// as a prefix when the pattern ends with `*`.
type Row = (&'static str, CarrierErrorKind);

/// A carrier's table: its rows, and whether its codes may be HTTP statuses.
struct Table {
    rows: &'static [Row],
    http: bool,
}

// UPS Track API error answers `{"response": {"errors": [{"code", "message"}]}}`
// (Tracking.yaml in karrio's `ups/vendors`; the codes from UPS's published
// answers, fixtures `ups/not_found` and `ups/invalid_number`): TW0001
// "Tracking Information Not Found", TV1002 "Invalid inquiry number", 250002
// "Invalid Authentication Information" (the OAuth/entitlement refusal).
const UPS: Table = Table {
    rows: &[
        ("TW0001", NotFound),
        ("TV1002", InvalidNumber),
        ("250002", Unauthorized),
    ],
    http: false,
};

// FedEx Track API (track.json in karrio's `fedex/vendor`, the API's OpenAPI
// document: error examples per HTTP status).
const FEDEX: Table = Table {
    rows: &[
        ("TRACKING.TRACKINGNUMBER.NOTFOUND", NotFound),
        ("TRACKING.TCN.NOTFOUND", NotFound),
        ("TRACKING.DATA.NOTFOUND", NotFound),
        ("TRACKING.TRACKINGNUMBER.EMPTY", InvalidNumber),
        ("NOT.AUTHORIZED.ERROR", Unauthorized),
        ("FORBIDDEN.ERROR", Unauthorized),
        ("INTERNAL.SERVER.ERROR", Unavailable),
        ("SERVICE.UNAVAILABLE.ERROR", Unavailable),
    ],
    http: false,
};

// USPS Tracking 3.0 (tracking.yaml in karrio's `usps/vendor`): `error.code`
// is "the error status code", the HTTP status.
const USPS: Table = Table {
    rows: &[],
    http: true,
};

// DHL Shipment Tracking – Unified (developer.dhl.com): RFC 7807 problems
// with `status` 401, 404 ("No result found"), 429, 5xx. DHL Express MyDHL
// API (dpdhl-express-api-3.1.1_swagger.yaml in karrio's `mydhl/vendors`):
// problems with `status`.
const HTTP_ONLY: Table = Table {
    rows: &[],
    http: true,
};

// GLS ShipIT / Track and Trace API (the parser's spec and fixtures
// `gls/not_found`, `gls/token_expired`): per-parcel `errorCode` E_404_01
// "Resource Not Found"; the API gateway's `steps.jwt.TokenExpired` fault;
// problems with an HTTP `status`.
const GLS: Table = Table {
    rows: &[("E_404_*", NotFound), ("steps.jwt.*", Unauthorized)],
    http: true,
};

// MyGLS API for system integration (GetParcelStatusErrors.ErrorCode): -1
// "Unauthorized.", 9 unknown parcel number.
const GLS_MYGLS: Table = Table {
    rows: &[("-1", Unauthorized), ("9", NotFound)],
    http: false,
};

// Royal Mail Tracking API v2 (`httpCode` and `errors[].errorCode`): E1142
// "Barcode reference mailPieceId is not recognised".
const ROYAL_MAIL: Table = Table {
    rows: &[("E1142", NotFound)],
    http: true,
};

// Sendle API (`error`: `not_found`).
const SENDLE: Table = Table {
    rows: &[("not_found", NotFound)],
    http: false,
};

// Amazon Shipping API v2 getTracking (`errors[].code`, fixture
// `amazon_shipping/invalid_tracking_id`): InvalidTrackingId.
const AMAZON_SHIPPING: Table = Table {
    rows: &[("InvalidTrackingId", InvalidNumber)],
    http: false,
};

// InPost ShipX API (`{"status": 404, "error": "resource_not_found"}`; the
// parser takes `error` as the code, else the HTTP status).
const INPOST: Table = Table {
    rows: &[("resource_not_found", NotFound)],
    http: true,
};

// La Poste / Colissimo Suivi API v2 (`returnCode`: 400 invalid number, 404
// unknown number, 401 bad key; fixtures `la_poste/invalid_number`).
const LA_POSTE: Table = Table {
    rows: &[("400", InvalidNumber)],
    http: true,
};

// DHL Parcel DE tracking XML (`data code="100"` "No data found").
const DHL_PARCEL_DE: Table = Table {
    rows: &[("100", NotFound)],
    http: false,
};

// Canada Post Tracking (`messages/message/code`): 004 "No Pin History"
// (fixture `canada_post/no_pin_history`), E002 "AAA Authentication Failure"
// (the error answer in karrio's `canadapost/tests/.../test_tracking.py`).
const CANADA_POST: Table = Table {
    rows: &[("004", NotFound), ("E002", Unauthorized)],
    http: false,
};

// DPD Germany ParcelLifeCycle SOAP faults (`errorCode`).
const DPD: Table = Table {
    rows: &[("DELICOM_ERR_AUTHENTICATION", Unauthorized)],
    http: false,
};

// Australia Post Tracking API (`errors[].code`): ESB-10001 "Invalid
// tracking ID".
const AUSTRALIA_POST: Table = Table {
    rows: &[("ESB-10001", InvalidNumber)],
    http: false,
};

// TNT ExpressConnect tracking (`Error/Code` 9000 "Unauthorized Access").
const TNT: Table = Table {
    rows: &[("9000", Unauthorized)],
    http: false,
};

// Chronopost tracking SOAP (`errorCode` 1 "System Error").
const CHRONOPOST: Table = Table {
    rows: &[("1", Unavailable)],
    http: false,
};

// Landmark Global Track API (`Errors/Error/ErrorCode` `Login`).
const LANDMARK: Table = Table {
    rows: &[("Login", Unauthorized)],
    http: false,
};

// SmartKargo (`error.code` NOT_FOUND; a 401 `{"statusCode": 401}`).
const SMARTKARGO: Table = Table {
    rows: &[("NOT_FOUND", NotFound)],
    http: true,
};

// Aramex Shipment Tracking (`Notifications/Notification/Code` ERR01
// "ClientInfo - Invalid username or password").
const ARAMEX: Table = Table {
    rows: &[("ERR01", Unauthorized)],
    http: false,
};

// Correos (`error.codError` 3 "Sin Trazabilidad": no tracking yet).
const CORREOS: Table = Table {
    rows: &[("3", NotFound)],
    http: false,
};

// Russian Post OperationHistory SOAP faults (`AuthorizationFaultReason`).
const RUSSIAN_POST: Table = Table {
    rows: &[("AuthorizationFault*", Unauthorized)],
    http: false,
};

// Packeta API (`PacketIdFault` "Unknown packet": the id Packeta gave the
// shop is wrong).
const PACKETA: Table = Table {
    rows: &[("PacketIdFault", InvalidNumber)],
    http: false,
};

// Nova Poshta API 2.0 (`errorCodes`: 20001401442 "Document number is not
// correct").
const NOVA_POSHTA: Table = Table {
    rows: &[("20001401442", InvalidNumber)],
    http: false,
};

// CDEK API v2 (`requests[].errors[].code`: v2_entity_not_found).
const CDEK: Table = Table {
    rows: &[("v2_entity_not_found", NotFound)],
    http: false,
};

const NONE: Table = Table {
    rows: &[],
    http: false,
};

fn table(carrier: Carrier) -> &'static Table {
    match carrier {
        Carrier::Ups => &UPS,
        Carrier::Fedex => &FEDEX,
        Carrier::Usps => &USPS,
        Carrier::DhlUnified
        | Carrier::DhlEcommerce
        | Carrier::DhlExpress
        | Carrier::Asendia
        | Carrier::Bring
        | Carrier::Teleship => &HTTP_ONLY,
        Carrier::Gls => &GLS,
        Carrier::GlsMygls => &GLS_MYGLS,
        Carrier::RoyalMail => &ROYAL_MAIL,
        Carrier::Sendle => &SENDLE,
        Carrier::AmazonShipping => &AMAZON_SHIPPING,
        Carrier::Inpost => &INPOST,
        Carrier::LaPoste | Carrier::Colissimo => &LA_POSTE,
        Carrier::DhlParcelDe => &DHL_PARCEL_DE,
        Carrier::CanadaPost => &CANADA_POST,
        Carrier::Dpd => &DPD,
        Carrier::AustraliaPost => &AUSTRALIA_POST,
        Carrier::Tnt => &TNT,
        Carrier::Chronopost => &CHRONOPOST,
        Carrier::Landmark => &LANDMARK,
        Carrier::Smartkargo => &SMARTKARGO,
        Carrier::Aramex => &ARAMEX,
        Carrier::Correos => &CORREOS,
        Carrier::RussianPost => &RUSSIAN_POST,
        Carrier::Packeta => &PACKETA,
        Carrier::NovaPoshta => &NOVA_POSHTA,
        Carrier::Cdek => &CDEK,
        _ => &NONE,
    }
}

/// The kind of `carrier`'s error `code`: its table's row, else (for carriers
/// whose codes are HTTP statuses) the status's kind, else `Other`.
pub(crate) fn kind(carrier: Carrier, code: Option<&str>) -> CarrierErrorKind {
    let Some(code) = code.map(str::trim).filter(|c| !c.is_empty()) else {
        return Other;
    };
    let t = table(carrier);
    let row = t
        .rows
        .iter()
        .find(|(pattern, _)| match pattern.strip_suffix('*') {
            Some(prefix) => code
                .get(..prefix.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(prefix)),
            None => code.eq_ignore_ascii_case(pattern),
        });
    if let Some(&(_, k)) = row {
        return k;
    }
    match code.parse::<u16>() {
        Ok(status @ 400..=599) if t.http && code.len() == 3 => {
            CarrierErrorKind::from_http_status(status)
        }
        _ => Other,
    }
}

/// Gives a carrier error answer the kind of its code, unless its parser
/// already knew it (a kind other than `Other`).
pub(crate) fn with_kind(e: Error) -> Error {
    match e {
        Error::CarrierError {
            carrier,
            code,
            message,
            kind: Other,
        } => Error::CarrierError {
            kind: kind(carrier, code.as_deref()),
            carrier,
            code,
            message,
        },
        e => e,
    }
}
