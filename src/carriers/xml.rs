//! A small element tree read with quick-xml, shared by the XML/SOAP parsers.
//!
//! Names are local names (namespace prefixes dropped: `soap:Envelope` is
//! `Envelope`), text is unescaped and trimmed, attributes are kept. Syntax errors
//! carry the byte offset where reading failed; nesting deeper than
//! [`MAX_DEPTH`] is [`Error::TooLarge`]. SOAP faults become
//! [`Error::CarrierError`] through [`Node::soap_fault`].

#![allow(dead_code)] // until the XML carriers' parsers use every helper

use crate::{Carrier, Error};
use quick_xml::events::Event as X;
use quick_xml::Reader;
use std::borrow::Cow;

/// Deepest element nesting the reader accepts, whatever the caller's
/// [`Limits`](crate::Limits) (which are checked before reading).
pub(crate) const MAX_DEPTH: usize = 256;

/// One element. Names, attribute values and text borrow from the body unless
/// they had to be unescaped or joined.
#[derive(Debug, Default)]
pub(crate) struct Node<'a> {
    /// Local name (no prefix).
    pub(crate) name: &'a str,
    /// Attributes by local name, unescaped.
    pub(crate) attrs: Vec<(&'a str, Cow<'a, str>)>,
    /// Concatenated direct text content, trimmed.
    pub(crate) text: Cow<'a, str>,
    /// Child elements in document order.
    pub(crate) children: Vec<Node<'a>>,
}

/// The body, and the same bytes as text when the whole body is UTF-8 (checked
/// once, so pieces of it need only a char-boundary check).
#[derive(Clone, Copy)]
struct Source<'a> {
    bytes: &'a [u8],
    text: Option<&'a str>,
}

impl<'a> Source<'a> {
    /// `part` as a str borrowed from the body when it lies inside it (quick-xml
    /// hands out slices of its input when nothing had to be unescaped).
    fn str_of(self, part: &[u8]) -> Option<&'a str> {
        let start = (part.as_ptr() as usize).checked_sub(self.bytes.as_ptr() as usize)?;
        let range = start..start.checked_add(part.len())?;
        match self.text {
            Some(text) => text.get(range),
            None => std::str::from_utf8(self.bytes.get(range)?).ok(),
        }
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

/// Reads `body` into its root element.
pub(crate) fn parse(carrier: Carrier, body: &[u8]) -> Result<Node<'_>, Error> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let src = Source {
        bytes: body,
        text: std::str::from_utf8(body).ok(),
    };
    let mut reader = Reader::from_reader(body);
    reader.config_mut().trim_text(false);
    // Open elements, each with where its children start in `done`: the
    // finished children of all open elements, moved into an exact-size Vec
    // when their parent closes (one allocation per parent, no regrowth).
    // Whitespace after some text is held back (the third field) until more
    // text follows: trailing whitespace is trimmed, so it never allocates.
    let mut stack: Vec<(Node, usize, Cow<str>)> = Vec::new();
    let mut done: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    let syntax = |reader: &Reader<&[u8]>, message: String| Error::Xml {
        carrier,
        position: reader.error_position(),
        message,
    };
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| syntax(&reader, e.to_string()))?;
        match ev {
            X::Start(_) | X::Empty(_) if root.is_some() => {
                return Err(syntax(&reader, "content after the root element".into()));
            }
            X::Start(ref e) | X::Empty(ref e) => {
                let bad_name = || syntax(&reader, "element name is not UTF-8".into());
                let mut node = Node {
                    name: src.local(e.name().as_ref()).ok_or_else(bad_name)?,
                    ..Node::default()
                };
                for a in e.attributes() {
                    let a = a.map_err(|err| syntax(&reader, err.to_string()))?;
                    let v = a
                        .unescape_value()
                        .map_err(|err| syntax(&reader, err.to_string()))?;
                    let key = src.local(a.key.as_ref()).ok_or_else(bad_name)?;
                    node.attrs.push((key, src.borrow(v)));
                }
                if matches!(ev, X::Empty(_)) {
                    close(&stack, &mut done, &mut root, node);
                } else {
                    if stack.len() >= MAX_DEPTH {
                        return Err(Error::TooLarge {
                            carrier,
                            what: "XML nesting depth",
                            limit: MAX_DEPTH,
                        });
                    }
                    stack.push((node, done.len(), Cow::Borrowed("")));
                }
            }
            X::End(_) => {
                let (mut node, first_child, _) = stack
                    .pop()
                    .ok_or_else(|| syntax(&reader, "unexpected closing tag".into()))?;
                node.children = done.drain(first_child..).collect();
                node.text = match node.text {
                    Cow::Borrowed(t) => Cow::Borrowed(t.trim()),
                    Cow::Owned(t) if t.trim().len() != t.len() => Cow::Owned(t.trim().to_string()),
                    owned => owned,
                };
                close(&stack, &mut done, &mut root, node);
            }
            X::Text(t) => {
                if let Some((top, _, held)) = stack.last_mut() {
                    let s = t.decode().map_err(|e| syntax(&reader, e.to_string()))?;
                    if s.bytes().all(|b| b.is_ascii_whitespace()) {
                        // Leading whitespace is trimmed: drop it; hold the rest.
                        if !top.text.is_empty() {
                            append(held, src.borrow(s));
                        }
                        continue;
                    }
                    append(&mut top.text, std::mem::take(held));
                    append(&mut top.text, src.borrow(s));
                } else if !t.iter().all(|b| b.is_ascii_whitespace()) {
                    return Err(syntax(&reader, "text outside the root element".into()));
                }
            }
            X::CData(t) => {
                if let Some((top, _, held)) = stack.last_mut() {
                    let s = t.decode().map_err(|e| syntax(&reader, e.to_string()))?;
                    append(&mut top.text, std::mem::take(held));
                    append(&mut top.text, src.borrow(s));
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
                            return Err(syntax(
                                &reader,
                                format!("unknown entity `&{};`", String::from_utf8_lossy(other)),
                            ))
                        }
                    },
                    Err(e) => return Err(syntax(&reader, e.to_string())),
                };
                if let Some((top, _, held)) = stack.last_mut() {
                    append(&mut top.text, std::mem::take(held));
                    top.text.to_mut().push(c);
                }
            }
            X::Eof => break,
            X::Decl(_) | X::PI(_) | X::Comment(_) | X::DocType(_) => {}
        }
    }
    if let Some((open, ..)) = stack.last() {
        return Err(Error::Xml {
            carrier,
            position: body.len() as u64,
            message: format!("unexpected end of input inside <{}>", open.name),
        });
    }
    root.ok_or_else(|| Error::Xml {
        carrier,
        position: body.len() as u64,
        message: "no root element".into(),
    })
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

/// A finished element joins its parent's children (in `done`), or is the root.
fn close<'a>(
    stack: &[(Node<'a>, usize, Cow<'a, str>)],
    done: &mut Vec<Node<'a>>,
    root: &mut Option<Node<'a>>,
    node: Node<'a>,
) {
    if stack.is_empty() {
        *root = Some(node);
    } else {
        done.push(node);
    }
}

impl<'a> Node<'a> {
    /// The first child element named `name`.
    pub(crate) fn child(&self, name: &str) -> Option<&Node<'a>> {
        self.children.iter().find(|c| c.name == name)
    }

    /// All child elements named `name`.
    pub(crate) fn children<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Node<'a>> + 's {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The text of the first child named `name`, `None` when absent or empty.
    pub(crate) fn text_of(&self, name: &str) -> Option<&str> {
        self.child(name)
            .map(|c| c.text.as_ref())
            .filter(|t| !t.is_empty())
    }

    /// An attribute's value, `None` when absent or empty.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The first descendant (depth first, self included) named `name`.
    pub(crate) fn find(&self, name: &str) -> Option<&Node<'a>> {
        if self.name == name {
            return Some(self);
        }
        self.children.iter().find_map(|c| c.find(name))
    }

    /// All descendants (depth first, self included) named `name`.
    pub(crate) fn find_all<'s>(&'s self, name: &str, out: &mut Vec<&'s Node<'a>>) {
        if self.name == name {
            out.push(self);
        }
        for c in &self.children {
            c.find_all(name, out);
        }
    }

    /// A SOAP 1.1/1.2 `Fault` anywhere in the document, as a carrier error.
    pub(crate) fn soap_fault(&self, carrier: Carrier) -> Option<Error> {
        let fault = self.find("Fault")?;
        let code = fault
            .text_of("faultcode")
            .or_else(|| fault.child("Code").and_then(|c| c.text_of("Value")));
        let message = fault
            .text_of("faultstring")
            .or_else(|| fault.child("Reason").and_then(|r| r.text_of("Text")))
            .unwrap_or("SOAP fault");
        Some(Error::CarrierError {
            kind: crate::CarrierErrorKind::Other,
            carrier,
            code: code.map(str::to_string),
            message: match code {
                Some(c) => format!("{c}: {message}"),
                None => message.to_string(),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const C: Carrier = Carrier::Ups;

    #[test]
    fn reads_names_attributes_and_text() {
        let doc = br#"<?xml version="1.0"?><s:Envelope xmlns:s="x"><s:Body><a k="v&amp;w">x &lt; y<![CDATA[!]]></a><b/></s:Body></s:Envelope>"#;
        let root = parse(C, doc).unwrap();
        assert_eq!(root.name, "Envelope");
        let a = root.find("a").unwrap();
        assert_eq!(a.text, "x < y!");
        assert_eq!(a.attr("k"), Some("v&w"));
        assert!(root.find("b").is_some());
    }

    #[test]
    fn whitespace_is_trimmed_and_kept_only_between_text() {
        let doc = b"<r>\n  <a>\n    <![CDATA[Delivered]]>\n  </a>\n  <b>&lt; &gt;</b><c> x <d/> y </c><e> \n</e></r>";
        let root = parse(C, doc).unwrap();
        let text = |n: &str| root.find(n).unwrap().text.clone();
        assert_eq!(text("r"), "");
        assert!(matches!(text("a"), Cow::Borrowed("Delivered")));
        assert_eq!(text("b"), "< >");
        assert_eq!(text("c"), "x  y");
        assert_eq!(text("e"), "");
        let names: Vec<&str> = root.children.iter().map(|c| c.name).collect();
        assert_eq!(names, ["a", "b", "c", "e"]);
        assert_eq!(root.find("c").unwrap().children.len(), 1);
    }

    #[test]
    fn errors_carry_a_position() {
        let e = parse(C, b"<a><b></a>").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("ups: cannot read XML body at byte"),
            "{e}"
        );
        let e = parse(C, b"<a><b>").unwrap_err();
        assert_eq!(
            e.to_string(),
            "ups: cannot read XML body at byte 6: unexpected end of input inside <b>"
        );
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        let e = parse(C, deep.as_bytes()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ups: XML nesting depth exceeds the limit of 256"
        );
    }

    #[test]
    fn soap_faults() {
        let doc = b"<Envelope><Body><Fault><faultcode>soap:Server</faultcode><faultstring>Parcel not found</faultstring></Fault></Body></Envelope>";
        let e = parse(C, doc).unwrap().soap_fault(C).unwrap();
        assert_eq!(
            e.to_string(),
            "ups: the carrier answered with an error: soap:Server: Parcel not found"
        );
    }
}
