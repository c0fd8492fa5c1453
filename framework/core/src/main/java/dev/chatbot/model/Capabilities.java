package dev.chatbot.model;

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
    boolean typing) {

  /** No limits worth fitting: the web chat. */
  public static final Capabilities UNLIMITED =
      new Capabilities(100_000, 100, 200, 100, 10, 200, 1_000, 100, true);
}
