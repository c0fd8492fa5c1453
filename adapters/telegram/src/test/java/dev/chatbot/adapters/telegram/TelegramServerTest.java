package dev.chatbot.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.SendFailure;
import dev.chatbot.testkit.ApiDescription;
import dev.chatbot.testkit.Futures;
import dev.chatbot.testkit.LogCapture;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.telegram.TelegramApiStub;
import dev.chatbot.testkit.telegram.TelegramApiStub.Call;
import dev.chatbot.testkit.telegram.TelegramTestServer;
import dev.chatbot.testkit.telegram.TelegramUpdates;
import dev.chatbot.testkit.telegram.TelegramUpdates.Update;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Telegram adapter in the running server (echo bot), with the Bot API stubbed on loopback. */
class TelegramServerTest {

  static final long CHAT = 10000001L;

  @RegisterExtension
  static final TelegramTestServer setup =
      new TelegramTestServer("BOT", "echo", "SEND_RETRY_BASE_MILLIS", "1", "SEND_RETRY_MAX_MILLIS", "5");


  /** The adapter's own OpenAPI fragment is merged into {@code /openapi.yaml}, every reference resolving. */
  @Test
  void theServersApiDescriptionHasTheAdaptersRoutes() {
    ApiDescription api = ApiDescription.of(setup.server());
    assertThat(api.methods("/webhooks/telegram")).containsExactly("post");
    assertThat(api.unresolvedReferences()).isEmpty();
  }

  @Test
  void aTextMessageIsAnsweredWithSendMessageAtTheTokensPath() {
    setup.updates().text(CHAT, "brown loafers & <more>").deliver();

    Call call = setup.api().awaitCall();
    assertThat(call.method()).isEqualTo("sendMessage");
    assertThat(call.token()).isEqualTo(TelegramApiStub.TOKEN);
    assertThat(call.body()).isEqualTo(new JsonObject().put("chat_id", CHAT).put("text", "brown loafers & <more>"));
  }

  @Test
  void aWrongOrMissingSecretIsRefusedWith401AndNothingIsSent() {
    Update update = setup.updates().text(CHAT, "forged");
    for (Update bad : new Update[] {update.wrongSecret(), update.noSecret()}) {
      HttpResponse<String> response = bad.post();
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("invalid signature");
    }
    assertNextCallIsTheEchoOf("genuine");
    assertThat(metrics()).contains("chatbot_webhook_requests_total{outcome=\"bad_signature\",platform=\"telegram\"}");
  }

  @Test
  void aBodyThatIsNotAnUpdateIsABadRequest() {
    assertThat(setup.updates().update(new JsonObject()).post().statusCode()).isEqualTo(200);
    Update notJson = new Update(setup.server().url(""), "{not json", TelegramApiStub.WEBHOOK_SECRET);
    assertThat(notJson.post().statusCode()).isEqualTo(400);
    Update noChat = new Update(setup.server().url(""), "{\"update_id\":5,\"message\":{\"from\":{\"id\":1},\"text\":\"x\"}}",
        TelegramApiStub.WEBHOOK_SECRET);
    assertThat(noChat.post().statusCode()).isEqualTo(400);
    assertNextCallIsTheEchoOf("still serving");
  }

  @Test
  void aRedeliveredUpdateIsAcknowledgedButHandledOnce() {
    Update once = setup.updates().text(CHAT, "once");
    once.deliver();
    once.deliver();
    assertThat(setup.api().awaitCall().body().getString("text")).isEqualTo("once");
    assertNextCallIsTheEchoOf("after");
    assertThat(metrics()).contains("chatbot_webhook_requests_total{outcome=\"duplicate\",platform=\"telegram\"}");
  }

  @Test
  void chipsAreAnInlineKeyboardAndATapIsAnsweredAndReachesTheBotAsItsPayload() {
    setup.updates().text(CHAT, "chips").deliver();
    JsonObject chips = setup.api().awaitCall().body();
    assertThat(chips.getString("text")).isEqualTo("Pick one");
    JsonObject green = chips.getJsonObject("reply_markup").getJsonArray("inline_keyboard").getJsonArray(0)
        .getJsonObject(1);
    assertThat(green).isEqualTo(new JsonObject().put("text", "Green").put("callback_data", "Green"));

    Update tap = setup.updates().callbackQuery(CHAT, "Green", green.getString("callback_data"));
    tap.deliver();

    Call answer = setup.api().awaitCallbackAnswer();
    assertThat(answer.body()).isEqualTo(new JsonObject()
        .put("callback_query_id", new JsonObject(tap.body()).getJsonObject("callback_query").getString("id")));
    assertThat(setup.api().awaitCall().body()).isEqualTo(new JsonObject().put("chat_id", CHAT).put("text", "Green"));
  }

  @Test
  void editsAndBotsMessagesSendNothing() {
    JsonObject edited = new JsonObject().put("edited_message", TelegramUpdates.message(CHAT, "edited"));
    JsonObject fromBot = new JsonObject().put("message", TelegramUpdates.message(CHAT, "beep")
        .put("from", new JsonObject().put("id", 42).put("is_bot", true).put("first_name", "Bot")));
    setup.updates().update(edited).deliver();
    setup.updates().update(fromBot).deliver();
    assertNextCallIsTheEchoOf("after the ignored ones");
  }

  @Test
  void okFalseIsAPermanentFailureCountedAndNotRetried() {
    setup.api().answerError("sendMessage", 403, "Forbidden: bot was blocked by the user");
    setup.updates().text(CHAT, "anyone there?").deliver();

    assertThat(setup.api().awaitCall().body().getString("text")).isEqualTo("anyone there?");
    Futures.await(setup.server().server().dispatcher().idle());
    assertThat(setup.api().pending()).as("not retried").isEmpty();
    assertThat(metrics()).contains("chatbot_send_failures_total{platform=\"telegram\",reason=\"permanent\"}");
  }

  @Test
  void floodControlIsRetriedAfterTheRetryAfterItGave() {
    setup.api().answerRateLimitedOnce("sendMessage", 1);
    setup.updates().text(CHAT, "busy day").deliver();

    assertThat(setup.api().awaitCalls(2)).extracting(call -> call.body().getString("text"))
        .containsExactly("busy day", "busy day");
    assertThat(metrics()).contains("chatbot_send_retries_total{platform=\"telegram\"}");
  }

  @Test
  void sendFailuresSayWhetherARetryCanHelpAndHowLongToWait() {
    PlatformAdapter adapter = setup.server().server().adapters().get("telegram");
    ConversationRef to = ConversationRef.of("telegram", String.valueOf(CHAT));

    setup.api().answerRateLimited("sendMessage", 7);
    assertThat(failure(adapter.send(to, Reply.text("x")))).satisfies(f -> {
      assertThat(f.status()).isEqualTo(429);
      assertThat(f.retryable()).isTrue();
      assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(7));
      assertThat(f.platformError()).isEqualTo("Too Many Requests: retry after 7");
    });

    setup.api().reset();
    setup.api().answerError("sendMessage", 400, "Bad Request: chat not found");
    assertThat(failure(adapter.send(to, Reply.text("x")))).satisfies(f -> {
      assertThat(f.status()).isEqualTo(400);
      assertThat(f.retryable()).isFalse();
      assertThat(f.platformError()).isEqualTo("Bad Request: chat not found");
    });

    setup.api().reset();
    setup.api().answerError("sendPhoto", 502, "Bad Gateway");
    assertThat(failure(adapter.send(to, Reply.image("https://x.example/a.png")))).satisfies(f ->
        assertThat(f.retryable()).isTrue());

    setup.api().reset();
    Futures.await(adapter.send(to, Reply.typing()));
    assertThat(setup.api().awaitCall()).satisfies(call -> {
      assertThat(call.method()).isEqualTo("sendChatAction");
      assertThat(call.body()).isEqualTo(new JsonObject().put("chat_id", CHAT).put("action", "typing"));
    });
  }

  @Test
  void anUnreachableBotApiIsRetryableAndTheTokenIsNotInTheError() {
    int closedPort = TestServer.freePort();
    Map<String, String> env = new HashMap<>(setup.api().env("BOT", "echo"));
    env.put("TELEGRAM_API_BASE_URL", "http://127.0.0.1:" + closedPort);
    try (TestServer offline = TestServer.start(env)) {
      PlatformAdapter adapter = offline.server().adapters().get("telegram");
      SendFailure failure = failure(adapter.send(ConversationRef.of("telegram", "1"), Reply.text("x")));
      assertThat(failure.retryable()).isTrue();
      assertThat(failure.getMessage()).doesNotContain(TelegramApiStub.TOKEN);
    }
  }

  @Test
  void noSecretReachesTheLog() {
    try (LogCapture log = LogCapture.of("dev.chatbot")) {
      setup.updates().text(CHAT, "hello").noSecret().post();
      assertNextCallIsTheEchoOf("logged?");
      assertThat(log.lines()).noneMatch(line -> line.contains(TelegramApiStub.TOKEN)
          || line.contains(TelegramApiStub.WEBHOOK_SECRET));
    }
  }

  private static void assertNextCallIsTheEchoOf(String text) {
    setup.updates().text(CHAT, text).deliver();
    assertThat(setup.api().awaitCall().body()).isEqualTo(new JsonObject().put("chat_id", CHAT).put("text", text));
    Futures.await(setup.server().server().dispatcher().idle());
    assertThat(setup.api().pending()).isEmpty();
  }

  static String metrics() {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(setup.server().url("/metrics")))
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static SendFailure failure(Future<Void> send) {
    return Futures.failure(send, SendFailure.class);
  }
}
