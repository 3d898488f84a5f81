#!/usr/bin/env bash
# Scores every Korean evaluation document (tests/corpus/ko and tests/corpus/ko-statements, each
# .txt with its .gold.tsv, and the shared development brief when ../shared is present) with
# score-events: per document, then the whole corpus on the last line (JSON).
set -euo pipefail
dyad=${1:-build/dyad}
top=$(cd "$(dirname "$0")/.." && pwd)
# The target first: documents nobody on the team wrote (../shared/corpus/real).
"$top/scripts/eval_real.sh" "$dyad"
scorer="$top/../shared/tools/score-events"
[ -f "$scorer" ] || { echo "eval: $scorer not found; ../shared must sit beside the clone" >&2; exit 1; }
args=()
for gold in "$top"/tests/corpus/ko/*.gold.tsv "$top"/tests/corpus/ko-statements/*.gold.tsv \
            "$top"/../shared/corpus/ko/*.gold.tsv; do
  [ -f "$gold" ] || continue
  args+=("${gold%.gold.tsv}.txt" "$gold")
done
echo "== own corpus (regression), Korean: $((${#args[@]} / 2)) documents"
python3 "$scorer" --dyad "$dyad" "${args[@]}"
# English wire documents (issue 4), scored apart: the English coder is young.
en=()
for gold in "$top"/tests/corpus/en/*.gold.tsv; do
  [ -f "$gold" ] && en+=("${gold%.gold.tsv}.txt" "$gold")
done
if [ ${#en[@]} -gt 0 ]; then
  echo "== own corpus (regression), English: $((${#en[@]} / 2)) documents"
  python3 "$scorer" --dyad "$dyad" "${en[@]}"
fi
