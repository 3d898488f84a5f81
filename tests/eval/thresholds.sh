#!/usr/bin/env bash
# Scores every Korean corpus document with ../shared/tools/score-events and holds each to the
# thresholds of issue 2: recall >= 0.9 on table rows, >= 0.75 on narrative, precision >= 0.85.
set -uo pipefail
dyad=$1
scorer=../shared/tools/score-events
if [ ! -x "$scorer" ]; then
  echo "FAIL: $scorer not found (CI runs with ../shared beside the clone)"
  exit 1
fi
docs=(tests/corpus/ko/*.gold.tsv)
[ -f ../shared/corpus/ko/brief-2023-dprk.gold.tsv ] && docs+=(../shared/corpus/ko/brief-2023-dprk.gold.tsv)
fail=0
for gold in "${docs[@]}"; do
  doc=${gold%.gold.tsv}.txt
  summary=$(python3 "$scorer" --dyad "$dyad" "$doc" "$gold" | tail -1)
  verdict=$(python3 -c '
import json, sys
s = json.loads(sys.argv[1])
need = {"table": 0.9, "text": 0.75, "precision": 0.85}
bad = [f"{k} {s[k]} < {v}" for k, v in need.items() if s.get(k) is not None and s[k] < v]
print("; ".join(bad))' "$summary")
  if [ -n "$verdict" ]; then echo "FAIL $doc: $verdict"; fail=1; else echo "ok   $doc $summary"; fi
done
exit $fail
