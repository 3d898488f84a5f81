#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: no system service, no TCP port. `start DIR` runs
# initdb and pg_ctl in DIR (created; emptied first) and prints the base URI (append a
# database name); `stop DIR` stops it and removes DIR. The server listens on a Unix socket in
# DIR only and trusts local connections. Run as root (CI), the cluster belongs to the
# `postgres` user Debian's package creates, as initdb refuses to run as root.
#   uri=$(tests/pg/cluster.sh start /tmp/pg) && … && tests/pg/cluster.sh stop /tmp/pg
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?a directory}
bin=$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)
[ -x "$bin/initdb" ] || { echo "cluster.sh: no PostgreSQL server in $bin (scripts/setup.sh test installs postgresql-15)" >&2; exit 1; }
as=()
if [ "$(id -u)" = 0 ]; then
  id postgres > /dev/null 2>&1 || { echo "cluster.sh: no postgres user to run the cluster as" >&2; exit 1; }
  as=(runuser -u postgres --)
fi
case $cmd in
  start)
    # A cluster left running there is stopped first: removed under it, it would take the new
    # one's socket with it when it notices and exits.
    if [ -f "$dir/data/postmaster.pid" ]; then "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true; fi
    rm -rf "$dir" && mkdir -p "$dir"
    [ ${#as[@]} -gt 0 ] && chown postgres "$dir"
    "${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U dyad -E UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    # Small and fast: a test cluster needs no durability.
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start > /dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgresql://dyad@${dir//\//%2F}/"
    ;;
  stop)
    if [ -d "$dir/data" ]; then "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *) echo "cluster.sh: start|stop DIR" >&2; exit 2 ;;
esac
