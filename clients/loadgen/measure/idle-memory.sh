#!/usr/bin/env bash
# Memory of live idle games on one node: creates one game through the REST API, clones its rows in SQLite N times
# (same scenario, same log, same facilitator key), then activates every clone with GET /api/games/{id} (which loads
# its log into a live game) and reads the server's RSS and GC heap (/healthz) before and after.
# Usage: [ACTIVATE_SECONDS=S] idle-memory.sh NAME BINARY SCENARIOS N [PORT] (ACTIVATE_SECONDS stops activating after S seconds)
set -u
name=$1 bin=$2 scen=$3 n=$4 port=${5:-5393}
here=$(cd "$(dirname "$0")" && pwd)
curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && { echo "port $port is busy"; exit 1; }
data=$(mktemp -d -t h8-mem.XXXXXX)
setsid timeout $(( ${ACTIVATE_SECONDS:-1200} + 900 )) "$bin" --urls "http://127.0.0.1:$port" --Wargame:DataDirectory "$data" --Wargame:ScenarioDirectory "$scen" \
  --Wargame:GameCreationsPerMinute 1000000 --Wargame:IdleTimeout 02:00:00 > "$data/out.log" 2>&1 < /dev/null &
pid=$!
for _ in $(seq 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
scenario=$(curl -fs "http://127.0.0.1:$port/api/scenarios" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
created=$(curl -fs -X POST -H 'Content-Type: application/json' -d "{\"scenario\":\"$scenario\"}" "http://127.0.0.1:$port/api/games")
id=$(echo "$created" | python3 -c 'import json,sys; print(json.load(sys.stdin)["gameId"])')
key=$(echo "$created" | python3 -c 'import json,sys; print(json.load(sys.stdin)["facilitatorKey"])')
sqlite3 "$data/wargame.db" ".timeout 5000" "
  WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $n - 1)
  INSERT INTO games (game_id, scenario_id, facilitator_key_hash, created_at) SELECT 'g_clone' || i, scenario_id, facilitator_key_hash, created_at FROM games, n WHERE game_id = '$id';
  INSERT INTO join_codes (code, game_id, audience_kind, role) SELECT c.code || '-' || substr(g.game_id, 8), g.game_id, c.audience_kind, c.role FROM join_codes c, games g WHERE c.game_id = '$id' AND g.game_id LIKE 'g_clone%';
  INSERT INTO events (game_id, sequence, type, payload) SELECT g.game_id, e.sequence, e.type, e.payload FROM events e, games g WHERE e.game_id = '$id' AND g.game_id LIKE 'g_clone%';"
health() { curl -fs "http://127.0.0.1:$port/healthz"; }
server=$(pgrep -P "$pid" -n)
rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
# Warm: activate the original and 200 clones, so JIT and pools are in the baseline, then settle.
curl -fs -o /dev/null -H "X-Facilitator-Key: $key" "http://127.0.0.1:$port/api/games/$id"
node "$here/activate.mjs" "http://127.0.0.1:$port" "$key" 0 200 16 > /dev/null
sleep 5
before_rss=$(rss); before=$(health)
echo "$name: $(echo "$before" | tr -d '\n') rss ${before_rss} KiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
node "$here/activate.mjs" "http://127.0.0.1:$port" "$key" 200 $((n - 200)) 16 "${ACTIVATE_SECONDS:-}"
sleep 10
after_rss=$(rss); after=$(health)
echo "$name: $(echo "$after" | tr -d '\n') rss ${after_rss} KiB, load $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$name" "$n" "$before_rss" "$after_rss" "$before" "$after" <<'PY'
import json, sys
name, n, b, a = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
hb, ha = json.loads(sys.argv[5]), json.loads(sys.argv[6])
games = ha["liveGames"] - hb["liveGames"]
print(f"{name}: {games} more live games; RSS {b/1024:.0f} -> {a/1024:.0f} MiB = {(a-b)/games:.1f} KiB a game; "
      f"GC heap {hb['gcHeapBytes']/2**20:.0f} -> {ha['gcHeapBytes']/2**20:.0f} MiB = {(ha['gcHeapBytes']-hb['gcHeapBytes'])/1024/games:.1f} KiB a game")
PY
kill -TERM -- "-$pid" 2>/dev/null; wait "$pid" 2>/dev/null
grep -c '\[ERR\]\|\[FTL\]' "$data"/logs/*.log | sed "s/^/$name error lines: /"
rm -rf "$data"
