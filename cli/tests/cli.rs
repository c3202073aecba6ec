//! Drives the real `wismo` binary: exit codes, stderr lines, output order, a
//! bad record in the middle of a batch, a closed pipe.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_wismo");

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture(p: &str) -> PathBuf {
    root().join("tests/fixtures").join(p)
}

fn tmp(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

fn run(args: &[&str]) -> Output {
    Command::new(BIN).args(args).output().unwrap()
}

fn run_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited, not killed by a signal")
}

/// A JSON Lines record for a fixture body.
fn record(carrier: &str, path: &str, id: usize) -> String {
    let body = std::fs::read_to_string(fixture(path)).unwrap();
    serde_json::json!({"id": id, "carrier": carrier, "body": body}).to_string()
}

/// A real fixture body with one code replaced by a code no table has (the
/// shipped tables grow: a fixture's unmapped code may be mapped tomorrow).
fn mutated(path: &str, from: &str, to: &str) -> String {
    let s = std::fs::read_to_string(fixture(path)).unwrap();
    assert!(s.contains(from), "{path} has {from}");
    s.replacen(from, to, 1)
}

const GLS_CODE: &str = "WISMOTEST.NOTREAL";

fn gls_unmapped() -> String {
    assert!(wismo::Carrier::Gls.lookup(GLS_CODE).is_none());
    assert!(wismo::Carrier::Gls.lookup("WISMOTEST.*").is_none());
    mutated(
        "gls/changed_address_in_delivery.json",
        "\"CHANGD.MONEWADDR\"",
        &format!("\"{GLS_CODE}\""),
    )
}

fn amazon_unmapped() -> String {
    assert!(wismo::Carrier::AmazonShipping
        .lookup("WismoTestCode")
        .is_none());
    mutated(
        "amazon_shipping/attempted_customer_unavailable.json",
        "\"PickupDone\"",
        "\"WismoTestCode\"",
    )
}

/// A JSON Lines record for a body.
fn record_of(carrier: &str, body: &str, id: usize) -> String {
    serde_json::json!({"id": id, "carrier": carrier, "body": body}).to_string()
}

const GOOD: &[(&str, &str)] = &[
    ("fedex", "fedex/delivered.json"),
    ("ups", "ups/delivered.json"),
    ("gls", "gls/changed_address_in_delivery.json"),
    ("dpd", "dpd/parcelshop_after_failed_attempt.xml"),
    ("postnl", "postnl/complete_status_pickup_point.json"),
];

#[test]
fn help_everywhere() {
    for args in [
        &["--help"][..],
        &["help"],
        &["normalize", "--help"],
        &["detect", "--help"],
        &["classify", "--help"],
        &["batch", "--help"],
        &["unmapped", "--help"],
        &["check-mappings", "--help"],
    ] {
        let o = run(args);
        assert_eq!(code(&o), 0, "{args:?}");
        assert!(stdout(&o).contains("Usage: wismo"), "{args:?}");
    }
    let o = run(&["--help"]);
    assert!(stdout(&o).contains("Exit codes"));
}

#[test]
fn usage_errors_exit_2() {
    let o = run(&[]);
    assert_eq!(code(&o), 2);
    let o = run(&["normalize", "--carrier", "nope", "x.json"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).starts_with("wismo normalize: unknown carrier id `nope` (one of "),
        "{}",
        stderr(&o)
    );
    let o = run(&["normalize", "--carrier", "ups", "/does/not/exist.json"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).starts_with("wismo normalize: cannot read `/does/not/exist.json`"));
    let o = run(&["classify", "--lang", "xx", "Delivered"]);
    assert_eq!(code(&o), 2);
    let o = run(&["batch", "/does/not/exist.jsonl"]);
    assert_eq!(code(&o), 2);
    let o = run(&["batch", "--threads", "0", "-"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn normalize_json_jsonl_table() {
    let f = fixture("fedex/delivered.json");
    let f = f.to_str().unwrap();
    let o = run(&["normalize", "--carrier", "fedex", f]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["status"], "delivered");
    assert!(stdout(&o).contains("\n  {"), "pretty by default");

    let o = run(&["normalize", "-c", "fedex", "--format", "jsonl", f]);
    assert_eq!(code(&o), 0);
    let lines: Vec<&str> = std::str::from_utf8(&o.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), v.as_array().unwrap().len());
    let t: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(t["tracking_number"], v[0]["tracking_number"]);

    let o = run(&["normalize", "-c", "fedex", "-f", "table", f]);
    assert_eq!(code(&o), 0);
    let first = stdout(&o).lines().next().unwrap().to_string();
    assert!(
        first.starts_with("738488882438  fedex  delivered/delivered"),
        "{first}"
    );

    // From stdin.
    let body = std::fs::read(fixture("ups/delivered.json")).unwrap();
    let o = run_stdin(&["normalize", "-c", "ups", "-"], &body);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).contains("\"status\": \"delivered\""));
}

#[test]
fn normalize_bad_body_exits_1_with_the_typed_error() {
    let o = run_stdin(&["normalize", "-c", "fedex"], b"{\"output\": ");
    assert_eq!(code(&o), 1);
    let e = stderr(&o);
    assert!(
        e.starts_with("wismo normalize: fedex: cannot read JSON body"),
        "{e}"
    );
    assert!(!e.contains("panicked"));
    assert!(o.stdout.is_empty());
}

#[test]
fn detect_and_classify() {
    let o = run(&["detect", "1Z999AA1", "0123456784"]);
    assert_eq!(code(&o), 0);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v[0]["carrier"], "ups");
    let o = run(&["detect", "hello"]);
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o).trim(), "[]");

    let o = run(&["classify", "--lang", "de", "Zugestellt", "an", "Nachbarn"]);
    assert_eq!(code(&o), 0);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["status"], "delivered");
    assert_eq!(v["substatus"], "delivered_to_neighbor");
    assert!(v["confidence"].as_f64().unwrap() > 0.0);
    let o = run(&["classify", "Photo taken of parcel"]);
    assert_eq!(stdout(&o).trim(), "null");
}

/// 400 records, a bad one at line 200 and a blank line at 300.
fn batch_input() -> (PathBuf, usize) {
    let mut text = String::new();
    let mut n = 0;
    for line in 1..=401 {
        if line == 200 {
            text.push_str("{\"carrier\": \"ups\", \"body\": \n");
            continue;
        }
        if line == 300 {
            text.push('\n');
            continue;
        }
        let (c, p) = GOOD[line % GOOD.len()];
        if c == "gls" {
            text.push_str(&record_of(c, &gls_unmapped(), line));
        } else {
            text.push_str(&record(c, p, line));
        }
        text.push('\n');
        n += 1;
    }
    let p = tmp("batch.jsonl");
    std::fs::write(&p, text).unwrap();
    (p, n + 1)
}

#[test]
fn batch_keeps_input_order_and_goes_on_after_a_bad_record() {
    let (input, records) = batch_input();
    let input = input.to_str().unwrap();
    // Small chunks on two threads: many chunks, order must still hold.
    let o = run(&["batch", "--chunk", "7", "--threads", "2", input]);
    assert_eq!(code(&o), 1, "a failed record makes exit 1");
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), records, "one output line per record");
    let numbers: Vec<u64> = lines.iter().map(|v| v["line"].as_u64().unwrap()).collect();
    let expected: Vec<u64> = (1..=401).filter(|l| *l != 300).collect();
    assert_eq!(numbers, expected, "input order, blank line skipped");
    for v in &lines {
        let line = v["line"].as_u64().unwrap();
        if line == 200 {
            assert_eq!(v["error"]["kind"], "record");
            assert!(v.get("trackings").is_none());
        } else {
            assert_eq!(v["id"].as_u64(), Some(line), "id copied");
            let (c, _) = GOOD[line as usize % GOOD.len()];
            assert_eq!(v["carrier"], c);
            assert!(!v["trackings"].as_array().unwrap().is_empty(), "{v}");
        }
    }
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        format!(
            "wismo batch: {input}:200: record: not a JSON object with `carrier` and `body`: EOF while parsing a value at line 1 column 27"
        )
    );
    assert!(
        lines[1].starts_with(&format!(
            "wismo batch: {} bodies ({} ok, 1 failed), ",
            records,
            records - 1
        )),
        "{err}"
    );
    assert_eq!(lines[2], "wismo batch: errors by kind: record 1");
    assert!(
        lines[3].starts_with("wismo batch: unmapped codes: "),
        "{err}"
    );
    assert!(lines[3].contains(&format!("gls `{GLS_CODE}`")), "{err}");
    assert!(
        !err.contains('\r') && !err.contains('\x1b'),
        "no progress bar when piped"
    );

    // One thread gives the same output.
    let one = run(&["batch", "-j", "1", input]);
    assert_eq!(one.stdout, o.stdout);
}

#[test]
fn batch_bodies_as_text_base64_and_json() {
    use base64::Engine as _;
    let body = std::fs::read(fixture("ups/delivered.json")).unwrap();
    let b64 = base64::engine::general_purpose::STANDARD.encode(&body);
    let object: serde_json::Value = serde_json::from_slice(&body).unwrap();
    let input = [
        serde_json::json!({"carrier": "ups", "body": String::from_utf8(body.clone()).unwrap()}),
        serde_json::json!({"carrier": "ups", "body_base64": b64}),
        serde_json::json!({"carrier": "ups", "body": b64, "encoding": "base64"}),
        serde_json::json!({"carrier": "ups", "body": object}),
    ]
    .iter()
    .map(|v| v.to_string() + "\n")
    .collect::<String>();
    let o = run_stdin(&["batch"], input.as_bytes());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let outs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(outs.len(), 4);
    for v in &outs[1..] {
        assert_eq!(v["trackings"], outs[0]["trackings"]);
    }
    assert!(stderr(&o).contains("4 bodies (4 ok, 0 failed)"));

    // Bad base64, unknown carrier, carrier error: each its kind, run goes on.
    let input = [
        r#"{"carrier": "ups", "body_base64": "@@@"}"#.to_string(),
        r#"{"carrier": "nope", "body": "{}"}"#.to_string(),
        record("ups", "ups/not_found.json", 3),
        record("fedex", "fedex/delivered.json", 4),
    ]
    .join("\n");
    let o = run_stdin(&["batch"], input.as_bytes());
    assert_eq!(code(&o), 1);
    let outs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let kinds: Vec<&str> = outs
        .iter()
        .map(|v| v["error"]["kind"].as_str().unwrap_or("ok"))
        .collect();
    assert_eq!(kinds, ["record", "record", "carrier", "ok"]);
    let err = stderr(&o);
    assert!(
        err.contains("wismo batch: -:1: record: bad base64 body"),
        "{err}"
    );
    assert!(err.contains("wismo batch: -:2: record: unknown carrier id `nope`"));
    assert!(err.contains("errors by kind: carrier 1, record 2"), "{err}");
}

#[test]
fn batch_reads_a_directory_named_by_carrier() {
    let dir = tmp("bodies");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("fedex")).unwrap();
    std::fs::copy(fixture("fedex/delivered.json"), dir.join("fedex/a.json")).unwrap();
    std::fs::copy(fixture("ups/delivered.json"), dir.join("ups.b.json")).unwrap();
    std::fs::write(dir.join("nope.c.json"), "{}").unwrap();
    std::fs::write(dir.join("notes.txt"), "skipped").unwrap();
    let o = run(&["batch", dir.to_str().unwrap()]);
    assert_eq!(code(&o), 1);
    let outs: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(outs.len(), 3);
    assert!(outs[0]["file"].as_str().unwrap().ends_with("fedex/a.json"));
    assert_eq!(outs[0]["carrier"], "fedex");
    assert_eq!(outs[1]["error"]["kind"], "record");
    assert!(outs[2]["file"].as_str().unwrap().ends_with("ups.b.json"));
    assert_eq!(outs[2]["trackings"][0]["status"], "delivered");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // Enough output to fill any pipe buffer many times over.
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(&record("fedex", "fedex/delivered.json", i));
        text.push('\n');
    }
    let input = tmp("pipe.jsonl");
    std::fs::write(&input, text).unwrap();
    for args in [
        vec!["batch", input.to_str().unwrap()],
        vec!["batch", "--chunk", "1", "-j", "1", input.to_str().unwrap()],
    ] {
        let mut child = Command::new(BIN)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        out.read_line(&mut first).unwrap();
        assert!(first.starts_with("{\"line\":1,"), "{first}");
        drop(out);
        let o = child.wait_with_output().unwrap();
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{err}");
        assert!(err.is_empty(), "quiet: {err}");
        assert_eq!(code(&o), 0);
    }
}

#[test]
fn unmapped_report_loads_back_as_a_valid_override_file() {
    // Stored bodies: two with a code no table has, and every fixture.
    let dir = tmp("stored");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("gls")).unwrap();
    std::fs::write(dir.join("gls/a.json"), gls_unmapped()).unwrap();
    std::fs::write(dir.join("amazon_shipping.b.json"), amazon_unmapped()).unwrap();
    let stored = dir.to_str().unwrap();
    let fixtures = root().join("tests/fixtures");
    let fixtures = fixtures.to_str().unwrap();

    let o = run(&["unmapped", "--carrier", "gls", stored]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let tsv = stdout(&o);
    assert!(tsv.starts_with("# carrier: gls\n# name: GLS\n"), "{tsv}");
    assert!(tsv.contains(&format!(
        "# source: unmapped-code report of {stored}, needs review\n"
    )));
    assert!(tsv.contains(&format!("\n{GLS_CODE}\t")), "{tsv}");
    assert!(
        tsv.contains(&format!("# note: {GLS_CODE}: 1 event(s)")),
        "{tsv}"
    );

    // Several carriers need --out-dir.
    let o = run(&["unmapped", stored]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("--out-dir"));

    let review = tmp("review");
    let _ = std::fs::remove_dir_all(&review);
    let o = run(&[
        "unmapped",
        "--out-dir",
        review.to_str().unwrap(),
        stored,
        fixtures,
    ]);
    assert_eq!(code(&o), 0);
    let files: Vec<String> = stdout(&o).lines().map(str::to_string).collect();
    assert!(files.len() >= 2, "{files:?}");
    let amazon = std::fs::read_to_string(review.join("amazon_shipping.tsv")).unwrap();
    assert!(
        amazon.contains("\nWismoTestCode\tunknown\tunmapped\t-\tnone\tcarrier code WismoTestCode, no text seen\n"),
        "{amazon}"
    );
    let mut args = vec!["check-mappings"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(code(&o), 0, "{}", stderr(&o));

    // Loaded back, the codes are answered and no longer reported.
    let all = files.join(",");
    let o = run(&["unmapped", "--overrides", &all, "--format", "json", stored]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["rows"].as_array().unwrap().len(), 0, "{v}");

    let o = run(&["unmapped", "--format", "json", stored]);
    assert_eq!(code(&o), 0);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{v}");
    assert_eq!(rows[0]["carrier"], "amazon_shipping");
    assert_eq!(rows[1]["code"], GLS_CODE);
    assert_eq!(rows[1]["count"], 1);
}

#[test]
fn check_mappings_reports_file_and_line() {
    let bad = tmp("fedex.tsv");
    std::fs::write(
        &bad,
        "# carrier: fedex\n# name: FedEx\n# source: a test\n# key: event code\n\
         code\tstatus\tsubstatus\treason\teta\tdescription\n\
         ZZ\tdelivered\tout_for_delivery\t-\tfinal\tbad pair\n\
         AA\tin_transit\tin_transit\t-\tnone\tout of order\n",
    )
    .unwrap();
    let good = tmp("ups.tsv");
    std::fs::write(
        &good,
        "# carrier: ups\n# name: UPS\n# source: a test\n# key: event code\n\
         code\tstatus\tsubstatus\treason\teta\tdescription\n\
         status/999\tin_transit\tin_transit\t-\tnone\ta test row\n",
    )
    .unwrap();
    let o = run(&["check-mappings", good.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let o = run(&[
        "check-mappings",
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
    ]);
    assert_eq!(code(&o), 1);
    let err = stderr(&o);
    let b = bad.display().to_string();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with(&format!("{b}:6: substatus `out_for_delivery`")),
        "{err}"
    );
    assert!(
        lines[1].starts_with(&format!("{b}:7: code `AA` out of order")),
        "{err}"
    );
}

#[test]
fn overrides_answer_codes_and_say_where_from() {
    let gls = tmp("gls-unmapped.json");
    std::fs::write(&gls, gls_unmapped()).unwrap();
    let gls = gls.to_str().unwrap();
    let file = tmp("shop-gls.tsv");
    std::fs::write(
        &file,
        "# carrier: gls\n# name: GLS\n# source: a test of the command\n# key: event code\n\
         code\tstatus\tsubstatus\treason\teta\tdescription\n\
         WISMOTEST.NOTREAL\tin_transit\tredirected\t-\tnone\trecipient gave a new address\n",
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let events = |o: &Output| -> Vec<serde_json::Value> {
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v[0]["events"].as_array().unwrap().clone()
    };
    let o = run(&["normalize", "-c", "gls", gls]);
    let before = events(&o);
    let e = before.iter().find(|e| e["code"] == GLS_CODE).unwrap();
    assert_eq!(e["mapped"], false);

    let o = run(&["normalize", "-c", "gls", "--overrides", f, gls]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let after = events(&o);
    let e = after.iter().find(|e| e["code"] == GLS_CODE).unwrap();
    assert_eq!(e["substatus"], "redirected");
    assert_eq!(e["override_source"]["file"], f);
    assert_eq!(e["override_source"]["line"], 6);

    // In a batch, and the code is no longer reported as unmapped.
    let input = record_of("gls", &gls_unmapped(), 1) + "\n";
    let o = run_stdin(&["batch", "--overrides", f, "-"], input.as_bytes());
    assert_eq!(code(&o), 0);
    let o2 = run_stdin(
        &[
            "batch",
            "--overrides",
            &format!("{},{f}", other_override()),
            "-",
        ],
        input.as_bytes(),
    );
    assert_eq!(o2.stdout, o.stdout, "comma-separated files");
    assert!(stdout(&o).contains("\"override_source\":{\"file\":"));
    assert!(
        stderr(&o).contains("unmapped codes: none"),
        "{}",
        stderr(&o)
    );

    // An invalid override file stops the run: exit 1, file:line on stderr.
    let bad = tmp("bad-gls.tsv");
    std::fs::write(
        &bad,
        "# carrier: gls\n# name: GLS\n# source: a test\n# key: event code\n\
         code\tstatus\tsubstatus\treason\teta\tdescription\n\
         X\tin_transit\tnope\t-\tnone\tx\n",
    )
    .unwrap();
    let o = run_stdin(
        &["batch", "--overrides", bad.to_str().unwrap()],
        input.as_bytes(),
    );
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains(&format!("\n{}:6: ", bad.display())),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty());
}

/// A valid override file that changes nothing the GLS fixture uses.
fn other_override() -> String {
    let p = tmp("other-ups.tsv");
    std::fs::write(
        &p,
        "# carrier: ups\n# name: UPS\n# source: a test\n# key: event code\n\
         code\tstatus\tsubstatus\treason\teta\tdescription\n\
         status/999\tin_transit\tin_transit\t-\tnone\ta test row\n",
    )
    .unwrap();
    p.display().to_string()
}
