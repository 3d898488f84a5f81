#!/usr/bin/env bash
# Generates the 50 MB benchmark corpus (once) and measures coding on one core, in process and
# through the CLI. Figures go to docs/benchmarks.md by hand, with the machine line.
set -euo pipefail
build=${1:-build}
out=bench/out/corpus
if [ ! -d "$out" ] || [ "$(du -sm "$out" | cut -f1)" -lt 50 ]; then
  rm -rf "$out"
  "$build/bench/dyad-gen-corpus" "$out" 52
fi
echo "== in process (library), best of 3"
taskset -c 0 "$build/bench/dyad-code-bench" "$out" 3
echo "== CLI: dyad code --format jsonl over the corpus, one process"
start=$(date +%s.%N)
taskset -c 0 "$build/dyad" code --format jsonl "$out"/*.txt > bench/out/events.jsonl
end=$(date +%s.%N)
python3 - "$start" "$end" "$out" <<'PY'
import os, sys
secs = float(sys.argv[2]) - float(sys.argv[1])
mb = sum(os.path.getsize(os.path.join(sys.argv[3], f)) for f in os.listdir(sys.argv[3])) / 2**20
events = sum(1 for _ in open("bench/out/events.jsonl"))
print(f"seconds: {secs:.2f}  MB/s: {mb / secs:.2f}  events: {events}")
PY
gdelt=../shared/data/gdelt/gdelt1-events-sample-20160728.tsv
if [ -f "$gdelt" ]; then
  echo "== GDELT import: 500,000 rows built from the shared sample, one core, best of 3"
  taskset -c 0 "$build/bench/dyad-import-bench" "$gdelt" 500000 bench/out
fi
if [ -d ../shared/data/petrarch ]; then
  echo "== English: the Phoenix dictionaries, 361 sentences x 100 rounds, one core, best of 3"
  taskset -c 0 "$build/bench/dyad-english-bench" ../shared/data/petrarch 100
fi
if [ "${DYAD_BENCH_INGEST:-}" = 1 ]; then
  echo "== ingest into a growing store: 100,000 generated briefs, one core (about 30 minutes)"
  taskset -c 0 "$build/bench/dyad-ingest-bench" 100000 bench/out/ingest.db 1000
  rm -f bench/out/ingest.db*
fi
