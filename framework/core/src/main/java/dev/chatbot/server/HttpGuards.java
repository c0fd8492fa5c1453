package dev.chatbot.server;

import dev.chatbot.spi.Settings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The server's defences against hostile and unlucky traffic, built once from {@link HttpLimits}: the body budget in
 * front of the body handler, the connection caps and the header/body deadlines of every server instance, and the
 * idle timeout. Each sheds with a counter in {@code /metrics}.
 */
final class HttpGuards {

  private final HttpLimits limits;
  private final BodyBudget budget;
  private final ConnectionLimiter limiter;
  private final LongAdder closedLate = new LongAdder();

  private HttpGuards(HttpLimits limits) {
    this.limits = limits;
    this.budget = new BodyBudget(limits.bodyBudgetBytes(), limits.bodyLimitBytes());
    this.limiter = new ConnectionLimiter(limits.maxConnections(), limits.maxConnectionsPerAddress());
  }

  /** Throws {@code ConfigException} naming a bad variable. */
  static HttpGuards from(Settings settings, MeterRegistry registry) {
    HttpGuards guards = new HttpGuards(HttpLimits.from(settings));
    FunctionCounter.builder("chatbot_http_shed", guards.budget, BodyBudget::shed)
        .description("requests answered 503 because the unauthenticated body budget was spent").register(registry);
    FunctionCounter.builder("chatbot_http_connections_refused", guards.limiter, ConnectionLimiter::refused)
        .description("connections closed on arrival: a connection cap was reached").register(registry);
    FunctionCounter.builder("chatbot_http_connections_timed_out", guards.closedLate, LongAdder::sum)
        .description("connections closed for sending headers or body too slowly").register(registry);
    return guards;
  }

  HttpLimits limits() {
    return limits;
  }

  /** The budget, then a body handler with the per-body limit, on each route pattern. */
  void mountBodies(Router router, String... patterns) {
    // Preallocated at the announced length: no doubling copies while a large body arrives.
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(limits.bodyLimitBytes()).setPreallocateBodyBuffer(true);
    for (String pattern : patterns) {
      router.route(pattern).handler(budget).handler(bodies);
    }
  }

  HttpServerOptions applyTo(HttpServerOptions options) {
    return options.setIdleTimeout(limits.idleTimeoutSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS);
  }

  /** One server instance per event loop, all sharing these guards. */
  HttpServerVerticle serverVerticle(Router router, HttpServerOptions options, Consumer<HttpServer> started) {
    return new HttpServerVerticle(router, options, limits, limiter, closedLate, started);
  }
}
