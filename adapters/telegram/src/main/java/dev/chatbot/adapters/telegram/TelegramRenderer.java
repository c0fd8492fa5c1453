package dev.chatbot.adapters.telegram;

import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure: a fitted neutral {@link Reply} in, the Bot API calls that show it out. Every body has {@code chat_id} and,
 * in a forum topic, {@code message_thread_id}; text is plain (no {@code parse_mode}), so nothing needs escaping.
 *
 * <ul>
 *   <li>text: {@code sendMessage};
 *   <li>quick replies: {@code sendMessage} with an {@code inline_keyboard} of callback buttons (three to a row when
 *       the labels are short, else one per row);
 *   <li>cards: one call per card, {@code sendPhoto} with the title and subtitle as caption when it has a picture,
 *       {@code sendMessage} otherwise, its buttons one per row; the carousel's quick replies are added to the last
 *       card's keyboard, so "More" sits under the last shoe instead of in a message of its own;
 *   <li>image: {@code sendPhoto}; typing: {@code sendChatAction} with {@code typing}.
 * </ul>
 */
final class TelegramRenderer {

  static final int SHORT_LABEL = 12;
  static final int SHORT_LABELS_PER_ROW = 3;

  private TelegramRenderer() {}

  static List<TelegramCall> render(ConversationRef to, Reply reply) {
    if (reply instanceof Reply.Text text) {
      return List.of(message(to, text.text(), null));
    }
    if (reply instanceof Reply.QuickReplies quickReplies) {
      return List.of(message(to, quickReplies.text(), keyboard(List.of(), quickReplies.options())));
    }
    if (reply instanceof Reply.Cards cards) {
      List<TelegramCall> calls = new ArrayList<>();
      for (int i = 0; i < cards.cards().size(); i++) {
        boolean last = i == cards.cards().size() - 1;
        calls.add(card(to, cards.cards().get(i), last ? cards.quickReplies() : List.of()));
      }
      return calls;
    }
    if (reply instanceof Reply.Image image) {
      JsonObject body = chat(to).put("photo", image.url());
      if (image.caption() != null && !image.caption().isBlank()) {
        body.put("caption", image.caption());
      }
      return List.of(new TelegramCall("sendPhoto", body));
    }
    if (reply instanceof Reply.Typing) {
      return List.of(new TelegramCall("sendChatAction", chat(to).put("action", "typing")));
    }
    if (reply instanceof Reply.PlatformSpecific specific) {
      // The payload is a sendMessage body without chat_id (or with "method" naming another Bot API method).
      JsonObject own = specific.payload(TelegramAdapter.PLATFORM);
      if (own == null) {
        return render(to, specific.fallback());
      }
      String method = own.containsKey("method") ? String.valueOf(own.remove("method")) : "sendMessage";
      return List.of(new TelegramCall(method, chat(to).mergeIn(own)));
    }
    throw new IllegalArgumentException("Telegram has no " + reply.getClass().getSimpleName() + " message");
  }

  private static TelegramCall card(ConversationRef to, Card card, List<QuickReply> quickReplies) {
    String text = caption(card);
    JsonObject keyboard = keyboard(card.buttons(), quickReplies);
    if (card.imageUrl() == null || card.imageUrl().isBlank()) {
      return message(to, text.isEmpty() ? " " : text, keyboard);
    }
    JsonObject body = chat(to).put("photo", card.imageUrl());
    if (!text.isEmpty()) {
      body.put("caption", text);
    }
    if (keyboard != null) {
      body.put("reply_markup", keyboard);
    }
    return new TelegramCall("sendPhoto", body);
  }

  private static String caption(Card card) {
    String title = card.title() == null ? "" : card.title().strip();
    String subtitle = card.subtitle() == null ? "" : card.subtitle().strip();
    return title.isEmpty() || subtitle.isEmpty() ? title + subtitle : title + "\n" + subtitle;
  }

  private static TelegramCall message(ConversationRef to, String text, JsonObject keyboard) {
    JsonObject body = chat(to).put("text", text);
    if (keyboard != null) {
      body.put("reply_markup", keyboard);
    }
    return new TelegramCall("sendMessage", body);
  }

  /** Buttons one per row, then the quick replies; null when there is nothing to tap. */
  private static JsonObject keyboard(List<Button> buttons, List<QuickReply> quickReplies) {
    JsonArray rows = new JsonArray();
    buttons.forEach(button -> rows.add(new JsonArray().add(button(button))));
    boolean allShort = quickReplies.stream().allMatch(option -> option.title().length() <= SHORT_LABEL);
    int perRow = allShort ? SHORT_LABELS_PER_ROW : 1;
    for (int i = 0; i < quickReplies.size(); i += perRow) {
      JsonArray row = new JsonArray();
      quickReplies.subList(i, Math.min(i + perRow, quickReplies.size()))
          .forEach(option -> row.add(button(Button.postback(option.title(), option.payload()))));
      rows.add(row);
    }
    return rows.isEmpty() ? null : new JsonObject().put("inline_keyboard", rows);
  }

  private static JsonObject button(Button button) {
    JsonObject key = new JsonObject().put("text", button.title());
    return button.isLink() ? key.put("url", button.url()) : key.put("callback_data", button.payload());
  }

  /** {@code chat_id} as the number Telegram uses (negative for groups), or as given ({@code @channel}). */
  private static JsonObject chat(ConversationRef to) {
    JsonObject body = new JsonObject().put("chat_id", number(to.channel()));
    if (to.thread() != null) {
      body.put("message_thread_id", number(to.thread()));
    }
    return body;
  }

  private static Object number(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException notNumeric) {
      return id;
    }
  }
}
