package dev.chatbot.server;

import dev.chatbot.spi.Settings;
import java.lang.management.ManagementFactory;

/**
 * What one client may cost the server before it has proved who it is: the bytes of request bodies buffered at once,
 * the time a connection may take to send its headers and body, and the connections it may hold. Read once at start;
 * a bad value stops startup naming its variable (docs/operate.md, "Limits").
 *
 * @param bodyLimitBytes         largest request body ({@code 413} above it)
 * @param bodyBudgetBytes        unauthenticated body bytes buffered at once over all connections ({@code 503} above)
 * @param idleTimeoutSeconds     a connection with no traffic either way for this long is closed
 * @param headerTimeoutSeconds   a request's headers must arrive this soon after the connection opens or the previous
 *                               response ends (so it is also how long an idle keep-alive connection is kept)
 * @param bodyTimeoutSeconds     a request's body must arrive this soon after its headers
 * @param maxConnections         open connections over all clients; more are closed as they arrive
 * @param maxConnectionsPerAddress open connections from one client address
 */
public record HttpLimits(
    int bodyLimitBytes,
    long bodyBudgetBytes,
    int idleTimeoutSeconds,
    int headerTimeoutSeconds,
    int bodyTimeoutSeconds,
    int maxConnections,
    int maxConnectionsPerAddress) {

  static final long MAX_DEFAULT_BUDGET_BYTES = 64L * 1024 * 1024;

  public static HttpLimits from(Settings settings) {
    return new HttpLimits(ChatbotServer.BODY_LIMIT_BYTES,
        settings.getInt("HTTP_BODY_BUDGET_MB", defaultBudgetMegabytes(), 1, 64 * 1024) * 1024L * 1024,
        settings.getInt("HTTP_IDLE_TIMEOUT_SECONDS", 60, 1, 86_400),
        settings.getInt("HTTP_HEADER_TIMEOUT_SECONDS", 20, 1, 3_600),
        settings.getInt("HTTP_BODY_TIMEOUT_SECONDS", 30, 1, 3_600),
        settings.getInt("HTTP_MAX_CONNECTIONS", defaultMaxConnections(), 1, 10_000_000),
        settings.getInt("HTTP_MAX_CONNECTIONS_PER_ADDRESS", 1_000, 1, 10_000_000));
  }

  /**
   * A thirty-second of the heap, at most 64 MiB: 8 MiB at a 256 MB heap, 18 MiB at the shipped 576 MB. A buffered
   * body costs several times its bytes: above 64 KiB it is read into a buffer that doubles as it grows (each step
   * left to the collector, and under G1 each buffer of half a region or more takes whole regions of its own), and
   * the signature reads a copy. At a sixteenth, a flood of 1 MB unsigned bodies (BodyFloodIT) left up to 200 MB of
   * a 256 MB heap in use after collections and now and then ran out of it; at a thirty-second, 83-104 MB in five
   * runs.
   */
  static int defaultBudgetMegabytes() {
    long share = Runtime.getRuntime().maxMemory() / 32;
    return (int) Math.max(1, Math.min(MAX_DEFAULT_BUDGET_BYTES, share) / (1024 * 1024));
  }

  /**
   * Three quarters of the file descriptors still free at start (the rest stay for files, the state store, outbound
   * calls and the JVM), so the accept loop never meets "Too many open files"; 10,000 when the limit is unknown.
   */
  static int defaultMaxConnections() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
      long free = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount();
      return (int) Math.max(16, Math.min(Integer.MAX_VALUE, free * 3 / 4));
    }
    return 10_000;
  }
}
