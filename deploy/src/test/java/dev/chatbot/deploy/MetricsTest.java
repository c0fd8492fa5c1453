package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.Text;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics} of SPEC §3: every chatbot series from startup, moving with traffic, plus JVM and HTTP metrics. */
class MetricsTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("BOT", "echo"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everySeriesIsThereBeforeTheFirstMessage() {
    HttpResponse<String> response = Http.get(server.url("/metrics"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    String metrics = response.body();
    for (String outcome : new String[] {"ok", "bad_signature", "bad_request", "duplicate"}) {
      assertThat(metrics).contains("chatbot_webhook_requests_total{outcome=\"" + outcome + "\",platform=\"test\"}");
    }
    assertThat(metrics)
        .contains("# TYPE chatbot_messages_received_total counter", "chatbot_messages_received_total{platform=\"test\"}")
        .contains("chatbot_messages_sent_total{platform=\"test\"}")
        .contains("chatbot_send_failures_total{platform=\"test\",reason=\"permanent\"}")
        .contains("chatbot_send_retries_total{platform=\"test\"}")
        .contains("# TYPE chatbot_bot_handling_seconds histogram", "chatbot_bot_handling_seconds_bucket{bot=\"echo\",le=")
        .contains("chatbot_bot_handling_seconds_count{bot=\"echo\"}")
        .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_")
        .contains("process_cpu_usage");
  }

  @Test
  void countersMoveAfterAWebhook() {
    String before = Http.get(server.url("/metrics")).body();
    server.chat("metrics-user").send("hello metrics").expectText(Text.equalTo("hello metrics"));

    String after = Http.getUntil(server.url("/metrics"),
        response -> value(response.body(), "chatbot_messages_sent_total{platform=\"test\"}")
            > value(before, "chatbot_messages_sent_total{platform=\"test\"}")
            && value(response.body(), "chatbot_bot_handling_seconds_count{bot=\"echo\"}")
            > value(before, "chatbot_bot_handling_seconds_count{bot=\"echo\"}"),
        Duration.ofSeconds(10)).body();

    for (String series : new String[] {
        "chatbot_webhook_requests_total{outcome=\"ok\",platform=\"test\"}",
        "chatbot_messages_received_total{platform=\"test\"}",
        "chatbot_messages_sent_total{platform=\"test\"}",
        "chatbot_bot_handling_seconds_count{bot=\"echo\"}"}) {
      assertThat(value(after, series)).as(series).isGreaterThanOrEqualTo(value(before, series) + 1);
    }
    assertThat(value(after, "chatbot_send_failures_total{platform=\"test\",reason=\"permanent\"}")).isZero();
  }

  @Test
  void httpServerMetricsCountRequests() {
    Http.get(server.url("/health/live"));
    String metrics = Http.get(server.url("/metrics")).body();
    assertThat(metrics).contains("vertx_http_server_requests_total", "vertx_http_server_response_time_seconds");
    assertThat(Pattern.compile("^vertx_http_server_requests_total\\{[^}]*\\} ([0-9.E]+)$", Pattern.MULTILINE)
        .matcher(metrics).results().mapToDouble(match -> Double.parseDouble(match.group(1))).sum()).isPositive();
  }

  /** The value of one series in Prometheus text, 0 when absent. */
  static double value(String metrics, String series) {
    Matcher matcher = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(metrics);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }
}
