#!/usr/bin/env bash
# Deployment validation: the environment check of SPEC §2, then lint + typecheck + test + build.
#   SKIP_ENV_CHECK=true   skip the environment check
#   --env-only            run only the environment check
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_ENV_CHECK:-false}" != "true" ]; then
  node scripts/check-env.mjs
else
  echo "env check: skipped (SKIP_ENV_CHECK=true)"
fi
[ "${1:-}" = "--env-only" ] && exit 0
exec pnpm validate
