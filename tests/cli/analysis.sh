#!/usr/bin/env bash
# dyad series over a store of our Korean briefs and over one of GDELT rows: periods with no events
# are zero rows, dyads side by side, every format, the 2024 rise of North Korea–Russia.
set -uo pipefail
dyad=$1 tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp"
export DYAD_LEXICON=
fail=0
check() { if [[ "$3" == *"$2"* ]]; then echo "ok   $1"; else echo "FAIL $1: expected '$2' in: $3"; fail=1; fi; }
db=$tmp/ko.db
# Our Korean corpus together: the bundled briefs and statements, and the 2023 dev brief.
"$dyad" ingest --db "$db" tests/corpus/ko/*.txt tests/corpus/ko-statements/*.txt ../shared/corpus/ko/*.txt > /dev/null 2>&1 || fail=1
csv=$("$dyad" series --db "$db" --between 북한 러시아 --by year --from 2023 --to 2024 --format csv)
check "csv header" "a,b,period,begin,end,events,forward,backward,goldstein_sum,goldstein_mean,cooperation,conflict,quad1,quad2,quad3,quad4" "$csv"
python3 - "$csv" <<'PY' || fail=1
import csv, io, sys
rows = {r["period"]: r for r in csv.DictReader(io.StringIO(sys.argv[1]))}
y23, y24 = int(rows["2023"]["events"]), int(rows["2024"]["events"])
assert y24 > y23 > 0, (y23, y24)
for r in rows.values():
    assert int(r["events"]) == int(r["forward"]) + int(r["backward"])
    assert int(r["events"]) == sum(int(r[f"quad{i}"]) for i in range(1, 5))
print(f"ok   North Korea–Russia rises from {y23} events in 2023 to {y24} in 2024")
PY
out=$("$dyad" series --db "$db" --between PRK RUS --by month --from 2020-01 --to 2020-03 --format csv)
[ "$(echo "$out" | grep -c ',0,0,0,')" -eq 3 ] && echo "ok   months without events are zero rows" ||
  { echo "FAIL zero rows: $out"; fail=1; }
out=$("$dyad" series --db "$db" --between PRK RUS --and PRK CHN --by quarter --from 2023 --to 2024)
check "dyads side by side" "PRK–RUS events" "$out"
check "the second dyad beside the first" "PRK–CHN events" "$out"
[ "$(echo "$out" | grep -c '^202[34]-Q')" -eq 8 ] && echo "ok   eight quarters, one row each" || { echo "FAIL quarters: $out"; fail=1; }
out=$("$dyad" series --db "$db" --between PRK RUS --by year --share --format json)
python3 -c 'import json,sys; r=json.loads(sys.argv[1]); assert all(0 <= x["share_a"] <= 1 for x in r); print("ok   json with shares between 0 and 1")' "$out" || fail=1
out=$("$dyad" series --db "$db" --between PRK RUS --measure goldstein --format markdown --by year)
check "markdown with the goldstein measure" "| goldstein_sum |" "$out"
out=$("$dyad" series --db "$db" --between PRK XYZ 2>&1); code=$?
check "an unknown side is named" "'XYZ' is no state or organisation" "$out"
[ "$code" -eq 2 ] && echo "ok   unknown side: exit 2" || { echo "FAIL exit $code"; fail=1; }
out=$("$dyad" series --db "$db" --between PRK BRA 2>&1)
check "no events says so" "no stored events between these sides" "$out"
out=$("$dyad" series --db "$db" --between PRK RUS --by fortnight 2>&1); code=$?
[ "$code" -eq 2 ] && echo "ok   an unknown period is a usage error" || { echo "FAIL --by exit $code"; fail=1; }
gdelt=../shared/data/gdelt/gdelt1-events-sample-20160728.tsv
if [ -f "$gdelt" ]; then
  "$dyad" import --db "$tmp/g.db" "$gdelt" > /dev/null 2>&1 || fail=1
  out=$("$dyad" series --db "$tmp/g.db" --between USA RUS --by week --from 2016-07 --to 2016-07 --format csv)
  check "a series over imported GDELT events" "USA,RUS,2016-W30" "$out"
  python3 -c '
import csv, io, sys
rows = list(csv.DictReader(io.StringIO(sys.argv[1])))
assert len(rows) == 5 and sum(int(r["events"]) for r in rows) > 0, rows
print("ok   GDELT: five weeks of July 2016, the events in the week of 28 July")' "$out" || fail=1
  out=$("$dyad" network --db "$tmp/g.db" --min-events 3 --format csv)
  check "a network over imported GDELT events" "a,b,events,cooperation,conflict,weight,trend" "$out"
  [ "$(echo "$out" | wc -l)" -gt 3 ] && echo "ok   GDELT network has edges" || { echo "FAIL GDELT network: $out"; fail=1; }
  out=$("$dyad" triangle USA RUS CHN --db "$tmp/g.db")
  check "a triangle over imported GDELT events" "Triangle USA–RUS–CHN:" "$out"
  check "its evidence names the source URL" "evidence (RUS–USA): 2016-07-28 USA→RUS 163 http://" "$out"
  # GDELT rows of the sample dated again over two years: two USA–RUS events a month in 2015,
  # nine a month in 2016. The planted rise is found in the month it begins.
  python3 - "$gdelt" > "$tmp/planted.tsv" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
pair = [r for r in rows if {r[7], r[17]} == {"USA", "RUS"}]
eid = 900000000
for year, per_month in ((2015, 2), (2016, 9)):
    for month in range(1, 13):
        for k in range(per_month):
            r = list(pair[k % len(pair)])
            eid += 1
            r[0], r[1], r[2], r[3] = str(eid), f"{year}{month:02d}{k % 27 + 1:02d}", f"{year}{month:02d}", str(year)
            r[4] = f"{year + (month - 1) / 12:.4f}"
            print("\t".join(r))
PY
  "$dyad" import --db "$tmp/gp.db" "$tmp/planted.tsv" > /dev/null 2>&1 || fail=1
  out=$("$dyad" changes --db "$tmp/gp.db" --between USA RUS --by month --format csv)
  check "a planted rise in imported GDELT events, found in its month" "2016-01,2016-01-01,up,2,9,7," "$out"
  [ "$(echo "$out" | wc -l)" -eq 2 ] && echo "ok   and no other shift" || { echo "FAIL GDELT shifts: $out"; fail=1; }
fi
# The series as a chart: one line per dyad, level shifts marked, the title naming the data.
"$dyad" series --db "$db" --between PRK RUS --and PRK CHN --by quarter --from 2019 --to 2024 --format svg > "$tmp/series.svg"
python3 - "$tmp/series.svg" <<'PY' || fail=1
import sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
texts = [t.text or "" for t in root.iter(ns + "text")]
assert len(root.findall(ns + "polyline")) == 2, "one line per dyad"
assert any("shift 2023-Q3" in t for t in texts), texts
assert any(t.startswith("Events by quarter, 2019-01-01 to 2024-12-31") for t in texts), texts
assert "PRK–RUS" in texts and "PRK–CHN" in texts, texts
print("ok   the series chart: two lines, the 2023-Q3 shift marked, the title and the legend")
PY
# The tone as a chart: the mean Goldstein weight, broken where a quarter has no events, its
# shift marked.
"$dyad" series --db "$db" --between KOR PRK --by quarter --from 2017 --measure goldstein --format svg > "$tmp/tone.svg"
python3 - "$tmp/tone.svg" <<'PY' || fail=1
import sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
texts = [t.text or "" for t in root.iter(ns + "text")]
assert any(t.startswith("Tone (mean Goldstein weight) by quarter") for t in texts), texts
assert any("shift 2019-Q1" in t for t in texts), texts
dots = root.findall(ns + "circle")
assert len(dots) >= 5 and len(root.findall(ns + "polyline")) >= 2, (len(dots), "a line broken at the gap")
print(f"ok   the tone chart: {len(dots)} quarters with events, broken at the gap, the shift marked")
PY
# Change points on a real series: North Korea–Russia rises in the third quarter of 2023 (the
# Russian defence minister's visit in July, the Vostochny summit in September).
out=$("$dyad" changes --db "$db" --between PRK RUS --by quarter --from 2019 --to 2024 --format csv)
check "a level shift up in 2023-Q3" "2023-Q3,2023-07-01,up," "$out"
check "with the events of its first period as evidence" "7/25~7/27 쇼이구" "$out"
[ "$(echo "$out" | wc -l)" -eq 2 ] && echo "ok   one shift in six years" || { echo "FAIL shifts: $out"; fail=1; }
# The tone: inter-Korean relations turn from the 2018 summits' cooperation to conflict. Our
# corpus has no inter-Korean events from 2019 to early 2022, so the shift is given as a range.
out=$("$dyad" changes --db "$db" --between KOR PRK --by quarter --measure goldstein --format csv)
check "a shift of tone down between the summits and 2022" "2019-Q1…2022-Q2,2019-01-01,down," "$out"
check "its evidence the most conflictual events first" "2022-05-25 KOR→PRK 150" "$out"
out=$("$dyad" changes --db "$db" --between PRK RUS --by quarter --measure goldstein 2>&1)
check "a steady tone: no shift, said so" "no shift of tone found in 23 periods" "$out"
out=$("$dyad" changes --db "$db" --between PRK RUS --by year --from 2024 --to 2024 2>&1)
check "too short a series: no shift, said so" "no level shift found in 1 periods" "$out"
# The alignment network of our corpus: the camps of the North Korea brief.
out=$("$dyad" network --db "$db" --format csv)
check "network edges as CSV, with the events behind each" "a,b,events,cooperation,conflict,weight,trend,evidence" "$out"
# The events behind the PRK–RUS edge are stored events between the two, the weightiest first.
ids=$(echo "$out" | awk -F, '$1 == "PRK" && $2 == "RUS" {print $8}')
args=(); for id in $ids; do args+=(--id "$id"); done
[ "${#args[@]}" -eq 6 ] && echo "ok   three events behind the PRK–RUS edge" || { echo "FAIL evidence ids: '$ids'"; fail=1; }
behind=$("$dyad" events --db "$db" "${args[@]}" --format jsonl)
python3 -c '
import json, sys
ev = [json.loads(l) for l in sys.argv[1].splitlines()]
assert len(ev) == 3, ev
for e in ev:
    assert {e["source"][:3], e["target"][:3]} == {"PRK", "RUS"}, e
    assert e["evidence"], e
print("ok   each is a PRK–RUS event with its words (dyad events --id)")' "$behind" || fail=1
out=$("$dyad" events --db "$db" --id ev-none 2>&1); code=$?
check "an unknown event id is named" "no stored event 'ev-none'" "$out"
[ "$code" -eq 1 ] && echo "ok   unknown event id: exit 1" || { echo "FAIL --id exit $code"; fail=1; }
out=$("$dyad" network --db "$db" --format markdown)
python3 - "$out" <<'PY' || fail=1
import re, sys
bloc = {m.group(1): m.group(2) for m in re.finditer(r"^\| ([A-Z]{3}) \| (\d+) \|", sys.argv[1], re.M)}
assert bloc["PRK"] == bloc["RUS"] and bloc["KOR"] == bloc["USA"] and bloc["PRK"] != bloc["KOR"], bloc
print("ok   network blocs: PRK with RUS, KOR with USA, apart")
PY
"$dyad" network --db "$db" --format graphml > "$tmp/net.graphml" && "$dyad" network --db "$db" --format gexf > "$tmp/net.gexf"
python3 -c '
import sys, xml.etree.ElementTree as ET
g = ET.parse(sys.argv[1]).getroot(); x = ET.parse(sys.argv[2]).getroot()
ns = {"g": "http://graphml.graphdrawing.org/xmlns", "x": "http://gexf.net/1.3"}
assert len(g.findall(".//g:node", ns)) > 5 and len(x.findall(".//x:edge", ns)) > 5
ev = [d.text for d in g.findall(".//g:edge/g:data[@key=\"evidence\"]", ns)]
assert ev and all(t and t.startswith("ev-") for t in ev), ev
bt = {n.get("id"): float(n.find("g:data[@key=\"betweenness\"]", ns).text) for n in g.findall(".//g:node", ns)}
assert max(bt.values()) > 0 and all(0 <= v <= 1 for v in bt.values()), bt
print("ok   GraphML and GEXF parse, with the nodes, edges, betweenness and evidence")' "$tmp/net.graphml" "$tmp/net.gexf" || fail=1
"$dyad" network --db "$db" --format svg > "$tmp/net.svg"
python3 - "$tmp/net.svg" <<'PY' || fail=1
import sys, xml.etree.ElementTree as ET
ns = "{http://www.w3.org/2000/svg}"
root = ET.parse(sys.argv[1]).getroot()
circles, lines = root.findall(ns + "circle"), root.findall(ns + "line")
dashed = [l for l in lines if l.get("stroke-dasharray")]
colours = {c.get("fill") for c in circles}
assert len(circles) == 8 and len(lines) == 17 and dashed and len(colours) == 2, (len(circles), len(lines), colours)
print("ok   the network drawing: 8 states in 2 bloc colours, 17 edges, conflict dashed")
PY
out=$("$dyad" network --db "$db" --min-events 1000 2>&1)
check "no pair with enough events says so" "no pair of states with 1000 events or more" "$out"
# Triangles: the ROK–US–Japan triad and the unbalanced triads of the network.
out=$("$dyad" triangle 미국 한국 일본 --db "$db")
check "a triangle names its balance" "Triangle USA–KOR–JPN: balanced" "$out"
check "and its weakest link, with evidence" "weakest (lowest weight)" "$out"
check "evidence events of the weakest link" "evidence (" "$out"
"$dyad" triangle USA KOR JPN --db "$db" --format svg > "$tmp/tri.svg"
python3 -c '
import sys, xml.etree.ElementTree as ET
r = ET.parse(sys.argv[1]).getroot(); ns = "{http://www.w3.org/2000/svg}"
texts = [t.text or "" for t in r.iter(ns + "text")]
assert len(r.findall(ns + "circle")) == 3 and len(r.findall(ns + "line")) == 3
assert texts[0].startswith("USA–KOR–JPN: balanced") and any("(weakest)" in t for t in texts), texts
print("ok   the triangle drawing: three states, three labelled edges, the weakest marked")' "$tmp/tri.svg" || fail=1
out=$("$dyad" triangle --all --db "$db" --format csv)
check "the unbalanced triads of the network" "CHN,KOR,PRK" "$out"
out=$("$dyad" triangle USA KOR --db "$db" 2>&1); code=$?
[ "$code" -eq 2 ] && echo "ok   two states are a usage error" || { echo "FAIL triangle with two states: exit $code"; fail=1; }
# UN General Assembly votes: the shipped roll calls, and what is known of them.
u=$tmp/unga.db
out=$("$dyad" unga import --db "$u" data/unga/votes.tsv 2>&1)
check "the shipped roll calls import whole" "13 resolutions, 2509 votes read, 2509 new" "$out"
out=$("$dyad" unga import --db "$u" data/unga/votes.tsv 2>&1)
check "importing them again adds nothing" "2509 votes read, 0 new" "$out"
no=$("$dyad" unga votes --db "$u" --resolution A/RES/ES-11/1 --format csv | awk -F, '$4 == "N" {print $3}' | sort | tr '\n' ' ')
[ "$no" = "BLR ERI PRK RUS SYR " ] && echo "ok   ES-11/1: the five no votes were RUS, BLR, PRK, ERI, SYR" || { echo "FAIL ES-11/1 no votes: $no"; fail=1; }
ukraine="--resolution A/RES/ES-11 --resolution A/RES/68/262 --resolution A/RES/79/184"
prk=$("$dyad" unga agreement PRK RUS $ukraine --db "$u" --format csv | tail -1 | cut -d, -f5)
kor=$("$dyad" unga agreement 한국 러시아 $ukraine --db "$u" --format csv | tail -1 | cut -d, -f5)
python3 -c "import sys; p, k = float(sys.argv[1]), float(sys.argv[2]); assert p > k, (p, k); print(f'ok   on the Ukraine votes PRK agrees with RUS ({p:.3f}) more than KOR does ({k:.3f})')" "$prk" "$kor" || fail=1
blocs=$("$dyad" unga blocs --k 2 --db "$u" --format csv)
python3 - "$blocs" <<'PY' || fail=1
import csv, io, sys
bloc = {r["state"]: r["bloc"] for r in csv.DictReader(io.StringIO(sys.argv[1]))}
assert bloc["PRK"] == bloc["RUS"] and bloc["KOR"] == bloc["USA"] and bloc["PRK"] != bloc["KOR"], bloc
print("ok   two blocs: PRK with RUS, KOR with USA")
PY
top=$("$dyad" unga align --with 러시아 --top 2 --db "$u" --format csv | tail -2 | cut -d, -f2 | sort | tr '\n' ' ')
[ "$top" = "BLR PRK " ] && echo "ok   who votes with Russia: Belarus and North Korea first" || { echo "FAIL align: $top"; fail=1; }
printf 'resolution\tdate\tcountry\tvote\nA/RES/ES-11/1\t2022-03-02\tPRK\tY\nX\tnot-a-date\tPRK\tN\nA/RES/1\t2022-01-01\tKOREA\tQ\n' > "$tmp/bad.tsv"
out=$("$dyad" unga import --db "$u" "$tmp/bad.tsv" 2>&1); code=$?
check "a bad row is named by line" "bad.tsv:3: date 'not-a-date' is not YYYY-MM-DD" "$out"
check "a stored vote contradicted fails the file" "A/RES/ES-11/1: PRK is stored as N, the file says Y; nothing of the file was stored" "$out"
[ "$code" -eq 1 ] && echo "ok   exit 1" || { echo "FAIL exit $code"; fail=1; }
out=$("$dyad" unga agreement PRK RUS --db "$tmp/ko.db" 2>&1)
check "no votes stored says what to do" "dyad unga import data/unga/votes.tsv" "$out"
exit $fail
