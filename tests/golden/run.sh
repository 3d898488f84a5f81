#!/usr/bin/env bash
# Golden test: each corpus document's JSON Lines output (Korean and English) against its
# committed expected file.
# A dictionary or coder change shows up here as a diff. To accept a deliberate change:
#   tests/golden/run.sh build/dyad --update
set -uo pipefail
dyad=$1
update=${2:-}
status=0
for doc in tests/corpus/ko/*.txt tests/corpus/en/*.txt; do
  name=$(basename "$doc" .txt)
  lang=$(basename "$(dirname "$doc")")
  expected=tests/golden/$lang/$name.jsonl
  actual=$("$dyad" code --format jsonl "$doc") || { echo "FAIL $doc: dyad exited non-zero"; status=1; continue; }
  if [ "$update" = "--update" ]; then
    mkdir -p "tests/golden/$lang"
    printf '%s\n' "$actual" > "$expected"
    echo "updated $expected"
    continue
  fi
  if [ ! -f "$expected" ]; then
    echo "FAIL $doc: no expected file $expected"
    status=1
  elif ! diff -u "$expected" <(printf '%s\n' "$actual") > /tmp/dyad-golden-$$.diff; then
    echo "FAIL $doc: output differs from $expected"
    head -40 /tmp/dyad-golden-$$.diff
    status=1
  else
    echo "ok   $doc ($(wc -l < "$expected") events)"
  fi
  rm -f /tmp/dyad-golden-$$.diff
done
exit $status
