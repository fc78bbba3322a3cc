#!/usr/bin/env bash
# Node packages of the web client, installed from package-lock.json. The server build
# (clients/web/WebClient.targets) builds the client itself; this only makes sure `npm ci` has run.
set -euo pipefail
cd "$(dirname "$0")/../../clients/web"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
