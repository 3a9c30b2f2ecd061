#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the store's tests and benchmarks, in a temporary folder, on a Unix socket
# in that folder (and, with PROBITY_CLUSTER_TCP=PORT, also on 127.0.0.1:PORT). PostgreSQL refuses to run as
# root, so as root the cluster runs as the `postgres` user. fsync is off (tests) unless PROBITY_CLUSTER_DURABLE=1
# (benchmarks: every commit waits for the disk, as a real server's does).
#
#   eval "$(bash scripts/store-cluster.sh start)"   # prints: export PROBITY_TEST_STORE=… PROBITY_TEST_CLUSTER=…
#   bash scripts/store-cluster.sh stop "$PROBITY_TEST_CLUSTER"
set -euo pipefail

bindir() {
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return; fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] || { echo "PostgreSQL is not installed: run scripts/ensure-deps.sh (apt-get install postgresql)." >&2; exit 1; }
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    bin=$(bindir)
    dir=$(mktemp -d /tmp/probity-pg.XXXXXX)
    chmod 0755 "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    user=$(if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi)
    as_owner "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    port=${PROBITY_CLUSTER_PORT:-5432}
    listen="''"
    if [ -n "${PROBITY_CLUSTER_TCP:-}" ]; then port=$PROBITY_CLUSTER_TCP; listen=127.0.0.1; fi
    fsync=off
    if [ -n "${PROBITY_CLUSTER_DURABLE:-}" ]; then fsync=on; fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-k $dir -p $port -c listen_addresses=$listen -c fsync=$fsync -c max_connections=200" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export PROBITY_TEST_CLUSTER='$dir'"
    echo "export PROBITY_TEST_STORE='postgresql://$user@/postgres?host=$dir&port=$port'"
    ;;
  stop)
    dir=${2:?give the cluster folder that start printed}
    bin=$(bindir)
    if [ -d "$dir/data" ]; then as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: store-cluster.sh start | stop DIR" >&2
    exit 64
    ;;
esac
