#!/bin/bash
# Startup of the fat jar with and without its class data sharing archive (AppCDS, made by `mvn package`): wall time
# from `java` launched to the first 200 from /health/ready, and the CPU the JVM used until then (user + system, from
# /proc), which a busy machine disturbs much less. Echo bot, every adapter on with its platform API at a closed port
# of 127.0.0.1 (nothing leaves the machine), BENCH_STATE_STORE (file, the default, on a fresh DATA_DIR; or memory).
# Runs alternate (plain, CDS, plain, CDS...) so both see the same machine load; prints each run and the medians.
#   usage (repository root, after `mvn -q -pl deploy -am package -DskipTests`): bench/startup.sh [runs]
#   BENCH_NICE=15 runs the JVMs at that nice level; extra JVM options for both: BENCH_JAVA_OPTS.
# With JVM flag sets after [runs], every start uses the archive and the sets alternate instead (docs/operate.md
# "Startup" measured its flags so):
#   bench/startup.sh 7 "" "-XX:+UseSerialGC" "-XX:+UseTransparentHugePages" "-XX:+UseSerialGC -XX:+UseTransparentHugePages"
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/wait-http.sh"
runs="${1:-7}"
variants=("${@:2}")
jar="$HERE/../deploy/target/chatbot.jar"
jsa="$HERE/../deploy/target/chatbot.jsa"
store="${BENCH_STATE_STORE:-file}"
read -r -a extra <<< "${BENCH_JAVA_OPTS:-}"
nice=()
[[ -n ${BENCH_NICE:-} ]] && nice=(nice -n "$BENCH_NICE")
[ -f "$jar" ] && [ -f "$jsa" ] || { echo "build first: mvn -q -pl deploy -am package -DskipTests" >&2; exit 1; }
java -Xshare:on -XX:SharedArchiveFile="$jsa" -jar "$jar" --help > /dev/null 2>&1 \
  || { echo "$jsa does not fit $jar (rebuild: mvn -q -pl deploy -am package -DskipTests)" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
nowhere="https://127.0.0.1:$(free_port)"
platforms=(MESSENGER_APP_SECRET=s MESSENGER_VERIFY_TOKEN=v MESSENGER_PAGE_ACCESS_TOKEN=t MESSENGER_API_BASE_URL=$nowhere
  WHATSAPP_APP_SECRET=s WHATSAPP_VERIFY_TOKEN=v WHATSAPP_ACCESS_TOKEN=t WHATSAPP_PHONE_NUMBER_ID=1
  WHATSAPP_API_BASE_URL=$nowhere SLACK_SIGNING_SECRET=s SLACK_BOT_TOKEN=xoxb-t SLACK_API_BASE_URL=$nowhere
  TELEGRAM_BOT_TOKEN=1:t TELEGRAM_WEBHOOK_SECRET=s TELEGRAM_API_BASE_URL=$nowhere)

# One start: prints "wall_ms cpu_ms logged_ms" from launch to ready. Extra arguments go to the JVM.
measure() {
  local port pid started now data log
  port="$(free_port)"
  data="$(mktemp -d "${TMPDIR:-/tmp}/chatbot-startup.XXXXXX")"
  log="$data.log"
  started=${EPOCHREALTIME/./}
  env "${platforms[@]}" HTTP_HOST=127.0.0.1 HTTP_PORT="$port" STATE_STORE="$store" DATA_DIR="$data" BOT=echo \
    "${nice[@]}" java "$@" "${extra[@]}" -jar "$jar" > "$log" 2>&1 &
  pid=$!
  wait_http "http://127.0.0.1:$port/health/ready" 300 || { echo "not ready, see $log" >&2; kill "$pid"; return 1; }
  now=${EPOCHREALTIME/./}
  local ticks
  ticks="$(awk '{print $14 + $15}' "/proc/$pid/stat")"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local logged
  logged=$(grep -o 'startup_ms=[0-9]*' "$log" | head -1 | cut -d= -f2 || true)
  rm -rf "$data" "$log"
  echo "$(( (now - started) / 1000 )) $(( ticks * 1000 / $(getconf CLK_TCK) )) ${logged:-0}"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

if (( ${#variants[@]} > 0 )); then
  declare -A walls=() cpus=()
  for i in $(seq 1 "$runs"); do
    for v in "${!variants[@]}"; do
      read -r -a flags <<< "${variants[$v]}"
      read -r wall cpu logged < <(measure "${flags[@]}" -XX:SharedArchiveFile="$jsa")
      walls[$v]+="$wall "; cpus[$v]+="$cpu "
      echo "run $i [${variants[$v]}]: $wall ms (cpu $cpu ms, logged $logged ms)"
    done
  done
  for v in "${!variants[@]}"; do
    echo "median of $runs [${variants[$v]}]: $(printf '%s\n' ${walls[$v]} | median) ms" \
      "(cpu $(printf '%s\n' ${cpus[$v]} | median) ms), all: $(printf '%s\n' ${walls[$v]} | sort -n | tr '\n' ' ')"
  done
  exit 0
fi

plain=(); plain_cpu=(); plain_log=(); cds=(); cds_cpu=(); cds_log=()
for i in $(seq 1 "$runs"); do
  read -r wall cpu logged < <(measure); plain+=("$wall"); plain_cpu+=("$cpu"); plain_log+=("$logged")
  read -r wall cpu logged < <(measure -XX:SharedArchiveFile="$jsa"); cds+=("$wall"); cds_cpu+=("$cpu"); cds_log+=("$logged")
  echo "run $i (load $(cut -d' ' -f1 /proc/loadavg)): plain ${plain[-1]} ms (cpu ${plain_cpu[-1]} ms, logged ${plain_log[-1]} ms)," \
    "cds ${cds[-1]} ms (cpu ${cds_cpu[-1]} ms, logged ${cds_log[-1]} ms)"
done
m() { printf '%s\n' "$@" | median; }
echo "median of $runs, store=$store (load $(cut -d' ' -f1 /proc/loadavg) on $(nproc) CPUs):" \
  "plain $(m "${plain[@]}") ms (cpu $(m "${plain_cpu[@]}") ms, logged $(m "${plain_log[@]}") ms)," \
  "cds $(m "${cds[@]}") ms (cpu $(m "${cds_cpu[@]}") ms, logged $(m "${cds_log[@]}") ms)"
