#!/usr/bin/env python3
"""Builds the seed corpora under fuzz/corpus/ (git-ignored) from the crate's
fixtures, so every target starts from real carrier responses:

- `<carrier>`: every body in tests/fixtures/<carrier>/ (`.json`, `.xml`);
- `parse`: the same bodies, each prefixed with the byte that makes the target
  pick its carrier (the index in `Carrier::ALL`, sorted ids of mappings/*.tsv
  and src/table/detection_only.tsv);
- `classify`: the event texts of tests/data/phrases.tsv;
- `detect`: none (libFuzzer starts from empty input).

Usage: python3 fuzz/seed.py   (from anywhere; Python 3.11 stdlib only)
"""

from pathlib import Path

FUZZ = Path(__file__).resolve().parent
ROOT = FUZZ.parent
CORPUS = FUZZ / "corpus"


def carrier_ids() -> list[str]:
    ids = {p.stem for p in (ROOT / "mappings").glob("*.tsv")}
    only = (ROOT / "src/table/detection_only.tsv").read_text().splitlines()
    seen_columns = False
    for line in only:
        if not line or (not seen_columns and line.startswith("# ")):
            continue
        if not seen_columns:
            seen_columns = True
            continue
        ids.add(line.split("\t")[0])
    return sorted(ids)


def main() -> None:
    ids = carrier_ids()
    targets = {p.stem for p in (FUZZ / "fuzz_targets").glob("*.rs")}
    counts = {}
    for cid in sorted(targets & set(ids)):
        fixtures = ROOT / "tests/fixtures" / cid
        bodies = sorted(
            p
            for p in fixtures.glob("*")
            if p.suffix in (".json", ".xml") and not p.name.endswith(".expected.json")
        )
        out = CORPUS / cid
        out.mkdir(parents=True, exist_ok=True)
        for p in bodies:
            (out / f"seed-{p.name}").write_bytes(p.read_bytes())
        parse = CORPUS / "parse"
        parse.mkdir(parents=True, exist_ok=True)
        pick = bytes([ids.index(cid)])
        for p in bodies:
            (parse / f"seed-{cid}-{p.name}").write_bytes(pick + p.read_bytes())
        counts[cid] = len(bodies)
    out = CORPUS / "classify"
    out.mkdir(parents=True, exist_ok=True)
    n = 0
    for line in (ROOT / "tests/data/phrases.tsv").read_text().splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 4:
            continue
        (out / f"seed-{n}").write_text(fields[3])
        n += 1
    (CORPUS / "detect").mkdir(parents=True, exist_ok=True)
    print(f"seeded {sum(counts.values())} bodies for {len(counts)} carriers (and parse), {n} texts for classify")


if __name__ == "__main__":
    main()
