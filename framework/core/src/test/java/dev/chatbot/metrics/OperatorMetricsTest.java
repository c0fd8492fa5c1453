package dev.chatbot.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.chatbot.stub.StubServer.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.chatbot.stub.StubServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The operator's gauges, the send latency histogram and the bots' own counters (docs/operate.md). */
class OperatorMetricsTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  /** A sample's value in a Prometheus scrape, NaN when absent. */
  static double sample(String scrape, String series) {
    Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
    return line.find() ? Double.parseDouble(line.group(1)) : Double.NaN;
  }

  @Test
  void theBacklogGaugeCountsMessagesAcceptedAndNotYetHandled() {
    WireMockServer platform = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    platform.start();
    platform.stubFor(post(urlEqualTo("/send")).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));
    try (StubServer server = StubServer.start(platform, Map.of())) {
      String waiting = "chatbot_messages_waiting{platform=\"stub\"}";
      assertThat(sample(scrape(server), waiting)).isZero();

      assertThat(server.post(message("m1", "alice", "one"), message("m2", "alice", "two"),
          message("m3", "alice", "three"))).isEqualTo(200);

      StubServer.await(WAIT, "three messages waiting", () -> sample(scrape(server), waiting) == 3);
      StubServer.await(WAIT, "the backlog drained", () -> sample(scrape(server), waiting) == 0);
      String scrape = scrape(server);
      assertThat(sample(scrape, "chatbot_cluster_members")).isEqualTo(1);
      assertThat(sample(scrape, "chatbot_bot_events_total{bot=\"stub-echo\",event=\"handover\"}")).isZero();
      assertThat(sample(scrape, "chatbot_dead_letters{platform=\"stub\"}")).as("not measured yet").isNaN();
      assertThat(scrape).contains("chatbot_send_duration_seconds_bucket{platform=\"stub\",le=");
    } finally {
      platform.stop();
    }
  }

  @Test
  void sendsAreTimedPerPlatformFailuresIncluded() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ChatbotMetrics metrics = new ChatbotMetrics(registry);
    Promise<Void> slow = Promise.promise();

    Future<Void> timed = metrics.timeSend("slack", () -> slow.future());
    metrics.timeSend("slack", () -> Future.failedFuture("channel_not_found"));
    metrics.timeSend("slack", () -> {
      throw new IllegalStateException("renderer bug");
    });
    assertThat(sample(registry.scrape(), "chatbot_send_duration_seconds_count{platform=\"slack\"}")).isEqualTo(2);
    slow.complete();

    assertThat(timed.succeeded()).isTrue();
    assertThat(sample(registry.scrape(), "chatbot_send_duration_seconds_count{platform=\"slack\"}")).isEqualTo(3);
  }

  @Test
  void gaugesReadTheirSuppliersWhenScraped() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ChatbotMetrics metrics = new ChatbotMetrics(registry);
    metrics.preRegister(List.of("whatsapp"), List.of("shoe-shop"));
    assertThat(sample(registry.scrape(), "chatbot_dead_letters{platform=\"whatsapp\"}")).isNaN();

    int[] deadLetters = {4};
    metrics.deadLetters(platform -> platform.equals("whatsapp") ? deadLetters[0] : 0);
    assertThat(sample(registry.scrape(), "chatbot_dead_letters{platform=\"whatsapp\"}")).isEqualTo(4);
    deadLetters[0] = 1;
    assertThat(sample(registry.scrape(), "chatbot_dead_letters{platform=\"whatsapp\"}")).isEqualTo(1);
  }

  @Test
  void aBotCountsItsEventsWithoutMicrometer() {
    Vertx vertx = Vertx.vertx();
    try {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      ChatbotMetrics metrics = new ChatbotMetrics(registry);
      BotMetrics.of(vertx, "shoe-shop").count("handover"); // no server yet: nothing, no failure

      BotMetrics.register(vertx, metrics);
      BotMetrics.of(vertx, "shoe-shop").count("handover");
      BotMetrics.of(vertx, "shoe-shop").count("handover");

      assertThat(sample(registry.scrape(), "chatbot_bot_events_total{bot=\"shoe-shop\",event=\"handover\"}"))
          .isEqualTo(2);
      assertThatThrownBy(() -> BotMetrics.of(vertx, "shoe-shop").count("user 15551234567"))
          .isInstanceOf(IllegalArgumentException.class);
    } finally {
      vertx.close();
    }
  }

  private static String scrape(StubServer server) {
    return server.request("GET", "/metrics", null).body();
  }
}
