#!/usr/bin/env bash
# The load generator's play scenario against two server binaries, alternating, each on a fresh server and data
# directory (127.0.0.1 only): warm-up game, then play with --server-pid. Prints commands/s, CPU per command, load.
# Usage: play-compare.sh ROUNDS "PLAY ARGS" NAME=BINARY:SCENARIOS ...
set -u
rounds=$1; args=$2; shift 2
loadgen=$(cd "$(dirname "$0")/.." && pwd)
out=${OUT:-$(mktemp -d -t wargame-play.XXXXXX)}; mkdir -p "$out"; echo "reports in $out"
port=5394
for r in $(seq "$rounds"); do
  targets=("$@"); (( r % 2 == 0 )) && targets=($(printf '%s\n' "$@" | tac))
  for t in "${targets[@]}"; do
    name=${t%%=*}; rest=${t#*=}; bin=${rest%%:*}; scen=${rest#*:}
    data=$(mktemp -d -t h8-play.XXXXXX)
    setsid timeout 600 "$bin" --urls "http://127.0.0.1:$port" --Wargame:DataDirectory "$data" --Wargame:ScenarioDirectory "$scen" \
      --Wargame:GameCreationsPerMinute 1000000 > "$data/out.log" 2>&1 < /dev/null &
    pid=$!
    for _ in $(seq 600); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
    server=$(pgrep -P "$pid" -n)
    (cd "$loadgen" && timeout 120 node src/cli.mjs play --url "http://127.0.0.1:$port" --games 1 --turns 1 --timeout 60 > "$out/$name-$r.warmup.txt" 2>&1)
    (cd "$loadgen" && timeout 400 node src/cli.mjs play --url "http://127.0.0.1:$port" $args --server-pid "$server" --json > "$out/$name-$r.json" 2> "$out/$name-$r.err")
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const p = r.result.play ?? r.result;
      const m = r.server.marks, cpu = m[m.length - 1].cpuSeconds - m[0].cpuSeconds;
      console.log(`${process.argv[2]} round ${process.argv[3]}: ${p.commandsPerSecond} commands/s, ${r.commands.accepted}/${r.commands.sent} accepted, ` +
        `round trip p50/p99 ${r.latencyMs.commandRoundTrip?.p50}/${r.latencyMs.commandRoundTrip?.p99} ms, server CPU ${(1000 * cpu / r.commands.accepted).toFixed(1)} ms a command, ` +
        `load ${r.machine.loadAverageAtStart[0]} -> ${r.machine.loadAverageAtEnd[0]}, violations ${Object.keys(r.entitlementViolations).length}, oddities ${JSON.stringify(r.hubOddities)}, errors ${JSON.stringify(r.errors)}`);
    ' "$out/$name-$r.json" "$name" "$r" 2>&1 || { echo "$name round $r: no report"; tail -5 "$out/$name-$r.err"; }
    kill -TERM -- "-$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    echo "   $name server log: $(grep -c '\[ERR\]\|\[FTL\]' "$data"/logs/*.log 2>/dev/null) error lines"
    grep -h -A4 '\[ERR\]\|\[FTL\]' "$data"/logs/*.log 2>/dev/null | head -60 > "$out/$name-$r.errors.txt"
    rm -rf "$data"
  done
done
