#!/usr/bin/env bash
# Smoke checks of a running deployment: scripts/smoke.sh BASE_URL (see DEPLOYMENT.md).
set -euo pipefail
exec node "$(dirname "$0")/smoke.mjs" "$@"
