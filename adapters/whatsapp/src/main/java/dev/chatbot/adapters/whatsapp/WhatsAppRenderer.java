package dev.chatbot.adapters.whatsapp;

import dev.chatbot.adapters.meta.PublicUrls;
import dev.chatbot.spi.ReplyFitter;
import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A fitted neutral reply to Cloud API {@code /messages} bodies, in the order to send them. Pure: the reply and the
 * recipient in, JSON out.
 *
 * <ul>
 *   <li>Quick replies: up to 3 become reply buttons (title cut to 20), 4 to 10 a list (row title 24).
 *   <li>Cards: WhatsApp has no carousel, so cards become one list message, a row per card: id = the card's first
 *       postback payload, title = card title, description = subtitle. Card images and link buttons are not shown.
 *       Quick replies on the cards (such as the fitter's "More") follow as a second message.
 *   <li>Interactive bodies are limited to 1024 characters: longer text goes first as plain text messages.
 *   <li>Typing: WhatsApp has no indicator, nothing is sent.
 * </ul>
 */
final class WhatsAppRenderer {

  static final int MAX_BUTTONS = 3;
  static final int MAX_BUTTON_TITLE = 20;
  static final int MAX_ROW_TITLE = 24;
  static final int MAX_ROW_DESCRIPTION = 72;
  static final int MAX_ROW_ID = 200;
  static final int MAX_BUTTON_ID = 256;
  static final int MAX_INTERACTIVE_BODY = 1024;
  static final int MAX_CAPTION = 1024;
  static final String CHOOSE_LABEL = "Choose";
  static final String CARDS_LABEL = "See options";
  static final String MORE_OPTIONS_TEXT = "More options:";

  private final PublicUrls urls;

  WhatsAppRenderer(PublicUrls urls) {
    this.urls = urls;
  }

  List<JsonObject> render(String to, Reply reply) {
    if (reply instanceof Reply.Text text) {
      return List.of(text(to, text.text()));
    }
    if (reply instanceof Reply.QuickReplies quickReplies) {
      return choices(to, quickReplies.text(), quickReplies.options());
    }
    if (reply instanceof Reply.Cards cards) {
      List<JsonObject> bodies = new ArrayList<>();
      bodies.add(cardList(to, cards.cards()));
      if (!cards.quickReplies().isEmpty()) {
        bodies.addAll(choices(to, MORE_OPTIONS_TEXT, cards.quickReplies()));
      }
      return bodies;
    }
    if (reply instanceof Reply.Image image) {
      JsonObject media = new JsonObject().put("link", urls.absolute(image.url()));
      if (image.caption() != null && !image.caption().isBlank()) {
        media.put("caption", ReplyFitter.truncate(image.caption(), MAX_CAPTION));
      }
      return List.of(message(to, "image").put("image", media));
    }
    if (reply instanceof Reply.Typing) {
      return List.of();
    }
    if (reply instanceof Reply.PlatformSpecific specific) {
      JsonObject own = specific.payload(WhatsAppParser.PLATFORM);
      return own == null ? render(to, specific.fallback()) : List.of(new JsonObject()
          .put("messaging_product", "whatsapp").put("recipient_type", "individual").put("to", to).mergeIn(own));
    }
    throw new IllegalArgumentException("unknown reply " + reply.getClass().getSimpleName());
  }

  private static JsonObject message(String to, String type) {
    return new JsonObject()
        .put("messaging_product", "whatsapp")
        .put("recipient_type", "individual")
        .put("to", to)
        .put("type", type);
  }

  private static JsonObject text(String to, String body) {
    return message(to, "text").put("text", new JsonObject().put("preview_url", false).put("body", body));
  }

  private static List<JsonObject> choices(String to, String text, List<QuickReply> options) {
    List<String> parts = ReplyFitter.splitText(text == null || text.isBlank() ? CHOOSE_LABEL : text,
        MAX_INTERACTIVE_BODY);
    List<JsonObject> bodies = new ArrayList<>();
    for (String part : parts.subList(0, parts.size() - 1)) {
      bodies.add(text(to, part));
    }
    String body = parts.get(parts.size() - 1);
    if (options.isEmpty()) {
      bodies.add(text(to, body));
    } else if (options.size() <= MAX_BUTTONS) {
      bodies.add(buttons(to, body, options));
    } else {
      JsonArray rows = new JsonArray();
      options.forEach(option -> rows.add(row(option.payload(), option.title(), null)));
      bodies.add(list(to, body, CHOOSE_LABEL, rows));
    }
    return bodies;
  }

  private static JsonObject buttons(String to, String body, List<QuickReply> options) {
    JsonArray buttons = new JsonArray();
    for (QuickReply option : options) {
      buttons.add(new JsonObject().put("type", "reply").put("reply", new JsonObject()
          .put("id", ReplyFitter.truncate(option.payload(), MAX_BUTTON_ID))
          .put("title", ReplyFitter.truncate(option.title(), MAX_BUTTON_TITLE))));
    }
    return message(to, "interactive").put("interactive", new JsonObject()
        .put("type", "button")
        .put("body", new JsonObject().put("text", body))
        .put("action", new JsonObject().put("buttons", buttons)));
  }

  private static JsonObject cardList(String to, List<Card> cards) {
    JsonArray rows = new JsonArray();
    for (Card card : cards) {
      String id = card.buttons().stream().filter(button -> !button.isLink()).map(Button::payload).findFirst()
          .orElse(card.title());
      rows.add(row(id, card.title(), card.subtitle()));
    }
    String body = cards.size() == 1 ? "Here is 1 option." : "Here are " + cards.size() + " options.";
    return list(to, body, CARDS_LABEL, rows);
  }

  private static JsonObject row(String id, String title, String description) {
    JsonObject row = new JsonObject()
        .put("id", ReplyFitter.truncate(id, MAX_ROW_ID))
        .put("title", ReplyFitter.truncate(title, MAX_ROW_TITLE));
    if (description != null && !description.isBlank()) {
      row.put("description", ReplyFitter.truncate(description, MAX_ROW_DESCRIPTION));
    }
    return row;
  }

  private static JsonObject list(String to, String body, String buttonLabel, JsonArray rows) {
    return message(to, "interactive").put("interactive", new JsonObject()
        .put("type", "list")
        .put("body", new JsonObject().put("text", body))
        .put("action", new JsonObject()
            .put("button", buttonLabel)
            .put("sections", new JsonArray().add(new JsonObject().put("rows", rows)))));
  }
}
