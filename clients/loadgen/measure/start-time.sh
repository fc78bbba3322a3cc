#!/usr/bin/env bash
# Start to /healthz 200 for two server binaries, alternating, on fresh data directories (127.0.0.1 only).
# Usage: start-time.sh REPS NAME=BINARY:SCENARIOS ...
set -u
reps=$1; shift
port=5391
for i in $(seq "$reps"); do
  targets=("$@"); (( i % 2 == 0 )) && targets=($(printf '%s\n' "$@" | tac))
  for t in "${targets[@]}"; do
    name=${t%%=*}; rest=${t#*=}; bin=${rest%%:*}; scen=${rest#*:}
    data=$(mktemp -d -t h8-start.XXXXXX)
    start=$(date +%s%N)
    setsid timeout 60 "$bin" --urls "http://127.0.0.1:$port" --Wargame:DataDirectory "$data" --Wargame:ScenarioDirectory "$scen" > "$data/out.log" 2>&1 < /dev/null &
    pid=$!
    ok=0
    for _ in $(seq 1200); do
      if curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; then ok=1; break; fi
      sleep 0.025
    done
    end=$(date +%s%N)
    kill -TERM -- "-$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    echo "$name run $i: $(( (end - start) / 1000000 )) ms ok=$ok load: $(cut -d' ' -f1-3 /proc/loadavg)"
    rm -rf "$data"
  done
done
