package dev.chatbot.state.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class StoredJsonTest {

  @Test
  void aMessageComesBackAsItWasKeptWithItsRawEvent() {
    JsonObject raw = new JsonObject().put("sender", new JsonObject().put("id", "42")).put("timestamp", 7);
    Message kept = Message.text("m1", ConversationRef.of("messenger", "42"), new UserRef("messenger", "42", "Ann"),
        "hello").withRaw(raw);

    byte[] stored = StoredJson.encode(kept);
    Message read = StoredJson.decode(stored, Message.class);

    assertThat(read).isEqualTo(kept);
    assertThat(read.raw()).isEqualTo(raw);
    JsonObject json = new JsonObject(new String(stored, java.nio.charset.StandardCharsets.UTF_8));
    assertThat(json.fieldNames()).as("fields only, no derived properties")
        .containsExactlyInAnyOrder("id", "conversation", "user", "kind", "text", "timestamp", "raw");
  }

  @Test
  void aMessageWithoutOptionalPartsStaysWithoutThem() {
    Message kept = Message.postback("m2", ConversationRef.of("slack", "C1"), new UserRef("slack", "U1", null),
        "Yes", "CONFIRM");

    Message read = StoredJson.decode(StoredJson.encode(kept), Message.class);

    assertThat(read).isEqualTo(kept);
    assertThat(read.raw()).isNull();
    assertThat(read.isPostback()).isTrue();
  }
}
