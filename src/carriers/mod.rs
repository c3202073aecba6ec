//! One parser per carrier format, and the steps they share: reading JSON into
//! borrowed typed structs, timestamps in the carriers' many shapes, locations.

use crate::event::{EventTime, Location};
use crate::{Carrier, Error, Tracking};
use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use serde::Deserialize;
use std::borrow::Cow;
use std::marker::PhantomData;

mod amazon_shipping;
mod aramex;
mod asendia;
mod australia_post;
mod bpost;
mod bring;
mod canada_post;
mod canpar;
mod cdek;
mod chronopost;
mod correos;
mod ctt_express;
mod dhl_express;
mod dhl_parcel_de;
mod dhl_unified;
mod dpd;
mod error_kinds;
mod fedex;
mod gls;
mod gls_mygls;
mod hermes_de;
mod inpost;
mod la_poste;
mod landmark;
mod ninja_van;
mod nova_poshta;
mod nz_post;
mod packeta;
mod parcel_one;
mod postnl;
mod postnord;
mod purolator;
mod royal_mail;
mod russian_post;
mod sendle;
mod smartkargo;
mod spring;
mod teleship;
mod tnt;
mod ukrposhta;
mod ups;
mod usps;
pub(crate) mod xml;

/// Dispatches to the carrier's parser, then reads the text of events whose
/// code was absent or unmapped (see [`classify_unmapped`]).
/// `lang` is the language of the carrier's texts for the classifier
/// ([`text_language`] unless a [`Normalizer`](crate::Normalizer) says otherwise).
pub(crate) fn parse(
    carrier: Carrier,
    body: &[u8],
    lang: Option<crate::Lang>,
) -> Result<Vec<Tracking>, Error> {
    let mut trackings = parse_format(carrier, body).map_err(|e| explain(carrier, body, e))?;
    for t in &mut trackings {
        if interpret(lang, t) {
            t.refresh();
        }
    }
    Ok(trackings)
}

/// What `wismo` reads beyond the code tables, after a parser (and after
/// [`Normalizer::remap`](crate::Normalizer::remap)): the texts of events
/// without a mapped code, and the texts of events whose code is only a
/// category (a `coarse` row). Returns whether an event changed.
pub(crate) fn interpret(lang: Option<crate::Lang>, t: &mut Tracking) -> bool {
    let refined = refine_coarse(lang, t);
    classify_unmapped(lang, t) | refined
}

/// A sure reading of `text` in the carrier's language, or else in English
/// (carriers' APIs answer in their language or in English).
fn sure_reading(
    text: &str,
    lang: Option<crate::Lang>,
) -> Option<(crate::Status, crate::Substatus, f32)> {
    if text.trim().is_empty() {
        return None;
    }
    let sure = |r: Option<(crate::Status, crate::Substatus, f32)>| {
        r.filter(|&(_, _, confidence)| confidence >= crate::text::SURE)
    };
    sure(crate::classify(text, lang)).or_else(|| {
        lang.filter(|&l| l != crate::Lang::En)
            .and_then(|_| sure(crate::classify(text, Some(crate::Lang::En))))
    })
}

/// The ETA hint a status read from text implies.
fn implied_eta(status: crate::Status) -> crate::EtaHint {
    use crate::{EtaHint, Status};
    match status {
        Status::OutForDelivery => EtaHint::SameDay,
        Status::AvailableForPickup => EtaHint::AwaitingRecipient,
        Status::Delivered | Status::Cancelled => EtaHint::Final,
        _ => EtaHint::None,
    }
}

/// Gives events mapped by a `coarse` row (a category such as DHL's
/// `transit`) the meaning of their own text when the classifier is sure of
/// it and it says more than the category. The event keeps its raw code and
/// mapping key, stays `mapped`, and is marked `classified`: its meaning came
/// from the text. A row without the `coarse` flag is never overridden.
fn refine_coarse(lang: Option<crate::Lang>, t: &mut Tracking) -> bool {
    let carrier = t.carrier;
    let mut any = false;
    for e in t.events.iter_mut().filter(|e| e.mapped) {
        let Some(key) = e.mapping_key.as_deref() else {
            continue;
        };
        let Some(row) = carrier.find(key).filter(|h| h.is_coarse()) else {
            continue;
        };
        let reading = sure_reading(&e.description, lang);
        // Under the row's own status, only a generic substatus (the one
        // named like the status) is refined: the row's specific one stays.
        let says_more = |status: crate::Status, substatus: crate::Substatus| {
            if status != row.status() {
                return true;
            }
            let generic = row.substatus().as_str() == row.status().as_str()
                || row.substatus() == crate::Substatus::Unmapped;
            generic && substatus != row.substatus()
        };
        match reading {
            Some((status, substatus, _)) if says_more(status, substatus) => {
                if status != row.status() {
                    e.reason = None;
                    e.eta = implied_eta(status);
                }
                e.status = status;
                e.substatus = substatus;
                e.classified = true;
                any = true;
            }
            _ if e.classified => {
                // Refined before (a stored tracking), no longer sure now.
                e.apply_hit(&row);
                any = true;
            }
            _ => {}
        }
    }
    any
}

/// The language carriers write their event texts in, as a hint for the
/// classifier (`None`: several or English).
pub(crate) fn text_language(carrier: Carrier) -> Option<crate::Lang> {
    use crate::Lang;
    Some(match carrier {
        Carrier::DhlParcelDe | Carrier::HermesDe => Lang::De,
        Carrier::Postnl => Lang::Nl,
        Carrier::LaPoste | Carrier::Colissimo | Carrier::Chronopost => Lang::Fr,
        Carrier::Inpost => Lang::Pl,
        _ => return None,
    })
}

/// Gives events without a mapped code the meaning of their text, when the
/// classifier is sure of it ([`sure_reading`]: an unknown code stays unknown
/// unless its text is read with certainty); they are marked `classified`.
/// Returns whether any was.
fn classify_unmapped(lang: Option<crate::Lang>, t: &mut Tracking) -> bool {
    let mut any = false;
    for e in t
        .events
        .iter_mut()
        .filter(|e| !e.mapped && !e.description.trim().is_empty())
    {
        if let Some((status, substatus, _)) = sure_reading(&e.description, lang) {
            e.status = status;
            e.substatus = substatus;
            e.eta = implied_eta(status);
            e.classified = true;
            any = true;
        } else if e.classified {
            // Read before (a stored tracking), no longer sure now.
            e.forget_meaning();
            any = true;
        }
    }
    any
}

/// Whether [`parse_format`] has a parser for `carrier`: the same carriers as
/// its match arms (a test in `tests/detect.rs` holds the two together).
pub(crate) const fn has_parser(carrier: Carrier) -> bool {
    matches!(
        carrier,
        Carrier::Ups
            | Carrier::Fedex
            | Carrier::Usps
            | Carrier::DhlUnified
            | Carrier::DhlEcommerce
            | Carrier::Postnl
            | Carrier::DhlExpress
            | Carrier::Gls
            | Carrier::GlsMygls
            | Carrier::RoyalMail
            | Carrier::Sendle
            | Carrier::AmazonShipping
            | Carrier::Inpost
            | Carrier::LaPoste
            | Carrier::Colissimo
            | Carrier::DhlParcelDe
            | Carrier::HermesDe
            | Carrier::Bring
            | Carrier::CanadaPost
            | Carrier::Purolator
            | Carrier::Dpd
            | Carrier::Bpost
            | Carrier::AustraliaPost
            | Carrier::Asendia
            | Carrier::ParcelOne
            | Carrier::Tnt
            | Carrier::Chronopost
            | Carrier::Landmark
            | Carrier::Smartkargo
            | Carrier::Teleship
            | Carrier::Spring
            | Carrier::Aramex
            | Carrier::Postnord
            | Carrier::NinjaVan
            | Carrier::CttExpress
            | Carrier::NzPost
            | Carrier::Correos
            | Carrier::RussianPost
            | Carrier::Packeta
            | Carrier::NovaPoshta
            | Carrier::Cdek
            | Carrier::Ukrposhta
            | Carrier::Canpar
    )
}

/// Makes a parser's error say what a service can do: a carrier error answer
/// gets its [`CarrierErrorKind`](crate::CarrierErrorKind) from the carrier's
/// table ([`error_kinds`]), and a body that is not the carrier's format at
/// all (empty, an HTML page, plain text, `null`) says so in words
/// ([`Error::BodyFormat`]) instead of what the JSON or XML reader stumbled on.
fn explain(carrier: Carrier, body: &[u8], e: Error) -> Error {
    match e {
        Error::CarrierError { .. } => error_kinds::with_kind(e),
        Error::Json { .. }
        | Error::Xml { .. }
        | Error::MissingField { .. }
        | Error::Invalid { .. } => match body_format(carrier, body, &e) {
            Some((found, expected)) => Error::BodyFormat {
                carrier,
                found,
                expected,
            },
            None => e,
        },
        e => e,
    }
}

/// The formats `carrier`'s parser reads.
const fn formats(carrier: Carrier) -> &'static str {
    match carrier {
        Carrier::Aramex => "JSON or XML",
        Carrier::Bpost
        | Carrier::CanadaPost
        | Carrier::Canpar
        | Carrier::Chronopost
        | Carrier::DhlParcelDe
        | Carrier::Dpd
        | Carrier::Landmark
        | Carrier::Packeta
        | Carrier::Purolator
        | Carrier::RussianPost
        | Carrier::Tnt => "XML",
        _ => "JSON",
    }
}

/// What a body that failed to parse is, when it is plainly not the format
/// expected: `(found, expected)` for [`Error::BodyFormat`]. `None` when the
/// body looks like the right format (the parser's own error then stands).
fn body_format(carrier: Carrier, body: &[u8], e: &Error) -> Option<(&'static str, &'static str)> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let start = body.iter().position(|b| !b.is_ascii_whitespace());
    let expected = formats(carrier);
    let Some(start) = start else {
        return Some(("empty", expected));
    };
    let body = &body[start..];
    let head = &body[..body.len().min(512)];
    let has = |needle: &[u8]| {
        head.windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    };
    if body[0] == b'<' {
        // `<body` only as the first tag: SOAP's `<Body>` is not HTML.
        let first_tag = |t: &[u8]| body.starts_with(t);
        if has(b"<!doctype html")
            || has(b"<html")
            || first_tag(b"<body")
            || first_tag(b"<head")
            || first_tag(b"<title>")
            || first_tag(b"<h1>")
        {
            return Some(("HTML", expected));
        }
        return (expected == "JSON").then_some(("XML", expected));
    }
    if expected == "XML" {
        return Some(match body[0] {
            b'{' | b'[' => ("JSON", expected),
            _ => ("plain text", expected),
        });
    }
    // JSON expected. Only a reader's error at the top of the body is about
    // the body as a whole; deeper errors keep their path.
    if !matches!(e, Error::Json { .. } | Error::Xml { .. }) {
        return None;
    }
    let found = match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(serde_json::Value::Null) => "`null`",
        Ok(serde_json::Value::String(_)) => "a JSON string",
        Ok(serde_json::Value::Number(_)) => "a JSON number",
        Ok(serde_json::Value::Bool(_)) => "a JSON boolean",
        Ok(_) => return None,
        Err(_) if matches!(body[0], b'{' | b'[' | b'"' | b'-' | b'0'..=b'9') => return None,
        Err(_)
            if body.starts_with(b"null")
                || body.starts_with(b"true")
                || body.starts_with(b"false") =>
        {
            return None
        }
        Err(_) => return Some(("plain text", expected)),
    };
    Some((found, "a JSON object"))
}

/// The format parser of `carrier`.
fn parse_format(carrier: Carrier, body: &[u8]) -> Result<Vec<Tracking>, Error> {
    match carrier {
        Carrier::Ups => ups::parse(body),
        Carrier::Fedex => fedex::parse(body),
        Carrier::Usps => usps::parse(body),
        Carrier::DhlUnified | Carrier::DhlEcommerce => dhl_unified::parse_for(carrier, body),
        Carrier::Postnl => postnl::parse(body),
        Carrier::DhlExpress => dhl_express::parse(body),
        Carrier::Gls => gls::parse(body),
        Carrier::GlsMygls => gls_mygls::parse(body),
        Carrier::RoyalMail => royal_mail::parse(body),
        Carrier::Sendle => sendle::parse(body),
        Carrier::AmazonShipping => amazon_shipping::parse(body),
        Carrier::Inpost => inpost::parse(body),
        Carrier::LaPoste | Carrier::Colissimo => la_poste::parse_for(carrier, body),
        Carrier::DhlParcelDe => dhl_parcel_de::parse(body),
        Carrier::HermesDe => hermes_de::parse(body),
        Carrier::Bring => bring::parse(body),
        Carrier::CanadaPost => canada_post::parse(body),
        Carrier::Purolator => purolator::parse(body),
        Carrier::Dpd => dpd::parse(body),
        Carrier::Bpost => bpost::parse(body),
        Carrier::AustraliaPost => australia_post::parse(body),
        Carrier::Asendia => asendia::parse(body),
        Carrier::ParcelOne => parcel_one::parse(body),
        Carrier::Tnt => tnt::parse(body),
        Carrier::Chronopost => chronopost::parse(body),
        Carrier::Landmark => landmark::parse(body),
        Carrier::Smartkargo => smartkargo::parse(body),
        Carrier::Teleship => teleship::parse(body),
        Carrier::Spring => spring::parse(body),
        Carrier::Aramex => aramex::parse(body),
        Carrier::Postnord => postnord::parse(body),
        Carrier::NinjaVan => ninja_van::parse(body),
        Carrier::CttExpress => ctt_express::parse(body),
        Carrier::NzPost => nz_post::parse(body),
        Carrier::Correos => correos::parse(body),
        Carrier::RussianPost => russian_post::parse(body),
        Carrier::Packeta => packeta::parse(body),
        Carrier::NovaPoshta => nova_poshta::parse(body),
        Carrier::Cdek => cdek::parse(body),
        Carrier::Ukrposhta => ukrposhta::parse(body),
        Carrier::Canpar => canpar::parse(body),
        other => Err(Error::Unsupported { carrier: other }),
    }
}

/// A string field of a JSON body, borrowed from the body (owned only when it
/// had escapes). Numbers and booleans where a carrier documents a string are
/// read as their text. Unlike `Option<Cow<str>>`, whose serde impl always
/// copies, `Option<Str>` borrows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Str<'a>(pub(crate) Cow<'a, str>);

impl std::ops::Deref for Str<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(v.to_string())))
            }
            fn visit_string<E>(self, v: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(v.to_string())))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(v.to_string())))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(v.to_string())))
            }
            fn visit_bool<E>(self, v: bool) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(if v { "true" } else { "false" })))
            }
        }
        d.deserialize_any(V)
    }
}

/// Reads a JSON body into `T`, mapping errors to [`Error::Json`] (with line and
/// column). A UTF-8 BOM in front of the body is skipped.
///
/// The body is checked as UTF-8 once, as a whole, so serde_json need not
/// check every string again; a body that is not UTF-8 is read from its bytes,
/// so the error says where.
pub(crate) fn json<'a, T: Deserialize<'a>>(carrier: Carrier, body: &'a [u8]) -> Result<T, Error> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    match std::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(body),
    }
    .map_err(|source| Error::Json { carrier, source })
}

/// Deserializes a list field in every shape real answers give it: an array,
/// a single object (or string) where the list has one element (PostNL's
/// `Shipment`, Correos' `eventos`, XML-to-JSON bridges), `null`, or a missing
/// key (with `#[serde(default)]`): `null` and missing are empty. Inside a
/// [`Repeating`] object, every occurrence of a repeated key is read and the
/// lists are joined in order. Streams without buffering (no untagged enum).
pub(crate) fn one_or_many<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    // serde_json (and serde's own value deserializers) visit the value as a
    // newtype; `Repeated` answers this request with the occurrences instead.
    d.deserialize_newtype_struct(MANY, Occurrences(PhantomData))
}

/// [`one_or_many`] for an `Option<Vec<T>>` field (with `#[serde(default)]`):
/// `None` only when the key is missing; `null` is an empty list.
pub(crate) fn opt_one_or_many<'de, D, T>(d: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    one_or_many(d).map(Some)
}

/// The newtype name by which [`one_or_many`] asks for every occurrence of a
/// repeated key.
const MANY: &str = "$wismo::one_or_many";

/// One value in one-or-many shape: the elements of an array, one object or
/// scalar, nothing for `null`.
struct OneOrMany<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> serde::de::DeserializeSeed<'de> for OneOrMany<T> {
    type Value = Vec<T>;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_any(self)
    }
}

/// A scalar where a list of them was documented, as its one element.
macro_rules! one_scalar {
    ($($visit:ident($ty:ty) => $de:ident;)*) => {$(
        fn $visit<E: serde::de::Error>(self, v: $ty) -> Result<Vec<T>, E> {
            T::deserialize(serde::de::value::$de::<E>::new(v)).map(|x| vec![x])
        }
    )*};
}

impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for OneOrMany<T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array, one element or null")
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(x) = seq.next_element()? {
            out.push(x);
        }
        Ok(out)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Vec<T>, A::Error> {
        T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(|x| vec![x])
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_any(self)
    }
    one_scalar! {
        visit_borrowed_str(&'de str) => BorrowedStrDeserializer;
        visit_str(&str) => StrDeserializer;
        visit_string(String) => StringDeserializer;
        visit_u64(u64) => U64Deserializer;
        visit_i64(i64) => I64Deserializer;
        visit_f64(f64) => F64Deserializer;
        visit_bool(bool) => BoolDeserializer;
    }
}

/// The visitor of [`one_or_many`]: one value (a newtype visit, as serde_json
/// makes), or a sequence of occurrences of a repeated key (from
/// [`Repeated`]), each in one-or-many shape, joined.
struct Occurrences<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Occurrences<T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array, one element or null")
    }
    fn visit_newtype_struct<D: serde::Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_any(OneOrMany(PhantomData))
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // Occurrences (or, from a deserializer that does not visit newtypes,
        // the array itself: then each element is one-or-many of one).
        let mut out: Vec<T> = Vec::new();
        while let Some(more) = seq.next_element_seed(OneOrMany(PhantomData))? {
            if out.is_empty() {
                out = more;
            } else {
                out.extend(more);
            }
        }
        Ok(out)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Vec<T>, A::Error> {
        OneOrMany(PhantomData).visit_map(map)
    }
    fn visit_unit<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }
    fn visit_none<E: serde::de::Error>(self) -> Result<Vec<T>, E> {
        Ok(Vec::new())
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Vec<T>, D::Error> {
        d.deserialize_any(OneOrMany(PhantomData))
    }
    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Vec<T>, E> {
        OneOrMany(PhantomData).visit_borrowed_str(v)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Vec<T>, E> {
        OneOrMany(PhantomData).visit_str(v)
    }
}

/// An object whose list keys may come more than once, one occurrence per
/// element, as XML-to-JSON bridges write them (a published Correos answer
/// repeats `"eventos"` once per event); a derived struct would fail on the
/// second one ("duplicate field"). Implement it with [`impl_repeating!`] on a
/// struct derived with `#[serde(remote = "Self")]`, whose `LISTS` fields are
/// read with [`one_or_many`]: every occurrence that follows the first
/// directly is joined to it. (A list key that comes back after another key
/// is still a duplicate field.)
pub(crate) trait Repeating<'de>: Sized {
    /// The JSON keys that may repeat.
    const LISTS: &'static [&'static str];
    /// The derived reading of the object.
    fn derived<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

/// Implements [`Repeating`] and `Deserialize` for a struct with one lifetime
/// derived with `#[serde(remote = "Self")]`: `impl_repeating!(Envelope, ["eventos"]);`.
macro_rules! impl_repeating {
    ($ty:ident, [$($key:literal),+ $(,)?]) => {
        impl<'de: 'a, 'a> super::Repeating<'de> for $ty<'a> {
            const LISTS: &'static [&'static str] = &[$($key),+];
            fn derived<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $ty::deserialize(d)
            }
        }
        impl<'de: 'a, 'a> serde::Deserialize<'de> for $ty<'a> {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                super::repeating(d)
            }
        }
    };
}
pub(crate) use impl_repeating;

/// Reads a [`Repeating`] object.
pub(crate) fn repeating<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Repeating<'de>,
{
    struct V<T>(PhantomData<T>);
    impl<'de, T: Repeating<'de>> serde::de::Visitor<'de> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::derived(serde::de::value::MapAccessDeserializer::new(Merge {
                map,
                lists: T::LISTS,
                list: None,
                peeked: None,
                done: false,
            }))
        }
    }
    d.deserialize_map(V(PhantomData))
}

/// The entries of a [`Repeating`] object, with the value of a list key
/// standing for all its consecutive occurrences.
struct Merge<'de, A> {
    map: A,
    lists: &'static [&'static str],
    /// The list key whose value is next.
    list: Option<&'static str>,
    /// A key read while looking for more occurrences, not yet handed on.
    peeked: Option<Str<'de>>,
    done: bool,
}

impl<'de, A: serde::de::MapAccess<'de>> Merge<'de, A> {
    fn next_raw_key(&mut self) -> Result<Option<Str<'de>>, A::Error> {
        if let Some(k) = self.peeked.take() {
            return Ok(Some(k));
        }
        if self.done {
            return Ok(None);
        }
        let k = self.map.next_key::<Str<'de>>()?;
        self.done = k.is_none();
        Ok(k)
    }
}

impl<'de, A: serde::de::MapAccess<'de>> serde::de::MapAccess<'de> for Merge<'de, A> {
    type Error = A::Error;
    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
        let Some(Str(key)) = self.next_raw_key()? else {
            return Ok(None);
        };
        self.list = self.lists.iter().copied().find(|l| *l == key);
        match key {
            Cow::Borrowed(k) => seed.deserialize(BorrowedStrDeserializer::new(k)),
            Cow::Owned(k) => seed.deserialize(StringDeserializer::new(k)),
        }
        .map(Some)
    }
    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        match self.list.take() {
            Some(key) => seed.deserialize(Repeated {
                merge: self,
                key,
                first: true,
            }),
            None => self.map.next_value_seed(seed),
        }
    }
}

/// The value of a list key of a [`Merge`]: for [`one_or_many`], the sequence
/// of the key's consecutive occurrences.
struct Repeated<'m, 'de, A> {
    merge: &'m mut Merge<'de, A>,
    key: &'static str,
    first: bool,
}

impl<'de, A: serde::de::MapAccess<'de>> serde::Deserializer<'de> for Repeated<'_, 'de, A> {
    type Error = A::Error;
    fn deserialize_newtype_struct<V: serde::de::Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        if name == MANY {
            visitor.visit_seq(self)
        } else {
            self.deserialize_any(visitor)
        }
    }
    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, A::Error> {
        Err(serde::de::Error::custom(format_args!(
            "`{}` may repeat: read it with one_or_many",
            self.key
        )))
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

impl<'de, A: serde::de::MapAccess<'de>> serde::de::SeqAccess<'de> for Repeated<'_, 'de, A> {
    type Error = A::Error;
    fn next_element_seed<S: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        if std::mem::take(&mut self.first) {
            return self.merge.map.next_value_seed(seed).map(Some);
        }
        match self.merge.next_raw_key()? {
            Some(k) if *k == *self.key => self.merge.map.next_value_seed(seed).map(Some),
            other => {
                self.merge.peeked = other;
                Ok(None)
            }
        }
    }
}

/// The trimmed text of an optional field; `None` when absent or blank.
pub(crate) fn text<'s>(s: &'s Option<Str<'_>>) -> Option<&'s str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The `{city, postalCode, countryCode}` object several carriers use for an
/// event's place (UPS also sends `country`).
#[derive(Deserialize)]
pub(crate) struct Place<'a> {
    #[serde(borrow)]
    pub(crate) city: Option<Str<'a>>,
    #[serde(borrow, rename = "postalCode")]
    pub(crate) postal_code: Option<Str<'a>>,
    #[serde(borrow, rename = "countryCode")]
    pub(crate) country_code: Option<Str<'a>>,
    #[serde(borrow)]
    pub(crate) country: Option<Str<'a>>,
}

impl Place<'_> {
    /// The place as a [`Location`] (`countryCode`, else `country`).
    pub(crate) fn location(&self) -> Location {
        location(
            text(&self.city),
            text(&self.postal_code),
            text(&self.country_code).or(text(&self.country)),
        )
    }
}

/// A location from optional parts; blank parts are dropped.
pub(crate) fn location(
    city: Option<&str>,
    postal_code: Option<&str>,
    country: Option<&str>,
) -> Location {
    let own = |s: Option<&str>| {
        s.map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    Location {
        city: own(city),
        postal_code: own(postal_code),
        country: own(country),
        name: None,
    }
}

/// The carrier's error answer: `code: message`, or whichever of the two it
/// gave, or `unspecified error`.
pub(crate) fn carrier_error(carrier: Carrier, code: Option<&str>, message: Option<&str>) -> Error {
    Error::CarrierError {
        kind: crate::CarrierErrorKind::Other,
        carrier,
        code: code.map(str::to_string),
        message: match (code, message) {
            (Some(c), Some(m)) => format!("{c}: {m}"),
            (c, m) => m.or(c).unwrap_or("unspecified error").to_string(),
        },
    }
}

/// The path of element `i` of a top-level array of `n` bodies (`$[i]`), or
/// `$` when the body was one object (`n == 1`).
pub(crate) fn item_root(n: usize, i: usize) -> String {
    if n == 1 {
        "$".to_string()
    } else {
        format!("$[{i}]")
    }
}

/// Events of several bodies or records grouped by tracking number, in the
/// order the numbers first appear (webhook arrays, multi-barcode answers).
pub(crate) struct Groups<'a>(Vec<(&'a str, Vec<crate::Event>)>);

impl<'a> Groups<'a> {
    pub(crate) fn new() -> Self {
        Groups(Vec::new())
    }

    /// Adds `events` to the group of `number`.
    pub(crate) fn add(&mut self, number: &'a str, events: impl IntoIterator<Item = crate::Event>) {
        match self.0.iter_mut().find(|(n, _)| *n == number) {
            Some((_, evs)) => evs.extend(events),
            None => self.0.push((number, events.into_iter().collect())),
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// One tracking per number (no carrier ETA).
    pub(crate) fn into_trackings(self, carrier: Carrier) -> Vec<Tracking> {
        self.0
            .into_iter()
            .map(|(number, events)| Tracking::new(carrier, number, events, None))
            .collect()
    }
}

/// The `{code, message, details}` error object of several JSON APIs (UPS,
/// FedEx, USPS, Amazon Shipping, NZ Post, CDEK); any part may be absent.
#[derive(Deserialize)]
pub(crate) struct ApiError<'a> {
    #[serde(borrow)]
    pub(crate) code: Option<Str<'a>>,
    #[serde(borrow)]
    pub(crate) message: Option<Str<'a>>,
    #[serde(borrow)]
    pub(crate) details: Option<Str<'a>>,
}

impl ApiError<'_> {
    /// As [`Error::CarrierError`]: `code: message (details)`, with whichever
    /// parts were sent.
    pub(crate) fn to_error(&self, carrier: Carrier) -> Error {
        let details = text(&self.details);
        match (text(&self.message), details) {
            (Some(m), Some(d)) => {
                carrier_error(carrier, text(&self.code), Some(&format!("{m} ({d})")))
            }
            (m, d) => carrier_error(carrier, text(&self.code), m.or(d)),
        }
    }
}

/// Builds the error for a bad timestamp; `path` is only formatted on failure.
pub(crate) fn bad_time(carrier: Carrier, path: impl FnOnce() -> String, value: &str) -> Error {
    Error::Timestamp {
        carrier,
        path: path(),
        value: value.chars().take(64).collect(),
    }
}

/// Parses a UTC offset: `+01:00`, `-0700`, `-7:00`, `+02`, `Z`.
pub(crate) fn offset(s: &str) -> Option<FixedOffset> {
    let s = s.trim();
    if s == "Z" || s == "z" {
        return FixedOffset::east_opt(0);
    }
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let (h, m) = match rest.split_once(':') {
        Some((h, m)) => (h, m),
        None if rest.len() == 4 => rest.split_at(2),
        None if rest.len() <= 2 => (rest, "0"),
        None => return None,
    };
    if h.is_empty() || h.len() > 2 || m.is_empty() || m.len() > 2 {
        return None;
    }
    let h: i32 = h.parse().ok()?;
    let m: i32 = m.parse().ok()?;
    if h > 18 || m > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (h * 3600 + m * 60))
}

/// Parses an ISO 8601 timestamp as carriers send them: `T` or space between
/// date and time, optional fractional seconds, optional seconds, and an offset
/// that may be `Z`, `+01:00`, `+0100` or missing (then the time stays local
/// with no offset).
pub(crate) fn iso_time(s: &str) -> Option<EventTime> {
    let s = s.trim();
    if let Some(t) = iso_time_fast(s.as_bytes()) {
        return Some(t);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(EventTime::new(dt.naive_local(), Some(*dt.offset())));
    }
    // Split off an offset: the last '+' or '-' after the time part, or a 'Z'.
    let date_end = s.find(['T', ' '])?;
    let (body, off) = match s[date_end..].rfind(['+', '-']) {
        Some(i) => (&s[..date_end + i], offset(&s[date_end + i..])),
        None => match s.strip_suffix(['Z', 'z']) {
            Some(b) => (b, FixedOffset::east_opt(0)),
            None => (s, None),
        },
    };
    if body.len() < s.len() && off.is_none() {
        return None;
    }
    let wall = [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| local(body, f))?;
    Some(EventTime::new(wall, off))
}

/// The common shapes without chrono's format machinery:
/// `YYYY-MM-DD[T ]HH:MM:SS[.f…][Z|±HH:MM|±HHMM]`. Anything else is `None` and
/// goes the slow way (which accepts the same and more).
fn iso_time_fast(b: &[u8]) -> Option<EventTime> {
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let d = b.get(r)?;
        d.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() < 19
        || b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    let mut i = 19;
    let mut nanos = 0u32;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            if i - start < 9 {
                nanos = nanos * 10 + u32::from(b[i] - b'0');
            }
            i += 1;
        }
        let digits = (i - start).min(9);
        if digits == 0 {
            return None;
        }
        nanos *= 10u32.pow(9 - digits as u32);
    }
    let time = NaiveTime::from_hms_nano_opt(num(11..13)?, num(14..16)?, num(17..19)?, nanos)?;
    let off = match &b[i..] {
        [] => None,
        [b'Z' | b'z'] => FixedOffset::east_opt(0),
        rest => Some(offset(std::str::from_utf8(rest).ok()?)?),
    };
    Some(EventTime::new(date.and_time(time), off))
}

/// The fields of `s` read against a chrono format made only of `%Y` (four
/// digits), `%m`, `%d`, `%H`, `%M`, `%S` (two digits each) and literal bytes:
/// `[year, month, day, hour, minute, second]` (month and day default to 1,
/// the time to midnight). `None` for any other format or shape.
fn fixed_fields(s: &[u8], fmt: &[u8]) -> Option<[u32; 6]> {
    let mut f = [0, 1, 1, 0, 0, 0];
    let (mut i, mut j) = (0, 0);
    while let Some(&c) = fmt.get(j) {
        if c != b'%' {
            (s.get(i) == Some(&c)).then_some(())?;
            i += 1;
            j += 1;
            continue;
        }
        let (slot, width) = match fmt.get(j + 1)? {
            b'Y' => (0, 4),
            b'm' => (1, 2),
            b'd' => (2, 2),
            b'H' => (3, 2),
            b'M' => (4, 2),
            b'S' => (5, 2),
            _ => return None,
        };
        let digits = s.get(i..i + width)?;
        f[slot] = digits.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })?;
        i += width;
        j += 2;
    }
    (i == s.len()).then_some(f)
}

/// `NaiveDateTime::parse_from_str(s, fmt).ok()`, with a fast path for fixed
/// layouts of two-digit fields (see `fixed_fields`); anything else goes to
/// chrono, so the answers are the same.
pub(crate) fn local(s: &str, fmt: &str) -> Option<NaiveDateTime> {
    match fixed_fields(s.as_bytes(), fmt.as_bytes()) {
        Some([y, mo, d, h, mi, se]) => NaiveDate::from_ymd_opt(y as i32, mo, d)?
            .and_hms_opt(h, mi, se)
            .filter(|_| fmt.contains("%H")),
        None => None,
    }
    .or_else(|| NaiveDateTime::parse_from_str(s, fmt).ok())
}

/// `NaiveDate::parse_from_str(s, fmt).ok()` with the same fast path.
pub(crate) fn local_date(s: &str, fmt: &str) -> Option<NaiveDate> {
    match fixed_fields(s.as_bytes(), fmt.as_bytes()) {
        Some([y, mo, d, h, mi, se]) if NaiveTime::from_hms_opt(h, mi, se).is_some() => {
            NaiveDate::from_ymd_opt(y as i32, mo, d)
        }
        _ => NaiveDate::parse_from_str(s, fmt).ok(),
    }
}

/// A wall-clock time `HH:MM` or `HH:MM:SS` (one-digit hours too, via chrono).
pub(crate) fn clock(s: &str) -> Option<NaiveTime> {
    const FORMATS: [&str; 2] = ["%H:%M", "%H:%M:%S"];
    FORMATS
        .iter()
        .find_map(|f| fixed_fields(s.as_bytes(), f.as_bytes()))
        .and_then(|[.., h, mi, se]| NaiveTime::from_hms_opt(h, mi, se))
        .or_else(|| {
            FORMATS
                .iter()
                .find_map(|f| NaiveTime::parse_from_str(s, f).ok())
        })
}

/// A WCF JSON date (Aramex, MyGLS), `/Date(1706788140000+0300)/`: milliseconds since the
/// epoch in UTC, then optionally the offset the time was written in (kept);
/// without one the time is UTC.
pub(crate) fn wcf_date(s: &str) -> Option<EventTime> {
    let inner = s.trim().strip_prefix("/Date(")?.strip_suffix(")/")?;
    let split = inner
        .char_indices()
        .skip(1)
        .find(|(_, c)| *c == '+' || *c == '-')
        .map(|(i, _)| i);
    let (millis, off) = match split {
        Some(i) => (&inner[..i], Some(offset(&inner[i..])?)),
        None => (inner, None),
    };
    let utc = chrono::DateTime::from_timestamp_millis(millis.parse().ok()?)?;
    Some(match off {
        Some(off) => EventTime::new(utc.naive_utc() + off, Some(off)),
        None => EventTime::from_utc(utc),
    })
}

/// Like [`iso_time`], but also accepts a bare date (`2024-03-05`, midnight).
pub(crate) fn iso_time_or_date(s: &str) -> Option<EventTime> {
    iso_time(s).or_else(|| {
        local_date(s.trim(), "%Y-%m-%d").map(|d| EventTime::new(d.and_time(NaiveTime::MIN), None))
    })
}

/// Parses a compact date `YYYYMMDD` and time `HHMMSS` (the time may lack
/// leading zeros, as UPS's `74700`; an empty time is midnight).
pub(crate) fn compact_date_time(date: &str, time: &str) -> Option<NaiveDateTime> {
    let date = date.trim();
    if date.len() != 8 || !date.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let date = local_date(date, "%Y%m%d")?;
    let time = time.trim();
    if time.is_empty() {
        return Some(date.and_time(NaiveTime::MIN));
    }
    if time.len() > 6 || !time.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = time.parse().ok()?;
    let t = NaiveTime::from_hms_opt(n / 10000, n / 100 % 100, n % 100)?;
    Some(date.and_time(t))
}

/// The carrier's ETA from the two ends of its window; one end alone is a
/// point window; neither is no ETA.
pub(crate) fn carrier_eta(
    from: Option<EventTime>,
    to: Option<EventTime>,
) -> Option<crate::EtaWindow> {
    let (earliest, latest) = match (from, to) {
        (Some(f), Some(t)) => (f, t),
        (Some(t), None) | (None, Some(t)) => (t, t),
        (None, None) => return None,
    };
    Some(crate::EtaWindow {
        earliest,
        latest,
        source: crate::EtaSource::Carrier,
    })
}

/// A whole-day window for a date-only estimate.
pub(crate) fn day_window(date: NaiveDate) -> (EventTime, EventTime) {
    let end = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
    (
        EventTime::new(date.and_time(NaiveTime::MIN), None),
        EventTime::new(date.and_time(end), None),
    )
}

/// Parses a US-style local date and time, month first, as DPD's English
/// answers write it: `8/17/2021 7:11:26 PM` (12-hour clock with AM/PM, seconds
/// optional; 12 AM is midnight, 12 PM noon), or the same with a 24-hour clock
/// and no AM/PM. No zone.
pub(crate) fn us_date_time(s: &str) -> Option<NaiveDateTime> {
    let s = s.trim();
    [
        "%m/%d/%Y %I:%M:%S %p",
        "%m/%d/%Y %I:%M %p",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
}

#[cfg(test)]
mod tests {
    /// An object with a repeating list and a plain one.
    #[derive(Deserialize)]
    #[serde(remote = "Self")]
    struct Rep<'a> {
        #[serde(borrow)]
        id: Option<Str<'a>>,
        #[serde(borrow, default, deserialize_with = "one_or_many")]
        ev: Vec<Str<'a>>,
        #[serde(borrow, default, deserialize_with = "opt_one_or_many")]
        other: Option<Vec<Str<'a>>>,
    }
    impl_repeating!(Rep, ["ev"]);

    /// `id`, `ev` and the length of `other` of an object.
    type Read = (Option<String>, Vec<String>, Option<usize>);

    fn rep(s: &str) -> Result<Read, String> {
        let r: Rep = serde_json::from_str(s).map_err(|e| e.to_string())?;
        Ok((
            r.id.map(|s| s.0.into_owned()),
            r.ev.iter().map(|s| s.0.to_string()).collect(),
            r.other.map(|o| o.len()),
        ))
    }

    #[test]
    fn one_or_many_shapes() {
        let ev = |s: &str| rep(s).map(|r| r.1.join(","));
        assert_eq!(ev(r#"{"ev":["a","b"]}"#).unwrap(), "a,b");
        assert_eq!(ev(r#"{"ev":"a"}"#).unwrap(), "a");
        assert_eq!(ev(r#"{"ev":7}"#).unwrap(), "7");
        assert_eq!(ev(r#"{"ev":null}"#).unwrap(), "");
        assert_eq!(ev(r#"{"id":"x"}"#).unwrap(), "");
        assert_eq!(ev(r#"{"ev":[]}"#).unwrap(), "");
        // Repeated keys, each one-or-many, joined in order; other keys around.
        let r = rep(r#"{"id":"x","ev":"a","ev":["b","c"],"ev":null,"ev":"d","other":"o"}"#);
        assert_eq!(
            r.unwrap(),
            (
                Some("x".into()),
                vec!["a".into(), "b".into(), "c".into(), "d".into()],
                Some(1)
            )
        );
        let r = rep(r#"{"ev":"a","ev":"b"}"#).unwrap();
        assert_eq!(r.1, ["a", "b"]);
        assert_eq!(r.2, None);
        assert_eq!(rep(r#"{"other":null}"#).unwrap().2, Some(0));
        // Escaped keys are still recognised.
        assert_eq!(ev(r#"{"\u0065v":"a","ev":"b"}"#).unwrap(), "a,b");
        // A list key that comes back after another key: refused, not cut.
        assert!(rep(r#"{"ev":"a","id":"x","ev":"b"}"#).is_err());
        // A plain key may not repeat either (as in a derived struct).
        assert!(rep(r#"{"id":"x","id":"y"}"#).is_err());
        // One object, or an array of them, of repeating objects.
        let many: Vec<Rep> = one_or_many(&mut serde_json::Deserializer::from_str(
            r#"[{"ev":"a","ev":"b"},{"ev":"c"}]"#,
        ))
        .unwrap();
        assert_eq!(many.iter().map(|r| r.ev.len()).sum::<usize>(), 3);
        let one: Vec<Rep> = one_or_many(&mut serde_json::Deserializer::from_str(
            r#"{"ev":"a","ev":"b"}"#,
        ))
        .unwrap();
        assert_eq!(one[0].ev.len(), 2);
        // Through serde's buffered values (untagged enums) too.
        let v: serde_json::Value = serde_json::from_str(r#"{"ev":{"x":1}}"#).unwrap();
        let n: Vec<serde_json::Value> = one_or_many(&v["ev"]).unwrap();
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn fixed_layouts_agree_with_chrono() {
        let cases = [
            ("05-03-2024 09:07:01", "%d-%m-%Y %H:%M:%S"),
            ("5-3-2024 9:07:01", "%d-%m-%Y %H:%M:%S"),
            ("31-02-2024 09:07:01", "%d-%m-%Y %H:%M:%S"),
            ("05-03-2024 24:07:01", "%d-%m-%Y %H:%M:%S"),
            ("05-03-2024 09:07", "%d-%m-%Y %H:%M:%S"),
            ("05-03-2024 09:07:01x", "%d-%m-%Y %H:%M:%S"),
            ("2024-03-05", "%Y-%m-%d"),
            ("20240305", "%Y%m%d"),
            ("2024-3-5", "%Y-%m-%d"),
            ("2024-13-05", "%Y-%m-%d"),
            ("24.12.2023 18:30", "%d.%m.%Y %H:%M"),
            ("", "%Y-%m-%d"),
        ];
        for (s, f) in cases {
            assert_eq!(
                local(s, f),
                NaiveDateTime::parse_from_str(s, f).ok(),
                "{s} {f}"
            );
            assert_eq!(
                local_date(s, f),
                NaiveDate::parse_from_str(s, f).ok(),
                "{s} {f}"
            );
        }
        for s in [
            "09:07",
            "09:07:01",
            "9:07",
            "24:00",
            "09:7",
            "09:07:01:00",
            "",
        ] {
            let chrono = NaiveTime::parse_from_str(s, "%H:%M")
                .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
                .ok();
            assert_eq!(clock(s), chrono, "{s}");
        }
    }

    use super::*;

    #[test]
    fn offsets() {
        assert_eq!(offset("-05:00").unwrap().local_minus_utc(), -5 * 3600);
        assert_eq!(offset("-7:00").unwrap().local_minus_utc(), -7 * 3600);
        assert_eq!(offset("+0200").unwrap().local_minus_utc(), 2 * 3600);
        assert_eq!(offset("Z").unwrap().local_minus_utc(), 0);
        assert!(offset("0200").is_none());
        assert!(offset("+99:00").is_none());
    }

    #[test]
    fn iso_times() {
        let t = iso_time("2020-12-04T07:58:24+01:00").unwrap();
        assert_eq!(t.to_string(), "2020-12-04T07:58:24+01:00");
        let t = iso_time("2023-05-02T14:10:00.123+0200").unwrap();
        assert_eq!(t.offset.unwrap().local_minus_utc(), 7200);
        let t = iso_time("2016-03-17 11:44:00").unwrap();
        assert!(t.offset.is_none());
        assert!(iso_time("2016-03-17T11:44:00+nope").is_none());
        assert!(iso_time("yesterday").is_none());
        // The fast path and the slow path agree.
        for s in [
            "2024-08-15T10:36:00-05:00",
            "2024-08-15T10:36:00Z",
            "2024-08-15 10:36:00",
            "2024-08-15T10:36:00.5+0200",
            "2024-08-15T10:36:00.123456789123+01:00",
            "2024-02-30T10:36:00",
            "2024-08-15T25:36:00",
            "2024-08-15T10:36:00+25:00",
            "2024-08-15T10:36:00.",
        ] {
            let fast = iso_time_fast(s.as_bytes());
            if let Some(f) = fast {
                assert_eq!(Some(f), iso_time(s), "{s}");
                let slow = DateTime::parse_from_rfc3339(s)
                    .map(|d| EventTime::new(d.naive_local(), Some(*d.offset())))
                    .ok();
                if let Some(slow) = slow {
                    assert_eq!(f, slow, "{s}");
                }
            }
        }
        assert!(iso_time_fast(b"2024-02-30T10:36:00").is_none());
        assert!(iso_time_fast(b"2024-08-15T10:36:00.").is_none());
    }

    #[test]
    fn compact() {
        let t = compact_date_time("20210210", "74700").unwrap();
        assert_eq!(t.to_string(), "2021-02-10 07:47:00");
        assert!(compact_date_time("20210210", "256000").is_none());
        assert!(compact_date_time("2021021", "000000").is_none());
    }

    #[test]
    fn us_12_hour_times() {
        let t = |s| us_date_time(s).map(|t| t.to_string());
        assert_eq!(t("8/17/2021 7:11:26 PM").unwrap(), "2021-08-17 19:11:26");
        assert_eq!(t("8/18/2021 4:09:55 AM").unwrap(), "2021-08-18 04:09:55");
        assert_eq!(t("12/01/2021 12:05:00 AM").unwrap(), "2021-12-01 00:05:00");
        assert_eq!(t("12/01/2021 12:05:00 PM").unwrap(), "2021-12-01 12:05:00");
        assert_eq!(t("8/19/2021 5:11 pm").unwrap(), "2021-08-19 17:11:00");
        assert_eq!(t("8/19/2021 17:11:26").unwrap(), "2021-08-19 17:11:26");
        assert!(t("8/19/2021 13:11:26 PM").is_none());
        assert!(t("19/8/2021 1:11:26 PM").is_none());
    }
}
