package dev.chatbot.adapters.slack;

import java.util.ArrayList;
import java.util.List;

/** Slack's three escaped characters in {@code mrkdwn} text (&amp;, &lt;, &gt;), both directions. */
final class SlackText {

  private SlackText() {}

  /** Escapes user text so Slack shows it as typed instead of reading links, mentions or entities into it. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.chars().forEach(c -> out.append(escape((char) c)));
    return out.toString();
  }

  private static String escape(char c) {
    return switch (c) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      default -> String.valueOf(c);
    };
  }

  /** What the user typed, from Slack's escaped message text. */
  static String unescape(String text) {
    return text == null ? null : text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /**
   * Escapes {@code text} and cuts it into pieces of at most {@code max} characters each, never inside an entity:
   * escaping can make a text that fits the fitter's limit longer than a section allows.
   */
  static List<String> escapeInChunks(String text, int max) {
    List<String> chunks = new ArrayList<>();
    StringBuilder chunk = new StringBuilder();
    for (char c : (text == null ? "" : text).toCharArray()) {
      String escaped = escape(c);
      if (chunk.length() + escaped.length() > max) {
        chunks.add(chunk.toString());
        chunk.setLength(0);
      }
      chunk.append(escaped);
    }
    if (chunk.length() > 0 || chunks.isEmpty()) {
      chunks.add(chunk.toString());
    }
    return chunks;
  }
}
