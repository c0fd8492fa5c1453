package dev.chatbot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.junit.jupiter.api.Test;

// Raw types: the SPI's metric types are Micrometer's private classes, passed back as they came.
@SuppressWarnings({"rawtypes", "unchecked"})
class ListenRaceGuardTest {

  private static final SocketAddress LOCAL = SocketAddress.inetSocketAddress(8080, "127.0.0.1");
  private static final SocketAddress CLIENT = SocketAddress.inetSocketAddress(50000, "127.0.0.1");

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final VertxOptions options = new VertxOptions()
      .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));

  @Test
  void micrometerAloneThrowsOnARequestOfAConnectionAcceptedBeforeTheServersMetricsExisted() {
    HttpServerMetrics server = new MicrometerMetricsFactory(registry).metrics(options)
        .createHttpServerMetrics(new HttpServerOptions(), LOCAL);

    // What Vert.x 5.0.7 does for such a connection; if this stops throwing, the guard can go.
    assertThatThrownBy(() -> server.requestBegin(null, request())).isInstanceOf(NullPointerException.class);
  }

  @Test
  void guardedARequestWithoutAConnectionMetricPassesUncounted() {
    HttpServerMetrics server = guarded().createHttpServerMetrics(new HttpServerOptions(), LOCAL);

    assertThatCode(() -> {
      Object request = server.requestBegin(null, request());
      server.requestEnd(request, request(), 0);
      server.responseBegin(request, response());
      server.responseEnd(request, response(), 2);
      server.bytesRead(null, CLIENT, 57);
      server.disconnected(null, CLIENT);
    }).doesNotThrowAnyException();
    assertThat(registry.scrape()).doesNotContain("vertx_http_server_requests_total{");
  }

  @Test
  void guardedEveryOtherRequestIsCountedAsMicrometerCountsIt() {
    HttpServerMetrics server = guarded().createHttpServerMetrics(new HttpServerOptions(), LOCAL);

    Object connection = server.connected(CLIENT, null);
    Object request = server.requestBegin(connection, request());
    server.requestEnd(request, request(), 0);
    server.responseBegin(request, response());
    server.responseEnd(request, response(), 2);
    server.disconnected(connection, CLIENT);

    assertThat(registry.scrape()).contains("vertx_http_server_requests_total{code=\"200\",method=\"GET\"} 1.0");
  }

  @Test
  void aVertxBuiltWithItServesHttpThroughTheGuard() {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.builder().with(options)
        .withMetrics(new ListenRaceGuard(new MicrometerMetricsFactory(registry))).build();
    try {
      HttpServerMetrics server = ((io.vertx.core.internal.VertxInternal) vertx).metrics()
          .createHttpServerMetrics(new HttpServerOptions(), LOCAL);

      assertThatCode(() -> server.requestBegin(null, request())).doesNotThrowAnyException();
    } finally {
      vertx.close();
    }
  }

  private VertxMetrics guarded() {
    return new ListenRaceGuard(new MicrometerMetricsFactory(registry)).metrics(options);
  }

  private static HttpRequest request() {
    return new HttpRequest() {
      @Override
      public int id() {
        return 1;
      }

      @Override
      public String uri() {
        return "/health/live";
      }

      @Override
      public String absoluteURI() {
        return "http://127.0.0.1:8080/health/live";
      }

      @Override
      public HttpMethod method() {
        return HttpMethod.GET;
      }

      @Override
      public MultiMap headers() {
        return MultiMap.caseInsensitiveMultiMap();
      }

      @Override
      public SocketAddress remoteAddress() {
        return CLIENT;
      }
    };
  }

  private static HttpResponse response() {
    return new HttpResponse() {
      @Override
      public int statusCode() {
        return 200;
      }

      @Override
      public MultiMap headers() {
        return MultiMap.caseInsensitiveMultiMap();
      }
    };
  }
}
