package dev.chatbot.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * One HTTP server instance; deployed once per event loop so all cores accept connections on the same port. Every
 * connection passes the shared {@link ConnectionLimiter} and this instance's {@link ConnectionDeadlines} first.
 */
final class HttpServerVerticle extends VerticleBase {

  private final Router router;
  private final HttpServerOptions options;
  private final ConnectionLimiter limiter;
  private final HttpLimits limits;
  private final LongAdder closedLate;
  private final Consumer<HttpServer> started;
  private HttpServer server;
  private ConnectionDeadlines deadlines;

  /** {@code started} learns each listening instance (the certificate reloader updates them all). */
  HttpServerVerticle(Router router, HttpServerOptions options, HttpLimits limits, ConnectionLimiter limiter,
      LongAdder closedLate, Consumer<HttpServer> started) {
    this.router = router;
    this.options = options;
    this.limits = limits;
    this.limiter = limiter;
    this.closedLate = closedLate;
    this.started = started;
  }

  @Override
  public Future<?> start() {
    deadlines = new ConnectionDeadlines(vertx, limits, closedLate);
    deadlines.start();
    server = vertx.createHttpServer(options)
        .connectionHandler(connection -> {
          if (limiter.admit(connection)) {
            deadlines.opened(connection);
            connection.closeHandler(closed -> {
              limiter.release(connection);
              deadlines.closed(connection);
            });
          }
        })
        .requestHandler(request -> {
          deadlines.request(request);
          router.handle(request);
        });
    return server.listen().onSuccess(started::accept);
  }

  @Override
  public Future<?> stop() {
    deadlines.stop();
    return server == null ? Future.succeededFuture() : server.close();
  }
}
