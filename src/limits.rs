//! Resource limits for untrusted bodies: size, nesting depth and events per
//! tracking. Exceeding one gives [`Error::TooLarge`].

use crate::{Carrier, Error, Tracking};

/// Bounds on what one parse may consume. [`parse`](crate::parse) uses
/// [`Limits::default`]; pass your own to [`parse_with`](crate::parse_with).
///
/// | limit | default | checked |
/// |---|---|---|
/// | `max_body_bytes` | 16 MiB | before reading |
/// | `max_depth` | 64 | nesting of JSON arrays/objects or XML elements: a scan before reading, or the XML reader as it reads |
/// | `max_events` | 10 000 | events in any one tracking, after reading |
///
/// Independently of these, JSON nesting is capped at 128 by serde_json and XML
/// nesting at 256 by the XML reader, so no setting can exhaust the stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Limits {
    /// Largest body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Deepest nesting of JSON containers or XML elements accepted.
    pub max_depth: usize,
    /// Most events accepted in one tracking.
    pub max_events: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_body_bytes: 16 << 20,
            max_depth: 64,
            max_events: 10_000,
        }
    }
}

impl Limits {
    /// Checks `body` before it is read.
    pub(crate) fn check_body(&self, carrier: Carrier, body: &[u8]) -> Result<(), Error> {
        if body.len() > self.max_body_bytes {
            return Err(Error::TooLarge {
                carrier,
                what: "body bytes",
                limit: self.max_body_bytes,
            });
        }
        // The XML reader checks the depth as it reads: no scan before.
        let read_checked = crate::carriers::xml::CARRIERS.contains(&carrier);
        if nesting_exceeds(body, self.max_depth, read_checked) {
            return Err(Error::TooLarge {
                carrier,
                what: "nesting depth",
                limit: self.max_depth,
            });
        }
        Ok(())
    }

    /// Checks the trackings read from a body.
    pub(crate) fn check_trackings(
        &self,
        carrier: Carrier,
        trackings: &[Tracking],
    ) -> Result<(), Error> {
        if trackings.iter().any(|t| t.events.len() > self.max_events) {
            return Err(Error::TooLarge {
                carrier,
                what: "events per tracking",
                limit: self.max_events,
            });
        }
        Ok(())
    }
}

/// Whether the JSON containers or XML elements of `body` nest deeper than
/// `limit`. A linear scan that knows strings (JSON) and quoted attributes,
/// comments, CDATA and processing instructions (XML); it decides nothing else.
/// `xml_read_checked`: XML bodies are left to the reader.
fn nesting_exceeds(body: &[u8], limit: usize, xml_read_checked: bool) -> bool {
    let first = body
        .iter()
        .position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF));
    match first.map(|i| body[i]) {
        Some(b'<') if xml_read_checked => false,
        Some(b'<') => xml_depth_exceeds(body, limit),
        Some(_) => json_depth_exceeds(body, limit),
        None => false,
    }
}

fn json_depth_exceeds(body: &[u8], limit: usize) -> bool {
    // Nesting deeper than `limit` needs more than `limit` opening brackets
    // somewhere: most bodies have fewer, and counting them is one fast pass.
    if memchr::memchr2_iter(b'{', b'[', body).nth(limit).is_none() {
        return false;
    }
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&b) = body.get(i) {
        i += 1;
        match b {
            b'"' => loop {
                // Skip the string: to the next quote that is not escaped.
                let Some(p) = body.get(i..).and_then(|r| memchr::memchr2(b'"', b'\\', r)) else {
                    return false; // unterminated: the reader will say so
                };
                let c = body[i + p];
                i += p + 1;
                if c == b'"' {
                    break;
                }
                i += 1; // the escaped byte
            },
            b'{' | b'[' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

fn xml_depth_exceeds(body: &[u8], limit: usize) -> bool {
    // Every element opens with `<`: fewer than `limit` of them cannot nest deeper.
    if memchr::memchr_iter(b'<', body).nth(limit).is_none() {
        return false;
    }
    let mut depth = 0usize;
    let mut i = 0;
    let find = |from: usize, pat: &[u8]| {
        body.get(from..)
            .and_then(|rest| memchr::memmem::find(rest, pat))
            .map(|p| from + p + pat.len())
    };
    while let Some(p) = body.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        let at = i + p;
        let rest = &body[at..];
        i = if rest.starts_with(b"<!--") {
            find(at, b"-->")
        } else if rest.starts_with(b"<![CDATA[") {
            find(at, b"]]>")
        } else if rest.starts_with(b"<?") {
            find(at, b"?>")
        } else if rest.starts_with(b"<!") {
            find(at, b">")
        } else if rest.starts_with(b"</") {
            depth = depth.saturating_sub(1);
            find(at, b">")
        } else {
            // A start tag: find its end outside quoted attribute values.
            let mut j = at + 1;
            let mut end = None;
            while let Some(q) = body
                .get(j..)
                .and_then(|r| memchr::memchr3(b'>', b'"', b'\'', r))
            {
                j += q;
                match body[j] {
                    b'>' => {
                        end = Some(j);
                        break;
                    }
                    quote => match body.get(j + 1..).and_then(|r| memchr::memchr(quote, r)) {
                        Some(close) => j += close + 2,
                        None => break,
                    },
                }
            }
            match end {
                Some(e) => {
                    if body[e - 1] != b'/' {
                        depth += 1;
                        if depth > limit {
                            return true;
                        }
                    }
                    Some(e + 1)
                }
                None => None,
            }
        }
        .unwrap_or(body.len());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain byte-by-byte scans the fast ones must agree with.
    fn json_reference(body: &[u8], limit: usize) -> bool {
        let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
        for &b in body {
            if in_string {
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'{' | b'[' => {
                    depth += 1;
                    if depth > limit {
                        return true;
                    }
                }
                b'}' | b']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        false
    }

    #[test]
    fn fast_json_scan_agrees_with_the_plain_one() {
        let pieces: [&[u8]; 9] = [b"{", b"[", b"}", b"]", b"\"", b"\\", b"a", b",", b"\\\""];
        // Every sequence of up to 6 pieces, at several limits.
        let mut stack = vec![Vec::new()];
        while let Some(body) = stack.pop() {
            for limit in 0..4 {
                assert_eq!(
                    json_depth_exceeds(&body, limit),
                    json_reference(&body, limit),
                    "{:?} limit {limit}",
                    String::from_utf8_lossy(&body)
                );
            }
            if body.len() < 6 {
                for p in pieces {
                    let mut b = body.clone();
                    b.extend_from_slice(p);
                    stack.push(b);
                }
            }
        }
    }

    #[test]
    fn json_depth() {
        assert!(!json_depth_exceeds(b"[[[]]]", 3));
        assert!(json_depth_exceeds(b"[[[[]]]]", 3));
        assert!(!json_depth_exceeds(br#"{"a":"[[[[[["}"#, 1));
        assert!(!json_depth_exceeds(br#"{"a":"\"[[[[[["}"#, 1));
    }

    #[test]
    fn xml_depth() {
        assert!(!xml_depth_exceeds(b"<a><b><c/></b></a>", 2));
        assert!(xml_depth_exceeds(b"<a><b><c></c></b></a>", 2));
        assert!(!xml_depth_exceeds(
            b"<?xml version='1.0'?><!-- <x><y><z> --><a k='>'><![CDATA[<p><q>]]></a>",
            1
        ));
        assert!(!xml_depth_exceeds(b"<a", 1));
    }
}
