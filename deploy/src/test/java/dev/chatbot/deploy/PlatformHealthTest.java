package dev.chatbot.deploy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.slack.SlackApiStub;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each adapter asks its platform whether the token works (Slack auth.test, Graph /me), at start and periodically;
 * the answer shows in /health/ready and chatbot_platform_credentials_ok, and a rejected token keeps the replica ready.
 */
class PlatformHealthTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void theAnswersShowInReadinessAndMetricsAndARevokedTokenIsNoticedAtTheNextCheck() throws Exception {
    try (SlackApiStub slack = SlackApiStub.start(); GraphApiStub graph = GraphApiStub.start()) {
      // WhatsApp's token is refused the Graph way: 401, OAuthException code 190.
      graph.wireMock().stubFor(get(urlPathEqualTo(GraphApiStub.VERSION_PATH + "/me"))
          .withHeader("Authorization", WireMock.equalTo("Bearer " + GraphApiStub.WHATSAPP_ACCESS_TOKEN))
          .atPriority(1).willReturn(aResponse().withStatus(401).withHeader("content-type", "application/json")
              .withBody("{\"error\":{\"message\":\"Error validating access token: The session has been invalidated"
                  + " because the user changed their password.\",\"type\":\"OAuthException\",\"code\":190}}")));
      Map<String, String> env = new HashMap<>(graph.env());
      env.putAll(Map.of("BOT", "echo", "SLACK_SIGNING_SECRET", "slack-signing-secret", "SLACK_BOT_TOKEN", "xoxb-test",
          "SLACK_API_BASE_URL", slack.baseUrl(), "PLATFORM_CHECK_SECONDS", "1"));

      try (TestServer server = TestServer.start(env)) {
        String metrics = server.url("/metrics");
        Http.getUntil(metrics, answer -> !Double.isNaN(credentials(answer.body(), "slack"))
            && !Double.isNaN(credentials(answer.body(), "messenger"))
            && !Double.isNaN(credentials(answer.body(), "whatsapp")), WAIT);
        String scrape = Http.get(metrics).body();
        assertThat(credentials(scrape, "slack")).isEqualTo(1);
        assertThat(credentials(scrape, "messenger")).isEqualTo(1);
        assertThat(credentials(scrape, "whatsapp")).isEqualTo(0);

        var ready = Http.get(server.url("/health/ready"));
        assertThat(ready.statusCode()).as("a rejected token does not take the replica out").isEqualTo(200);
        JsonObject health = new JsonObject(ready.body());
        assertThat(check(health, "adapter-whatsapp").getJsonObject("data").getString("credentials")).isEqualTo("rejected");
        assertThat(check(health, "adapter-whatsapp").getJsonObject("data").getString("detail"))
            .contains("Error validating access token").doesNotContain(GraphApiStub.WHATSAPP_ACCESS_TOKEN);
        assertThat(check(health, "adapter-slack").getJsonObject("data").getString("detail"))
            .isEqualTo("team=\"Stub Team\" bot=stubbot");
        assertThat(check(health, "adapter-messenger").getJsonObject("data").getString("credentials")).isEqualTo("ok");
        slack.wireMock().verify(postRequestedFor(urlPathEqualTo(SlackApiStub.AUTH_TEST))
            .withHeader("Authorization", WireMock.equalTo("Bearer xoxb-test")));
        graph.wireMock().verify(getRequestedFor(urlPathEqualTo(GraphApiStub.VERSION_PATH + "/me"))
            .withHeader("Authorization", WireMock.equalTo("Bearer " + GraphApiStub.MESSENGER_PAGE_ACCESS_TOKEN)));

        // The Slack token is revoked: the next check sees it.
        slack.wireMock().stubFor(post(urlPathEqualTo(SlackApiStub.AUTH_TEST)).atPriority(1)
            .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"ok\":false,\"error\":\"token_revoked\"}")));
        Http.getUntil(metrics, answer -> credentials(answer.body(), "slack") == 0, WAIT);
        assertThat(check(new JsonObject(Http.get(server.url("/health/ready")).body()), "adapter-slack")
            .getJsonObject("data").getString("detail")).isEqualTo("token_revoked");
      }
    }
  }

  @Test
  void anUnreachablePlatformSaysNothingAboutTheToken() {
    try (SlackApiStub slack = SlackApiStub.start()) {
      slack.wireMock().stubFor(post(urlPathEqualTo(SlackApiStub.AUTH_TEST)).atPriority(1)
          .willReturn(aResponse().withStatus(503)));
      try (TestServer server = TestServer.start(Map.of("BOT", "echo", "SLACK_SIGNING_SECRET", "s",
          "SLACK_BOT_TOKEN", "xoxb-test", "SLACK_API_BASE_URL", slack.baseUrl()))) {
        var ready = Http.getUntil(server.url("/health/ready"), answer -> answer.body().contains("unreachable"), WAIT);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(credentials(Http.get(server.url("/metrics")).body(), "slack")).isNaN();
      }
    }
  }

  private static double credentials(String scrape, String platform) {
    Matcher line = Pattern.compile("^chatbot_platform_credentials_ok\\{platform=\"" + platform + "\"} (\\S+)$",
        Pattern.MULTILINE).matcher(scrape);
    return line.find() ? Double.parseDouble(line.group(1)) : Double.NaN;
  }

  private static JsonObject check(JsonObject health, String id) {
    return health.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(check -> id.equals(check.getString("id"))).findFirst().orElseThrow(() -> new AssertionError(health));
  }
}
