package dev.chatbot.spi;

import dev.chatbot.model.Button;
import dev.chatbot.model.Capabilities;
import dev.chatbot.model.Card;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import java.util.ArrayList;
import java.util.List;

/**
 * Adapts a neutral reply to a platform's {@link Capabilities} so that the platform never rejects it: long text is
 * split, titles are shortened, extra buttons and quick replies are dropped, and a carousel that is too long is cut
 * with a "More" quick reply (payload {@link Reply#MORE_PAYLOAD}) for the bot to page on. A choice whose payload is
 * longer than the platform carries is left out rather than cut, since a cut payload would mean something else.
 */
public final class ReplyFitter {

  static final String ELLIPSIS = "…";

  private ReplyFitter() {}

  /** The replies to send instead of {@code reply}, in order (one, several after a split, none for a dropped one). */
  public static List<Reply> fit(Reply reply, Capabilities caps) {
    // Java 17: no pattern switch yet, so an instanceof chain over the sealed Reply.
    if (reply instanceof Reply.Text text) {
      return splitText(text.text(), caps.maxTextLength()).stream().<Reply>map(Reply.Text::new).toList();
    }
    if (reply instanceof Reply.QuickReplies quickReplies) {
      return fitQuickReplies(quickReplies, caps);
    }
    if (reply instanceof Reply.Cards cards) {
      return List.of(fitCards(cards, caps));
    }
    if (reply instanceof Reply.Typing) {
      return caps.typing() ? List.of(reply) : List.of();
    }
    return List.of(reply);
  }

  private static List<Reply> fitQuickReplies(Reply.QuickReplies qr, Capabilities caps) {
    List<String> parts = splitText(qr.text(), caps.maxTextLength());
    List<Reply> out = new ArrayList<>();
    for (int i = 0; i < parts.size() - 1; i++) {
      out.add(new Reply.Text(parts.get(i)));
    }
    String last = parts.get(parts.size() - 1);
    if (caps.maxQuickReplies() == 0) {
      // No chips on this platform: list the choices so the user can type one.
      StringBuilder text = new StringBuilder(last);
      qr.options().forEach(option -> text.append("\n• ").append(option.title()));
      out.addAll(splitText(text.toString(), caps.maxTextLength()).stream().map(Reply.Text::new).toList());
    } else {
      out.add(new Reply.QuickReplies(last, fitOptions(qr.options(), caps)));
    }
    return out;
  }

  private static List<QuickReply> fitOptions(List<QuickReply> options, Capabilities caps) {
    return options.stream()
        .filter(option -> caps.fitsPayload(option.payload()))
        .limit(caps.maxQuickReplies())
        .map(option -> option.withTitle(truncate(option.title(), caps.maxQuickReplyTitle())))
        .toList();
  }

  private static Reply.Cards fitCards(Reply.Cards reply, Capabilities caps) {
    List<Card> cards = reply.cards().stream().limit(caps.maxCards()).map(card -> fitCard(card, caps)).toList();
    List<QuickReply> options = new ArrayList<>(reply.quickReplies());
    boolean cut = reply.cards().size() > caps.maxCards();
    if (cut && caps.maxQuickReplies() > 0 && options.stream().noneMatch(o -> Reply.MORE_PAYLOAD.equals(o.payload()))) {
      options.add(0, QuickReply.of("More", Reply.MORE_PAYLOAD));
    }
    return new Reply.Cards(cards, caps.maxQuickReplies() == 0 ? List.of() : fitOptions(options, caps));
  }

  private static Card fitCard(Card card, Capabilities caps) {
    List<Button> buttons = card.buttons().stream()
        .filter(button -> caps.fitsPayload(button.payload()))
        .limit(caps.maxCardButtons())
        .map(button -> button.withTitle(truncate(button.title(), caps.maxButtonTitle())))
        .toList();
    return new Card(truncate(card.title(), caps.maxCardTitle()), truncate(card.subtitle(), caps.maxCardSubtitle()),
        card.imageUrl(), buttons);
  }

  /** Shortens {@code text} to at most {@code max} characters, marking the cut with an ellipsis. */
  public static String truncate(String text, int max) {
    if (text == null || text.length() <= max) {
      return text;
    }
    return max <= 1 ? text.substring(0, max) : text.substring(0, max - 1).stripTrailing() + ELLIPSIS;
  }

  /** Splits at the last paragraph, line or word break that fits; hard cuts only inside one over-long word. */
  public static List<String> splitText(String text, int max) {
    if (text == null) {
      return List.of("");
    }
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int cut = breakBefore(rest, max);
      parts.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    parts.add(rest);
    return parts;
  }

  private static int breakBefore(String text, int max) {
    for (String separator : new String[] {"\n\n", "\n", " "}) {
      int at = text.lastIndexOf(separator, max);
      if (at > max / 2) {
        return at;
      }
    }
    return max;
  }
}
