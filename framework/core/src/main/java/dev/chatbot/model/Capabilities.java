package dev.chatbot.model;

import java.nio.charset.StandardCharsets;

/**
 * What a platform can show. The core's fitter reads these to adapt a {@link Reply} before the adapter renders it,
 * so a reply is never sent only to be rejected by the platform.
 *
 * @param maxTextLength longest text message; longer text is split
 * @param maxQuickReplies most quick replies on one message (0: none; they become numbered text)
 * @param maxQuickReplyTitle longest quick-reply title
 * @param maxCards most cards in one carousel; more are cut and a "More" quick reply is added
 * @param maxCardButtons most buttons per card
 * @param maxCardTitle longest card title
 * @param maxCardSubtitle longest card subtitle
 * @param maxButtonTitle longest button title
 * @param typing whether the platform shows typing indicators (if not, {@link Reply.Typing} is dropped)
 * @param maxPayloadBytes longest button or quick-reply payload in UTF-8 bytes (0: no limit); a choice whose payload
 *     is longer cannot come back intact, so it is left out
 */
public record Capabilities(
    int maxTextLength,
    int maxQuickReplies,
    int maxQuickReplyTitle,
    int maxCards,
    int maxCardButtons,
    int maxCardTitle,
    int maxCardSubtitle,
    int maxButtonTitle,
    boolean typing,
    int maxPayloadBytes) {

  /** Limits without a payload limit. */
  public Capabilities(int maxTextLength, int maxQuickReplies, int maxQuickReplyTitle, int maxCards,
      int maxCardButtons, int maxCardTitle, int maxCardSubtitle, int maxButtonTitle, boolean typing) {
    this(maxTextLength, maxQuickReplies, maxQuickReplyTitle, maxCards, maxCardButtons, maxCardTitle,
        maxCardSubtitle, maxButtonTitle, typing, 0);
  }

  /** Whether a button or quick reply with this payload can be shown (and come back unchanged). */
  public boolean fitsPayload(String payload) {
    return maxPayloadBytes <= 0 || payload == null
        || payload.getBytes(StandardCharsets.UTF_8).length <= maxPayloadBytes;
  }

  /** No limits worth fitting: the web chat. */
  public static final Capabilities UNLIMITED =
      new Capabilities(100_000, 100, 200, 100, 10, 200, 1_000, 100, true);
}
