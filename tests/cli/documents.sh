#!/usr/bin/env bash
# Inputs analysts have: DOCX, HWPX and HTML code like the text they hold; the legacy Hangul
# binary and a page with no main text are refused with what to do; a directory picks them up.
# With LibreOffice present (make test installs it), a brief converted by it to DOCX and to HTML
# codes to the events of its text.
set -uo pipefail
dyad=$1 tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp"
export DYAD_LEXICON=
fail=0
check() { if [[ "$3" == *"$2"* ]]; then echo "ok   $1"; else echo "FAIL $1: expected '$2' in: $3"; fail=1; fi; }
python3 tests/documents/make_fixtures.py "$tmp/in" || exit 1
events() { "$dyad" code --format jsonl "$1" | python3 -c '
import json, sys
for l in sys.stdin:
    e = json.loads(l)
    print(e["date"], e["source"], e["target"], e["code"])' | sort; }
want="2024-06-12 PRKGOV RUSGOV 051
2024-06-19 RUSGOV PRK 042
2024-06-19 RUSGOV PRKGOV 040
2024-10-07 PRKGOV RUSGOV 051"
for f in brief.docx brief.hwpx; do
  got=$(events "$tmp/in/$f")
  [ "$got" = "$want" ] && echo "ok   $f: the paragraph and each table row coded" ||
    { echo "FAIL $f"; diff <(echo "$want") <(echo "$got"); fail=1; }
done
[[ "$("$dyad" repair "$tmp/in/brief.docx")" != *"미국은 북한을 공격"* ]] &&
  echo "ok   docx: deleted text (tracked changes) is not read" || { echo "FAIL docx read deleted text"; fail=1; }
row=$("$dyad" repair "$tmp/in/brief.hwpx" | grep '6/12')
check "hwpx: a table row is one line of its cells" "6/12 김정은, 푸틴에 러시아의 날 축전 전달" "$row"
# HTML: the article only; the menu, the sidebar, the footer and the scripts name other events.
got=$(events "$tmp/in/news.html")
check "html: the article's visit" "2024-06-19 RUSGOV PRK 042" "$got"
[[ "$got" != *JPN* && "$got" != *CHN* && "$got" != *"USA PRK"* && "$got" != *KOR* ]] &&
  echo "ok   html: nothing from the menu, sidebar, footer or scripts" || { echo "FAIL html furniture coded: $got"; fail=1; }
check "html: the page's published time dates what the article says it said" "2024-06-20 PRKGOV RUS 051" "$got"
check "html: repair shows where the date came from" "date	2024-06-20	markup" "$("$dyad" repair "$tmp/in/news.html")"
# Refusals: a message naming the file and what to do, exit 1.
out=$("$dyad" code "$tmp/in/menu-only.html" 2>&1); code=$?
check "html with no main text says so" "menu-only.html: no main text found in the HTML page" "$out"
[ "$code" -eq 1 ] && echo "ok   html with no main text: exit 1" || { echo "FAIL exit $code"; fail=1; }
out=$("$dyad" code "$tmp/in/old.hwp" 2>&1); code=$?
check "legacy .hwp: what to convert it to" "a Hangul binary (.hwp) document, which dyad does not read; save it from Hangul as HWPX" "$out"
[ "$code" -eq 1 ] && echo "ok   legacy .hwp: exit 1" || { echo "FAIL exit $code"; fail=1; }
printf 'PK\003\004not really a zip' > "$tmp/in/broken.docx"
out=$("$dyad" code "$tmp/in/broken.docx" 2>&1)
check "a damaged DOCX is named as such, not as 'not UTF-8'" "broken.docx: a damaged zip file" "$out"
# A directory: the readable files coded, each refusal named, exit 1.
out=$("$dyad" code --format jsonl "$tmp/in" 2>&1); code=$?
n=$(echo "$out" | grep -c '^{')
[ "$n" -eq 11 ] && [ "$code" -eq 1 ] && echo "ok   a directory codes docx, hwpx and html (11 events), exit 1 for the refused" ||
  { echo "FAIL directory: $n events, exit $code"; fail=1; }
check "directory names the .hwp" "old.hwp: a Hangul binary" "$out"
if command -v soffice > /dev/null; then
  # Real files from an office suite: the brief as DOCX, and that DOCX as an HTML page.
  src=tests/corpus/ko/brief-2024-dprk-russia.txt
  cp "$src" "$tmp/brief.txt"
  export HOME=$tmp/home  # LibreOffice's profile, not the user's
  (cd "$tmp" && timeout 120 soffice --headless --infilter="Text (encoded):UTF8,,," --convert-to docx brief.txt > /dev/null 2>&1)
  (cd "$tmp" && timeout 120 soffice --headless --convert-to html brief.docx > /dev/null 2>&1)
  for f in brief.docx brief.html; do
    if [ ! -s "$tmp/$f" ]; then echo "FAIL LibreOffice did not write $f"; fail=1; continue; fi
    a=$(events "$src"); b=$(events "$tmp/$f")
    [ -n "$a" ] && [ "$a" = "$b" ] && echo "ok   LibreOffice's $f codes to the events of the text ($(echo "$a" | wc -l))" ||
      { echo "FAIL LibreOffice $f"; diff <(echo "$a") <(echo "$b") | head -8; fail=1; }
  done
else
  echo "skip LibreOffice conversions (soffice not installed)"
fi
exit $fail
