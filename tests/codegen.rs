//! The generator's output is checked in for a tiny table, as chrono-tz does: a
//! change to the generated code shows up as a diff in review.

#[allow(dead_code)]
#[path = "../src/table/codegen.rs"]
mod codegen;
#[allow(dead_code)]
#[path = "../src/table/hash.rs"]
mod hash;
#[allow(dead_code)]
#[path = "../src/table/row.rs"]
mod row;
#[allow(dead_code)]
#[path = "../src/status.rs"]
mod status;

#[test]
fn generated_output_is_stable() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mappings");
    let text = std::fs::read_to_string(dir.join("mini.tsv")).unwrap();
    let file = row::parse_file("mini.tsv", "mini", &text).unwrap();
    let got = codegen::generate(&[file]);
    let expected = dir.join("mini.expected.rs");
    if std::env::var_os("WISMO_BLESS").is_some() {
        std::fs::write(&expected, &got).unwrap();
    }
    let want = std::fs::read_to_string(&expected).unwrap_or_default();
    assert!(
        want == got,
        "generated output changed; rerun with WISMO_BLESS=1 and review tests/fixtures/mappings/mini.expected.rs"
    );
}

#[test]
fn bad_rows_are_reported_with_file_and_line() {
    let text = "# carrier: bad\n# name: Bad\n# key: k\ncode\tstatus\tsubstatus\treason\teta\tdescription\n\
                B1\tdeliverd\tdelivered\t-\tfinal\tx\n\
                A1\tin_transit\tdelivered\t-\tnone\ty\n\
                C1\tin_transit\tin_transit\t-\tsoon\tz\n\
                D1\tin_transit\tin_transit\t-\tnone\t\n\
                D1\tin_transit\tin_transit\t-\tnone\tdup\n\
                E1\tin_transit\n";
    let errs = row::parse_file("mappings/bad.tsv", "bad", text).unwrap_err();
    let msgs: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
    let want = [
        "mappings/bad.tsv:4: missing `# source:` header (at least one)",
        "mappings/bad.tsv:5: unknown status `deliverd` (expected one of unknown, info_received, in_transit, out_for_delivery, attempt_failed, available_for_pickup, delivered, exception, return_to_sender, cancelled, expired)",
        "mappings/bad.tsv:6: substatus `delivered` belongs to status `delivered`, not `in_transit`",
        "mappings/bad.tsv:6: code `A1` out of order after `B1` (rows are sorted by code, byte order)",
        "mappings/bad.tsv:7: unknown eta hint `soon` (expected none, same_day, next_business_day, delayed:MIN-MAX, awaiting_recipient or final)",
        "mappings/bad.tsv:8: empty description",
        "mappings/bad.tsv:9: duplicate code `D1` (first at line 8)",
        "mappings/bad.tsv:10: expected 6 fields, found 2",
    ];
    assert_eq!(msgs, want);
}

#[test]
fn detection_only_ids_are_validated_and_get_empty_tables() {
    let text = "# comment\nid\tname\tsource\nbeta\tBeta\tdoc\nalpha\tAlpha\tdoc\nBad\tX\tdoc\ngamma\tGamma\n";
    let errs = codegen::parse_detection_only("d.tsv", text).unwrap_err();
    assert_eq!(
        errs,
        [
            "d.tsv:4: id `alpha` out of order or repeated after `beta`",
            "d.tsv:5: carrier id `Bad` is not snake_case",
            "d.tsv:5: id `Bad` out of order or repeated after `alpha`",
            "d.tsv:6: expected 3 fields, found 2",
        ]
    );
    let list =
        codegen::parse_detection_only("d.tsv", "id\tname\tsource\nzeta\tZeta\tdoc\n").unwrap();
    assert!(list[0].rows.is_empty() && list[0].sources == ["doc"]);
    let got = codegen::generate(&list);
    assert!(
        got.contains("/// Zeta (`zeta`): detection only, no parser and no code table.\n    Zeta,")
    );
    assert!(got.contains("static ZETA: Table = Table { seed: 0, pilots: &[], remap: &[], fingerprints: &[], rows: &[] };"));
    // The list in the crate parses.
    let real = include_str!("../src/table/detection_only.tsv");
    assert_eq!(
        codegen::parse_detection_only("detection_only.tsv", real)
            .unwrap()
            .len(),
        12
    );
}

#[test]
fn flags_column_is_validated() {
    let text = "# carrier: f\n# name: F\n# source: s\n# key: k\n\
                code\tstatus\tsubstatus\treason\teta\tdescription\tflags\n\
                A1\tin_transit\tin_transit\t-\tnone\tcategory\tcoarse\n\
                B1\tin_transit\tin_transit\t-\tnone\tplain\n\
                C1\tin_transit\tin_transit\t-\tnone\tchecked\tcoarse,reviewed\n\
                D1\tin_transit\tin_transit\t-\tnone\tnone\t-\n";
    let f = row::parse_file("mappings/f.tsv", "f", text).unwrap();
    let flags: Vec<(bool, bool)> = f
        .rows
        .iter()
        .map(|r| (r.flags.coarse, r.flags.reviewed))
        .collect();
    assert_eq!(
        flags,
        [(true, false), (false, false), (true, true), (false, false)]
    );

    let bad = "# carrier: f\n# name: F\n# source: s\n# key: k\n\
               code\tstatus\tsubstatus\treason\teta\tdescription\tflags\n\
               A1\tin_transit\tin_transit\t-\tnone\tx\tvague\n\
               B1\tin_transit\tin_transit\t-\tnone\tx\tcoarse,coarse\n";
    let msgs: Vec<String> = row::parse_file("mappings/f.tsv", "f", bad)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(
        msgs,
        [
            "mappings/f.tsv:6: unknown flag `vague` (expected coarse, reviewed, separated by `,`, or `-`)",
            "mappings/f.tsv:7: flag `coarse` given twice",
        ]
    );

    // Without the `flags` column a seventh field is an error.
    let seven = "# carrier: f\n# name: F\n# source: s\n# key: k\n\
                 code\tstatus\tsubstatus\treason\teta\tdescription\n\
                 A1\tin_transit\tin_transit\t-\tnone\tx\tcoarse\n";
    let msgs: Vec<String> = row::parse_file("mappings/f.tsv", "f", seven)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(
        msgs,
        ["mappings/f.tsv:6: 7 fields, but the column line has no `flags` column (end it with `\\tflags`)"]
    );
}
