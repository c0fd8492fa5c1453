package dev.chatbot.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.stub.StubServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** SPEC §2 MANAGEMENT_PORT: /metrics there only, /health/* on both ports. */
class ManagementPortTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void metricsMoveToTheManagementPortAndHealthAnswersOnBoth() throws Exception {
    int management = StubServer.freePort();
    try (StubServer stub = StubServer.start("http://127.0.0.1:9", Map.of("MANAGEMENT_PORT", String.valueOf(management)))) {
      int open = stub.server().config().httpPort();

      assertThat(get(open, "/metrics").statusCode()).isEqualTo(404);
      HttpResponse<String> metrics = get(management, "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("chatbot_messages_sent_total{platform=\"stub\"}");
      for (int port : new int[] {open, management}) {
        assertThat(get(port, "/health/live").statusCode()).isEqualTo(200);
        assertThat(get(port, "/health/ready").statusCode()).isEqualTo(200);
      }
      assertThat(get(management, "/webhooks/stub").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void withoutItMetricsStayOnThePublicPort() throws Exception {
    try (StubServer stub = StubServer.start("http://127.0.0.1:9", Map.of())) {
      assertThat(get(stub.server().config().httpPort(), "/metrics").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aBadValueStopsStartupNamingTheVariable() {
    for (String bad : new String[] {"http", "70000"}) {
      assertThatThrownBy(() -> ChatbotServer.start(null, Map.of("HTTP_PORT", String.valueOf(StubServer.freePort()),
              "BOT", "stub-echo", "STATE_STORE", "memory", "MANAGEMENT_PORT", bad))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class).cause()
          .isInstanceOf(ConfigException.class).hasMessageStartingWith("MANAGEMENT_PORT");
    }
  }
}
