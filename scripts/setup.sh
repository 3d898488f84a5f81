#!/usr/bin/env bash
# Installs the Debian packages dyad's build and demo need, and with the argument `test` those its
# tests need too, then builds the dashboard (web/) into build/web. Idempotent: runs apt-get only
# when a package is missing, `apt-get update` at most once, npm and the dashboard's build only when
# their inputs changed.
#   scripts/setup.sh          # build and demo
#   scripts/setup.sh test     # and the tests
#   scripts/setup.sh fuzz     # and clang's libFuzzer (make fuzz)
set -euo pipefail

packages=(
  build-essential cmake make pkg-config   # toolchain
  libicu-dev                              # encodings (CP949/EUC-KR), normalisation, CLDR names
  libpoppler-cpp-dev                      # PDF text extraction
  libsqlite3-dev                          # the embedded event store
  libpq-dev                               # a team's store on PostgreSQL (--db postgresql://…)
  libcli11-dev                            # command-line parsing for the thin CLI
  libgtest-dev googletest                 # unit tests
  nlohmann-json3-dev                      # reading JSON Lines imports
  libxlsxwriter-dev                       # XLSX export (analysts live in Excel)
  libminizip-dev zlib1g-dev               # reading XLSX (a zip of XML parts)
  libexpat1-dev                           # XML: XLSX, DOCX and HWPX parts, PETRARCH validation records
  libxml2-dev                             # HTML pages (libxml2's forgiving HTML parser)
  libigraph-dev                           # the alignment network's blocs (spinglass, signed)
  libcpp-httplib-dev                      # dyad serve: the HTTP API
  python3                                 # ../shared/tools/score-events, test fixtures
)
if [ "${1:-}" = fuzz ]; then
  packages+=(clang)                       # libFuzzer and the sanitizers (scripts/fuzz.sh)
fi
if [ "${1:-}" = test ]; then
  packages+=(
    libreoffice-writer-nogui fonts-nanum  # renders the PDF layout fixtures (tests/pdf/libreoffice.sh)
    chromium                              # the dashboard in a real browser (tests/web/browser.sh)
    clang                                 # the fuzz targets must compile with Debian's clang
    python3-distributed                   # the cluster recipe on a local Dask cluster (tests/cluster)
    python3-pandas python3-openpyxl       # read exports as analysts do (tests/cli/readers.py)
    sqlite3                               # fills a store past a sheet's rows (tests/cli/exchange.sh)
    postgresql-15 postgresql-client-15    # throwaway clusters for the PostgreSQL store (tests/pg)
  )
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# Node.js and npm build the dashboard (web/). A machine with its own Node (nodesource, nvm) keeps
# it: only the commands are looked for.
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
  else
    SUDO=
  fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The dashboard: its packages from the npm registry at the versions package-lock.json pins (no
# browser is downloaded: the tests drive Debian's Chromium), then built into build/web, where
# `dyad serve` finds it beside the binary. Each step runs only when its inputs changed.
root=$(cd "$(dirname "$0")/.." && pwd)
web=$root/web
out=${DYAD_WEB_OUT:-$root/build/web}
if [ ! -d "$web/node_modules" ] || [ "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]; then
  echo "setup: installing the dashboard's packages (npm ci)"
  (cd "$web" && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -f "$out/app.js" ] || [ -n "$(find "$web/src" "$web/index.html" "$web/style.css" "$web/build.mjs" -newer "$out/app.js" 2> /dev/null | head -1)" ]; then
  (cd "$web" && DYAD_WEB_OUT="$out" node build.mjs)
fi
