package dev.chatbot.adapters.messenger;

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

class MessengerParserTest {

  private final MessengerParser parser = new MessengerParser();

  private List<Message> parse(String body) {
    return parser.parse(MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(body));
  }

  private List<Message> parse(JsonObject body) {
    return parse(body.encode());
  }

  private static String fixture(String name) throws IOException {
    try (InputStream in = MessengerParserTest.class.getResourceAsStream("/webhooks/" + name)) {
      return new String(in.readAllBytes());
    }
  }

  @Test
  void aBatchYieldsEveryUserMessageInOrderAndNothingElse() throws IOException {
    List<Message> messages = parse(fixture("batch.json"));

    assertThat(messages).extracting(Message::id).containsExactly(
        "m_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxqMvK8ma6AC8fplwlqLP_5cgXIbu7I3rBN0P",
        "m_quick-1",
        MessengerParser.fallbackId("7710987654321098", 1732525200950L, "GET_STARTED"),
        "m_postback-1",
        "m_images-1",
        "m_images-1#1",
        "m_location-1");
    assertThat(messages).extracting(Message::kind).containsExactly(
        Kind.TEXT, Kind.POSTBACK, Kind.POSTBACK, Kind.POSTBACK, Kind.IMAGE, Kind.IMAGE, Kind.LOCATION);

    Message text = messages.get(0);
    assertThat(text.conversation()).isEqualTo(ConversationRef.of("messenger", "6483112345678901"));
    assertThat(text.user().id()).isEqualTo("6483112345678901");
    assertThat(text.text()).isEqualTo("I need brown dress shoes");
    assertThat(text.timestamp()).isEqualTo(1732525199000L);

    assertThat(messages.get(1).payload()).isEqualTo("SIZE:10.5");
    assertThat(messages.get(1).text()).isEqualTo("10 1/2");
    assertThat(messages.get(2).payload()).isEqualTo("GET_STARTED");
    assertThat(messages.get(2).text()).isEqualTo("Get Started");
    assertThat(messages.get(3).payload()).isEqualTo("BUY:JM-1001");
    assertThat(messages.get(4).attachment().url()).isEqualTo("https://scontent.xx.fbcdn.net/v/t1.15752-9/a.jpg");
    assertThat(messages.get(5).attachment().url()).isEqualTo("https://scontent.xx.fbcdn.net/v/t1.15752-9/b.jpg");
    assertThat(messages.get(6).attachment().latitude()).isEqualTo(52.52);
    assertThat(messages.get(6).attachment().longitude()).isEqualTo(13.405);
  }

  @Test
  void aRedeliveredPostbackWithoutMidKeepsItsId() throws IOException {
    String id = parse(fixture("batch.json")).get(2).id();
    assertThat(parse(fixture("batch.json")).get(2).id()).isEqualTo(id);
  }

  @Test
  void testkitBuildersParse() {
    assertThat(parse(MetaWebhooks.messengerText("1", "hi"))).singleElement()
        .satisfies(m -> assertThat(m.text()).isEqualTo("hi"));
    assertThat(parse(MetaWebhooks.messengerPostback("1", "Buy", "BUY:1"))).singleElement()
        .satisfies(m -> assertThat(m.payload()).isEqualTo("BUY:1"));
    assertThat(parse(MetaWebhooks.messengerImage("1", "https://x/y.jpg"))).singleElement()
        .satisfies(m -> assertThat(m.kind()).isEqualTo(Kind.IMAGE));
    assertThat(parse(MetaWebhooks.messengerLocation("1", 1.5, 2.5))).singleElement()
        .satisfies(m -> assertThat(m.attachment().longitude()).isEqualTo(2.5));
    assertThat(parse(MetaWebhooks.messengerEcho("1", "hi"))).isEmpty();
    assertThat(parse(MetaWebhooks.messengerDelivery("1"))).isEmpty();
    assertThat(parse(MetaWebhooks.messengerRead("1"))).isEmpty();
  }

  @Test
  void otherAttachmentsReachTheBotAsOther() {
    JsonObject body = new JsonObject("""
        {"object":"page","entry":[{"messaging":[{"sender":{"id":"1"},"timestamp":5,
          "message":{"mid":"m_a","attachments":[{"type":"audio","payload":{"url":"https://x/a.mp4"}}]}}]}]}""");
    assertThat(parse(body)).singleElement().satisfies(m -> {
      assertThat(m.kind()).isEqualTo(Kind.OTHER);
      assertThat(m.attachment().url()).isEqualTo("https://x/a.mp4");
    });
  }

  @Test
  void otherObjectsAndEntriesWithoutMessagingAreIgnored() {
    assertThat(parse("{\"object\":\"instagram\",\"entry\":[{\"messaging\":[]}]}")).isEmpty();
    assertThat(parse("{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"standby\":[{\"sender\":{\"id\":\"2\"}}]}]}"))
        .isEmpty();
  }

  @Test
  void malformedBodiesAreRejected() {
    assertThatThrownBy(() -> parse("{not json")).isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> parse("[1,2]")).isInstanceOf(BadRequestException.class);
    assertThatThrownBy(() -> parse("{\"entry\":[]}")).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("object");
    assertThatThrownBy(() -> parse("{\"object\":\"page\"}")).isInstanceOf(BadRequestException.class)
        .hasMessageContaining("entry");
    assertThatThrownBy(() -> parse("{\"object\":\"page\",\"entry\":[{\"messaging\":[{\"message\":{\"text\":\"x\"}}]}]}"))
        .isInstanceOf(BadRequestException.class).hasMessageContaining("sender.id");
  }

  @Test
  void aFieldOfTheWrongTypeIsRefusedNamingItsPath() {
    String event = "{\"sender\":{\"id\":\"4711\"},\"timestamp\":1,\"message\":{\"mid\":\"m1\",\"text\":%s}}";
    assertWrongType(body(event.formatted("{\"a\":1}")), "entry[0].messaging[0].message.text must be a string");
    assertWrongType(body(event.formatted("42")), "entry[0].messaging[0].message.text must be a string");
    assertWrongType(body(event.formatted("[\"hi\"]")), "entry[0].messaging[0].message.text must be a string");
    assertWrongType(body("{\"sender\":{\"id\":4711},\"message\":{\"text\":\"hi\"}}"),
        "entry[0].messaging[0].sender.id must be a string");
    assertWrongType(body("{\"sender\":\"4711\",\"message\":{\"text\":\"hi\"}}"),
        "entry[0].messaging[0].sender must be an object");
    assertWrongType(body("{\"sender\":{\"id\":\"4711\"},\"timestamp\":\"soon\",\"message\":{\"text\":\"hi\"}}"),
        "entry[0].messaging[0].timestamp must be a number");
    assertWrongType(body("{\"sender\":{\"id\":\"4711\"},\"postback\":{\"payload\":{\"x\":1}}}"),
        "entry[0].messaging[0].postback.payload must be a string");
    assertWrongType(body("{\"sender\":{\"id\":\"4711\"},\"message\":{\"quick_reply\":[1]}}"),
        "entry[0].messaging[0].message.quick_reply must be an object");
    assertWrongType(body("{\"sender\":{\"id\":\"4711\"},\"message\":{\"attachments\":[{\"type\":\"location\","
        + "\"payload\":{\"coordinates\":{\"lat\":\"north\",\"long\":1}}}]}}"),
        "entry[0].messaging[0].message.attachments[0].payload.coordinates.lat must be a number");
    assertWrongType("{\"object\":\"page\",\"entry\":{\"messaging\":[]}}", "entry must be an array");
    assertWrongType("{\"object\":\"page\",\"entry\":[\"x\"]}", "entry[0] must be an object");
    assertWrongType("{\"object\":[\"page\"],\"entry\":[]}", "object must be a string");
  }

  private static String body(String messagingEvent) {
    return "{\"object\":\"page\",\"entry\":[{\"id\":\"1\",\"time\":1,\"messaging\":[" + messagingEvent + "]}]}";
  }

  private void assertWrongType(String body, String message) {
    assertThatThrownBy(() -> parse(body)).isInstanceOf(BadRequestException.class).hasMessage(message);
  }

  @Test
  void eachMessageCarriesItsRawEventReadOnly() throws IOException {
    Message first = parse(fixture("batch.json")).get(0);
    JsonObject raw = first.raw();
    assertThat(raw.getJsonObject("sender").getString("id")).isEqualTo(first.user().id());
    raw.put("sender", "changed");
    assertThat(first.raw().getJsonObject("sender").getString("id")).as("a copy each time").isEqualTo(first.user().id());
  }
}
