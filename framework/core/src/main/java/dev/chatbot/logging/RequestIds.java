package dev.chatbot.logging;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.spi.VertxTracerFactory;
import io.vertx.core.spi.context.storage.ContextLocal;
import io.vertx.core.spi.tracing.SpanKind;
import io.vertx.core.spi.tracing.TagExtractor;
import io.vertx.core.spi.tracing.VertxTracer;
import io.vertx.core.tracing.TracingOptions;
import io.vertx.core.tracing.TracingPolicy;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * A request id for every HTTP request (a webhook), carried wherever its handling goes: the futures and timers of the
 * request's Vert.x context, and across the event bus to the dispatcher, the bot and delivery. It rides on Vert.x's
 * own tracing hooks, the mechanism vertx-opentelemetry uses: the id lives in a {@link ContextLocal} of the request's
 * (duplicated) context, is written into each event bus message's headers when sent and read back into the
 * receiving context. {@link RequestIdMdc} then puts it into the MDC of each log line, and {@link #addHeader} gives
 * it to the caller as {@code X-Request-Id}. An id sent by the client (a proxy's {@code X-Request-Id}) is kept when it looks sane.
 *
 * <p>Installed with {@code Vertx.builder().withTracer(RequestIds.tracer(otherTracerFactory))}: it wraps the
 * OpenTelemetry tracer when tracing is on, or nothing.
 */
public final class RequestIds {

  public static final String HEADER = "x-request-id";
  public static final String MDC_KEY = "request_id";

  private static final ContextLocal<String> LOCAL = ContextLocal.registerLocal(String.class);
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private RequestIds() {}

  /** The request id of the handling running on this thread, or null outside one. */
  public static String current() {
    Context context = Vertx.currentContext();
    if (context == null) {
      return null;
    }
    try {
      return LOCAL.get(context);
    } catch (RuntimeException createdBeforeTheLocalWasRegistered) {
      return null; // a Vert.x instance built before this class was loaded has no slot for it
    }
  }

  /** A tracer factory that adds request ids to what {@code delegate}'s tracer does ({@code null}: nothing else). */
  public static VertxTracerFactory tracer(VertxTracerFactory delegate) {
    return new VertxTracerFactory() {
      @Override
      public VertxTracer tracer(TracingOptions options) {
        return new Tracer(delegate == null ? VertxTracer.NOOP : delegate.tracer(options));
      }
    };
  }

  /** A route handler that answers with the request's id ({@code X-Request-Id}), for the caller to quote. */
  public static void addHeader(RoutingContext routing) {
    String id = current();
    if (id != null) {
      routing.response().putHeader(HEADER, id);
    }
    routing.next();
  }

  static String newId() {
    long bits = ThreadLocalRandom.current().nextLong();
    String hex = Long.toHexString(bits);
    return "0".repeat(16 - hex.length()) + hex;
  }

  /** Forwards every call to the wrapped tracer after doing the request-id part. */
  private static final class Tracer implements VertxTracer<Object, Object> {

    private final VertxTracer<Object, Object> delegate;

    @SuppressWarnings("unchecked")
    Tracer(VertxTracer<?, ?> delegate) {
      this.delegate = (VertxTracer<Object, Object>) delegate;
    }

    @Override
    public <R> Object receiveRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
        Iterable<Map.Entry<String, String>> headers, TagExtractor<R> tagExtractor) {
      if (request instanceof HttpServerRequest http) {
        String given = http.getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : newId();
        LOCAL.put(context, id);
      } else if (request instanceof Message<?>) {
        for (Map.Entry<String, String> header : headers) {
          if (HEADER.equals(header.getKey())) {
            LOCAL.put(context, header.getValue());
            break;
          }
        }
      }
      return delegate.receiveRequest(context, kind, policy, request, operation, headers, tagExtractor);
    }

    @Override
    public <R> void sendResponse(Context context, R response, Object payload, Throwable failure,
        TagExtractor<R> tagExtractor) {
      delegate.sendResponse(context, response, payload, failure, tagExtractor);
    }

    @Override
    public <R> Object sendRequest(Context context, SpanKind kind, TracingPolicy policy, R request, String operation,
        BiConsumer<String, String> headers, TagExtractor<R> tagExtractor) {
      if (request instanceof Message<?> && context != null) {
        String id = LOCAL.get(context);
        if (id != null) {
          headers.accept(HEADER, id);
        }
      }
      return delegate.sendRequest(context, kind, policy, request, operation, headers, tagExtractor);
    }

    @Override
    public <R> void receiveResponse(Context context, R response, Object payload, Throwable failure,
        TagExtractor<R> tagExtractor) {
      delegate.receiveResponse(context, response, payload, failure, tagExtractor);
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
