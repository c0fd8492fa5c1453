package dev.chatbot.adapters.slack;

import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Pure: a fitted neutral {@link Reply} in, the {@code chat.postMessage} body out. Every body has {@code channel},
 * {@code thread_ts} when the conversation is a thread, {@code text} (the notification fallback) and Block Kit
 * {@code blocks}:
 *
 * <ul>
 *   <li>text: {@code section} blocks ({@code mrkdwn}, escaped, at most 3000 characters each);
 *   <li>quick replies: the text's sections, then one {@code actions} block of buttons ({@code value}: the payload);
 *   <li>cards: per card a {@code section} with the title in bold, the subtitle (price) below and the picture as
 *       {@code image} accessory, followed by an {@code actions} block with its buttons; the carousel's quick replies
 *       last;
 *   <li>image: one {@code image} block.
 * </ul>
 *
 * Each button's {@code action_id} is unique within the message, as Slack requires.
 */
final class SlackRenderer {

  static final int MAX_SECTION_TEXT = 3000;
  static final int MAX_ALT_TEXT = 2000;

  private SlackRenderer() {}

  static JsonObject render(ConversationRef to, Reply reply) {
    if (reply instanceof Reply.PlatformSpecific specific) {
      JsonObject own = specific.payload(SlackAdapter.PLATFORM);
      if (own == null) {
        return render(to, specific.fallback());
      }
      JsonObject body = new JsonObject().put("channel", to.channel());
      if (to.thread() != null) {
        body.put("thread_ts", to.thread());
      }
      return body.mergeIn(own);
    }
    JsonArray blocks = new JsonArray();
    String fallback;
    if (reply instanceof Reply.Text text) {
      fallback = text.text();
      addSections(blocks, text.text());
    } else if (reply instanceof Reply.QuickReplies quickReplies) {
      fallback = quickReplies.text();
      addSections(blocks, quickReplies.text());
      addQuickReplies(blocks, quickReplies.options());
    } else if (reply instanceof Reply.Cards cards) {
      fallback = cards.cards().stream().map(SlackRenderer::cardLine).collect(Collectors.joining("\n"));
      for (int i = 0; i < cards.cards().size(); i++) {
        addCard(blocks, cards.cards().get(i), i);
      }
      addQuickReplies(blocks, cards.quickReplies());
    } else if (reply instanceof Reply.Image image) {
      fallback = image.caption() != null ? image.caption() : "Image";
      JsonObject block = new JsonObject().put("type", "image").put("image_url", image.url())
          .put("alt_text", altText(image.caption(), "Image"));
      if (image.caption() != null && !image.caption().isBlank()) {
        block.put("title", plainText(image.caption()));
      }
      blocks.add(block);
    } else {
      throw new IllegalArgumentException("Slack has no " + reply.getClass().getSimpleName() + " message");
    }
    JsonObject body = new JsonObject().put("channel", to.channel());
    if (to.thread() != null) {
      body.put("thread_ts", to.thread());
    }
    return body.put("text", SlackText.escape(fallback)).put("blocks", blocks);
  }

  private static void addSections(JsonArray blocks, String text) {
    if (text == null || text.isBlank()) {
      return;
    }
    for (String chunk : SlackText.escapeInChunks(text, MAX_SECTION_TEXT)) {
      blocks.add(section(chunk));
    }
  }

  private static void addCard(JsonArray blocks, Card card, int index) {
    StringBuilder text = new StringBuilder();
    if (card.title() != null && !card.title().isBlank()) {
      text.append('*').append(SlackText.escape(card.title())).append('*');
    }
    if (card.subtitle() != null && !card.subtitle().isBlank()) {
      text.append(text.length() > 0 ? "\n" : "").append(SlackText.escape(card.subtitle()));
    }
    JsonObject section = section(text.length() > 0 ? text.toString() : " ");
    if (card.imageUrl() != null && !card.imageUrl().isBlank()) {
      section.put("accessory", new JsonObject().put("type", "image").put("image_url", card.imageUrl())
          .put("alt_text", altText(card.title(), "Picture")));
    }
    blocks.add(section);
    JsonArray buttons = new JsonArray();
    for (int j = 0; j < card.buttons().size(); j++) {
      buttons.add(button(card.buttons().get(j), "card_" + index + "_button_" + j));
    }
    if (!buttons.isEmpty()) {
      blocks.add(new JsonObject().put("type", "actions").put("elements", buttons));
    }
  }

  private static void addQuickReplies(JsonArray blocks, List<QuickReply> options) {
    if (options.isEmpty()) {
      return;
    }
    JsonArray buttons = new JsonArray();
    for (int i = 0; i < options.size(); i++) {
      QuickReply option = options.get(i);
      buttons.add(button(Button.postback(option.title(), option.payload()), "quick_reply_" + i));
    }
    blocks.add(new JsonObject().put("type", "actions").put("elements", buttons));
  }

  private static JsonObject button(Button button, String actionId) {
    JsonObject element = new JsonObject().put("type", "button").put("text", plainText(button.title()))
        .put("action_id", actionId);
    return button.isLink() ? element.put("url", button.url()) : element.put("value", button.payload());
  }

  private static JsonObject section(String mrkdwn) {
    return new JsonObject().put("type", "section").put("text", new JsonObject().put("type", "mrkdwn").put("text", mrkdwn));
  }

  private static JsonObject plainText(String text) {
    return new JsonObject().put("type", "plain_text").put("text", text).put("emoji", true);
  }

  private static String altText(String text, String fallback) {
    String alt = text == null || text.isBlank() ? fallback : text;
    return alt.length() <= MAX_ALT_TEXT ? alt : alt.substring(0, MAX_ALT_TEXT);
  }

  private static String cardLine(Card card) {
    String title = card.title() == null ? "" : card.title();
    return card.subtitle() == null || card.subtitle().isBlank() ? title : title + " — " + card.subtitle();
  }
}
