#!/usr/bin/env bash
# Scores every Korean evaluation document (tests/corpus/ko/*.txt with its .gold.tsv, and the
# shared development brief when ../shared is present) with score-events; prints the totals.
set -euo pipefail
dyad=${1:-build/dyad}
top=$(cd "$(dirname "$0")/.." && pwd)
scorer="$top/../shared/tools/score-events"
[ -x "$scorer" ] || scorer="$top/scripts/score-events-missing"
args=()
for gold in "$top"/tests/corpus/ko/*.gold.tsv; do
  args+=("${gold%.gold.tsv}.txt" "$gold")
done
exec python3 "$scorer" --dyad "$dyad" "${args[@]}"
