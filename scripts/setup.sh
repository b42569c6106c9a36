#!/usr/bin/env bash
# Set up Lokus on a fresh Debian/Ubuntu machine: a .venv with the package, and with --test
# everything the test suite needs (Chromium + ChromeDriver for browser journeys, PostgreSQL for
# the store tests, poppler-utils to read the brief's PDF, Redis for the deployed stack's tests).
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

say() { printf '\n== %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "need root (or sudo) to run: $*" >&2; exit 1; fi
}

apt_updated=0
apt_install() {
  say "installing Debian packages: $*"
  if [ "$apt_updated" = 0 ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if [ "$want_test" = 1 ]; then
  missing=0
  command -v chromium >/dev/null || missing=1
  command -v chromedriver >/dev/null || missing=1
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing=1
  command -v pdftotext >/dev/null || missing=1  # poppler-utils: the brief's tests read its PDF as a reader would
  command -v redis-server >/dev/null || missing=1  # the deployed stack's queue (Celery) and shared rate limits
  if [ "$missing" = 1 ]; then
    apt_install chromium chromium-driver postgresql poppler-utils redis-server
  fi
fi

python=${PYTHON:-python3}
command -v "$python" >/dev/null || { echo "Lokus needs Python >= 3.11 ($python not found)" >&2; exit 1; }
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
  echo "Lokus needs Python >= 3.11; $python is $("$python" --version 2>&1)" >&2; exit 1; }

# A .venv without a working pip (e.g. an interrupted run, or Debian's python3 without python3-venv) is rebuilt.
if ! .venv/bin/python -m pip --version >/dev/null 2>&1; then
  say "creating .venv with $("$python" --version 2>&1)"
  rm -rf .venv
  if ! "$python" -m venv .venv 2>/dev/null; then
    # Debian/Ubuntu ship ensurepip separately.
    rm -rf .venv
    version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    apt_install "python${version}-venv" || apt_install python3-venv
    "$python" -m venv .venv
  fi
fi

# Reinstall only when pyproject.toml changed since the last install (a [test] install covers a plain one).
extra=""
[ "$want_test" = 1 ] && extra="[test]"
stamp=".venv/.installed${extra}"
fresh() { [ -f "$1" ] && [ ! pyproject.toml -nt "$1" ]; }
if ! fresh "$stamp" && ! { [ -z "$extra" ] && fresh ".venv/.installed[test]"; }; then
  say "installing Lokus${extra} into .venv"
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extra}"
  touch "$stamp"
fi
