//! Validates every `mappings/*.tsv` file and compiles them into perfect-hash
//! tables (`$OUT_DIR/mappings_generated.rs`). A bad row fails the build with
//! `mappings/<file>.tsv:<line>: <problem>`, every problem in one run.

#[allow(dead_code)]
#[path = "src/table/codegen.rs"]
mod codegen;
#[allow(dead_code)]
#[path = "src/table/hash.rs"]
mod hash;
#[allow(dead_code)]
#[path = "src/table/row.rs"]
mod row;
#[allow(dead_code)]
#[path = "src/status.rs"]
mod status;

use std::path::Path;

fn main() {
    // WISMO_MAPPINGS points the build at another folder of mapping files
    // (used while developing a table); the default is `mappings/`.
    println!("cargo::rerun-if-env-changed=WISMO_MAPPINGS");
    let dir = std::env::var("WISMO_MAPPINGS").unwrap_or_else(|_| "mappings".to_string());
    println!("cargo::rerun-if-changed={dir}");
    for f in [
        "src/status.rs",
        "src/table/row.rs",
        "src/table/hash.rs",
        "src/table/codegen.rs",
        "src/table/detection_only.tsv",
    ] {
        println!("cargo::rerun-if-changed={f}");
    }

    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read mapping folder `{dir}`: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    paths.sort();

    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in &paths {
        println!("cargo::rerun-if-changed={}", path.display());
        let shown = path.display().to_string();
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(format!("{shown}: cannot read as UTF-8: {e}"));
                continue;
            }
        };
        match row::parse_file(&shown, stem, &text) {
            Ok(f) => files.push(f),
            Err(es) => errors.extend(es.iter().map(|e| e.to_string())),
        }
    }
    // Detection-only ids: a variant each, no table, no parser.
    let only = "src/table/detection_only.tsv";
    match std::fs::read_to_string(only).map_err(|e| vec![format!("{only}: {e}")]) {
        Ok(text) => match codegen::parse_detection_only(only, &text) {
            Ok(list) => {
                for f in list {
                    if files.iter().any(|m| m.carrier == f.carrier) {
                        errors.push(format!(
                            "{only}: `{}` has a mapping file; a detection-only id has none",
                            f.carrier
                        ));
                    }
                    files.push(f);
                }
                files.sort_by(|a, b| a.carrier.cmp(&b.carrier));
            }
            Err(es) => errors.extend(es),
        },
        Err(es) => errors.extend(es),
    }
    if !errors.is_empty() {
        for e in &errors {
            println!("cargo::error={e}");
        }
        eprintln!("{} problem(s) in mappings/:", errors.len());
        for e in &errors {
            eprintln!("{e}");
        }
        std::process::exit(1);
    }

    let out =
        Path::new(&std::env::var_os("OUT_DIR").expect("OUT_DIR")).join("mappings_generated.rs");
    std::fs::write(&out, codegen::generate(&files)).expect("write generated tables");
}
