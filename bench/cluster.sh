#!/usr/bin/env bash
# One member vs three (STATE_STORE=cluster) on Messenger echo, in the same run. All members run on this machine
# and share its cores, and every webhook enters through member 1, which forwards the conversations it does not own:
# this measures what the cluster costs per message, not how it scales across machines.
# Usage: bench/cluster.sh   (after bench/run.sh has built the jars; BENCH_WARMUP/BENCH_DURATION as in run.sh)
set -euo pipefail
cd "$(dirname "$0")"
JAR=../deploy/target/chatbot.jar BENCH_JAR=target/bench.jar
[[ -f $JAR && -f $BENCH_JAR ]] || { echo "build first: bench/run.sh (or mvn -q package -DskipTests)" >&2; exit 1; }
export BENCH_WARMUP=${BENCH_WARMUP:-10} BENCH_DURATION=${BENCH_DURATION:-20} BENCH_PREWARM=${BENCH_PREWARM:-15}
export BENCH_TARGET_PORT=18081 BENCH_STUB_PORT=18090
mkdir -p results
STAMP=$(date -u +%Y%m%dT%H%MZ) RUN=results/cluster-$STAMP.jsonl.tmp
mapfile -t ENVV < <(java -jar "$BENCH_JAR" env --stub-port "$BENCH_STUB_PORT")
ENVV+=("BOT=echo" "HTTP_HOST=127.0.0.1" "SHUTDOWN_GRACE_SECONDS=5" "SEND_RATE_MESSENGER=0" "SEND_RATE_WHATSAPP=0" "SEND_RATE_SLACK=0")
PIDS=()
stop_all() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done; PIDS=(); }
trap stop_all EXIT
ready() { for _ in $(seq 1 600); do curl -sf -m 1 "http://127.0.0.1:$1/health/ready" >/dev/null && return 0; sleep 0.1; done; return 1; }

measure() { # NAME MEMBERS
  local name=$1 members=$2 list="" i
  for i in $(seq 1 "$members"); do list+="127.0.0.1:$((5800 + i)),"; done
  for i in $(seq 1 "$members"); do
    local extra=("DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/chatbot-cluster-bench.XXXXXX")") # one member: the file store
    (( members > 1 )) && extra=("STATE_STORE=cluster" "CLUSTER_PORT=$((5800 + i))" "CLUSTER_MEMBERS=${list%,}")
    env "${ENVV[@]}" "${extra[@]}" "HTTP_PORT=$((18080 + i))" java -jar "$JAR" > "results/$name-$i.log.tmp" 2>&1 &
    PIDS+=($!)
  done
  for i in $(seq 1 "$members"); do ready $((18080 + i)) || { echo "member $i not ready" >&2; exit 1; }; done
  timeout 300 java -jar "$BENCH_JAR" loadgen --system "$name" --workloads messenger-echo --out "$RUN" \
    | grep '^\[loadgen\] workload=' || true
  stop_all
}

measure chatbot-1-member 1
measure chatbot-3-members 3
java -jar "$BENCH_JAR" report --in "$RUN" --out "results/cluster-$STAMP.json" | tee "results/cluster-$STAMP.md"
