#!/bin/bash
# Startup of the fat jar with and without its class data sharing archive (AppCDS, made by `mvn package`):
# wall time from `java` launched to the first 200 from /health/ready (polled every 10 ms), echo bot, memory store.
# Also the CPU the JVM used until then (user + system, from /proc), which a busy machine disturbs much less.
# Runs alternate (plain, CDS, plain, CDS...) so both see the same machine load; prints each run and the medians.
#   usage (repository root, after `mvn -q -pl deploy -am package -DskipTests`): bench/startup.sh [runs]
set -euo pipefail
runs="${1:-7}"
jar="$PWD/deploy/target/chatbot.jar"
jsa="$PWD/deploy/target/chatbot.jsa"
[ -f "$jar" ] && [ -f "$jsa" ] || { echo "build first: mvn -q -pl deploy -am package -DskipTests" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# One start: prints "wall_ms cpu_ms" from launch to ready. Extra arguments go to the JVM.
measure() {
  local port pid started now
  port="$(free_port)"
  started="$(date +%s%N)"
  HTTP_HOST=127.0.0.1 HTTP_PORT="$port" STATE_STORE=memory BOT=echo java "$@" -jar "$jar" >/dev/null 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { echo "the server exited" >&2; return 1; }
    sleep 0.01
  done
  now="$(date +%s%N)"
  local ticks hz
  ticks="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
  hz="$(getconf CLK_TCK)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (now - started) / 1000000 )) $(( ticks * 1000 / hz ))"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

plain=(); plain_cpu=(); cds=(); cds_cpu=()
for i in $(seq 1 "$runs"); do
  read -r wall cpu < <(measure); plain+=("$wall"); plain_cpu+=("$cpu")
  read -r wall cpu < <(measure -XX:SharedArchiveFile="$jsa"); cds+=("$wall"); cds_cpu+=("$cpu")
  echo "run $i: plain ${plain[-1]} ms (cpu ${plain_cpu[-1]} ms), cds ${cds[-1]} ms (cpu ${cds_cpu[-1]} ms)"
done
m() { printf '%s\n' "$@" | median; }
echo "median of $runs (load $(cut -d' ' -f1 /proc/loadavg) on $(nproc) CPUs):" \
  "plain $(m "${plain[@]}") ms (cpu $(m "${plain_cpu[@]}") ms), cds $(m "${cds[@]}") ms (cpu $(m "${cds_cpu[@]}") ms)"
