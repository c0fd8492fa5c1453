package dev.chatbot.tracing;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.chatbot.stub.StubServer.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.chatbot.stub.StubServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With OTEL_* set, a webhook and the platform send it causes are spans of one trace, and the send carries it. */
class TracingTest {

  private WireMockServer platform;

  @BeforeEach
  void start() {
    MemoryExporterProvider.SPANS.reset();
    platform = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    platform.start();
    platform.stubFor(post(urlEqualTo("/send")).willReturn(ok()));
  }

  @AfterEach
  void stop() {
    platform.stop();
  }

  @Test
  void theWebhookAndItsSendAreOneTraceWithTraceparentOnTheOutboundCall() {
    try (StubServer server = StubServer.start(platform, Map.of("OTEL_TRACES_EXPORTER", "memory",
        "OTEL_BSP_SCHEDULE_DELAY", "20"))) {
      assertThat(server.post(message("m1", "alice", "hello"))).isEqualTo(200);

      StubServer.await(Duration.ofSeconds(10), "the webhook's span and the send's span",
          () -> spans(SpanKind.SERVER).stream().anyMatch(span -> span.getName().contains("POST"))
              && !spans(SpanKind.CLIENT).isEmpty());
      SpanData webhook = spans(SpanKind.SERVER).stream().filter(span -> span.getName().contains("POST"))
          .findFirst().orElseThrow();
      SpanData send = spans(SpanKind.CLIENT).get(0);
      assertThat(send.getTraceId()).isEqualTo(webhook.getTraceId());

      List<ServeEvent> sends = platform.getAllServeEvents();
      assertThat(sends).hasSize(1);
      String traceparent = sends.get(0).getRequest().getHeader("traceparent");
      assertThat(traceparent).matches("00-" + webhook.getTraceId() + "-[0-9a-f]{16}-[0-9a-f]{2}");
      assertThat(traceparent).contains(send.getSpanId());
    }
  }

  @Test
  void withoutOtelVariablesThereIsNoTracer() {
    assertThat(Tracing.factory(Map.of())).isNull();
    assertThat(Tracing.on(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"))).isTrue();
    assertThat(Tracing.on(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318", "OTEL_SDK_DISABLED", "true")))
        .isFalse();
    assertThat(Tracing.on(Map.of("OTEL_TRACES_EXPORTER", "none"))).isFalse();
    try (StubServer server = StubServer.start(platform, Map.of())) {
      assertThat(server.post(message("m1", "alice", "hello"))).isEqualTo(200);
      StubServer.await(Duration.ofSeconds(10), "the send", () -> platform.getAllServeEvents().size() == 1);
      assertThat(platform.getAllServeEvents().get(0).getRequest().containsHeader("traceparent")).isFalse();
    }
  }

  private static List<SpanData> spans(SpanKind kind) {
    return MemoryExporterProvider.SPANS.getFinishedSpanItems().stream().filter(span -> span.getKind() == kind).toList();
  }
}
