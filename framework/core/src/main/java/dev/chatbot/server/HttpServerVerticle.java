package dev.chatbot.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.util.function.Consumer;

/** One HTTP server instance; deployed once per event loop so all cores accept connections on the same port. */
final class HttpServerVerticle extends VerticleBase {

  private final Router router;
  private final HttpServerOptions options;
  private final Consumer<HttpServer> started;
  private HttpServer server;

  /** {@code started} learns each listening instance (the certificate reloader updates them all). */
  HttpServerVerticle(Router router, HttpServerOptions options, Consumer<HttpServer> started) {
    this.router = router;
    this.options = options;
    this.started = started;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(options).requestHandler(router);
    return server.listen().onSuccess(started::accept);
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
