#!/usr/bin/env bash
# Runs every test of Wargame. On a fresh machine it first installs what the tests need:
# each script in eng/test-deps/ installs or builds one thing (browser, database, web client).
set -euo pipefail
cd "$(dirname "$0")"

for step in eng/test-deps/*.sh; do
    [ -e "$step" ] || continue
    echo "== $step"
    bash "$step"
done

log=$(mktemp)
status=0
dotnet test Wargame.sln --configuration Release 2>&1 | tee "$log" || status=$?

# One closing line for every runner: "Tests: N passed, N failed, N skipped".
awk '
  /^(Passed|Failed)! +- +Failed:/ {
    gsub(/,/, ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
    }
  }
  END { printf "Tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
