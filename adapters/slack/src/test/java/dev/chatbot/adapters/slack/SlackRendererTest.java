package dev.chatbot.adapters.slack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.spi.ReplyFitter;
import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Golden JSON for each reply type, and Block Kit's limits after the core's fitter. */
class SlackRendererTest {

  static final ConversationRef CHANNEL = ConversationRef.of("slack", "C0123SHOES");
  static final ConversationRef THREAD = new ConversationRef("slack", "C0123SHOES", "1700000000.000100");

  static JsonObject golden(String name) {
    try (InputStream in = SlackRendererTest.class.getResourceAsStream("/golden/" + name)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void textInAThread() {
    assertThat(SlackRenderer.render(THREAD, Reply.text("What size?"))).isEqualTo(golden("text-in-thread.json"));
  }

  @Test
  void textIsEscapedForMrkdwn() {
    assertThat(SlackRenderer.render(ConversationRef.of("slack", "D0123DM"), Reply.text("Johnston & Murphy <b> shoes > $100")))
        .isEqualTo(golden("text-escaped.json"));
  }

  @Test
  void quickRepliesBecomeButtons() {
    Reply reply = Reply.quickReplies("What colour?",
        List.of(QuickReply.of("Brown", "COLOR:brown"), QuickReply.of("Black", "COLOR:black")));
    assertThat(SlackRenderer.render(CHANNEL, reply)).isEqualTo(golden("quick-replies.json"));
  }

  @Test
  void cardsBecomeSectionsWithImageAccessoryAndButtons() {
    Reply reply = Reply.cards(List.of(
            Card.of("Melton Cap Toe Oxford", "$149.00", "https://shop.example/assets/jm-1001.jpg",
                Button.postback("Buy", "BUY:JM-1001"), Button.link("Details", "https://shop.example/p/JM-1001")),
            Card.of("Conard Wingtip", "$129.00", null, Button.postback("Buy", "BUY:JM-2002"))))
        .withQuickReplies(QuickReply.of("More", Reply.MORE_PAYLOAD));
    assertThat(SlackRenderer.render(THREAD, reply)).isEqualTo(golden("cards.json"));
  }

  @Test
  void image() {
    Reply reply = new Reply.Image("https://shop.example/assets/jm-1001.jpg", "The Melton in brown");
    assertThat(SlackRenderer.render(CHANNEL, reply)).isEqualTo(golden("image.json"));
  }

  @Test
  void aLongCarouselIsCutToTenCardsWithAMoreButtonAndStaysUnderFiftyBlocks() {
    List<Card> cards = IntStream.range(0, 12).mapToObj(i -> Card.of("Shoe " + i + " " + "x".repeat(200),
        "$" + i + " " + "&".repeat(400), "https://shop.example/" + i + ".jpg",
        Button.postback("Buy this one right now " + "y".repeat(100), "BUY:" + i), Button.postback("b", "b"),
        Button.postback("c", "c"), Button.postback("d", "d"), Button.postback("e", "e"), Button.postback("f", "f")))
        .toList();
    List<Reply> parts = ReplyFitter.fit(Reply.cards(cards), SlackAdapter.CAPABILITIES);
    assertThat(parts).hasSize(1);
    JsonObject body = SlackRenderer.render(CHANNEL, parts.get(0));
    JsonArray blocks = body.getJsonArray("blocks");
    assertThat(blocks.size()).isLessThanOrEqualTo(50);
    assertThat(blocks.stream().filter(b -> ((JsonObject) b).containsKey("accessory")).count()).isEqualTo(10);
    JsonObject last = blocks.getJsonObject(blocks.size() - 1);
    assertThat(last.getJsonArray("elements").getJsonObject(0).getString("value")).isEqualTo(Reply.MORE_PAYLOAD);
    assertWithinBlockKitLimits(body);
  }

  @Test
  void longTextAndManyQuickRepliesStayWithinBlockKitLimits() {
    String text = "Lorem & ipsum <dolor> sit amet. ".repeat(400);
    List<QuickReply> options = IntStream.range(0, 30)
        .mapToObj(i -> QuickReply.of("Option number " + i + " " + "z".repeat(100), "OPT:" + i)).toList();
    List<Reply> parts = ReplyFitter.fit(Reply.quickReplies(text, options), SlackAdapter.CAPABILITIES);
    assertThat(parts.size()).isGreaterThan(1);
    StringBuilder shown = new StringBuilder();
    for (Reply part : parts) {
      JsonObject body = SlackRenderer.render(CHANNEL, part);
      assertWithinBlockKitLimits(body);
      assertThat(body.getString("text")).isNotBlank();
      shown.append(body.getString("text")).append(' ');
    }
    JsonObject last = SlackRenderer.render(CHANNEL, parts.get(parts.size() - 1));
    JsonArray blocks = last.getJsonArray("blocks");
    assertThat(blocks.getJsonObject(blocks.size() - 1).getJsonArray("elements")).hasSize(25);
    assertThat(shown.toString().replaceAll("\\s+", " ").trim())
        .isEqualTo(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replaceAll("\\s+", " ").trim());
  }

  @Test
  void escapingNeverPushesASectionOverItsLimit() {
    JsonObject body = SlackRenderer.render(CHANNEL, Reply.text("&".repeat(3000)));
    assertWithinBlockKitLimits(body);
    assertThat(body.getJsonArray("blocks")).hasSize(5);
    body.getJsonArray("blocks").forEach(block ->
        assertThat(((JsonObject) block).getJsonObject("text").getString("text")).matches("(&amp;)+"));
  }

  static void assertWithinBlockKitLimits(JsonObject body) {
    JsonArray blocks = body.getJsonArray("blocks");
    assertThat(blocks.size()).isBetween(1, 50);
    for (Object item : blocks) {
      JsonObject block = (JsonObject) item;
      switch (block.getString("type")) {
        case "section" -> assertThat(block.getJsonObject("text").getString("text").length()).isBetween(1, 3000);
        case "actions" -> {
          JsonArray elements = block.getJsonArray("elements");
          assertThat(elements.size()).isBetween(1, 25);
          elements.forEach(e -> assertThat(((JsonObject) e).getJsonObject("text").getString("text").length())
              .isBetween(1, 75));
          assertThat(elements.stream().map(e -> ((JsonObject) e).getString("action_id")).distinct().count())
              .isEqualTo(elements.size());
        }
        case "image" -> assertThat(block.getString("alt_text")).isNotBlank();
        default -> throw new AssertionError("unexpected block " + block);
      }
    }
    List<String> actionIds = blocks.stream().map(JsonObject.class::cast)
        .filter(b -> "actions".equals(b.getString("type")))
        .flatMap(b -> b.getJsonArray("elements").stream().map(e -> ((JsonObject) e).getString("action_id")))
        .toList();
    assertThat(actionIds).doesNotHaveDuplicates();
  }

  @Test
  void aPlatformSpecificReplyIsSentAsItsOwnFieldsInTheConversation() {
    JsonObject own = new JsonObject().put("text", "Pick a date").put("blocks", new io.vertx.core.json.JsonArray()
        .add(new JsonObject().put("type", "actions").put("elements", new io.vertx.core.json.JsonArray()
            .add(new JsonObject().put("type", "datepicker").put("action_id", "day")))));
    assertThat(SlackRenderer.render(THREAD, Reply.platformSpecific("slack", own, Reply.text("Which day?"))))
        .isEqualTo(new JsonObject().put("channel", THREAD.channel()).put("thread_ts", THREAD.thread()).mergeIn(own));
    assertThat(SlackRenderer.render(THREAD, Reply.platformSpecific("messenger", new JsonObject(),
        Reply.text("What size?")))).isEqualTo(golden("text-in-thread.json"));
  }
}
