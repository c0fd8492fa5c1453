package dev.chatbot.adapters.messenger;

import dev.chatbot.adapters.meta.PublicUrls;
import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * A fitted neutral reply to Send API bodies ({@code POST /me/messages}), in the order to send them. Pure: the reply
 * and the recipient in, JSON out. Almost every reply is one body; an image with a caption is two, because Messenger
 * images have no caption.
 */
final class MessengerRenderer {

  private final PublicUrls urls;

  MessengerRenderer(PublicUrls urls) {
    this.urls = urls;
  }

  List<JsonObject> render(String psid, Reply reply) {
    if (reply instanceof Reply.Text text) {
      return List.of(message(psid, new JsonObject().put("text", text.text())));
    }
    if (reply instanceof Reply.QuickReplies quickReplies) {
      return List.of(message(psid, withQuickReplies(new JsonObject().put("text", quickReplies.text()),
          quickReplies.options())));
    }
    if (reply instanceof Reply.Cards cards) {
      return List.of(message(psid, withQuickReplies(carousel(cards.cards()), cards.quickReplies())));
    }
    if (reply instanceof Reply.Image image) {
      JsonObject picture = message(psid, attachment("image",
          new JsonObject().put("url", urls.absolute(image.url())).put("is_reusable", true)));
      return image.caption() == null || image.caption().isBlank() ? List.of(picture)
          : List.of(picture, message(psid, new JsonObject().put("text", image.caption())));
    }
    if (reply instanceof Reply.Typing) {
      return List.of(new JsonObject().put("recipient", recipient(psid)).put("sender_action", "typing_on"));
    }
    if (reply instanceof Reply.PlatformSpecific specific) {
      // The payload is the Send API body without the recipient. Without a "message" it only adds fields (a
      // message tag) to the fallback's own rendering.
      JsonObject own = specific.payload(MessengerParser.PLATFORM);
      if (own == null) {
        return render(psid, specific.fallback());
      }
      if (!own.containsKey("message")) {
        return render(psid, specific.fallback()).stream().map(body -> body.mergeIn(own)).toList();
      }
      return List.of(new JsonObject().put("recipient", recipient(psid)).put("messaging_type", "RESPONSE")
          .mergeIn(own));
    }
    throw new IllegalArgumentException("unknown reply " + reply.getClass().getSimpleName());
  }

  private static JsonObject message(String psid, JsonObject message) {
    return new JsonObject()
        .put("recipient", recipient(psid))
        .put("messaging_type", "RESPONSE")
        .put("message", message);
  }

  private static JsonObject recipient(String psid) {
    return new JsonObject().put("id", psid);
  }

  private static JsonObject withQuickReplies(JsonObject message, List<QuickReply> options) {
    if (options.isEmpty()) {
      return message;
    }
    JsonArray quickReplies = new JsonArray();
    for (QuickReply option : options) {
      quickReplies.add(new JsonObject()
          .put("content_type", "text")
          .put("title", option.title())
          .put("payload", option.payload()));
    }
    return message.put("quick_replies", quickReplies);
  }

  private JsonObject carousel(List<Card> cards) {
    JsonArray elements = new JsonArray();
    for (Card card : cards) {
      JsonObject element = new JsonObject().put("title", card.title());
      if (card.subtitle() != null && !card.subtitle().isBlank()) {
        element.put("subtitle", card.subtitle());
      }
      if (card.imageUrl() != null) {
        element.put("image_url", urls.absolute(card.imageUrl()));
      }
      if (!card.buttons().isEmpty()) {
        element.put("buttons", new JsonArray(card.buttons().stream().map(MessengerRenderer::button).toList()));
      }
      elements.add(element);
    }
    return attachment("template", new JsonObject().put("template_type", "generic").put("elements", elements));
  }

  private static JsonObject button(Button button) {
    return button.isLink()
        ? new JsonObject().put("type", "web_url").put("url", button.url()).put("title", button.title())
        : new JsonObject().put("type", "postback").put("title", button.title()).put("payload", button.payload());
  }

  private static JsonObject attachment(String type, JsonObject payload) {
    return new JsonObject().put("attachment", new JsonObject().put("type", type).put("payload", payload));
  }
}
