#!/usr/bin/env bash
# Scores the Korean evaluation corpus with ../shared/tools/score-events and holds it to its
# thresholds:
#  - each document of tests/corpus/ko (and the shared brief): recall >= 0.9 on table rows,
#    >= 0.75 on narrative, precision >= 0.85;
#  - the whole corpus (with tests/corpus/ko-statements): recall >= 0.95 on table rows, >= 0.85
#    on statement rows, >= 0.8 on narrative; precision >= 0.9.
# and the English corpus (tests/corpus/en, nine documents) to a floor below its measured
# 0.545 / 0.876, so a change that loses English events fails here; the floor rises as the
# English coder does.
set -uo pipefail
dyad=$1
scorer=../shared/tools/score-events
if [ ! -x "$scorer" ]; then
  echo "FAIL: $scorer not found (CI runs with ../shared beside the clone)"
  exit 1
fi
check() {  # check LABEL SUMMARY-JSON THRESHOLDS-JSON
  python3 -c '
import json, sys
s, need = json.loads(sys.argv[1]), json.loads(sys.argv[2])
bad = [f"{k} {s.get(k)} < {v}" for k, v in need.items() if s.get(k) is None or s[k] < v]
print("; ".join(bad))' "$2" "$3"
}
docs=(tests/corpus/ko/*.gold.tsv)
[ -f ../shared/corpus/ko/brief-2023-dprk.gold.tsv ] && docs+=(../shared/corpus/ko/brief-2023-dprk.gold.tsv)
fail=0
for gold in "${docs[@]}"; do
  doc=${gold%.gold.tsv}.txt
  summary=$(python3 "$scorer" --dyad "$dyad" "$doc" "$gold" | tail -1)
  # A document without a narrative or table section is not held to that section.
  need=$(python3 -c '
import json, sys
s = json.loads(sys.argv[1])
need = {"table": 0.9, "text": 0.75, "precision": 0.85}
print(json.dumps({k: v for k, v in need.items() if k in s}))' "$summary")
  verdict=$(check "$doc" "$summary" "$need")
  if [ -n "$verdict" ]; then echo "FAIL $doc: $verdict"; fail=1; else echo "ok   $doc $summary"; fi
done
all=()
for gold in "${docs[@]}" tests/corpus/ko-statements/*.gold.tsv; do all+=("${gold%.gold.tsv}.txt" "$gold"); done
summary=$(python3 "$scorer" --dyad "$dyad" "${all[@]}" | tail -1)
verdict=$(check corpus "$summary" '{"table": 0.95, "statement": 0.85, "text": 0.8, "precision": 0.9}')
if [ -n "$verdict" ]; then echo "FAIL whole corpus: $verdict"; fail=1; else echo "ok   whole corpus $summary"; fi
en=()
for gold in tests/corpus/en/*.gold.tsv; do en+=("${gold%.gold.tsv}.txt" "$gold"); done
summary=$(python3 "$scorer" --dyad "$dyad" "${en[@]}" | tail -1)
verdict=$(check english "$summary" '{"text": 0.52, "precision": 0.85}')
if [ -n "$verdict" ]; then echo "FAIL English corpus: $verdict"; fail=1; else echo "ok   English corpus $summary"; fi
# The real corpus (../shared/corpus/real: documents nobody on the team wrote, gold written blind),
# held to a floor just under its measured figures so a change that loses real events fails here.
# Measured: Korean 69 of 89 = 0.775 (text 0.763, table 0.846), precision 0.949; English 0.68 /
# 0.90 (first contact 2 of 89 at 0.56, and 0.20 / 0.45). Both are held above issue 9's targets
# (recall 0.75 / precision 0.80 Korean, 0.60 / 0.75 English): "all" is recall over every section.
real=../shared/corpus/real
for lang in ko en; do
  args=()
  for gold in "$real"/$lang-*.gold.tsv; do args+=("${gold%.gold.tsv}.txt" "$gold"); done
  scored=$(python3 "$scorer" --dyad "$dyad" "${args[@]}")
  all=$(echo "$scored" | awk '/^ recall/ {split($NF, a, "/"); h += a[1]; n += a[2]} END {printf "%.3f", n ? h / n : 0}')
  summary=$(echo "$scored" | tail -1 | python3 -c 'import json, sys; s = json.load(sys.stdin); s["all"] = float(sys.argv[1]); print(json.dumps(s))' "$all")
  if [ "$lang" = ko ]; then need='{"all": 0.75, "text": 0.74, "table": 0.80, "precision": 0.90}'; else need='{"all": 0.64, "precision": 0.85}'; fi
  verdict=$(check "real $lang" "$summary" "$need")
  if [ -n "$verdict" ]; then echo "FAIL real corpus $lang: $verdict"; fail=1; else echo "ok   real corpus $lang $summary"; fi
done
# Every real document whose gold has events yields at least one of them.
for gold in "$real"/*.gold.tsv; do
  hits=$(python3 "$scorer" --dyad "$dyad" "${gold%.gold.tsv}.txt" "$gold" | awk '/^ recall/ {split($NF, a, "/"); n += a[1]} END {print n + 0}')
  if [ "$hits" -eq 0 ]; then echo "FAIL real corpus: $(basename "${gold%.gold.tsv}") yields none of its gold events"; fail=1; fi
done
exit $fail
