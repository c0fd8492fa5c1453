package dev.chatbot.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.vertx.core.json.JsonObject;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a bot sends, independent of any platform. Each adapter renders these into its own JSON; the core's
 * {@code ReplyFitter} first adapts them to the platform's {@link Capabilities}.
 *
 * <p>JSON form: {@code {"type":"text","text":"Hi"}}, {@code {"type":"cards","cards":[...]}}...
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Reply.Text.class, name = "text"),
  @JsonSubTypes.Type(value = Reply.QuickReplies.class, name = "quick_replies"),
  @JsonSubTypes.Type(value = Reply.Cards.class, name = "cards"),
  @JsonSubTypes.Type(value = Reply.Image.class, name = "image"),
  @JsonSubTypes.Type(value = Reply.Typing.class, name = "typing"),
  @JsonSubTypes.Type(value = Reply.PlatformSpecific.class, name = "platform_specific")
})
public sealed interface Reply {

  /** The payload of the "More" quick reply the fitter adds when it has to cut a carousel. */
  String MORE_PAYLOAD = "more";

  static Text text(String text) {
    return new Text(text);
  }

  static QuickReplies quickReplies(String text, List<QuickReply> options) {
    return new QuickReplies(text, options);
  }

  /** Quick replies whose payload is their title. */
  static QuickReplies quickReplies(String text, String... titles) {
    return new QuickReplies(text, Arrays.stream(titles).map(QuickReply::of).toList());
  }

  static Cards cards(List<Card> cards) {
    return new Cards(cards, List.of());
  }

  static Image image(String url) {
    return new Image(url, null);
  }

  static Typing typing() {
    return new Typing();
  }

  /**
   * The escape hatch: {@code payload} as {@code platform}'s own message JSON there, {@code fallback} everywhere else.
   * Add more platforms with {@link PlatformSpecific#with}.
   */
  static PlatformSpecific platformSpecific(String platform, JsonObject payload, Reply fallback) {
    return new PlatformSpecific(Map.of(platform, payload), fallback);
  }

  record Text(String text) implements Reply {}

  record QuickReplies(String text, List<QuickReply> options) implements Reply {
    public QuickReplies {
      options = List.copyOf(options);
    }
  }

  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  record Cards(List<Card> cards, List<QuickReply> quickReplies) implements Reply {
    public Cards {
      cards = List.copyOf(cards);
      quickReplies = quickReplies == null ? List.of() : List.copyOf(quickReplies);
    }

    public Cards withQuickReplies(List<QuickReply> options) {
      return new Cards(cards, options);
    }

    public Cards withQuickReplies(QuickReply... options) {
      return new Cards(cards, List.of(options));
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Image(String url, String caption) implements Reply {}

  /** A typing indicator, for platforms that have one (others drop it). */
  record Typing() implements Reply {}

  /**
   * A message in a platform's own JSON, for what the neutral model cannot say (a Messenger template, Slack blocks of
   * one's own), with a neutral {@code fallback} for the other platforms. Each payload is what the adapter would
   * otherwise build for a reply: Messenger's {@code message} object, the WhatsApp fields besides
   * {@code messaging_product} and {@code to}, the Slack {@code chat.postMessage} fields besides {@code channel}.
   */
  record PlatformSpecific(Map<String, JsonObject> payloads, Reply fallback) implements Reply {
    public PlatformSpecific {
      payloads = Map.copyOf(payloads);
      Objects.requireNonNull(fallback, "fallback");
      if (fallback instanceof PlatformSpecific) {
        throw new IllegalArgumentException("the fallback of a platform-specific reply must be neutral");
      }
    }

    public PlatformSpecific with(String platform, JsonObject payload) {
      Map<String, JsonObject> more = new LinkedHashMap<>(payloads);
      more.put(platform, payload);
      return new PlatformSpecific(more, fallback);
    }

    /** What {@code platform} gets: this reply narrowed to its payload, or the fallback. */
    public Reply on(String platform) {
      JsonObject payload = payloads.get(platform);
      return payload == null ? fallback : new PlatformSpecific(Map.of(platform, payload), fallback);
    }

    /** {@code platform}'s payload (a copy), or null. */
    public JsonObject payload(String platform) {
      JsonObject payload = payloads.get(platform);
      return payload == null ? null : payload.copy();
    }
  }
}
