package dev.chatbot.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.chatbot.stub.StubServer.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.chatbot.stub.StubServer;
import dev.chatbot.stub.StubServer.Sent;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §4 Shutdown: readiness and webhooks go down first, then everything accepted is answered, then it stops. */
class GracefulShutdownTest {

  private WireMockServer platform;

  @BeforeEach
  void startPlatform() {
    platform = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(40));
    platform.start();
  }

  @AfterEach
  void stopPlatform() {
    platform.stop();
  }

  @Test
  void answersEveryAcceptedMessageBeforeStopping() throws Exception {
    // Every call takes 300 ms, and the first call of conversation "flaky" fails: a retry is in progress too.
    platform.stubFor(post("/send").willReturn(ok().withFixedDelay(300)));
    platform.stubFor(post("/send").withRequestBody(matchingJsonPath("$.channel", equalTo("flaky")))
        .inScenario("flaky").whenScenarioStateIs(STARTED)
        .willReturn(aResponse().withStatus(503).withFixedDelay(300)).willSetStateTo("up"));
    platform.stubFor(post("/send").withRequestBody(matchingJsonPath("$.channel", equalTo("flaky")))
        .inScenario("flaky").whenScenarioStateIs("up").willReturn(ok().withFixedDelay(300)));
    StubServer server = StubServer.start(platform, Map.of());

    List<String> accepted = new ArrayList<>();
    for (String user : List.of("alice", "bob", "carol", "flaky")) {
      for (int i = 1; i <= 3; i++) {
        String text = user + " " + i;
        assertThat(server.post(message(user + "-" + i, user, text))).isEqualTo(200);
        accepted.add(text);
      }
    }
    assertThat(server.server().dispatcher().inFlight()).as("still busy when shutdown starts").isPositive();

    Future<Void> shutdown = server.server().shutdown();

    assertThat(server.request("GET", "/health/ready", null).statusCode()).isEqualTo(503);
    assertThat(server.post(message("late-1", "dave", "too late"))).isEqualTo(503);
    assertThat(server.server().shutdown()).as("shutdown twice is one shutdown").isSameAs(shutdown);
    shutdown.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(StubServer.delivered(platform)).extracting(Sent::text).containsExactlyInAnyOrderElementsOf(accepted);
    assertThat(StubServer.sent(platform)).extracting(Sent::text).doesNotContain("too late");
    for (String user : List.of("alice", "bob", "carol", "flaky")) {
      assertThat(StubServer.delivered(platform)).filteredOn(sent -> sent.channel().equals(user))
          .extracting(Sent::text).containsExactly(user + " 1", user + " 2", user + " 3");
    }
  }

  @Test
  void stopsWhenTheGracePeriodIsOverEvenIfAPlatformHangs() throws Exception {
    platform.stubFor(post("/send").willReturn(ok().withFixedDelay(3000)));
    StubServer server = StubServer.start(platform, Map.of("SHUTDOWN_GRACE_SECONDS", "1"));
    server.post(message("m1", "alice", "hello"));
    StubServer.await(java.time.Duration.ofSeconds(5), "the call under way", () -> StubServer.sent(platform).size() == 1);

    Future<Void> shutdown = server.server().shutdown();

    // Bounded by the 1 s grace period, not by the 3 s call.
    shutdown.toCompletionStage().toCompletableFuture().get(2500, TimeUnit.MILLISECONDS);
    assertThat(server.counter("chatbot_messages_sent_total")).isZero();
  }
}
