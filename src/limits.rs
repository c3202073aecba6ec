//! Resource limits for untrusted bodies: size, nesting depth and events per
//! tracking. Exceeding one gives [`Error::TooLarge`].

use crate::{Carrier, Error, Tracking};

/// Bounds on what one parse may consume. [`parse`](crate::parse) uses
/// [`Limits::default`]; pass your own to [`parse_with`](crate::parse_with).
///
/// | limit | default | checked |
/// |---|---|---|
/// | `max_body_bytes` | 16 MiB | before reading |
/// | `max_depth` | 64 | nesting of JSON arrays/objects or XML elements, by a scan before reading |
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
        if nesting_exceeds(body, self.max_depth) {
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
fn nesting_exceeds(body: &[u8], limit: usize) -> bool {
    let first = body
        .iter()
        .position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF));
    match first.map(|i| body[i]) {
        Some(b'<') => xml_depth_exceeds(body, limit),
        Some(_) => json_depth_exceeds(body, limit),
        None => false,
    }
}

fn json_depth_exceeds(body: &[u8], limit: usize) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
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

fn xml_depth_exceeds(body: &[u8], limit: usize) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    let find = |from: usize, pat: &[u8]| {
        body.get(from..)
            .and_then(|rest| rest.windows(pat.len()).position(|w| w == pat))
            .map(|p| from + p + pat.len())
    };
    while let Some(p) = body
        .get(i..)
        .and_then(|r| r.iter().position(|&b| b == b'<'))
    {
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
            let mut quote = None;
            let mut end = None;
            while let Some(&b) = body.get(j) {
                match (quote, b) {
                    (Some(q), _) if b == q => quote = None,
                    (Some(_), _) => {}
                    (None, b'"' | b'\'') => quote = Some(b),
                    (None, b'>') => {
                        end = Some(j);
                        break;
                    }
                    _ => {}
                }
                j += 1;
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
