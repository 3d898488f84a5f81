#!/usr/bin/env bash
# The defects hostile inputs found (../shared/repro, issue 13), each checked through the CLI the
# way its repro.sh shows it: what a spreadsheet would run, what breaks JSON, what forges rows.
set -uo pipefail
dyad=$1 tmp=$2
repro=${REPRO:-../shared/repro}
rm -rf "$tmp" && mkdir -p "$tmp"
export DYAD_LEXICON=
fail=0
check() { if [[ "$3" == *"$2"* ]]; then echo "ok   $1"; else echo "FAIL $1: expected '$2' in: $3"; fail=1; fi; }

# D2: cells a spreadsheet would run as formulas are written behind an apostrophe, from an
# imported field, a coded sentence and a file name; importing the export gives the text back.
if [ -d "$repro/csv-formula" ]; then
  "$dyad" import --db "$tmp/f.db" "$repro/csv-formula/formula.jsonl" > /dev/null 2>&1
  "$dyad" export --db "$tmp/f.db" --format csv --out "$tmp/f.csv" > /dev/null 2>&1
  "$dyad" ingest --db "$tmp/d.db" "$repro/csv-formula/hostile-doc.txt" > /dev/null 2>&1
  "$dyad" export --db "$tmp/d.db" --format csv --out "$tmp/d.csv" > /dev/null 2>&1
  python3 - "$tmp/f.csv" "$tmp/d.csv" <<'PY' || fail=1
import csv, sys
for path in sys.argv[1:]:
    rows = list(csv.reader(open(path, encoding="utf-8-sig")))
    for row in rows[1:]:
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                try:
                    float(cell)
                except ValueError:
                    print(f"FAIL {path}: a formula cell: {cell[:60]!r}"); sys.exit(1)
print("ok   D2: no CSV cell opens as a formula (imported field, coded sentence)")
PY
  "$dyad" import --db "$tmp/back.db" "$tmp/f.csv" > /dev/null 2>&1
  a=$("$dyad" events --db "$tmp/f.db" --format jsonl | python3 -c 'import json,sys; print(sorted(json.loads(l)["source_name"] for l in sys.stdin))')
  b=$("$dyad" events --db "$tmp/back.db" --format jsonl | python3 -c 'import json,sys; print(sorted(json.loads(l)["source_name"] for l in sys.stdin))')
  [ -n "$a" ] && [ "$a" = "$b" ] && echo "ok   D2: the CSV reads back to the same text" || { echo "FAIL D2 round trip: $a vs $b"; fail=1; }
  cp tests/corpus/ko/brief-2024-dprk-russia.txt "$tmp/=HYPERLINK(\"http:evil.example\",\"brief\").txt"
  "$dyad" ingest --db "$tmp/c.db" "$tmp/=HYPERLINK(\"http:evil.example\",\"brief\").txt" > /dev/null 2>&1
  out=$("$dyad" chronology --db "$tmp/c.db" --between PRK RUS --format csv | sed -n 2p)
  check "D2: a chronology's source file name is not a formula" ",\"'=HYPERLINK(" "$out"
fi
# D6, D12: a "nan" or "inf" Goldstein value is a bad row, named and skipped; the other rows are
# stored, and every export is valid JSON.
if [ -d "$repro/gdelt-nan-aborts-import" ]; then
  out=$("$dyad" import --db "$tmp/n.db" "$repro/gdelt-nan-aborts-import/gd-nan.tsv" 2>&1)
  check "D6: the nan row is named" "gd-nan.tsv:2: GoldsteinScale 'nan' is not a number" "$out"
  check "D6: the good rows are stored" "2 events stored" "$out"
  out=$("$dyad" import --db "$tmp/nc.db" "$repro/gdelt-nan-aborts-import/nan.csv" 2>&1)
  check "D6: in a CSV too" "is not a number" "$out"
  "$dyad" import --db "$tmp/i.db" "$repro/gdelt-inf-invalid-json/gd-inf.tsv" > /dev/null 2>&1
  "$dyad" export --db "$tmp/i.db" --format jsonl --out "$tmp/i.jsonl" > /dev/null 2>&1
  python3 -c 'import json,sys; rows=[json.loads(l) for l in open(sys.argv[1])]; assert rows and all(-10 <= r["goldstein"] <= 10 for r in rows); print("ok   D12: no inf stored; the JSON Lines export parses")' "$tmp/i.jsonl" || fail=1
fi
# D9: bytes that are not UTF-8 are stored as U+FFFD, said once; both exports read back.
if [ -d "$repro/gdelt-invalid-utf8" ]; then
  out=$("$dyad" import --db "$tmp/u.db" "$repro/gdelt-invalid-utf8/gd-latin1.tsv" 2>&1)
  check "D9: the repair is said" "not UTF-8 stored as U+FFFD" "$out"
  "$dyad" export --db "$tmp/u.db" --format jsonl --out "$tmp/u.jsonl" > /dev/null 2>&1
  "$dyad" export --db "$tmp/u.db" --format xlsx --out "$tmp/u.xlsx" > /dev/null 2>&1
  python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8"); print("ok   D9: the JSON Lines export is UTF-8")' "$tmp/u.jsonl" || fail=1
  out=$("$dyad" import --db "$tmp/u2.db" "$tmp/u.xlsx" 2>&1)
  check "D9: the workbook is well-formed and reads back" "3 events stored" "$out"
fi
exit $fail
