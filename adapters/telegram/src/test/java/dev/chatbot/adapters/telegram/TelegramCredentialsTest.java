package dev.chatbot.adapters.telegram;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.telegram.TelegramApiStub;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Platform health for Telegram: the adapter asks {@code getMe} with its token at start and every
 * {@code PLATFORM_CHECK_SECONDS}; the answer shows in {@code /health/ready} and {@code chatbot_platform_credentials_ok}.
 */
class TelegramCredentialsTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void anAcceptedTokenNamesTheBotAndARevokedOneIsNoticedAtTheNextCheck() throws Exception {
    try (TelegramApiStub telegram = TelegramApiStub.start();
        TestServer server = TestServer.start(telegram.env("BOT", "echo", "PLATFORM_CHECK_SECONDS", "1"))) {
      awaitMetric(server, value -> value == 1);
      JsonObject data = telegramCheck(server);
      assertThat(data.getString("credentials")).isEqualTo("ok");
      assertThat(data.getString("detail")).isEqualTo("bot=@stub_bot id=123456789");
      telegram.wireMock().verify(postRequestedFor(urlPathEqualTo("/bot" + TelegramApiStub.TOKEN + "/getMe")));

      // The token is revoked (BotFather /revoke): Telegram answers 401 from then on.
      telegram.answerError(TelegramApiStub.GET_ME, 401, "Unauthorized");
      awaitMetric(server, value -> value == 0);
      data = telegramCheck(server);
      assertThat(data.getString("credentials")).isEqualTo("rejected");
      assertThat(data.getString("detail")).isEqualTo("Unauthorized");
      assertThat(get(server.url("/health/ready")).statusCode()).as("a rejected token keeps the replica ready")
          .isEqualTo(200);
    }
  }

  @Test
  void floodControlOrAnOutageSaysNothingAboutTheToken() throws Exception {
    try (TelegramApiStub telegram = TelegramApiStub.start()) {
      telegram.answerRateLimited(TelegramApiStub.GET_ME, 5);
      try (TestServer server = TestServer.start(telegram.env("BOT", "echo"))) {
        JsonObject data = awaitCheck(server, check -> "unreachable".equals(check.getString("credentials")));
        assertThat(data.getString("detail")).startsWith("Too Many Requests").doesNotContain(TelegramApiStub.TOKEN);
        assertThat(credentials(get(server.url("/metrics")).body())).isNaN();
      }
    }
  }

  private static void awaitMetric(TestServer server, Predicate<Double> wanted) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    double value = Double.NaN;
    while (Instant.now().isBefore(deadline)) {
      value = credentials(get(server.url("/metrics")).body());
      if (wanted.test(value)) {
        return;
      }
      LockSupport.parkNanos(20_000_000L); // a poll every 20 ms, bounded by WAIT
    }
    throw new AssertionError("chatbot_platform_credentials_ok{platform=\"telegram\"} is still " + value);
  }

  private static JsonObject awaitCheck(TestServer server, Predicate<JsonObject> wanted) throws Exception {
    Instant deadline = Instant.now().plus(WAIT);
    JsonObject data = null;
    while (Instant.now().isBefore(deadline)) {
      data = telegramCheck(server);
      if (data != null && wanted.test(data)) {
        return data;
      }
      LockSupport.parkNanos(20_000_000L); // a poll every 20 ms, bounded by WAIT
    }
    throw new AssertionError("the Telegram check is still " + data);
  }

  private static JsonObject telegramCheck(TestServer server) throws Exception {
    JsonObject health = new JsonObject(get(server.url("/health/ready")).body());
    return health.getJsonArray("checks").stream().map(JsonObject.class::cast)
        .filter(check -> "adapter-telegram".equals(check.getString("id"))).findFirst()
        .map(check -> check.getJsonObject("data")).orElseThrow(() -> new AssertionError(health));
  }

  private static double credentials(String scrape) {
    Matcher line = Pattern.compile("^chatbot_platform_credentials_ok\\{platform=\"telegram\"} (\\S+)$",
        Pattern.MULTILINE).matcher(scrape);
    return line.find() ? Double.parseDouble(line.group(1)) : Double.NaN;
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
