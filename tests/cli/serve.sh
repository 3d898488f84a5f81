#!/usr/bin/env bash
# dyad serve as a process: it refuses an address other than loopback without a token, names a bad
# --listen, starts on a free port, answers, and stops cleanly on SIGTERM.
set -uo pipefail
dyad=$1 tmp=$2
rm -rf "$tmp" && mkdir -p "$tmp"
export DYAD_LEXICON=
fail=0
check() { if [[ "$3" == *"$2"* ]]; then echo "ok   $1"; else echo "FAIL $1: expected '$2' in: $3"; fail=1; fi; }
out=$("$dyad" serve --db "$tmp/s.db" --listen 0.0.0.0:0 2>&1); code=$?
check "another address needs a token" "needs a token" "$out"
[ "$code" -eq 2 ] && echo "ok   refused: exit 2" || { echo "FAIL exit $code"; fail=1; }
[ ! -e "$tmp/s.db" ] && echo "ok   nothing created when refused" || { echo "FAIL a store was created"; fail=1; }
out=$("$dyad" serve --db "$tmp/s.db" --listen nonsense 2>&1); code=$?
check "a bad --listen is named" "--listen" "$out"
[ "$code" -eq 2 ] && echo "ok   bad --listen: exit 2" || { echo "FAIL exit $code"; fail=1; }
printf 'letmein\n' > "$tmp/token"
"$dyad" serve --db "$tmp/s.db" --listen 127.0.0.1:0 --token-file "$tmp/token" --web "" > "$tmp/log" 2>&1 &
pid=$!
url=
for _ in $(seq 50); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$tmp/log" | head -1)
  [ -n "$url" ] && break
  sleep 0.1
done
check "it says where it serves" "http://127.0.0.1:" "$url"
python3 - "$url" <<'PY' || fail=1
import json, sys, urllib.request, urllib.error
url = sys.argv[1] + "api/v1/health"
try:
    urllib.request.urlopen(url)
    print("FAIL no token, yet answered"); sys.exit(1)
except urllib.error.HTTPError as e:
    assert e.code == 401, e.code
req = urllib.request.Request(url, headers={"Authorization": "Bearer letmein"})
j = json.load(urllib.request.urlopen(req))
assert j["ok"] and j["events"] == 0, j
print("ok   the token from --token-file is asked for and accepted")
PY
# Every path docs/openapi.yaml describes is served (no "no such resource").
python3 - "$url" docs/openapi.yaml <<'PY' || fail=1
import re, sys, urllib.request, urllib.error
base, spec = sys.argv[1] + "api/v1", open(sys.argv[2], encoding="utf-8").read()
paths = re.findall(r"^  (/[^:]*):", spec, re.M)
assert len(paths) >= 18, paths
for path in paths:
    p = path.replace("{id}", "1").replace("{report}", "pledges")
    post = path in ("/upload", "/corrections") and "get:" not in spec.split(path + ":")[1].split("\n  /")[0]
    req = urllib.request.Request(base + p, data=b"{}" if post else None,
                                 headers={"Authorization": "Bearer letmein"})
    try:
        urllib.request.urlopen(req)
    except urllib.error.HTTPError as e:
        body = e.read().decode()
        assert "no such resource" not in body, (path, body)
print(f"ok   the {len(paths)} paths of docs/openapi.yaml are served")
PY
kill -TERM "$pid"
wait "$pid"; code=$?
[ "$code" -eq 0 ] && echo "ok   SIGTERM stops it: exit 0" || { echo "FAIL exit $code after SIGTERM"; fail=1; }
check "and it says so" "dyad: stopped" "$(cat "$tmp/log")"
exit $fail
