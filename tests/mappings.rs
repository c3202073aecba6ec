//! Data rules over `mappings/*.tsv`, and the coverage table in
//! `mappings/README.md` (regenerate with `WISMO_BLESS=1 cargo test --test mappings`).

#[allow(dead_code)]
#[path = "../src/table/row.rs"]
mod row;
#[allow(dead_code)]
#[path = "../src/status.rs"]
mod status;

use std::path::{Path, PathBuf};
use wismo::Carrier;

fn files() -> Vec<row::MappingFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let stem = p.file_stem().unwrap().to_str().unwrap();
            let text = std::fs::read_to_string(p).unwrap();
            row::parse_file(&p.display().to_string(), stem, &text).unwrap_or_else(|e| {
                panic!(
                    "{}",
                    e.iter()
                        .map(|e| e.to_string())
                        .collect::<Vec<_>>()
                        .join("\n")
                )
            })
        })
        .collect()
}

#[test]
fn lookup_matches_a_naive_scan_of_every_file() {
    let files = files();
    if std::env::var_os("WISMO_MAPPINGS").is_some() {
        return; // built from another folder
    }
    // Every carrier with rows has a file; the others are the detection-only
    // ids of src/table/detection_only.tsv, with empty tables.
    let with_table = Carrier::ALL.iter().filter(|c| !c.mappings().is_empty());
    assert_eq!(files.len(), with_table.count());
    for f in &files {
        let c: Carrier = f.carrier.parse().unwrap();
        assert_eq!(c.mappings().len(), f.rows.len(), "{}", f.carrier);
        for r in &f.rows {
            let m = c
                .lookup(&r.code)
                .unwrap_or_else(|| panic!("{}: `{}` not found", f.carrier, r.code));
            assert_eq!(m.code(), r.code);
            assert_eq!(m.status().as_str(), r.status.as_str());
            assert_eq!(m.substatus().as_str(), r.substatus.as_str());
            assert_eq!(m.reason().map(|x| x.as_str()), r.reason.map(|x| x.as_str()));
            assert_eq!(m.eta().to_string(), r.eta.to_string());
            assert_eq!(m.description(), r.description);
            assert_eq!(m.line() as usize, r.line);
            // A near miss is not found.
            assert!(c.lookup(&format!("{}\u{1}", r.code)).is_none());
        }
    }
}

#[test]
fn no_file_maps_more_than_a_quarter_of_its_rows_to_unknown() {
    for f in files() {
        let unknown = f
            .rows
            .iter()
            .filter(|r| r.status == status::Status::Unknown)
            .count();
        assert!(
            unknown * 4 <= f.rows.len(),
            "{}: {unknown} of {} rows are unknown",
            f.carrier,
            f.rows.len()
        );
    }
}

#[test]
fn returns_are_never_delivered() {
    for f in files() {
        for r in &f.rows {
            let d = r.description.to_lowercase();
            let back = d.contains("return to sender")
                || d.contains("returned to sender")
                || d.contains("returned to the sender")
                || d.contains("returned to shipper")
                || d.contains("back to the sender")
                || d.contains("back to the shipper");
            assert!(
                !(back && r.status == status::Status::Delivered),
                "mappings/{}.tsv:{}: `{}` reads as a return but is `delivered`",
                f.carrier,
                r.line,
                r.code
            );
        }
    }
}

/// Well-known codes per carrier, checked against the carrier's documentation.
#[test]
fn well_known_codes() {
    use status::Status::*;
    let cases: &[(&str, &str, status::Status)] = &[
        ("fedex", "DL", Delivered),
        ("fedex", "OD", OutForDelivery),
        ("fedex", "PU", InTransit),
        ("fedex", "RS", ReturnToSender),
        ("usps", "01", Delivered),
        ("usps", "OF", OutForDelivery),
        ("usps", "09", ReturnToSender),
        ("usps", "16", AvailableForPickup),
        ("postnl", "I01", Delivered),
        ("postnl", "J05", OutForDelivery),
        ("postnl", "status/11", Delivered),
        ("postnl", "status/7", OutForDelivery),
        ("amazon_shipping", "Delivered", Delivered),
        ("amazon_shipping", "OutForDelivery", OutForDelivery),
        ("amazon_shipping", "ReturnInitiated", ReturnToSender),
        ("ups", "status/011", Delivered),
        ("ups", "status/003", InfoReceived),
        ("ups", "activity/D", Delivered),
        ("ups", "activity/I", InTransit),
        ("dhl_express", "OK", Delivered),
        ("dhl_express", "WC", OutForDelivery),
        ("dhl_express", "PU", InTransit),
        ("dhl_parcel_de", "std/ZU", Delivered),
        ("dhl_unified", "status/delivered", Delivered),
        ("dhl_ecommerce", "ecommerce/600", Delivered),
        ("hermes_de", "3500", Delivered),
        ("royal_mail", "EVKSP", Delivered),
        ("inpost", "delivered", Delivered),
        ("inpost", "out_for_delivery", OutForDelivery),
        ("inpost", "returned_to_sender", ReturnToSender),
        ("la_poste", "DI1", Delivered),
        ("la_poste", "RE1", ReturnToSender),
        ("colissimo", "LIVCFM", Delivered),
        ("gls", "status/DELIVERED", Delivered),
        ("canada_post", "1496", Delivered),
        ("canada_post", "0174", OutForDelivery),
        ("australia_post", "Delivered", Delivered),
        ("bring", "DELIVERED", Delivered),
        ("bring", "RETURN", ReturnToSender),
        ("sendle", "Delivered", Delivered),
        ("russian_post", "2|1", Delivered),
        ("russian_post", "3|*", ReturnToSender),
        ("cdek", "DELIVERED", Delivered),
        ("nova_poshta", "9", Delivered),
        ("packeta", "delivered", Delivered),
        ("purolator", "Delivery|*", Delivered),
        ("dpd", "DELIVERED", Delivered),
        ("asendia", "DL", Delivered),
        ("upu", "EMI", Delivered),
        ("upu", "EMH", AttemptFailed),
        ("ctt_express", "2100", Delivered),
    ];
    let files = files();
    let mut checked = 0;
    for (carrier, code, want) in cases {
        let Some(f) = files.iter().find(|f| f.carrier == *carrier) else {
            continue;
        };
        let r = f
            .rows
            .iter()
            .find(|r| r.code == *code)
            .unwrap_or_else(|| panic!("{carrier}: `{code}` missing"));
        assert_eq!(r.status, *want, "{carrier}: `{code}`");
        checked += 1;
    }
    assert!(checked >= 45, "{checked}");
}

const BEGIN: &str = "<!-- coverage:begin (generated: WISMO_BLESS=1 cargo test --test mappings) -->";
const END: &str = "<!-- coverage:end -->";

fn coverage_table(files: &[row::MappingFile]) -> String {
    let mut s = String::new();
    s.push_str("| carrier | name | rows | unknown | sources |\n|---|---|---:|---:|---|\n");
    let mut total = 0;
    for f in files {
        let unknown = f
            .rows
            .iter()
            .filter(|r| r.status == status::Status::Unknown)
            .count();
        total += f.rows.len();
        let sources: Vec<String> = f
            .sources
            .iter()
            .map(|s| s.split(',').next().unwrap_or(s).trim().replace('|', "/"))
            .collect();
        s.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            f.carrier,
            f.name,
            f.rows.len(),
            unknown,
            sources.join("; ")
        ));
    }
    s.push_str(&format!(
        "| **total** | {} carriers | **{}** | | |\n",
        files.len(),
        total
    ));
    s
}

#[test]
fn coverage_table_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("mappings/README.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let (head, rest) = text.split_once(BEGIN).expect("coverage:begin marker");
    let (_, tail) = rest.split_once(END).expect("coverage:end marker");
    let want = format!("{head}{BEGIN}\n{}{END}{tail}", coverage_table(&files()));
    if std::env::var_os("WISMO_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    assert!(
        want == text,
        "mappings/README.md coverage table is out of date; run `WISMO_BLESS=1 cargo test --test mappings`"
    );
}
