//! [`Carrier`] (generated from `mappings/`, one variant per file, plus the
//! detection-only ids of `src/table/detection_only.tsv`) and the code lookup,
//! the hot path: no allocation, one hash, one key comparison.

use crate::status::{EtaHint, Reason, Status, Substatus};
use crate::table::Table;
use core::fmt;
use core::str::FromStr;

include!(concat!(env!("OUT_DIR"), "/mappings_generated.rs"));

/// Longest composed key [`Carrier::lookup_parts`] builds on the stack; longer
/// keys are not in any table (codes are at most 255 bytes), so they miss.
pub(crate) const MAX_KEY: usize = 256;

/// The key made by joining `parts` in `buf`; `None` when it is longer than
/// any code in a table.
#[inline]
pub(crate) fn compose<'b>(parts: &[&str], buf: &'b mut [u8; MAX_KEY]) -> Option<&'b [u8]> {
    let mut len = 0;
    for p in parts {
        let end = len + p.len();
        buf.get_mut(len..end)?.copy_from_slice(p.as_bytes());
        len = end;
    }
    buf.get(..len)
}

/// One row of a carrier's mapping table: what a raw carrier code means in the
/// standard vocabulary.
///
/// A row is 32 bytes, aligned to 32, so the part a lookup compares never
/// spans two cache lines.
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(align(32))]
pub struct Mapping {
    /// The first 16 bytes of the code as two words (see `table/hash.rs`).
    pub(crate) key_words: (u64, u64),
    status: Status,
    substatus: Substatus,
    reason: Option<Reason>,
    eta: EtaHint,
    key_len: u8,
    desc_len: u8,
    /// Offset of the code in `KEYS` (bits 0–23), of the description in
    /// `DESCRIPTIONS` (bits 24–47), the file line (bits 48–62) and the
    /// `coarse` flag (bit 63).
    packed: u64,
}

impl Mapping {
    #[allow(clippy::too_many_arguments)]
    pub(crate) const fn new(
        key_words: (u64, u64),
        status: Status,
        substatus: Substatus,
        reason: Option<Reason>,
        eta: EtaHint,
        key_off: u32,
        key_len: u8,
        desc_off: u32,
        desc_len: u8,
        line: u16,
        flags: u8,
    ) -> Self {
        Mapping {
            key_words,
            status,
            substatus,
            reason,
            eta,
            key_len,
            desc_len,
            packed: (key_off as u64 & 0xFF_FFFF)
                | ((desc_off as u64 & 0xFF_FFFF) << 24)
                | ((line as u64 & 0x7FFF) << 48)
                | ((flags as u64 & 1) << 63),
        }
    }

    #[inline]
    fn key_off(&self) -> usize {
        self.packed as usize & 0xFF_FFFF
    }

    /// Length of the code in bytes.
    #[inline]
    pub(crate) fn code_len(&self) -> usize {
        self.key_len as usize
    }

    #[inline]
    pub(crate) fn code_bytes(&self) -> &'static [u8] {
        let start = self.key_off();
        KEYS.as_bytes()
            .get(start..start + self.key_len as usize)
            .unwrap_or_default()
    }

    /// The code as written in the mapping file (e.g. `status/011`, `SSTVD|NRQRD`).
    pub fn code(&self) -> &'static str {
        let start = self.key_off();
        KEYS.get(start..start + self.key_len as usize)
            .unwrap_or_default()
    }

    /// Normalized status.
    pub fn status(&self) -> Status {
        self.status
    }

    /// Normalized substatus (always under [`Mapping::status`]).
    pub fn substatus(&self) -> Substatus {
        self.substatus
    }

    /// Why it happened, when the code says.
    pub fn reason(&self) -> Option<Reason> {
        self.reason
    }

    /// What the code tells about the delivery date.
    pub fn eta(&self) -> EtaHint {
        self.eta
    }

    /// Short description of the code, in `wismo`'s words.
    pub fn description(&self) -> &'static str {
        let start = (self.packed >> 24) as usize & 0xFF_FFFF;
        DESCRIPTIONS
            .get(start..start + self.desc_len as usize)
            .unwrap_or_default()
    }

    /// Line of the row in `mappings/<carrier>.tsv`.
    pub fn line(&self) -> u32 {
        (self.packed >> 48) as u32 & 0x7FFF
    }

    /// Whether the code names a category rather than an event (the row's
    /// `coarse` flag in `mappings/`): DHL Unified's `transit`, Purolator's
    /// `Undeliverable` scan type. A sure reading of the event's own text
    /// refines such a row; a row without the flag is never overridden by text.
    pub fn is_coarse(&self) -> bool {
        self.packed >> 63 != 0
    }
}

// A row stays one 32-byte, 32-aligned slot (see the type's docs).
const _: () = assert!(std::mem::size_of::<Mapping>() == 32);

impl fmt::Debug for Mapping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mapping")
            .field("code", &self.code())
            .field("status", &self.status)
            .field("substatus", &self.substatus)
            .field("reason", &self.reason)
            .field("eta", &self.eta)
            .field("description", &self.description())
            .finish()
    }
}

impl Carrier {
    /// Looks up one raw code exactly as the mapping file writes it. No allocation;
    /// an unknown code is `None`.
    ///
    /// ```
    /// use wismo::{Carrier, Status};
    /// let m = Carrier::Ups.lookup("status/011").unwrap();
    /// assert_eq!(m.status(), Status::Delivered);
    /// assert!(Carrier::Ups.lookup("status/999x").is_none());
    /// ```
    #[inline(always)]
    pub fn lookup(self, code: &str) -> Option<&'static Mapping> {
        self.table().get(code.as_bytes())
    }

    /// Looks up the key made by joining `parts` (e.g. `["status/", code]`),
    /// composed in a stack buffer: no allocation.
    #[inline]
    pub fn lookup_parts(self, parts: &[&str]) -> Option<&'static Mapping> {
        let mut buf = [0u8; MAX_KEY];
        self.table().get(compose(parts, &mut buf)?)
    }

    /// Looks up an event code with its reason code: `EVENT|REASON`, then
    /// `EVENT|*`, then `EVENT`. No allocation.
    #[inline]
    pub fn lookup_pair(self, event: &str, reason: Option<&str>) -> Option<&'static Mapping> {
        if let Some(reason) = reason.filter(|r| !r.is_empty()) {
            if let Some(m) = self.lookup_parts(&[event, "|", reason]) {
                return Some(m);
            }
        }
        self.lookup_parts(&[event, "|*"])
            .or_else(|| self.lookup(event))
    }

    /// Every row of the carrier's table (in table order); empty for a
    /// detection-only id.
    pub fn mappings(self) -> &'static [Mapping] {
        self.table().rows()
    }

    /// Whether [`parse`](crate::parse) can read this carrier's tracking
    /// responses. `false` for the detection-only ids, which
    /// [`detect`](crate::detect) returns but which have no parser and no code
    /// table (`austrian_post`, `evri`, `gofo`, `lasership`, `old_dominion`,
    /// `ontrac`, `parcelforce`, `poste_italiane`, `speedee`, `swiss_post`,
    /// `yodel`, `yunexpress`; [`Carrier::mappings`] is empty for them), and
    /// for the few code tables without a parser yet (`upu`); `parse` answers
    /// [`Error::Unsupported`](crate::Error::Unsupported) for those.
    ///
    /// ```
    /// use wismo::Carrier;
    /// assert!(Carrier::Ups.has_parser());
    /// let ontrac: Carrier = "ontrac".parse()?;
    /// assert!(!ontrac.has_parser() && ontrac.mappings().is_empty());
    /// # Ok::<(), wismo::Error>(())
    /// ```
    pub const fn has_parser(self) -> bool {
        crate::carriers::has_parser(self)
    }
}

impl fmt::Display for Carrier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Common names a carrier goes by besides its id and [`Carrier::name`]
/// (compared without case, spaces and punctuation). A name shared by several
/// carriers lists them all and is ambiguous.
const ALIASES: &[(&str, &[Carrier])] = &[
    ("amazon", &[Carrier::AmazonShipping]),
    ("amazonlogistics", &[Carrier::AmazonShipping]),
    ("auspost", &[Carrier::AustraliaPost]),
    ("canadapostpostescanada", &[Carrier::CanadaPost]),
    ("deutschepost", &[Carrier::DhlParcelDe]),
    ("deutschepostdhl", &[Carrier::DhlParcelDe]),
    (
        "dhl",
        &[
            Carrier::DhlEcommerce,
            Carrier::DhlExpress,
            Carrier::DhlParcelDe,
            Carrier::DhlUnified,
        ],
    ),
    ("dhlgermany", &[Carrier::DhlParcelDe]),
    ("dhlparcelgermany", &[Carrier::DhlParcelDe]),
    ("federalexpress", &[Carrier::Fedex]),
    ("hermes", &[Carrier::HermesDe, Carrier::Evri]),
    ("laposte", &[Carrier::LaPoste]),
    ("mydhl", &[Carrier::DhlExpress]),
    ("mygls", &[Carrier::GlsMygls]),
    ("pochtarossii", &[Carrier::RussianPost]),
    ("postenorge", &[Carrier::Bring]),
    ("postennorge", &[Carrier::Bring]),
    ("postescanada", &[Carrier::CanadaPost]),
    ("unitedparcelservice", &[Carrier::Ups]),
    ("unitedstatespostalservice", &[Carrier::Usps]),
    ("uspostalservice", &[Carrier::Usps]),
    ("zasilkovna", &[Carrier::Packeta]),
];

/// The letters and digits of `s`, lower-cased, common Latin accents removed
/// (`Zásilkovna` → `zasilkovna`).
fn fold_name(s: &str) -> String {
    const ACCENTED: &str = "áàâäãåāčćçďéèêëěēíìîïľĺłňńñóòôöõøřšśťúùûüůýÿžźż";
    const PLAIN: &str = "aaaaaaacccdeeeeeeiiiilllnnnoooooorsstuuuuuyyzzz";
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| match ACCENTED.chars().position(|a| a == c) {
            Some(i) => PLAIN.as_bytes().get(i).map_or(c, |&b| char::from(b)),
            None => c,
        })
        .collect()
}

impl Carrier {
    /// The carrier an id or a common name means: the id (`"dhl_parcel_de"`),
    /// its name (`"DHL Paket"`), or an alias (`"Deutsche Post DHL"`,
    /// `"United Parcel Service"`), without regard to case, spaces or
    /// punctuation. A name of several carriers (`"DHL"`) is ambiguous; the
    /// error lists them, and for an unknown name the near matches.
    ///
    /// ```
    /// use wismo::Carrier;
    /// assert_eq!(Carrier::from_name("UPS").unwrap(), Carrier::Ups);
    /// assert_eq!(Carrier::from_name("DHL Paket").unwrap(), Carrier::DhlParcelDe);
    /// assert_eq!("Deutsche Post DHL".parse::<Carrier>().unwrap(), Carrier::DhlParcelDe);
    /// let err = Carrier::from_name("DHL").unwrap_err();
    /// assert!(err.ambiguous);
    /// assert_eq!(err.to_string(), "ambiguous carrier `DHL`: one of dhl_ecommerce, dhl_express, dhl_parcel_de, dhl_unified");
    /// ```
    pub fn from_name(s: &str) -> Result<Carrier, crate::status::UnknownWord> {
        if let Some(c) = Carrier::from_id(s) {
            return Ok(c);
        }
        let key = fold_name(s);
        // An id in other case or spelling (`"UPS"`, `"dhl-parcel-de"`) wins
        // over names: `"GLS"` is `gls`, not also `gls_mygls`.
        if let Some(c) = Carrier::ALL
            .iter()
            .copied()
            .find(|c| fold_name(c.as_str()) == key)
        {
            return Ok(c);
        }
        let forms = |c: Carrier| {
            let name = c.name();
            let (main, paren) = match name.split_once('(') {
                Some((m, p)) => (m, p.trim_end_matches(')')),
                None => (name, ""),
            };
            [
                fold_name(c.as_str()),
                fold_name(name),
                fold_name(main),
                fold_name(paren),
            ]
        };
        let mut hits: Vec<Carrier> = Carrier::ALL
            .iter()
            .copied()
            .filter(|&c| forms(c).iter().any(|f| !f.is_empty() && *f == key))
            .collect();
        for (alias, carriers) in ALIASES {
            if *alias == key {
                hits.extend_from_slice(carriers);
            }
        }
        hits.sort();
        hits.dedup();
        let ids = |cs: &[Carrier]| cs.iter().map(|c| c.as_str().to_string()).collect();
        match hits.as_slice() {
            [one] => Ok(*one),
            [] => {
                // Suggest carriers whose id or name contains the word or is
                // contained in it.
                let near: Vec<Carrier> = if key.len() < 2 {
                    Vec::new()
                } else {
                    Carrier::ALL
                        .iter()
                        .copied()
                        .filter(|&c| {
                            forms(c).iter().any(|f| {
                                (f.len() >= 2 && f.contains(&key))
                                    || (f.len() >= 4 && key.contains(f.as_str()))
                            })
                        })
                        .collect()
                };
                let mut e = crate::status::UnknownWord::new("carrier", s);
                e.candidates = ids(&near);
                Err(e)
            }
            many => {
                let mut e = crate::status::UnknownWord::new("carrier", s);
                e.candidates = ids(many);
                e.ambiguous = true;
                Err(e)
            }
        }
    }
}

impl FromStr for Carrier {
    type Err = crate::status::UnknownWord;

    /// Parses a carrier id or common name ([`Carrier::from_name`]).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Carrier::from_name(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_is_half_a_cache_line() {
        assert_eq!(std::mem::size_of::<Mapping>(), 32);
        assert_eq!(std::mem::align_of::<Mapping>(), 32);
    }

    #[test]
    fn packed_fields_read_back() {
        for &c in Carrier::ALL {
            for m in c.mappings() {
                assert_eq!(c.lookup(m.code()), Some(m));
                assert!(
                    !m.description().is_empty() && m.line() > 0,
                    "{c} {}",
                    m.code()
                );
            }
        }
    }
}
