#!/usr/bin/env bash
# dyad burden through the CLI, from the shipped data: the 2025 status, Spain's gap to the Hague
# core pledge, JSON rows, an imported edition that coexists with the shipped ones, a malformed
# table refused with file:line and the store left unchanged, and a chart that is valid SVG.
set -uo pipefail
dyad=$1 tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp"
fail=0
check() { if [[ "$3" == *"$2"* ]]; then echo "ok   $1"; else echo "FAIL $1: expected '$2' in: $3"; fail=1; fi; }
export DYAD_DB=$tmp/none.db  # no store unless a test names one

out=$("$dyad" burden status --year 2025) || fail=1
check "Poland at 4.48%" "POL      Poland           2025   4.48" "$out"
check "three allies at 3.5%" "(hague-core): 3 of 30 with data (Poland, Lithuania, Latvia)" "$out"
check "all 30 with data at 2%" "(wales-2pct): 30 of 30 with data." "$out"
check "Germany no data" "No data (blank, or no figure yet for 2025, in the newest edition listing the country): Germany." "$out"
check "Iceland not reported" "Not reported (absent from every nato edition loaded): Iceland." "$out"
[ -e "$tmp/none.db" ] && { echo "FAIL a query created a store"; fail=1; }

out=$("$dyad" burden gap --pledge hague-core --country ESP) || fail=1
check "Spain's yearly rise" "it needs +0.150 percentage points a year for 10 years (the share growing 5.76% a year)" "$out"

"$dyad" burden status --year 2025 --format json > "$tmp/status.json" || fail=1
python3 - "$tmp/status.json" <<'PY' || fail=1
import json, sys
rows = json.load(open(sys.argv[1]))
assert len(rows) == 32, len(rows)
by = {r["country"]: r for r in rows}
assert abs(by["POL"]["share_gdp"] - 4.48) < 0.005 and by["POL"]["name"] == "Poland"
assert by["POL"]["year"] == 2025 and by["POL"]["meets"]["hague-core"] is True
assert by["DEU"]["share_gdp"] is None and by["DEU"]["status"] == "no data"
assert by["ISL"]["status"] == "not reported"
assert sum(1 for r in rows if r["meets"]["hague-core"]) == 3
print("ok   status as JSON rows")
PY
"$dyad" burden gap --pledge hague-core --country ESP --format csv > "$tmp/gap.csv" || fail=1
check "gap as CSV" "ESP,Spain,hague-core,3.5,2035,2025,2.000015259,true,nato-2025-08,nato,reported,1.499984741,10,0.1499984741" "$(cat "$tmp/gap.csv")"

# A newer NATO table imported into a store: the newest edition wins, the shipped one stays.
cat > "$tmp/nato-2026.csv" <<'CSV'
"country","2024","2025","2026e"
"Poland",3.9,4.5,4.7
"Germany",2.0,2.4,2.8
CSV
db=$tmp/figures.db
out=$("$dyad" burden import "$tmp/nato-2026.csv" --db "$db" --edition nato-2026-06 --published 2026-06-20 --title "Defence Expenditure of NATO Countries (2014-2026)") || fail=1
check "import stored" "6 cells: 6 stored, 0 already held (new edition)" "$out"
out=$("$dyad" burden status --db "$db" --year 2025 --country POL,DEU) || fail=1
check "newest edition used" "DEU      Germany  2025   2.40  no    reported  nato-2026-06" "$out"
out=$("$dyad" burden status --db "$db" --year 2025 --country DEU --edition nato-2025-08) || fail=1
check "older edition on request" "no data" "$out"
out=$("$dyad" burden revisions --db "$db" --country POL --year 2024) || fail=1
check "revisions across editions" "Poland 2024, nato basis: 4.12 (nato-2024-06) → 4.07 (nato-2025-04) → 3.79 (nato-2025-08) → 3.90 (nato-2026-06)." "$out"

# A revised table under the same edition id is refused; a malformed table names its line.
cat > "$tmp/revised.csv" <<'CSV'
"country","2025"
"Poland",4.6
CSV
"$dyad" burden import "$tmp/revised.csv" --db "$db" --edition nato-2026-06 --published 2026-06-20 2> "$tmp/err" && { echo "FAIL overwrite accepted"; fail=1; }
check "an edition is never overwritten" "never overwritten" "$(cat "$tmp/err")"
cat > "$tmp/bad.csv" <<'CSV'
"country","2024","2025"
"Spain",1.4,2.0
"Atlantis",1.0,1.1
"France",2.0,two
CSV
"$dyad" burden import "$tmp/bad.csv" --db "$db" --edition bad-1 --published 2026-07-01 2> "$tmp/err"
rc=$?
[ $rc -eq 1 ] || { echo "FAIL malformed import exit $rc"; fail=1; }
check "unknown country named with its line" "bad.csv:3: unknown country 'Atlantis'" "$(cat "$tmp/err")"
check "malformed cell named with its line" "bad.csv:4: France, 2025: 'two' is not a number" "$(cat "$tmp/err")"
out=$("$dyad" burden editions --db "$db") || fail=1
[[ "$out" == *bad-1* ]] && { echo "FAIL a refused table left an edition"; fail=1; }
"$dyad" burden editions --db "$db" --format json > "$tmp/editions.json" || fail=1
python3 - "$tmp/editions.json" <<'PY' || fail=1
import json, sys
eds = {e["edition"]: e for e in json.load(open(sys.argv[1]))}
assert eds["nato-2026-06"]["shipped"] is False and eds["nato-2026-06"]["cells"] == 6, eds["nato-2026-06"]
assert eds["nato-2025-08"]["shipped"] is True and eds["nato-2025-08"]["published"] == "2025-08-28"
print("ok   editions as JSON, imported beside shipped")
PY
"$dyad" burden import "$tmp/nato-2026.csv" --db "$db" --edition nato-2025-08 --published 2026-06-20 2> "$tmp/err" && { echo "FAIL a shipped edition id accepted"; fail=1; }
check "shipped ids are reserved" "is an edition dyad ships" "$(cat "$tmp/err")"

# Bad flags: a clear message and a non-zero exit, never an empty answer.
"$dyad" burden status --year 1800 2> "$tmp/err" && { echo "FAIL --year 1800 accepted"; fail=1; }
check "a year without figures is refused" "--year 1800: the nato share_gdp figures run from 2014 to 2025" "$(cat "$tmp/err")"
"$dyad" burden gap --pledge hague-core --edition sipri-2025-04 2> "$tmp/err" && { echo "FAIL a SIPRI edition for a NATO pledge"; fail=1; }
check "an edition of another basis is refused" "is on the sipri basis; hague-core is measured on nato figures" "$(cat "$tmp/err")"
"$dyad" burden status --db "$tmp/missing.db" 2> "$tmp/err" && { echo "FAIL a missing store accepted"; fail=1; }
[ -e "$tmp/missing.db" ] && { echo "FAIL a query with --db created the store"; fail=1; }
check "a missing store is named" "missing.db: no store there" "$(cat "$tmp/err")"
"$dyad" burden gap --pledge nato-6pct 2> "$tmp/err" && { echo "FAIL unknown pledge"; fail=1; }
check "an unknown pledge lists the known ones" "--pledge: no pledge 'nato-6pct' (known: wales-2pct" "$(cat "$tmp/err")"
out=$("$dyad" burden gap --pledge wales-2pct --country ESP) || fail=1
check "a passed deadline is judged on its year" "Spain stood at 1.43% of GDP in 2024 (estimate), nato basis: the target was not met by the deadline, 2024." "$out"

"$dyad" burden chart --country POL,ESP,KOR --pledge hague-core -o "$tmp/c.svg" 2> "$tmp/err" && { echo "FAIL KOR has no NATO figures"; fail=1; }
check "a country without figures is named" "South Korea: no figures on the nato basis" "$(cat "$tmp/err")"
"$dyad" burden chart --country POL,ESP,DEU --pledge hague-core -o "$tmp/c.svg" || fail=1
python3 - "$tmp/c.svg" <<'PY' || fail=1
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = "{http://www.w3.org/2000/svg}"
assert root.tag == ns + "svg", root.tag
groups = [g for g in root.iter(ns + "g") if g.get("class") == "country"]
assert [g.get("data-country") for g in groups] == ["POL", "ESP", "DEU"]
assert any(g.get("class") == "pledge" for g in root.iter(ns + "g"))
print("ok   chart is valid SVG")
PY
exit $fail
