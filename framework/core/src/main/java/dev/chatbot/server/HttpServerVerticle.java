package dev.chatbot.server;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

/** One HTTP server instance; deployed once per event loop so all cores accept connections on the same port. */
final class HttpServerVerticle extends VerticleBase {

  private final Router router;
  private final HttpServerOptions options;
  private HttpServer server;

  HttpServerVerticle(Router router, HttpServerOptions options) {
    this.router = router;
    this.options = options;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(options).requestHandler(router);
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.close();
  }
}
