#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster, then remove the cluster.
#
#   bash scripts/with-postgres.sh COMMAND [ARGS...]
#
# Starts a fresh cluster (initdb in a temporary directory, trust auth, loopback
# only, a free port, durability off for speed), exports
#   DATABASE_URL=postgres://postgres@127.0.0.1:PORT/tablee
# runs COMMAND and exits with its status. The server is stopped and its
# directory removed on every exit path (success, failure, Ctrl-C).
#
# As root (CI), the server runs as the unprivileged `postgres` user, since
# initdb and pg_ctl refuse root. As anyone else it runs as the current user.
# Exits 70 when the cluster cannot be set up.
# PG_BINDIR overrides where initdb/pg_ctl are looked up; by default the newest
# /usr/lib/postgresql/*/bin preferring 15, the version production uses.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

find_bindir() {
  if [[ -n "${PG_BINDIR:-}" ]]; then
    echo "$PG_BINDIR"
    return
  fi
  if [[ -x /usr/lib/postgresql/15/bin/initdb ]]; then
    echo /usr/lib/postgresql/15/bin
    return
  fi
  local candidate
  candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [[ -n "$candidate" && -x "$candidate/initdb" ]]; then
    echo "$candidate"
    return
  fi
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
  fi
}

BINDIR=$(find_bindir)
if [[ -z "$BINDIR" || ! -x "$BINDIR/initdb" || ! -x "$BINDIR/pg_ctl" ]]; then
  echo "with-postgres: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 70
fi

if [[ $EUID -eq 0 ]]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "with-postgres: running as root but there is no 'postgres' user to run the server" >&2
    exit 70
  fi
  as_server() { runuser -u postgres -- "$@"; }
else
  as_server() { "$@"; }
fi

PGTMP=$(mktemp -d "${TMPDIR:-/tmp}/tablee-pg.XXXXXX")
chmod 700 "$PGTMP"
if [[ $EUID -eq 0 ]]; then
  chown postgres:postgres "$PGTMP"
fi
DATA="$PGTMP/data"
STARTED=0

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ $STARTED -eq 1 ]]; then
    as_server "$BINDIR/pg_ctl" -D "$DATA" -m immediate -w -t 30 stop >/dev/null 2>&1 \
      || echo "with-postgres: could not stop the server in $DATA" >&2
  fi
  rm -rf "$PGTMP"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() {
  local py
  py=$(command -v python3 || command -v python)
  "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

as_server "$BINDIR/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --no-locale >"$PGTMP/initdb.log" 2>&1 || {
  echo "with-postgres: initdb failed:" >&2
  cat "$PGTMP/initdb.log" >&2
  exit 70
}

# A port can be taken between choosing and binding it: try a few.
for attempt in 1 2 3 4 5; do
  PORT=$(free_port)
  if as_server "$BINDIR/pg_ctl" -D "$DATA" -l "$PGTMP/server.log" -w -t 60 \
    -o "-k $PGTMP -p $PORT -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=50" \
    start >/dev/null; then
    STARTED=1
    break
  fi
  echo "with-postgres: server did not start on port $PORT (attempt $attempt)" >&2
  tail -n 5 "$PGTMP/server.log" >&2 || true
done
if [[ $STARTED -ne 1 ]]; then
  echo "with-postgres: could not start PostgreSQL" >&2
  exit 70
fi

VERSION=$("$BINDIR/postgres" --version 2>/dev/null || echo "PostgreSQL")
echo "with-postgres: $VERSION on 127.0.0.1:$PORT (data in $DATA)"
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/tablee"

set +e
"$@"
status=$?
set -e
exit "$status"
