package dev.chatbot.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.chatbot.stub.StubServer.await;
import static dev.chatbot.stub.StubServer.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.chatbot.stub.StubServer;
import dev.chatbot.stub.StubServer.Sent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §4 Order: one conversation in order end to end, also across retries; conversations independent. */
class OrderTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private WireMockServer platform;
  private StubServer server;

  @BeforeEach
  void startPlatform() {
    platform = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(40));
    platform.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    platform.stop();
  }

  @Test
  void keepsTheOrderOf20RapidMessagesWhileEverySendIsRetried() {
    // Every reply fails once with 500, then goes through: 40 calls in all.
    platform.stubFor(post("/send").inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(500)).willSetStateTo("retry"));
    platform.stubFor(post("/send").inScenario("flaky").whenScenarioStateIs("retry")
        .willReturn(ok()).willSetStateTo(STARTED));
    server = StubServer.start(platform, Map.of());

    List<String> said = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      said.add("message " + i);
      assertThat(server.post(message("m" + i, "alice", "message " + i))).isEqualTo(200);
    }

    await(WAIT, "20 replies delivered", () -> StubServer.delivered(platform).size() == 20);
    assertThat(StubServer.delivered(platform)).extracting(Sent::text).containsExactlyElementsOf(said);
    // Reply N is acknowledged (its retry succeeded) before the first attempt of reply N+1 is made.
    List<String> everyCall = new ArrayList<>();
    said.forEach(text -> {
      everyCall.add(text);
      everyCall.add(text);
    });
    assertThat(StubServer.sent(platform)).extracting(Sent::text).containsExactlyElementsOf(everyCall);
  }

  @Test
  void aSlowPlatformCallForOneConversationDoesNotDelayAnother() {
    platform.stubFor(post("/send").withRequestBody(matchingJsonPath("$.channel", equalTo("slow")))
        .willReturn(ok().withFixedDelay(5000)));
    platform.stubFor(post("/send").withRequestBody(matchingJsonPath("$.channel", equalTo("fast"))).willReturn(ok()));
    server = StubServer.start(platform, Map.of());

    server.post(message("s1", "slow", "take your time"));
    await(WAIT, "the slow call under way", () -> StubServer.sent(platform).size() == 1);
    server.post(message("f1", "fast", "quick one"));
    server.post(message("f2", "fast", "and another"));

    await(WAIT, "the fast replies delivered", () -> server.counter("chatbot_messages_sent_total") >= 2);
    List<Sent> sent = StubServer.sent(platform);
    assertThat(sent).extracting(Sent::text).containsExactly("take your time", "quick one", "and another");
    assertThat(server.counter("chatbot_messages_sent_total")).as("the slow reply is still on its way").isEqualTo(2);
    assertThat(sent.get(2).atMillis() - sent.get(0).atMillis()).isLessThan(5000);
  }

  @Test
  void spreadsABurstOverThePlatformsRateLimit() {
    platform.stubFor(post("/send").willReturn(ok()));
    server = StubServer.start(platform, Map.of("SEND_RATE_STUB", "5", "SEND_BURST_STUB", "1"));

    long firstPosted = System.currentTimeMillis();
    for (int i = 0; i < 6; i++) {
      server.post(message("m" + i, "user-" + i, "hello " + i));
    }

    await(WAIT, "6 replies delivered", () -> StubServer.delivered(platform).size() == 6);
    List<Sent> sent = StubServer.sent(platform);
    // 5 per second with no burst: one slot every 200 ms from the first send, which came after the first post. So
    // the sixth cannot reach the platform sooner than 1 s after that post, however fast everything else is.
    assertThat(sent.get(5).atMillis() - firstPosted).isGreaterThanOrEqualTo(1000);
    platform.findAllUnmatchedRequests().forEach(request -> { throw new AssertionError("unmatched " + request); });
  }
}
