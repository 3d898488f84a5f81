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
# D11: a tab or line break in a stored value or a file name is escaped in TSV output: no field
# is split and no row forged.
if [ -d "$repro/tsv-row-injection" ]; then
  "$dyad" import --db "$tmp/t.db" "$repro/tsv-row-injection/inj.jsonl" > /dev/null 2>&1
  fields=$("$dyad" events --db "$tmp/t.db" --format tsv | awk -F'\t' '{print NF}' | sort -u | tr '\n' ' ')
  rows=$("$dyad" events --db "$tmp/t.db" --format tsv | wc -l)
  [ "$fields" = "11 " ] && [ "$rows" -eq 3 ] && echo "ok   D11: two events, two rows of 11 fields" || { echo "FAIL D11: fields '$fields', rows $rows"; fail=1; }
  name=$'brief\tname\n2099.txt'
  cp tests/corpus/ko/brief-2024-dprk-russia.txt "$tmp/$name"
  fields=$("$dyad" code --format tsv "$tmp/$name" 2> /dev/null | awk -F'\t' '{print NF}' | sort -u | tr '\n' ' ')
  [ "$fields" = "11 " ] && echo "ok   D11: a file name with a tab and a newline stays in its field" || { echo "FAIL D11 file name: fields '$fields'"; fail=1; }
fi
# An event file that is a device, or holds a line no event file has, is refused, not read forever.
out=$(timeout -s KILL 30 "$dyad" import --db "$tmp/z.db" --format gdelt /dev/zero 2>&1); code=$?
check "D10: a device is no event file" "/dev/zero: not a regular file" "$out"
python3 -c "open('$tmp/longline.tsv', 'w').write('x' * (17 << 20) + chr(10))"
out=$(timeout -s KILL 60 "$dyad" import --db "$tmp/z2.db" --format gdelt "$tmp/longline.tsv" 2>&1)
check "D10: a 17 MB line in an event file is named" "longline.tsv:1: a line longer than 16 MB" "$out"
# Peak memory of a command, in MB (Python's getrusage of the child; no /usr/bin/time needed).
peak_mb() { python3 -c 'import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' "$@"; }

# D1: a cell reference with many column letters is refused, not a row of millions of cells; a
# sheet of rows each with a cell at the last column stays within the header's width.
if [ -d "$repro/xlsx-column-blowup" ]; then
  x=$repro/xlsx-column-blowup
  for f in bigcol.xlsx bigcol-rows.xlsx; do
    mb=$(peak_mb "$dyad" import --db "$tmp/x-$f.db" "$x/$f")
    [ "$mb" -lt 200 ] && echo "ok   D1: $f imports or is refused within ${mb} MB" || { echo "FAIL D1: $f took $mb MB"; fail=1; }
  done
  out=$("$dyad" import --db "$tmp/xo.db" "$x/colovf.xlsx" 2>&1)
  check "D1: a column past XFD is named" "is past the last column a worksheet has (XFD)" "$out"
fi
# D8: a field longer than a cell holds is cut and marked in the workbook, said, and the export
# is whole; the workbook reads back with every event.
if [ -d "$repro/xlsx-export-long-field" ]; then
  "$dyad" import --db "$tmp/l.db" "$repro/xlsx-export-long-field/long.jsonl" > /dev/null 2>&1
  out=$("$dyad" export --db "$tmp/l.db" --out "$tmp/l.xlsx" 2>&1); code=$?
  check "D8: the cut cell is said" "cells longer than Excel's 32,767 characters were cut" "$out"
  [ "$code" -eq 0 ] && echo "ok   D8: the export succeeds" || { echo "FAIL D8: export exit $code"; fail=1; }
  out=$("$dyad" import --db "$tmp/l2.db" "$tmp/l.xlsx" 2>&1)
  check "D8: every event is in the workbook" "5 events stored" "$out"
fi
# D13: control characters, a NUL and a literal _xHHHH_ come back from a workbook as they went in.
if [ -d "$repro/xlsx-roundtrip-escapes" ]; then
  "$dyad" import --db "$tmp/e1.db" "$repro/xlsx-roundtrip-escapes/ctrl.jsonl" > /dev/null 2>&1
  "$dyad" export --db "$tmp/e1.db" --out "$tmp/e.xlsx" > /dev/null 2>&1
  "$dyad" import --db "$tmp/e2.db" "$tmp/e.xlsx" > /dev/null 2>&1
  fields() { "$dyad" events --db "$1" --format jsonl | python3 -c 'import json,sys; print([(e["source_name"], e["target_name"], e["evidence"]) for e in map(json.loads, sys.stdin)])'; }
  a=$(fields "$tmp/e1.db"); b=$(fields "$tmp/e2.db")
  [ -n "$a" ] && [ "$a" = "$b" ] && echo "ok   D13: the XLSX round trip gives the fields back" || { echo "FAIL D13: $a vs $b"; fail=1; }
fi
# D14: a quotation with a line break comes back as one quotation.
if [ -d "$repro/quote-newline-split" ]; then
  "$dyad" import --db "$tmp/q.db" "$repro/quote-newline-split/quote.jsonl" > /dev/null 2>&1
  out=$("$dyad" export --db "$tmp/q.db" --format jsonl)
  check "D14: the quotation keeps its line break" '"quote":["He said:\nwe will respond","second"]' "$out"
  "$dyad" export --db "$tmp/q.db" --format csv --out "$tmp/q.csv" > /dev/null 2>&1
  "$dyad" import --db "$tmp/q2.db" "$tmp/q.csv" > /dev/null 2>&1
  out=$("$dyad" events --db "$tmp/q2.db" --format jsonl)
  check "D14: and through a CSV" '"quote":["He said:\nwe will respond","second"]' "$out"
fi
# D5: two processes storing into one new store at once both succeed, the schema made once.
fails=0
for i in 1 2 3 4 5; do
  rm -f "$tmp/r.db"*
  "$dyad" ingest --db "$tmp/r.db" tests/corpus/ko/brief-2024-dprk-russia.txt > /dev/null 2>&1 & p1=$!
  "$dyad" ingest --db "$tmp/r.db" tests/corpus/ko/brief-2019-dprk-us.txt > /dev/null 2>&1 & p2=$!
  wait $p1 || fails=$((fails + 1)); wait $p2 || fails=$((fails + 1))
done
[ "$fails" -eq 0 ] && echo "ok   D5: concurrent first opens of a new store all succeed" || { echo "FAIL D5: $fails of 10 failed"; fail=1; }
# D7: a validation file names its dictionaries by file name in the dictionary folder: no path
# out of it, no device.
if [ -d "$repro/validation-path-traversal" ]; then
  for f in passwd.xml vzero.xml; do
    out=$(timeout -s KILL 60 "$dyad" validate "$repro/validation-path-traversal/$f" 2>&1); code=$?
    check "D7: $f is refused, naming the element" "names '../" "$out"
    [ "$code" -eq 2 ] && echo "ok   D7: $f: exit 2" || { echo "FAIL D7 $f: exit $code"; fail=1; }
  done
  mkdir -p "$tmp/v"
  ln -sf /dev/zero "$tmp/v/zero.txt"
  sed 's|<Actorfile>[^<]*</Actorfile>|<Actorfile>zero.txt</Actorfile>|' "$repro/validation-path-traversal/passwd.xml" > "$tmp/v/dev.xml"
  out=$(timeout -s KILL 60 "$dyad" validate "$tmp/v/dev.xml" 2>&1)
  check "D7: a device behind a dictionary's name is refused" "is not a regular file" "$out"
fi
# D4: Korean coding is linear in the review queue and in one act told many times: an 8 MB line
# of one sentence repeated (163,000 sentences) codes in seconds; it took 92 s when each note was
# compared with every earlier one, and 27 s when each telling was.
python3 -c "
s = '북한 외무상은 1월 14일 모스크바를 방문하여 러시아 외무장관과 회담하였다. '
open('$tmp/line.txt', 'w').write(s * (8 * 1024 * 1024 // len(s.encode())) + chr(10))"
size=$(stat -c %s "$tmp/line.txt" 2> /dev/null || echo 0)
[ "$size" -gt 8000000 ] || { echo "FAIL D4: the 8 MB line was not written"; fail=1; }
n=$(timeout -s KILL 60 "$dyad" code --unresolved --format tsv "$tmp/line.txt" 2> /dev/null | wc -l); code=${PIPESTATUS[0]}
[ "$code" -lt 124 ] && [ "$n" -gt 100000 ] && echo "ok   D4: an 8 MB line codes within a minute, $n review-queue rows" || { echo "FAIL D4: exit $code, $n rows"; fail=1; }
n=$(timeout -s KILL 60 "$dyad" code --year 2024 --format jsonl "$tmp/line.txt" 2> /dev/null | python3 -c 'import json,sys; print(max(len(json.loads(l)["mentions"]) for l in sys.stdin))')
[ "${n:-0}" -gt 50000 ] && echo "ok   D4: and an event with its $n tellings merged within a minute" || { echo "FAIL D4: merging did not finish within a minute (${n:-no} tellings)"; fail=1; }
# D10: every document has bounds (docs/reliability.md): a file past 64 MB and a device are
# refused before a byte is read; a PDF past 1,000 pages is refused from its page count; a dense
# PDF stays within its bounds.
truncate -s 65M "$tmp/big.txt"
out=$(timeout -s KILL 30 "$dyad" code "$tmp/big.txt" 2>&1); code=$?
check "D10: a 65 MB file is refused, naming the bound" "past the 64 MB a document may be" "$out"
[ "$code" -ne 0 ] && [ "$code" -lt 124 ] && echo "ok   D10: refused at once, exit $code" || { echo "FAIL D10 big file: exit $code"; fail=1; }
out=$(timeout -s KILL 30 "$dyad" code /dev/zero 2>&1)
check "D10: a device is no document" "/dev/zero: not a regular file" "$out"
python3 - "$tmp/pages.pdf" <<'PY'
import sys
n = 1001  # one page past the bound, every page the same small content stream
objs = ["<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Count %d /Kids [%s] >>" % (n, " ".join("%d 0 R" % (5 + i) for i in range(n))),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
content = "BT /F1 12 Tf 72 720 Td (page) Tj ET"
objs.append("<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
for i in range(n):
    objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
out, offsets = b"%PDF-1.4\n", []
for i, o in enumerate(objs):
    offsets.append(len(out))
    out += b"%d 0 obj\n%s\nendobj\n" % (i + 1, o.encode())
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
PY
out=$(timeout -s KILL 60 "$dyad" code "$tmp/pages.pdf" 2>&1)
check "D10: a PDF past 1,000 pages is refused" "1001 pages, past the 1000 a document may have" "$out"
if [ -f "$repro/pdf-unbounded/dense-100.pdf" ]; then
  mb=$(peak_mb "$dyad" code "$repro/pdf-unbounded/dense-100.pdf")
  [ "$mb" -lt 300 ] && echo "ok   D10: 100 dense PDF pages within ${mb} MB" || { echo "FAIL D10 dense PDF: $mb MB"; fail=1; }
fi
# A 3 MB PDF whose one content stream inflates to a gigabyte of drawing operators (it took 23 GB
# of layout before) is refused at once; a page dictionary nested 200,000 arrays deep is read.
python3 - "$tmp" <<'PY'
import sys, zlib
def pdf(page_extra, content, filt, name):
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >>" + page_extra + b" >>",
            b"<< /Length %d%s >>\nstream\n" % (len(content), filt) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offs = b"%PDF-1.4\n", []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 6\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offs)
    out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % x
    open(sys.argv[1] + "/" + name, "wb").write(out)
text = b"BT /F1 12 Tf 72 720 Td (In 2024 North Korea and Russia signed a treaty.) Tj ET"
pdf(b" /Deep " + b"[" * 200000 + b"]" * 200000, text, b"", "deep.pdf")
z, chunk, data = zlib.compressobj(9), b"BT /F1 12 Tf 72 720 Td (x) Tj ET\n" * 1000, b""
for _ in range(30000):
    data += z.compress(chunk)
pdf(b"", data + z.flush(), b" /Filter /FlateDecode", "bomb.pdf")
PY
out=$(timeout -s KILL 30 "$dyad" code "$tmp/bomb.pdf" 2>&1)
check "a PDF stream inflating to 1 GB is refused before layout" "decodes past 64 MB" "$out"
mb=$(peak_mb "$dyad" code "$tmp/bomb.pdf")
[ "$mb" -lt 100 ] && echo "ok   and within ${mb} MB" || { echo "FAIL the PDF bomb took $mb MB"; fail=1; }
out=$(timeout -s KILL 30 "$dyad" code --format tsv "$tmp/deep.pdf" 2>&1)
check "a PDF nested 200,000 arrays deep is read and coded" "PRK" "$out"
# A million rows of events import in one transaction within 200 MB: the CSV is read a block at
# a time, SQLite keeps a 64 MB page cache and maps the store's pages in.
python3 - "$tmp/rows.csv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("date,source,target,code,goldstein,evidence\n")
    for i in range(1000000):
        f.write(f"2024-06-19,RUS,PRK,042,1.9,row {i}\n")
PY
mb=$(peak_mb "$dyad" import --db "$tmp/rows.db" "$tmp/rows.csv")
n=$(sqlite3 "$tmp/rows.db" "SELECT count(*) FROM events")
[ "$mb" -lt 200 ] && [ "$n" -eq 1000000 ] && echo "ok   1,000,000 rows imported within ${mb} MB" || { echo "FAIL rows: $n events, $mb MB"; fail=1; }
# D15: a store the user may read but not write is queried as it stands (SQLite's immutable
# mode): as another user on a folder and file only readable, when this runs as root.
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null && id nobody > /dev/null 2>&1; then
  ro=$(mktemp -d)
  "$dyad" ingest --db "$ro/s.db" tests/corpus/ko/brief-2024-dprk-russia.txt > /dev/null 2>&1
  "$dyad" events --db "$ro/s.db" > /dev/null 2>&1  # a read opens and closes the WAL cleanly
  chmod 444 "$ro"/s.db*; chmod 555 "$ro"; chmod o+x "$(dirname "$ro")"
  n=$(setpriv --reuid=nobody --regid=nogroup --clear-groups "$(readlink -f "$dyad")" events --db "$ro/s.db" --format jsonl 2> "$tmp/ro.err" | wc -l)
  [ "$n" -gt 0 ] && echo "ok   D15: a read-only store is queried by another user ($n events)" || { echo "FAIL D15: $(cat "$tmp/ro.err")"; fail=1; }
  chmod 755 "$ro"; rm -rf "$ro"
fi
exit $fail
