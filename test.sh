#!/usr/bin/env bash
# Every test, on a fresh Debian machine with only a JDK and Maven: installs the browser the web chat tests drive
# (Debian's chromium and chromium-driver) and the Prometheus the dashboard test scrapes with, when missing, then runs
# the whole Maven build with its tests.
# Extra arguments go to Maven, e.g. ./test.sh -pl adapters/telegram -am
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v prometheus >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  $sudo apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

exec mvn -B verify "$@"
