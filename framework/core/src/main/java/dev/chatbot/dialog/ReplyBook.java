package dev.chatbot.dialog;

import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.ResourceFile;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a bot says, kept as data rather than code: each key is a sentence with {@code {holes}}, or a sentence with
 * quick replies (title to payload, in order; or the name of another reply whose chips to offer). Rewording an answer,
 * or translating the bot, is then an edit of a file.
 *
 * <pre>{@code
 * {"added": "Added {item} to your cart.",
 *  "empty": {"text": "Your cart is empty.", "chips": {"Dress shoes": "dress shoes", "Help": "HELP"}}}
 * }</pre>
 *
 * <p>A hole no value is given for is filled with the book's sentence of that name, so a sentence said in many replies
 * (the examples of what to ask) is written once. A chip whose payload comes out empty is left out, so a chip offered
 * only sometimes is still data: {@code "Show more": "{more}"} with {@code "more", hasMore ? "MORE" : ""}. A key or a hole that is missing fails at once with its name, so a
 * test that says each reply finds the mistake.
 */
public final class ReplyBook {

  private static final Pattern HOLE = Pattern.compile("\\{(\\w+)}");

  private final JsonObject book;

  public ReplyBook(JsonObject book) {
    this.book = book.copy();
  }

  /** Reads a JSON file from the class path (at start: it blocks). */
  public static ReplyBook fromResource(String path) {
    return new ReplyBook(ResourceFile.json(path));
  }

  /** The sentence of {@code key} with its holes filled: {@code text("added", "item", "a mug")}. */
  public String text(String key, Object... holesAndValues) {
    Object entry = entry(key);
    return fill(entry instanceof JsonObject reply ? reply.getString("text") : (String) entry, key, holesAndValues);
  }

  /** The reply of {@code key}: its text, with its quick replies when it has chips (their payloads filled too). */
  public Reply reply(String key, Object... holesAndValues) {
    String text = text(key, holesAndValues);
    if (!(entry(key) instanceof JsonObject reply) || !reply.containsKey("chips")) {
      return Reply.text(text);
    }
    List<QuickReply> chips = new ArrayList<>();
    Object named = reply.getValue("chips");
    for (Map.Entry<String, Object> chip : named instanceof String other ? chipsOf(other) : (JsonObject) named) {
      String payload = fill((String) chip.getValue(), key, holesAndValues);
      if (!payload.isEmpty()) {
        chips.add(QuickReply.of(fill(chip.getKey(), key, holesAndValues), payload));
      }
    }
    return Reply.quickReplies(text, chips);
  }

  private JsonObject chipsOf(String key) {
    return ((JsonObject) entry(key)).getJsonObject("chips");
  }

  private Object entry(String key) {
    Object entry = book.getValue(key);
    if (entry == null) {
      throw new IllegalArgumentException("no reply '" + key + "' in the reply book");
    }
    return entry;
  }

  private String fill(String text, String key, Object[] holesAndValues) {
    Matcher hole = HOLE.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (hole.find()) {
      hole.appendReplacement(filled, Matcher.quoteReplacement(String.valueOf(value(hole.group(1), key,
          holesAndValues))));
    }
    return hole.appendTail(filled).toString();
  }

  private Object value(String hole, String key, Object[] holesAndValues) {
    for (int i = 0; i + 1 < holesAndValues.length; i += 2) {
      if (hole.equals(holesAndValues[i])) {
        return holesAndValues[i + 1];
      }
    }
    if (book.getValue(hole) instanceof String sentence) {
      return fill(sentence, hole, holesAndValues);
    }
    throw new IllegalArgumentException("reply '" + key + "' needs a value for {" + hole + "}");
  }
}
