#!/usr/bin/env bash
# SPEC §4 Shutdown against the real fat jar: start it, put conversations in flight (slow platform, one retry in
# progress), send SIGTERM, then check that the exit code is 0 and that every acknowledged message got its reply.
#
# The platform is WireMock standalone (from ~/.m2); the adapter is the core's test-only stub platform
# (framework/core/target/test-classes, STUB_PLATFORM_URL), added to the jar's class path so this runs before the
# real adapters exist. Once the Messenger adapter is in the jar, the same steps work with signed Messenger webhooks.
#
# Build first (no install):  mvn -B -q package -DskipTests -pl deploy -am
# Run:                       bench/sigterm.sh [users] [messages-per-user]
set -euo pipefail
cd "$(dirname "$0")/.."

USERS=${1:-5}
PER_USER=${2:-4}
JAR=deploy/target/chatbot.jar
STUB_CLASSES=framework/core/target/test-classes
WIREMOCK=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar)
[[ -f $JAR && -d $STUB_CLASSES/dev/chatbot/stub ]] || { echo "build first: mvn -B -q package -DskipTests -pl deploy -am"; exit 2; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
WM_PORT=$(free_port)
APP_PORT=$(free_port)
WORK=$(mktemp -d)
cleanup() { [[ -n ${WM_PID:-} ]] && kill "$WM_PID" 2>/dev/null || true; [[ -n ${APP_PID:-} ]] && kill -9 "$APP_PID" 2>/dev/null || true; }
trap cleanup EXIT
echo "work dir $WORK"

java -jar "$WIREMOCK" --bind-address 127.0.0.1 --port "$WM_PORT" --disable-banner \
  --container-threads 64 >"$WORK/wiremock.log" 2>&1 &
WM_PID=$!
until curl -fs "http://127.0.0.1:$WM_PORT/__admin/mappings" >/dev/null; do sleep 0.2; done
# Every reply takes 1.5 s to be accepted; the first reply to user-1 fails with 503 first, so a retry is in flight.
curl -fs -X POST "http://127.0.0.1:$WM_PORT/__admin/mappings" -d '{"priority":5,"request":{"method":"POST","url":"/send"},
  "response":{"status":200,"fixedDelayMilliseconds":1500}}' >/dev/null
curl -fs -X POST "http://127.0.0.1:$WM_PORT/__admin/mappings" -d '{"priority":1,"scenarioName":"flaky",
  "requiredScenarioState":"Started","newScenarioState":"up",
  "request":{"method":"POST","url":"/send","bodyPatterns":[{"matchesJsonPath":"$[?(@.channel == '"'"'user-1'"'"')]"}]},
  "response":{"status":503,"fixedDelayMilliseconds":500}}' >/dev/null

HTTP_HOST=127.0.0.1 HTTP_PORT=$APP_PORT BOT=stub-echo STUB_PLATFORM_URL="http://127.0.0.1:$WM_PORT" \
  SEND_RETRY_BASE_MILLIS=200 SHUTDOWN_GRACE_SECONDS=25 DATA_DIR="$WORK/data" \
  java -cp "$JAR:$STUB_CLASSES" dev.chatbot.deploy.Main >"$WORK/app.log" 2>&1 &
APP_PID=$!
until curl -fs "http://127.0.0.1:$APP_PORT/health/ready" >/dev/null; do
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log"; exit 1; }
  sleep 0.2
done

: >"$WORK/accepted"
for m in $(seq 1 "$PER_USER"); do
  for u in $(seq 1 "$USERS"); do
    text="user-$u says $m"
    body=$(printf '{"id":"u%s-m%s","conversation":{"platform":"stub","channel":"user-%s"},"user":{"platform":"stub","id":"user-%s"},"kind":"TEXT","text":"%s","timestamp":0}' "$u" "$m" "$u" "$u" "$text")
    status=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' -d "$body" "http://127.0.0.1:$APP_PORT/webhooks/stub")
    [[ $status == 200 ]] && echo "$text" >>"$WORK/accepted"
  done
done
echo "accepted $(wc -l <"$WORK/accepted") messages; sending SIGTERM"

kill -TERM "$APP_PID"
sleep 0.3
ready=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$APP_PORT/health/ready" || true)
late=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
  -d '{"id":"late","conversation":{"platform":"stub","channel":"late"},"user":{"platform":"stub","id":"late"},"kind":"TEXT","text":"too late","timestamp":0}' \
  "http://127.0.0.1:$APP_PORT/webhooks/stub" || true)
echo "during shutdown: /health/ready=$ready webhook=$late"
set +e
wait "$APP_PID"
code=$?
set -e
APP_PID=
echo "exit code $code"

curl -fs "http://127.0.0.1:$WM_PORT/__admin/requests?limit=10000" \
  | jq -r '.requests[] | select(.responseDefinition.status == 200) | .request.body | fromjson | .reply.text' \
  | sort >"$WORK/delivered"
sort "$WORK/accepted" >"$WORK/accepted.sorted"
missing=$(comm -23 "$WORK/accepted.sorted" "$WORK/delivered" | wc -l)
echo "delivered $(wc -l <"$WORK/delivered") of $(wc -l <"$WORK/accepted") accepted; missing $missing"
grep -E "shutdown|send retry" "$WORK/app.log" || true

if [[ $code -eq 0 && $missing -eq 0 && $ready == 503 && $late == 503 ]]; then
  echo "PASS"
else
  echo "FAIL (logs in $WORK)"
  exit 1
fi
