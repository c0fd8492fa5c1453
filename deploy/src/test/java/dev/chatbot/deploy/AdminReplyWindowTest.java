package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Reply;
import dev.chatbot.testkit.TestServer;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An admin message to a user whose platform reply window has closed: a clear 422 instead of the platform's
 * rejection later, unless it carries the platform's own message (a template, a message tag).
 */
class AdminReplyWindowTest {

  private static final String TOKEN = "admin-token-for-tests";
  private static final String[] AUTH = {"authorization", "Bearer " + TOKEN, "content-type", "application/json"};
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("BOT", "echo", "ADMIN_API_TOKEN", TOKEN));
    server.chat("ann").send("hello").expectText(dev.chatbot.testkit.Text.equalTo("hello"));
    // A window of zero: ann's last message is already outside it.
    server.testAdapter().replyWindow(Duration.ZERO);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aNeutralMessageOutsideTheWindowIsRefusedWithTheReason() {
    HttpResponse<String> refused = post("ann", Reply.text("Your order shipped"));

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    JsonObject error = new JsonObject(refused.body());
    assertThat(error.getString("error")).isEqualTo("outside the reply window");
    assertThat(error.getJsonArray("details").getString(0))
        .startsWith("message: outside test's reply window").contains("platform-specific reply for test");
    assertThat(server.testAdapter().replies("ann")).isEmpty();
  }

  @Test
  void thePlatformsOwnMessageGoesOutsideTheWindow() throws InterruptedException {
    Reply template = Reply.platformSpecific("test", new JsonObject().put("template", "order_update"),
        Reply.text("Your order shipped"));

    HttpResponse<String> accepted = post("ann", template);

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(server.testAdapter().replies("ann").poll(10, TimeUnit.SECONDS)).isEqualTo(template);
  }

  @Test
  void aRecipientNeverHeardFromIsLeftToThePlatform() throws InterruptedException {
    HttpResponse<String> accepted = post("C-never-seen", Reply.text("hi"));

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    assertThat(server.testAdapter().replies("C-never-seen").poll(10, TimeUnit.SECONDS)).isEqualTo(Reply.text("hi"));
  }

  private static HttpResponse<String> post(String recipient, Reply reply) {
    JsonObject body = new JsonObject().put("platform", "test").put("recipient", recipient)
        .put("message", JsonObject.mapFrom(reply));
    return Http.post(server.url("/api/v1/messages"), body.encode(), AUTH);
  }
}
