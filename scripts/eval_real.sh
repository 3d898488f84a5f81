#!/usr/bin/env bash
# Scores the real development corpus (../shared/corpus/real: documents nobody on the team wrote,
# gold written blind) with score-events: Korean and English apart, one JSON summary line each.
#   scripts/eval_real.sh [DYAD] [-v]
set -euo pipefail
dyad=${1:-build/dyad}
verbose=${2:-}
top=$(cd "$(dirname "$0")/.." && pwd)
real="$top/../shared/corpus/real"
scorer="$top/../shared/tools/score-events"
[ -d "$real" ] || { echo "eval: $real not found; ../shared must sit beside the clone" >&2; exit 1; }
for lang in ko en; do
  args=()
  for gold in "$real"/$lang-*.gold.tsv; do
    [ -f "$gold" ] && args+=("${gold%.gold.tsv}.txt" "$gold")
  done
  [ ${#args[@]} -gt 0 ] || continue
  echo "== real corpus, $lang: $((${#args[@]} / 2)) documents"
  python3 "$scorer" --dyad "$dyad" $verbose "${args[@]}"
done
