#!/usr/bin/env bash
# Idle seated connections on one node: starts the built server (Release, fresh data directory, 127.0.0.1), warms it
# with one short game, then has the load generator's `connections` scenario seat N connections (20 a game: four roles
# and 16 observers) from 127.0.0.1..127.0.0.A, hold them, probe every one, and read the server's RSS at each stage.
# Both processes run with the open-file limit raised to its hard limit (each connection is one descriptor on each side).
# Usage: bash connections.sh N [LABEL] — SERVER_ENV="VAR=value ..." adds environment variables to the server only;
# HOLD (seconds, default 20), ADDRESSES (default 50), TIMEOUT (seconds, default 600), OUT (report directory).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$here/../.." && pwd)
count=${1:?usage: connections.sh N [LABEL]}
label=${2:-connections-$count}
port=${PORT:-5090}
out=${OUT:-$(mktemp -d -t wargame-connections.XXXXXX)}
mkdir -p "$out"
server="$repo/src/Wargame.Server/bin/Release/net10.0/Wargame.Server"
games=$(( (count + 19) / 20 ))
ulimit -n "$(ulimit -Hn)"
echo "== $label: $count connections in $games games; open-file limit $(ulimit -n) (hard $(ulimit -Hn)); server env: ${SERVER_ENV:-none}"

data=$(mktemp -d -t wargame-data.XXXXXX)
# Its own session, so stopping it stops its whole process group; nice, as the machine is shared.
env ${SERVER_ENV:-} setsid nice -n 5 "$server" --urls "http://127.0.0.1:$port" --Wargame:DataDirectory "$data" \
  --Wargame:ScenarioDirectory "$repo/scenarios" > "$out/$label.server.log" 2>&1 < /dev/null &
pid=$!
trap 'kill -TERM -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 1; done
(cd "$here" && nice -n 5 node src/cli.mjs play --url "http://127.0.0.1:$port" --games 1 --turns 1 --timeout 60 > "$out/$label.warmup.txt") \
  || echo "warm-up failed: see $out/$label.warmup.txt"
# The server's descriptors while the connections are held (sampled every 5 s; the largest count is kept).
(peak=0; while kill -0 "$pid" 2>/dev/null; do n=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l); [ "$n" -gt "$peak" ] && peak=$n && echo "$peak" > "$out/$label.fd-peak"; sleep 5; done) &
sampler=$!
(cd "$here" && nice -n 5 node --max-old-space-size=4096 src/cli.mjs connections --url "http://127.0.0.1:$port" --games "$games" \
  --connections "$count" --hold "${HOLD:-20}" --source-addresses "${ADDRESSES:-50}" --concurrency 64 \
  --timeout "${TIMEOUT:-600}" --command-timeout 60 --server-pid "$pid" --json > "$out/$label.json") || echo "(exit code $?)"
(cd "$here" && node --input-type=module -e "
  import { readFileSync } from 'node:fs'; import { summary } from './src/summary.mjs';
  console.log(summary(JSON.parse(readFileSync(process.argv[1], 'utf8'))));" "$out/$label.json") | tee "$out/$label.txt"
kill "$sampler" 2>/dev/null || true
echo "server: peak open descriptors $(cat "$out/$label.fd-peak" 2>/dev/null || echo '?'); $(grep -c '\[ERR\]\|\[FTL\]' "$out/$label.server.log" || true) error lines ($out/$label.server.log)"
grep -m5 '\[ERR\]\|\[FTL\]\|Too many open' "$out/$label.server.log" || true
