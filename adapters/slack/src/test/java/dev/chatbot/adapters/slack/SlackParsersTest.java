package dev.chatbot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.testkit.slack.SlackRequests;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What the bot sees of each Slack request: the neutral messages the parsers make. */
class SlackParsersTest {

  static final SlackRequests REQUESTS = new SlackRequests("secret");

  @Test
  void aSlashCommandKeepsItsArgumentsAsTextAndTheWholeLineAsPayload() {
    SlackRequests.SlackRequest request = REQUESTS.command("/shoes", "brown size 10", "C0CMD", "U0ME");
    Message message = SlackCommandParser.parse(Buffer.buffer(request.body())).messages().get(0);

    assertThat(message.kind()).isEqualTo(Message.Kind.TEXT);
    assertThat(message.text()).isEqualTo("brown size 10");
    assertThat(message.payload()).isEqualTo("/shoes brown size 10");
    assertThat(message.conversation()).isEqualTo(ConversationRef.of("slack", "C0CMD"));
    assertThat(message.user().id()).isEqualTo("U0ME");
    assertThat(message.user().name()).isEqualTo("shopper");
    assertThat(message.id()).startsWith("command:");
  }

  @Test
  void aButtonTapIsAPostbackWithTheButtonsValueAndText() {
    SlackRequests.SlackRequest request =
        REQUESTS.buttonTap("C0TAP", "U0ME", "card_0_button_0", "Buy", "BUY:JM-1001", "1700000000.000300");
    Message message = SlackInteractionParser.parse(Buffer.buffer(request.body())).messages().get(0);

    assertThat(message.kind()).isEqualTo(Message.Kind.POSTBACK);
    assertThat(message.payload()).isEqualTo("BUY:JM-1001");
    assertThat(message.text()).isEqualTo("Buy");
    assertThat(message.conversation()).isEqualTo(new ConversationRef("slack", "C0TAP", "1700000000.000300"));
    assertThat(message.id()).startsWith("action:U0ME:");
  }

  @Test
  void aTapOnATopLevelMessageThatHasRepliesIsNotInTheThread() {
    SlackRequests.SlackRequest request = REQUESTS.buttonTap("C0TAP", "U0ME", "quick_reply_0", "Red", "Red", null);
    JsonObject payload = new JsonObject(
        URLDecoder.decode(request.body().substring("payload=".length()), StandardCharsets.UTF_8));
    String ts = payload.getJsonObject("message").getString("ts");
    payload.getJsonObject("message").put("thread_ts", ts).put("reply_count", 2);
    Message message = SlackInteractionParser.parse(Buffer.buffer(REQUESTS.interaction(payload).body())).messages().get(0);

    assertThat(message.conversation()).isEqualTo(ConversationRef.of("slack", "C0TAP"));
  }

  @Test
  void aMessageAndItsAppMentionGetTheSameIdAndTheMentionIsRemoved() {
    var mention = SlackRequests.appMention("C0M", "U0ME", "hi there");
    var message = SlackRequests.message("C0M", "U0ME", mention.getString("text")).put("ts", mention.getString("ts"));
    Message fromMention = only(REQUESTS.event(mention));
    Message fromMessage = only(REQUESTS.event(message));

    assertThat(fromMention.id()).isEqualTo(fromMessage.id());
    assertThat(fromMention.text()).isEqualTo("hi there");
    assertThat(fromMessage.text()).isEqualTo("hi there");
    assertThat(fromMessage.timestamp()).isEqualTo(Long.parseLong(message.getString("ts").replace(".", "")) / 1000);
  }

  private static Message only(SlackRequests.SlackRequest request) {
    var messages = SlackEventParser.parse(Buffer.buffer(request.body())).messages();
    assertThat(messages).hasSize(1);
    return messages.get(0);
  }

  @Test
  void anEventFieldOfTheWrongTypeIsRefusedNamingItsPath() {
    assertRefused(() -> SlackEventParser.parse(Buffer.buffer(REQUESTS.event(
        SlackRequests.message("C0M", "U0ME", "hi").put("text", new JsonObject().put("a", 1))).body())),
        "event.text must be a string");
    assertRefused(() -> SlackEventParser.parse(Buffer.buffer(REQUESTS.event(
        SlackRequests.message("C0M", "U0ME", "hi").put("channel", new io.vertx.core.json.JsonArray().add("C7"))).body())),
        "event.channel must be a string");
    assertRefused(() -> SlackEventParser.parse(Buffer.buffer(
        "{\"type\":\"event_callback\",\"event\":\"message\"}")), "event must be an object");
    assertRefused(() -> SlackEventParser.parse(Buffer.buffer(
        "{\"type\":\"url_verification\",\"challenge\":12}")), "challenge must be a string");
    assertRefused(() -> SlackEventParser.parse(Buffer.buffer("[1]")), "an Events API body is a JSON object");
  }

  @Test
  void anInteractionFieldOfTheWrongTypeIsRefusedNamingItsPath() {
    SlackRequests.SlackRequest tap = REQUESTS.buttonTap("C0TAP", "U0ME", "b0", "Buy", "BUY:1", null);
    JsonObject payload = new JsonObject(
        URLDecoder.decode(tap.body().substring("payload=".length()), StandardCharsets.UTF_8));
    assertRefused(() -> SlackInteractionParser.parse(Buffer.buffer(REQUESTS.interaction(payload.copy()
        .put("channel", new JsonObject().put("id", new io.vertx.core.json.JsonArray().add("C7")))).body())),
        "channel.id must be a string");
    JsonObject badValue = payload.copy();
    badValue.getJsonArray("actions").getJsonObject(0).put("value", 5);
    assertRefused(() -> SlackInteractionParser.parse(Buffer.buffer(REQUESTS.interaction(badValue).body())),
        "actions[0].value must be a string");
    assertRefused(() -> SlackInteractionParser.parse(Buffer.buffer(REQUESTS.interaction(payload.copy()
        .put("actions", "tap")).body())), "actions must be an array");
    assertRefused(() -> SlackInteractionParser.parse(Buffer.buffer("payload=%5B1%5D")), "payload must be a JSON object");
  }

  @Test
  void aCommandWithoutItsFieldsIsRefusedNamingThem() {
    assertRefused(() -> SlackCommandParser.parse(Buffer.buffer("command=%2Fshoes&user_id=U0ME")),
        "form field 'channel_id' is missing");
  }

  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable parse, String message) {
    org.assertj.core.api.Assertions.assertThatThrownBy(parse)
        .isInstanceOf(dev.chatbot.spi.BadRequestException.class).hasMessage(message);
  }
}
