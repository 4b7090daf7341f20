#!/usr/bin/env bash
# A private PostgreSQL cluster for the tests: initdb into a temporary folder, a Unix socket in
# that folder, a free port, trust authentication for local connections only.
#
#   source .ci/pg-cluster.sh && pg_cluster_start && trap pg_cluster_stop EXIT
#
# exports PGHOST (the socket folder), PGPORT, PGUSER, PGDATABASE and CARBONTOP_PG_URL. initdb
# refuses to run as root: as root the cluster belongs to the unprivileged user `nobody`.
# `.ci/pg-cluster.sh start` prints the exports (for a shell: eval "$(.ci/pg-cluster.sh start)").

pg_cluster_bindir() {
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
    return
  fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

pg_cluster_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

pg_cluster_start() {
  local bin
  bin="$(pg_cluster_bindir)"
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "pg-cluster: no PostgreSQL server binaries (initdb) found" >&2
    return 1
  fi
  PG_CLUSTER_DIR="$(mktemp -d /tmp/carbontop-pg.XXXXXX)"
  chmod 755 "$PG_CLUSTER_DIR"
  local run=()
  if [ "$(id -u)" = 0 ]; then
    chown nobody "$PG_CLUSTER_DIR"
    run=(runuser -u nobody --)
  fi
  local port
  port="$(pg_cluster_free_port)"
  "${run[@]}" "$bin/initdb" -D "$PG_CLUSTER_DIR/data" -U carbontop --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 >"$PG_CLUSTER_DIR/initdb.log" 2>&1 || {
    cat "$PG_CLUSTER_DIR/initdb.log" >&2
    return 1
  }
  "${run[@]}" "$bin/pg_ctl" -D "$PG_CLUSTER_DIR/data" -l "$PG_CLUSTER_DIR/server.log" -w \
    -o "-p $port -k $PG_CLUSTER_DIR -c listen_addresses='' -c fsync=off" start >/dev/null || {
    cat "$PG_CLUSTER_DIR/server.log" >&2
    return 1
  }
  export PG_CLUSTER_DIR PG_CLUSTER_BIN="$bin"
  export PGHOST="$PG_CLUSTER_DIR" PGPORT="$port" PGUSER=carbontop PGDATABASE=postgres
  export CARBONTOP_PG_URL="postgres://carbontop@/postgres?host=$PG_CLUSTER_DIR&port=$port"
  # How the tests restart the server (to check that the dashboard reconnects).
  if [ "$(id -u)" = 0 ]; then
    export CARBONTOP_PG_CTL="runuser -u nobody -- $bin/pg_ctl -D $PG_CLUSTER_DIR/data"
  else
    export CARBONTOP_PG_CTL="$bin/pg_ctl -D $PG_CLUSTER_DIR/data"
  fi
  export CARBONTOP_PG_START_OPTIONS="-p $port -k $PG_CLUSTER_DIR -c listen_addresses='' -c fsync=off"
}

pg_cluster_stop() {
  [ -n "${PG_CLUSTER_DIR:-}" ] && [ -d "$PG_CLUSTER_DIR" ] || return 0
  local run=()
  [ "$(id -u)" = 0 ] && run=(runuser -u nobody --)
  "${run[@]}" "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate -w stop \
    >/dev/null 2>&1 || true
  rm -rf "$PG_CLUSTER_DIR"
  unset PG_CLUSTER_DIR
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
  start)
    pg_cluster_start
    for v in PG_CLUSTER_DIR PG_CLUSTER_BIN PGHOST PGPORT PGUSER PGDATABASE CARBONTOP_PG_URL \
      CARBONTOP_PG_CTL CARBONTOP_PG_START_OPTIONS; do
      printf 'export %s=%q\n' "$v" "${!v}"
    done
    ;;
  stop)
    PG_CLUSTER_DIR="${2:?the cluster folder}"
    PG_CLUSTER_BIN="$(pg_cluster_bindir)"
    pg_cluster_stop
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2
    exit 2
    ;;
  esac
fi
