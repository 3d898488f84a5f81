#!/usr/bin/env bash
# dyad code -j N and dyad ingest -j N: several threads code the documents, and what comes out is
# what one thread gives, byte for byte: the events on stdout in input order, the messages on
# stderr in input order (a missing file, a feed item without text), the store's events.
#   tests/cli/jobs.sh DYAD MAKE_PDF TMP
set -uo pipefail
dyad=$1 make_pdf=$2 tmp=$3
rm -rf "$tmp" && mkdir -p "$tmp"
export DYAD_LEXICON=
fail=0
same() { if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1"; fail=1; fi; }
# Every kind of input: text in both languages, a PDF, an HTML page, a feed, a missing file.
"$make_pdf" tests/corpus/ko/brief-2024-dprk-russia.txt "$tmp/brief.pdf" || { echo "FAIL make_pdf"; exit 1; }
cat > "$tmp/page.html" <<'HTML'
<html><head><title>Talks</title></head><body><article><p>SEOUL, June 20, 2024 (Wire) --
South Korea on Thursday condemned the treaty that Russia and North Korea signed in Pyongyang
on Wednesday.</p></article></body></html>
HTML
printf '%s\n' '{"id":"a","date":"2024-06-19","text":"Russia and North Korea signed a treaty in Pyongyang on Wednesday."}' \
  '{"id":"b","date":"2024-06-20"}' > "$tmp/feed.jsonl"
inputs=(tests/corpus/ko/*.txt "$tmp/brief.pdf" tests/corpus/en/*.txt "$tmp/page.html" "$tmp/feed.jsonl"
        "$tmp/missing.txt" tests/corpus/ko-statements/*.txt ../shared/corpus/real/*.txt)
"$dyad" code "${inputs[@]}" > "$tmp/one.out" 2> "$tmp/one.err"
one=$?
for j in 2 8; do
  "$dyad" code -j $j "${inputs[@]}" > "$tmp/j$j.out" 2> "$tmp/j$j.err"
  rc=$?
  same "code -j $j: the events of one thread, in the same order ($(wc -l < "$tmp/one.out") lines)" \
    "$(sha256sum < "$tmp/one.out")" "$(sha256sum < "$tmp/j$j.out")"
  same "code -j $j: the same messages, in the same order" "$(cat "$tmp/one.err")" "$(cat "$tmp/j$j.err")"
  same "code -j $j: the same exit status ($one)" "$one" "$rc"
done
grep -q "missing.txt" "$tmp/one.err" || { echo "FAIL the missing file is not named"; fail=1; }
"$dyad" ingest --db "$tmp/one.db" "${inputs[@]}" > "$tmp/ingest-one.out" 2>&1
"$dyad" ingest -j 2 --db "$tmp/two.db" "${inputs[@]}" > "$tmp/ingest-two.out" 2>&1
same "ingest -j 2: the same lines" "$(cat "$tmp/ingest-one.out")" "$(cat "$tmp/ingest-two.out" | sed 's/two\.db/one.db/g')"
same "ingest -j 2: the same stored events" \
  "$("$dyad" events --db "$tmp/one.db" --format jsonl | sha256sum)" \
  "$("$dyad" events --db "$tmp/two.db" --format jsonl | sha256sum)"
exit $fail
