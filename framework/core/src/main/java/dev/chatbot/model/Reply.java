package dev.chatbot.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Arrays;
import java.util.List;

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
  @JsonSubTypes.Type(value = Reply.Typing.class, name = "typing")
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
}
