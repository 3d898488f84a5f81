#!/usr/bin/env bash
# dyad's English coder beside TABARI 0.8.4, the 2014 peer, on the same records with the same
# dictionary files, one core each, in alternating runs (issue 14).
#
#   bench/compare_tabari.sh PEER_DIR [RECORDS] [RUNS] [--check]
#
# PEER_DIR holds TABARI's public source (philip-schrodt/TABARI-Code, brought with the fetch tool
# and extracted). Its code stays out of dyad: it is copied into build/peer/src and built there
# unchanged with `g++ -std=gnu++98 -O2` (it needs ncurses: libncurses-dev).
#
# The corpus is TABARI's demo records (TABARI.Demo.text) repeated to RECORDS records (default
# 180,000, about 30 MB) with fresh ids: in TABARI's record format for TABARI, and each record's
# text as a plain document, dated by a header line, for dyad. Both code it with the demo
# dictionaries (TABARI.Demo.actors and .verbs) and with the CAMEO master verb file
# (CAMEO.091003.master.verbs). Prints, for each, records a second from the CPU time (median of
# RUNS, default 3), peak memory and events; and how many of the distinct (source, target, code)
# triples TABARI finds in the demo records themselves dyad finds too, and whether dyad gives
# TABARI's events one for one, in TABARI's order. dyad reads the corpus two ways: one file a
# record, and one JSON Lines feed of the records (TABARI's own input is one file). With --check
# the script fails unless dyad gives TABARI's events one for one on the demo records.
set -euo pipefail
peer=$(readlink -f "${1:?PEER_DIR, the TABARI source}")
records=${2:-180000}
runs=${3:-3}
check=${4:-}
root=$(cd "$(dirname "$0")/.." && pwd)
out=${PEER_OUT:-$root/build/peer}  # PEER_OUT=dir: build and run elsewhere
dyad=${DYAD:-$root/build/dyad}  # DYAD=path: another build
[ -x "$dyad" ] || { echo "compare_tabari: build dyad first (make build)" >&2; exit 2; }
for f in TABARI.cp TABARI.Demo.text TABARI.Demo.actors TABARI.Demo.verbs TABARI.Demo.options CAMEO.091003.master.verbs; do
  [ -f "$peer/$f" ] || { echo "compare_tabari: $peer has no $f" >&2; exit 2; }
done
export TERM=${TERM:-dumb} DYAD_LEXICON=
rm -rf "$out" && mkdir -p "$out/src" "$out/run"

# The peer, built as it is.
cp "$peer"/*.cp "$peer"/*.h "$out/src/"
(cd "$out/src" && for f in *.cp; do g++ -std=gnu++98 -O2 -w -x c++ -c "$f" -o "${f%.cp}.o"; done &&
  g++ -O2 -o "$out/tabari" ./*.o -lncurses) || { echo "compare_tabari: TABARI did not build" >&2; exit 1; }

# The corpus, both ways; and the demo records alone, for the triples.
python3 - "$peer/TABARI.Demo.text" "$records" "$out" <<'PY'
import json, os, re, sys
src, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
text = open(src, encoding="latin-1").read()
recs = []
for block in re.split(r"\n\s*\n", text):
    lines = block.strip("\n").split("\n")
    if not lines or not re.match(r"^\d{6} \S", lines[0]):
        continue
    body = re.sub(r"/\*.*?\*/", " ", "\n".join(lines[1:]), flags=re.S).strip()
    if body:
        recs.append((lines[0][:6], body))
def write(name, count):
    docs = os.path.join(out, name + "-docs")
    os.makedirs(docs)
    with open(os.path.join(out, name + ".text"), "w", encoding="latin-1") as t, \
         open(os.path.join(out, name + ".jsonl"), "w", encoding="utf-8") as feed:
        for i in range(count):
            date, body = recs[i % len(recs)]
            t.write("%s REC-%07d\n%s\n\n" % (date, i, body))
            yy = int(date[:2])
            iso = "%d-%s-%s" % (1900 + yy if yy >= 30 else 2000 + yy, date[2:4], date[4:6])
            with open(os.path.join(docs, "%07d.txt" % i), "w", encoding="utf-8") as d:
                d.write("%s\n\n%s\n" % (iso, body.replace("\n", " ")))
            feed.write(json.dumps({"id": "REC-%07d" % i, "date": iso,
                                   "text": body.replace("\n", " ")}) + "\n")
write("demo", len(recs))
write("corpus", n)
print("records: %d demo records, %d in the corpus (%.1f MB)" %
      (len(recs), n, os.path.getsize(os.path.join(out, "corpus.text")) / 1e6))
PY

# The same files for both: dyad reads a directory with a .verbs file as TABARI's dictionaries
# (and its .options file as TABARI's options).
mkdir -p "$out/dict-demo" "$out/dict-master"
cp "$peer/TABARI.Demo.actors" "$peer/TABARI.Demo.verbs" "$peer/TABARI.Demo.options" "$out/dict-demo/"
cp "$peer/TABARI.Demo.actors" "$peer/CAMEO.091003.master.verbs" "$peer/TABARI.Demo.options" \
  "$out/dict-master/"
# TABARI runs in $out/run and is given short relative names: it fails silently on long paths.
cp "$peer/TABARI.Demo.options" "$peer/TABARI.Demo.actors" "$peer/TABARI.Demo.verbs" \
  "$peer/CAMEO.091003.master.verbs" "$out/run/"

# One run of TABARI: a fresh project file each time (it appends a line to it).
tabari() {  # TEXT VERBS EVENTS
  cat > "$out/run/bench.project" <<EOF
Benchmark project written by dyad's bench/compare_tabari.sh
<actorsfile> TABARI.Demo.actors
<verbsfile> $2
<optionsfile> TABARI.Demo.options
<textfile> $1
<outputfile> $3
<problemfile> bench.prob
<coder> BENCH
EOF
  (cd "$out/run" && /usr/bin/time -f "%U %S %M" -o "$out/run/time" taskset -c 0 "$out/tabari" -aq bench.project > /dev/null 2>&1 < /dev/null) || true
  awk '{printf "%.3f %d\n", $1 + $2, $3}' "$out/run/time"
}
dyad_code() {  # DOCS DICTDIR EVENTS [FLAGS]
  /usr/bin/time -f "%U %S %M" -o "$out/run/time" taskset -c 0 "$dyad" code --lang en ${4:-} --dictionaries "$2" "$1" > "$3" 2> /dev/null || true
  awk '{printf "%.3f %d\n", $1 + $2, $3}' "$out/run/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
triples_tabari() { awk -F'\t' 'NF >= 4 {print $2 "\t" $3 "\t" $4}' "$1" | sort -u; }
triples_dyad() { python3 -c 'import json,sys
for l in sys.stdin:
    e = json.loads(l); print("%s\t%s\t%s" % (e["source"], e["target"], e["code"]))' < "$1" | sort -u; }

sequence_tabari() { awk -F'\t' 'NF >= 4 {print $2 "\t" $3 "\t" $4}' "$1"; }
sequence_dyad() { python3 -c 'import json,sys
for l in sys.stdin:
    e = json.loads(l); print("%s\t%s\t%s" % (e["source"], e["target"], e["code"]))' < "$1"; }

failed=0
for set in demo master; do
  verbs=TABARI.Demo.verbs
  [ $set = master ] && verbs=CAMEO.091003.master.verbs
  : > "$out/t.cpu"; : > "$out/d.cpu"; : > "$out/f.cpu"
  for r in $(seq "$runs"); do
    tabari ../corpus.text "$verbs" "tabari-$set.events" >> "$out/t.cpu"
    dyad_code "$out/corpus-docs" "$out/dict-$set" "$out/run/dyad-$set.jsonl" >> "$out/d.cpu"
    dyad_code "$out/corpus.jsonl" "$out/dict-$set" "$out/run/dyad-$set-feed.jsonl" >> "$out/f.cpu"
  done
  t=$(cut -d' ' -f1 "$out/t.cpu" | median); tm=$(cut -d' ' -f2 "$out/t.cpu" | sort -n | tail -1)
  d=$(cut -d' ' -f1 "$out/d.cpu" | median); dm=$(cut -d' ' -f2 "$out/d.cpu" | sort -n | tail -1)
  f=$(cut -d' ' -f1 "$out/f.cpu" | median); fm=$(cut -d' ' -f2 "$out/f.cpu" | sort -n | tail -1)
  te=$(grep -c . "$out/run/tabari-$set.events" || true); de=$(grep -c . "$out/run/dyad-$set.jsonl" || true)
  fe=$(grep -c . "$out/run/dyad-$set-feed.jsonl" || true)
  # The demo records alone: TABARI's distinct triples, how many dyad gives, and whether dyad
  # gives TABARI's events one for one (each mention an event: --no-merge).
  tabari ../demo.text "$verbs" "tabari-$set-demo.events" > /dev/null
  dyad_code "$out/demo-docs" "$out/dict-$set" "$out/run/dyad-$set-demo.jsonl" --no-merge > /dev/null
  sequence_tabari "$out/run/tabari-$set-demo.events" > "$out/ts"
  sequence_dyad "$out/run/dyad-$set-demo.jsonl" > "$out/ds"
  sort -u "$out/ts" > "$out/tt"; sort -u "$out/ds" > "$out/dt"
  tn=$(wc -l < "$out/tt"); both=$(comm -12 "$out/tt" "$out/dt" | wc -l)
  same=no; cmp -s "$out/ts" "$out/ds" && same=yes
  [ $same = yes ] || failed=1
  awk -v set="$set" -v n="$records" -v t="$t" -v d="$d" -v f="$f" -v tm="$tm" -v dm="$dm" \
      -v fm="$fm" -v te="$te" -v de="$de" -v fe="$fe" -v tn="$tn" -v both="$both" \
      -v same="$same" -v events="$(wc -l < "$out/ts")" 'BEGIN {
    printf "%s dictionaries, %d records, CPU seconds medians of runs:\n", set, n
    printf "  TABARI         %8.2f s %9.0f records/s %7.1f MB peak %8d events\n", t, n / t, tm / 1024, te
    printf "  dyad, files    %8.2f s %9.0f records/s %7.1f MB peak %8d events\n", d, n / d, dm / 1024, de
    printf "  dyad, a feed   %8.2f s %9.0f records/s %7.1f MB peak %8d events\n", f, n / f, fm / 1024, fe
    printf "  dyad / TABARI records/s: %.2fx (files), %.2fx (a feed)\n", t / d, t / f
    printf "  TABARI triples on the demo records: %d; dyad gives %d of them (%.0f%%)\n", tn, both, tn ? 100 * both / tn : 0
    printf "  TABARI events on the demo records: %d; dyad gives the same, in order: %s\n", events, same
  }'
done
if [ "$check" = --check ] && [ $failed -ne 0 ]; then
  echo "compare_tabari: dyad does not give TABARI's events on the demo records" >&2
  diff "$out/ts" "$out/ds" | head -20 >&2
  exit 1
fi
exit 0
