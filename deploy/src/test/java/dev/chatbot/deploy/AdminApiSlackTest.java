package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Reply;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.slack.SlackApiStub;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A proactive message through the admin API reaches the real Slack adapter, and Slack's answer becomes its status. */
class AdminApiSlackTest {

  private static final String TOKEN = "admin-token-for-slack-tests";
  private static final String BOT_TOKEN = "xoxb-test-token";
  private static final String[] AUTH = {"authorization", "Bearer " + TOKEN, "content-type", "application/json"};
  private static SlackApiStub slack;
  private static TestServer server;

  @BeforeAll
  static void start() {
    slack = SlackApiStub.start();
    server = TestServer.start(Map.of("BOT", "echo", "ADMIN_API_TOKEN", TOKEN,
        "SLACK_SIGNING_SECRET", "slack-signing-secret", "SLACK_BOT_TOKEN", BOT_TOKEN,
        "SLACK_API_BASE_URL", slack.baseUrl(), "SEND_MAX_ATTEMPTS", "1"));
  }

  @AfterAll
  static void stop() {
    server.close();
    slack.close();
  }

  @BeforeEach
  void fresh() {
    slack.reset();
    slack.answerOk();
  }

  @Test
  void aMessageToASlackChannelIsPostedAndReportedSent() {
    HttpResponse<String> accepted = Http.post(server.url("/api/v1/messages"),
        AdminApiTest.send("slack", "C123", Reply.text("The shop opens at 9.")).put("thread", "1700000000.000100").encode(),
        AUTH);
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    String id = new JsonObject(accepted.body()).getString("id");

    SlackApiStub.Received post = slack.awaitPost();
    assertThat(post.path()).isEqualTo(SlackApiStub.POST_MESSAGE);
    assertThat(post.authorization()).isEqualTo("Bearer " + BOT_TOKEN);
    assertThat(post.body().getString("channel")).isEqualTo("C123");
    assertThat(post.body().getString("text")).isEqualTo("The shop opens at 9.");
    assertThat(post.body().getString("thread_ts")).isEqualTo("1700000000.000100");

    JsonObject status = status(id);
    assertThat(status.getString("status")).isEqualTo("sent");
    assertThat(status.getString("platform")).isEqualTo("slack");
  }

  @Test
  void slacksErrorBecomesTheFailedStatus() {
    slack.answerError("channel_not_found");
    HttpResponse<String> accepted = Http.post(server.url("/api/v1/messages"),
        AdminApiTest.send("slack", "CNOPE", Reply.text("hello?")).encode(), AUTH);
    assertThat(accepted.statusCode()).isEqualTo(202);
    String id = new JsonObject(accepted.body()).getString("id");

    assertThat(slack.awaitPost().body().getString("channel")).isEqualTo("CNOPE");
    JsonObject status = status(id);
    assertThat(status.getString("status")).isEqualTo("failed");
    assertThat(status.getString("error")).isEqualTo("channel_not_found");
  }

  private static JsonObject status(String id) {
    HttpResponse<String> response = Http.getUntil(server.url("/api/v1/messages/" + id),
        answer -> !new JsonObject(answer.body()).getString("status").equals("queued"), Duration.ofSeconds(10), AUTH);
    assertThat(response.statusCode()).isEqualTo(200);
    return new JsonObject(response.body());
  }
}
