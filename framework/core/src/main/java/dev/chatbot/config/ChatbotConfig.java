package dev.chatbot.config;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import java.util.Arrays;
import java.util.List;

/**
 * The core's typed configuration, read once at start. Adapter-specific variables stay in {@link #settings()}.
 * {@link #toString()} never shows a secret.
 */
public record ChatbotConfig(
    String httpHost,
    int httpPort,
    String tlsCertPath,
    String tlsKeyPath,
    String publicBaseUrl,
    List<String> bots,
    String stateStore,
    String adminApiToken,
    long shutdownGraceMillis,
    int eventLoops,
    Settings settings) {

  /** Durable by default: {@code DATA_DIR} (default {@code data}) keeps what a restart must not lose. */
  public static final String DEFAULT_STATE_STORE = "file";

  /** Reads and checks the core variables; throws {@link ConfigException} naming the first bad one. */
  public static ChatbotConfig from(Settings settings) {
    String host = settings.get("HTTP_HOST", "0.0.0.0");
    int port = settings.getInt("HTTP_PORT", 8080, 0, 65535);
    boolean tls = settings.group("HTTPS server", "TLS_CERT_PATH", "TLS_KEY_PATH");
    String publicBaseUrl = settings.baseUrl("PUBLIC_BASE_URL", (tls ? "https" : "http") + "://localhost:" + port);
    // Unset: the server runs the one bot on the class path (and asks for BOT when there are several).
    List<String> bots = Arrays.stream(settings.get("BOT", "").split(","))
        .map(String::trim).filter(name -> !name.isEmpty()).distinct().toList();
    if (bots.isEmpty() && settings.get("BOT").isPresent()) {
      throw new ConfigException("BOT must name at least one bot");
    }
    // Which values exist is up to the backends on the class path: the server checks it when it looks one up.
    String stateStore = settings.get("STATE_STORE", DEFAULT_STATE_STORE);
    long grace = settings.getInt("SHUTDOWN_GRACE_SECONDS", 25, 0, 3600) * 1000L;
    // One event loop per core, not Vert.x's two: the loops never block, and on a busy server fewer loops each take
    // more events per wake-up (bench/README.md, session 8: 12 % fewer system calls and 17 % fewer context switches
    // per message on two cores).
    int eventLoops = settings.getInt("EVENT_LOOPS", Runtime.getRuntime().availableProcessors(), 1, 1024);
    return new ChatbotConfig(host, port,
        tls ? settings.get("TLS_CERT_PATH").get() : null,
        tls ? settings.get("TLS_KEY_PATH").get() : null,
        publicBaseUrl, bots, stateStore, settings.get("ADMIN_API_TOKEN").orElse(null), grace, eventLoops, settings);
  }

  public boolean tls() {
    return tlsCertPath != null;
  }

  @Override
  public String toString() {
    return "ChatbotConfig[httpHost=" + httpHost + ", httpPort=" + httpPort + ", tls=" + tls()
        + ", publicBaseUrl=" + publicBaseUrl + ", bots=" + bots + ", stateStore=" + stateStore
        + ", adminApi=" + (adminApiToken != null ? "on" : "off") + "]";
  }
}
