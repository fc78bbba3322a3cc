#!/usr/bin/env bash
# Runs every test of Wargame. On a fresh machine it first installs what the tests need:
# each script in eng/test-deps/ installs or builds one thing (browser, database, node packages).
set -euo pipefail
cd "$(dirname "$0")"

for step in eng/test-deps/*.sh; do
    [ -e "$step" ] || continue
    echo "== $step"
    bash "$step"
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0

echo "== web client (types, ESLint, Prettier, Vitest)"
(cd clients/web && npm run --silent lint && NO_COLOR=1 npm run --silent test) 2>&1 | tee -a "$log" || status=$?

echo "== dotnet test"
# One test assembly at a time (-m:1): on two cores the browser tests' waits must not compete with the
# server suite starting and killing child servers.
dotnet test Wargame.sln --configuration Release -m:1 2>&1 | tee -a "$log" || status=$?

echo "== load generator (node --test)"
# Its tests start the Release builds of Wargame.Server and Wargame.BareHub that dotnet test has just built (and a
# boardgame.io server when that optional package installed), each on a free 127.0.0.1 port, and stop them.
(cd clients/loadgen && npm ci --no-audit --no-fund --loglevel=error && node --test --test-reporter=tap test/) 2>&1 | tee -a "$log" || status=$?

# One closing line over every runner: "Tests: N passed, N failed, N skipped".
awk '
  /^(Passed|Failed)! +- +Failed:/ {
    gsub(/,/, ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
    }
  }
  /^ +Tests +[0-9]+ (passed|failed|skipped)/ {
    for (i = 2; i <= NF; i++) {
      if ($i == "passed") p += $(i-1); if ($i == "failed") f += $(i-1); if ($i == "skipped") s += $(i-1)
    }
  }
  /^# pass [0-9]+$/ { p += $3 }
  /^# fail [0-9]+$/ { f += $3 }
  /^# skipped [0-9]+$/ { s += $3 }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit $status
