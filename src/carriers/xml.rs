//! One-pass XML reading for the XML/SOAP parsers, straight from quick-xml's
//! pull reader: no element tree, no per-element allocation.
//!
//! A parser calls [`read`] with a closure that walks the document through an
//! [`Xml`] cursor: [`Xml::children`] visits the child elements of the element
//! just opened (or the root at the top), [`Xml::descendants`] every element
//! below it, [`Xml::text`] reads its text, [`Xml::record`] the texts of its
//! named children into one [`Record`] and [`Xml::attrs`] its attributes;
//! [`Events`] keeps a record's events. Whatever a visitor leaves unread is
//! skipped (still checked for syntax). Names are local names (namespace
//! prefixes dropped: `soap:Envelope` is `Envelope`); texts and attribute values
//! are unescaped and trimmed, and borrow from the body unless they had to be
//! unescaped or joined. A SOAP 1.1/1.2 `Fault` is read by [`Xml::fault`].
//!
//! Errors: a syntax error carries the byte offset where reading failed, and
//! wins over whatever the parser found before it (after a parser's closure
//! returns, the rest of the body is still read); nesting deeper than the
//! caller's [`Limits::max_depth`](crate::Limits) (at most [`MAX_DEPTH`]) is
//! [`Error::TooLarge`], checked as the body is read. Field paths are the
//! parsers' own.

use crate::{Carrier, Error, Event};
use quick_xml::events::attributes::AttrError;
use quick_xml::events::{BytesStart, Event as X};
use std::borrow::Cow;

/// Deepest element nesting the reader accepts, whatever the caller's
/// [`Limits`](crate::Limits) (which are checked before reading).
pub(crate) const MAX_DEPTH: usize = 256;

/// The carriers whose bodies are read here: their nesting depth is checked by
/// the reader as it reads (see [`with_depth_limit`]), not by a scan before.
pub(crate) const CARRIERS: [Carrier; 12] = [
    Carrier::Aramex,
    Carrier::Bpost,
    Carrier::CanadaPost,
    Carrier::Canpar,
    Carrier::Chronopost,
    Carrier::DhlParcelDe,
    Carrier::Dpd,
    Carrier::Landmark,
    Carrier::Packeta,
    Carrier::Purolator,
    Carrier::RussianPost,
    Carrier::Tnt,
];

thread_local! {
    /// The caller's nesting limit ([`Limits::max_depth`](crate::Limits)) for
    /// the body being parsed on this thread.
    static DEPTH_LIMIT: std::cell::Cell<usize> = const { std::cell::Cell::new(MAX_DEPTH) };
}

/// Runs `parse` with the caller's nesting limit for the reader; deeper
/// elements are [`Error::TooLarge`] `nesting depth`, as the scan before
/// reading says for other bodies.
pub(crate) fn with_depth_limit<T>(limit: usize, parse: impl FnOnce() -> T) -> T {
    let outer = DEPTH_LIMIT.with(|d| d.replace(limit));
    let result = parse();
    DEPTH_LIMIT.with(|d| d.set(outer));
    result
}

/// The body, for turning pieces that quick-xml hands out into slices of it.
#[derive(Clone, Copy)]
struct Source<'a> {
    bytes: &'a [u8],
}

impl<'a> Source<'a> {
    /// `part` as a str borrowed from the body when it lies inside it (quick-xml
    /// hands out slices of its input when nothing had to be unescaped).
    fn str_of(self, part: &[u8]) -> Option<&'a str> {
        let start = (part.as_ptr() as usize).checked_sub(self.bytes.as_ptr() as usize)?;
        let range = start..start.checked_add(part.len())?;
        std::str::from_utf8(self.bytes.get(range)?).ok()
    }

    /// A text piece borrowed from the body when possible.
    fn borrow(self, piece: Cow<'_, str>) -> Cow<'a, str> {
        match piece {
            Cow::Borrowed(s) => match self.str_of(s.as_bytes()) {
                Some(b) => Cow::Borrowed(b),
                None => Cow::Owned(s.to_string()),
            },
            Cow::Owned(s) => Cow::Owned(s),
        }
    }

    /// The local part of a qualified name, borrowed from the body.
    fn local(self, name: &[u8]) -> Option<&'a str> {
        let name = match name.iter().rposition(|b| *b == b':') {
            Some(i) => &name[i + 1..],
            None => name,
        };
        self.str_of(name)
    }
}

/// An element as it opens. Its attributes are read from the cursor
/// ([`Xml::attr`], [`Xml::attrs`]) before reading on.
#[derive(Clone, Copy)]
pub(crate) struct El<'a> {
    /// Local name (no prefix).
    pub(crate) name: &'a str,
}

/// One step of the reader.
enum Tok<'a> {
    Open(El<'a>),
    Close,
    /// A text node inside the root, decoded.
    Text(Cow<'a, str>),
    /// A CDATA section inside the root, decoded.
    CData(Cow<'a, str>),
    /// An entity or character reference inside the root, resolved.
    Char(char),
    Eof,
}

/// The cursor a parser walks the document with (see the module documentation).
pub(crate) struct Xml<'a> {
    carrier: Carrier,
    src: Source<'a>,
    reader: quick_xml::Reader<&'a [u8]>,
    /// Local names of the open elements, outermost first.
    open: Stack<'a>,
    /// The innermost open element came from an empty tag (`<a/>`): it closes
    /// at the next step.
    empty: bool,
    root: Option<&'a str>,
    /// A syntax or size error was returned: nothing more is read.
    failed: bool,
    /// The caller's nesting limit.
    max_depth: usize,
    /// The attributes of the element opened last, kept until the next
    /// element opens (one buffer for the whole body).
    attrs: Vec<Attr<'a>>,
}

/// The names of the open elements, outermost first: at most [`MAX_DEPTH`]
/// (and an empty element inside the deepest), so they fit in place.
struct Stack<'a> {
    names: [&'a str; MAX_DEPTH + 1],
    len: usize,
}

impl<'a> Stack<'a> {
    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn last(&self) -> Option<&'a str> {
        self.len.checked_sub(1).map(|i| self.names[i])
    }

    fn push(&mut self, name: &'a str) {
        self.names[self.len] = name;
        self.len += 1;
    }

    fn pop(&mut self) -> Option<&'a str> {
        let name = self.last()?;
        self.len -= 1;
        Some(name)
    }
}

/// An attribute as read: where its qualified name is in the tag (for the
/// duplicate check), its local name and its unescaped value.
struct Attr<'a> {
    key: std::ops::Range<usize>,
    local: &'a str,
    value: Cow<'a, str>,
}

/// Reads `body` with `walk`, then reads the rest of the body, so that a syntax
/// error anywhere is the answer (as when the whole body was read first).
pub(crate) fn read<'a, T>(
    carrier: Carrier,
    body: &'a [u8],
    walk: impl FnOnce(&mut Xml<'a>) -> Result<T, Error>,
) -> Result<T, Error> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let mut reader = quick_xml::Reader::from_reader(body);
    reader.config_mut().trim_text(false);
    let mut x = Xml {
        carrier,
        src: Source { bytes: body },
        reader,
        open: Stack {
            names: [""; MAX_DEPTH + 1],
            len: 0,
        },
        empty: false,
        root: None,
        failed: false,
        max_depth: DEPTH_LIMIT.with(|d| d.get()),
        attrs: Vec::new(),
    };
    let result = walk(&mut x);
    if x.failed {
        return result;
    }
    while !matches!(x.next()?, Tok::Eof) {}
    if x.root.is_none() {
        return Err(x.syntax_at_end("no root element".into()));
    }
    result
}

impl<'a> Xml<'a> {
    /// The root element's local name (empty before it opens).
    pub(crate) fn root(&self) -> &'a str {
        self.root.unwrap_or("")
    }

    /// The local name of the parent of the element just opened.
    pub(crate) fn parent(&self) -> Option<&'a str> {
        self.open.len().checked_sub(2).map(|i| self.open.names[i])
    }

    /// How many elements are open (1 inside the root).
    pub(crate) fn depth(&self) -> usize {
        self.open.len()
    }

    fn syntax(&mut self, message: String) -> Error {
        self.failed = true;
        Error::Xml {
            carrier: self.carrier,
            position: self.reader.error_position(),
            message,
        }
    }

    fn syntax_at_end(&mut self, message: String) -> Error {
        self.failed = true;
        Error::Xml {
            carrier: self.carrier,
            position: self.src.bytes.len() as u64,
            message,
        }
    }

    fn next(&mut self) -> Result<Tok<'a>, Error> {
        if std::mem::take(&mut self.empty) {
            self.open.pop();
            return Ok(Tok::Close);
        }
        loop {
            let ev = match self.reader.read_event() {
                Ok(ev) => ev,
                Err(e) => return Err(self.syntax(e.to_string())),
            };
            match ev {
                X::Start(e) | X::Empty(e) if self.open.is_empty() && self.root.is_some() => {
                    drop(e);
                    return Err(self.syntax("content after the root element".into()));
                }
                X::Start(e) => return self.open(e, false),
                X::Empty(e) => return self.open(e, true),
                X::End(_) => {
                    if self.open.pop().is_none() {
                        return Err(self.syntax("unexpected closing tag".into()));
                    }
                    return Ok(Tok::Close);
                }
                X::Text(t) => {
                    if self.open.is_empty() {
                        if !t.iter().all(|b| b.is_ascii_whitespace()) {
                            return Err(self.syntax("text outside the root element".into()));
                        }
                        continue;
                    }
                    return match t.decode() {
                        Ok(s) => Ok(Tok::Text(s)),
                        Err(e) => Err(self.syntax(e.to_string())),
                    };
                }
                X::CData(t) => {
                    let s = match t.decode() {
                        Ok(s) => s,
                        Err(e) => return Err(self.syntax(e.to_string())),
                    };
                    if !self.open.is_empty() {
                        return Ok(Tok::CData(s));
                    }
                }
                X::GeneralRef(r) => {
                    let c = match r.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        Ok(None) => match r.as_ref() {
                            b"amp" => '&',
                            b"lt" => '<',
                            b"gt" => '>',
                            b"quot" => '"',
                            b"apos" => '\'',
                            other => {
                                let m = format!(
                                    "unknown entity `&{};`",
                                    String::from_utf8_lossy(other)
                                );
                                return Err(self.syntax(m));
                            }
                        },
                        Err(e) => return Err(self.syntax(e.to_string())),
                    };
                    if !self.open.is_empty() {
                        return Ok(Tok::Char(c));
                    }
                }
                X::Eof => {
                    if let Some(open) = self.open.last() {
                        let m = format!("unexpected end of input inside <{open}>");
                        return Err(self.syntax_at_end(m));
                    }
                    return Ok(Tok::Eof);
                }
                X::Decl(_) | X::PI(_) | X::Comment(_) | X::DocType(_) => {}
            }
        }
    }

    fn open(&mut self, start: BytesStart<'a>, empty: bool) -> Result<Tok<'a>, Error> {
        let Some(name) = self.src.local(start.name().as_ref()) else {
            return Err(self.syntax("element name is not UTF-8".into()));
        };
        // Duplicates are checked here, against the attributes already read
        // (quick-xml's own check would allocate a list per element).
        self.attrs.clear();
        let tag: &[u8] = &start;
        for a in start.attributes().with_checks(false) {
            let read = a.map_err(|e| e.to_string()).and_then(|a| {
                let qname = a.key.as_ref();
                let at = qname.as_ptr() as usize - tag.as_ptr() as usize;
                if let Some(prev) = self.attrs.iter().find(|p| tag[p.key.clone()] == *qname) {
                    return Err(AttrError::Duplicated(at, prev.key.start).to_string());
                }
                let local = self
                    .src
                    .local(qname)
                    .ok_or_else(|| "element name is not UTF-8".to_string())?;
                let value = a.unescape_value().map_err(|e| e.to_string())?;
                Ok(Attr {
                    key: at..at + qname.len(),
                    local,
                    value: self.src.borrow(value),
                })
            });
            match read {
                Ok(a) => self.attrs.push(a),
                Err(m) => return Err(self.syntax(m)),
            }
        }
        if !empty && self.open.len() >= self.max_depth.min(MAX_DEPTH) {
            self.failed = true;
            return Err(Error::TooLarge {
                carrier: self.carrier,
                what: if self.max_depth < MAX_DEPTH {
                    "nesting depth"
                } else {
                    "XML nesting depth"
                },
                limit: self.max_depth.min(MAX_DEPTH),
            });
        }
        self.root.get_or_insert(name);
        self.open.push(name);
        self.empty = empty;
        Ok(Tok::Open(El { name }))
    }

    /// The named attributes of the element just opened (before anything else
    /// is read), trimmed, as a record.
    pub(crate) fn attrs<const N: usize>(&self, names: &'static [&'static str; N]) -> Record<'a, N> {
        let mut r = Record {
            names,
            texts: std::array::from_fn(|_| None),
            children: 0,
        };
        for Attr { local, value, .. } in &self.attrs {
            if let Some(i) = names.iter().position(|n| n == local) {
                if r.texts[i].is_none() {
                    r.texts[i] = Some(match value {
                        Cow::Borrowed(v) => Cow::Borrowed(v.trim()),
                        Cow::Owned(v) => Cow::Owned(v.trim().to_string()),
                    });
                }
            }
        }
        r
    }

    /// Reads on until the element open at `depth` (1 = the root) has closed.
    fn close_to(&mut self, depth: usize) -> Result<(), Error> {
        while self.open.len() >= depth {
            if matches!(self.next()?, Tok::Eof) {
                break;
            }
        }
        Ok(())
    }

    /// Visits each child element of the element just opened (at the top: the
    /// root), in document order; what `visit` leaves unread is skipped.
    pub(crate) fn children(
        &mut self,
        visit: impl FnMut(&mut Self, El<'a>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.walk(true, visit)
    }

    /// Visits every element below the element just opened (at the top: every
    /// element), depth first in document order; the elements inside one that
    /// `visit` read (with [`Xml::text`], [`Xml::children`], …) are not visited.
    pub(crate) fn descendants(
        &mut self,
        visit: impl FnMut(&mut Self, El<'a>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        self.walk(false, visit)
    }

    /// Reads to the end of the element just opened, visiting the elements
    /// that open in it: only its children (`skip`: the rest of each visited
    /// child is skipped), or all of them.
    fn walk(
        &mut self,
        skip: bool,
        mut visit: impl FnMut(&mut Self, El<'a>) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let depth = self.open.len();
        loop {
            match self.next()? {
                Tok::Open(el) => {
                    visit(self, el)?;
                    if skip {
                        self.close_to(depth + 1)?;
                    }
                }
                Tok::Close if self.open.len() < depth => return Ok(()),
                Tok::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// The text of the element just opened: its direct text, CDATA and
    /// references joined and trimmed (child elements are skipped).
    pub(crate) fn text(&mut self) -> Result<Cow<'a, str>, Error> {
        let depth = self.open.len();
        // Whitespace after some text is held back until more text follows:
        // trailing whitespace is trimmed, so it never allocates.
        let mut text: Cow<'a, str> = Cow::Borrowed("");
        let mut held: Cow<'a, str> = Cow::Borrowed("");
        loop {
            let direct = self.open.len() == depth;
            match self.next()? {
                Tok::Text(s) if direct => {
                    if s.bytes().all(|b| b.is_ascii_whitespace()) {
                        if !text.is_empty() {
                            append(&mut held, s);
                        }
                    } else {
                        append(&mut text, std::mem::take(&mut held));
                        append(&mut text, s);
                    }
                }
                Tok::CData(s) if direct => {
                    append(&mut text, std::mem::take(&mut held));
                    append(&mut text, s);
                }
                Tok::Char(c) if direct => {
                    append(&mut text, std::mem::take(&mut held));
                    text.to_mut().push(c);
                }
                Tok::Close if self.open.len() < depth => break,
                Tok::Eof => break,
                _ => {}
            }
        }
        Ok(match text {
            Cow::Borrowed(t) => Cow::Borrowed(t.trim()),
            Cow::Owned(t) if t.trim().len() != t.len() => Cow::Owned(t.trim().to_string()),
            owned => owned,
        })
    }

    /// Reads the children of the element just opened: the text of the first
    /// child named `names[i]` is field `i` of the record; every other child
    /// goes to `other`.
    pub(crate) fn record<const N: usize>(
        &mut self,
        names: &'static [&'static str; N],
        mut other: impl FnMut(&mut Self, El<'a>) -> Result<(), Error>,
    ) -> Result<Record<'a, N>, Error> {
        let mut r = Record {
            names,
            texts: std::array::from_fn(|_| None),
            children: 0,
        };
        self.children(|x, el| {
            r.children += 1;
            match names.iter().position(|n| *n == el.name) {
                Some(i) if r.texts[i].is_none() => {
                    r.texts[i] = Some(x.text()?);
                    Ok(())
                }
                Some(_) => Ok(()),
                None => other(x, el),
            }
        })?;
        Ok(r)
    }

    /// The texts of the named children of the element just opened (see
    /// [`Xml::record`]); other children are skipped.
    pub(crate) fn texts<const N: usize>(
        &mut self,
        names: &'static [&'static str; N],
    ) -> Result<Record<'a, N>, Error> {
        self.record(names, |_, _| Ok(()))
    }

    /// The text of the first child named `name` of the element just opened,
    /// `None` when absent or empty.
    pub(crate) fn text_of(&mut self, name: &str) -> Result<Option<Cow<'a, str>>, Error> {
        let mut found = None;
        self.children(|x, el| {
            if found.is_none() && el.name == name {
                found = Some(x.text()?);
            }
            Ok(())
        })?;
        Ok(found.filter(|t| !t.is_empty()))
    }

    /// Reads the SOAP 1.1/1.2 `Fault` element just opened; its children other
    /// than `faultcode`, `faultstring`, `Code` and `Reason` (`detail`, …) go
    /// to `detail`.
    pub(crate) fn fault(
        &mut self,
        mut detail: impl FnMut(&mut Self, El<'a>) -> Result<(), Error>,
    ) -> Result<Fault<'a>, Error> {
        let mut code_value = None;
        let mut reason_text = None;
        let r = self.record(&["faultcode", "faultstring"], |x, el| match el.name {
            "Code" if code_value.is_none() => {
                code_value = x.text_of("Value")?.map(Some);
                Ok(())
            }
            "Reason" if reason_text.is_none() => {
                reason_text = x.text_of("Text")?.map(Some);
                Ok(())
            }
            "Code" | "Reason" => Ok(()),
            _ => detail(x, el),
        })?;
        let [faultcode, faultstring] = r.texts;
        let nonempty = |t: Option<Cow<'a, str>>| t.filter(|t| !t.is_empty());
        Ok(Fault {
            code: nonempty(faultcode).or(code_value.flatten()),
            message: nonempty(faultstring).or(reason_text.flatten()),
        })
    }
}

/// Appends a text piece, staying borrowed while there is only one.
fn append<'a>(text: &mut Cow<'a, str>, piece: Cow<'a, str>) {
    if piece.is_empty() {
        return;
    }
    if text.is_empty() {
        *text = piece;
    } else {
        text.to_mut().push_str(&piece);
    }
}

/// The texts of an element's named children (see [`Xml::record`]).
pub(crate) struct Record<'a, const N: usize> {
    names: &'static [&'static str; N],
    texts: [Option<Cow<'a, str>>; N],
    children: usize,
}

impl<'a, const N: usize> Record<'a, N> {
    /// The text of the child `name` (one of the record's names), `None` when
    /// absent or empty.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        let i = self.names.iter().position(|n| *n == name);
        debug_assert!(i.is_some(), "{name} is not a field of the record");
        self.texts[i?].as_deref().filter(|t| !t.is_empty())
    }

    /// Moves the text of the child `name` out of the record (see
    /// [`Record::get`]).
    pub(crate) fn take(&mut self, name: &str) -> Option<Cow<'a, str>> {
        let i = self.names.iter().position(|n| *n == name);
        debug_assert!(i.is_some(), "{name} is not a field of the record");
        self.texts[i?].take().filter(|t| !t.is_empty())
    }

    /// Whether the element had no child element at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.children == 0
    }

    /// Whether the child `name` was there at all (even empty).
    pub(crate) fn has(&self, name: &str) -> bool {
        let i = self.names.iter().position(|n| *n == name);
        i.is_some_and(|i| self.texts[i].is_some())
    }
}

/// The events read from an element's children, and the first that could not
/// be read, which is reported only after the element's own fields are
/// checked (as when the whole element was at hand first).
pub(crate) struct Events {
    list: Vec<Event>,
    seen: usize,
    failed: Option<Error>,
}

impl Events {
    pub(crate) fn new() -> Self {
        Events {
            list: Vec::with_capacity(8),
            seen: 0,
            failed: None,
        }
    }

    /// The index of the next event element (for its path).
    pub(crate) fn index(&self) -> usize {
        self.seen
    }

    /// Whether no event element was read.
    pub(crate) fn is_empty(&self) -> bool {
        self.seen == 0
    }

    pub(crate) fn push(&mut self, event: Result<Event, Error>) {
        self.seen += 1;
        match event {
            Ok(e) => self.list.push(e),
            Err(e) => drop(self.failed.get_or_insert(e)),
        }
    }

    /// The events, or the first error.
    pub(crate) fn finish(self) -> Result<Vec<Event>, Error> {
        match self.failed {
            Some(e) => Err(e),
            None => Ok(self.list),
        }
    }
}

/// A SOAP fault's code (`faultcode`, or `Code/Value`) and message
/// (`faultstring`, or `Reason/Text`), each `None` when absent or empty.
pub(crate) struct Fault<'a> {
    pub(crate) code: Option<Cow<'a, str>>,
    pub(crate) message: Option<Cow<'a, str>>,
}

impl Fault<'_> {
    /// The fault as a carrier error: `code: message` (`SOAP fault` when there
    /// is no message).
    pub(crate) fn error(&self, carrier: Carrier) -> Error {
        let message = self.message.as_deref().unwrap_or("SOAP fault");
        coded_error(carrier, self.code.as_deref(), message)
    }
}

/// A carrier's error answer: `code: message`, or the message alone.
pub(crate) fn coded_error(carrier: Carrier, code: Option<&str>, message: &str) -> Error {
    Error::CarrierError {
        kind: crate::CarrierErrorKind::Other,
        carrier,
        code: code.map(str::to_string),
        message: match code {
            Some(c) => format!("{c}: {message}"),
            None => message.to_string(),
        },
    }
}

/// Reads a document whose only interest is a SOAP `Fault` anywhere plus what
/// `visit` wants: every element goes to `visit` except a `Fault`, which is
/// read and returned as a carrier error at once.
pub(crate) fn soap_descendants<'a>(
    x: &mut Xml<'a>,
    carrier: Carrier,
    mut visit: impl FnMut(&mut Xml<'a>, El<'a>) -> Result<(), Error>,
) -> Result<(), Error> {
    x.descendants(|x, el| match el.name {
        "Fault" => Err(x.fault(|_, _| Ok(()))?.error(carrier)),
        _ => visit(x, el),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const C: Carrier = Carrier::Ups;

    /// The texts of every element, by name, in document order.
    fn all_texts(doc: &[u8]) -> Result<Vec<(String, String)>, Error> {
        read(C, doc, |x| {
            let mut out = Vec::new();
            x.descendants(|x, el| {
                if el.name != "r" && el.name != "Envelope" && el.name != "Body" {
                    out.push((el.name.to_string(), x.text()?.into_owned()));
                }
                Ok(())
            })?;
            Ok(out)
        })
    }

    #[test]
    fn reads_names_attributes_and_text() {
        let doc = br#"<?xml version="1.0"?><s:Envelope xmlns:s="x"><s:Body><a k="v&amp;w">x &lt; y<![CDATA[!]]></a><b/></s:Body></s:Envelope>"#;
        let (root, a, k) = read(C, doc, |x| {
            let mut found = (String::new(), None);
            x.descendants(|x, el| {
                if el.name == "a" {
                    found.1 = x.attrs(&["k"]).get("k").map(str::to_string);
                    found.0 = x.text()?.into_owned();
                }
                Ok(())
            })?;
            Ok((x.root(), found.0, found.1))
        })
        .unwrap();
        assert_eq!(root, "Envelope");
        assert_eq!(a, "x < y!");
        assert_eq!(k.as_deref(), Some("v&w"));
    }

    #[test]
    fn whitespace_is_trimmed_and_kept_only_between_text() {
        let doc = b"<r>\n  <a>\n    <![CDATA[Delivered]]>\n  </a>\n  <b>&lt; &gt;</b><c> x <d/> y </c><e> \n</e></r>";
        let texts = all_texts(doc).unwrap();
        let texts: Vec<(&str, &str)> = texts
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        assert_eq!(
            texts,
            [("a", "Delivered"), ("b", "< >"), ("c", "x  y"), ("e", "")]
        );
        // One piece stays borrowed from the body.
        read(C, b"<r><a> x </a></r>", |x| {
            x.children(|x, _| {
                x.children(|x, _| {
                    assert!(matches!(x.text()?, Cow::Borrowed("x")));
                    Ok(())
                })
            })
        })
        .unwrap();
    }

    #[test]
    fn records_take_the_first_child_of_each_name() {
        let doc = b"<r><i><a>1</a><b/><a>2</a><x><a>3</a></x></i><i><b>4</b></i></r>";
        let rows = read(C, doc, |x| {
            let mut rows = Vec::new();
            x.children(|x, _| {
                x.children(|x, _| {
                    let mut nested = 0;
                    let r = x.record(&["a", "b"], |x, el| {
                        nested += (el.name == "x") as usize;
                        x.children(|_, _| Ok(()))
                    })?;
                    rows.push((
                        r.get("a").map(str::to_string),
                        r.has("b"),
                        r.get("b").map(str::to_string),
                        nested,
                    ));
                    Ok(())
                })
            })?;
            Ok(rows)
        })
        .unwrap();
        assert_eq!(
            rows,
            [
                (Some("1".into()), true, None, 1),
                (None, true, Some("4".into()), 0)
            ]
        );
    }

    #[test]
    fn errors_carry_a_position() {
        let e = all_texts(b"<a><b></a>").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("ups: cannot read XML body at byte"),
            "{e}"
        );
        let e = all_texts(b"<a><b>").unwrap_err();
        assert_eq!(
            e.to_string(),
            "ups: cannot read XML body at byte 6: unexpected end of input inside <b>"
        );
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        let e = all_texts(deep.as_bytes()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ups: XML nesting depth exceeds the limit of 256"
        );
        let five = "<a>".repeat(5);
        let e = with_depth_limit(4, || all_texts(five.as_bytes())).unwrap_err();
        assert_eq!(e.to_string(), "ups: nesting depth exceeds the limit of 4");
        let e = all_texts(b"  ").unwrap_err();
        assert_eq!(
            e.to_string(),
            "ups: cannot read XML body at byte 2: no root element"
        );
        let e = all_texts(br#"<a x="1" b:y="2" x="3"/>"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ups: cannot read XML body at byte 0: position 16: duplicated attribute, previous declaration at position 2"
        );
        let e = all_texts(b"<a/><b/>").unwrap_err();
        assert!(
            e.to_string().ends_with("content after the root element"),
            "{e}"
        );
    }

    #[test]
    fn a_syntax_error_after_the_walk_wins() {
        // The walk stops at the first `a` with its own error; the broken tail
        // is still read, and its syntax error is the answer.
        let doc = b"<r><a>1</a><b></c></r>";
        let e = read(C, doc, |x| -> Result<(), Error> {
            x.descendants(|_, _| {
                Err(Error::Invalid {
                    carrier: C,
                    path: "/".into(),
                    message: "stop".into(),
                })
            })
        })
        .unwrap_err();
        assert!(matches!(e, Error::Xml { .. }), "{e}");
    }

    #[test]
    fn soap_faults() {
        let doc = b"<Envelope><Body><Fault><faultcode>soap:Server</faultcode><faultstring>Parcel not found</faultstring></Fault></Body></Envelope>";
        let e = read(C, doc, |x| soap_descendants(x, C, |_, _| Ok(()))).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ups: the carrier answered with an error: soap:Server: Parcel not found"
        );
        let doc = b"<Envelope><Body><Fault><Code><Value>soap:Receiver</Value></Code><Reason><Text>down</Text></Reason></Fault></Body></Envelope>";
        let e = read(C, doc, |x| soap_descendants(x, C, |_, _| Ok(()))).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ups: the carrier answered with an error: soap:Receiver: down"
        );
    }
}
