#!/usr/bin/env bash
# ingest → events → chronology through the CLI; re-ingesting changes nothing.
set -uo pipefail
dyad=$1 tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp"
db=$tmp/t.db
fail=0
check() { if [[ "$3" == *"$2"* ]]; then echo "ok   $1"; else echo "FAIL $1: expected '$2' in: $3"; fail=1; fi; }
out=$("$dyad" ingest --db "$db" tests/corpus/ko/brief-2024-dprk-russia.txt 2>&1) || fail=1
check "ingest reports new events" "new events" "$out"
check "ingest says it created the store" "created store" "$out"
# Every event has an id, the same when coded and when stored: what edits and exports join on.
a=$("$dyad" code --format jsonl tests/corpus/ko/brief-2024-dprk-russia.txt | grep -o '"id":"ev-[0-9a-f]*"' | sort)
b=$("$dyad" events --db "$db" --format jsonl | grep -o '"id":"ev-[0-9a-f]*"' | sort)
[ -n "$a" ] && [ "$a" = "$b" ] && [ "$(echo "$a" | uniq | wc -l)" = "$(echo "$a" | wc -l)" ] &&
  echo "ok   events keep one stable id each, coded or stored" || { echo "FAIL event ids"; fail=1; }
# Queries never create a store: a mistyped --db is an error (exit 2), and no file appears.
for cmd in "events" "chronology --between PRK RUS" "export --out $tmp/x.jsonl"; do
  out=$("$dyad" $cmd --db "$tmp/nowhere.db" 2>&1); code=$?
  check "$cmd: missing store named" "no such store" "$out"
  [ "$code" -eq 2 ] && [ ! -e "$tmp/nowhere.db" ] && echo "ok   $cmd: exit 2, nothing created" ||
    { echo "FAIL $cmd on a missing store: exit $code"; fail=1; }
done
# Queries open the store read-only: the store file is byte for byte the same after them (SQLite
# may add its empty -wal and shared-memory files beside a WAL store).
before=$(sha256sum < "$db")
"$dyad" events --db "$db" --format jsonl > /dev/null && "$dyad" chronology --db "$db" --between PRK RUS > /dev/null
after=$(sha256sum < "$db")
[ "$before" = "$after" ] && echo "ok   queries leave the store unchanged" || { echo "FAIL queries wrote to the store"; fail=1; }
n1=$("$dyad" events --db "$db" --format jsonl | wc -l)
out=$("$dyad" ingest --db "$db" tests/corpus/ko/brief-2024-dprk-russia.txt) || fail=1
check "second ingest changes nothing" "nothing changed" "$out"
n2=$("$dyad" events --db "$db" --format jsonl | wc -l)
[ "$n1" -gt 0 ] && [ "$n1" -eq "$n2" ] && echo "ok   event count stable ($n1)" || { echo "FAIL counts $n1 $n2"; fail=1; }
out=$("$dyad" events --db "$db" --between PRK RUS --code 04 --format tsv)
check "events filter by dyad and code" "	042	" "$out"
out=$("$dyad" events --db "$db" --between PRK RUS --code 04 --format jsonl | grep -v '"code":"04' || true)
[ -z "$out" ] && echo "ok   code filter exact" || { echo "FAIL code filter: $out"; fail=1; }
out=$("$dyad" chronology --db "$db" --between PRK RUS --year 2024 --format markdown)
check "chronology markdown header" "| 날짜 | 내용 | 출처 |" "$out"
check "chronology visit row" "최선희 외무상 방러" "$out"
a=$("$dyad" chronology --db "$db" --between PRK RUS --year 2024)
b=$("$dyad" chronology --db "$db" --between 북한 러시아 --year 2024)
[ -n "$a" ] && [ "$a" = "$b" ] && echo "ok   --between takes state names" || { echo "FAIL --between names"; fail=1; }
out=$("$dyad" chronology --db "$db" --between PRK RUS --year 2024 --lang en --format csv)
check "chronology English" "Choe Son Hui (DPRK foreign minister) visits Russia" "$out"
out=$("$dyad" events --db "$db" --unresolved --format tsv)
check "review queue lists reasons" "no date" "$out"
check "review queue lists every reason" "unknown actor" "$out"
# Sides by name: states and organisations, Korean or English; an unknown name is an error
# (exit 2) that suggests the nearest names; a query that finds nothing says so.
un=$tmp/un.db
"$dyad" ingest --db "$un" tests/corpus/ko/brief-2017-dprk-un.txt > /dev/null 2>&1 || fail=1
a=$("$dyad" events --db "$un" --between PRK IGOUNO --format jsonl)
b=$("$dyad" events --db "$un" --between 북한 안보리 --format jsonl)
c=$("$dyad" events --db "$un" --between North\ Korea UNSC --format jsonl)
[ -n "$a" ] && [ "$a" = "$b" ] && [ "$a" = "$c" ] && echo "ok   --between takes organisation names" ||
  { echo "FAIL --between 북한 안보리"; fail=1; }
out=$("$dyad" events --db "$db" --actor 러시아 --format tsv)
check "--actor lists one side's events" "RUS" "$out"
out=$("$dyad" events --db "$db" --between XYZ PRK 2>&1); code=$?
check "unknown side named with the nearest names" "nearest:" "$out"
[ "$code" -eq 2 ] && echo "ok   unknown side exits 2" || { echo "FAIL unknown side exit $code"; fail=1; }
for bad in abc 999; do
  out=$("$dyad" events --db "$db" --code $bad 2>&1); code=$?
  check "--code $bad named" "--code: " "$out"
  [ "$code" -eq 2 ] && echo "ok   --code $bad exits 2" || { echo "FAIL --code $bad exit $code"; fail=1; }
done
out=$("$dyad" export --db "$db" --code x1 2>&1); code=$?
check "export --code checked as well" "'x1' is not a CAMEO code or root" "$out"
out=$("$dyad" events --db "$db" --between PRK RUS --from 1990 --to 1990 2>&1 >/dev/null)
check "an empty result says so" "no stored events between PRK and RUS" "$out"
out=$("$dyad" chronology --db "$db" --between PRK RUS --from 2024-06 --to 2024-06)
check "chronology --from/--to" "2024-06-19" "$out"
[[ "$out" != *"2024-10"* ]] && echo "ok   chronology --to bounds it" || { echo "FAIL chronology --to"; fail=1; }
out=$("$dyad" events --db "$db" --unresolved --reason "unknown actor" --format tsv | head -1)
check "the review queue has a words column" "reason	predicate	words	doc" "$out"
out=$("$dyad" events --db "$db" --unresolved --reason "unknown actor" --format tsv | tail -n +2 | cut -f1 | sort -u)
[ "$out" = "unknown actor" ] && echo "ok   review queue filters by reason" || { echo "FAIL reason filter: $out"; fail=1; }
# A directory is its documents; an empty one says so. An interrupt stops between documents, says
# what was stored and how to go on, and exits 130; running again goes on where it stopped.
mkdir -p "$tmp/many" "$tmp/emptydir"
for i in $(seq 1 4000); do printf '2024년 3월 %d일 북한은 러시아를 비난했다. 문서 %d.\n' $((i % 28 + 1)) "$i" > "$tmp/many/d$i.txt"; done
out=$("$dyad" ingest --db "$tmp/e.db" "$tmp/emptydir" 2>&1); code=$?
check "an empty directory says so" "no documents dyad reads" "$out"
[ "$code" -eq 1 ] && echo "ok   an empty directory exits 1" || { echo "FAIL empty directory exit $code"; fail=1; }
"$dyad" ingest --db "$tmp/int.db" "$tmp/many" > "$tmp/int.out" 2> "$tmp/int.err" &
pid=$!
sleep 0.3
kill -INT $pid
wait $pid; code=$?
check "an interrupt says how to go on" "Run the same command again" "$(cat "$tmp/int.err")"
[ "$code" -eq 130 ] && echo "ok   an interrupt exits 130" || { echo "FAIL interrupt exit $code"; fail=1; }
# dyad code stops the same way, every printed event whole (6,000 briefs, hard links of one, take
# several seconds).
mkdir -p "$tmp/briefs"
cp tests/corpus/ko/brief-2024-dprk-russia.txt "$tmp/brief.txt"
for i in $(seq 1 6000); do ln "$tmp/brief.txt" "$tmp/briefs/b$i.txt"; done
"$dyad" code "$tmp/briefs" > "$tmp/code.out" 2> "$tmp/code.err" &
pid=$!
sleep 0.5
kill -INT $pid
wait $pid; code=$?
check "code: an interrupt says so" "interrupted after" "$(cat "$tmp/code.err")"
bad=$(python3 -c 'import json,sys; n=0
for l in open(sys.argv[1]):
    try: json.loads(l)
    except Exception: n+=1
print(n)' "$tmp/code.out")
[ "$code" -eq 130 ] && [ "$bad" = 0 ] && echo "ok   code: exit 130, every line whole" || { echo "FAIL code interrupt: exit $code, $bad broken lines"; fail=1; }
done1=$(grep -c "new events" "$tmp/int.out")
out=$("$dyad" ingest --db "$tmp/int.db" "$tmp/many" 2>&1)
done2=$(echo "$out" | grep -c "new events")
skipped=$(echo "$out" | grep -c "nothing changed")
[ $((done1 + done2)) -eq 4000 ] && [ "$skipped" -eq "$done1" ] && echo "ok   the second run goes on ($done1 + $done2)" ||
  { echo "FAIL resume: $done1 + $done2, $skipped skipped"; fail=1; }
# The correction loop: change the dictionaries, recode, see what changed; remove a document.
rc=$tmp/rc.db
"$dyad" ingest --db "$rc" tests/corpus/ko/brief-2024-dprk-russia.txt tests/corpus/ko/brief-2017-dprk-un.txt > /dev/null 2>&1
rm -rf "$tmp/data" && cp -r data "$tmp/data"
sed -i '/^축전\t/d' "$tmp/data/lexicon/actions_ko.tsv"
out=$("$dyad" --data "$tmp/data" recode --all --db "$rc" 2>&1)
check "recode shows what the new dictionaries drop" "  - 2024-06-12  PRKGOV → RUSGOV  051" "$out"
check "recode says what it left alone" "brief-2017-dprk-un.txt: unchanged" "$out"
out=$("$dyad" recode --all --db "$rc" 2>&1)
check "recode with the shipped dictionaries brings them back" "  + 2024-06-12  PRKGOV → RUSGOV  051" "$out"
n_before=$("$dyad" events --db "$rc" --format jsonl | wc -l)
out=$("$dyad" remove --db "$rc" tests/corpus/ko/brief-2017-dprk-un.txt)
check "remove reports what went" "removed (document" "$out"
n_after=$("$dyad" events --db "$rc" --format jsonl | wc -l)
[ "$n_after" -lt "$n_before" ] && [ "$n_after" -gt 0 ] && echo "ok   remove takes only that document's events" ||
  { echo "FAIL remove: $n_before -> $n_after"; fail=1; }
out=$("$dyad" remove --db "$rc" tests/corpus/ko/brief-2017-dprk-un.txt 2>&1); code=$?
check "removing it again says there is none" "no such stored document" "$out"
[ "$code" -eq 2 ] && echo "ok   remove of an unknown document exits 2" || { echo "FAIL remove exit $code"; fail=1; }
# The analyst's own rows over the shipped dictionaries (--lexicon, or ~/.config/dyad/lexicon):
# the review queue names the unknown person, the overlay adds him, recode stores his act.
printf '2024년 6월 19일 홍길동 교수는 북한을 비난했다.\n' > "$tmp/prof.txt"
ov=$tmp/home/.config/dyad/lexicon
mkdir -p "$ov"
printf 'id\ttype\tcode\tfrom\tto\tko\ten\ttitle_ko\ttitle_en\tnote\nhong\tperson\tKORGOV\t2020-01-01\t\t홍길동\tHong Gildong\t교수\tprofessor\t\n' > "$ov/actors.tsv"
"$dyad" ingest --db "$tmp/ov.db" "$tmp/prof.txt" > /dev/null 2>&1
out=$("$dyad" events --db "$tmp/ov.db" --unresolved --format tsv)
check "the queue names the unknown person" "홍길동 교수" "$out"
out=$(env -u DYAD_LEXICON HOME="$tmp/home" "$dyad" recode --all --db "$tmp/ov.db" 2>&1)
check "~/.config/dyad/lexicon is read: recode adds the act" "+ 2024-06-19  KORGOV → PRK  111" "$out"
out=$("$dyad" --lexicon "$ov" lexicon check)
check "lexicon check names the overlay" "overlay: $ov" "$out"
printf 'id\ttype\tcode\tfrom\tto\tko\ten\ttitle_ko\ttitle_en\tnote\nx\tperson\tKORGOV\t2020-13-01\t\t갑\tA\t\t\t\n' > "$tmp/bad-actors.tsv"
mkdir -p "$tmp/badov" && mv "$tmp/bad-actors.tsv" "$tmp/badov/actors.tsv"
out=$("$dyad" --lexicon "$tmp/badov" lexicon check); code=$?
check "a bad overlay row is named by file:line" "badov/actors.tsv:2:" "$out"
[ "$code" -eq 1 ] && echo "ok   a bad overlay fails the check" || { echo "FAIL bad overlay exit $code"; fail=1; }
for cmd in code ingest events chronology "lexicon check" repair import export remove recode; do
  out=$("$dyad" $cmd --help 2>&1) || { echo "FAIL $cmd --help"; fail=1; }
done
echo "ok   --help on every command"
# On a terminal (a pty from script(1)) ingest shows N/total, docs/s and the time left.
tty=$(script -qec "$dyad ingest --db $tmp/tty.db tests/corpus/ko" /dev/null | tr '\r' '\n')
check "ingest on a terminal: a status line" "11/11 files, " "$tty"
check "ingest on a terminal: rate and time left" " docs/s, about " "$tty"
exit $fail
