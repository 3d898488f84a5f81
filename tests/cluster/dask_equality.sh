#!/usr/bin/env bash
# The cluster recipe codes what one process codes: our corpus through scripts/cluster/dyad_dask.py
# on a local Dask cluster (2 workers, 8 partitions) gives the same events, line for line, as a
# single `dyad code` over the whole corpus; loaded by the workers into a PostgreSQL store (on a
# throwaway cluster, tests/pg/cluster.sh), the store holds the same events.
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

# The same recipe loading each part into a PostgreSQL store (COPY): the store holds a single
# run's events, each with every telling (the store lists a telling's mentions in its own order,
# so events are compared with their mentions sorted).
cluster=$(mktemp -d /tmp/dyad-pg.XXXXXX)
trap 'tests/pg/cluster.sh stop "$cluster"' EXIT
base=$(tests/pg/cluster.sh start "$cluster") || { echo "FAIL cannot start a PostgreSQL cluster"; exit 1; }
psql -qX "${base}postgres" -c "CREATE DATABASE team" || exit 1
$py scripts/cluster/dyad_dask.py --local 2 --partitions 8 --dyad "$dyad" --out "$tmp/out-pg" \
  --db "${base}team" "${files[@]}" || exit 1
"$dyad" events --db "${base}team" --format jsonl > "$tmp/stored.jsonl" || exit 1
canon() {
  $py -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    e["mentions"] = sorted(e["mentions"], key=lambda m: json.dumps(m, sort_keys=True))
    print(json.dumps(e, sort_keys=True, ensure_ascii=False))' | sort
}
if [ "$(canon < "$tmp/single.jsonl" | sha256sum)" = "$(canon < "$tmp/stored.jsonl" | sha256sum)" ]; then
  echo "ok   loaded into PostgreSQL by the workers: the $n events of a single run"
else
  echo "FAIL the PostgreSQL store's events differ from a single run's:"
  diff <(canon < "$tmp/single.jsonl") <(canon < "$tmp/stored.jsonl") | head -5
  exit 1
fi
