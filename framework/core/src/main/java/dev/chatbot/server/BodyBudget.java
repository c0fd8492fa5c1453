package dev.chatbot.server;

import dev.chatbot.spi.HttpErrors;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the request-body memory the server spends before anyone is authenticated. Runs before the body handler:
 * each request reserves its {@code Content-Length} (the whole per-body limit when the length is not announced) from
 * one budget shared by every connection, and gives it back when the request ends, however it ends. A request that
 * does not fit is answered {@code 503} with {@code Retry-After} at once and its connection closed, so its body is
 * never read: a flood of large unsigned bodies costs at most the budget, and the platforms retry what was shed.
 * A {@link PlatformHandler}, as Vert.x Web requires of what runs before the body handler.
 */
final class BodyBudget implements PlatformHandler {

  private static final Logger LOG = LoggerFactory.getLogger(BodyBudget.class);
  static final String RETRY_AFTER_SECONDS = "1";

  private final long capacity;
  private final int bodyLimit;
  private final AtomicLong reserved = new AtomicLong();
  private final LongAdder shed = new LongAdder();
  private final RateLimitedLog shedLog = new RateLimitedLog(LOG, 60_000);

  BodyBudget(long capacity, int bodyLimit) {
    this.capacity = capacity;
    this.bodyLimit = bodyLimit;
  }

  @Override
  public void handle(RoutingContext ctx) {
    long announced = contentLength(ctx);
    if (announced == 0 || announced > bodyLimit) {
      ctx.next(); // nothing to buffer, or the body handler answers 413 without reading it
      return;
    }
    long size = announced < 0 ? bodyLimit : announced;
    if (!tryReserve(size)) {
      shed.increment();
      shedLog.warn("request bodies shed: {} bytes already buffered (HTTP_BODY_BUDGET_MB), shed so far={}",
          reserved.get(), shed.sum());
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
      if (ctx.request().version() != HttpVersion.HTTP_2) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
      }
      HttpErrors.send(ctx, 503, "server busy", java.util.List.of("too many request bodies in flight, retry shortly"));
      return;
    }
    AtomicBoolean released = new AtomicBoolean();
    ctx.addEndHandler(ended -> {
      if (released.compareAndSet(false, true)) {
        reserved.addAndGet(-size);
      }
    });
    ctx.next();
  }

  private boolean tryReserve(long size) {
    while (true) {
      long now = reserved.get();
      if (now + size > capacity) {
        return false;
      }
      if (reserved.compareAndSet(now, now + size)) {
        return true;
      }
    }
  }

  /** Bytes reserved by requests still being read or handled. */
  long reserved() {
    return reserved.get();
  }

  /** Requests answered 503 so far. */
  long shed() {
    return shed.sum();
  }

  /** -1 when not announced (chunked), Long.MAX_VALUE when unreadable (left for the body handler to refuse). */
  private static long contentLength(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    if (header == null) {
      boolean chunked = ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true);
      return chunked || ctx.request().version() == HttpVersion.HTTP_2 ? -1 : 0;
    }
    try {
      long length = Long.parseLong(header.trim());
      return length < 0 ? Long.MAX_VALUE : length;
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }
}
