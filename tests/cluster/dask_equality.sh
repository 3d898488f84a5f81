#!/usr/bin/env bash
# The cluster recipe codes what one process codes: our corpus through scripts/cluster/dyad_dask.py
# on a local Dask cluster (2 workers, 8 partitions) gives the same events, line for line, as a
# single `dyad code` over the whole corpus.
set -uo pipefail
dyad=$(readlink -f "$1") tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp"
export DYAD_LEXICON=
py=/usr/bin/python3
$py -c 'import distributed' 2> /dev/null || { echo "FAIL python3-distributed is not installed (scripts/setup.sh test)"; exit 1; }
files=()
for f in tests/corpus/ko/*.txt tests/corpus/ko-statements/*.txt tests/corpus/en/*.txt; do files+=("$(readlink -f "$f")"); done
"$dyad" code --format jsonl "${files[@]}" 2> /dev/null | sort > "$tmp/single.jsonl"
$py scripts/cluster/dyad_dask.py --local 2 --partitions 8 --dyad "$dyad" --out "$tmp/out" "${files[@]}" || exit 1
sort "$tmp/out/events.jsonl" > "$tmp/cluster.jsonl"
n=$(wc -l < "$tmp/single.jsonl")
if [ "$n" -gt 100 ] && cmp -s "$tmp/single.jsonl" "$tmp/cluster.jsonl"; then
  echo "ok   the cluster's $n events are a single run's, line for line"
else
  echo "FAIL the cluster's events differ from a single run's ($n lines):"
  diff "$tmp/single.jsonl" "$tmp/cluster.jsonl" | head -5
  exit 1
fi
