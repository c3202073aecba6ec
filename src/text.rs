//! A free-text classifier for carrier event texts: [`classify`].
//!
//! Some carriers send only text (Australia Post, Poste Italiane, scraped
//! pages), and many send an unknown code beside a description. [`classify`]
//! reads such a text with phrase rules for English, Dutch, German, French,
//! Swedish, Spanish, Italian and Polish, and answers `None` when it is unsure
//! rather than guessing.
//!
//! # How it reads a text
//!
//! The text is lower-cased and folded to ASCII (`é` → `e`, `ß` → `ss`,
//! `ł` → `l`, …) into a fixed buffer on the stack; everything that is not a
//! letter or digit separates words. Each rule is a short phrase pattern
//! (`"could not be delivered + address"`) with the status it means. Rules are
//! ordered from the most specific meaning to the most general (a return beats
//! a failed attempt, which beats "delivered"), and the first rule that
//! matches wins. A few rules say "this text is not a status" and make the
//! answer `None` (a return label created, a pickup order cancelled).
//!
//! The hot path does not allocate: folding, word splitting and rule lookup
//! use stack buffers and a table built once, on first use. Folding and word
//! splitting are one pass (two-byte UTF-8 letters fold through a table).
//! Each word's first four bytes are its key: a bit set of the keys that
//! anchor some rule lets most words skip the table, and a bit set of the
//! text's own keys rejects most other pieces of a rule without a scan. The
//! rules anchored at the text's words are then tried lowest index first, so
//! the search ends at the first match in the hinted language. Texts longer
//! than [`MAX_TEXT`] folded bytes are read up to that length.
//!
//! A delivery that is only announced, expected, planned, requested,
//! conditional, negated or attempted is never `delivered` (rules for those
//! forms come before every delivered rule, in each language), and a delivery
//! to or at the sender is a return arriving.
//!
//! Accuracy is measured on a labelled corpus of real carrier texts
//! (`tests/data/phrases.tsv`, held out by source, see `tests/text.rs`), and
//! `tests/data/not_delivered.tsv` lists "almost delivered" texts that must
//! never come out `delivered`. Only answers at or above [`SURE`] are meant to
//! decide a status on their own.

use crate::status::{Status, Substatus};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

/// The confidence from which an answer of [`classify`] is *sure*: parsers and
/// the refinement of coarse carrier codes use an answer only when its
/// confidence is at least `SURE`; below it the answer is a hint.
///
/// Calibrated on the held-out part of the corpus (held out by source, see
/// `tests/text.rs`): answers at or above `SURE` are at least 99 % right
/// there, and the corpus test fails when they are not.
pub const SURE: f32 = 0.9;

/// Longest folded text read, in bytes; the rest of a longer text is ignored.
pub const MAX_TEXT: usize = 1024;

/// Most words read from one text.
const MAX_WORDS: usize = 256;

/// A language the classifier has rules for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
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
}

impl Lang {
    /// Every language, in declaration order.
    pub const ALL: &'static [Lang] = &[
        Lang::En,
        Lang::Nl,
        Lang::De,
        Lang::Fr,
        Lang::Sv,
        Lang::Es,
        Lang::It,
        Lang::Pl,
    ];

    /// The ISO 639-1 code (`en`, `nl`, …).
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::De => "de",
            Lang::Fr => "fr",
            Lang::Sv => "sv",
            Lang::Es => "es",
            Lang::It => "it",
            Lang::Pl => "pl",
        }
    }

    /// The language of a BCP 47 tag or locale (`de`, `de-AT`, `nl_BE`,
    /// `EN`), when the classifier has rules for it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or(tag);
        Lang::ALL
            .iter()
            .copied()
            .find(|l| l.as_str().eq_ignore_ascii_case(primary))
    }

    const fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Lang {
    type Err = crate::status::UnknownWord;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::from_tag(s).ok_or_else(|| crate::status::UnknownWord::new("language", s))
    }
}

/// Classifies a carrier's event text into a status, substatus and a
/// confidence between 0 and 1; `None` when no rule is sure.
///
/// `lang_hint` is the language the carrier writes in, when known: rules of
/// that language are preferred, and a match only in another language's
/// rules gets a lower confidence. Without a hint every language is tried.
///
/// ```
/// use wismo::{classify, Lang, Status, Substatus};
///
/// let (status, substatus, _) = classify("Zugestellt an Nachbarn", Some(Lang::De)).unwrap();
/// assert_eq!((status, substatus), (Status::Delivered, Substatus::DeliveredToNeighbor));
/// assert_eq!(classify("Votre colis est livré.", None).unwrap().0, Status::Delivered);
/// assert_eq!(classify("Photo taken of parcel", None), None);
/// ```
pub fn classify(text: &str, lang_hint: Option<Lang>) -> Option<(Status, Substatus, f32)> {
    let (id, factor) = first_rule(text, lang_hint)?;
    let rule = RULES.get(id)?;
    let sub = rule.target?;
    Some((
        sub.status(),
        sub,
        f32::from(rule.confidence) / 100.0 * factor,
    ))
}

/// The rule that decides `text` (a diagnostic for calibrating the rules'
/// confidences, see `tests/text.rs`): its index in precedence order, its
/// pattern and its confidence in percent. A rule of a "not a status" kind
/// matches too (then [`classify`] answers `None`).
#[doc(hidden)]
pub fn deciding_rule(text: &str, lang_hint: Option<Lang>) -> Option<(usize, &'static str, u8)> {
    let (id, _) = first_rule(text, lang_hint)?;
    RULES.get(id).map(|r| (id, r.pattern, r.confidence))
}

/// Rule `id`'s pattern, confidence in percent and substatus (`None` for a
/// "not a status" rule) (a diagnostic, see [`deciding_rule`]).
#[doc(hidden)]
pub fn rule_info(id: usize) -> Option<(&'static str, u8, Option<Substatus>)> {
    RULES.get(id).map(|r| (r.pattern, r.confidence, r.target))
}

/// Number of phrase rules, all languages together (a diagnostic, see
/// [`deciding_rule`]).
#[doc(hidden)]
pub fn rules_total() -> usize {
    RULES.len()
}

/// The index of the first matching rule and the confidence factor of the
/// language hint.
#[inline(always)]
fn first_rule(text: &str, lang_hint: Option<Lang>) -> Option<(usize, f32)> {
    let index = index();
    let mut folded = Folded::new();
    folded.fold(text, &index.fold2);
    let mut search = Search {
        best_hint: usize::MAX,
        best_any: usize::MAX,
        hint_bit: lang_hint.map_or(0, Lang::bit),
        found: [0; BATCH],
        n: 0,
    };
    // Gather the rules anchored at a word of the text, then try them in
    // precedence order: the first that matches in the hinted language ends
    // the search.
    // The seen-set of word keys, kept in a register until the words are
    // done (an overflowing batch sets the text's own to "everything").
    let mut seen = 0u128;
    for w in 0..folded.nwords {
        let start = usize::from(folded.words[w]);
        let head = head8(&folded.buf, start);
        let low = head as u32;
        let len = word_len4(low);
        seen |= 1 << seen_bit(cut_key(low, len));
        if index.may_anchor(low) {
            gather(low, head, start, &mut search, &mut folded, index);
        }
        if len <= 2 {
            // A rule anchored at this one short word alone.
            let alone = low & ((1 << (8 * (len + 1))) - 1);
            if alone != low && index.may_anchor(alone) {
                gather(alone, head, start, &mut search, &mut folded, index);
            }
        }
    }
    folded.seen |= seen;
    for &id in &index.floating {
        let langs = RULES.get(usize::from(id)).map_or(0, |r| r.langs);
        if search.wants(usize::from(id), langs) {
            search.push(id, FLOATING, &mut folded, index);
        }
    }
    search.flush(&folded, index);
    let (id, factor) = if search.best_hint != usize::MAX {
        (search.best_hint, 1.0)
    } else if search.best_any != usize::MAX {
        (
            search.best_any,
            if search.hint_bit == 0 { 1.0 } else { 0.85 },
        )
    } else {
        return None;
    };
    Some((id, factor))
}

/// Gathers the rules whose anchor key is `key` and whose anchor starts
/// like the word at `start` (first eight bytes `head`). Called for the keys
/// that pass [`Index::may_anchor`].
fn gather(
    key: u32,
    head: u64,
    start: usize,
    search: &mut Search,
    folded: &mut Folded,
    index: &Index,
) {
    for cand in index.lookup(key) {
        if head & cand.mask == cand.head && search.wants(usize::from(cand.id), cand.langs) {
            search.push(cand.id, start as u16, folded, index);
        }
    }
}

/// Candidates gathered before they are tried in precedence order.
const BATCH: usize = 64;

/// The word start of a rule whose anchor does not start at a word.
const FLOATING: u16 = u16::MAX;

/// The search for the first matching rule: the lowest matching rule index in
/// the hinted language and in any language, and the candidates not yet
/// tried, as `id << 16 | word start`.
struct Search {
    best_hint: usize,
    best_any: usize,
    hint_bit: u8,
    found: [u32; BATCH],
    n: usize,
}

impl Search {
    /// Whether rule `id` (of languages `langs`) could still change the answer.
    fn wants(&self, id: usize, langs: u8) -> bool {
        id < self.best_hint && (langs & self.hint_bit != 0 || id < self.best_any)
    }

    fn push(&mut self, id: u16, start: u16, folded: &mut Folded, index: &Index) {
        if self.n == BATCH {
            // Rare: more candidates than fit. Words after this one are not
            // in the seen-set yet, so it stops filtering.
            folded.seen = u128::MAX;
            self.flush(folded, index);
        }
        if let Some(slot) = self.found.get_mut(self.n) {
            *slot = (u32::from(id) << 16) | u32::from(start);
            self.n += 1;
        }
    }

    /// Tries the gathered candidates, lowest rule index first.
    fn flush(&mut self, folded: &Folded, index: &Index) {
        let n = self.n;
        self.n = 0;
        let Some(found) = self.found.get_mut(..n) else {
            return;
        };
        found.sort_unstable();
        for &entry in found.iter() {
            let id = (entry >> 16) as usize;
            let start = (entry & 0xFFFF) as u16;
            if id >= self.best_hint {
                break;
            }
            let (Some(rule), Some(compiled)) = (RULES.get(id), index.rules.get(id)) else {
                continue;
            };
            let in_hint = rule.langs & self.hint_bit != 0;
            if !in_hint && id >= self.best_any {
                continue;
            }
            let anchored = if start == FLOATING {
                folded.has(&compiled.anchor)
            } else {
                let start = usize::from(start);
                compiled.anchor.short
                    || folded.has_at(start, head8(&folded.buf, start), &compiled.anchor)
            };
            if anchored && compiled.matches_rest(folded) {
                if in_hint {
                    self.best_hint = id;
                    break;
                }
                self.best_any = id;
                if self.hint_bit == 0 {
                    break;
                }
            }
        }
    }
}

/// The folded text: ` word word … ` (a space before and after every word),
/// lower-case ASCII, in a stack buffer.
struct Folded {
    /// The folded text, then zeros (8 more bytes, so a word's first eight
    /// bytes can always be read).
    buf: [u8; MAX_TEXT + 8],
    len: usize,
    words: [u16; MAX_WORDS],
    nwords: usize,
    /// A 128-bit set of the word keys seen (see [`seen_bit`]): a piece whose
    /// key is not in it is not in the text.
    seen: u128,
}

impl Folded {
    fn new() -> Self {
        let mut buf = [0u8; MAX_TEXT + 8];
        buf[0] = b' ';
        Folded {
            buf,
            len: 1,
            words: [0; MAX_WORDS],
            nwords: 0,
            seen: 0,
        }
    }

    fn may_have(&self, key: u32) -> bool {
        self.seen & (1 << seen_bit(key)) != 0
    }

    /// Folds `text` into the buffer: ` word word … `. Stops (at a word
    /// boundary) when the buffer or the word list is full. `fold2` is the
    /// folding of the two-byte UTF-8 characters ([`fold2_table`]).
    fn fold(&mut self, text: &str, fold2: &[[u8; 3]]) {
        // A text of up to 511 bytes folds to at most 513 and has at most 256
        // words: no limit to check.
        if text.len() < 2 * MAX_WORDS && text.len() + 3 < MAX_TEXT {
            self.fold_limited::<false>(text, fold2);
        } else {
            self.fold_limited::<true>(text, fold2);
        }
    }

    fn fold_limited<const LIMITS: bool>(&mut self, text: &str, fold2: &[[u8; 3]]) {
        // Longest fold of one char ("ss", "ae") plus the closing space.
        const ROOM: usize = MAX_TEXT - 3;
        let bytes = text.as_bytes();
        let buf = &mut self.buf;
        let words = &mut self.words;
        let mut len = 1;
        let mut nwords = 0;
        let mut in_word = false;
        let mut i = 0;
        while !LIMITS || len < ROOM {
            let Some(&b) = bytes.get(i) else { break };
            let f = BYTE_FOLD[usize::from(b)];
            if f > b' ' && in_word {
                buf[len] = f;
                len += 1;
                i += 1;
                continue;
            }
            // [count, byte, byte]: what the character folds to.
            let folded: [u8; 3] = if f == b' ' {
                i += 1;
                [0; 3]
            } else if f != 0 {
                i += 1;
                [1, f, 0]
            } else if b & 0xE0 == 0xC0 {
                let next = bytes.get(i + 1).copied().unwrap_or(0);
                let cp = (usize::from(b & 0x1F) << 6) | usize::from(next & 0x3F);
                i += 2;
                fold2.get(cp.wrapping_sub(0x80)).copied().unwrap_or([0; 3])
            } else {
                let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
                    break;
                };
                i += c.len_utf8();
                fold_one(c)
            };
            let n = usize::from(folded[0]);
            if n == 0 {
                if in_word {
                    buf[len] = b' ';
                    len += 1;
                    in_word = false;
                }
                continue;
            }
            if !in_word {
                if LIMITS && nwords == MAX_WORDS {
                    break;
                }
                words[nwords] = len as u16;
                nwords += 1;
                in_word = true;
            }
            buf[len] = folded[1];
            buf[len + 1] = folded[2];
            len += n;
            if !LIMITS {
                // The rest of the word's ASCII letters and digits.
                while let Some(&b) = bytes.get(i) {
                    let f = BYTE_FOLD[usize::from(b)];
                    if f <= b' ' {
                        break;
                    }
                    buf[len] = f;
                    len += 1;
                    i += 1;
                }
            }
        }
        if in_word {
            buf[len] = b' ';
            len += 1;
        }
        // Bytes written past the end are not text.
        if let Some(tail) = buf.get_mut(len..len + 8) {
            tail.fill(0);
        }
        self.len = len;
        self.nwords = nwords;
    }

    fn text(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }

    /// Whether `piece` sits at the word starting at `start`, whose first
    /// eight bytes are `head`.
    fn has_at(&self, start: usize, head: u64, piece: &Piece) -> bool {
        head & piece.mask == piece.head
            && (piece.short
                || self
                    .text()
                    .get(start - 1..)
                    .is_some_and(|t| t.starts_with(&piece.bytes)))
    }

    /// Whether `piece` occurs: at a word start (checked word by word), or
    /// anywhere for a piece that starts inside a word.
    fn has(&self, piece: &Piece) -> bool {
        if !piece.at_word {
            return find(self.text(), &piece.bytes);
        }
        if piece.keyed && !self.may_have(piece.key) {
            return false;
        }
        self.words
            .get(..self.nwords)
            .unwrap_or_default()
            .iter()
            .any(|&w| {
                let w = usize::from(w);
                self.has_at(w, head8(&self.buf, w), piece)
            })
    }
}

/// The bit of a word key in [`Folded::seen`].
fn seen_bit(key: u32) -> u32 {
    key.wrapping_mul(0x85EB_CA6B) >> 25
}

/// What one character folds to: `[count, byte, byte]`, count 0 for a
/// separator.
fn fold_one(c: char) -> [u8; 3] {
    match fold_char(c) {
        Some(f) => {
            let b = f.as_bytes();
            [
                b.len() as u8,
                b.first().copied().unwrap_or(0),
                b.get(1).copied().unwrap_or(0),
            ]
        }
        // A letter we do not fold: keeps the word a word, never matches a
        // pattern.
        None if c.is_alphanumeric() => [1, 1, 0],
        None => [0; 3],
    }
}

/// [`fold_one`] of every two-byte UTF-8 character (U+0080 to U+07FF).
fn fold2_table() -> Vec<[u8; 3]> {
    (0x80u32..0x800)
        .map(|cp| char::from_u32(cp).map_or([0; 3], fold_one))
        .collect()
}

fn find(hay: &[u8], needle: &[u8]) -> bool {
    // Pieces start with a space (a word start); scan for the letter after
    // it, which is rarer than a space.
    let skip = usize::from(needle.len() > 1 && needle.first() == Some(&b' '));
    let Some(&first) = needle.get(skip) else {
        return true;
    };
    let mut from = skip;
    while let Some(pos) = hay
        .get(from..)
        .and_then(|h| h.iter().position(|&b| b == first))
    {
        let at = from + pos - skip;
        if hay.get(at..).is_some_and(|t| t.starts_with(needle)) {
            return true;
        }
        from += pos + 1;
    }
    false
}

/// ASCII letters and digits lower-cased; a space for every other ASCII
/// byte; zero for the bytes of non-ASCII characters.
const BYTE_FOLD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            b' '
        };
        b += 1;
    }
    t
};

/// ASCII folding of the non-ASCII letters carriers write in the supported
/// languages (and their neighbours).
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ą' => {
            "a"
        }
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'Ď' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ę' | 'Ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ł' | 'Ł' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ő' => {
            "o"
        }
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'Ś' | 'Š' => "s",
        'ß' => "ss",
        'ť' | 'Ť' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ű' | 'ů' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ű' | 'Ů' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => return None,
    })
}

/// The seen-set key of the word starting at `start` ([`cut_key`]).
fn word_key(buf: &[u8], start: usize) -> u32 {
    let low = head8(buf, start) as u32;
    cut_key(low, word_len4(low))
}

/// The length of the word whose first four bytes (then a space, or zeros)
/// are `low`, up to 4.
fn word_len4(low: u32) -> u32 {
    // Bytes equal to a space become zero; find the lowest zero byte.
    let x = low ^ 0x2020_2020;
    let zero = x.wrapping_sub(0x0101_0101) & !x & 0x8080_8080;
    (zero.trailing_zeros() / 8).min(4)
}

/// A word's first four bytes `low`, cut at its end (`len` bytes).
fn cut_key(low: u32, len: u32) -> u32 {
    if len >= 4 {
        low
    } else {
        low & ((1u32 << (8 * len)) - 1)
    }
}

/// One phrase rule: languages, pattern, meaning.
struct Rule {
    /// Bit set of [`Lang::bit`].
    langs: u8,
    /// `piece [+ piece]… [- piece]…`: every `+` piece must occur, no `-`
    /// piece may. A piece is words separated by single spaces; a word must
    /// match a whole word unless it ends in `*` (prefix) or starts with `*`
    /// (anywhere in a word). The first piece should start at a word so the
    /// rule can be looked up by it.
    pattern: &'static str,
    /// The meaning, or `None`: the text is not a status.
    target: Option<Substatus>,
    /// Confidence in percent.
    confidence: u8,
}

/// A rule's pieces as byte strings to find in the folded text.
struct Compiled {
    anchor: Piece,
    also: Vec<Piece>,
    not: Vec<Piece>,
}

impl Compiled {
    fn matches_rest(&self, t: &Folded) -> bool {
        self.also.iter().all(|p| t.has(p)) && !self.not.iter().any(|p| t.has(p))
    }
}

/// One piece of a pattern, ready to compare: its bytes and, for a piece
/// that starts at a word, its first eight bytes after the space.
struct Piece {
    bytes: Vec<u8>,
    /// Starts at a word (the bytes begin with a space).
    at_word: bool,
    head: u64,
    mask: u64,
    /// The head is the whole piece: a head match is a match.
    short: bool,
    /// The key of the first word ([`cut_key`]), and whether every word the
    /// piece matches has that key (not so for a prefix under four letters).
    key: u32,
    keyed: bool,
}

impl Piece {
    fn new(piece: &str) -> Piece {
        let bytes = piece_bytes(piece);
        let at_word = bytes.first() == Some(&b' ');
        let n = bytes.len().saturating_sub(1).min(8);
        let mask = if n == 8 {
            u64::MAX
        } else {
            (1u64 << (8 * n)) - 1
        };
        let after = bytes.get(1..).unwrap_or_default();
        Piece {
            head: head8(&bytes, 1) & mask,
            mask,
            short: at_word && bytes.len() <= 9,
            key: word_key(&bytes, 1),
            keyed: at_word && (after.len() >= 4 || after.contains(&b' ')),
            at_word,
            bytes,
        }
    }
}

/// A piece of a pattern as bytes: ` word` for a word start, `word ` for a
/// word end.
fn piece_bytes(piece: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(piece.len() + 2);
    for (i, word) in piece.split(' ').enumerate() {
        if i > 0 {
            out.push(b' ');
        }
        let (open, word) = match word.strip_prefix('*') {
            Some(w) => (true, w),
            None => (false, word),
        };
        let (prefix, word) = match word.strip_suffix('*') {
            Some(w) => (true, w),
            None => (false, word),
        };
        if i == 0 && !open {
            out.push(b' ');
        }
        out.extend_from_slice(word.as_bytes());
        let last = i + 1 == piece.split(' ').count();
        if last && !prefix {
            out.push(b' ');
        }
    }
    out
}

/// Splits a pattern into its `+` and `-` pieces.
fn pieces(pattern: &str) -> (Vec<&str>, Vec<&str>) {
    let mut must = Vec::new();
    let mut not = Vec::new();
    let mut neg = false;
    let mut rest = pattern;
    loop {
        let next = [" + ", " - "]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|at| (at, *sep)))
            .min_by_key(|(at, _)| *at);
        let (piece, tail, sep) = match next {
            Some((at, sep)) => (&rest[..at], &rest[at + 3..], Some(sep)),
            None => (rest, "", None),
        };
        if neg {
            not.push(piece.trim());
        } else {
            must.push(piece.trim());
        }
        match sep {
            Some(s) => {
                neg = s == " - ";
                rest = tail;
            }
            None => break,
        }
    }
    (must, not)
}

/// A rule anchored at a word: the first eight bytes of its anchor (after
/// the leading space) and which of them count, so most candidates are
/// dismissed with one comparison.
#[derive(Clone, Copy)]
struct Candidate {
    head: u64,
    mask: u64,
    id: u16,
    /// The rule's languages.
    langs: u8,
}

/// The first eight bytes at `at` as a little-endian word.
fn head8(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().unwrap_or_default()),
        None => {
            let mut h = [0u8; 8];
            for (d, s) in h.iter_mut().zip(bytes.get(at..).unwrap_or_default()) {
                *d = *s;
            }
            u64::from_le_bytes(h)
        }
    }
}
/// The rules compiled, and a hash table from word keys to the rules
/// anchored at such a word.
struct Index {
    rules: Vec<Compiled>,
    /// Open addressing: (key, start, len) into `ids`; key 0 is empty.
    slots: Vec<(u32, u32, u32)>,
    ids: Vec<Candidate>,
    /// Rules whose first piece does not start at a word.
    floating: Vec<u16>,
    bits: u32,
    /// A 16384-bit set of the anchor keys (see [`anchor_bit`]): most words
    /// anchor no rule and skip the table.
    anchors: [u64; 256],
    /// See [`fold2_table`].
    fold2: Vec<[u8; 3]>,
}

impl Index {
    fn slot(&self, key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B1) >> (32 - self.bits)) as usize
    }

    fn may_anchor(&self, key: u32) -> bool {
        let bit = anchor_bit(key);
        self.anchors
            .get(bit >> 6)
            .is_some_and(|w| w & (1 << (bit & 63)) != 0)
    }

    fn lookup(&self, key: u32) -> &[Candidate] {
        let mask = self.slots.len() - 1;
        let mut s = self.slot(key);
        loop {
            match self.slots.get(s) {
                Some(&(k, start, len)) if k == key => {
                    return self
                        .ids
                        .get(start as usize..(start + len) as usize)
                        .unwrap_or_default();
                }
                Some(&(0, _, _)) | None => return &[],
                Some(_) => s = (s + 1) & mask,
            }
        }
    }

    fn build() -> Index {
        let mut rules = Vec::with_capacity(RULES.len());
        let mut keyed: Vec<(u32, Candidate)> = Vec::new();
        let mut floating = Vec::new();
        for (id, rule) in RULES.iter().enumerate() {
            let (must, not) = pieces(rule.pattern);
            let anchor = Piece::new(must.first().copied().unwrap_or_default());
            if anchor.at_word {
                // The first four bytes after the space: a short first
                // word with the start of the next, or with its space.
                keyed.push((
                    anchor.head as u32,
                    Candidate {
                        head: anchor.head,
                        mask: anchor.mask,
                        id: id as u16,
                        langs: rule.langs,
                    },
                ));
            } else {
                floating.push(id as u16);
            }
            rules.push(Compiled {
                anchor,
                also: must.iter().skip(1).map(|p| Piece::new(p)).collect(),
                not: not.iter().map(|p| Piece::new(p)).collect(),
            });
        }
        keyed.sort_by_key(|(k, c)| (*k, c.id));
        let distinct = keyed.windows(2).filter(|w| w[0].0 != w[1].0).count() + 1;
        let bits = (distinct * 2).next_power_of_two().trailing_zeros().max(4);
        let mut index = Index {
            rules,
            slots: vec![(0, 0, 0); 1 << bits],
            ids: keyed.iter().map(|&(_, c)| c).collect(),
            floating,
            bits,
            anchors: [0; 256],
            fold2: fold2_table(),
        };
        for &(key, _) in &keyed {
            let bit = anchor_bit(key);
            if let Some(w) = index.anchors.get_mut(bit >> 6) {
                *w |= 1 << (bit & 63);
            }
        }
        let mask = index.slots.len() - 1;
        let mut i = 0;
        while i < keyed.len() {
            let key = keyed[i].0;
            let run = keyed[i..].iter().take_while(|(k, _)| *k == key).count();
            let mut s = index.slot(key);
            while index.slots[s].0 != 0 {
                s = (s + 1) & mask;
            }
            index.slots[s] = (key, i as u32, run as u32);
            i += run;
        }
        index
    }
}

/// The bit of a word key in [`Index::anchors`].
fn anchor_bit(key: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B1) >> 18) as usize
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(Index::build)
}

/// Number of phrase rules, per language (a rule may serve several).
pub fn rule_count(lang: Lang) -> usize {
    RULES.iter().filter(|r| r.langs & lang.bit() != 0).count()
}

#[cfg(test)]
pub(crate) fn rule_patterns() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|r| r.pattern)
}

const EN: u8 = Lang::En.bit();
const NL: u8 = Lang::Nl.bit();
const DE: u8 = Lang::De.bit();
const FR: u8 = Lang::Fr.bit();
const SV: u8 = Lang::Sv.bit();
const ES: u8 = Lang::Es.bit();
const IT: u8 = Lang::It.bit();
const PL: u8 = Lang::Pl.bit();

macro_rules! rules {
    ($( $langs:expr, $pattern:literal => $target:tt $conf:literal; )*) => {
        static RULES: &[Rule] = &[
            $( Rule { langs: $langs, pattern: $pattern, target: rules!(@t $target), confidence: $conf }, )*
        ];
    };
    (@t none) => { None };
    (@t $sub:ident) => { Some(Substatus::$sub) };
}

include!("text_rules.rs");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_splits() {
        let mut f = Folded::new();
        f.fold(
            "Zugestellt an Nachbarn — Straße 5, Łódź; n'a pas",
            &fold2_table(),
        );
        assert_eq!(
            std::str::from_utf8(f.text()).unwrap(),
            " zugestellt an nachbarn strasse 5 lodz n a pas "
        );
        assert_eq!(f.nwords, 9);
    }

    #[test]
    fn pattern_pieces() {
        assert_eq!(piece_bytes("bij de buren"), b" bij de buren ");
        assert_eq!(piece_bytes("nachbar*"), b" nachbar");
        assert_eq!(piece_bytes("*paketshop*"), b"paketshop");
        assert_eq!(
            pieces("delivered - not + x - will be"),
            (vec!["delivered", "x"], vec!["not", "will be"])
        );
    }

    #[test]
    fn patterns_are_folded_and_anchored() {
        for p in rule_patterns() {
            assert!(
                p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b" *+-".contains(&b)),
                "pattern `{p}` is not folded"
            );
            let (must, not) = pieces(p);
            for piece in must.iter().chain(&not) {
                assert!(
                    !piece.is_empty() && !piece.contains("  "),
                    "bad piece in `{p}`"
                );
            }
            for piece in must.iter().chain(&not) {
                let words: Vec<&str> = piece.split(' ').collect();
                for (i, w) in words.iter().enumerate() {
                    assert!(
                        (!w.ends_with('*') || i + 1 == words.len())
                            && (!w.starts_with('*') || i == 0),
                        "`*` inside piece `{piece}` of `{p}`: only at its start or end"
                    );
                }
            }
            let first = must[0].split(' ').next().unwrap();
            assert!(
                first.starts_with('*')
                    || first.trim_end_matches('*').len() >= 4
                    || !first.ends_with('*'),
                "anchor `{first}` of `{p}`: a prefix needs 4 letters"
            );
        }
    }

    #[test]
    fn long_text_does_not_panic() {
        let long = "delivered ".repeat(500);
        assert!(classify(&long, None).is_some());
        let wide = "é".repeat(2000);
        assert_eq!(classify(&wide, None), None);
    }
}
