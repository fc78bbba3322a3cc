#!/usr/bin/env bash
# Runs the real-process failover tests (built: dotnet build tests/Wargame.Server.Tests -c Release) N times and collects the seconds they report, with the load average.
cd "$(dirname "$0")/../../.."
for i in $(seq "${1:-3}"); do
  echo "== run $i, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  timeout 400 dotnet test tests/Wargame.Server.Tests -c Release --no-build \
    --filter "FullyQualifiedName~ClusterProcessTests.ANodeKilledUnderLoad|FullyQualifiedName~ClusterProcessTests.ANodeFrozenUnderLoad" \
    --logger "console;verbosity=detailed" 2>&1 | grep -E -A30 "SIGKILL|SIGSTOP|Node A after|Passed|Failed |Error Message|Stack Trace:" | grep -v "^\s*at System\.\|^\s*at Microsoft\." | cut -c1-300
  echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
