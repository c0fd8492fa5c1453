package dev.chatbot.dialog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pattern with named holes, {@code "buy {sku}"} or {@code "BUY:{sku}"}: the whole input must match, holes take
 * at least one character. Everything else is literal, so authors never escape regex characters.
 */
final class Template {

  private static final Pattern HOLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

  private final String source;
  private final Pattern pattern;
  private final List<String> names = new ArrayList<>();

  Template(String source, boolean ignoreCase) {
    this.source = source;
    StringBuilder regex = new StringBuilder();
    Matcher hole = HOLE.matcher(source);
    int last = 0;
    while (hole.find()) {
      regex.append(Pattern.quote(source.substring(last, hole.start())));
      regex.append("(?<").append(hole.group(1)).append(">.+?)");
      names.add(hole.group(1));
      last = hole.end();
    }
    regex.append(Pattern.quote(source.substring(last)));
    this.pattern = Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE
        | Pattern.DOTALL : Pattern.DOTALL);
  }

  /** The holes' values when {@code input} matches, else null. */
  Map<String, String> match(String input) {
    if (input == null) {
      return null;
    }
    Matcher matcher = pattern.matcher(input);
    if (!matcher.matches()) {
      return null;
    }
    Map<String, String> captures = new LinkedHashMap<>();
    for (String name : names) {
      captures.put(name, matcher.group(name).trim());
    }
    return captures;
  }

  @Override
  public String toString() {
    return source;
  }
}
