#!/usr/bin/env bash
# Layout fixtures rendered by a real typesetter: tests/pdf/fixtures.py writes each brief as text
# and as an OpenDocument file with a real layout (wrapped and vertically centred table cells, a
# table over a page break, a statements table, two columns, footnotes); LibreOffice renders the
# OpenDocument to PDF, cached under OUTDIR while the fixture is unchanged; dyad reads the PDF
# through poppler. Each PDF must code to at least 95% of the events (date, sides, CAMEO code) of
# its text, and add no more than 5% of its own.
#   tests/pdf/libreoffice.sh DYAD OUTDIR
set -uo pipefail
dyad=$1 out=$2
mkdir -p "$out"
python3 tests/pdf/fixtures.py "$out" || { echo "FAIL: fixtures.py"; exit 1; }
soffice=$(command -v soffice || command -v libreoffice || true)
[ -n "$soffice" ] || { echo "FAIL: LibreOffice not found (scripts/setup.sh installs libreoffice-writer-nogui)"; exit 1; }
stale=()
for f in "$out"/*.fodt; do
  pdf=${f%.fodt}.pdf
  [ -f "$pdf" ] && [ "$pdf" -nt "$f" ] || stale+=("$f")
done
if [ ${#stale[@]} -gt 0 ]; then
  # A profile of its own, so the test neither needs nor touches the user's.
  timeout 300 "$soffice" -env:UserInstallation=file://"$(cd "$out" && pwd)"/lo-profile \
    --headless --convert-to pdf --outdir "$out" "${stale[@]}" > "$out/soffice.log" 2>&1 ||
    { echo "FAIL: LibreOffice could not render the fixtures"; cat "$out/soffice.log"; exit 1; }
fi
status=0
events() { "$dyad" code --format tsv "$1" | tail -n +2 | cut -f1-5 | sort -u; }
for txt in "$out"/*.txt; do
  name=$(basename "$txt" .txt)
  pdf=$out/$name.pdf
  [ -f "$pdf" ] || { echo "FAIL $name: no PDF rendered"; status=1; continue; }
  from_text=$(events "$txt")
  from_pdf=$(events "$pdf")
  n=$(printf '%s\n' "$from_text" | grep -c . || true)
  found=$(comm -12 <(printf '%s\n' "$from_text") <(printf '%s\n' "$from_pdf") | grep -c . || true)
  extra=$(comm -13 <(printf '%s\n' "$from_text") <(printf '%s\n' "$from_pdf") | grep -c . || true)
  if [ "$n" -eq 0 ]; then
    echo "FAIL $name: no events from the text"; status=1
  elif [ $((found * 100)) -lt $((n * 95)) ] || [ $((extra * 100)) -gt $((n * 5)) ]; then
    echo "FAIL $name: the PDF codes to $found of the text's $n events, $extra of its own"
    diff <(printf '%s\n' "$from_text") <(printf '%s\n' "$from_pdf") | head -20
    status=1
  else
    echo "ok   $name: the PDF codes to $found of the text's $n events, $extra of its own"
  fi
done
exit $status
