package dev.chatbot.server;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Header-read and body-read deadlines for the connections of one HTTP server instance (so one event loop: plain
 * fields suffice). Vert.x's idle timeout closes silent connections, but a client that dribbles a byte now and then
 * (slowloris) is never idle: here a connection must deliver a request's headers within the header timeout of
 * opening or of its previous response, and the body within the body timeout of the headers, or it is closed.
 *
 * <p>One sweep a fraction of a second apart checks every connection, instead of a timer per request: a busy server
 * then pays nothing per request but a map entry per connection. WebSocket and HTTP/2 connections leave the sweep once
 * they carry their first request; the idle timeout (and the web chat's pings) govern them from then on.
 */
final class ConnectionDeadlines {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionDeadlines.class);

  private final Vertx vertx;
  private final long headerMillis;
  private final long bodyMillis;
  private final LongAdder closed;
  private final Map<HttpConnection, Tracked> tracked = new HashMap<>();
  private long sweeper = -1;

  private static final class Tracked {
    HttpServerRequest request;
    long since;
  }

  /** {@code closed} counts the connections closed for being late, over all instances. */
  ConnectionDeadlines(Vertx vertx, HttpLimits limits, LongAdder closed) {
    this.vertx = vertx;
    this.headerMillis = limits.headerTimeoutSeconds() * 1000L;
    this.bodyMillis = limits.bodyTimeoutSeconds() * 1000L;
    this.closed = closed;
  }

  /** Call on this instance's event loop. */
  void start() {
    long period = Math.max(100, Math.min(1_000, Math.min(headerMillis, bodyMillis) / 4));
    sweeper = vertx.setPeriodic(period, id -> sweep());
  }

  void stop() {
    if (sweeper >= 0) {
      vertx.cancelTimer(sweeper);
    }
    tracked.clear();
  }

  void opened(HttpConnection connection) {
    Tracked entry = new Tracked();
    entry.since = System.currentTimeMillis();
    tracked.put(connection, entry);
  }

  void closed(HttpConnection connection) {
    tracked.remove(connection);
  }

  void request(HttpServerRequest request) {
    HttpConnection connection = request.connection();
    Tracked entry = tracked.get(connection);
    if (entry == null) {
      return;
    }
    if (request.version() == HttpVersion.HTTP_2
        || request.headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
      tracked.remove(connection);
      return;
    }
    entry.request = request;
    entry.since = System.currentTimeMillis();
  }

  private void sweep() {
    long now = System.currentTimeMillis();
    tracked.entrySet().removeIf(item -> {
      Tracked entry = item.getValue();
      if (entry.request == null) {
        return now - entry.since > headerMillis && close(item.getKey(), "headers");
      }
      if (!entry.request.isEnded()) {
        return now - entry.since > bodyMillis && close(item.getKey(), "body");
      }
      if (entry.request.response().ended()) {
        entry.request = null; // keep-alive: the next request's headers are due from now
        entry.since = now;
      }
      return false;
    });
  }

  private boolean close(HttpConnection connection, String late) {
    closed.increment();
    LOG.debug("connection closed: {} too slow", late);
    connection.close();
    return true;
  }
}
