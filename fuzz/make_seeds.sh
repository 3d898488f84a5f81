#!/usr/bin/env bash
# Writes each fuzz target's seed corpus (fuzz/seeds/<target>/) from dyad's own files: its test
# documents, dictionaries, burden tables, and events it coded and exported itself. Committed;
# run again when the formats change: fuzz/make_seeds.sh build/dyad build/tests/dyad_make_pdf
set -euo pipefail
dyad=$1 make_pdf=$2
cd "$(dirname "$0")/.."
out=fuzz/seeds
rm -rf "$out" && mkdir -p "$out"/{fuzz_code,fuzz_english,fuzz_tsv,fuzz_pdf,fuzz_markup,fuzz_events,fuzz_csv,fuzz_petrarch,fuzz_burden,fuzz_tabari}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export DYAD_LEXICON=
# Documents: the first 4 KB of each brief and wire story (libFuzzer works on short inputs).
for f in tests/corpus/ko/*.txt tests/corpus/ko-statements/*.txt; do head -c 4096 "$f" > "$out/fuzz_code/$(basename "$f")"; done
for f in tests/corpus/en/*.txt; do head -c 4096 "$f" > "$out/fuzz_english/$(basename "$f")"; done
for f in data/lexicon/*.tsv; do head -n 40 "$f" > "$out/fuzz_tsv/$(basename "$f")"; done
for f in tests/corpus/ko/brief-2024-dprk-russia.txt tests/corpus/en/wire-2024-russia-dprk.txt; do
  head -n 12 "$f" > "$tmp/short.txt"
  "$make_pdf" "$tmp/short.txt" "$out/fuzz_pdf/$(basename "$f" .txt).pdf"
done
printf '<!doctype html><html lang="ko"><head><meta property="article:published_time" content="2024-06-19"><title>북러</title></head><body><nav>메뉴</nav><article><h1>북러 정상회담</h1><p>2024년 6월 19일 푸틴 대통령이 평양을 방문해 김정은 국무위원장과 회담했다.</p><table><tr><td>6/19</td><td>북러 조약 서명</td></tr></table></article><footer>끝</footer></body></html>\n' > "$out/fuzz_markup/page.html"
# Events dyad coded from its own corpus, exported in each format; the first byte picks the
# reader in fuzz_events (0 GDELT 1.0, 1 GDELT 2.0, 2 ICEWS, 3 JSON Lines, 4 CSV, 5 XLSX).
"$dyad" ingest --db "$tmp/s.db" tests/corpus/ko/brief-2024-dprk-russia.txt > /dev/null
i=0
for fmt in gdelt gdelt2 icews jsonl csv xlsx; do
  "$dyad" export --db "$tmp/s.db" --format $fmt --out "$tmp/e.$fmt" > /dev/null 2>&1
  { printf "\\x0$i"; if [ $fmt = xlsx ]; then cat "$tmp/e.$fmt"; else head -n 6 "$tmp/e.$fmt"; fi; } > "$out/fuzz_events/events-$fmt"
  i=$((i + 1))
done
head -n 8 "$tmp/e.csv" > "$out/fuzz_csv/events.csv"
head -n 12 data/burden/nato-2025-08-share-of-gdp.csv > "$out/fuzz_csv/nato.csv"
# PETRARCH dictionaries: the first byte picks the role (0 verbs, 1 actors, 2 agents, 3 discards).
for f in data/en/*.txt; do
  [ -f "$f" ] || continue
  { printf '\x00'; head -n 60 "$f"; } > "$out/fuzz_petrarch/verbs-$(basename "$f")"
  { printf '\x01'; head -n 60 "$f"; } > "$out/fuzz_petrarch/actors-$(basename "$f")"
done
for f in data/burden/nato-2025-08-share-of-gdp.csv data/burden/nato-2025-04-quoted.csv; do
  { printf 'W'; cat "$f"; } > "$out/fuzz_burden/$(basename "$f")"
done
du -sh "$out"
# TABARI dictionaries: the first byte picks the role (0 verbs, 1 actors, 2 agents, 3 options,
# 4 a sentence); dyad's own small files in TABARI's formats, from its CLI test.
{ printf '\x00'; printf 'RESTOR [064]\n- * FULL_TIES [065]\n- NOT_* [111]\nLEFT_ [032:033]\n{ LEAVING_ }\nGIVE [070]\n- * { FOOD | WATER_SUPPLIES } [073]\n- $ * + HELP [074]\n- ^ WAS * BY + [075!]\n'; } > "$out/fuzz_tabari/verbs"
{ printf '\x00'; printf '<SYNSETS>\n&MONEY\n+DOLLARS\n+GOLD_COINS\n</SYNSETS>\n<TIME>\nYESTERDAY [-1]\n</TIME>\nGIVE [070]\n- * &MONEY [071]\nSAID [010?]\n'; } > "$out/fuzz_tabari/synsets"
{ printf '\x01'; printf '<NOUN>\nTALKS\n</NOUN>\nVALDOR [VAL]\nKESTRIA_ [KES]\nMORVEN= [MOR]\nTOLLIN\n+TOLLINBERG\n\t[TOLGOV 010101-101231]\n\t[TOL]\nOLD_CAPITAL [OLD <050101] [---]\nTHE_ISLES [ISA/ISB]\nCARNIVAL [###]\n'; } > "$out/fuzz_tabari/actors"
{ printf '\x02'; printf 'MINISTER [~GOV]\nAID_WORKERS [NGO~]\n'; } > "$out/fuzz_tabari/agents"
{ printf '\x03'; printf 'COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR\nCOMMA: MIN=1 MAX=8 EMIN=3 EMAX=10\nSET: CODE BY SENTENCE\nDEFAULT: SOURCE [USA] PRIOR TARGET [WLD] AFTER\n'; } > "$out/fuzz_tabari/options"
{ printf '\x04'; printf 'Valdor, Kestria and Ashgate met yesterday; the minister said they gave dollars, and "food" (water supplies) to Tollinberg.'; } > "$out/fuzz_tabari/sentence"
