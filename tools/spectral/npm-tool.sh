#!/usr/bin/env bash
# Runs one of this folder's npm tools (spectral, tsc), installing the locked packages first when they are
# missing or older than package-lock.json. The build calls it for the OpenAPI lint and the generated
# TypeScript client's compile, whichever comes first.
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x node_modules/.bin/spectral ] || [ ! -x node_modules/.bin/tsc ] \
        || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
fi
tool="$1"
shift
exec "node_modules/.bin/$tool" "$@"
