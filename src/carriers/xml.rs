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

/// Deepest element nesting the reader accepts, whatever the caller's
/// [`Limits`](crate::Limits) (which are checked before reading).
pub(crate) const MAX_DEPTH: usize = 256;

/// One element.
#[derive(Debug, Default)]
pub(crate) struct Node {
    /// Local name (no prefix).
    pub(crate) name: String,
    /// Attributes by local name, unescaped.
    pub(crate) attrs: Vec<(String, String)>,
    /// Concatenated direct text content, trimmed.
    pub(crate) text: String,
    /// Child elements in document order.
    pub(crate) children: Vec<Node>,
}

fn local(name: &[u8]) -> String {
    let name = match name.iter().rposition(|b| *b == b':') {
        Some(i) => &name[i + 1..],
        None => name,
    };
    String::from_utf8_lossy(name).into_owned()
}

/// Reads `body` into its root element.
pub(crate) fn parse(carrier: Carrier, body: &[u8]) -> Result<Node, Error> {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let mut reader = Reader::from_reader(body);
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Node> = Vec::new();
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
            X::Start(e) | X::Empty(e) if root.is_some() => {
                let _ = e;
                return Err(syntax(&reader, "content after the root element".into()));
            }
            X::Start(ref e) | X::Empty(ref e) => {
                let mut node = Node {
                    name: local(e.name().as_ref()),
                    ..Node::default()
                };
                for a in e.attributes() {
                    let a = a.map_err(|err| syntax(&reader, err.to_string()))?;
                    let v = a
                        .unescape_value()
                        .map_err(|err| syntax(&reader, err.to_string()))?;
                    node.attrs.push((local(a.key.as_ref()), v.into_owned()));
                }
                if matches!(ev, X::Empty(_)) {
                    close(&mut stack, &mut root, node);
                } else {
                    if stack.len() >= MAX_DEPTH {
                        return Err(Error::TooLarge {
                            carrier,
                            what: "XML nesting depth",
                            limit: MAX_DEPTH,
                        });
                    }
                    stack.push(node);
                }
            }
            X::End(_) => {
                let mut node = stack
                    .pop()
                    .ok_or_else(|| syntax(&reader, "unexpected closing tag".into()))?;
                let trimmed = node.text.trim();
                if trimmed.len() != node.text.len() {
                    node.text = trimmed.to_string();
                }
                close(&mut stack, &mut root, node);
            }
            X::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    let s = t.decode().map_err(|e| syntax(&reader, e.to_string()))?;
                    top.text.push_str(&s);
                } else if !t.iter().all(|b| b.is_ascii_whitespace()) {
                    return Err(syntax(&reader, "text outside the root element".into()));
                }
            }
            X::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    let s = t.decode().map_err(|e| syntax(&reader, e.to_string()))?;
                    top.text.push_str(&s);
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
                if let Some(top) = stack.last_mut() {
                    top.text.push(c);
                }
            }
            X::Eof => break,
            X::Decl(_) | X::PI(_) | X::Comment(_) | X::DocType(_) => {}
        }
    }
    if !stack.is_empty() {
        return Err(Error::Xml {
            carrier,
            position: body.len() as u64,
            message: format!(
                "unexpected end of input inside <{}>",
                stack.last().map(|n| n.name.as_str()).unwrap_or("")
            ),
        });
    }
    root.ok_or_else(|| Error::Xml {
        carrier,
        position: body.len() as u64,
        message: "no root element".into(),
    })
}

fn close(stack: &mut [Node], root: &mut Option<Node>, node: Node) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(node),
        None => *root = Some(node),
    }
}

impl Node {
    /// The first child element named `name`.
    pub(crate) fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// All child elements named `name`.
    pub(crate) fn children<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'s Node> + 's {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The text of the first child named `name`, `None` when absent or empty.
    pub(crate) fn text_of(&self, name: &str) -> Option<&str> {
        self.child(name)
            .map(|c| c.text.as_str())
            .filter(|t| !t.is_empty())
    }

    /// An attribute's value, `None` when absent or empty.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The first descendant (depth first, self included) named `name`.
    pub(crate) fn find(&self, name: &str) -> Option<&Node> {
        if self.name == name {
            return Some(self);
        }
        self.children.iter().find_map(|c| c.find(name))
    }

    /// All descendants (depth first, self included) named `name`.
    pub(crate) fn find_all<'s>(&'s self, name: &str, out: &mut Vec<&'s Node>) {
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
