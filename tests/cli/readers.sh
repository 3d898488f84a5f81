#!/usr/bin/env bash
# Exports read as analysts read them: pandas, told the Table Schema's types, reads `code` as text
# and `date` as a date from the CSV; openpyxl reads dates as dates and `code` as text from the
# XLSX; --bom opens the CSV with a byte-order mark.
set -uo pipefail
dyad=$1 tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp"
py=python3
[ -x /usr/bin/python3 ] && py=/usr/bin/python3  # Debian's, with python3-pandas and -openpyxl
"$dyad" ingest --db "$tmp/t.db" tests/corpus/ko/brief-2024-dprk-russia.txt > /dev/null 2>&1 || exit 1
"$dyad" export --db "$tmp/t.db" --out "$tmp/events.csv" --bom 2>/dev/null || exit 1
"$dyad" export --db "$tmp/t.db" --out "$tmp/events.xlsx" 2>/dev/null || exit 1
"$py" - "$tmp" <<'PY'
import json, sys, datetime
import pandas as pd, openpyxl
tmp = sys.argv[1]
fail = False
def check(name, ok):
    global fail
    print(("ok   " if ok else "FAIL ") + name)
    fail |= not ok
pkg = json.load(open(f"{tmp}/events.datapackage.json", encoding="utf-8"))
res = pkg["resources"][0]
fields = res["schema"]["fields"]
check("the package names the CSV", res["path"] == "events.csv")
kinds = {"string": str, "integer": "Int64", "number": float}
dtype = {f["name"]: kinds[f["type"]] for f in fields if f["type"] in kinds}
dates = [f["name"] for f in fields if f["type"] == "date"]
df = pd.read_csv(f"{tmp}/events.csv", dtype=dtype, parse_dates=dates, keep_default_na=False,
                 encoding=res["encoding"])
check("CSV: code is text", df["code"].map(lambda c: isinstance(c, str) and len(c) >= 3).all())
check("CSV: a code with a leading zero keeps it", (df["code"].str.startswith("0")).any())
check("CSV: date is a date", str(df["date"].dtype).startswith("datetime64"))
check("CSV: the BOM is read as the encoding says", df.columns[0] == "id")
raw = open(f"{tmp}/events.csv", "rb").read(3)
check("CSV: --bom writes a byte-order mark", raw == b"\xef\xbb\xbf")
wb = openpyxl.load_workbook(f"{tmp}/events.xlsx")
ws = wb["events"]
header = [c.value for c in ws[1]]
row = [c.value for c in ws[2]]
cell = dict(zip(header, row))
check("XLSX: date is a date", isinstance(cell["date"], datetime.datetime))
check("XLSX: code is text", isinstance(cell["code"], str))
check("XLSX: goldstein is a number", isinstance(cell["goldstein"], (int, float)))
sys.exit(1 if fail else 0)
PY
