#!/usr/bin/env bash
# Capacity runs behind docs/capacity.md. For each run: start the server (Release, a fresh temporary data
# directory, 127.0.0.1 only), warm it up with one short game, run one load scenario with --server-pid,
# stop the server. Reports go to $OUT (JSON and text). Usage: bash capacity.sh [run-name ...]
# Runs named *-postgres use the PostgreSQL store: they need a PostgreSQL server on 127.0.0.1:$PG_PORT that
# accepts user postgres without a password; each run gets a fresh database there, dropped afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
port=${PORT:-5080}
out=${OUT:-$(mktemp -d -t wargame-capacity.XXXXXX)}
mkdir -p "$out"
server="$repo/src/Wargame.Server/bin/Release/net10.0/Wargame.Server"

declare -A runs=(
  [idle-ratelimited]="idle-games --games 100"
  [idle-1000]="idle-games --games 1000 --activate --source-addresses 20"
  [idle-5000]="idle-games --games 5000 --activate --source-addresses 100 --timeout 300"
  [connections-500]="connections --games 50 --connections 500 --hold 20 --source-addresses 2"
  [connections-2000]="connections --games 100 --connections 2000 --hold 20 --source-addresses 4 --timeout 300"
  [connections-5000]="connections --games 250 --connections 5000 --hold 20 --source-addresses 10 --timeout 400"
  [play-20]="play --games 20 --turns 3 --observers 1"
  [play-100]="play --games 100 --turns 3 --observers 1 --source-addresses 2 --timeout 300"
  [hostile-20]="hostile --games 20 --turns 6 --observers 1 --rounds 6 --warmup 20 --think-ms 250 --flood-nice 19 --source-addresses 4 --timeout 780"
  [hostile-20-unniced]="hostile --games 20 --turns 6 --observers 1 --rounds 6 --warmup 20 --think-ms 250 --source-addresses 4 --timeout 780"
  [play-20-postgres]="play --games 20 --turns 3 --observers 1"
  [play-100-postgres]="play --games 100 --turns 3 --observers 1 --source-addresses 2 --timeout 300"
  [connections-2000-postgres]="connections --games 100 --connections 2000 --hold 20 --source-addresses 4 --timeout 300"
)
order=(idle-ratelimited idle-1000 idle-5000 connections-500 connections-2000 play-20 play-100)
[ $# -gt 0 ] && order=("$@")

[ -x "$server" ] || dotnet build -c Release "$repo/src/Wargame.Server" -nologo -v q
[ -d "$here/node_modules/@microsoft/signalr" ] || (cd "$here" && npm ci --no-audit --no-fund)

for name in "${order[@]}"; do
  args=${runs[$name]:?unknown run $name}
  data=$(mktemp -d -t wargame-data.XXXXXX)
  store=()
  if [[ $name == *-postgres ]]; then
    db="wargame_load_${name//-/_}"
    psql -q -h 127.0.0.1 -p "${PG_PORT:?set PG_PORT for $name}" -U postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
    store=(--Wargame:Store Postgres --Wargame:PostgresConnectionString "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$db")
  fi
  # Its own session, so stopping it stops its whole process group.
  # SERVER_ARGS: more server settings for every run, e.g. SERVER_ARGS="--Wargame:AudienceMessageBurst 5".
  # shellcheck disable=SC2086
  setsid "$server" --urls "http://127.0.0.1:$port" --Wargame:DataDirectory "$data" --Wargame:ScenarioDirectory "$repo/scenarios" "${store[@]}" ${SERVER_ARGS:-} \
    > "$out/$name.server.log" 2>&1 < /dev/null &
  pid=$!
  for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 1; done
  (cd "$here" && node src/cli.mjs play --games 1 --turns 1 --timeout 60 > "$out/$name.warmup.txt") || echo "warm-up of $name failed: see $out/$name.warmup.txt"
  echo "== $name: node src/cli.mjs $args --server-pid $pid"
  (cd "$here" && node src/cli.mjs $args --server-pid "$pid" --json > "$out/$name.json") || echo "(exit code $?)"
  (cd "$here" && node --input-type=module -e "
    import { readFileSync } from 'node:fs'; import { summary } from './src/summary.mjs';
    console.log(summary(JSON.parse(readFileSync(process.argv[1], 'utf8'))));" "$out/$name.json") | tee "$out/$name.txt"
  echo "server log: $(grep -c '\[ERR\]\|\[FTL\]' "$out/$name.server.log" || true) error lines ($out/$name.server.log)"
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  [[ $name == *-postgres ]] && psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "DROP DATABASE IF EXISTS $db"
done
echo "reports in $out"
