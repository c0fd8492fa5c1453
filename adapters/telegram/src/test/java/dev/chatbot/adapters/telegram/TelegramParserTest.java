package dev.chatbot.adapters.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Message.Attachment;
import dev.chatbot.model.Message.Kind;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.BadRequestException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import org.junit.jupiter.api.Test;

/** Recorded Bot API updates (as documented) into the neutral model. */
class TelegramParserTest {

  static final ConversationRef JANE_CHAT = ConversationRef.of("telegram", "10000001");
  static final UserRef JANE = new UserRef("telegram", "10000001", "Jane");

  @Test
  void aTextMessageIsTextInItsChatWithTheUpdateIdAsItsId() {
    TelegramUpdate update = TelegramParser.parse(Fixtures.update("text.json"));

    assertThat(update.callbackQueryId()).isNull();
    assertThat(update.messages()).containsExactly(
        new Message("646911460", JANE_CHAT, JANE, Kind.TEXT, "/start", null, null, 1_700_000_123_000L));
  }

  @Test
  void aButtonTapIsAPostbackWithTheButtonsLabelAndIsToBeAnswered() {
    TelegramUpdate update = TelegramParser.parse(Fixtures.update("callback-query.json"));

    assertThat(update.callbackQueryId()).isEqualTo("4382bfdwdsb323b2d9");
    assertThat(update.messages()).containsExactly(new Message("646911461", JANE_CHAT, JANE, Kind.POSTBACK, "Buy",
        "BUY:JM-MELTON-BRN", null, 1_700_000_130_000L));
  }

  @Test
  void aTapOnAnInlineModeResultHasNoChatButIsStillAnswered() {
    TelegramUpdate update = TelegramParser.parse(Fixtures.update("inline-callback-query.json"));

    assertThat(update.callbackQueryId()).isEqualTo("4382bfdwdsb323b2e0");
    assertThat(update.messages()).isEmpty();
  }

  @Test
  void editsBotsAndOtherUpdatesReachNoBot() {
    assertThat(TelegramParser.parse(Fixtures.update("edited-message.json"))).isEqualTo(TelegramUpdate.ignored());
    assertThat(TelegramParser.parse(Fixtures.update("group-message-from-bot.json"))).isEqualTo(TelegramUpdate.ignored());
    assertThat(TelegramParser.parse(Fixtures.update("my-chat-member.json"))).isEqualTo(TelegramUpdate.ignored());
  }

  @Test
  void aPhotoInAForumTopicIsAnImageInThatTopicWithItsCaption() {
    Message photo = TelegramParser.parse(Fixtures.update("topic-photo.json")).messages().get(0);

    assertThat(photo.conversation()).isEqualTo(new ConversationRef("telegram", "-1001234567890", "307"));
    assertThat(photo.user()).isEqualTo(new UserRef("telegram", "10000002", "Max"));
    assertThat(photo.kind()).isEqualTo(Kind.IMAGE);
    assertThat(photo.text()).isEqualTo("like these but brown");
    assertThat(photo.attachment()).as("no file URL: it would carry the bot token").isNull();
  }

  @Test
  void aSharedLocationIsALocation() {
    Message location = TelegramParser.parse(Fixtures.update("location.json")).messages().get(0);

    assertThat(location.kind()).isEqualTo(Kind.LOCATION);
    assertThat(location.attachment()).isEqualTo(Attachment.location(52.520008, 13.404954));
  }

  @Test
  void otherMessageKindsReachTheBotAsOther() {
    Message sticker = TelegramParser.parse(Buffer.buffer("""
        {"update_id": 7, "message": {"message_id": 1, "from": {"id": 5, "is_bot": false, "first_name": "A"},
         "chat": {"id": 5, "type": "private"}, "date": 1, "sticker": {"file_id": "x", "emoji": "👍"}}}""")).messages()
        .get(0);
    assertThat(sticker.kind()).isEqualTo(Kind.OTHER);
    assertThat(sticker.input()).isEmpty();
  }

  @Test
  void whatIsNotAnUpdateIsABadRequest() {
    assertThatThrownBy(() -> TelegramParser.parse(Buffer.buffer("{not json"))).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> TelegramParser.parse(Buffer.buffer("{\"message\":{}}")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("update_id");
    assertThatThrownBy(() -> TelegramParser.parse(Buffer.buffer(
        "{\"update_id\":1,\"message\":{\"from\":{\"id\":5},\"text\":\"hi\"}}")))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("chat.id");
  }

  @Test
  void aFieldOfTheWrongTypeIsRefusedNamingItsPath() {
    String message = "{\"update_id\":1,\"message\":{\"from\":{\"id\":5},\"chat\":{\"id\":5},\"text\":%s}}";
    assertWrongType(message.formatted("{\"a\":1}"), "message.text must be a string");
    assertWrongType(message.formatted("42"), "message.text must be a string");
    assertWrongType("{\"update_id\":\"1\"}", "update_id must be a number");
    assertWrongType("{\"update_id\":1,\"message\":{\"from\":{\"id\":5},\"chat\":{\"id\":[5]},\"text\":\"hi\"}}",
        "message.chat.id must be a number");
    assertWrongType("{\"update_id\":1,\"callback_query\":{\"id\":\"q\",\"from\":{\"id\":5},\"data\":7}}",
        "callback_query.data must be a string");
  }

  private static void assertWrongType(String body, String message) {
    assertThatThrownBy(() -> TelegramParser.parse(Buffer.buffer(body))).isInstanceOf(BadRequestException.class)
        .hasMessage(message);
  }
}
