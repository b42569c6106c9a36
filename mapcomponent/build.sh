#!/usr/bin/env bash
# Rebuild the map component's bundle into dashboard/components/lokus_map/ (the built files are committed, so a
# fresh machine needs neither Node nor this script). Needs Node >= 18 and the npm registry; installs exactly
# what package-lock.json pins.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node build.mjs
