package dev.chatbot.logging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.chatbot.stub.StubServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The request id set at the webhook reaches the log lines of the message's handling and sends. */
class RequestIdTest {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
  private final RequestIdMdc mdc = new RequestIdMdc();
  private final BlockingQueue<ILoggingEvent> warnings = new LinkedBlockingQueue<>();
  private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      if (event.getLoggerName().startsWith("dev.chatbot.delivery")) {
        warnings.add(event);
      }
    }
  };
  private WireMockServer platform;
  private StubServer server;

  @BeforeEach
  void setUp() {
    // What LogSetup installs (the tests' own logback-test.xml does not).
    mdc.setContext(context);
    mdc.start();
    context.addTurboFilter(mdc);
    capture.setContext(context);
    capture.start();
    context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
    platform = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    platform.start();
    platform.stubFor(post(urlEqualTo("/send")).willReturn(aResponse().withStatus(400).withBody("{\"error\":\"nope\"}")));
  }

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.close();
    }
    platform.stop();
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
    context.getTurboFilterList().remove(mdc);
  }

  @Test
  void theWebhookRequestIdIsOnTheFailedSendLineOfItsMessage() throws Exception {
    server = StubServer.start(platform, Map.of());

    String body = new JsonArray().add(JsonObject.mapFrom(StubServer.message("m1", "alice", "hello"))).encode();
    HttpResponse<String> first = server.request("POST", "/webhooks/stub", body);
    String id = first.headers().firstValue(RequestIds.HEADER).orElseThrow();
    assertThat(id).matches("[0-9a-f]{16}");

    ILoggingEvent failed = warnings.poll(10, TimeUnit.SECONDS);
    assertThat(failed).as("a failed send line").isNotNull();
    assertThat(failed.getFormattedMessage()).startsWith("send failed");
    assertThat(failed.getMDCPropertyMap()).containsEntry(RequestIds.MDC_KEY, id);

    String second = server.request("POST", "/webhooks/stub",
            new JsonArray().add(JsonObject.mapFrom(StubServer.message("m2", "bob", "hi"))).encode())
        .headers().firstValue(RequestIds.HEADER).orElseThrow();
    assertThat(second).isNotEqualTo(id);
    ILoggingEvent other = warnings.poll(10, TimeUnit.SECONDS);
    assertThat(other).isNotNull();
    assertThat(other.getMDCPropertyMap()).containsEntry(RequestIds.MDC_KEY, second);
  }

  @Test
  void aSaneIdFromAProxyIsKeptAndAnythingElseReplaced() throws Exception {
    server = StubServer.start(platform, Map.of());
    String url = "http://127.0.0.1:" + server.server().config().httpPort() + "/health/live";
    HttpClient http = HttpClient.newHttpClient();

    HttpResponse<Void> kept = http.send(HttpRequest.newBuilder(URI.create(url)).header("X-Request-Id", "nginx-7f3a")
        .build(), HttpResponse.BodyHandlers.discarding());
    HttpResponse<Void> replaced = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("X-Request-Id", "x\" injected=1").build(), HttpResponse.BodyHandlers.discarding());

    assertThat(kept.headers().firstValue(RequestIds.HEADER)).contains("nginx-7f3a");
    assertThat(replaced.headers().firstValue(RequestIds.HEADER)).get().asString().matches("[0-9a-f]{16}");
  }
}
