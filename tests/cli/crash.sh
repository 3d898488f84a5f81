#!/usr/bin/env bash
# The store under crashes and faults (docs/reliability.md):
#   - kill -9 `dyad ingest` and `dyad import` at random moments, KILLS times (default 100 and 20):
#     after each, PRAGMA integrity_check is ok, every stored document has every telling `dyad
#     code` gives it, an imported file is all there or not at all; a re-run completes the rest,
#     and nothing is doubled;
#   - a disk that fills (a 3 MB tmpfs, when this runs as root and may mount): a clear error, and
#     what was stored before stays whole;
#   - two writers at once on an existing store: both finish, nothing lost or doubled;
#   - a corrupt file and a store from a newer dyad: a clear error, no crash.
set -uo pipefail
dyad=$1 tmp=$2
kills=${KILLS:-100}
rm -rf "$tmp" && mkdir -p "$tmp"
export DYAD_LEXICON=
fail=0
check() { if [[ "$3" == *"$2"* ]]; then echo "ok   $1"; else echo "FAIL $1: expected '$2' in: $3"; fail=1; fi; }
docs=(tests/corpus/ko/*.txt tests/corpus/ko-statements/*.txt tests/corpus/en/*.txt)
# What `dyad code` tells of each document: its tellings (mentions), by file name.
for f in "${docs[@]}"; do
  "$dyad" code --format jsonl "$f" 2> /dev/null |
    python3 -c 'import json,sys; print(sum(len(json.loads(l)["mentions"]) for l in sys.stdin))' > "$tmp/$(basename "$f").told"
done
# The store's state: integrity, then per document its tellings against dyad code's.
verify() {
  python3 - "$1" "$tmp" <<'PY'
import os, sqlite3, sys
db, tmp = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
ok = c.execute("PRAGMA integrity_check").fetchone()[0]
if ok != "ok":
    print(f"integrity_check: {ok}"); sys.exit(1)
# Killed before the first migration committed: an empty file, which the next open migrates.
if not c.execute("SELECT count(*) FROM sqlite_master WHERE name = 'documents'").fetchone()[0]:
    print(0); sys.exit(0)
docs = c.execute("SELECT id, path FROM documents").fetchall()
paths = [p for _, p in docs]
if len(paths) != len(set(paths)):
    print("a document stored twice"); sys.exit(1)
for doc_id, path in docs:
    told = open(os.path.join(tmp, os.path.basename(path) + ".told")).read().strip()
    n = c.execute("SELECT count(*) FROM mentions WHERE document_id = ?", (doc_id,)).fetchone()[0]
    if str(n) != told:
        print(f"{path}: {n} tellings stored, dyad code gives {told}"); sys.exit(1)
print(len(docs))
PY
}
# How long a whole ingest takes here, so that the kills spread over it.
t0=$(date +%s%N)
"$dyad" ingest --db "$tmp/timing.db" "${docs[@]}" > /dev/null 2>&1
span=$(( ($(date +%s%N) - t0) / 1000000 ))
[ "$span" -gt 20 ] || span=20
bad=0 partial=0
for i in $(seq 1 "$kills"); do
  rm -f "$tmp/k.db"*
  "$dyad" ingest --db "$tmp/k.db" "${docs[@]}" > /dev/null 2>&1 &
  pid=$!
  ms=$((span / 10 + RANDOM % span))
  sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
  kill -9 $pid 2> /dev/null
  wait $pid 2> /dev/null
  [ -f "$tmp/k.db" ] || continue
  if ! out=$(verify "$tmp/k.db"); then echo "FAIL kill $i: $out"; bad=$((bad + 1)); continue; fi
  [ "$out" -lt ${#docs[@]} ] && partial=$((partial + 1))
  # Every few kills, the same command again completes the store with nothing doubled.
  if [ $((i % 10)) -eq 0 ]; then
    "$dyad" ingest --db "$tmp/k.db" "${docs[@]}" > /dev/null 2>&1
    out=$(verify "$tmp/k.db") && [ "$out" -eq ${#docs[@]} ] || { echo "FAIL re-run after kill $i: $out"; bad=$((bad + 1)); }
  fi
done
[ $bad -eq 0 ] && echo "ok   $kills kill -9 of ingest ($partial mid-way): the store whole each time, every stored document complete, re-runs complete it" || fail=1
[ $partial -gt 0 ] || { echo "FAIL no kill landed mid-ingest: the test proves nothing"; fail=1; }
# kill -9 during an import: one transaction, so all of the file or none of it.
python3 - "$tmp/big.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(40000):
        f.write(json.dumps({"date": "2024-06-19", "source": "RUS", "target": "PRK", "code": "042",
                            "source_country": "RUS", "target_country": "PRK", "id": f"imp-{i}",
                            "doc": "big.jsonl", "span": [0, 0], "evidence": f"row {i}"}) + "\n")
PY
bad=0
for i in $(seq 1 $((kills / 5))); do
  rm -f "$tmp/i.db"*
  "$dyad" import --db "$tmp/i.db" "$tmp/big.jsonl" > /dev/null 2>&1 &
  pid=$!
  sleep "0.$(printf '%03d' $((RANDOM % 900)))"
  kill -9 $pid 2> /dev/null
  wait $pid 2> /dev/null
  [ -f "$tmp/i.db" ] || continue
  n=$(python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); assert c.execute("PRAGMA integrity_check").fetchone()[0]=="ok"; print(c.execute("SELECT count(*) FROM events").fetchone()[0] if c.execute("SELECT count(*) FROM sqlite_master WHERE name=\"events\"").fetchone()[0] else 0)' "$tmp/i.db") || { echo "FAIL import kill $i: integrity"; bad=1; continue; }
  [ "$n" -eq 0 ] || [ "$n" -eq 40000 ] || { echo "FAIL import kill $i: $n of 40000 events stored"; bad=1; }
done
"$dyad" import --db "$tmp/i.db" "$tmp/big.jsonl" > /dev/null 2>&1
n=$("$dyad" events --db "$tmp/i.db" --format jsonl 2> /dev/null | wc -l)
[ $bad -eq 0 ] && [ "$n" -eq 40000 ] && echo "ok   $((kills / 5)) kill -9 of import: all of the file or none, and the re-run stores it once" || { echo "FAIL import: $n events after the re-run"; fail=1; }
# Two writers at once on an existing store: both finish; nothing lost or doubled.
rm -f "$tmp/w.db"*
"$dyad" ingest --db "$tmp/w.db" "${docs[0]}" > /dev/null 2>&1
"$dyad" ingest --db "$tmp/w.db" "${docs[@]:1:8}" > /dev/null 2>&1 & a=$!
"$dyad" ingest --db "$tmp/w.db" "${docs[@]:9}" > /dev/null 2>&1 & b=$!
wait $a; ra=$?; wait $b; rb=$?
out=$(verify "$tmp/w.db")
[ $ra -eq 0 ] && [ $rb -eq 0 ] && [ "$out" = "${#docs[@]}" ] && echo "ok   two writers at once: both finish, every document whole" || { echo "FAIL two writers: $ra $rb $out"; fail=1; }
# A disk that fills up.
if [ "$(id -u)" = 0 ] && mkdir -p "$tmp/small" && mount -t tmpfs -o size=3m tmpfs "$tmp/small" 2> /dev/null; then
  "$dyad" ingest --db "$tmp/small/s.db" "${docs[0]}" > /dev/null 2>&1
  before=$(verify "$tmp/small/s.db")
  python3 -c "
s = '2024년 6월 19일 블라디미르 푸틴 러시아 대통령이 평양을 방문해 김정은 국무위원장과 정상회담을 가졌다. '
for i in range(8):
    open('$tmp/fill-%d.txt' % i, 'w').write(s * 3000 + '%d\n' % i)"
  out=$("$dyad" ingest --db "$tmp/small/s.db" "$tmp"/fill-*.txt 2>&1); code=$?
  check "a full disk is said" "full" "$out"
  [ $code -ne 0 ] && echo "ok   a full disk: exit $code" || { echo "FAIL full disk: exit 0"; fail=1; }
  for f in "$tmp"/fill-*.txt; do
    "$dyad" code --format jsonl "$f" 2> /dev/null | python3 -c 'import json,sys; print(sum(len(json.loads(l)["mentions"]) for l in sys.stdin))' > "$tmp/$(basename "$f").told"
  done
  after=$(verify "$tmp/small/s.db") && echo "ok   the store stays whole: $after documents, each complete (was $before)" || { echo "FAIL after a full disk: $after"; fail=1; }
  umount "$tmp/small"
else
  echo "skip a full disk: needs root and tmpfs"
fi
# A file that is not a store, one cut short, and one from a newer dyad.
printf 'not a database at all, just text\n%.0s' $(seq 200) > "$tmp/junk.db"
out=$("$dyad" events --db "$tmp/junk.db" 2>&1); code=$?
check "a file that is not a store is named" "junk.db" "$out"
[ $code -eq 2 ] && echo "ok   not a store: exit 2" || { echo "FAIL not a store: exit $code"; fail=1; }
cp "$tmp/w.db" "$tmp/cut.db" && "$dyad" events --db "$tmp/cut.db" > /dev/null 2>&1
truncate -s 8192 "$tmp/cut.db"; rm -f "$tmp/cut.db-wal" "$tmp/cut.db-shm"
out=$("$dyad" events --db "$tmp/cut.db" 2>&1); code=$?
[ $code -ne 0 ] && [ $code -lt 128 ] && echo "ok   a store cut short: a clear error, exit $code" || { echo "FAIL cut store: exit $code: $out"; fail=1; }
cp "$tmp/w.db" "$tmp/new.db" && python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version=99"); c.commit()' "$tmp/new.db"
out=$("$dyad" ingest --db "$tmp/new.db" "${docs[0]}" 2>&1); code=$?
check "a store from a newer dyad is named" "newer" "$out"
[ $code -eq 2 ] && echo "ok   a newer store: exit 2, left as it is" || { echo "FAIL newer store: exit $code"; fail=1; }
exit $fail
