package dev.chatbot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.spi.ReplyFitter;
import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.slack.SlackApiStub;
import dev.chatbot.testkit.slack.SlackRequests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Slack sends back the whole message with every {@code block_actions} tap, so a tap on a big carousel is a big form:
 * the endpoint reads it from the raw, verified bytes, whatever its size up to the body limit.
 */
class SlackLargeInteractionTest {

  @Test
  void aTapOnTheLargestCarouselTheCoreRendersIsAnswered() {
    try (SlackApiStub slack = SlackApiStub.start();
        TestServer server = TestServer.start(Map.of("BOT", "echo", "SLACK_SIGNING_SECRET", SlackServerTest.SECRET,
            "SLACK_BOT_TOKEN", SlackServerTest.TOKEN, "SLACK_API_BASE_URL", slack.baseUrl()))) {
      JsonObject posted = SlackRenderer.render(ConversationRef.of("slack", "C0BIG"), largestCarousel());
      JsonObject payload = tap(posted, "C0BIG", "buy:card-9");
      SlackRequests.SlackRequest request = new SlackRequests(SlackServerTest.SECRET).interaction(payload);
      assertThat(request.body().length()).as("form bytes").isGreaterThan(8 * 1024);

      HttpResponse<String> response = request.post(server.url(""));
      assertThat(response.statusCode()).as("status, body %s", response.body()).isEqualTo(200);
      assertThat(slack.awaitPost().body().getString("text")).isEqualTo("buy:card-9");
    }
  }

  /** As many cards as Slack's capabilities allow, every text at its longest, every card with its most buttons. */
  private static Reply largestCarousel() {
    var caps = SlackAdapter.CAPABILITIES;
    List<Card> cards = new ArrayList<>();
    for (int i = 0; i < caps.maxCards(); i++) {
      List<Button> buttons = new ArrayList<>();
      for (int b = 0; b < caps.maxCardButtons(); b++) {
        buttons.add(Button.postback("B".repeat(caps.maxButtonTitle()), b == 0 ? "buy:card-" + i : "x".repeat(60)));
      }
      cards.add(Card.of("T".repeat(caps.maxCardTitle()), "S & <s>".repeat(caps.maxCardSubtitle() / 7),
          "https://shop.example.com/img/" + "i".repeat(100) + i + ".png", buttons.toArray(Button[]::new)));
    }
    List<Reply> fitted = ReplyFitter.fit(Reply.cards(cards), caps);
    assertThat(fitted).hasSize(1);
    return fitted.get(0);
  }

  /** A {@code block_actions} payload as Slack sends it: the tapped button, the whole message, the state. */
  private static JsonObject tap(JsonObject posted, String channel, String value) {
    String ts = SlackRequests.nextTs();
    return new JsonObject()
        .put("type", "block_actions")
        .put("user", new JsonObject().put("id", "U0BIG").put("username", "shopper").put("team_id", SlackRequests.TEAM_ID))
        .put("api_app_id", SlackRequests.APP_ID)
        .put("token", "verification-token-unused")
        .put("container", new JsonObject().put("type", "message").put("message_ts", ts).put("channel_id", channel))
        .put("trigger_id", "1.1234.abcdef")
        .put("team", new JsonObject().put("id", SlackRequests.TEAM_ID).put("domain", "test"))
        .put("channel", new JsonObject().put("id", channel).put("name", "shoes"))
        .put("message", new JsonObject().put("type", "message").put("user", SlackRequests.BOT_USER_ID)
            .put("bot_id", "B0TESTBOT").put("ts", ts).put("text", posted.getString("text"))
            .put("blocks", posted.getJsonArray("blocks")))
        .put("state", new JsonObject().put("values", new JsonObject()))
        .put("response_url", "https://hooks.slack.com/actions/T0TESTTEAM/1/unused")
        .put("actions", new JsonArray().add(new JsonObject()
            .put("action_id", "card_9_button_0")
            .put("block_id", "b9")
            .put("text", new JsonObject().put("type", "plain_text").put("text", "Buy").put("emoji", true))
            .put("value", value)
            .put("type", "button")
            .put("action_ts", SlackRequests.nextTs())));
  }
}
