package dev.chatbot.server;

import dev.chatbot.config.ChatbotConfig;
import dev.chatbot.spi.ConfigException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management port ({@code MANAGEMENT_PORT}): {@code /metrics} and {@code /health/*} on a port of their own, plain
 * HTTP on {@code HTTP_HOST}, meant to stay inside the cluster (Prometheus, probes) while the public port faces the
 * platforms. One server instance: scrapes and probes are a few requests a minute.
 */
final class ManagementServer {

  private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);

  private final Vertx vertx;
  private final String host;
  private final int port;
  private final Router router;

  private ManagementServer(Vertx vertx, String host, int port) {
    this.vertx = vertx;
    this.host = host;
    this.port = port;
    this.router = Router.router(vertx);
  }

  /** The management server {@code MANAGEMENT_PORT} asks for, or null when it is unset. */
  static ManagementServer from(Vertx vertx, ChatbotConfig config) {
    int port = config.settings().getInt("MANAGEMENT_PORT", 0, 1, 65_535);
    if (port == 0) {
      return null;
    }
    if (port == config.httpPort()) {
      throw new ConfigException("MANAGEMENT_PORT must differ from HTTP_PORT, both are " + port);
    }
    return new ManagementServer(vertx, config.httpHost(), port);
  }

  Router router() {
    return router;
  }

  int port() {
    return port;
  }

  Future<Void> listen() {
    return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(router)
        .listen()
        .onSuccess(listening -> LOG.info("management port={} serves=/metrics,/health", port))
        .<Void>mapEmpty()
        .recover(failure -> Future.failedFuture(
            new ConfigException("MANAGEMENT_PORT " + port + " could not be used: " + failure.getMessage())));
  }
}
