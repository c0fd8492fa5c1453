package dev.chatbot.dispatch;

import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.chatbot.stub.StubServer.await;
import static dev.chatbot.stub.StubServer.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.chatbot.model.Message;
import dev.chatbot.stub.StubServer;
import dev.chatbot.stub.StubServer.Sent;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §4 Dedupe: a platform's redelivery is acknowledged with 200 and not processed again. */
class DedupeTest {

  private WireMockServer platform;
  private StubServer server;

  @BeforeEach
  void start() {
    platform = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    platform.start();
    platform.stubFor(post("/send").willReturn(ok()));
    server = StubServer.start(platform, Map.of());
  }

  @AfterEach
  void stop() {
    server.close();
    platform.stop();
  }

  @Test
  void processesARedeliveredMessageOnce() {
    Message first = message("mid.1", "alice", "hello");

    assertThat(server.post(first)).isEqualTo(200);
    assertThat(server.post(first)).as("a redelivery is acknowledged too").isEqualTo(200);
    assertThat(server.post(first, message("mid.2", "alice", "again"))).isEqualTo(200);

    await(Duration.ofSeconds(10), "both replies", () -> StubServer.delivered(platform).size() == 2);
    await(Duration.ofSeconds(10), "the conversation done", () -> server.server().dispatcher().inFlight() == 0);
    assertThat(StubServer.delivered(platform)).extracting(Sent::text).containsExactly("hello", "again");
    platform.verify(2, postRequestedFor(urlEqualTo("/send")));
    assertThat(server.counter("chatbot_webhook_requests_total", "platform", "stub", "outcome", "duplicate"))
        .isEqualTo(1);
    assertThat(server.counter("chatbot_messages_received_total", "platform", "stub")).isEqualTo(2);
  }

  @Test
  void theSameIdOnAnotherPlatformIsAnotherMessage() {
    // Ids are only unique per platform: the dispatcher keys dedupe by platform and id.
    assertThat(server.server().dispatcher()).isNotNull();
    Message stub = message("shared-id", "alice", "one");
    Message other = new Message("shared-id", dev.chatbot.model.ConversationRef.of("elsewhere", "alice"),
        dev.chatbot.model.UserRef.of("elsewhere", "alice"), Message.Kind.TEXT, "two", null, null, 0);
    var accepted = server.server().dispatcher().accept(java.util.List.of(stub, other))
        .toCompletionStage().toCompletableFuture().join();
    assertThat(accepted.accepted()).isEqualTo(2);
    assertThat(accepted.duplicates()).isZero();
  }
}
