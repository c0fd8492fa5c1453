package dev.chatbot.adapters.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import com.github.tomakehurst.wiremock.client.WireMock;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.spi.SendFailure;
import dev.chatbot.testkit.ApiDescription;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.slack.SlackApiStub;
import dev.chatbot.testkit.slack.SlackRequests;
import dev.chatbot.testkit.slack.SlackRequests.SlackRequest;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The Slack adapter in the running server (echo bot), with the Slack Web API stubbed on loopback. */
class SlackServerTest {

  static final String SECRET = "test-signing-secret";
  static final String TOKEN = "xoxb-test-bot-token";
  static final String USER = "U0SHOPPER";

  static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  static SlackApiStub slack;
  static TestServer server;
  static SlackRequests requests;

  @BeforeAll
  static void start() {
    slack = SlackApiStub.start();
    server = TestServer.start(Map.of("BOT", "echo", "SLACK_SIGNING_SECRET", SECRET, "SLACK_BOT_TOKEN", TOKEN,
        "SLACK_API_BASE_URL", slack.baseUrl()));
    requests = new SlackRequests(SECRET);
  }

  @AfterAll
  static void stop() {
    server.close();
    slack.close();
  }

  @BeforeEach
  void resetStub() {
    awaitIdle(); // a reply of the test before must not land after the reset, in this test's stub
    slack.reset();
  }

  static HttpResponse<String> post(SlackRequest request) {
    return request.post(server.url(""));
  }

  static void assertAcknowledged(SlackRequest request) {
    HttpResponse<String> response = post(request);
    assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
  }

  static JsonObject section(String mrkdwn) {
    return new JsonObject().put("type", "section").put("text", new JsonObject().put("type", "mrkdwn").put("text", mrkdwn));
  }

  /** Waits until every accepted message is handled and its replies delivered (or failed). */
  static void awaitIdle() {
    await(server.server().dispatcher().idle());
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(e);
    }
  }

  static void assertNothingPosted() {
    awaitIdle();
    assertThat(slack.wireMock().findAll(postRequestedFor(urlPathEqualTo(SlackApiStub.POST_MESSAGE)))).isEmpty();
    assertThat(slack.pending()).isEmpty();
  }

  static String metrics() {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(server.url("/metrics"))).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static String fixture(String name) {
    try (InputStream in = SlackServerTest.class.getResourceAsStream("/fixtures/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The adapter's own OpenAPI fragment is merged into {@code /openapi.yaml}, every reference resolving. */
  @Test
  void theServersApiDescriptionHasTheAdaptersRoutes() {
    ApiDescription api = ApiDescription.of(server);
    assertThat(api.methods("/webhooks/slack/events")).containsExactly("post");
    assertThat(api.methods("/webhooks/slack/interactions")).containsExactly("post");
    assertThat(api.methods("/webhooks/slack/commands")).containsExactly("post");
    assertThat(api.unresolvedReferences()).isEmpty();
  }

  @Test
  void aChannelMessageIsAnsweredWithTheExactChatPostMessageBody() {
    assertAcknowledged(requests.event(SlackRequests.message("C0ROUND1", USER, "brown &amp; black &lt;loafers&gt;")));

    SlackApiStub.Received post = slack.awaitPost();
    assertThat(post.path()).isEqualTo("/chat.postMessage");
    assertThat(post.authorization()).isEqualTo("Bearer " + TOKEN);
    assertThat(post.contentType()).startsWith("application/json");
    assertThat(post.body()).isEqualTo(new JsonObject()
        .put("channel", "C0ROUND1")
        .put("text", "brown &amp; black &lt;loafers&gt;")
        .put("blocks", List.of(section("brown &amp; black &lt;loafers&gt;"))));
  }

  @Test
  void aMessageInAThreadIsAnsweredInThatThread() {
    assertAcknowledged(requests.event(SlackRequests.threadReply("C0THREAD", USER, "size 10", "1700000000.000100")));

    assertThat(slack.awaitPost().body()).isEqualTo(new JsonObject()
        .put("channel", "C0THREAD")
        .put("thread_ts", "1700000000.000100")
        .put("text", "size 10")
        .put("blocks", List.of(section("size 10"))));
  }

  @Test
  void aDirectMessageFromARecordedEventIsAnswered() {
    assertAcknowledged(requests.signed(SlackRequests.EVENTS_PATH, "application/json",
        fixture("event-callback-message-im.json")));

    JsonObject body = slack.awaitPost().body();
    assertThat(body.getString("channel")).isEqualTo("D0PNCRP9N");
    assertThat(body.containsKey("thread_ts")).isFalse();
    assertThat(body.getString("text")).isEqualTo("How many cats did we herd yesterday? &lt;3 &amp; more");
  }

  @Test
  void theUrlVerificationChallengeIsAnswered() {
    String challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P";
    HttpResponse<String> response = post(requests.urlVerification(challenge));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject().put("challenge", challenge));
    assertThat(post(requests.urlVerification(challenge).wronglySigned()).statusCode()).isEqualTo(401);
  }

  @Test
  void badMissingAndStaleSignaturesAreRefusedOnEveryEndpoint() {
    List<SlackRequest> valid = List.of(
        requests.event(SlackRequests.message("C0REFUSED", USER, "hi")),
        requests.buttonTap("C0REFUSED", USER, "quick_reply_0", "Red", "Red", null),
        requests.command("/shoes", "brown", "C0REFUSED", USER));
    for (SlackRequest request : valid) {
      for (SlackRequest bad : List.of(request.wronglySigned(), request.unsigned(), request.stale())) {
        HttpResponse<String> response = post(bad);
        assertThat(response.statusCode()).as("%s %s", bad.path(), bad.signature()).isEqualTo(401);
        assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("invalid signature");
      }
    }
    assertNothingPosted();
    assertThat(metrics()).contains("chatbot_webhook_requests_total{outcome=\"bad_signature\",platform=\"slack\"}");
  }

  @Test
  void aBodyThatIsNotSlacksIsABadRequest() {
    assertThat(post(requests.signed(SlackRequests.EVENTS_PATH, "application/json", "{not json")).statusCode())
        .isEqualTo(400);
    assertThat(post(requests.signed(SlackRequests.INTERACTIONS_PATH, "application/x-www-form-urlencoded", "x=1"))
        .statusCode()).isEqualTo(400);
    assertThat(post(requests.signed(SlackRequests.COMMANDS_PATH, "application/x-www-form-urlencoded", "text=hi"))
        .statusCode()).isEqualTo(400);
    assertNothingPosted();
  }

  @Test
  void aChannelThatIsAnArrayIsABadRequestNamingTheField() {
    HttpResponse<String> response = post(requests.event(SlackRequests.message("C0TYPE", USER, "hi")
        .put("channel", new io.vertx.core.json.JsonArray().add("C7"))));
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getJsonArray("details").getString(0))
        .isEqualTo("event.channel must be a string");
    assertThat(response.body()).doesNotContain("java.", "class ");
  }

  @Test
  void aRetriedEventIsAcknowledgedButNotProcessedTwice() {
    SlackRequest original = requests.event("Ev0RETRY1", SlackRequests.message("C0RETRY", USER, "once"));
    assertAcknowledged(original);
    assertAcknowledged(original.retry(1));
    assertAcknowledged(original.retry(2));
    assertAcknowledged(requests.event(SlackRequests.message("C0RETRY", USER, "after")));

    // Same conversation, so a second "once" would have been posted before "after".
    assertThat(slack.awaitPosts(2)).extracting(post -> post.body().getString("text")).containsExactly("once", "after");
    awaitIdle();
    assertThat(slack.pending()).isEmpty();
    assertThat(metrics()).contains("chatbot_webhook_requests_total{outcome=\"duplicate\",platform=\"slack\"}");
  }

  @Test
  void aMentionDeliveredAsMessageAndAsAppMentionIsHandledOnce() {
    JsonObject mention = SlackRequests.appMention("C0MENTION", USER, "show me loafers");
    JsonObject message = SlackRequests.message("C0MENTION", USER, mention.getString("text"))
        .put("ts", mention.getString("ts")).put("event_ts", mention.getString("ts"));
    assertAcknowledged(requests.event(message));
    assertAcknowledged(requests.event(mention));
    assertAcknowledged(requests.event(SlackRequests.message("C0MENTION", USER, "after")));

    assertThat(slack.awaitPosts(2)).extracting(post -> post.body().getString("text"))
        .containsExactly("show me loafers", "after");
    awaitIdle();
    assertThat(slack.pending()).isEmpty();
  }

  @Test
  void anAppMentionAloneIsAnsweredWithoutTheMention() {
    assertAcknowledged(requests.event(SlackRequests.appMention("C0MENTION2", USER, "hello bot")));
    assertThat(slack.awaitPost().body().getString("text")).isEqualTo("hello bot");
  }

  @Test
  void botMessagesAndMessagesWithASubtypeAreIgnored() {
    assertAcknowledged(requests.signed(SlackRequests.EVENTS_PATH, "application/json",
        fixture("event-callback-bot-message.json")));
    assertAcknowledged(requests.signed(SlackRequests.EVENTS_PATH, "application/json",
        fixture("event-callback-message-changed.json")));
    assertAcknowledged(requests.event(SlackRequests.message("C0IGNORE3", USER, "from a bot").put("bot_id", "B0OTHER")));
    assertAcknowledged(requests.event(SlackRequests.message("C0IGNORE3", USER, "joined").put("subtype", "channel_join")));
    assertAcknowledged(requests.event(new JsonObject().put("type", "reaction_added").put("user", USER)));

    assertNothingPosted();
  }

  @Test
  void aButtonTapBecomesAPostbackAndIsAnsweredInTheSameThread() {
    String thread = "1700000000.000200";
    assertAcknowledged(requests.event(SlackRequests.threadReply("C0CHIPS", USER, "chips", thread)));
    JsonObject chips = slack.awaitPost().body();
    JsonObject actions = chips.getJsonArray("blocks").getJsonObject(1);
    assertThat(chips.getJsonArray("blocks").getJsonObject(0)).isEqualTo(section("Pick one"));
    assertThat(actions.getString("type")).isEqualTo("actions");
    assertThat(actions.getJsonArray("elements")).hasSize(3);
    JsonObject green = actions.getJsonArray("elements").getJsonObject(1);
    assertThat(green).isEqualTo(new JsonObject().put("type", "button")
        .put("text", new JsonObject().put("type", "plain_text").put("text", "Green").put("emoji", true))
        .put("action_id", "quick_reply_1").put("value", "Green"));

    assertAcknowledged(requests.buttonTap("C0CHIPS", USER, green.getString("action_id"), "Green",
        green.getString("value"), thread));

    assertThat(slack.awaitPost().body()).isEqualTo(new JsonObject()
        .put("channel", "C0CHIPS").put("thread_ts", thread).put("text", "Green").put("blocks", List.of(section("Green"))));
  }

  @Test
  void aSlashCommandIsAcknowledgedEmptyAndAnsweredInTheChannel() {
    assertAcknowledged(requests.command("/shoes", "brown size 10", "C0COMMAND", USER));

    JsonObject body = slack.awaitPost().body();
    assertThat(body.getString("channel")).isEqualTo("C0COMMAND");
    assertThat(body.containsKey("thread_ts")).isFalse();
    // The echo bot answers Message.input(): the whole command line.
    assertThat(body.getString("text")).isEqualTo("/shoes brown size 10");
  }

  @Test
  void slacksSslCheckOnTheCommandUrlIsAcknowledged() {
    assertAcknowledged(requests.signed(SlackRequests.COMMANDS_PATH, "application/x-www-form-urlencoded",
        "ssl_check=1&token=verification-token-unused"));
    assertNothingPosted();
  }

  @Test
  void anOkFalseAnswerIsAFailedSendThatIsLoggedAndCounted() {
    Logger logger = (Logger) LoggerFactory.getLogger(SlackSender.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      slack.answerError("channel_not_found");
      assertAcknowledged(requests.event(SlackRequests.message("C0GONE", USER, "anyone there?")));
      assertThat(slack.awaitPost().body().getString("channel")).isEqualTo("C0GONE");
      awaitIdle();

      assertThat(metrics()).contains("chatbot_send_failures_total{platform=\"slack\",reason=\"permanent\"}");
      assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(line -> assertThat(line).contains("channel=C0GONE").contains("error=channel_not_found")
              .contains("retryable=false"));
    } finally {
      logger.detachAppender(logged);
    }
  }

  @Test
  void sendFailuresSayWhetherARetryCanHelp() {
    ConversationRef to = ConversationRef.of("slack", "C0DIRECT");
    var adapter = server.server().adapters().get("slack");

    slack.answerError("invalid_auth");
    assertThat(failure(adapter.send(to, Reply.text("x"))))
        .satisfies(f -> {
          assertThat(f.status()).isEqualTo(200);
          assertThat(f.platformError()).isEqualTo("invalid_auth");
          assertThat(f.retryable()).isFalse();
        });

    slack.answerRateLimited(7);
    assertThat(failure(adapter.send(to, Reply.text("x"))))
        .satisfies(f -> {
          assertThat(f.status()).isEqualTo(429);
          assertThat(f.platformError()).isEqualTo("ratelimited");
          assertThat(f.retryable()).isTrue();
          assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        });

    slack.answerStatus(503);
    assertThat(failure(adapter.send(to, Reply.text("x")))).satisfies(f -> assertThat(f.retryable()).isTrue());

    slack.answerOk();
    await(adapter.send(to, Reply.typing()));
    await(adapter.send(to, Reply.text("fine")));
    assertThat(slack.awaitPosts(4).get(3).body().getString("text")).isEqualTo("fine");
  }

  @Test
  void anOkAnswerInAnotherShapeIsStillASuccess() {
    ConversationRef to = ConversationRef.of("slack", "C0SHAPE");
    var adapter = server.server().adapters().get("slack");
    slack.wireMock().stubFor(WireMock.post(urlPathEqualTo("/chat.postMessage"))
        .willReturn(okJson("{ \"channel\": \"C0SHAPE\", \"ok\": true }")));
    try {
      await(adapter.send(to, Reply.text("spaced")));
      assertThat(slack.awaitPost().body().getString("text")).isEqualTo("spaced");
    } finally {
      slack.answerOk();
    }
  }

  static SendFailure failure(Future<Void> send) {
    try {
      send.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw new AssertionError("the send succeeded");
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(SendFailure.class);
      return (SendFailure) e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError(e);
    }
  }
}
