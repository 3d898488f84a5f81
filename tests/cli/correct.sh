#!/usr/bin/env bash
# dyad correct: accept, reject, edit and add, each recorded with who and when, every message and
# exit code; the corrections survive a recode, a removal and re-ingest, and a lexicon change.
set -uo pipefail
dyad=$1 tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp"
export DYAD_LEXICON=
db=$tmp/c.db
doc=tests/corpus/ko/brief-2019-dprk-us.txt
fail=0
check() { if [[ "$3" == *"$2"* ]]; then echo "ok   $1"; else echo "FAIL $1: expected '$2' in: $3"; fail=1; fi; }
code_is() { if [ "$2" -eq "$3" ]; then echo "ok   $1 (exit $3)"; else echo "FAIL $1: exit $2, expected $3"; fail=1; fi; }
"$dyad" ingest --db "$db" "$doc" > /dev/null 2>&1 || fail=1
# The three events of 2019-12-03: a warning (130), a criticism (111), a threat of force (138).
id_of() { "$dyad" events --db "$db" --from 2019-12-03 --to 2019-12-03 --code "$1" --format jsonl |
  python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["id"])'; }
warn=$(id_of 130) crit=$(id_of 111) threat=$(id_of 138)
out=$("$dyad" correct accept "$crit" --db "$db" --who kim 2>&1); code_is "accept" $? 0
check "accept says what it did" "accepted $crit  2019-12-03  PRKGOV → USA  111" "$out"
out=$("$dyad" correct reject "$warn" --db "$db" --who kim --note "a headline row" 2>&1); code_is "reject" $? 0
check "reject says what it did" "rejected $warn" "$out"
out=$("$dyad" correct edit "$threat" --target 북한 --db "$db" --who lee 2>&1); code_is "edit" $? 0
check "edit resolves a name and says what it did" "edited $threat  2019-12-03  USAGOV → PRK  138" "$out"
out=$("$dyad" correct add --db "$db" --doc "$doc" --source 북한 --target USA --code 112 \
      --date 2019-12-07 --evidence "담화" --who lee 2>&1); code_is "add" $? 0
check "add gives the new event an id" "added an-" "$out"
added=$(echo "$out" | grep -o 'an-[0-9a-f]*')
# Bad corrections: a clear message, exit 2, nothing written.
before=$(sha256sum < "$db")
out=$("$dyad" correct accept ev-0000000000000000 --db "$db" 2>&1); code_is "unknown id" $? 2
check "unknown id named" "no stored event 'ev-0000000000000000'" "$out"
out=$("$dyad" correct edit "$crit" --code 9xx --db "$db" 2>&1); code_is "bad code" $? 2
check "bad code named" "--code: '9xx' is not a CAMEO event code" "$out"
out=$("$dyad" correct edit "$crit" --db "$db" 2>&1); code_is "edit with no field" $? 2
check "edit with no field says what to give" "nothing to edit" "$out"
out=$("$dyad" correct edit "$crit" --target 아무나라 --db "$db" 2>&1); code_is "unknown side" $? 2
check "unknown side suggests names" "--target" "$out"
out=$("$dyad" correct add --source PRK --target USA --code 112 --db "$db" 2>&1); code_is "add without a date" $? 2
check "add names the missing field" "--date is required" "$out"
out=$("$dyad" correct add --source PRK --target USA --code 112 --date 2019 --doc nowhere.txt --db "$db" 2>&1)
code_is "add to an unknown document" $? 2
check "unknown document named" "--doc nowhere.txt: no such stored document" "$out"
out=$("$dyad" correct accept "$crit" --db "$tmp/none.db" 2>&1); code_is "missing store" $? 2
[ "$before" = "$(sha256sum < "$db")" ] && echo "ok   failed corrections leave the store unchanged" ||
  { echo "FAIL a failed correction wrote to the store"; fail=1; }
# What the store holds now.
state() { "$dyad" events --db "$db" --mode all --format jsonl | python3 -c '
import json, sys
for l in sys.stdin:
    e = json.loads(l)
    print(e["id"], e["date"], e["source"], e["target"], e["code"], e.get("review", ""), e["action_en"])' | sort; }
s1=$(state)
check "accepted event marked" "$crit 2019-12-03 PRKGOV USA 111 accepted" "$s1"
check "edited event carries the analyst's fields and a new line" "$threat 2019-12-03 USAGOV PRK 138 edited threatens North Korea with military force" "$s1"
check "added event stored" "$added 2019-12-07 PRK USA 112 added" "$s1"
[[ "$s1" != *"$warn"* ]] && echo "ok   rejected event gone" || { echo "FAIL rejected event still stored"; fail=1; }
# A recode with the same dictionaries keeps every correction.
out=$("$dyad" recode --all --db "$db" 2>&1)
check "recode keeps the corrections" "unchanged" "$out"
[ "$s1" = "$(state)" ] && echo "ok   store after recode is as corrected" || { echo "FAIL recode lost corrections"; diff <(echo "$s1") <(state); fail=1; }
# Removal and a new ingest of the same text: the corrections apply again.
"$dyad" remove --db "$db" "$doc" > /dev/null || fail=1
"$dyad" ingest --db "$db" "$doc" > /dev/null 2>&1 || fail=1
[ "$s1" = "$(state)" ] && echo "ok   re-ingest applies the corrections again" || { echo "FAIL re-ingest lost corrections"; diff <(echo "$s1") <(state); fail=1; }
# A lexicon change that recodes another sentence of the document: the corrections still hold.
mkdir -p "$tmp/lex"
printf 'expr\tcode\tframe\tdest\tsym\tlabel_ko\tlabel_en\tnote\n맞받다\t111\tact\t\t0\t비난\tcriticises\t\n' > "$tmp/lex/actions_ko.tsv"
out=$(DYAD_LEXICON=$tmp/lex "$dyad" recode --all --db "$db" 2>&1)
check "recode with the overlay shows the new coding" "+ 2019-12-05  PRKGOV → USA  111" "$out"
s2=$(state)
for want in "$crit 2019-12-03 PRKGOV USA 111 accepted" "$threat 2019-12-03 USAGOV PRK 138 edited" "$added 2019-12-07 PRK USA 112 added"; do
  check "kept after a lexicon change: ${want%% *}" "$want" "$s2"
done
[[ "$s2" != *"$warn"* ]] && echo "ok   rejected event stays rejected" || { echo "FAIL rejected event came back"; fail=1; }
# A later word on an event supersedes the earlier; both stay in the record.
"$dyad" correct edit "$crit" --code 112 --db "$db" --who park > /dev/null || fail=1
out=$("$dyad" correct list --db "$db")
check "list shows who, kind and note" "kim      reject  $warn" "$out"
check "list marks the superseded" "accept  $crit  2019-12-03  PRKGOV → USA  111  actual  (superseded)" "$out"
[ "$(echo "$out" | wc -l)" -eq 5 ] && echo "ok   five corrections recorded" || { echo "FAIL list: $out"; fail=1; }
n=$("$dyad" correct list --db "$db" --format jsonl | python3 -c 'import json,sys; print(sum(1 for l in sys.stdin if json.loads(l)["who"]))')
[ "$n" = 5 ] && echo "ok   list as JSON Lines" || { echo "FAIL list jsonl: $n"; fail=1; }
out=$("$dyad" correct list --db "$tmp/empty.db" 2>&1); code_is "list on a missing store" $? 2
# A recode codes a document with the options it was ingested with (--year, --date, --self).
printf '6월 19일 김정은 국무위원장은 평양에서 푸틴 대통령과 정상회담을 가졌다.\n' > "$tmp/undated.txt"
"$dyad" ingest --db "$tmp/y.db" --year 2024 "$tmp/undated.txt" > /dev/null 2>&1 || fail=1
n=$("$dyad" events --db "$tmp/y.db" --format jsonl | wc -l)
out=$("$dyad" recode --all --db "$tmp/y.db" 2>&1)
check "recode with the ingest's --year keeps its events" "unchanged ($n events" "$out"
[ "$n" -gt 0 ] && echo "ok   the --year document has events" || { echo "FAIL no events with --year"; fail=1; }
exit $fail
