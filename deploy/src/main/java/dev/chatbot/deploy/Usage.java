package dev.chatbot.deploy;

/** The text of {@code --help}: options and every variable. */
final class Usage {

  private Usage() {}

  static final String TEXT = """
      Usage: java -jar chatbot.jar [--config FILE]

      Runs the chatbot server: the web chat at /chat, every platform adapter whose
      variables are set, and the bot(s) named by BOT.

      Options:
        --config FILE   YAML or JSON file with the variables below as keys
                        (environment variables win over the file)
        -h, --help      this text

      Variables:
        HTTP_HOST, HTTP_PORT            listen address (0.0.0.0, 8080)
        TLS_CERT_PATH, TLS_KEY_PATH     PEM certificate chain and key: HTTPS (HTTP/1.1 and HTTP/2)
        TLS_RELOAD_SECONDS              how often to look for a renewed certificate (30)
        PUBLIC_BASE_URL                 public origin for links platforms fetch (http://localhost:PORT)
        BOT                             bot(s) to deploy, comma-separated (shoe-shop)
        BOT_ROUTES                      which bot answers which platform, e.g. slack:echo
        BOT_PATH                        a directory of bot jars loaded at start; their bots
                                        run unless BOT says otherwise
        MESSENGER_VERIFY_TOKEN, MESSENGER_APP_SECRET, MESSENGER_PAGE_ACCESS_TOKEN
                                        Facebook Messenger adapter (all three)
        MESSENGER_API_BASE_URL          Graph API base (https://graph.facebook.com/v23.0)
        WHATSAPP_VERIFY_TOKEN, WHATSAPP_APP_SECRET, WHATSAPP_ACCESS_TOKEN, WHATSAPP_PHONE_NUMBER_ID
                                        WhatsApp Cloud API adapter (all four)
        WHATSAPP_API_BASE_URL           Graph API base (https://graph.facebook.com/v23.0)
        SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN
                                        Slack adapter (both)
        SLACK_API_BASE_URL              Slack Web API base (https://slack.com/api)
        TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET
                                        Telegram adapter (both; the secret as given to setWebhook)
        TELEGRAM_API_BASE_URL           Bot API base (https://api.telegram.org)
        ADMIN_API_TOKEN                 bearer token of the admin API /api/v1 (off when unset)
        STATE_STORE                     file, memory or cluster (file)
        DATA_DIR                        where STATE_STORE=file keeps its data, one process each (data)
        DATA_SYNC_MILLIS                how often the data is forced to disk: what a power cut can lose (1000)
        MANAGEMENT_PORT                 port serving /metrics (then not on HTTP_PORT) and /health/*
        LOG_FORMAT                      text or json, one event per line (text)
        LOG_HASH_KEY                    key hashing user ids in logs, same on all replicas (random)
        PLATFORM_CHECK_SECONDS          how often adapters check their token with the platform (300)
        OTEL_*                          OpenTelemetry tracing, e.g. OTEL_EXPORTER_OTLP_ENDPOINT (off)
        HTTP_BODY_BUDGET_MB             unauthenticated body memory over all connections (heap/32, at most 64)
        HTTP_HEADER_TIMEOUT_SECONDS, HTTP_BODY_TIMEOUT_SECONDS, HTTP_IDLE_TIMEOUT_SECONDS
                                        slow or silent connections are closed (20, 30, 60)
        HTTP_MAX_CONNECTIONS, HTTP_MAX_CONNECTIONS_PER_ADDRESS
                                        open connections in total and per client (3/4 of free fds, 1000)
        EVENT_LOOPS                     event-loop threads, one HTTP server and bot instance each (cores)
        WEBCHAT_SESSION_SECRET          key of the web chat's session tokens (32+ characters; per DATA_DIR)
        WEBCHAT_ALLOWED_ORIGINS         other origins allowed to open the web chat socket
        CLUSTER_HOST, CLUSTER_PORT      cluster address of this member (127.0.0.1, 5701)
        CLUSTER_MEMBERS                 host:port,... of the cluster's members
        CLUSTER_KUBERNETES_SERVICE      headless Service to discover members on Kubernetes
        CLUSTER_EVENT_BUS_PORT          event bus port on CLUSTER_HOST (0: any free port)
        CLUSTER_BACKUP_COUNT            copies of each cluster entry on other members (1, 0 to 6)
        SHUTDOWN_GRACE_SECONDS          time to finish in-flight work on SIGTERM (25)
        SEND_TIMEOUT_SECONDS            one send attempt at most this long (10)
        SEND_MAX_ATTEMPTS               attempts per platform call, the first included (12)
        SEND_RETRY_BASE_MILLIS, SEND_RETRY_MAX_MILLIS
                                        exponential backoff base and cap (1000, 60000)
        SEND_MAX_PARTS                  most messages one reply is split into; the rest is cut (10)
        SEND_RETRY_AFTER_MAX_SECONDS    a longer Retry-After is not waited for (60)
        SEND_RATE_MESSENGER, SEND_RATE_WHATSAPP, SEND_RATE_SLACK, SEND_RATE_TELEGRAM
                                        messages per second to a platform, 0 = unlimited (the
                                        adapter's: 250, 70, 1 per channel, 1 per chat);
                                        any platform: SEND_RATE_<PLATFORM>
        SEND_BURST_MESSENGER, SEND_BURST_WHATSAPP, SEND_BURST_SLACK, SEND_BURST_TELEGRAM
                                        sends allowed at once after a quiet while (the rate;
                                        Slack 3, Telegram 5)
        DEDUPE_WINDOW_SECONDS           how long a platform message id is remembered (600, at least 600)
        DEDUPE_MAX_ENTRIES              most message ids remembered (250000)
      """;
}
