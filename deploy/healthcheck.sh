#!/bin/bash
# The container's HEALTHCHECK without starting a JVM every 30 s: GET /health/live through bash's /dev/tcp, on
# MANAGEMENT_PORT when set (always plain HTTP), else on HTTP_PORT. Only HTTPS on HTTP_PORT with no management port
# falls back to the small Java check in the jar (it speaks TLS).
port="${MANAGEMENT_PORT:-${HTTP_PORT:-8080}}"
if [ -z "$MANAGEMENT_PORT" ] && [ -n "$TLS_CERT_PATH" ]; then
  exec java -Xmx32m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "${CHATBOT_JAR:-/app/chatbot.jar}" \
    dev.chatbot.deploy.HealthCheck
fi
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 status <&3 || exit 1
case "$status" in
  "HTTP/1."?" 200 "*) exit 0 ;;
  *) echo "health check: $status" >&2; exit 1 ;;
esac
