//! [`Normalizer`]: the choices of one deployment (mapping overrides, resource
//! limits, the language of carriers' texts), built once and shared.

use crate::overrides::{self, Meaning, Overrides};
use crate::{carriers, Carrier, Error, Lang, Limits, Tracking};
use std::collections::HashMap;
use std::sync::Arc;

/// The choices of one deployment, built once and used from many threads
/// (`Send + Sync`, cheap to clone): mapping [`Overrides`], resource
/// [`Limits`], and the language each carrier writes its texts in (a hint for
/// the text classifier).
///
/// [`Normalizer::parse`] is [`parse`](crate::parse) with these choices: every
/// code is looked up in the overrides first, then in the compiled table, and
/// each event answered by an override says so in
/// [`Event::override_source`](crate::Event::override_source).
///
/// ```
/// use wismo::{Carrier, Limits, Normalizer, Overrides, Lang};
///
/// let file = concat!(
///     "# carrier: fedex\n",
///     "# name: FedEx\n",
///     "# source: our review of FedEx answers, 2026-12\n",
///     "# key: same as mappings/fedex.tsv\n",
///     "code\tstatus\tsubstatus\treason\teta\tdescription\n",
///     "DL\tdelivered\tsigned_for\t-\tfinal\tdelivered, signature taken\n",
/// );
/// let overrides = Overrides::from_text("shop-fedex.tsv", file)?;
/// let normalizer = Normalizer::new()
///     .with_overrides(overrides)
///     .with_limits(Limits { max_body_bytes: 1 << 20, ..Limits::default() })
///     .with_language(Carrier::Bpost, Lang::Fr);
///
/// let body = std::fs::read("examples/data/fedex_delivered.json").unwrap();
/// let tracking = &normalizer.parse(Carrier::Fedex, &body).unwrap()[0];
/// let last = tracking.events.last().unwrap();
/// assert_eq!(last.substatus, wismo::Substatus::SignedFor);
/// assert_eq!(last.override_source.as_ref().unwrap().file, "shop-fedex.tsv");
/// # Ok::<(), wismo::MappingError>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct Normalizer {
    overrides: Option<Arc<Overrides>>,
    limits: Limits,
    languages: HashMap<Carrier, Lang>,
}

impl Normalizer {
    /// The compiled tables, default limits, each carrier's usual language.
    pub fn new() -> Self {
        Normalizer::default()
    }

    /// Uses `overrides` before the compiled tables (replacing any set before).
    pub fn with_overrides(mut self, overrides: Overrides) -> Self {
        self.overrides = (!overrides.is_empty()).then(|| Arc::new(overrides));
        self
    }

    /// Uses `limits` for every body.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Reads `carrier`'s event texts as `lang` (for carriers whose texts are
    /// in a language `wismo` does not assume, e.g. bpost in French).
    pub fn with_language(mut self, carrier: Carrier, lang: Lang) -> Self {
        self.languages.insert(carrier, lang);
        self
    }

    /// The overrides in use, if any.
    pub fn overrides(&self) -> Option<&Overrides> {
        self.overrides.as_deref()
    }

    /// The limits in use.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// The language hint used for `carrier`'s texts.
    pub fn language(&self, carrier: Carrier) -> Option<Lang> {
        self.languages
            .get(&carrier)
            .copied()
            .or_else(|| carriers::text_language(carrier))
    }

    /// Parses one response body of `carrier` (see [`parse`](crate::parse)),
    /// with this deployment's overrides, limits and language hints.
    pub fn parse(&self, carrier: Carrier, body: &[u8]) -> Result<Vec<Tracking>, Error> {
        self.limits.check_body(carrier, body)?;
        let _active = overrides::activate(self.overrides.clone());
        let trackings =
            carriers::parse(carrier, body, self.language(carrier)).map_err(Error::sanitized)?;
        self.limits.check_trackings(carrier, &trackings)?;
        Ok(trackings)
    }

    /// [`Normalizer::parse`] for one parcel (see [`parse_one`](crate::parse_one)).
    pub fn parse_one(&self, carrier: Carrier, body: &[u8]) -> Result<Tracking, Error> {
        crate::one(carrier, self.parse(carrier, body)?)
    }

    /// What `code` (a key exactly as the mapping files write it) means for
    /// `carrier`: the override row if one is loaded, else the compiled row.
    pub fn lookup(&self, carrier: Carrier, code: &str) -> Option<Meaning> {
        let _active = overrides::activate(self.overrides.clone());
        carrier.find(code).map(|h| h.meaning())
    }

    /// Re-derives the meaning of every event of a stored `tracking` from the
    /// current tables and these overrides, so stored trackings pick up
    /// corrected mappings; then refreshes the tracking's state.
    ///
    /// An event is looked up by its `mapping_key` when it has one, else by
    /// its raw code (and reason code). A key that no table knows any more
    /// makes the event unmapped; its text is then read by the classifier.
    /// Events whose raw code the parser rewrote into a namespaced key
    /// (`status/…`) and that were never mapped keep their meaning unless
    /// their text is read.
    pub fn remap(&self, tracking: &mut Tracking) {
        let _active = overrides::activate(self.overrides.clone());
        let carrier = tracking.carrier;
        for e in &mut tracking.events {
            let hit = match &e.mapping_key {
                Some(key) => carrier.find(key),
                None if !e.code.is_empty() => carrier.find_pair(&e.code, e.reason_code.as_deref()),
                None => None,
            };
            match hit {
                Some(h) => {
                    e.apply_hit(&h);
                    // Every word is derived again now.
                    e.unknown_words.clear();
                }
                None if e.mapped => e.forget_meaning(),
                None => {}
            }
        }
        carriers::interpret(self.language(carrier), tracking);
        tracking.refresh();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizer_is_send_and_sync() {
        fn check<T: Send + Sync + Clone>() {}
        check::<Normalizer>();
        check::<Overrides>();
    }
}
