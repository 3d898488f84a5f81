#!/usr/bin/env bash
# Installs the Debian packages dyad's build and demo need, and with the argument `test` those its
# tests need too. Idempotent: runs apt-get only when a package is missing, and `apt-get update`
# at most once.
#   scripts/setup.sh          # build and demo
#   scripts/setup.sh test     # and the tests
set -euo pipefail

packages=(
  build-essential cmake make pkg-config   # toolchain
  libicu-dev                              # encodings (CP949/EUC-KR), normalisation, CLDR names
  libpoppler-cpp-dev                      # PDF text extraction
  libsqlite3-dev                          # the embedded event store
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
if [ "${1:-}" = test ]; then
  packages+=(
    libreoffice-writer-nogui fonts-nanum  # renders the PDF layout fixtures (tests/pdf/libreoffice.sh)
    python3-pandas python3-openpyxl       # read exports as analysts do (tests/cli/readers.py)
    sqlite3                               # fills a store past a sheet's rows (tests/cli/exchange.sh)
  )
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "setup: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
