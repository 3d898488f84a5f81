#!/usr/bin/env bash
# import → export → import through the CLI: each format gives back the events it carries; a
# malformed row is reported with its line and skipped; importing a file twice changes nothing.
set -uo pipefail
dyad=$1 tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp"
fail=0
check() { if [[ "$3" == *"$2"* ]]; then echo "ok   $1"; else echo "FAIL $1: expected '$2' in: $3"; fail=1; fi; }
db=$tmp/a.db
"$dyad" ingest --db "$db" tests/corpus/ko/brief-2024-dprk-russia.txt tests/corpus/ko-statements/brief-2024-russia-statements.txt >/dev/null || fail=1
gdelt=../shared/data/gdelt/gdelt1-events-sample-20160728.tsv
if [ -f "$gdelt" ]; then
  out=$("$dyad" import --db "$db" "$gdelt") || fail=1
  check "GDELT sample imported whole" "710 rows, 710 events stored" "$out"
  out=$("$dyad" import --db "$db" "$gdelt") || fail=1
  check "second import changes nothing" "nothing changed" "$out"
  # Imported events are said from their codes, with the source URL as the source.
  "$dyad" import --db "$tmp/gdelt-only.db" "$gdelt" >/dev/null || fail=1
  "$dyad" chronology --db "$tmp/gdelt-only.db" --lang en --format csv > "$tmp/gdelt-chron.csv" || fail=1
  python3 - "$tmp/gdelt-chron.csv" <<'PY' || fail=1
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) > 100, len(rows)
bare = [r for r in rows if " " not in r["content"]]
assert not bare, f"content lines with no act: {bare[:3]}"
# A row with a SOURCEURL (GDELT from April 2013) names it; older rows name the file.
urls = [r for r in rows if r["sources"].startswith("http")]
assert urls and all(r["sources"].startswith("http") or r["sources"].endswith(".tsv") for r in rows)
assert not [r for r in rows if r["content"].endswith(" ")], "a line ends in a dangling slot"
print(f"ok   GDELT chronology: {len(rows)} rows, each with an act; {len(urls)} name their URL")
PY
  "$dyad" chronology --db "$tmp/gdelt-only.db" --between USA RUS --lang ko | sed -n 2p | grep -q "미국\|러시아" && echo "ok   GDELT chronology in Korean names the states" || { echo "FAIL GDELT chronology in Korean"; fail=1; }
fi
"$dyad" export --db "$db" --mode all --out "$tmp/all.jsonl" 2>/dev/null || fail=1
n=$(wc -l < "$tmp/all.jsonl")
for f in jsonl csv xlsx; do
  "$dyad" export --db "$db" --mode all --out "$tmp/out.$f" 2>/dev/null || { echo "FAIL export $f"; fail=1; }
  "$dyad" import --db "$tmp/$f.db" "$tmp/out.$f" >/dev/null || { echo "FAIL import $f"; fail=1; }
  "$dyad" export --db "$tmp/$f.db" --mode all --format jsonl > "$tmp/back.$f.jsonl"
  # JSON Lines carries every mention; the tables one row per event, its primary mention.
  python3 - "$f" "$tmp/all.jsonl" "$tmp/back.$f.jsonl" <<'PY' || fail=1
import json, sys
fmt = sys.argv[1]
a = [json.loads(l) for l in open(sys.argv[2])]
b = [json.loads(l) for l in open(sys.argv[3])]
assert len(a) == len(b), (fmt, len(a), len(b))
for x, y in zip(a, b):
    if fmt != "jsonl":
        x["mentions"] = x["mentions"][:1]
        # the primary mention's date is the event's in a table
        x["mentions"][0]["date"], x["mentions"][0]["date_end"] = x["date"], x["date_end"]
    if x != y:
        diff = {k: (x.get(k), y.get(k)) for k in set(x) | set(y) if x.get(k) != y.get(k)}
        sys.exit(f"FAIL {fmt} round trip differs: {diff}")
print(f"ok   {fmt} round trip ({len(a)} events)")
PY
done
# GDELT carries date, actors, code, Goldstein, quad class, id and the source URL.
"$dyad" export --db "$db" --mode all --format gdelt --out "$tmp/out.tsv" 2>/dev/null || fail=1
"$dyad" import --db "$tmp/g.db" --format gdelt "$tmp/out.tsv" >/dev/null || fail=1
"$dyad" export --db "$tmp/g.db" --mode all > "$tmp/back.gdelt.jsonl"
python3 - "$tmp/all.jsonl" "$tmp/back.gdelt.jsonl" <<'PY' || fail=1
import json, sys
keys = ["date", "source", "target", "source_country", "target_country", "source_name",
        "target_name", "code", "goldstein", "quad_class"]
a = [json.loads(l) for l in open(sys.argv[1])]
b = [json.loads(l) for l in open(sys.argv[2])]
assert len(a) == len(b), (len(a), len(b))
for x, y in zip(a, b):
    for k in keys:
        assert x[k] == y[k], (k, x[k], y[k])
    # A GDELT row without a SOURCEURL is told by the file it is read from: no URL is made up.
    if x["doc"].startswith("http") or x["section"] != "gdelt":
        assert x["doc"] == y["doc"], ("doc", x["doc"], y["doc"])
    else:
        assert y["doc"].endswith("out.tsv"), ("doc", x["doc"], y["doc"])
    if x.get("id", "").isdigit():
        assert x["id"] == y.get("id"), ("id", x.get("id"), y.get("id"))
print(f"ok   gdelt round trip ({len(a)} events, the fields GDELT carries)")
PY
if [ -f "$gdelt" ]; then
  # Every column of a GDELT file survives import and export: the file comes back byte for byte
  # (a 57-field row of the years before SOURCEURL gains the empty 58th field).
  "$dyad" export --db "$tmp/gdelt-only.db" --mode all --format gdelt --out "$tmp/gdelt-back.tsv" 2>/dev/null || fail=1
  if cmp -s <(sort "$tmp/gdelt-back.tsv") <(grep -v '^$' "$gdelt" | awk -F'\t' 'BEGIN{OFS="\t"} NF==57{print $0"\t"; next} {print}' | sort); then
    echo "ok   GDELT import then export gives back every column of every row"
  else
    echo "FAIL GDELT round trip of every column"; fail=1
  fi
  # The kept columns travel through JSON Lines, CSV and XLSX too.
  for f in jsonl csv xlsx; do
    "$dyad" export --db "$tmp/gdelt-only.db" --mode all --out "$tmp/g-all.$f" 2>/dev/null || fail=1
    "$dyad" import --db "$tmp/g-$f.db" "$tmp/g-all.$f" > /dev/null 2>&1 || fail=1
    "$dyad" export --db "$tmp/g-$f.db" --mode all --format gdelt --out "$tmp/g-back-$f.tsv" 2>/dev/null || fail=1
    cut -f1-57 "$tmp/g-back-$f.tsv" | sort > "$tmp/g1"; cut -f1-57 "$tmp/gdelt-back.tsv" | sort > "$tmp/g2"
    cmp -s "$tmp/g1" "$tmp/g2" && echo "ok   GDELT columns kept through $f" || { echo "FAIL GDELT columns through $f"; diff "$tmp/g1" "$tmp/g2" | head -4; fail=1; }
  done
  # A coded event exported to GDELT invents nothing: no tone, no places, no DATEADDED.
  "$dyad" export --db "$db" --mode all --format gdelt --out "$tmp/coded.tsv" 2>/dev/null || fail=1
  python3 - "$tmp/coded.tsv" <<'PY' || fail=1
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
coded = [r for r in rows if r[57].startswith("tests/corpus/")]
assert coded, "no coded events"
for r in coded:
    assert r[25] == "" and r[34] == "" and r[56] == "", ("IsRootEvent, AvgTone, DATEADDED", r[25], r[34], r[56])
    assert all(r[i] == "" for i in range(35, 56)), "places"
    assert int(r[31]) >= 1, "NumMentions counts the tellings"
print(f"ok   coded events in GDELT: {len(coded)} rows, no tone, root flag, places or DATEADDED made up")
PY
  # ICEWS: written with its header and columns; read back with the same events.
  # (GDELT's regional actor codes, WST or AFR, are no ICEWS country: the coded events are
  # written here.)
  "$dyad" ingest --db "$tmp/coded.db" tests/corpus/ko/brief-2024-dprk-russia.txt tests/corpus/en/*.txt > /dev/null 2>&1 || fail=1
  "$dyad" export --db "$tmp/coded.db" --mode all --format icews --out "$tmp/out.icews.tsv" 2>/dev/null || fail=1
  head -1 "$tmp/out.icews.tsv" | grep -q "^Event ID	Event Date	Source Name	Source Sectors	Source Country	Event Text	CAMEO Code	Intensity" &&
    echo "ok   ICEWS export has ICEWS's header" || { echo "FAIL ICEWS header"; fail=1; }
  "$dyad" import --db "$tmp/icews.db" --format icews "$tmp/out.icews.tsv" > "$tmp/icews.log" 2>&1
  "$dyad" export --db "$tmp/icews.db" --mode all --format icews --out "$tmp/back.icews.tsv" 2>/dev/null || fail=1
  cmp -s <(sort "$tmp/out.icews.tsv") <(sort "$tmp/back.icews.tsv") && echo "ok   ICEWS export, import and export again: the same file" ||
    { echo "FAIL ICEWS round trip"; diff <(sort "$tmp/out.icews.tsv") <(sort "$tmp/back.icews.tsv") | head -6; cat "$tmp/icews.log" | head -5; fail=1; }
fi
if [ -f "$gdelt" ]; then
  # An interrupted import: the file being read leaves nothing, the files before it stay, and the
  # same command again finishes the job.
  for i in $(seq 300); do cat "$gdelt"; done > "$tmp/big.tsv"
  rm -f "$tmp/int.db"*
  "$dyad" import --db "$tmp/int.db" "$gdelt" "$tmp/big.tsv" > "$tmp/int.out" 2> "$tmp/int.err" &
  pid=$!
  for i in $(seq 100); do grep -q "gdelt1-events-sample" "$tmp/int.out" 2>/dev/null && break; sleep 0.05; done
  sleep 0.3
  kill -INT $pid; wait $pid; code=$?
  n=$("$dyad" events --db "$tmp/int.db" --mode all --format jsonl | wc -l)
  if [ "$code" -eq 130 ] && [ "$n" -eq 710 ] && grep -q "interrupted while reading .*big.tsv: nothing of it was stored; 1 file(s) before it are stored" "$tmp/int.err"; then
    echo "ok   an interrupted import keeps the files before it and nothing of the one being read"
  else
    echo "FAIL interrupted import: exit $code, $n events, $(cat "$tmp/int.err")"; fail=1
  fi
  out=$("$dyad" import --db "$tmp/int.db" "$gdelt" "$tmp/big.tsv" 2>&1)
  check "the same command again skips what is stored" "already in" "$out"
  # On a terminal (a pty from script(1)) a status line as ingest has; in a log, none.
  rm -f "$tmp/tty.db"*
  tty=$(script -qec "$dyad import --db $tmp/tty.db $gdelt $tmp/big.tsv" /dev/null | tr '\r' '\n')
  check "import on a terminal: files, share of bytes, rows/s, time left" "2/2 files, " "$tty"
  check "import on a terminal: the rate" " rows/s, about " "$tty"
  rm -f "$tmp/tty.db"*
  "$dyad" import --db "$tmp/tty.db" "$gdelt" > /dev/null 2> "$tmp/log.err"
  ! grep -q "rows/s" "$tmp/log.err" && echo "ok   import into a log: no status line" || { echo "FAIL status line in a log"; fail=1; }
  check "and stores the rest" "213000 rows, 213000 events stored" "$out"
fi
if [ -f "$gdelt" ] && command -v sqlite3 > /dev/null; then
  # More events than an XLSX sheet holds: refused before anything is written. (The store is
  # filled past the limit with copies of the sample's events, in SQL, to keep the test quick.)
  rm -f "$tmp/huge.db"*
  "$dyad" import --db "$tmp/huge.db" "$gdelt" > /dev/null 2>&1 || fail=1
  cols="date, date_end, date_precision, source, target, source_country, target_country, source_name, target_name, source_label_ko, source_label_en, target_label_ko, target_label_en, code, goldstein, quad_class, symmetric, action_ko, action_en, lang"
  sqlite3 "$tmp/huge.db" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1477) INSERT INTO events($cols) SELECT $cols FROM events, n;" || fail=1
  out=$("$dyad" export --db "$tmp/huge.db" --mode all --out "$tmp/huge.xlsx" 2>&1); code=$?
  check "an export past a sheet's rows is refused, saying why" "1049380 events are more than an XLSX sheet holds (1048575); nothing written" "$out"
  [ "$code" -eq 1 ] && [ ! -e "$tmp/huge.xlsx" ] && [ -z "$(ls -A "$tmp" | grep '^\.huge')" ] &&
    echo "ok   refused before writing: exit 1, no file" || { echo "FAIL XLSX limit: exit $code"; fail=1; }
  rm -f "$tmp/huge.db"*
fi
# A malformed row: reported with its line, skipped, the others stored, exit status 1.
head -3 "$tmp/out.tsv" > "$tmp/bad.tsv"
printf 'not\ta\tgdelt\trow\n' >> "$tmp/bad.tsv"
tail -2 "$tmp/out.tsv" >> "$tmp/bad.tsv"
out=$("$dyad" import --db "$tmp/bad.db" --format gdelt "$tmp/bad.tsv" 2>&1); rc=$?
check "malformed row named by line" "bad.tsv:4: 4 fields; a GDELT event row has 57, 58 or 61" "$out"
check "other rows stored" "5 events stored" "$out"
[ "$rc" = 1 ] && echo "ok   exit status 1 after skipped rows" || { echo "FAIL exit status $rc"; fail=1; }
out=$("$dyad" import --db "$tmp/x.db" tests/corpus/ko/brief-2024-dprk-russia.txt 2>&1); rc=$?
check "a brief is not an event file" "not a recognised event file" "$out"
[ "$rc" != 0 ] || { echo "FAIL exit status 0 for a brief"; fail=1; }
# An --out the command cannot name a format for is a usage error; no file appears.
out=$("$dyad" export --db "$db" --out "$tmp/x.parquet" 2>&1); rc=$?
check "unknown --out extension named" "dyad writes .jsonl" "$out"
[ "$rc" = 2 ] && [ ! -e "$tmp/x.parquet" ] && echo "ok   unknown extension: exit 2, no file" ||
  { echo "FAIL unknown extension: exit $rc"; fail=1; }
# An export that fails at the end leaves neither the file nor a partial one behind.
mkdir -p "$tmp/taken.jsonl/inside"
out=$("$dyad" export --db "$db" --out "$tmp/taken.jsonl" 2>&1); rc=$?
left=$(ls -A "$tmp" | grep -c partial)
[ "$rc" = 1 ] && [ "$left" = 0 ] && [ -d "$tmp/taken.jsonl/inside" ] &&
  echo "ok   a failed export leaves nothing behind" || { echo "FAIL failed export: exit $rc, $left partial files"; fail=1; }
ls -A "$tmp" | grep -q partial && { echo "FAIL a partial file was left"; fail=1; }
exit $fail
