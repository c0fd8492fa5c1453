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
}
