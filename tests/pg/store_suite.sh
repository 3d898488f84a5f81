#!/usr/bin/env bash
# The store on PostgreSQL (docs/reliability.md), on a throwaway cluster this script starts and
# stops (tests/pg/cluster.sh):
#   - the store suite's PostgreSQL half (src/store/store_test.cc, Engines/StoreSuite.*/postgresql);
#   - analysts ingesting at once: four `dyad ingest` processes, each given every document in its
#     own order, into one store: every document once, and the events and tellings one ingest
#     into SQLite stores, none lost or doubled;
#   - kill -9 during an ingest into PostgreSQL: each stored document has all of its tellings;
#   - dyad migrate from SQLite into PostgreSQL and back: the same events, votes and rows;
#   - dyad serve on the PostgreSQL store;
#   - clear errors: an empty database, a server that is not there (the password never shown).
#   tests/pg/store_suite.sh UNIT_TESTS DYAD TMP
set -uo pipefail
unit=$1 dyad=$2 tmp=$3
export DYAD_LEXICON=
rm -rf "$tmp" && mkdir -p "$tmp"
cluster=$(mktemp -d /tmp/dyad-pg.XXXXXX)
trap '[ -n "${KEEP:-}" ] || tests/pg/cluster.sh stop "$cluster"' EXIT
base=$(tests/pg/cluster.sh start "$cluster") || { echo "FAIL cannot start a PostgreSQL cluster"; exit 1; }
newdb() { psql -qX "${base}postgres" -c "CREATE DATABASE $1" > /dev/null && echo "${base}$1"; }
sql() { psql -qXAt "$1" -c "$2"; }
fail=0
check() { if [[ "$3" == *"$2"* ]]; then echo "ok   $1"; else echo "FAIL $1: expected '$2' in: $3"; fail=1; fi; }
same() { if [ "$2" = "$3" ]; then echo "ok   $1"; else echo "FAIL $1: '$2' != '$3'"; fail=1; fi; }

# 1. The store suite on PostgreSQL.
if DYAD_TEST_POSTGRES=$base "$unit" --gtest_filter='Engines/StoreSuite.*/postgresql' > "$tmp/unit.log" 2>&1 &&
   grep -q "PASSED" "$tmp/unit.log" && ! grep -q "SKIPPED" "$tmp/unit.log"; then
  echo "ok   store suite on PostgreSQL: $(grep -o '[0-9]* tests from' "$tmp/unit.log" | head -1 | grep -o '[0-9]*') tests"
else
  echo "FAIL store suite on PostgreSQL"; tail -30 "$tmp/unit.log"; fail=1
fi

docs=(tests/corpus/ko/*.txt tests/corpus/ko-statements/*.txt tests/corpus/en/*.txt)
# 2. Four analysts at once, each ingesting every document in another order.
"$dyad" ingest --db "$tmp/one.db" "${docs[@]}" > /dev/null 2>&1
team=$(newdb team)
pids=()
for seed in 1 2 3 4; do
  mapfile -t order < <(printf '%s\n' "${docs[@]}" | shuf --random-source=<(yes $seed))
  "$dyad" ingest --db "$team" "${order[@]}" > "$tmp/ingest-$seed.log" 2>&1 &
  pids+=($!)
done
for p in "${pids[@]}"; do wait "$p" || { echo "FAIL a concurrent ingest failed"; cat "$tmp"/ingest-*.log | grep -v "^tests/" | head; fail=1; }; done
for t in documents events mentions unresolved; do
  same "concurrent ingest: $t as one ingest stores them" \
    "$(sqlite3 "$tmp/one.db" "SELECT count(*) FROM $t")" "$(sql "$team" "SELECT count(*) FROM $t")"
done
# Each telling by its words and the event it is stored under: code and the two sides. The sides
# of an event two tellings give either way round (a symmetric act: talks, an agreement) are
# those of the telling stored first, which depends on the order of ingest: compared as a pair.
tellings="SELECT d.path || ' ' || m.span_begin || ' ' || m.span_end || ' ' || e.code || ' ' || CASE WHEN e.target < e.source THEN e.target || ' ' || e.source ELSE e.source || ' ' || e.target END FROM mentions m JOIN documents d ON d.id = m.document_id JOIN events e ON e.id = m.event_id ORDER BY 1"
same "concurrent ingest: every telling once, coded the same" \
  "$(sqlite3 "$tmp/one.db" "$tellings" | sha256sum)" "$(sql "$team" "$tellings" | sha256sum)"
same "concurrent ingest: no document twice" "0" \
  "$(sql "$team" "SELECT count(*) FROM (SELECT sha256 FROM documents GROUP BY sha256 HAVING count(*) > 1) x")"

# 3. kill -9 while ingesting into PostgreSQL: what is stored of a document is all of it.
for f in "${docs[@]}"; do
  "$dyad" code --format jsonl "$f" 2> /dev/null |
    python3 -c 'import json,sys; print(sum(len(json.loads(l)["mentions"]) for l in sys.stdin))' > "$tmp/$(basename "$f").told"
done
killed=$(newdb killed)
partial=0
for i in $(seq 1 ${PG_KILLS:-10}); do
  "$dyad" ingest --db "$killed" "${docs[@]}" > /dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 9 + 1))"
  kill -9 "$pid" 2> /dev/null
  wait "$pid" 2> /dev/null
  while IFS='|' read -r path n; do
    told=$(cat "$tmp/$(basename "$path").told")
    [ "$n" = "$told" ] || { echo "kill $i: $path has $n of $told tellings"; partial=1; }
  done < <(sql "$killed" "SELECT d.path, (SELECT count(*) FROM mentions m WHERE m.document_id = d.id) FROM documents d")
done
"$dyad" ingest --db "$killed" "${docs[@]}" > /dev/null 2>&1
same "kill -9 during ingest (${PG_KILLS:-10} kills): no partial document" 0 "$partial"
same "kill -9 then a re-run: the store one ingest gives" \
  "$(sqlite3 "$tmp/one.db" "$tellings" | sha256sum)" "$(sql "$killed" "$tellings" | sha256sum)"

# 4. dyad migrate: SQLite into PostgreSQL and back.
"$dyad" unga import --db "$tmp/one.db" data/unga/votes.tsv > /dev/null 2>&1
moved=$(newdb moved)
out=$("$dyad" migrate --from "$tmp/one.db" --to "$moved" 2>&1)
check "migrate into PostgreSQL" "copied into" "$out"
"$dyad" migrate --from "$moved" --to "$tmp/back.db" > "$tmp/back.txt" 2>&1
same "migrate: the same rows per table both ways" "$(echo "$out" | grep rows)" "$(grep rows "$tmp/back.txt")"
for q in "events --format jsonl" "chronology --between PRK RUS --year 2024" "unga align --year 2023"; do
  same "migrate: dyad $q the same from SQLite, PostgreSQL and back" \
    "$("$dyad" $q --db "$tmp/one.db" 2>&1 | sha256sum)" \
    "$("$dyad" $q --db "$moved" 2>&1 | sha256sum)"
  same "migrate back: dyad $q" "$("$dyad" $q --db "$tmp/one.db" 2>&1 | sha256sum)" \
    "$("$dyad" $q --db "$tmp/back.db" 2>&1 | sha256sum)"
done
out=$("$dyad" migrate --from "$tmp/one.db" --to "$moved" 2>&1); rc=$?
check "migrate into a store that holds rows: refused" "a store is copied into a new, empty one" "$out"
same "migrate refused: exit 2" 2 "$rc"
# The ids carry on after the copied ones: a new document ingests.
printf '2024년 6월 19일 김정은 국무위원장은 평양에서 푸틴 대통령과 회담했다.\n' > "$tmp/new.txt"
out=$("$dyad" ingest --db "$moved" "$tmp/new.txt" 2>&1)
check "after a migrate, a new document is stored after the copied ones" "document $(( $(sqlite3 "$tmp/one.db" "SELECT max(id) FROM documents") + 1 ))" "$out"

# 5. dyad serve on the team's store: the API counts what the CLI lists.
"$dyad" serve --db "$team" --listen 127.0.0.1:0 --web "" > "$tmp/serve.log" 2>&1 &
spid=$!
url=
for _ in $(seq 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$tmp/serve.log" | head -1)
  [ -n "$url" ] && break
  sleep 0.1
done
served=$(python3 -c 'import json,sys,urllib.request; print(json.load(urllib.request.urlopen(sys.argv[1] + "api/v1/events?between=PRK,RUS&limit=1"))["total"])' "$url" 2>&1)
kill "$spid"; wait "$spid" 2> /dev/null
[[ "$served" =~ ^[1-9][0-9]*$ ]] || { echo "FAIL dyad serve on PostgreSQL answered: $served"; fail=1; }
same "dyad serve on PostgreSQL: the API's PRK–RUS events are the CLI's" \
  "$("$dyad" events --db "$team" --between PRK RUS --format jsonl | wc -l)" "$served"

# 6. Clear errors.
empty=$(newdb empty)
out=$("$dyad" events --db "$empty" 2>&1); rc=$?
check "an empty database: no store there" "no dyad store in this database" "$out"
same "an empty database: exit 2" 2 "$rc"
out=$("$dyad" events --db "postgresql://who:hunter2@%2Fnowhere/x" 2>&1)
check "no server: cannot connect" "cannot connect" "$out"
case "$out" in *hunter2*) echo "FAIL the password shown: $out"; fail=1 ;; *) echo "ok   the password is never shown" ;; esac
exit $fail
