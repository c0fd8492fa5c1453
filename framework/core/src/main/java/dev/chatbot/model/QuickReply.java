package dev.chatbot.model;

/** A suggested answer shown as a chip; tapping it sends {@code payload} back as a postback. */
public record QuickReply(String title, String payload) {

  public static QuickReply of(String title) {
    return new QuickReply(title, title);
  }

  public static QuickReply of(String title, String payload) {
    return new QuickReply(title, payload);
  }

  public QuickReply withTitle(String newTitle) {
    return new QuickReply(newTitle, payload);
  }
}
