package dev.chatbot.dialog;

import java.util.List;

/** Small pieces of English for replies built from values: lists, counts, a capital first letter. */
public final class Words {

  private Words() {}

  /** "a", "a and b", "a, b and c" (with {@code last} "and"; "or" for choices). */
  public static String list(List<String> items, String last) {
    return items.size() <= 1 ? String.join("", items)
        : String.join(", ", items.subList(0, items.size() - 1)) + " " + last + " " + items.get(items.size() - 1);
  }

  /** "1 pair", "2 pairs": a count and a noun with a regular plural. */
  public static String count(int count, String noun) {
    return count + " " + (count == 1 ? noun : noun + "s");
  }

  public static String capitalise(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
