package dev.chatbot.testkit;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/** What a text reply should look like, with a description for failure messages. */
public record Text(String description, Predicate<String> test) {

  public static Text contains(String part) {
    return new Text("containing \"" + part + "\"", text -> text.contains(part));
  }

  public static Text containsIgnoringCase(String part) {
    return new Text("containing \"" + part + "\" (any case)",
        text -> text.toLowerCase(java.util.Locale.ROOT).contains(part.toLowerCase(java.util.Locale.ROOT)));
  }

  public static Text startsWith(String prefix) {
    return new Text("starting with \"" + prefix + "\"", text -> text.startsWith(prefix));
  }

  public static Text equalTo(String expected) {
    return new Text("equal to \"" + expected + "\"", expected::equals);
  }

  public static Text matches(String regex) {
    Pattern pattern = Pattern.compile(regex, Pattern.DOTALL);
    return new Text("matching /" + regex + "/", text -> pattern.matcher(text).find());
  }
}
