package dev.chatbot.server;

import io.vertx.core.http.HttpConnection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts open connections over every HTTP server instance, in total and per client address, and closes the ones
 * over the caps as they arrive: file descriptors never run out, and one address cannot take them all, so a probe
 * from elsewhere (the kubelet) still gets in while one client floods.
 */
final class ConnectionLimiter {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionLimiter.class);

  private final int maxConnections;
  private final int maxPerAddress;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentMap<String, Integer> perAddress = new ConcurrentHashMap<>();
  private final LongAdder refused = new LongAdder();
  private final RateLimitedLog refusedLog = new RateLimitedLog(LOG, 60_000);

  ConnectionLimiter(int maxConnections, int maxPerAddress) {
    this.maxConnections = maxConnections;
    this.maxPerAddress = maxPerAddress;
  }

  /** Counts {@code connection} until {@link #release}, or closes it now and returns false when a cap is reached. */
  boolean admit(HttpConnection connection) {
    String address = address(connection);
    if (open.incrementAndGet() > maxConnections) {
      open.decrementAndGet();
      return refuse(connection, "HTTP_MAX_CONNECTIONS", maxConnections);
    }
    boolean[] admitted = {false};
    perAddress.compute(address, (key, count) -> {
      int current = count == null ? 0 : count;
      admitted[0] = current < maxPerAddress;
      return admitted[0] ? current + 1 : count;
    });
    if (!admitted[0]) {
      open.decrementAndGet();
      return refuse(connection, "HTTP_MAX_CONNECTIONS_PER_ADDRESS", maxPerAddress);
    }
    return true;
  }

  /** An admitted connection closed. */
  void release(HttpConnection connection) {
    open.decrementAndGet();
    perAddress.computeIfPresent(address(connection), (key, count) -> count <= 1 ? null : count - 1);
  }

  private static String address(HttpConnection connection) {
    return connection.remoteAddress() == null ? "" : connection.remoteAddress().hostAddress();
  }

  private boolean refuse(HttpConnection connection, String variable, int cap) {
    refused.increment();
    refusedLog.warn("connections refused: {}={} reached, refused so far={}", variable, cap, refused.sum());
    connection.close();
    return false;
  }

  int open() {
    return open.get();
  }

  long refused() {
    return refused.sum();
  }
}
