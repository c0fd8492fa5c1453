#!/usr/bin/env bash
# The framework's own cost per turn (routing, dialog, typed state, state save with the memory store), in process:
# bench/turn/TurnCost.java run with Java's single-file launch against the product jar. Usage: bench/turn-cost.sh [turns]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
JAR=$ROOT/deploy/target/chatbot.jar
if [[ ! -f $JAR || ${BENCH_REBUILD:-0} == 1 ]]; then
  mvn -B -q -f "$ROOT/pom.xml" package -DskipTests
fi
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$JAR" "$HERE/turn/TurnCost.java" "${1:-1000000}"
