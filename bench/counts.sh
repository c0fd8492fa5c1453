#!/usr/bin/env bash
# System calls and context switches per reply, two variants of the product alternating: counts that do not depend on
# how fast the (shared) box happens to be, unlike replies/s. Each run is bench/run.sh's Messenger echo on the product
# alone; `perf stat` counts over 10 s of its measurement window.
# Usage: bench/counts.sh PAIRS "VAR=value ..." "VAR=value ..."   (environment of variant A, then B; "" for none)
#   e.g. bench/counts.sh 3 "EVENT_LOOPS=4" ""      BENCH_STATE_STORE / BENCH_NICE / BENCH_PRODUCT_DIR as in run.sh
# Needs perf (linux-perf) and root, or kernel.perf_event_paranoid <= 0, for the tracepoint.
set -euo pipefail
cd "$(dirname "$0")"
pairs=$1 variant_a=$2 variant_b=$3
port=${BENCH_TARGET_PORT:-18080} pidfile=results/chatbot-echo.pid.tmp out=results/counts-run.log.tmp
export BENCH_SYSTEMS=chatbot-echo BENCH_WORKLOADS=messenger-echo BENCH_PREWARM=10 BENCH_WARMUP=25 BENCH_DURATION=25
for _ in $(seq 1 "$pairs"); do
  for arm in A B; do
    variant=$variant_a; [[ $arm == B ]] && variant=$variant_b
    rm -f "$pidfile"
    # shellcheck disable=SC2086 # the variant is a list of assignments
    env $variant ./run.sh all > "$out" 2>&1 &
    run=$!
    for _ in $(seq 1 300); do [[ -s $pidfile ]] && break; sleep 0.2; done
    for _ in $(seq 1 300); do curl -sf -m 1 "http://127.0.0.1:$port/health/ready" > /dev/null && break; sleep 0.2; done
    sleep $(( BENCH_PREWARM + BENCH_WARMUP + 5 ))
    read -r calls switches < <(perf stat -x, -e raw_syscalls:sys_enter,context-switches -p "$(cat "$pidfile")" -- sleep 10 2>&1 \
      | awk -F, '/sys_enter/ {s=$1} /context-switches/ {c=$1} END {print s, c}')
    wait "$run"
    line=$(grep 'loadgen\] workload=messenger-echo concurrency=64 cpu' "$out")
    rps=$(sed 's/.* replies\/s=\([0-9.]*\).*/\1/' <<< "$line")
    cpu=$(sed 's/.*cpu_us\/reply=\([0-9.]*\).*/\1/' <<< "$line")
    awk -v arm="$arm" -v v="${variant:-default}" -v s="$calls" -v c="$switches" -v r="$rps" -v cpu="$cpu" \
      'BEGIN {printf "%s [%s] syscalls/reply=%.2f switches/reply=%.2f cpu_us/reply=%s replies/s=%s\n", arm, v, s/(r*10), c/(r*10), cpu, r}'
  done
done
