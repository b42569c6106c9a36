#!/usr/bin/env bash
# Set up everything the tests need and run the whole suite: lint, format, types, tests.
# Extra arguments go to pytest (e.g. bash scripts/test.sh -k jrn001).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test

# PostgreSQL tests must run here, not skip: a missing server is a failure.
export LOKUS_REQUIRE_POSTGRES=1

step() { printf '\n== %s\n' "$*"; }
step "ruff check";    .venv/bin/ruff check .
step "ruff format";   .venv/bin/ruff format --check .
step "mypy";          .venv/bin/mypy
step "pytest"
set +e
.venv/bin/pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: that is a failure" >&2
  exit 1
fi
exit "$status"
