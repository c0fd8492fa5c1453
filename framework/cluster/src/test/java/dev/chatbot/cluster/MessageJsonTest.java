package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** What members forward and keep reads back as the same message, whatever fields it has. */
class MessageJsonTest {

  @Test
  void everyKindOfMessageReadsBackEqual() {
    ConversationRef thread = new ConversationRef("slack", "C123", "1700000000.000100");
    UserRef named = new UserRef("slack", "U42", "Ada");
    Message[] messages = {
        Message.text("m1", ConversationRef.of("messenger", "4711"), UserRef.of("messenger", "4711"), "hi"),
        Message.postback("m2", thread, named, "Buy", "BUY:oxford-10"),
        Message.attachment("m3", thread, named, Message.Kind.IMAGE, Message.Attachment.image("https://x/y.jpg")),
        Message.attachment("m4", thread, named, Message.Kind.LOCATION, Message.Attachment.location(52.5, 13.4)),
        Message.text("m5", thread, named, "with raw").withRaw(new JsonObject().put("event_ts", "1.2")),
    };
    for (Message message : messages) {
      Message back = MessageJson.decode(new JsonObject(MessageJson.encode(message).encode()));
      assertThat(back).as(message.id()).isEqualTo(message);
      assertThat(back.raw()).isEqualTo(message.raw());
    }
  }
}
