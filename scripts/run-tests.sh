#!/usr/bin/env bash
# The whole test suite, in two passes (what `make test` runs):
#   1. SQLite (in memory), every test including the browser tests, 2 workers;
#   2. a throwaway PostgreSQL cluster, every test that uses the database
#      (marker `postgres`, added automatically by tablee/testing/plugin.py),
#      browser tests excluded, 2 workers.
# Fails if either pass fails. Under CI=true a missing PostgreSQL or Chromium is a
# failure; locally, browser tests skip and the PostgreSQL pass is skipped with a
# warning.
#
# Extra arguments are passed to both pytest runs (for example: -x, -k invitation).
# PYTEST_WORKERS overrides the number of xdist workers (default 2).
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYTHON="${PYTHON_BIN:-$ROOT/.venv/bin/python}"
WORKERS="${PYTEST_WORKERS:-2}"
export DJANGO_SETTINGS_MODULE=tablee.settings.test

is_ci() {
  case "${CI:-}" in
    1 | true | TRUE | True | yes | on) return 0 ;;
    *) return 1 ;;
  esac
}

banner() {
  local line="=============================================================================="
  printf '\n%s\n== %s\n%s\n' "$line" "$*" "$line"
}

warn_loud() {
  local line="!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"
  printf '\n%s\n!! WARNING: %s\n%s\n\n' "$line" "$*" "$line" >&2
}

describe_status() {
  # $1 pass name, $2 pytest exit status
  case "$2" in
    0) echo "$1: passed" ;;
    1) echo "$1: FAILED (some tests failed)" ;;
    2) echo "$1: FAILED (interrupted, or a usage/configuration error)" ;;
    3) echo "$1: FAILED (internal pytest error)" ;;
    4) echo "$1: FAILED (pytest command-line usage error)" ;;
    5) echo "$1: FAILED (no tests were collected: the suite or the marker selection is empty)" ;;
    70) echo "$1: FAILED (the throwaway PostgreSQL cluster could not be started)" ;;
    *) echo "$1: FAILED (exit status $2)" ;;
  esac
}

if [[ ! -x "$PYTHON" ]]; then
  echo "run-tests: $PYTHON not found; run 'make install-dev' (or 'make test')." >&2
  exit 2
fi

if is_ci && [[ ! -x /usr/lib/chromium/chromium ]]; then
  echo "run-tests: CI=true and Chromium is missing at /usr/lib/chromium/chromium: browser tests would not run." >&2
  echo "           Install it: apt-get install --no-install-recommends chromium fonts-liberation" >&2
  exit 1
fi

# ---------------------------------------------------------------------------
banner "Pass 1/2: SQLite (in memory), whole suite including browser tests, -n $WORKERS"
start=$SECONDS
env -u DATABASE_URL "$PYTHON" -m pytest -q -n "$WORKERS" "$@"
sqlite_status=$?
sqlite_seconds=$((SECONDS - start))
sqlite_summary="$(describe_status "SQLite pass" "$sqlite_status") in ${sqlite_seconds}s"
echo "$sqlite_summary"

# ---------------------------------------------------------------------------
pg_status=0
pg_summary=""
have_postgres=0
for initdb in /usr/lib/postgresql/*/bin/initdb; do
  if [[ -x "$initdb" ]]; then have_postgres=1; fi
done
if [[ $have_postgres -eq 0 ]]; then
  if is_ci; then
    banner "Pass 2/2: PostgreSQL"
    echo "run-tests: CI=true and PostgreSQL is missing (no /usr/lib/postgresql/*/bin/initdb)." >&2
    echo "           Install it: apt-get install --no-install-recommends postgresql" >&2
    pg_status=1
    pg_summary="PostgreSQL pass: FAILED (PostgreSQL is not installed, required under CI)"
  else
    warn_loud "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the PostgreSQL pass is SKIPPED. Install it with: apt-get install postgresql"
    pg_summary="PostgreSQL pass: SKIPPED (PostgreSQL not installed)"
  fi
else
  banner "Pass 2/2: PostgreSQL (throwaway cluster), tests marked postgres, browser excluded, -n $WORKERS"
  start=$SECONDS
  bash scripts/with-postgres.sh \
    "$PYTHON" -m pytest -q -n "$WORKERS" -m "postgres and not browser" "$@"
  pg_status=$?
  pg_seconds=$((SECONDS - start))
  pg_summary="$(describe_status "PostgreSQL pass" "$pg_status") in ${pg_seconds}s"
  echo "$pg_summary"
fi

banner "Summary"
echo "$sqlite_summary"
echo "$pg_summary"
if [[ $sqlite_status -ne 0 || $pg_status -ne 0 ]]; then
  exit 1
fi
exit 0
