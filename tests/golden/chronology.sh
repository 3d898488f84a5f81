#!/usr/bin/env bash
# Golden test: the chronology of the whole bundled corpus (tests/corpus/ko, ko-statements, en),
# in Korean and in English, against tests/golden/chronology/{ko,en}.md. Each was read through
# by a person when it was accepted; a change to the coder, the dictionaries or the phrases
# shows up here as a diff to read again. To accept a deliberate change:
#   tests/golden/chronology.sh build/dyad --update
set -uo pipefail
dyad=$1
update=${2:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export DYAD_LEXICON=  # the shipped dictionaries only, not the user's overlay
"$dyad" ingest --db "$tmp/corpus.db" tests/corpus/ko/*.txt tests/corpus/ko-statements/*.txt \
  tests/corpus/en/*.txt > "$tmp/ingest.log" 2>&1 || {
  echo "FAIL ingest of the corpus"; cat "$tmp/ingest.log"; exit 1; }
status=0
for lang in ko en; do
  expected=tests/golden/chronology/$lang.md
  "$dyad" chronology --db "$tmp/corpus.db" --lang "$lang" --format markdown > "$tmp/$lang.md" ||
    { echo "FAIL chronology --lang $lang exited non-zero"; status=1; continue; }
  if [ "$update" = "--update" ]; then
    mkdir -p tests/golden/chronology
    cp "$tmp/$lang.md" "$expected"
    echo "updated $expected"
  elif ! diff -u "$expected" "$tmp/$lang.md" > "$tmp/diff"; then
    echo "FAIL chronology ($lang) differs from $expected"
    head -60 "$tmp/diff"
    status=1
  else
    echo "ok   chronology ($lang): $(($(wc -l < "$expected") - 2)) rows"
  fi
done
exit $status
