//! Peak heap per parsed body (issue 19 §5), with a counting global allocator:
//! for the largest fixture of each carrier (and so of each format) and for a
//! 16 MiB body of each format at the default limits. The peak counts every
//! live byte the parse allocates on this thread (the model it returns
//! included) above what was live before; it must stay ≤ 4× the body.
//! Run with `--nocapture` for the table.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;
use wismo::Carrier;

struct Counting;

thread_local! {
    // Per thread: the test harness allocates on other threads meanwhile.
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = LIVE.try_with(|l| {
            let now = l.get() + layout.size() as isize;
            l.set(now);
            let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
        });
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let _ = LIVE.try_with(|l| l.set(l.get() - layout.size() as isize));
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Counted as the allocation of the new block before the old one is
        // freed, as a copying realloc holds both.
        let _ = LIVE.try_with(|l| {
            let now = l.get() + new_size as isize;
            let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
            l.set(now - layout.size() as isize);
        });
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Peak bytes live during `parse(carrier, body)` above those live before it,
/// with the number of trackings and events it returned.
fn peak_of(carrier: Carrier, body: &[u8]) -> (usize, usize, usize) {
    let base = LIVE.with(|l| l.get());
    PEAK.with(|p| p.set(base));
    let parsed = wismo::parse(carrier, body);
    let peak = PEAK.with(|p| p.get()) - base;
    let parsed = parsed.unwrap_or_else(|e| panic!("{carrier}: {e}"));
    let events = parsed.iter().map(|t| t.events.len()).sum();
    (peak as usize, parsed.len(), events)
}

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The largest body fixture (`.json` or `.xml`, not `.expected.json`) of each carrier.
fn largest_fixtures() -> Vec<(Carrier, std::path::PathBuf, u64)> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(fixtures()).unwrap() {
        let dir = dir.unwrap().path();
        let Some(carrier) = dir
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.parse::<Carrier>().ok())
        else {
            continue;
        };
        let best = std::fs::read_dir(&dir)
            .unwrap()
            .map(|f| f.unwrap().path())
            .filter(|p| {
                let n = p.to_string_lossy();
                (n.ends_with(".json") || n.ends_with(".xml")) && !n.ends_with(".expected.json")
            })
            .filter(|p| wismo::parse(carrier, &std::fs::read(p).unwrap()).is_ok())
            .map(|p| {
                let len = std::fs::metadata(&p).unwrap().len();
                (len, p)
            })
            .max();
        if let Some((len, p)) = best {
            out.push((carrier, p, len));
        }
    }
    out.sort_by(|a, b| a.0.as_str().cmp(b.0.as_str()));
    out
}

fn row(name: &str, body: usize, peak: usize, trackings: usize, events: usize) -> f64 {
    let ratio = peak as f64 / body as f64;
    println!("| {name} | {body} | {peak} | {ratio:.2}x | {trackings} | {events} |");
    ratio
}

#[test]
fn peak_heap_of_the_largest_fixtures() {
    // Built once per process; not part of a parse.
    let _ = wismo::classify("delivered", None);
    println!("| body | bytes | peak heap | peak / body | trackings | events |\n|---|---|---|---|---|---|");
    let mut largest: [(usize, f64, String); 2] = Default::default();
    let mut worst = (0.0, String::new());
    for (carrier, path, _) in largest_fixtures() {
        let body = std::fs::read(&path).unwrap();
        let (peak, t, e) = peak_of(carrier, &body);
        let name = path.strip_prefix(fixtures()).unwrap().display().to_string();
        let ratio = row(&name, body.len(), peak, t, e);
        let slot = &mut largest[usize::from(name.ends_with(".xml"))];
        if body.len() > slot.0 {
            *slot = (body.len(), ratio, name.clone());
        }
        if ratio > worst.0 {
            worst = (ratio, name);
        }
    }
    println!("largest JSON: {} ({:.2}x)", largest[0].2, largest[0].1);
    println!("largest XML: {} ({:.2}x)", largest[1].2, largest[1].1);
    println!(
        "highest ratio of any carrier's largest fixture: {} ({:.2}x)",
        worst.1, worst.0
    );
    for (_, ratio, name) in &largest {
        assert!(*ratio <= 4.0, "{name}: peak heap {ratio:.2}x the body");
    }
}

/// Repeats `unit` (with `{n}` replaced by a counter) between `head` and
/// `tail` until the body is as close to 16 MiB as whole units allow.
fn body_16mib(head: &str, unit: &str, sep: &str, tail: &str) -> Vec<u8> {
    let limit = wismo::Limits::default().max_body_bytes;
    let mut out = String::with_capacity(limit);
    out.push_str(head);
    let mut n = 0u64;
    loop {
        let u = unit.replace("{n}", &format!("{:011}", 10_000_000_000u64 + n));
        if out.len() + sep.len() + u.len() + tail.len() > limit {
            break;
        }
        if n > 0 {
            out.push_str(sep);
        }
        out.push_str(&u);
        n += 1;
    }
    out.push_str(tail);
    out.into_bytes()
}

#[test]
fn peak_heap_of_16_mib_bodies() {
    let _ = wismo::classify("delivered", None);
    // JSON: FedEx's largest fixture, its one `completeTrackResults` entry
    // repeated with a new tracking number each time.
    let fedex =
        std::fs::read_to_string(fixtures().join("fedex/pickup_and_failed_attempt.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&fedex).unwrap();
    let entry = &v["output"]["completeTrackResults"][0];
    let number = entry["trackingNumber"].as_str().unwrap().to_string();
    let unit = serde_json::to_string(entry)
        .unwrap()
        .replace(&number, "{n}");
    let head = format!(
        "{{\"transactionId\":{},\"output\":{{\"completeTrackResults\":[",
        v["transactionId"]
    );
    let json = body_16mib(&head, &unit, ",", "]}}");

    // XML: Aramex's two-waybill response, its first waybill repeated with a
    // new number each time.
    let aramex =
        std::fs::read_to_string(fixtures().join("aramex/delivered_two_waybills.xml")).unwrap();
    let open = "<a:KeyValueOfstringArrayOfTrackingResultmFAkxlpY>";
    let close = "</a:KeyValueOfstringArrayOfTrackingResultmFAkxlpY>";
    let start = aramex.find(open).unwrap();
    let end = aramex.find(close).unwrap() + close.len();
    let unit = aramex[start..end].replace("41118182136", "{n}");
    let last = aramex.rfind(close).unwrap() + close.len();
    let xml = body_16mib(&aramex[..start], &unit, "\n", &aramex[last..]);

    println!("| body | bytes | peak heap | peak / body | trackings | events |\n|---|---|---|---|---|---|");
    for (name, carrier, body) in [
        ("16 MiB JSON (fedex)", Carrier::Fedex, json),
        ("16 MiB XML (aramex)", "aramex".parse().unwrap(), xml),
    ] {
        assert!(body.len() > 16_000_000, "{name}: {}", body.len());
        let (peak, t, e) = peak_of(carrier, &body);
        assert!(t > 1000, "{name}: {t} trackings");
        let ratio = row(name, body.len(), peak, t, e);
        assert!(ratio <= 4.0, "{name}: peak heap {ratio:.2}x the body");
    }
}
