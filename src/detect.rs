//! Tracking number → carrier detection: [`detect`] finds the number in what a
//! customer pasted and returns every carrier whose number format matches it,
//! ranked, with the carrier's own check digit verified wherever the format has
//! one.
//!
//! ```
//! use wismo::{Carrier, CheckDigit};
//!
//! let found = wismo::detect("Tracking: 1Z 5R8 939 0357 5671 27");
//! assert_eq!(found[0].carrier, Carrier::Ups);
//! assert_eq!(found[0].format, "ups_1z");
//! assert_eq!(found[0].check_digit, CheckDigit::Valid);
//! assert_eq!(found[0].normalized, "1Z5R89390357567127");
//!
//! // One digit changed: still a UPS shape, but the check digit is wrong.
//! let typo = wismo::detect("1Z5R89390357567128");
//! assert_eq!(typo[0].check_digit, CheckDigit::Invalid);
//! assert!(typo[0].confidence < 0.2);
//! assert_eq!(typo[0].explain(), "looks like UPS (ups_1z), check digit wrong");
//!
//! // OnTrac has no parser: a detection-only carrier id.
//! let ontrac = wismo::detect("C11031500001879");
//! assert_eq!(ontrac[0].carrier.as_str(), "ontrac");
//! assert!(!ontrac[0].carrier.has_parser());
//! ```
//!
//! # Normalization
//!
//! The input is split into runs of ASCII letters and digits. Runs separated
//! only by spaces, tabs, no-break spaces or dashes (at most three such
//! characters) may form one number, so `RB 123 456 785 GB` and `1Z-5R8-939…`
//! are read whole, while `Tracking:` or `my code is` stay outside. Every
//! contiguous span of runs of 9 to 40 characters holding a digit is tried;
//! letters are uppercased. The winning span is the one covering the most
//! number-like runs (runs with a digit, and short all-uppercase runs such as
//! `RB`, `GB`, `TBA`), then the most confident, then the longest: a spaced
//! number is read whole rather than as a piece that happens to pass a check.
//! A span of several runs cut out of a longer run of digit groups is never
//! tried (a piece of a spaced number is not a number), and a single run next
//! to other digit groups only counts when a check digit verifies. Spans are
//! built in a stack buffer; the only string allocated is the winning span
//! ([`Candidate::normalized`], cloned into each further candidate).
//!
//! # Confidence and ranking
//!
//! Three bands, by [`Candidate::check_digit`]:
//! - [`CheckDigit::Valid`], the format's check digit verified: **0.55 or
//!   more**;
//! - [`CheckDigit::Absent`], the format has no check digit and only its shape
//!   (prefix, length) matched: **below 0.55** (0.5 or less before context);
//! - [`CheckDigit::Invalid`], the number has a format's distinctive shape but
//!   its check digit is wrong (a typo, or a number of another carrier): **below
//!   0.2** (0.15 before context). Only formats whose shape alone points at the
//!   carrier give such a candidate (the "fail" column below): a plain run of
//!   12 digits that fails every check says nothing about any carrier.
//!
//! Within a band a longer, more distinctive format scores higher (a `1Z`
//! number with its check digit 0.98, a ten-digit DHL Express number whose mod
//! 7 check passes by chance one time in seven 0.55). One entry per carrier:
//! its best format wins. Where several carriers share a shape, every one whose
//! check holds (or that has no check) comes back, ranked by band, then by
//! **context**: a carrier named as a whole word in the text around the number
//! (`ups`, `fedex`, `usps`, `dhl`, `dpd`, `gls`, `purolator`, `canpar`,
//! `ontrac`, `lasership`, `odfl`, `yodel`, `evri`, `hermes`, `amazon`, …, any
//! case) is lifted above the others of its band, then by confidence; equal
//! confidences keep a fixed order (the order the formats are tried in), never
//! a chance one. Input that fits no format gives an empty list.
//!
//! # Carriers without a parser
//!
//! Some ids [`detect`] returns are *detection-only* [`Carrier`]s: `wismo` knows
//! their number formats but has no parser and no code table for them
//! ([`Carrier::has_parser`] is false, [`Carrier::mappings`] is empty,
//! [`parse`](crate::parse) answers
//! [`Error::Unsupported`](crate::Error::Unsupported)): `austrian_post`,
//! `evri`, `gofo`, `lasership`, `old_dominion`, `ontrac`, `parcelforce`,
//! `poste_italiane`, `speedee`, `swiss_post`, `yodel`, `yunexpress` (listed
//! with their sources in `src/table/detection_only.tsv`).
//!
//! # Formats
//!
//! | format | carrier(s) | shape | check | conf. | fail | source |
//! |---|---|---|---|---|---|---|
//! | `ups_1z` | `ups` | `1Z` + 15 letters/digits + check digit | UPS mod 10: over the 15 characters after `1Z`, digits as-is, letters `(ASCII − 3) mod 10`; even positions ×1, odd ×2; check = (10 − sum mod 10) mod 10 | 0.98 | yes | \[TND\] ups |
//! | `ups_waybill` | `ups` | `A`/`H`/`J`/`K`/`T`/`V` + 9 digits + check | UPS mod 10 over the 9 digits | 0.7 | yes | \[TND\] ups |
//! | `fedex_12` | `fedex` | 12 digits | weights 3,1,7,3,1,7,… over the first 11; sum mod 11 mod 10 | 0.7 | | \[TND\] fedex |
//! | `fedex_15` | `fedex` | 15 digits (Ground) | GS1 mod 10 | 0.7 | | \[TND\] fedex |
//! | `fedex_96` | `fedex` | 22 digits `96…` (Ground 96) | GS1 mod 10 over the last 15 digits | 0.85 | yes | \[TND\] fedex |
//! | `fedex_32` | `fedex` | 32 digits `3…` (legacy ASTRA barcode) | the `fedex_12` check over digits 17–28 (the Express number inside) | 0.8 | yes | \[TND\] fedex |
//! | `fedex_34` | `fedex` | 34 digits, first `0`–`8` or `96` (Express 34, Ground GSN) | weights 1,7,3,1,7,3,… over digits 21–33; sum mod 11 mod 10 | 0.8 | yes | \[TND\] fedex |
//! | `usps_impb` | `usps` | 22, 26 or 30 digits `91`–`95…`, optionally after a `420`+ZIP5 or `420`+ZIP9 routing prefix | GS1 mod 10 over the serial (the routing prefix is not covered) | 0.9 | yes | \[TND\] usps (Publication 199) |
//! | `usps_20` | `usps` | 20 digits | GS1 mod 10 | 0.7 | | \[TND\] usps |
//! | `usps_20_91` | `usps` | 20 digits printed without their `91` | GS1 mod 10 over `91` + the digits | 0.7 | | \[TND\] usps (legacy) |
//! | `upu_s10` | by country suffix (below) | 2 letters + 8 digits + check + ISO country | weights 8,6,4,2,3,5,9,7; check = 11 − sum mod 11, 10 → 0, 11 → 5 | 0.95 / 0.9 | yes | \[TND\] s10, \[S10\] |
//! | `dhl_express_10` | `dhl_express` | 10 or 11 digits | the number before the check digit mod 7 | 0.55 | | \[TND\] dhl |
//! | `dhl_identcode` | `dhl_parcel_de` | 12 digits (Identcode) | weights 4,9,4,9,… over 11 digits; check = (10 − sum mod 10) mod 10 | 0.65 | | \[IDENT\], \[PAKETDA\] |
//! | `sscc` | `dhl_parcel_de`, `fedex`, `bring` | 20 digits `00` + SSCC, or the 18-digit SSCC alone (`fedex`, `bring`) | GS1 mod 10 | 0.8 (20) / 0.7 (18), +0.05 for the carrier whose country the GS1 prefix names | | \[GS1\], \[PAKETDA\], \[TND\] fedex, \[BRING\] |
//! | `bring_17` | `bring` | 17 digits `70…` (shipment number) | GS1 mod 10 | 0.8 | | \[BRING\] |
//! | `canada_post_16` | `canada_post` | 16 digits | GS1 mod 10 | 0.7 | | \[TND\] canadapost |
//! | `gls_12` | `gls` | 12 digits | weights 3,1,3,1,… over 11 digits, sum + 1; check = (10 − sum mod 10) mod 10 | 0.65 | | \[GLS\] |
//! | `purolator_12` | `purolator` | 12 digits, first `0`–`5` | Luhn | 0.6 | | \[TND\] purolator |
//! | `old_dominion_pro` | `old_dominion` | 11 digits `777`, `778`, `072`, `780` or `80…` (PRO number) | Luhn | 0.6 | | \[TND\] old_dominion |
//! | `hermes_de_14` | `hermes_de` | 14 digits | weights 3,1,3,1,… from the left (= GS1 mod 10) | 0.6 | | \[PAKETDA\] |
//! | `ontrac_15` | `ontrac` | `C` or `D` + 13 digits + check | UPS mod 10 over `4` (for `C`) or `5` (for `D`) + the 13 digits | 0.85 | yes | \[TND\] ontrac |
//! | `dpd_15` | `dpd` | 14-digit parcel number + check character | ISO 7064 MOD 37,36 over the 14 digits | 0.85 | letter | \[DPD\], \[PAKETDA\], \[TND\] dpd |
//! | `dpd_28` | `dpd` | 27-digit label barcode + check character | ISO 7064 MOD 37,36 over the 27 digits | 0.95 | letter | \[TND\] dpd, \[DPD\] |
//! | `postnl_3s` | `postnl` | `3S` + 4 letters + 7 or 9 digits | none published | 0.5 | | \[POSTNL\] |
//! | `amazon_tba` | `amazon_shipping` | `TBA`/`TBC`/`TBM` + 12 digits | none | 0.5 | | \[TND\] amazon |
//! | `landmark_ltn` | `landmark` | `LTN` + 8 digits + `N1` | none | 0.5 | | \[TND\] landmark |
//! | `dhl_piece_id` | `dhl_express`, `dhl_parcel_de` | `J` + 2–3 letters + 9–20 digits (`JJD…`, `JVGL…`) | none | 0.45 | | \[TND\] dhl, \[PAKETDA\] |
//! | `canpar_22` | `canpar` | `C`, `D`, `K`, `L`, `S`, `U`, `X` or `Z` + 21 digits | none | 0.45 | | \[TND\] canpar |
//! | `lasership_lx` | `lasership` | `L` + `A`/`I`/`E`/`H`/`N`/`X` + `1`–`3` + 7 digits | none | 0.45 | | \[TND\] lasership |
//! | `lasership_1ls7` | `lasership` | `1LS7` + `1`/`2` + 10 digits | none | 0.45 | | \[TND\] lasership |
//! | `lasership_1ls7_18` | `lasership` | `1LS7` + `1`/`2` + 2 digits + `01` + `1`–`4` + 6 digits, printed with `-1` (read as a final `1`) | none | 0.45 | | \[TND\] lasership |
//! | `lasership_1lscx` | `lasership` | `1LSCX` + 10 letters/digits | none | 0.45 | | \[TND\] lasership |
//! | `gofo_us` | `gofo` | `GFUS` + 14 digits | none | 0.45 | | \[TND\] gofo |
//! | `speedee_sp` | `speedee` | `SP` + 18 digits | none | 0.45 | | \[TND\] speedee |
//! | `yunexpress_yt` | `yunexpress` | `YT` + 16 digits | none | 0.45 | | \[TND\] yunexpress |
//! | `yodel` | `yodel` | `JD` or `JJD` + 16 digits | none | 0.4 | | \[TND\] yodel |
//! | `amazon_intl` | `amazon_shipping` | `A`, `C` or `F` + 10 digits (Amazon international) | none | 0.4 | | \[TND\] amazon |
//! | `purolator_alpha` | `purolator` | 3 letters + 9 digits | none | 0.4 | | \[TND\] purolator |
//! | `dhl_ecommerce` | `dhl_ecommerce` | `GM`, `LX`, `RX`, `UV`, `CN`, `SG`, `TH`, `IN`, `HK` or `MY` + 10–39 letters/digits | none | 0.35 | | \[TND\] dhl |
//! | `parcelforce` | `parcelforce` | 2 letters + 7 digits, or 4 letters + 10 digits | none | 0.3 | | \[PF\] |
//! | `evri_16` | `evri` | 16 digits, or a letter + 2 digits + 13 letters/digits | none | 0.3 (letter-led) / 0.25 | | \[EVRI\] |
//! | `inpost_24` | `inpost` | 24 digits | none | 0.3 | | \[INPOST\] |
//! | `dhl_ecommerce_14` | `dhl_ecommerce` | 14 digits | none | 0.25 | | \[TND\] dhl |
//! | `dpd_14` | `dpd` | 14 digits (parcel number without its check character) | none | 0.25 | | \[PAKETDA\] |
//!
//! "GS1 mod 10": digits weighted 3,1,3,1,… from the rightmost digit before
//! the check digit; check = (10 − sum mod 10) mod 10 (GS1 General
//! Specifications §7.9; the USPS, FedEx Ground, Canada Post, SSCC and Bring
//! variants in the sources are all this computation). "Luhn": from the check
//! digit leftwards every second digit is doubled (9 subtracted when over 9);
//! the sum is a multiple of 10. "fail": a number of this shape whose check
//! fails comes back as [`CheckDigit::Invalid`] ("letter": only when the DPD
//! check character is a letter; an all-digit number of that length has many
//! owners).
//!
//! S10 country suffix → carrier: `NL` `postnl`, `DE` `dhl_parcel_de`, `GB`
//! `royal_mail` (and `parcelforce`, 0.85), `FR` `la_poste` and `colissimo`
//! (`colissimo` first for parcel service indicators `C…`), `BE` `bpost`, `US`
//! `usps`, `CA` `canada_post`, `AU` `australia_post`, `AT` `austrian_post`,
//! `CH` `swiss_post`, `ES` `correos`, `IT` `poste_italiane`, `SE`/`DK`
//! `postnord`, `NO` `bring`, `NZ` `nz_post`; any other UPU member country
//! (the 191 codes of \[TND\] s10) → `upu` at 0.9; an unknown suffix, or a
//! service indicator starting with the reserved `J`, `K`, `S`, `T` or `W`
//! \[S10\], → no match.
//!
//! ## What a check digit cannot catch
//!
//! Not every carrier's algorithm detects every single-digit error, and no
//! detector can tell such a corrupted number from a real one:
//! - mod 7 (`dhl_express_10`): a digit changed by 7 (0↔7, 1↔8, 2↔9);
//! - UPS mod 10: a digit changed by 5 at a ×2 position; Identcode: by 5 at a
//!   ×4 position;
//! - S10: when the check digit is 5 (remainders 0 and 6 both give 5);
//! - FedEx mod 11 mod 10: when the check digit is 0 (remainders 0 and 10);
//! - digits outside the checked span: a USPS `420`+ZIP routing prefix, the
//!   first 20 digits of `fedex_34`, the first 7 of `fedex_96`.
//!
//! GS1 mod 10, the GLS variant, Luhn and ISO 7064 MOD 37,36 catch every
//! single-digit change.
//!
//! # Sources
//!
//! - \[TND\] *tracking_number_data*, Jeff Keen et al. — `couriers/*.json`
//!   (formats, check parameters, valid and invalid test numbers) and
//!   `CHECKSUM_ALGORITHMS.md`, GitHub `jkeen/tracking_number_data` (MIT),
//!   commit `b79ce4bfc04519ef4bc85bf7c6f321795aadf3d3` (2026-08-17); its test
//!   numbers are vendored in `tests/data/tracking_number_data/`. Its USPS entries cite USPS Publication 199, its
//!   DPD entry the DPD Parcel Label Specification 2.4.1.
//! - \[S10\] *UPU S10* page of the BWIPP wiki (Terry Burton), GitHub
//!   `bwipp/postscriptbarcode` wiki: S10 structure, reserved service
//!   indicators `J K S T W`, example `EE471108151FR`.
//! - \[IDENT\] BWIPP *Deutsche Post Identcode* encoder,
//!   `bwipp/postscriptbarcode` `src/identcode.ps.src` and wiki page: 11 digits
//!   + check, weights 4 and 9, example `563102430313`.
//! - \[PAKETDA\] *Prüfziffern-Berechnung für Paketnummern*, paketda.de
//!   (`/firmenkunden/paket-pruefziffern.html`): DHL numbers of 12 digits
//!   (`201298452277`), 20 digits (`00340433836442636597`) and `JJD` + digits
//!   (`JJD1410302937991`); Hermes 14 digits mod 10 weights 3,1
//!   (`09133131530724`); DPD 14 digits + check character (`01015026003653c`).
//! - \[GLS\] GLS *Uni-Box Technische Dokumentation 2D* V0110 (2012-10-01),
//!   chapter 3.2.1, as quoted with its algorithm in public GLS tracking
//!   clients; sample parcel number `993990103198` from the GLS ShipIT
//!   WS-REST-API tracking documentation (`rest_tracking.html`), as quoted in
//!   public test code.
//! - \[DPD\] DPD Parcel Label Specification 2.4.1 (ISO 7064 MOD 37,36), as
//!   reproduced in \[TND\] `CHECKSUM_ALGORITHMS.md`.
//! - \[POSTNL\] PostNL developer portal, *Barcode webservice*, "Specifications
//!   barcodes": type `3S` barcodes are Type + Range + Serie, 13 or 15
//!   characters (developer.postnl.nl).
//! - \[BRING\] Bring developer site, GitHub `bring/developer-site`,
//!   `content/api/shipment/examples/*.json` (commit `fdc2931`, 2025-11-14):
//!   shipment ids of 17 digits (`70722150702977990`) and package ids of 18
//!   digits (`370722150758796447`); GS1 mod 10 holds for every one.
//! - \[GS1\] GS1 General Specifications §7.9 (check digit) and the GS1 prefix
//!   list (000–139 US/Canada, 400–440 Germany, 700–709 Norway), for the SSCC.
//! - \[EVRI\] evri.com FAQ *How do I track my parcel?* ("your 16-digit
//!   tracking number, which is the barcode number"); the letter-led form as in
//!   WooCommerce's `EvriHermesShippingProvider.php`
//!   (`woocommerce/woocommerce`).
//! - \[INPOST\] `intrac` crate documentation (docs.rs): InPost shipment
//!   numbers of 24 digits.
//! - \[PF\] parcelforce.com *Tracking number formats*: UK tracking "2 letters
//!   and 7 numbers", "4 letters and 10 numbers".

use crate::Carrier;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Longest span tried: the longest format is 34 characters.
const MAX_LEN: usize = 40;
/// Shortest span tried: the shortest format (Parcelforce) is 9 characters.
const MIN_LEN: usize = 9;
/// Candidates one span can produce, at most.
const MAX_HITS: usize = 12;
/// Lowest confidence given to a match whose check digit verified.
const VERIFIED: f32 = 0.55;
/// Confidence of a match whose check digit is wrong (before context).
const FAILED: f32 = 0.15;
/// What a carrier named in the text around the number adds.
const CONTEXT: f32 = 0.04;

/// What the format's check digit says about a [`Candidate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckDigit {
    /// The format has a check digit and it holds.
    Valid,
    /// The number has the format's shape but its check digit is wrong: a
    /// mistyped number, or another carrier's number of the same shape.
    Invalid,
    /// The format has no check digit (or none is published): only the shape
    /// (prefix, length) matched.
    Absent,
}

impl CheckDigit {
    /// The snake_case word (`"valid"`, `"invalid"`, `"absent"`), as in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            CheckDigit::Valid => "valid",
            CheckDigit::Invalid => "invalid",
            CheckDigit::Absent => "absent",
        }
    }
}

impl std::fmt::Display for CheckDigit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One carrier whose tracking number format matches the input.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The carrier (serialized as its id, `"ups"`). Some detected carriers are
    /// detection-only ids without a parser: see [`Carrier::has_parser`].
    pub carrier: Carrier,
    /// Format id (`"ups_1z"`, `"upu_s10"`); the module docs list them all.
    pub format: &'static str,
    /// How sure the match is, in `0..=1`: 0.55 or more when the format's check
    /// digit verified, less than 0.55 for a pattern-only match, less than 0.2
    /// when the check digit is wrong.
    pub confidence: f32,
    /// Whether the format's check digit holds, fails, or does not exist.
    pub check_digit: CheckDigit,
    /// The number as it matched: separators and surrounding text removed,
    /// letters uppercased (`"1Z5R89390357567127"`).
    pub normalized: String,
}

impl Candidate {
    /// One line for people: `"UPS (ups_1z), check digit verified"`, `"looks
    /// like UPS (ups_1z), check digit wrong"`, `"OnTrac? (ontrac_15) fits by
    /// shape only"`, with `"; detection only, no parser"` for carriers that
    /// [`parse`](crate::parse) cannot read.
    ///
    /// ```
    /// let found = wismo::detect("1Z5R89390357567128");
    /// assert_eq!(found[0].explain(), "looks like UPS (ups_1z), check digit wrong");
    /// ```
    pub fn explain(&self) -> String {
        let name = self.carrier.name();
        let mut out = match self.check_digit {
            CheckDigit::Valid => format!("{name} ({}), check digit verified", self.format),
            CheckDigit::Invalid => {
                format!("looks like {name} ({}), check digit wrong", self.format)
            }
            CheckDigit::Absent => format!("{name}? ({}) fits by shape only", self.format),
        };
        if !self.carrier.has_parser() {
            out.push_str("; detection only, no parser");
        }
        out
    }
}

/// Finds the tracking number in `input` and returns the carriers whose formats
/// match it, most confident first.
///
/// `input` may carry surrounding text, spaces, dashes and lowercase letters
/// (`"my code is 3sabcd 1234567"`). A number with a distinctive shape whose
/// check digit fails comes back as a low-confidence candidate marked
/// [`CheckDigit::Invalid`]; a number that fits no format gives an empty list.
/// A carrier named in the text around the number (`"UPS 1Z…"`, `"purolator:
/// JFV…"`) ranks first among equals. The module docs list every format with
/// its check algorithm and source.
pub fn detect(input: &str) -> Vec<Candidate> {
    let bytes = input.as_bytes();
    let mut best = Hits::new();
    let mut best_buf = [0u8; MAX_LEN];
    let mut best_len = 0;
    let mut best_score = (0usize, 0.0f32, 0usize);
    let mut best_span = (0, 0);
    let mut prev: Option<(usize, usize)> = None;
    let mut pos = 0;
    while let Some((start, end)) = next_token(bytes, pos) {
        // A digit run just before the span, joined to it: the span is then
        // part of a longer number, and only a verified check digit counts.
        let left_digits = prev.is_some_and(|(ps, pe)| {
            joinable(&input[pe..start]) && bytes[ps..pe].iter().any(u8::is_ascii_digit)
        });
        let mut buf = [0u8; MAX_LEN];
        let mut len = 0;
        let mut cover = 0;
        let mut tokens = 0;
        let mut has_digit = false;
        let (mut s, mut e) = (start, end);
        loop {
            let n = e - s;
            if len + n > MAX_LEN {
                break;
            }
            let token = &bytes[s..e];
            for (d, &b) in buf[len..len + n].iter_mut().zip(token) {
                *d = b.to_ascii_uppercase();
            }
            len += n;
            cover += usize::from(number_like(token));
            tokens += 1;
            has_digit |= token.iter().any(u8::is_ascii_digit);
            let next = next_token(bytes, e).filter(|&(ns, _)| joinable(&input[e..ns]));
            let right_digits =
                next.is_some_and(|(ns, ne)| bytes[ns..ne].iter().any(u8::is_ascii_digit));
            let cut = left_digits || right_digits;
            // A piece of a spaced number is no number: only a single run
            // standing next to other digits may still count.
            if len >= MIN_LEN && has_digit && !(cut && tokens > 1) {
                let mut hits = Hits::new();
                evaluate(&buf[..len], &mut hits);
                if cut {
                    hits.retain_verified();
                }
                let score = (cover, hits.best(), len);
                if hits.len > 0 && better(score, best_score) {
                    best = hits;
                    best_buf = buf;
                    best_len = len;
                    best_score = score;
                    best_span = (start, e);
                }
            }
            match next {
                Some((ns, ne)) => {
                    s = ns;
                    e = ne;
                }
                None => break,
            }
        }
        prev = Some((start, end));
        pos = end;
    }
    if best.len == 0 {
        return Vec::new();
    }
    context(input, best_span, &mut best);
    let mut normalized = String::with_capacity(best_len);
    normalized.extend(best_buf[..best_len].iter().map(|&b| b as char));
    let hits = &mut best.buf[..best.len];
    // Stable (and, for at most MAX_HITS items, an insertion sort that does not
    // allocate): equal confidences keep the order the formats were tried in.
    hits.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    let mut out = Vec::with_capacity(hits.len());
    let last = hits.len() - 1;
    for (i, h) in hits.iter().enumerate() {
        out.push(Candidate {
            carrier: h.carrier,
            format: h.format,
            confidence: h.confidence,
            check_digit: h.check,
            normalized: if i == last {
                std::mem::take(&mut normalized)
            } else {
                normalized.clone()
            },
        });
    }
    out
}

/// Span ranking: more number-like runs covered (a spaced number read whole
/// beats a piece of it), then confidence, then length.
fn better(a: (usize, f32, usize), b: (usize, f32, usize)) -> bool {
    a.0 > b.0 || (a.0 == b.0 && (a.1 > b.1 || (a.1 == b.1 && a.2 > b.2)))
}

/// A run that belongs to a number rather than to the text around it: it has a
/// digit, or it is a short uppercase prefix or suffix (`RB`, `GB`, `TBA`).
fn number_like(token: &[u8]) -> bool {
    token.iter().any(u8::is_ascii_digit)
        || (token.len() <= 4 && token.iter().all(u8::is_ascii_uppercase))
}

/// The next maximal run of ASCII letters and digits at or after `from`.
fn next_token(b: &[u8], from: usize) -> Option<(usize, usize)> {
    let start = from + b.get(from..)?.iter().position(u8::is_ascii_alphanumeric)?;
    let end = b[start..]
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .map_or(b.len(), |p| start + p);
    Some((start, end))
}

/// Whether the text between two runs keeps them one number: at most three
/// spaces, tabs, no-break spaces or dashes.
fn joinable(gap: &str) -> bool {
    gap.chars().count() <= 3
        && gap
            .chars()
            .all(|c| matches!(c, ' ' | '\t' | '-' | '\u{a0}' | '\u{2009}' | '\u{202f}'))
}

/// Words that name a carrier, lowercase, sorted, with the carriers they name.
const NAMES: &[(&str, &[Carrier])] = &[
    ("amazon", &[Carrier::AmazonShipping]),
    ("bring", &[Carrier::Bring]),
    ("canpar", &[Carrier::Canpar]),
    (
        "dhl",
        &[
            Carrier::DhlExpress,
            Carrier::DhlParcelDe,
            Carrier::DhlEcommerce,
        ],
    ),
    ("dpd", &[Carrier::Dpd]),
    ("evri", &[Carrier::Evri]),
    ("fedex", &[Carrier::Fedex]),
    ("gls", &[Carrier::Gls]),
    ("gofo", &[Carrier::Gofo]),
    ("hermes", &[Carrier::HermesDe, Carrier::Evri]),
    ("inpost", &[Carrier::Inpost]),
    ("landmark", &[Carrier::Landmark]),
    ("lasership", &[Carrier::Lasership]),
    ("odfl", &[Carrier::OldDominion]),
    ("ontrac", &[Carrier::Ontrac]),
    ("parcelforce", &[Carrier::Parcelforce]),
    ("postnl", &[Carrier::Postnl]),
    ("purolator", &[Carrier::Purolator]),
    ("speedee", &[Carrier::Speedee]),
    ("ups", &[Carrier::Ups]),
    ("usps", &[Carrier::Usps]),
    ("yodel", &[Carrier::Yodel]),
    ("yunexpress", &[Carrier::Yunexpress]),
];

/// Raises the candidates of carriers that the text outside `span` names (a
/// whole word, any case) above the others of the same check-digit status,
/// within that status's band: a verified match stays at most 1, a
/// pattern-only one below 0.55, a failed check below 0.2.
fn context(input: &str, span: (usize, usize), hits: &mut Hits) {
    let bytes = input.as_bytes();
    let mut named = [false; MAX_HITS];
    let mut any = false;
    let mut pos = 0;
    while let Some(start) = bytes[pos..]
        .iter()
        .position(u8::is_ascii_alphabetic)
        .map(|p| pos + p)
    {
        let end = bytes[start..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .map_or(bytes.len(), |p| start + p);
        pos = end;
        let word = &bytes[start..end];
        if (start < span.1 && end > span.0) || word.len() > 11 {
            continue;
        }
        let mut lower = [0u8; 11];
        for (d, c) in lower.iter_mut().zip(word) {
            *d = c.to_ascii_lowercase();
        }
        let lower = &lower[..word.len()];
        let Ok(i) = NAMES.binary_search_by(|(n, _)| n.as_bytes().cmp(lower)) else {
            continue;
        };
        for (h, n) in hits.buf[..hits.len].iter().zip(&mut named) {
            if NAMES[i].1.contains(&h.carrier) {
                *n = true;
                any = true;
            }
        }
    }
    if !any {
        return;
    }
    let hits = &mut hits.buf[..hits.len];
    let top_unnamed = |check: CheckDigit, hits: &[Hit]| {
        hits.iter()
            .zip(&named)
            .filter(|(h, n)| !**n && h.check == check)
            .map(|(h, _)| h.confidence)
            .fold(0.0, f32::max)
    };
    for i in 0..hits.len() {
        if named[i] {
            let h = hits[i];
            let cap = match h.check {
                CheckDigit::Valid => 1.0,
                CheckDigit::Absent => 0.54,
                CheckDigit::Invalid => 0.19,
            };
            let lifted = (h.confidence + CONTEXT).max(top_unnamed(h.check, hits) + 0.01);
            hits[i].confidence = lifted.min(cap);
        }
    }
}

#[derive(Clone, Copy)]
struct Hit {
    carrier: Carrier,
    format: &'static str,
    confidence: f32,
    check: CheckDigit,
}

/// The candidates of one span, on the stack: one per carrier (the best).
#[derive(Clone, Copy)]
struct Hits {
    buf: [Hit; MAX_HITS],
    len: usize,
}

impl Hits {
    fn new() -> Self {
        let none = Hit {
            carrier: Carrier::Ups,
            format: "",
            confidence: 0.0,
            check: CheckDigit::Absent,
        };
        Hits {
            buf: [none; MAX_HITS],
            len: 0,
        }
    }

    /// A match whose check digit verified.
    fn valid(&mut self, format: &'static str, carrier: Carrier, confidence: f32) {
        debug_assert!(confidence >= VERIFIED);
        self.push(format, carrier, confidence, CheckDigit::Valid);
    }

    /// A match by shape only: the format has no check digit.
    fn pattern(&mut self, format: &'static str, carrier: Carrier, confidence: f32) {
        debug_assert!(confidence <= 0.5);
        self.push(format, carrier, confidence, CheckDigit::Absent);
    }

    /// A number of the format's distinctive shape whose check digit fails.
    fn failed(&mut self, format: &'static str, carrier: Carrier) {
        self.push(format, carrier, FAILED, CheckDigit::Invalid);
    }

    /// `valid` when `ok`, else `failed`.
    fn checked(&mut self, ok: bool, format: &'static str, carrier: Carrier, confidence: f32) {
        if ok {
            self.valid(format, carrier, confidence);
        } else {
            self.failed(format, carrier);
        }
    }

    fn push(&mut self, format: &'static str, carrier: Carrier, confidence: f32, check: CheckDigit) {
        debug_assert!(FORMAT_IDS.binary_search(&format).is_ok(), "{format}");
        if let Some(h) = self.buf[..self.len]
            .iter_mut()
            .find(|h| h.carrier == carrier)
        {
            if confidence > h.confidence {
                h.format = format;
                h.confidence = confidence;
                h.check = check;
            }
        } else if self.len < MAX_HITS {
            self.buf[self.len] = Hit {
                carrier,
                format,
                confidence,
                check,
            };
            self.len += 1;
        }
    }

    /// Drops pattern-only matches, keeping those whose check digit verified.
    fn retain_verified(&mut self) {
        let mut kept = 0;
        for i in 0..self.len {
            if self.buf[i].confidence >= VERIFIED {
                self.buf[kept] = self.buf[i];
                kept += 1;
            }
        }
        self.len = kept;
    }

    fn best(&self) -> f32 {
        self.buf[..self.len]
            .iter()
            .map(|h| h.confidence)
            .fold(0.0, f32::max)
    }
}

/// Tries every format on one normalized span (uppercase ASCII letters and digits).
fn evaluate(s: &[u8], hits: &mut Hits) {
    if s.iter().all(u8::is_ascii_digit) {
        numeric(s, hits);
    } else {
        alphanumeric(s, hits);
    }
    dpd_with_check(s, hits);
}

fn numeric(s: &[u8], hits: &mut Hits) {
    let len = s.len();
    if (len == 10 || len == 11) && mod7_ok(s) {
        hits.valid("dhl_express_10", Carrier::DhlExpress, 0.55);
    }
    if len == 11
        && [&b"777"[..], b"778", b"072", b"780", b"80"]
            .iter()
            .any(|p| s.starts_with(p))
        && luhn_ok(s)
    {
        hits.valid("old_dominion_pro", Carrier::OldDominion, 0.6);
    }
    if len == 12 {
        if fedex12_ok(s) {
            hits.valid("fedex_12", Carrier::Fedex, 0.7);
        }
        if identcode_ok(s) {
            hits.valid("dhl_identcode", Carrier::DhlParcelDe, 0.65);
        }
        if gls_ok(s) {
            hits.valid("gls_12", Carrier::Gls, 0.65);
        }
        if s[0] <= b'5' && luhn_ok(s) {
            hits.valid("purolator_12", Carrier::Purolator, 0.6);
        }
    }
    if len == 14 {
        if gs1_ok(s) {
            hits.valid("hermes_de_14", Carrier::HermesDe, 0.6);
        }
        hits.pattern("dhl_ecommerce_14", Carrier::DhlEcommerce, 0.25);
        hits.pattern("dpd_14", Carrier::Dpd, 0.25);
    }
    if len == 15 && gs1_ok(s) {
        hits.valid("fedex_15", Carrier::Fedex, 0.7);
    }
    if len == 16 {
        if gs1_ok(s) {
            hits.valid("canada_post_16", Carrier::CanadaPost, 0.7);
        }
        hits.pattern("evri_16", Carrier::Evri, 0.25);
    }
    if len == 17 && s.starts_with(b"70") && gs1_ok(s) {
        hits.valid("bring_17", Carrier::Bring, 0.8);
    }
    if len == 18 && gs1_ok(s) {
        sscc(s, 0.7, &[Carrier::Fedex, Carrier::Bring], hits);
    }
    if len == 20 {
        if gs1_ok(s) {
            if s.starts_with(b"00") {
                sscc(
                    &s[2..],
                    0.8,
                    &[Carrier::DhlParcelDe, Carrier::Fedex, Carrier::Bring],
                    hits,
                );
            }
            hits.valid("usps_20", Carrier::Usps, 0.7);
        }
        if gs1_ok_prefixed(b"91", s) {
            hits.valid("usps_20_91", Carrier::Usps, 0.7);
        }
    }
    if len == 22 && s.starts_with(b"96") {
        hits.checked(gs1_ok(&s[7..]), "fedex_96", Carrier::Fedex, 0.85);
    }
    if len == 24 {
        hits.pattern("inpost_24", Carrier::Inpost, 0.3);
    }
    if len == 32 && s[0] == b'3' {
        hits.checked(fedex12_ok(&s[16..28]), "fedex_32", Carrier::Fedex, 0.8);
    }
    if len == 34 && (s[0] <= b'8' || s.starts_with(b"96")) {
        hits.checked(fedex34_ok(&s[20..]), "fedex_34", Carrier::Fedex, 0.8);
    }
    match impb(s) {
        Some(true) => hits.valid("usps_impb", Carrier::Usps, 0.9),
        Some(false) => hits.failed("usps_impb", Carrier::Usps),
        None => {}
    }
}

fn alphanumeric(s: &[u8], hits: &mut Hits) {
    let len = s.len();
    let digits = |r: std::ops::Range<usize>| s[r].iter().all(u8::is_ascii_digit);
    let letters = |r: std::ops::Range<usize>| s[r].iter().all(u8::is_ascii_uppercase);

    if len == 18 && s.starts_with(b"1Z") && s[17].is_ascii_digit() {
        let ok = ups_check(&s[2..17]) == s[17] - b'0';
        hits.checked(ok, "ups_1z", Carrier::Ups, 0.98);
    }
    if len == 11 && b"AHJKTV".contains(&s[0]) && digits(1..11) {
        let ok = ups_check(&s[1..10]) == s[10] - b'0';
        hits.checked(ok, "ups_waybill", Carrier::Ups, 0.7);
    }
    if len == 11 && b"ACF".contains(&s[0]) && digits(1..11) {
        hits.pattern("amazon_intl", Carrier::AmazonShipping, 0.4);
    }
    if len == 15 && (s[0] == b'C' || s[0] == b'D') && digits(1..15) {
        // The serial is read with a leading 4 (C) or 5 (D), then UPS mod 10.
        let mut body = [0u8; 14];
        body[0] = if s[0] == b'C' { b'4' } else { b'5' };
        body[1..].copy_from_slice(&s[1..14]);
        let ok = ups_check(&body) == s[14] - b'0';
        hits.checked(ok, "ontrac_15", Carrier::Ontrac, 0.85);
    }
    if len == 13 && letters(0..2) && digits(2..11) && letters(11..13) {
        s10(s, hits);
    }
    if (len == 13 || len == 15) && s.starts_with(b"3S") && letters(2..6) && digits(6..len) {
        hits.pattern("postnl_3s", Carrier::Postnl, 0.5);
    }
    if len == 15 && s.starts_with(b"TB") && b"ACM".contains(&s[2]) && digits(3..15) {
        hits.pattern("amazon_tba", Carrier::AmazonShipping, 0.5);
    }
    if len == 13 && s.starts_with(b"LTN") && digits(3..11) && s.ends_with(b"N1") {
        hits.pattern("landmark_ltn", Carrier::Landmark, 0.5);
    }
    if s[0] == b'J' {
        let k = s.iter().take_while(|c| c.is_ascii_uppercase()).count();
        if (k == 3 || k == 4) && (9..=20).contains(&(len - k)) && digits(k..len) {
            hits.pattern("dhl_piece_id", Carrier::DhlExpress, 0.45);
            hits.pattern("dhl_piece_id", Carrier::DhlParcelDe, 0.45);
        }
        let yodel = (len == 18 && s.starts_with(b"JD")) || (len == 19 && s.starts_with(b"JJD"));
        if yodel && digits(len - 16..len) {
            hits.pattern("yodel", Carrier::Yodel, 0.4);
        }
    }
    if len == 12 && letters(0..3) && digits(3..12) {
        hits.pattern("purolator_alpha", Carrier::Purolator, 0.4);
    }
    if len == 22 && b"CDKLSUXZ".contains(&s[0]) && digits(1..22) {
        hits.pattern("canpar_22", Carrier::Canpar, 0.45);
    }
    if len == 10
        && s[0] == b'L'
        && b"AIEHNX".contains(&s[1])
        && (b'1'..=b'3').contains(&s[2])
        && digits(3..10)
    {
        hits.pattern("lasership_lx", Carrier::Lasership, 0.45);
    }
    if s.starts_with(b"1LS") {
        let one_or_two = |c: u8| c == b'1' || c == b'2';
        if len == 15 && s[3] == b'7' && one_or_two(s[4]) && digits(5..15) {
            hits.pattern("lasership_1ls7", Carrier::Lasership, 0.45);
        }
        // Printed with `-1` at the end: `1LS7119013618127-1`.
        if len == 17
            && s[3] == b'7'
            && one_or_two(s[4])
            && digits(5..17)
            && &s[7..9] == b"01"
            && (b'1'..=b'4').contains(&s[9])
            && s[16] == b'1'
        {
            hits.pattern("lasership_1ls7_18", Carrier::Lasership, 0.45);
        }
        if len == 15 && &s[3..5] == b"CX" {
            hits.pattern("lasership_1lscx", Carrier::Lasership, 0.45);
        }
    }
    if len == 18 && s.starts_with(b"GFUS") && digits(4..18) {
        hits.pattern("gofo_us", Carrier::Gofo, 0.45);
    }
    if len == 20 && s.starts_with(b"SP") && digits(2..20) {
        hits.pattern("speedee_sp", Carrier::Speedee, 0.45);
    }
    if len == 18 && s.starts_with(b"YT") && digits(2..18) {
        hits.pattern("yunexpress_yt", Carrier::Yunexpress, 0.45);
    }
    const ECOM: [&[u8; 2]; 10] = [
        b"GM", b"LX", b"RX", b"UV", b"CN", b"SG", b"TH", b"IN", b"HK", b"MY",
    ];
    if (12..=41).contains(&len)
        && ECOM.iter().any(|p| s.starts_with(*p))
        && s[2..].iter().any(u8::is_ascii_digit)
    {
        hits.pattern("dhl_ecommerce", Carrier::DhlEcommerce, 0.35);
    }
    if (len == 9 && letters(0..2) && digits(2..9)) || (len == 14 && letters(0..4) && digits(4..14))
    {
        hits.pattern("parcelforce", Carrier::Parcelforce, 0.3);
    }
    if len == 16 && s[0].is_ascii_uppercase() && digits(1..3) {
        hits.pattern("evri_16", Carrier::Evri, 0.3);
    }
}

/// DPD numbers with their MOD 37,36 check character: 14 + 1 or 27 + 1. A
/// wrong check letter is a failed DPD match; a wrong check digit is not (the
/// number is then all digits, and many formats have that shape).
fn dpd_with_check(s: &[u8], hits: &mut Hits) {
    let (body, check) = match s.split_last() {
        Some((&c, body)) => (body, c),
        None => return,
    };
    if (body.len() == 14 || body.len() == 27) && body.iter().all(u8::is_ascii_digit) {
        let format = if body.len() == 14 { "dpd_15" } else { "dpd_28" };
        if iso7064_mod37_36(body) == check {
            let confidence = if body.len() == 14 { 0.85 } else { 0.95 };
            hits.valid(format, Carrier::Dpd, confidence);
        } else if check.is_ascii_uppercase() {
            hits.failed(format, Carrier::Dpd);
        }
    }
}

/// UPU S10 (`s` is 2 letters, 9 digits, 2 letters). A known country suffix
/// with a wrong check digit gives failed matches for that country's carriers.
fn s10(s: &[u8], hits: &mut Hits) {
    if b"JKSTW".contains(&s[0]) {
        return;
    }
    const W: [u32; 8] = [8, 6, 4, 2, 3, 5, 9, 7];
    let sum: u32 = s[2..10]
        .iter()
        .zip(W)
        .map(|(&d, w)| u32::from(d - b'0') * w)
        .sum();
    let check = match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c,
    };
    let ok = check == u32::from(s[10] - b'0');
    let cc = [s[11], s[12]];
    let mut push =
        |carrier: Carrier, confidence: f32| hits.checked(ok, "upu_s10", carrier, confidence);
    match &cc {
        b"NL" => push(Carrier::Postnl, 0.95),
        b"DE" => push(Carrier::DhlParcelDe, 0.95),
        b"GB" => {
            push(Carrier::RoyalMail, 0.95);
            push(Carrier::Parcelforce, 0.85);
        }
        b"FR" if s[0] == b'C' => {
            push(Carrier::Colissimo, 0.95);
            push(Carrier::LaPoste, 0.9);
        }
        b"FR" => {
            push(Carrier::LaPoste, 0.95);
            push(Carrier::Colissimo, 0.9);
        }
        b"BE" => push(Carrier::Bpost, 0.95),
        b"US" => push(Carrier::Usps, 0.95),
        b"CA" => push(Carrier::CanadaPost, 0.95),
        b"AU" => push(Carrier::AustraliaPost, 0.95),
        b"AT" => push(Carrier::AustrianPost, 0.95),
        b"CH" => push(Carrier::SwissPost, 0.95),
        b"ES" => push(Carrier::Correos, 0.95),
        b"IT" => push(Carrier::PosteItaliane, 0.95),
        b"SE" | b"DK" => push(Carrier::Postnord, 0.95),
        b"NO" => push(Carrier::Bring, 0.95),
        b"NZ" => push(Carrier::NzPost, 0.95),
        _ => {
            if UPU_MEMBERS.binary_search(&cc).is_ok() {
                push(Carrier::Upu, 0.9);
            }
        }
    }
}

/// An SSCC (18 digits, check verified) for `carriers` at `base`, +0.05 for
/// the carrier whose country the GS1 prefix (digits 2–4) names.
fn sscc(s: &[u8], base: f32, carriers: &[Carrier], hits: &mut Hits) {
    let prefix = s[1..4]
        .iter()
        .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
    let home = match prefix {
        0..=19 | 30..=39 | 60..=139 => Some(Carrier::Fedex),
        400..=440 => Some(Carrier::DhlParcelDe),
        700..=709 => Some(Carrier::Bring),
        _ => None,
    };
    for &c in carriers {
        let boost = if Some(c) == home { 0.05 } else { 0.0 };
        hits.valid("sscc", c, base + boost);
    }
}

/// USPS IMpb: a serial of 22, 26 or 30 digits starting `91`–`95`, optionally
/// after a `420` + ZIP5 or `420` + ZIP9 routing prefix. `None` when `s` does
/// not have that shape, else whether the serial's GS1 check digit holds.
fn impb(s: &[u8]) -> Option<bool> {
    let shape = |x: &[u8], lens: &[usize]| {
        lens.contains(&x.len()) && x[0] == b'9' && (b'1'..=b'5').contains(&x[1])
    };
    let mut serials = [None, None, None];
    if shape(s, &[22, 26, 30]) {
        serials[0] = Some(s);
    }
    if s.starts_with(b"420") {
        if s.len() > 8 && shape(&s[8..], &[22, 26]) {
            serials[1] = Some(&s[8..]);
        }
        if s.len() > 12 && shape(&s[12..], &[22]) {
            serials[2] = Some(&s[12..]);
        }
    }
    let mut found = None;
    for x in serials.into_iter().flatten() {
        if gs1_ok(x) {
            return Some(true);
        }
        found = Some(false);
    }
    found
}

/// Luhn: from the rightmost digit (the check digit), every second digit
/// doubled (its digits summed); the total is a multiple of 10.
fn luhn_ok(s: &[u8]) -> bool {
    let sum: u32 = s
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &c)| {
            let d = digit(c);
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

fn digit(c: u8) -> u32 {
    u32::from(c - b'0')
}

/// GS1 mod 10 over digits whose last is the check digit: weights 3,1,3,…
/// from the rightmost data digit.
fn gs1_ok(s: &[u8]) -> bool {
    let (&check, body) = match s.split_last() {
        Some(x) => x,
        None => return false,
    };
    (gs1_sum(body, 0) + digit(check)) % 10 == 0
}

/// GS1 mod 10 over `prefix` + `s` (the USPS legacy 20-digit numbers, printed
/// without their `91`).
fn gs1_ok_prefixed(prefix: &[u8], s: &[u8]) -> bool {
    let (&check, body) = match s.split_last() {
        Some(x) => x,
        None => return false,
    };
    let tail = gs1_sum(body, 0);
    let head = gs1_sum(prefix, body.len());
    (tail + head + digit(check)) % 10 == 0
}

/// Sum of `digits` weighted 3,1,3,… from the right, where `offset` digits
/// follow them (before the check digit).
fn gs1_sum(digits: &[u8], offset: usize) -> u32 {
    digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| digit(d) * if (i + offset) % 2 == 0 { 3 } else { 1 })
        .sum()
}

/// UPS mod 10 check digit of `body`: letters count `(ASCII − 3) mod 10`,
/// even positions ×1, odd ×2.
fn ups_check(body: &[u8]) -> u8 {
    let sum: u32 = body
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let v = if c.is_ascii_digit() {
                digit(c)
            } else {
                (u32::from(c) - 3) % 10
            };
            if i % 2 == 1 {
                v * 2
            } else {
                v
            }
        })
        .sum();
    ((10 - sum % 10) % 10) as u8
}

/// FedEx Express 12: weights 3,1,7 over 11 digits, sum mod 11 mod 10.
fn fedex12_ok(s: &[u8]) -> bool {
    const W: [u32; 3] = [3, 1, 7];
    let sum: u32 = s[..11]
        .iter()
        .enumerate()
        .map(|(i, &d)| digit(d) * W[i % 3])
        .sum();
    sum % 11 % 10 == digit(s[11])
}

/// FedEx 34 (the last 14 digits): weights 1,7,3 over 13 digits, mod 11 mod 10.
fn fedex34_ok(s: &[u8]) -> bool {
    const W: [u32; 3] = [1, 7, 3];
    let sum: u32 = s[..13]
        .iter()
        .enumerate()
        .map(|(i, &d)| digit(d) * W[i % 3])
        .sum();
    sum % 11 % 10 == digit(s[13])
}

/// DHL Express: the digits before the check digit, as a number, mod 7.
fn mod7_ok(s: &[u8]) -> bool {
    let Some((&check, body)) = s.split_last() else {
        return false;
    };
    let rem = body.iter().fold(0u32, |r, &d| (r * 10 + digit(d)) % 7);
    rem == digit(check)
}

/// Deutsche Post Identcode: weights 4,9,4,… over 11 digits, mod 10.
fn identcode_ok(s: &[u8]) -> bool {
    let sum: u32 = s[..11]
        .iter()
        .enumerate()
        .map(|(i, &d)| digit(d) * if i % 2 == 0 { 4 } else { 9 })
        .sum();
    (10 - sum % 10) % 10 == digit(s[11])
}

/// GLS: weights 3,1,3,… over 11 digits, plus 1, mod 10.
fn gls_ok(s: &[u8]) -> bool {
    let sum: u32 = s[..11]
        .iter()
        .enumerate()
        .map(|(i, &d)| digit(d) * if i % 2 == 0 { 3 } else { 1 })
        .sum::<u32>()
        + 1;
    (10 - sum % 10) % 10 == digit(s[11])
}

/// ISO 7064 MOD 37,36 (hybrid) check character of `body` (digits and
/// uppercase letters), as an uppercase ASCII character.
fn iso7064_mod37_36(body: &[u8]) -> u8 {
    const M: u32 = 36;
    let mut p = M;
    for &c in body {
        let a = if c.is_ascii_digit() {
            digit(c)
        } else {
            u32::from(c - b'A') + 10
        };
        let mut s = (p + a) % M;
        if s == 0 {
            s = M;
        }
        p = (2 * s) % (M + 1);
    }
    let v = (M + 1 - p) % M;
    b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[v as usize]
}

/// The 191 UPU member country codes of \[TND\] `couriers/s10.json`, sorted.
const UPU_MEMBERS: [[u8; 2]; 191] = {
    const S: &[u8] = b"AEAFAGALAMAOARATAUAZBABBBDBEBFBGBHBIBJBNBOBRBSBTBWBYBZCACDCFCGCHCICLCMCNCOCRCUCVCYCZDEDJDKDMDODZECEEEGERESETFIFJFRGAGBGDGEGHGMGNGQGRGTGWGYHKHNHRHTHUIDIEILINIQIRISITJMJOJPKEKGKHKIKMKNKPKRKWKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMGMKMLMMMNMRMTMUMVMWMXMYMZNANENGNINLNONPNRNZOMPAPEPGPHPKPLPTPYQARORSRURWSASBSCSDSESGSISKSLSMSNSOSRSSSTSVSYSZTDTGTHTJTLTMTNTOTRTTTVTZUAUGUSUYUZVAVCVEVNVUWSYEZAZMZW";
    let mut out = [[0u8; 2]; 191];
    let mut i = 0;
    while i < 191 {
        out[i] = [S[2 * i], S[2 * i + 1]];
        i += 1;
    }
    out
};

/// Every format id [`detect`] can return, sorted.
const FORMAT_IDS: &[&str] = &[
    "amazon_intl",
    "amazon_tba",
    "bring_17",
    "canada_post_16",
    "canpar_22",
    "dhl_ecommerce",
    "dhl_ecommerce_14",
    "dhl_express_10",
    "dhl_identcode",
    "dhl_piece_id",
    "dpd_14",
    "dpd_15",
    "dpd_28",
    "evri_16",
    "fedex_12",
    "fedex_15",
    "fedex_32",
    "fedex_34",
    "fedex_96",
    "gls_12",
    "gofo_us",
    "hermes_de_14",
    "inpost_24",
    "landmark_ltn",
    "lasership_1ls7",
    "lasership_1ls7_18",
    "lasership_1lscx",
    "lasership_lx",
    "old_dominion_pro",
    "ontrac_15",
    "parcelforce",
    "postnl_3s",
    "purolator_12",
    "purolator_alpha",
    "speedee_sp",
    "sscc",
    "ups_1z",
    "ups_waybill",
    "upu_s10",
    "usps_20",
    "usps_20_91",
    "usps_impb",
    "yodel",
    "yunexpress_yt",
];

/// Reads the format id back as the `&'static str` [`detect`] returns; an id
/// this version does not know is an error. `check_digit` may be missing (JSON
/// from before it existed): it is then `valid` for a confidence of 0.55 or
/// more, else `absent`.
impl<'de> Deserialize<'de> for Candidate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw<'a> {
            carrier: Carrier,
            #[serde(borrow)]
            format: Cow<'a, str>,
            confidence: f32,
            #[serde(default)]
            check_digit: Option<CheckDigit>,
            normalized: String,
        }
        let raw = Raw::deserialize(d)?;
        let format = FORMAT_IDS
            .binary_search(&raw.format.as_ref())
            .map(|i| FORMAT_IDS[i])
            .map_err(|_| {
                serde::de::Error::custom(format_args!("unknown format id `{}`", raw.format))
            })?;
        let check_digit = raw.check_digit.unwrap_or(if raw.confidence >= VERIFIED {
            CheckDigit::Valid
        } else {
            CheckDigit::Absent
        });
        Ok(Candidate {
            carrier: raw.carrier,
            format,
            confidence: raw.confidence,
            check_digit,
            normalized: raw.normalized,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_lists_are_sorted_and_unique() {
        assert!(FORMAT_IDS.windows(2).all(|w| w[0] < w[1]));
        assert!(UPU_MEMBERS.windows(2).all(|w| w[0] < w[1]));
        assert!(NAMES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(NAMES.iter().all(|(n, _)| n.len() <= 11));
        assert_eq!(UPU_MEMBERS.len(), 191);
    }

    #[test]
    fn every_format_listed_is_used() {
        // Each id appears in FORMAT_IDS and at least once where it is pushed
        // (every push is checked against FORMAT_IDS by a debug assertion).
        let src = include_str!("detect.rs");
        let code = &src[..src.find("#[cfg(test)]").unwrap()];
        for f in FORMAT_IDS {
            assert!(code.matches(&format!("\"{f}\"")).count() >= 2, "{f}");
        }
    }

    #[test]
    fn iso7064_examples() {
        // [PAKETDA] 01015026003653c; [TND] dpd 008182709980000020033350276C.
        assert_eq!(iso7064_mod37_36(b"01015026003653"), b'C');
        assert_eq!(iso7064_mod37_36(b"008182709980000020045327276"), b'N');
    }

    #[test]
    fn luhn_examples() {
        // [TND] purolator and old_dominion test numbers.
        assert!(luhn_ok(b"320595463938") && luhn_ok(b"80003280379"));
        assert!(!luhn_ok(b"320595463939") && !luhn_ok(b"07209562773"));
    }
}
