package dev.chatbot.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.chatbot.delivery.Delivery;
import dev.chatbot.stub.StubServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a bot's turn leaves behind: nothing when it failed; a reply of at most {@code SEND_MAX_PARTS} messages. */
class TurnTest {

  private WireMockServer platform;

  @BeforeEach
  void startPlatform() {
    platform = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    platform.start();
    platform.stubFor(post("/send").willReturn(aResponse().withStatus(200)));
  }

  @AfterEach
  void stopPlatform() {
    platform.stop();
  }

  @Test
  void aFailedTurnChangesNoState() {
    try (StubServer server = StubServer.start(platform, Map.of())) {
      assertThat(server.post(StubServer.message("c1", "ann", "count"))).isEqualTo(200);
      awaitDelivered(1);
      assertThat(server.post(StubServer.message("c2", "ann", "fail"))).isEqualTo(200);
      assertThat(server.post(StubServer.message("c3", "ann", "count"))).isEqualTo(200);
      awaitDelivered(2);
      assertThat(StubServer.delivered(platform)).extracting(StubServer.Sent::text).containsExactly("1", "2");
    }
  }

  @Test
  void aReplyOfTooManyPartsIsCutWithANoteAndCounted() {
    try (StubServer server = StubServer.start(platform, Map.of("SEND_MAX_PARTS", "3"))) {
      // The stub platform takes 100,000 characters a message: this is five messages.
      assertThat(server.post(StubServer.message("l1", "bea", "long:450000"))).isEqualTo(200);
      awaitDelivered(3);
      assertThat(StubServer.delivered(platform)).extracting(StubServer.Sent::text)
          .containsExactly("x".repeat(100_000), "x".repeat(100_000), Delivery.CUT_NOTE);
      assertThat(server.counter("chatbot_reply_parts_cut_total", "platform", "stub")).isEqualTo(1);
    }
  }

  private void awaitDelivered(int count) {
    StubServer.await(Duration.ofSeconds(10), count + " replies", () -> StubServer.delivered(platform).size() >= count);
  }
}
