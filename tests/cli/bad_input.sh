#!/usr/bin/env bash
# Bad input: a clear message naming the file (and line), a non-zero exit, and the other files
# still processed.
set -uo pipefail
dyad=$1 tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp"
good=tests/corpus/ko/brief-2024-dprk-russia.txt
fail=0
check() {  # check NAME EXPECTED_SUBSTRING ACTUAL
  if [[ "$3" == *"$2"* ]]; then echo "ok   $1"; else echo "FAIL $1: expected '$2' in: $3"; fail=1; fi
}

: > "$tmp/empty.txt"
printf 'abc \xff\xff\xff\xff' > "$tmp/binary.txt"
printf '%%PDF-1.4\ngarbage' > "$tmp/broken.pdf"
printf '\xba\xcf\xc7\xd1\xc0\xba 2024\xb3\xe2 6\xbf\xf9 19\xc0\xcf \xb7\xaf\xbd\xc3\xbe\xc6\xb8\xa6 \xb9\xe6\xb9\xae\xc7\xdf\xb4\xd9.\n' > "$tmp/cp949.txt"

out=$("$dyad" code "$tmp/missing.txt" "$tmp/empty.txt" "$tmp/binary.txt" "$tmp/broken.pdf" "$good" 2>"$tmp/err")
code=$?
err=$(cat "$tmp/err")
check "exit code is non-zero" "1" "$code"
check "missing file named" "$tmp/missing.txt: cannot open file" "$err"
check "empty file named" "$tmp/empty.txt: empty document" "$err"
check "undecodable file named" "$tmp/binary.txt: cannot decode text" "$err"
check "corrupt PDF named" "$tmp/broken.pdf: corrupt PDF" "$err"
check "good file still coded" "\"doc\":\"$good\"" "$out"

# A legacy-encoded brief codes like UTF-8: "북한은 2024년 6월 19일 러시아를 방문했다."
out=$("$dyad" code --format tsv "$tmp/cp949.txt")
check "CP949 decoded and coded" "2024-06-19	2024-06-19	PRK	RUS	042" "$out"

# A malformed dictionary row: file:line, non-zero exit; coding refuses to start.
mkdir -p "$tmp/data/lexicon"
cp data/cameo-event-codes.tsv data/cameo-phrases.tsv data/countries.tsv "$tmp/data/"
cp data/lexicon/*.tsv "$tmp/data/lexicon/"
printf 'bad_row\tperson\tPRKGOV\t2020-02-30\t\t누구\t\t\t\t\n' >> "$tmp/data/lexicon/actors.tsv"
line=$(wc -l < "$tmp/data/lexicon/actors.tsv")
out=$("$dyad" lexicon check "$tmp/data" 2>&1); code=$?
check "lexicon check exit" "1" "$code"
check "lexicon check names file:line" "$tmp/data/lexicon/actors.tsv:$line: date '2020-02-30'" "$out"
out=$("$dyad" --data "$tmp/data" code "$good" 2>&1); code=$?
check "coding refuses a bad dictionary" "2" "$code"
check "coding names the bad row" "actors.tsv:$line" "$out"

# dyad's own English word lists are checked too.
rm -rf "$tmp/data-en" && cp -r data "$tmp/data-en"
echo "provision" >> "$tmp/data-en/en/act_nouns.txt"
line=$(wc -l < "$tmp/data-en/en/act_nouns.txt")
out=$("$dyad" lexicon check "$tmp/data-en" 2>&1); code=$?
check "lexicon check exit (English list)" "1" "$code"
check "lexicon check names the English list's line" "act_nouns.txt:$line: 'provision' must be one upper-case word" "$out"

# Flags are validated.
out=$("$dyad" code --format xml "$good" 2>&1); code=$?
check "bad flag rejected" "xml" "$out"
[ "$code" -eq 2 ] && echo "ok   bad flag exits 2" || { echo "FAIL bad flag exit $code"; fail=1; }
# A document without events says why, and what to pass.
printf '북한은 러시아를 방문했다.\n' > "$tmp/noyear.txt"
out=$("$dyad" code "$tmp/noyear.txt" 2>&1 >/dev/null)
check "no year: says to pass --year or --date" "pass --year or --date" "$out"
out=$("$dyad" code --year 2024 "$tmp/noyear.txt" 2>/dev/null)
check "--year dates what the text does not" '"date_precision":"year"' "$out"
printf '오늘은 날씨가 좋다.\n' > "$tmp/none.txt"
out=$("$dyad" code "$tmp/none.txt" 2>&1 >/dev/null)
check "no events: says why" "no events (no sentence names two sides" "$out"
out=$("$dyad" nosuch 2>&1); code=$?
[ "$code" -eq 2 ] && echo "ok   unknown command exits 2" || { echo "FAIL unknown command exit $code"; fail=1; }
out=$("$dyad" 2>&1); code=$?
check "dyad alone prints its commands" "Subcommands:" "$out"
[ "$code" -eq 0 ] && echo "ok   dyad alone exits 0" || { echo "FAIL dyad alone exit $code"; fail=1; }
out=$("$dyad" events --db "$tmp/x.db" --from 2024-13 2>&1); code=$?
check "bad date flag named" "2024-13" "$out"
# The coder as a stateless filter: stdin codes like the file.
a=$("$dyad" code --format tsv "$good" | cut -f1-7)
b=$("$dyad" code --stdin --format tsv < "$good" | cut -f1-7)
[ -n "$a" ] && [ "$a" = "$b" ] && echo "ok   --stdin codes like the file" || { echo "FAIL --stdin differs"; fail=1; }
out=$("$dyad" code 2>&1); code=$?
check "code without input" "give FILE... or --stdin" "$out"
# A store whose document row was deleted outside dyad (the sqlite3 shell, foreign keys off): its
# events have no telling left, and every listing still prints them (repro events-no-mention).
if command -v sqlite3 > /dev/null; then
  "$dyad" ingest --db "$tmp/orphan.db" tests/corpus/ko/brief-2024-dprk-russia.txt tests/corpus/ko/brief-2019-dprk-us.txt > /dev/null 2>&1
  sqlite3 "$tmp/orphan.db" "DELETE FROM documents WHERE path LIKE '%brief-2019-dprk-us.txt'"
  for format in jsonl tsv table; do
    "$dyad" events --db "$tmp/orphan.db" --format $format > /dev/null 2>&1; code=$?
    [ "$code" -eq 0 ] && echo "ok   events without tellings print as $format" || { echo "FAIL events --format $format: exit $code"; fail=1; }
  done
fi
exit $fail
