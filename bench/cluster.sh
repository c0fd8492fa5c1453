#!/usr/bin/env bash
# Messenger echo on one member (STATE_STORE=memory) and on three clustered members (STATE_STORE=cluster), in the
# same run: three members with every webhook into member 1 (which forwards the conversations it does not own), and
# three members with the webhooks spread over all three (each load generator driver keeps to one member, as a load
# balancer with client affinity would). All members share this machine's cores: this measures what the cluster
# costs per message, not how it scales across machines. The verdicts compare with issue 19's targets, each against
# the one-member row of the same run; what was not measured is "not judged".
# Usage: bench/cluster.sh   (after bench/run.sh has built the jars; BENCH_WARMUP/BENCH_DURATION as in run.sh;
#        BENCH_NICE=15 to run at low priority on a shared box, the same level for every process;
#        BENCH_PRODUCT_FLAGS=off runs the members with the JVM's defaults instead of the README's flags (as run.sh);
#        BENCH_PROFILE=1 records JFR on every member over the measurement window and prints jfr-top per member;
#        BENCH_CLUSTER_ROWS=one-member,three-members-spread to run only some rows, or to add the two reference rows
#        that tell the cluster's cost from the box's: three-members-unclustered (three members in memory mode that
#        do not know each other, webhooks spread: what three JVMs sharing these cores do without a cluster) and
#        one-member-clustered (STATE_STORE=cluster, a cluster of one: the cluster's own operations, no network);
#        BENCH_TARGET_PORT (member 1's HTTP port, the others follow; 18081), BENCH_CLUSTER_PORT (member 1's
#        Hazelcast port, likewise; 5801) and BENCH_STUB_PORT (18190) to keep clear of other runs on a shared box)
set -euo pipefail
cd "$(dirname "$0")"
JAR=../deploy/target/chatbot.jar BENCH_JAR=target/bench.jar
[[ -f $JAR && -f $BENCH_JAR ]] || { echo "build first: bench/run.sh (or mvn -q package -DskipTests)" >&2; exit 1; }
# Prewarm 120 s, not run.sh's 15 s: three JVMs sharing two cores compile about 16,000 methods each, and with 15 s the
# C2 queue was still thousands long a minute in (jstat -compiler, jcmd <pid> Compiler.queue), so the cluster rows
# measured mostly the JIT. The one-member row gets the same prewarm, so the comparison stays fair.
export BENCH_WARMUP=${BENCH_WARMUP:-10} BENCH_DURATION=${BENCH_DURATION:-20} BENCH_PREWARM=${BENCH_PREWARM:-120}
# Not run.sh's stub port: the two scripts may run at the same time on a shared box.
export BENCH_STUB_PORT=${BENCH_STUB_PORT:-18190}
HTTP_BASE=$(( ${BENCH_TARGET_PORT:-18081} - 1 )) CLUSTER_BASE=$(( ${BENCH_CLUSTER_PORT:-5801} - 1 ))
NICE=(nice -n "${BENCH_NICE:-0}")
# The README's JVM flags, as run.sh gives the product and the container image every member; then the extra options
# for every member (run.sh's BENCH_PRODUCT_JAVA_OPTS, e.g. Hazelcast's thread counts), which win.
MEMBER_OPTS=()
[[ ${BENCH_PRODUCT_FLAGS:-on} == on ]] && MEMBER_OPTS=(-XX:+UseSerialGC -XX:+UseTransparentHugePages)
read -r -a EXTRA_OPTS <<< "${BENCH_PRODUCT_JAVA_OPTS:-}"
MEMBER_OPTS+=("${EXTRA_OPTS[@]}")
mkdir -p results
STAMP=$(date -u +%Y%m%dT%H%MZ) RUN=results/cluster-$STAMP.jsonl.tmp
mapfile -t ENVV < <(java -jar "$BENCH_JAR" env --stub-port "$BENCH_STUB_PORT")
ENVV+=("BOT=echo" "HTTP_HOST=127.0.0.1" "SHUTDOWN_GRACE_SECONDS=5" "SEND_RATE_MESSENGER=0" "SEND_RATE_WHATSAPP=0" "SEND_RATE_SLACK=0")
PIDS=() PROFILERS=()
stop_all() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done; PIDS=(); }
trap stop_all EXIT
ready() { for _ in $(seq 1 600); do curl -sf -m 1 "http://127.0.0.1:$1/health/ready" >/dev/null && return 0; sleep 0.1; done; return 1; }

# Each member gets event loops for its share of the cores, at least one, as in a container limited to that share
# (the JVM then counts only those cores, and EVENT_LOOPS defaults to them): the one member all of them, each of three
# members on two cores one. Two each, six loops taking turns on two cores, cost the spread row a third more CPU per
# reply and a quarter of its replies a second (bench/README.md, session 13). BENCH_MEMBER_EVENT_LOOPS sets them all.
event_loops() { echo "${BENCH_MEMBER_EVENT_LOOPS:-$(( $(nproc) / $1 > 0 ? $(nproc) / $1 : 1 ))}"; }

measure() { # NAME MEMBERS ENTRY_MEMBERS [STORE: cluster (the default), or memory for members that do not know each other]
  local name=$1 members=$2 entries=$3 store=${4:-cluster} list="" ports="" i
  for i in $(seq 1 "$members"); do list+="127.0.0.1:$((CLUSTER_BASE + i)),"; done
  for i in $(seq 1 "$members"); do
    local extra=("STATE_STORE=$store" "EVENT_LOOPS=$(event_loops "$members")")
    [[ $store == cluster ]] && extra+=("CLUSTER_PORT=$((CLUSTER_BASE + i))" "CLUSTER_MEMBERS=${list%,}")
    env "${ENVV[@]}" "${extra[@]}" "HTTP_PORT=$((HTTP_BASE + i))" "${NICE[@]}" java "${MEMBER_OPTS[@]}" -jar "$JAR" > "results/$name-$i.log.tmp" 2>&1 &
    PIDS+=($!)
    # The first member forms the cluster before the others join it (no split clusters to merge).
    (( i == 1 )) && { ready $((HTTP_BASE + 1)) || { echo "member 1 not ready" >&2; exit 1; }; }
  done
  for i in $(seq 1 "$members"); do ready $((HTTP_BASE + i)) || { echo "member $i not ready" >&2; exit 1; }; done
  for i in $(seq 1 "$entries"); do ports+="$((HTTP_BASE + i)),"; done
  echo "${PIDS[*]}" > "results/$name.pids.tmp"
  [[ ${BENCH_PROFILE:-0} == 1 ]] && for i in $(seq 1 "$members"); do profile_member "$name-$i" "${PIDS[$((i - 1))]}" & PROFILERS+=($!); done
  # Bounded, with room for a shared box pausing the run (SIGSTOP) for a few minutes.
  timeout $(( BENCH_PREWARM + BENCH_WARMUP + BENCH_DURATION + 600 )) "${NICE[@]}" java -jar "$BENCH_JAR" loadgen --system "$name" --workloads messenger-echo --out "$RUN" \
    --target-port $((HTTP_BASE + 1)) --target-ports "${ports%,}" --drivers "$(( entries > 2 ? entries : 2 ))" \
    --sut-pid-file "results/$name.pids.tmp" | grep '^\[loadgen\] workload=' || true
  if [[ ${BENCH_PROFILE:-0} == 1 ]]; then
    wait_jfr
    for i in $(seq 1 "$members"); do
      [[ -s results/$name-$i.jfr.tmp ]] && java -jar "$BENCH_JAR" jfr-top "results/$name-$i.jfr.tmp" --top 25 \
        > "results/profile-cluster-$STAMP-$name-$i.txt" 2>&1 || true
    done
  fi
  stop_all
}

# profile_member NAME PID: JFR over the measurement window (after prewarm and warmup), Java sampled every 2 ms.
profile_member() {
  local jfc=results/bench-profile-$1.jfc.tmp
  awk '/<event name="jdk.ExecutionSample">/ {inside=1}
       inside && /name="period"/ {sub(/>[^<]*</, ">2 ms<"); inside=0}
       {print}' "$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")/lib/jfr/profile.jfc" > "$jfc"
  sleep $(( BENCH_PREWARM + BENCH_WARMUP + 3 ))
  jcmd "$2" JFR.start name=bench "settings=$jfc" "duration=$(( BENCH_DURATION - 2 ))s" \
    "filename=$PWD/results/$1.jfr.tmp" >/dev/null 2>&1 || true
}
wait_jfr() { local pid; for pid in "${PROFILERS[@]}"; do wait "$pid" 2>/dev/null || true; done; PROFILERS=(); sleep 3; }

ROWS=${BENCH_CLUSTER_ROWS:-one-member,three-members-one-entry,three-members-spread}
MACHINE="machine: nproc=$(nproc) load_1m_at_start=$(cut -d' ' -f1 /proc/loadavg) nice=${BENCH_NICE:-0} product=$(git -C .. rev-parse --short HEAD 2>/dev/null || echo '?') java_opts=[${MEMBER_OPTS[*]}] event_loops_per_member=$(event_loops 1)/$(event_loops 3) prewarm=${BENCH_PREWARM}s warmup=${BENCH_WARMUP}s measure=${BENCH_DURATION}s"
echo "$MACHINE"
[[ ,$ROWS, == *,one-member,* ]] && measure one-member 1 1 memory
[[ ,$ROWS, == *,three-members-one-entry,* ]] && measure three-members-one-entry 3 1
[[ ,$ROWS, == *,three-members-spread,* ]] && measure three-members-spread 3 3
[[ ,$ROWS, == *,three-members-unclustered,* ]] && measure three-members-unclustered 3 3 memory
[[ ,$ROWS, == *,one-member-clustered,* ]] && measure one-member-clustered 1 1
{ echo "$MACHINE load_1m_at_end=$(cut -d' ' -f1 /proc/loadavg)"
  java -jar "$BENCH_JAR" cluster-report --in "$RUN" --out "results/cluster-$STAMP.json"; } | tee "results/cluster-$STAMP.md"
