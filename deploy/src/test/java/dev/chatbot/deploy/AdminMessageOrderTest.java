package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An admin API message takes the path of a bot's own proactive message: it waits its turn in the conversation's
 * queue, so it never overtakes a reply still being sent to that conversation, and what came after it waits for it.
 */
class AdminMessageOrderTest {

  private static final String TOKEN = "admin-order-token";
  private static final String[] AUTH = {"authorization", "Bearer " + TOKEN, "content-type", "application/json"};

  @Test
  void anAdminMessageWaitsForTheReplyBeingSentAndWhatFollowsWaitsForIt() {
    try (GraphApiStub graph = GraphApiStub.start();
        TestServer server = TestServer.start(graph.messengerEnv("BOT", "echo", "ADMIN_API_TOKEN", TOKEN,
            // Retries 150-300 ms apart (equal jitter), for as long as the test needs: the stub decides when the
            // platform heals. At least 150: graph.reset() waits for 100 ms without a request, so it cannot land on
            // an attempt in flight, whose failure would be recorded after the reset (as with retries under 100 ms).
            "SEND_RETRY_BASE_MILLIS", "300", "SEND_RETRY_MAX_MILLIS", "300", "SEND_MAX_ATTEMPTS", "50"))) {
      MetaWebhooks webhooks = MetaWebhooks.messenger(server);
      graph.failMessenger(500, 2, "Service temporarily unavailable");
      webhooks.deliver(MetaWebhooks.messengerText("alice", "first"));
      assertThat(text(graph.awaitMessengerSend())).isEqualTo("first"); // its first attempt failed: now retrying

      HttpResponse<String> accepted = Http.post(server.url("/api/v1/messages"), new JsonObject()
          .put("platform", "messenger").put("recipient", "alice")
          .put("message", new JsonObject().put("text", "Your order has shipped")).encode(), AUTH);
      assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
      String id = new JsonObject(accepted.body()).getString("id");
      webhooks.deliver(MetaWebhooks.messengerText("alice", "second"));

      // While the platform fails, only the reply at the head of the conversation is tried, again and again.
      assertThat(graph.awaitMessengerSends(3)).extracting(AdminMessageOrderTest::text).containsOnly("first");
      assertThat(status(server, id).getString("status")).isEqualTo("queued");

      graph.reset();
      List<JsonObject> sent = graph.awaitMessengerSends(3);
      assertThat(sent).extracting(AdminMessageOrderTest::text)
          .containsExactly("first", "Your order has shipped", "second");
      assertThat(sent.get(1).getJsonObject("recipient").getString("id")).isEqualTo("alice");
      HttpResponse<String> status = Http.getUntil(server.url("/api/v1/messages/" + id),
          answer -> answer.statusCode() == 200 && new JsonObject(answer.body()).getString("status").equals("sent"),
          Duration.ofSeconds(10), AUTH);
      assertThat(new JsonObject(status.body()).getString("status")).isEqualTo("sent");
    }
  }

  private static JsonObject status(TestServer server, String id) {
    HttpResponse<String> response = Http.get(server.url("/api/v1/messages/" + id), AUTH);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static String text(JsonObject send) {
    return send.getJsonObject("message").getString("text");
  }
}
