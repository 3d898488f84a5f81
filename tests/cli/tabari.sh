#!/usr/bin/env bash
# dyad code with TABARI's dictionaries (a directory holding a .verbs file): the events carry the
# dictionaries' own codes, point back to their words, complex texts go to the review queue, bad
# dictionary lines are named and skipped, and a directory TABARI could not read is refused.
set -uo pipefail
dyad=$1 tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp/dict" "$tmp/two"
export DYAD_LEXICON=
fail=0
check() { if [[ "$3" == *"$2"* ]]; then echo "ok   $1"; else echo "FAIL $1: expected '$2' in: $3"; fail=1; fi; }
cat > "$tmp/dict/world.actors" <<'D'
VALDOR [VAL]
KESTRIA_ [KES]
ASHGATE [ASH]
RIDDLE [+++]
BROKEN [XXX 2001-1301]
D
cat > "$tmp/dict/world.verbs" <<'D'
RESTOR [064]
- * FULL_TIES [W65]
LEFT_ [032:033]
CONDEMN [122]
D
echo "COMPLEX: NOACTPRIOR" > "$tmp/dict/world.options"
cat > "$tmp/doc.txt" <<'D'
2024-06-01

Valdor restored full ties with Kestria after a decade of silence. The envoy of Valdor left for Ashgate on Tuesday for three days of talks. Yesterday the envoys condemned Valdor for the raid on the fleet.
D
out=$("$dyad" code --lang en --no-merge --dictionaries "$tmp/dict" "$tmp/doc.txt" 2> "$tmp/err")
got=$(echo "$out" | python3 -c '
import json, sys
for l in sys.stdin:
    e = json.loads(l)
    print(e["date"], e["source"], e["target"], e["code"], e["source_name"], e["target_name"], e["evidence"][:19])')
want="2024-06-01 VAL KES W65 Valdor Kestria Valdor restored ful
2024-05-28 VAL ASH 032 Valdor Ashgate The envoy of Valdor
2024-05-28 ASH VAL 033 Ashgate Valdor The envoy of Valdor"
[ "$got" = "$want" ] && echo "ok   events with the dictionaries' codes, dated, with their words" ||
  { echo "FAIL events"; diff <(echo "$want") <(echo "$got"); fail=1; }
check "a bad dictionary line is named and skipped" "world.actors:5: date restriction '2001-1301'" "$(cat "$tmp/err")"
queue=$("$dyad" code --lang en --unresolved --format tsv --dictionaries "$tmp/dict" "$tmp/doc.txt" 2>/dev/null)
check "a complex text goes to the review queue with the condition" "complex: no actor before the first verb" "$queue"
# A feed of records, TABARI's usual input, codes the same way.
printf '{"id":"r1","date":"1995-01-01","text":"Valdor restored full ties with Kestria after a decade of silence."}\n' > "$tmp/feed.jsonl"
check "a feed's records" '"code":"W65"' "$("$dyad" code --lang en --dictionaries "$tmp/dict" "$tmp/feed.jsonl" 2>/dev/null)"
# Refusals.
cp "$tmp/dict/world.verbs" "$tmp/two/a.verbs"; cp "$tmp/dict/world.verbs" "$tmp/two/b.verbs"; cp "$tmp/dict/world.actors" "$tmp/two/"
out=$("$dyad" code --lang en --dictionaries "$tmp/two" "$tmp/doc.txt" 2>&1); code=$?
check "two .verbs files are refused" "2 .verbs files; TABARI reads one" "$out"
[ $code -eq 2 ] && echo "ok   exit 2" || { echo "FAIL exit $code"; fail=1; }
rm "$tmp/two/world.actors" "$tmp/two/b.verbs"
out=$("$dyad" code --lang en --dictionaries "$tmp/two" "$tmp/doc.txt" 2>&1); code=$?
check "a .verbs file without .actors is refused" "no TABARI .actors file" "$out"
exit $fail
