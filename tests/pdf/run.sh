#!/usr/bin/env bash
# Each corpus document, typeset as a PDF by dyad_make_pdf and read back through poppler, must
# code to the same events (dates, actors, codes) as its text.
set -uo pipefail
dyad=$1 make_pdf=$2 out=$3
mkdir -p "$out"
status=0
for doc in tests/corpus/ko/*.txt; do
  name=$(basename "$doc" .txt)
  pdf=$out/$name.pdf
  "$make_pdf" "$doc" "$pdf" || { echo "FAIL $doc: could not build PDF"; status=1; continue; }
  from_text=$("$dyad" code --format tsv "$doc" | cut -f1-7)
  from_pdf=$("$dyad" code --format tsv "$pdf" | cut -f1-7)
  n=$(printf '%s\n' "$from_text" | tail -n +2 | wc -l)
  if [ "$n" -eq 0 ]; then
    echo "FAIL $doc: no events from the text"; status=1
  elif [ "$from_text" != "$from_pdf" ]; then
    echo "FAIL $doc: PDF events differ from text events"
    diff <(printf '%s\n' "$from_text") <(printf '%s\n' "$from_pdf") | head -20
    status=1
  else
    echo "ok   $pdf ($n events, same as text)"
  fi
done
exit $status
