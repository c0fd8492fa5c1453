# Sourced by run.sh and startup.sh (bash 5: EPOCHREALTIME).

# wait_http URL SECONDS: true once URL (http://HOST:PORT/PATH) answers 200, polling every 10 ms. Startup is timed
# with it, so each poll is bash alone, no process started: a GET over bash's /dev/tcp and a 10 ms read timeout on a
# FIFO nothing writes to. The former poll (a curl and a date every 10 ms) cost 56 ms of CPU per poll on the loaded
# 2-core box (100 polls: 5.6 s), taken from the JVM being timed.
wait_http() {
  local url=$1 rest host port path deadline=$(( ${EPOCHREALTIME/./} / 1000 + $2 * 1000 )) fd code idle pause
  rest=${url#http://}
  host=${rest%%:*}
  rest=${rest#*:}
  port=${rest%%/*}
  path=/${rest#*/}
  pause=$(mktemp -u "${TMPDIR:-/tmp}/bench-pause.XXXXXX")
  mkfifo "$pause"
  exec {idle}<>"$pause"
  rm -f "$pause"
  while (( ${EPOCHREALTIME/./} / 1000 < deadline )); do
    code=""
    if { exec {fd}<>"/dev/tcp/$host/$port"; } 2>/dev/null; then
      printf 'GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$host" >&"$fd" 2>/dev/null
      read -r -t 2 -u "$fd" _ code _ || true
      exec {fd}>&-
    fi
    if [[ $code == 200 ]]; then exec {idle}>&-; return 0; fi
    read -r -t 0.01 -u "$idle" _ || true
  done
  exec {idle}>&-
  return 1
}
