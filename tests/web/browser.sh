#!/usr/bin/env bash
# The dashboard in headless Chromium: a store of our Korean briefs and the UN votes, served by
# `dyad serve` on a free port of 127.0.0.1, driven by web/test/browser.mjs. Screenshots go to
# OUT/screenshots. The server is stopped however the test ends.
set -uo pipefail
dyad=$1 make_pdf=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
export DYAD_LEXICON=
db=$out/store.db
"$dyad" ingest --db "$db" tests/corpus/ko/*.txt ../shared/corpus/ko/*.txt > /dev/null 2>&1 || { echo "FAIL ingest"; exit 1; }
"$dyad" unga import --db "$db" data/unga/votes.tsv > /dev/null || { echo "FAIL unga import"; exit 1; }
# A PDF to upload: a statement not in the store, typeset by the PDF fixture generator.
"$make_pdf" tests/corpus/ko-statements/brief-2024-russia-statements.txt "$out/upload.pdf" || { echo "FAIL make_pdf"; exit 1; }
web=$(dirname "$dyad")/web
[ -f "$web/index.html" ] || { echo "FAIL no dashboard built in $web (scripts/setup.sh builds it)"; exit 1; }
"$dyad" serve --db "$db" --listen 127.0.0.1:0 --web "$web" > "$out/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null' EXIT
url=
for _ in $(seq 50); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$out/serve.log" | head -1)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "FAIL the server did not start:"; cat "$out/serve.log"; exit 1; }
node web/test/browser.mjs "$url" "$out/screenshots" "$out/upload.pdf"
