#!/usr/bin/env bash
# What the state store costs per message (dedupe, inbox, outbox, done), in process: bench/store/StoreCost.java run
# with Java's single-file launch against the product jar. Usage: bench/store-cost.sh [file|memory] [concurrency] [s]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
JAR=${BENCH_PRODUCT_JAR:-$ROOT/deploy/target/chatbot.jar}
if [[ ! -f $JAR || ${BENCH_REBUILD:-0} == 1 ]]; then
  mvn -B -q -f "$ROOT/pom.xml" package -DskipTests
fi
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$JAR" "$HERE/store/StoreCost.java" "${1:-file}" "${2:-64}" "${3:-10}"
