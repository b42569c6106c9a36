#!/usr/bin/env bash
# Set up and serve Lokus on the embedded demo district at http://127.0.0.1:8050
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# On a new installation: an administrator with a random password, printed once (never a default password).
.venv/bin/python -m dashboard first-admin
echo "Lokus: http://${DASHBOARD_HOST:-127.0.0.1}:${DASHBOARD_PORT:-8050}"
exec .venv/bin/python app.py
