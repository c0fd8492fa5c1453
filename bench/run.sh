#!/usr/bin/env bash
# The chatbot benchmark in one command. See bench/README.md.
#
#   bench/run.sh            baseline, chatbot (echo, all adapters on), chatbot (shoe bot, if present): table + JSON
#   bench/run.sh soak       5-minute Messenger echo soak with unique ids; heap used after full GC, start vs end
#   bench/run.sh profile    chatbot echo on Messenger under JFR; prints the hot methods
#                           (BENCH_PROFILE_SYSTEM=baseline profiles the baseline, BENCH_PROFILE_WORKLOAD=slack-echo...)
#
# Environment (all optional): BENCH_WARMUP (s, 10), BENCH_DURATION (s, 20), BENCH_PREWARM (s, 15: every workload
# once, unmeasured, before the first is measured), BENCH_CONCURRENCY (64),
# BENCH_USERS (1000), BENCH_DRIVERS (2), BENCH_SOAK_SECONDS (300), BENCH_TARGET_PORT (18080),
# BENCH_STUB_PORT (18090), BENCH_SYSTEMS (baseline,chatbot-echo,chatbot-shoe), BENCH_PRODUCT_DIR (the clone whose
# deploy/target/chatbot.jar is measured; default: this repository), BENCH_REBUILD=1 (rebuild the product jar),
# BENCH_JAVA_OPTS (extra JVM options for the systems under test; default none = JVM defaults),
# BENCH_NICE (e.g. -5: run loadgen and systems at that nice level, to be less disturbed by other work; needs root),
# BENCH_RATE_LIMITS (off: SEND_RATE_*=0 for the product, the stub has no platform quota; default: product defaults),
# BENCH_STATE_STORE (file, the product's default, each run on a fresh DATA_DIR; or memory),
# BENCH_CDS (on: the product runs with the class data sharing archive `mvn package` made, as docs/operate.md
# "Startup" tells users to, when it fits the jar; off: without), BENCH_WORKLOADS (one workload list for every system,
# e.g. messenger-echo: a short warm-up comparison), BENCH_PRODUCT_JAVA_OPTS (JVM options for the product only).
# Everything listens on 127.0.0.1 only and every wait is bounded.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PRODUCT_DIR=$(cd "${BENCH_PRODUCT_DIR:-$HERE/..}" && pwd)
PRODUCT_JAR=$PRODUCT_DIR/deploy/target/chatbot.jar
BENCH_JAR=$HERE/target/bench.jar
MODE=${1:-all}
WARMUP=${BENCH_WARMUP:-10}
DURATION=${BENCH_DURATION:-20}
SOAK_SECONDS=${BENCH_SOAK_SECONDS:-300}
TARGET_PORT=${BENCH_TARGET_PORT:-18080}
STUB_PORT=${BENCH_STUB_PORT:-18090}
RESULTS=$HERE/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RUN=$RESULTS/run-$STAMP.tmp
JFR=$RESULTS/profile-$STAMP.jfr.tmp
read -r -a SUT_OPTS <<< "${BENCH_JAVA_OPTS:-}"
read -r -a PRODUCT_OPTS <<< "${BENCH_PRODUCT_JAVA_OPTS:-}"
NICE=()
[[ -n ${BENCH_NICE:-} ]] && NICE=(nice -n "$BENCH_NICE")
export BENCH_WARMUP=$WARMUP BENCH_DURATION=$DURATION BENCH_TARGET_PORT=$TARGET_PORT BENCH_STUB_PORT=$STUB_PORT

case "$MODE" in all|soak|profile) ;; *) echo "usage: $0 [all|soak|profile]" >&2; exit 2 ;; esac
mkdir -p "$RESULTS"
log() { echo "[run.sh] $*"; }

# ---------- build what is missing ----------
if [[ ! -f $PRODUCT_JAR || ${BENCH_REBUILD:-0} == 1 ]]; then
  log "building the product jar in $PRODUCT_DIR"
  mvn -B -q -f "$PRODUCT_DIR/pom.xml" package -DskipTests
fi
if [[ ! -f $BENCH_JAR ]] || [[ -n $(find "$HERE/src" "$HERE/pom.xml" -newer "$BENCH_JAR" -print -quit) ]]; then
  log "building the bench jar"
  mvn -B -q -f "$HERE/pom.xml" package
fi

for port in "$TARGET_PORT" "$STUB_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port on 127.0.0.1 is already in use: stop what listens there or set BENCH_TARGET_PORT/BENCH_STUB_PORT" >&2
    exit 1
  fi
done

# The product environment that turns every adapter on with its platform API at the stub.
mapfile -t PRODUCT_ENV < <(java -jar "$BENCH_JAR" env --stub-port "$STUB_PORT")
PRODUCT_ENV+=("HTTP_HOST=127.0.0.1" "HTTP_PORT=$TARGET_PORT" "SHUTDOWN_GRACE_SECONDS=5")
# The store as a user runs it: the durable default (each system on a fresh DATA_DIR, sized after the run), or memory.
STATE_STORE=${BENCH_STATE_STORE:-file}
PRODUCT_ENV+=("STATE_STORE=$STATE_STORE")
log "state_store=$STATE_STORE"
DATA_ROOT=$(mktemp -d "${TMPDIR:-/tmp}/chatbot-bench-data.XXXXXX")
# The outbound rate limits model the platforms' quotas (Messenger ~300 calls/s per Page, Slack ~1/s per channel),
# which the stub does not have: with them on, the product is capped by design (250 replies/s on Messenger), not by
# its own cost. Off by default here (SEND_RATE_*=0); BENCH_RATE_LIMITS=default keeps the product's defaults.
if [[ ${BENCH_RATE_LIMITS:-off} == off ]]; then
  PRODUCT_ENV+=("SEND_RATE_MESSENGER=0" "SEND_RATE_WHATSAPP=0" "SEND_RATE_SLACK=0")
fi

LG_PID=""
SUT_PID=""
cleanup() {
  for pid in $SUT_PID $LG_PID; do
    if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  [[ -n ${DATA_ROOT:-} ]] && rm -rf "$DATA_ROOT"
}
trap cleanup EXIT

now_ms() { echo $(( ${EPOCHREALTIME/./} / 1000 )); }

# wait_http URL SECONDS: true once URL answers 200 (bench/wait-http.sh: polls every 10 ms without starting processes).
source "$HERE/wait-http.sh"

# heap_after_gc PID: MB of live objects, from a class histogram (which runs a full GC and counts in the same pause,
# so allocation under load between "GC" and "measure" cannot inflate it).
heap_after_gc() {
  local bytes
  bytes=$(jcmd "$1" GC.class_histogram 2>/dev/null | awk '$1 == "Total" {print $3}' || true)
  echo $(( ${bytes:-0} / 1048576 ))
}

echo "{\"type\":\"machine\",\"nproc\":$(nproc),\"load_1m_at_start\":$(cut -d' ' -f1 /proc/loadavg),\"java\":\"$(java -version 2>&1 | head -1 | tr -d '"')\",\"product_commit\":\"$(git -C "$PRODUCT_DIR" rev-parse --short HEAD 2>/dev/null || echo unknown)\",\"warmup_s\":$WARMUP,\"duration_s\":$([[ $MODE == soak ]] && echo "$SOAK_SECONDS" || echo "$DURATION"),\"mode\":\"$MODE\",\"rate_limits\":\"${BENCH_RATE_LIMITS:-off}\",\"state_store\":\"${BENCH_STATE_STORE:-file}\",\"note\":\"loadgen+stub and system under test share the machine\"}" >> "$RUN"

# wait_quiet PID SECONDS: until PID used at most one clock tick of CPU in each of two 100 ms windows running, or
# SECONDS passed.
wait_quiet() {
  local pid=$1 quiet=0 before now
  before=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || return 0
  for _ in $(seq 1 $(( $2 * 10 ))); do
    sleep 0.1
    now=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || return 0
    if (( now - before <= 1 )); then quiet=$(( quiet + 1 )); else quiet=0; fi
    (( quiet >= 2 )) && return 0
    before=$now
  done
}

# run_system NAME WORKLOADS METRICS_PATH SECONDS_BUDGET -- COMMAND...: loadgen+stub first, then the system, timed to ready.
run_system() {
  local name=$1 workloads=$2 metrics=$3 budget=$4
  shift 5
  local lglog=$RESULTS/$name-loadgen.log.tmp syslog=$RESULTS/$name.log.tmp
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  log "system=$name workloads=$workloads load_1m=$load"
  if awk "BEGIN {exit !($load > 1.5)}"; then log "warning: 1-min load $load > 1.5, numbers will be noisy"; fi
  local metrics_args=()
  [[ -n $metrics ]] && metrics_args=(--metrics-path "$metrics")
  local pidfile=$RESULTS/$name.pid.tmp
  rm -f "$pidfile"
  timeout "$budget" "${NICE[@]}" java -jar "$BENCH_JAR" loadgen --system "$name" --workloads "$workloads" --out "$RUN" \
    --sut-pid-file "$pidfile" "${metrics_args[@]}" > "$lglog" 2>&1 &
  LG_PID=$!
  if ! wait_http "http://127.0.0.1:$STUB_PORT/stub/health" 30; then
    echo "stub did not start, see $lglog" >&2; exit 1
  fi
  # The stub answers before the load generator's JVM has finished its own start (~0.2 s of a core right after):
  # startup is timed once it is quiet, not against it (bench/README.md, "session 10").
  wait_quiet "$LG_PID" 5
  local t0 datadir=$DATA_ROOT/$name
  t0=$(now_ms)
  DATA_DIR=$datadir "${NICE[@]}" "$@" > "$syslog" 2>&1 &
  SUT_PID=$!
  echo "$SUT_PID" > "$pidfile"
  if ! wait_http "http://127.0.0.1:$TARGET_PORT/health/ready" 60; then
    echo "$name did not become ready in 60 s, see $syslog" >&2; tail -5 "$syslog" >&2; exit 1
  fi
  local startup=$(( $(now_ms) - t0 ))
  log "system=$name ready startup_ms=$startup"
  local sampler=""
  if [[ $MODE == soak ]]; then soak_samples "$SUT_PID" & sampler=$!; fi
  if [[ $MODE == profile ]]; then profile_window "$SUT_PID" & sampler=$!; fi
  local lg_status=0
  wait "$LG_PID" || lg_status=$?
  if [[ -n $sampler ]]; then wait "$sampler" || true; fi
  grep '^\[loadgen\] workload=.*acks/s' "$lglog" | sed 's/^/  /' || true
  if (( lg_status != 0 )); then echo "loadgen failed (exit $lg_status), see $lglog" >&2; fi
  local hwm_kb
  if ! kill -0 "$SUT_PID" 2>/dev/null; then
    echo "$name exited during the run (see $syslog): its results are not valid" >&2
    echo "{\"type\":\"system\",\"system\":\"$name\",\"startup_ms\":$startup,\"died\":true}" >> "$RUN"
    SUT_PID=""
    return 0
  fi
  hwm_kb=$(awk '/VmHWM/ {print $2}' "/proc/$SUT_PID/status")
  local logged
  logged=$(grep -o 'startup_ms=[0-9]*' "$syslog" | head -1 | cut -d= -f2 || true)
  if [[ $MODE == profile && ! -s $JFR ]]; then jcmd "$SUT_PID" JFR.dump name=bench "filename=$JFR" >/dev/null || true; fi
  kill -TERM "$SUT_PID"
  for _ in $(seq 1 300); do kill -0 "$SUT_PID" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$SUT_PID" 2>/dev/null; then log "system=$name did not stop in 30 s, killing"; kill -KILL "$SUT_PID"; fi
  wait "$SUT_PID" 2>/dev/null || true
  SUT_PID=""
  local data_kb=0
  [[ -d $datadir ]] && data_kb=$(du -sk "$datadir" | cut -f1)
  log "system=$name state_store=$STATE_STORE data_dir_kb=$data_kb"
  echo "{\"type\":\"system\",\"system\":\"$name\",\"startup_ms\":$startup,\"logged_startup_ms\":${logged:-null},\"peak_rss_mb\":$(( hwm_kb / 1024 )),\"state_store\":\"$STATE_STORE\",\"data_dir_kb\":$data_kb}" >> "$RUN"
  rm -rf "$datadir"
}

# received: messages the product accepted so far (each one a dedupe entry).
received() {
  curl -s -m 5 "http://127.0.0.1:$TARGET_PORT/metrics" | awk '/^chatbot_messages_received_total/ {s+=$2} END {printf "%d", s}'
}

# data_dir_kb: the size of the running system's DATA_DIR (0 for memory), while it runs.
data_dir_kb() {
  if [[ -d $datadir ]]; then du -sk "$datadir" | cut -f1; else echo 0; fi
}

soak_samples() {
  local pid=$1 start
  start=$(now_ms)
  sleep "$(( WARMUP + 5 ))"
  while kill -0 "$LG_PID" 2>/dev/null; do
    local t=$(( ($(now_ms) - start) / 1000 ))
    echo "{\"type\":\"soak\",\"t_s\":$t,\"heap_used_mb\":$(heap_after_gc "$pid"),\"messages_received\":$(received),\"data_dir_kb\":$(data_dir_kb),\"note\":\"under load\"}" >> "$RUN"
    for _ in $(seq 1 60); do kill -0 "$LG_PID" 2>/dev/null || break; sleep 1; done
  done
  local t=$(( ($(now_ms) - start) / 1000 ))
  echo "{\"type\":\"soak\",\"t_s\":$t,\"heap_used_mb\":$(heap_after_gc "$pid"),\"messages_received\":$(received),\"data_dir_kb\":$(data_dir_kb),\"note\":\"after load\"}" >> "$RUN"
}

# profile_window PID: JFR over the measurement window only (after the warmup), not over startup.
profile_window() {
  sleep "$WARMUP"
  # The profile settings, with Java sampling every 2 ms instead of 10: on a busy 2-core box 10 ms gives too few samples.
  local jfc=$RESULTS/bench-profile.jfc.tmp
  awk '/<event name="jdk.ExecutionSample">/ {inside=1}
       inside && /name="period"/ {sub(/>[^<]*</, ">2 ms<"); inside=0}
       {print}' "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" > "$jfc"
  jcmd "$1" JFR.start name=bench "settings=$jfc" "duration=$(( DURATION > 2 ? DURATION - 1 : DURATION ))s" "filename=$JFR" >/dev/null
}

budget() { echo $(( ($1) * (WARMUP + DURATION + ${BENCH_PREWARM:-15} + 15) + 150 )); }
# The product as docs/operate.md "Startup" runs it: with its class data sharing archive, checked to fit the jar
# (-Xshare:on fails on an archive of another jar or JVM, where the default would silently start without it).
CDS_OPTS=()
PRODUCT_JSA=$PRODUCT_DIR/deploy/target/chatbot.jsa
if [[ ${BENCH_CDS:-on} == on ]]; then
  if java -Xshare:on -XX:SharedArchiveFile="$PRODUCT_JSA" -jar "$PRODUCT_JAR" --help > /dev/null 2>&1; then
    CDS_OPTS=(-XX:SharedArchiveFile="$PRODUCT_JSA")
  else
    log "warning: $PRODUCT_JSA is missing or does not fit the jar (mvn package makes it): the product runs without it"
  fi
fi
PRODUCT_CDS=$([[ ${#CDS_OPTS[@]} -gt 0 ]] && echo on || echo off)
log "product cds=$PRODUCT_CDS"
echo "{\"type\":\"machine\",\"product_cds\":\"$PRODUCT_CDS\"}" >> "$RUN"
# ... and with the JVM flags the README and docs/operate.md "Startup" give it (the baseline keeps the JVM's defaults).
PRODUCT_FLAGS=()
[[ ${BENCH_PRODUCT_FLAGS:-on} == on ]] && PRODUCT_FLAGS=(-XX:+UseSerialGC -XX:+UseTransparentHugePages)
log "product flags=[${PRODUCT_FLAGS[*]}]"
echo "{\"type\":\"machine\",\"product_flags\":\"${PRODUCT_FLAGS[*]}\"}" >> "$RUN"
CHATBOT=(java "${CDS_OPTS[@]}" "${PRODUCT_FLAGS[@]}" "${SUT_OPTS[@]}" "${PRODUCT_OPTS[@]}" -jar "$PRODUCT_JAR")
echo "{\"type\":\"machine\",\"product_java_opts\":\"${BENCH_PRODUCT_JAVA_OPTS:-}\"}" >> "$RUN"
log "product java_opts=[${BENCH_PRODUCT_JAVA_OPTS:-}]"
# workloads WORKLOADS: what a system runs, unless BENCH_WORKLOADS names one list for all.
workloads() { echo "${BENCH_WORKLOADS:-$1}"; }
has_shoe() { [[ -d $PRODUCT_DIR/bots/shoe-shop ]]; }

case "$MODE" in
  all)
    IFS=, read -r -a SYSTEMS <<< "${BENCH_SYSTEMS:-baseline,chatbot-echo,chatbot-shoe}"
    for system in "${SYSTEMS[@]}"; do
      case "$system" in
        baseline)
          run_system baseline "$(workloads messenger-echo,slack-echo)" "" "$(budget 2)" -- \
            java "${SUT_OPTS[@]}" -jar "$BENCH_JAR" baseline --port "$TARGET_PORT" --stub-port "$STUB_PORT" ;;
        chatbot-echo)
          run_system chatbot-echo "$(workloads messenger-echo,slack-echo,messenger-echo:1)" /metrics "$(budget 3)" -- \
            env "${PRODUCT_ENV[@]}" BOT=echo "${CHATBOT[@]}" ;;
        chatbot-shoe)
          if has_shoe; then
            run_system chatbot-shoe "messenger-shoe,messenger-shoe:1" /metrics "$(budget 2)" -- \
              env "${PRODUCT_ENV[@]}" BOT=shoe-shop "${CHATBOT[@]}"
          else
            log "system=chatbot-shoe skipped: no bots/shoe-shop in $PRODUCT_DIR yet"
          fi ;;
        *) echo "unknown system $system" >&2; exit 2 ;;
      esac
    done ;;
  soak)
    export BENCH_DURATION=$SOAK_SECONDS
    run_system chatbot-echo-soak messenger-echo /metrics "$(( WARMUP + SOAK_SECONDS + 200 ))" -- \
      env "${PRODUCT_ENV[@]}" BOT=echo "${CHATBOT[@]}" ;;
  profile)
    if [[ ${BENCH_PROFILE_SYSTEM:-chatbot} == baseline ]]; then
      run_system baseline-profile "${BENCH_PROFILE_WORKLOAD:-messenger-echo}" "" "$(budget 1)" -- \
        java "${SUT_OPTS[@]}" -jar "$BENCH_JAR" baseline --port "$TARGET_PORT" --stub-port "$STUB_PORT"
    else
      run_system chatbot-echo-profile "${BENCH_PROFILE_WORKLOAD:-messenger-echo}" /metrics "$(budget 1)" -- \
        env "${PRODUCT_ENV[@]}" BOT="${BENCH_PROFILE_BOT:-echo}" "${CHATBOT[@]}"
    fi
    java -jar "$BENCH_JAR" jfr-top "$JFR" --top 30 | tee "$RESULTS/profile-$STAMP.txt"
    log "recording: $JFR (jfr summary / jfr print --events jdk.ExecutionSample)" ;;
esac

OUT=$RESULTS/$MODE-$STAMP.json
java -jar "$BENCH_JAR" report --in "$RUN" --out "$OUT" | tee "$RESULTS/$MODE-$STAMP.md"
cp "$OUT" "$RESULTS/latest-$MODE.json"
cp "$RESULTS/$MODE-$STAMP.md" "$RESULTS/latest-$MODE.md"
log "results: $OUT"
