#!/usr/bin/env bash
# Scores every Korean evaluation document (tests/corpus/ko/*.txt with its .gold.tsv, and the
# shared development brief when ../shared is present) with score-events; prints the totals.
set -euo pipefail
dyad=${1:-build/dyad}
top=$(cd "$(dirname "$0")/.." && pwd)
scorer="$top/../shared/tools/score-events"
[ -f "$scorer" ] || { echo "eval: $scorer not found; ../shared must sit beside the clone" >&2; exit 1; }
args=()
for gold in "$top"/tests/corpus/ko/*.gold.tsv "$top"/../shared/corpus/ko/*.gold.tsv; do
  [ -f "$gold" ] || continue
  args+=("${gold%.gold.tsv}.txt" "$gold")
done
python3 "$scorer" --dyad "$dyad" "${args[@]}"
# Statement-centred briefs (issue 3): reported per document, not yet held to thresholds.
stmt=()
for gold in "$top"/tests/corpus/ko-statements/*.gold.tsv; do
  [ -f "$gold" ] && stmt+=("${gold%.gold.tsv}.txt" "$gold")
done
if [ ${#stmt[@]} -gt 0 ]; then
  echo "== statements corpus (issue 3; for information)"
  python3 "$scorer" --dyad "$dyad" "${stmt[@]}"
fi
