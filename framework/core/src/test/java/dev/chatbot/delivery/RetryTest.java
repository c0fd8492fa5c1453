package dev.chatbot.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.chatbot.stub.StubServer.await;
import static dev.chatbot.stub.StubServer.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.chatbot.stub.StubServer;
import dev.chatbot.stub.StubServer.Sent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §4 Outbound: what is retried, how soon, and what is not, against a WireMock platform. */
class RetryTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String[] STUB = {"platform", "stub"};

  private WireMockServer platform;
  private StubServer server;

  @BeforeEach
  void startPlatform() {
    platform = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    platform.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (platform != null) {
      platform.stop();
    }
  }

  @Test
  void deliversOnTheThirdAttemptAfterTwo500s() {
    scenario("flaky", aResponse().withStatus(500), aResponse().withStatus(500), ok());
    server = StubServer.start(platform, Map.of());

    assertThat(server.post(message("m1", "alice", "hello"))).isEqualTo(200);

    await(WAIT, "the reply delivered", () -> server.counter("chatbot_messages_sent_total", STUB) == 1);
    List<Sent> sent = StubServer.sent(platform);
    assertThat(sent).extracting(Sent::status).containsExactly(500, 500, 200);
    assertThat(sent).extracting(Sent::text).containsOnly("hello");
    assertThat(server.counter("chatbot_send_retries_total", STUB)).isEqualTo(2);
    assertThat(server.counter("chatbot_send_failures_total", STUB)).isZero();
  }

  @Test
  void waitsForRetryAfterOn429() {
    scenario("throttled", aResponse().withStatus(429).withHeader("Retry-After", "1")
        .withBody("{\"error\":{\"message\":\"Calls to this api have exceeded the rate limit.\",\"code\":613}}"), ok());
    server = StubServer.start(platform, Map.of());

    server.post(message("m1", "alice", "hello"));

    await(WAIT, "the reply delivered", () -> server.counter("chatbot_messages_sent_total", STUB) == 1);
    List<Sent> sent = StubServer.sent(platform);
    assertThat(sent).extracting(Sent::status).containsExactly(429, 200);
    assertThat(sent.get(1).atMillis() - sent.get(0).atMillis())
        .as("the retry waits for Retry-After: 1 (the backoff alone is at most 40 ms here)")
        .isGreaterThanOrEqualTo(1000);
  }

  @Test
  void doesNotRetryAPermanent400AndCountsIt() {
    platform.stubFor(post("/send").willReturn(aResponse().withStatus(400)
        .withBody("{\"error\":{\"message\":\"Invalid OAuth access token.\",\"type\":\"OAuthException\",\"code\":190}}")));
    server = StubServer.start(platform, Map.of());

    server.post(message("m1", "alice", "hello"));

    await(WAIT, "the failure counted",
        () -> server.counter("chatbot_send_failures_total", "platform", "stub", "reason", "permanent") == 1);
    await(WAIT, "the conversation done", () -> server.server().dispatcher().inFlight() == 0);
    platform.verify(1, postRequestedFor(urlEqualTo("/send")));
    assertThat(server.counter("chatbot_send_retries_total", STUB)).isZero();
    assertThat(server.counter("chatbot_messages_sent_total", STUB)).isZero();
  }

  @Test
  void permanentFailuresDoNotOpenTheBreakerForOtherConversations() {
    platform.stubFor(post("/send").withRequestBody(matchingJsonPath("$.channel", equalTo("bad")))
        .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid recipient\"}")));
    platform.stubFor(post("/send").withRequestBody(matchingJsonPath("$.channel", equalTo("good"))).willReturn(ok()));
    server = StubServer.start(platform, Map.of());

    // More failures than the breaker's default threshold (5): it must still let everything through.
    for (int i = 0; i < 8; i++) {
      server.post(message("bad-" + i, "bad", "to nobody " + i));
    }
    await(WAIT, "8 failures counted",
        () -> server.counter("chatbot_send_failures_total", "platform", "stub", "reason", "permanent") == 8);
    server.post(message("good-1", "good", "still here"));

    await(WAIT, "the good reply delivered", () -> server.counter("chatbot_messages_sent_total", STUB) == 1);
    assertThat(StubServer.delivered(platform)).extracting(Sent::text).containsExactly("still here");
    platform.verify(9, postRequestedFor(urlEqualTo("/send")));
  }

  @Test
  void retriesARefusedConnectionUntilThePlatformIsUp() {
    int port = StubServer.freePort();
    platform.stop();
    platform = new WireMockServer(options().bindAddress("127.0.0.1").port(port));
    platform.stubFor(post("/send").willReturn(ok()));
    server = StubServer.start("http://127.0.0.1:" + port,
        // Up to 19 retries of at most 500 ms each: seconds of room for WireMock to start, even on a busy machine.
        Map.of("SEND_MAX_ATTEMPTS", "20", "SEND_RETRY_BASE_MILLIS", "100", "SEND_RETRY_MAX_MILLIS", "500"));

    server.post(message("m1", "alice", "anyone there?"));
    await(WAIT, "a first retry", () -> server.counter("chatbot_send_retries_total", STUB) >= 1);
    platform.start();

    await(WAIT, "the reply delivered", () -> server.counter("chatbot_messages_sent_total", STUB) == 1);
    assertThat(StubServer.delivered(platform)).extracting(Sent::text).containsExactly("anyone there?");
  }

  @Test
  void retriesAnAttemptThatTimesOut() {
    scenario("slow-then-fast", ok().withFixedDelay(2500), ok());
    server = StubServer.start(platform, Map.of("SEND_TIMEOUT_SECONDS", "1"));

    server.post(message("m1", "alice", "hello"));

    await(WAIT, "the reply delivered", () -> server.counter("chatbot_messages_sent_total", STUB) == 1);
    assertThat(StubServer.sent(platform)).hasSize(2);
    assertThat(server.counter("chatbot_send_retries_total", STUB)).isEqualTo(1);
  }

  @Test
  void givesUpAfterMaxAttemptsAndCountsIt() {
    platform.stubFor(post("/send").willReturn(aResponse().withStatus(503)));
    server = StubServer.start(platform, Map.of("SEND_MAX_ATTEMPTS", "3"));

    server.post(message("m1", "alice", "hello"));

    await(WAIT, "the failure counted",
        () -> server.counter("chatbot_send_failures_total", "platform", "stub", "reason", "exhausted") == 1);
    platform.verify(3, postRequestedFor(urlEqualTo("/send")));
    assertThat(server.counter("chatbot_send_retries_total", STUB)).isEqualTo(2);
  }

  @Test
  void doesNotWaitForARetryAfterLongerThanTheLimit() {
    platform.stubFor(post("/send").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
    server = StubServer.start(platform, Map.of("SEND_RETRY_AFTER_MAX_SECONDS", "60"));

    server.post(message("m1", "alice", "hello"));

    await(WAIT, "the failure counted",
        () -> server.counter("chatbot_send_failures_total", "platform", "stub", "reason", "throttled") == 1);
    platform.verify(1, postRequestedFor(urlEqualTo("/send")));
  }

  /** One stub per answer, in order, then the last one for ever. */
  private void scenario(String name, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
    for (int i = 0; i < answers.length; i++) {
      String state = i == 0 ? STARTED : "step-" + i;
      var stub = post("/send").inScenario(name).whenScenarioStateIs(state).willReturn(answers[i]);
      if (i < answers.length - 1) {
        stub = stub.willSetStateTo("step-" + (i + 1));
      }
      platform.stubFor(stub);
    }
  }
}
