#!/usr/bin/env bash
# PostgreSQL server binaries for the event store contract tests (the tests start their own throwaway cluster).
set -euo pipefail
if compgen -G "/usr/lib/postgresql/*/bin/postgres" > /dev/null; then
    echo "PostgreSQL present: $(ls -d /usr/lib/postgresql/*/bin | head -n 1)"
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends postgresql
