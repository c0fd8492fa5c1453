package dev.chatbot.adapters.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Message.Kind;
import dev.chatbot.spi.BadRequestException;
import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhatsAppParserTest {

  private final WhatsAppParser parser = new WhatsAppParser();

  private List<Message> parse(String body) {
    return parser.parse(MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(body));
  }

  private List<Message> parse(JsonObject body) {
    return parse(body.encode());
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = WhatsAppParserTest.class.getResourceAsStream("/webhooks/" + name)) {
      return new String(in.readAllBytes());
    }
  }

  @Test
  void aBatchYieldsEveryUserMessageInOrderAndNoStatusesOrReactions() throws IOException {
    List<Message> messages = parse(fixture("batch.json"));

    assertThat(messages).extracting(Message::id).containsExactly(
        "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=", "wamid.button-1", "wamid.list-1",
        "wamid.image-1", "wamid.location-1");
    assertThat(messages).extracting(Message::kind)
        .containsExactly(Kind.TEXT, Kind.POSTBACK, Kind.POSTBACK, Kind.IMAGE, Kind.LOCATION);

    Message text = messages.get(0);
    assertThat(text.conversation()).isEqualTo(ConversationRef.of("whatsapp", "16315551234"));
    assertThat(text.user().id()).isEqualTo("16315551234");
    assertThat(text.user().name()).isEqualTo("Kerry Fisher");
    assertThat(text.text()).isEqualTo("I need brown dress shoes");
    assertThat(text.timestamp()).isEqualTo(1732525199000L);

    assertThat(messages.get(1).payload()).isEqualTo("SIZE:10.5");
    assertThat(messages.get(1).text()).isEqualTo("10 1/2");
    assertThat(messages.get(2).payload()).isEqualTo("BUY:JM-1001");
    assertThat(messages.get(2).text()).isEqualTo("Oxford Brown");
    assertThat(messages.get(2).user().name()).isEqualTo("Sam Lee");
    assertThat(messages.get(3).attachment().url()).isEqualTo("whatsapp-media:1003383421387256");
    assertThat(messages.get(3).text()).isEqualTo("like these");
    assertThat(messages.get(4).attachment().latitude()).isEqualTo(52.52);
    assertThat(messages.get(4).attachment().longitude()).isEqualTo(13.405);
  }

  @Test
  void testkitBuildersParse() {
    assertThat(parse(MetaWebhooks.whatsappText("1", "hi"))).singleElement()
        .satisfies(m -> assertThat(m.text()).isEqualTo("hi"));
    assertThat(parse(MetaWebhooks.whatsappButtonReply("1", "YES", "Yes"))).singleElement()
        .satisfies(m -> assertThat(m.payload()).isEqualTo("YES"));
    assertThat(parse(MetaWebhooks.whatsappListReply("1", "ROW", "Row", "desc"))).singleElement()
        .satisfies(m -> assertThat(m.payload()).isEqualTo("ROW"));
    assertThat(parse(MetaWebhooks.whatsappImage("1", "777", null))).singleElement()
        .satisfies(m -> assertThat(m.attachment().url()).isEqualTo("whatsapp-media:777"));
    assertThat(parse(MetaWebhooks.whatsappLocation("1", 1.5, 2.5))).singleElement()
        .satisfies(m -> assertThat(m.kind()).isEqualTo(Kind.LOCATION));
    assertThat(parse(MetaWebhooks.whatsappStatus("1", "delivered"))).isEmpty();
  }

  @Test
  void templateQuickReplyButtonsAreTaps() {
    JsonObject body = MetaWebhooks.whatsappText("1", "x");
    JsonObject message = body.getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0)
        .getJsonObject("value").getJsonArray("messages").getJsonObject(0);
    message.remove("text");
    message.put("type", "button").put("button", new JsonObject().put("payload", "STOP").put("text", "Stop promotions"));
    assertThat(parse(body)).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(Kind.POSTBACK);
      assertThat(m.payload()).isEqualTo("STOP");
    });
  }

  @Test
  void otherObjectsAreIgnoredAndMalformedBodiesRejected() {
    assertThat(parse("{\"object\":\"page\",\"entry\":[]}")).isEmpty();
    assertThatThrownBy(() -> parse("{nope")).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> parse("[]")).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> parse("{\"object\":\"whatsapp_business_account\"}"))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("entry");
    assertThatThrownBy(() -> parse("""
        {"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages",
          "value":{"messages":[{"type":"text","text":{"body":"x"}}]}}]}]}"""))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("id or from");
  }

  @Test
  void aFieldOfTheWrongTypeIsRefusedNamingItsPath() {
    String text = "{\"from\":\"15551234567\",\"id\":\"wamid.1\",\"timestamp\":\"1700000000\",\"type\":\"text\","
        + "\"text\":{\"body\":%s}}";
    assertWrongType(body(text.formatted("{\"a\":1}")), "entry[0].changes[0].value.messages[0].text.body must be a string");
    assertWrongType(body(text.formatted("7")), "entry[0].changes[0].value.messages[0].text.body must be a string");
    assertWrongType(body("{\"from\":15551234567,\"id\":\"wamid.1\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}"),
        "entry[0].changes[0].value.messages[0].from must be a string");
    assertWrongType(body("{\"from\":\"1555\",\"id\":\"wamid.1\",\"type\":\"text\",\"text\":\"hi\"}"),
        "entry[0].changes[0].value.messages[0].text must be an object");
    assertWrongType(body("{\"from\":\"1555\",\"id\":\"wamid.1\",\"type\":\"interactive\",\"interactive\":"
        + "{\"type\":\"button_reply\",\"button_reply\":{\"id\":[\"BUY\"],\"title\":\"Buy\"}}}"),
        "entry[0].changes[0].value.messages[0].interactive.button_reply.id must be a string");
    assertWrongType(body("{\"from\":\"1555\",\"id\":\"wamid.1\",\"type\":\"location\",\"location\":"
        + "{\"latitude\":\"north\",\"longitude\":1}}"),
        "entry[0].changes[0].value.messages[0].location.latitude must be a number");
    assertWrongType("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"field\":\"messages\","
        + "\"value\":{\"messages\":{\"id\":\"x\"}}}]}]}", "entry[0].changes[0].value.messages must be an array");
  }

  private static String body(String message) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
        + "\"value\":{\"messaging_product\":\"whatsapp\",\"messages\":[" + message + "]}}]}]}";
  }

  private void assertWrongType(String body, String message) {
    assertThatThrownBy(() -> parse(body)).isInstanceOf(BadRequestException.class).hasMessage(message);
  }
}
