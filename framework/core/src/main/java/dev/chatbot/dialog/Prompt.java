package dev.chatbot.dialog;

import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One question of a {@link Form}: how to ask it, how to read the answer (parse), what a good answer is (validate,
 * possibly asynchronous), what to say when it is not, and how often to try.
 *
 * <pre>{@code
 * Prompt.integer("How many people?").validate(n -> n >= 1 && n <= 8, "From 1 to 8, please.")
 * Prompt.choice("Which service?", "Haircut", "Colour")
 * Prompt.of("Your email?", Email::parse).retry("That does not look like an email.", 3).remember(Scope.USER)
 * }</pre>
 *
 * <p>Prompts are immutable: each method returns a changed copy, so they are safe in {@code static final} fields.
 */
public final class Prompt<T> {

  /** What an answer must satisfy, with what to say when it does not. */
  private record Check<T>(Function<T, Future<Boolean>> test, String message) {}

  private static final Set<String> YES = Set.of("yes", "y", "yeah", "yep", "yup", "ya", "yea", "sure", "ok", "okay",
      "of course", "please do", "correct", "right", "true", "confirm", "go ahead", "do it", "sounds good",
      "looks good", "perfect", "alright", "that works");
  private static final Set<String> NO = Set.of("no", "n", "nope", "nah", "not really", "no thanks", "wrong",
      "false", "not now");

  private final String kind;
  private final Reply question;
  private final List<String> choices;
  private final Function<String, Future<T>> parser;
  private final Function<Object, T> fromEntity;
  private final List<Check<T>> checks;
  private final String retryMessage;
  private final int retryLimit;
  private final Scope remember;

  private Prompt(String kind, Reply question, List<String> choices, Function<String, Future<T>> parser,
      Function<Object, T> fromEntity, List<Check<T>> checks, String retryMessage, int retryLimit, Scope remember) {
    this.kind = kind;
    this.question = Objects.requireNonNull(question, "question");
    this.choices = List.copyOf(choices);
    this.parser = parser;
    this.fromEntity = fromEntity;
    this.checks = List.copyOf(checks);
    this.retryMessage = retryMessage;
    this.retryLimit = retryLimit;
    this.remember = remember;
  }

  private static <T> Prompt<T> create(String kind, String question, List<String> choices, Function<String, T> parse,
      Function<Object, T> fromEntity, String retryMessage) {
    Reply asked = choices.isEmpty() ? Reply.text(question)
        : Reply.quickReplies(question, choices.stream().map(QuickReply::of).toList());
    return new Prompt<>(kind, asked, choices, text -> Future.succeededFuture(parse.apply(text)), fromEntity,
        List.of(), retryMessage, 2, null);
  }

  /** Any non-empty text. */
  public static Prompt<String> text(String question) {
    return create("text", question, List.of(), text -> text.isBlank() ? null : text.trim(),
        value -> value instanceof String s ? s : null, "Please type an answer.");
  }

  /** A number: digits or words ("12", "10.5", "ten and a half"). */
  public static Prompt<Double> number(String question) {
    return create("number", question, List.of(), text -> Optional.ofNullable(parseNumber(text)).map(BigDecimal::doubleValue)
        .orElse(null), value -> value instanceof BigDecimal n ? n.doubleValue()
        : value instanceof String s ? Optional.ofNullable(parseNumber(s)).map(BigDecimal::doubleValue).orElse(null)
        : null, "Please give a number.");
  }

  /** A whole number. */
  public static Prompt<Integer> integer(String question) {
    return create("number", question, List.of(), text -> whole(parseNumber(text)),
        value -> value instanceof BigDecimal n ? whole(n) : value instanceof String s ? whole(parseNumber(s)) : null,
        "Please give a whole number.");
  }

  /** One of {@code options}, offered as quick replies; the answer is the option as written here. */
  public static Prompt<String> choice(String question, String... options) {
    List<String> list = List.of(options);
    return create("choice", question, list, text -> pick(list, text), value -> pick(list, String.valueOf(value)),
        "Please pick one of: " + String.join(", ", list) + ".");
  }

  /** One of an enum's constants, offered by their names in sentence case ({@code EXTRA_LARGE}: "Extra large"). */
  public static <E extends Enum<E>> Prompt<E> choice(String question, E[] options) {
    List<String> labels = Arrays.stream(options).map(Prompt::label).toList();
    Function<String, E> parse = text -> {
      String picked = pick(labels, text);
      return picked == null ? null : options[labels.indexOf(picked)];
    };
    return create("choice", question, labels, parse, value -> parse.apply(String.valueOf(value)),
        "Please pick one of: " + String.join(", ", labels) + ".");
  }

  /** Yes or no, offered as two quick replies. */
  public static Prompt<Boolean> yesNo(String question) {
    return create("yes_no", question, List.of("Yes", "No"), Prompt::parseYesNo,
        value -> value instanceof Boolean b ? b : null, "Please answer yes or no.");
  }

  /** Any type: {@code parse} returns the value, or null (or throws) when the text is not an answer. */
  public static <T> Prompt<T> of(String question, Function<String, T> parse) {
    return create("text", question, List.of(), parse, value -> null, "Sorry, I did not get that.");
  }

  /** Any type, read asynchronously (a lookup): a failed future or null means the text is not an answer. */
  public static <T> Prompt<T> ofAsync(String question, Function<String, Future<T>> parse) {
    return new Prompt<>("text", Reply.text(question), List.of(), parse, value -> null, List.of(),
        "Sorry, I did not get that.", 2, null);
  }

  /** Also requires {@code test}; when it fails, {@code message} is said before asking again. */
  public Prompt<T> validate(Predicate<T> test, String message) {
    return validateAsync(value -> Future.succeededFuture(test.test(value)), message);
  }

  /** Also requires an asynchronous test (a lookup, a call): a failed future counts as "no". */
  public Prompt<T> validateAsync(Function<T, Future<Boolean>> test, String message) {
    List<Check<T>> more = new ArrayList<>(checks);
    more.add(new Check<>(test, message));
    return new Prompt<>(kind, question, choices, parser, fromEntity, more, retryMessage, retryLimit, remember);
  }

  /** What to say when an answer is not understood, and how many wrong answers end the form (default 2). */
  public Prompt<T> retry(String message, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("retry limit must be 0 or more, got " + limit);
    }
    return new Prompt<>(kind, question, choices, parser, fromEntity, checks, message, limit, remember);
  }

  /** Keeps the answer in {@code scope} ({@link Scope#USER}: asked once per user, then filled by itself). */
  public Prompt<T> remember(Scope scope) {
    if (scope == Scope.BOT) {
      throw new IllegalArgumentException("an answer is remembered per conversation or per user, not bot-wide");
    }
    return new Prompt<>(kind, question, choices, parser, fromEntity, checks, retryMessage, retryLimit, scope);
  }

  /** Asks with {@code reply} instead (cards, quick replies with payloads of one's own...). */
  public Prompt<T> asking(Reply reply) {
    return new Prompt<>(kind, reply, choices, parser, fromEntity, checks, retryMessage, retryLimit, remember);
  }

  /** The question as a reply: quick replies when there are options. */
  public Reply question() {
    return question;
  }

  String kind() {
    return kind;
  }

  List<String> choices() {
    return choices;
  }

  String retryMessage() {
    return retryMessage;
  }

  int retryLimit() {
    return retryLimit;
  }

  Scope remembered() {
    return remember;
  }

  /** The typed text read as an answer: the value, or null when it is not one. */
  Future<T> parse(String text) {
    try {
      return parser.apply(text == null ? "" : text).otherwise((T) null);
    } catch (RuntimeException notAnAnswer) {
      return Future.succeededFuture();
    }
  }

  /** An NLU entity's value as an answer, or null. */
  T fromEntity(Object value) {
    try {
      return fromEntity.apply(value);
    } catch (RuntimeException notAnAnswer) {
      return null;
    }
  }

  /** Null when {@code value} passes every check, else the message of the first that fails. */
  Future<String> check(T value) {
    Future<String> verdict = Future.succeededFuture();
    for (Check<T> check : checks) {
      verdict = verdict.compose(failed -> failed != null ? Future.succeededFuture(failed)
          : check.test().apply(value).otherwise(false).map(ok -> Boolean.TRUE.equals(ok) ? null : check.message()));
    }
    return verdict;
  }

  private static BigDecimal parseNumber(String text) {
    return dev.chatbot.nlu.LookupNlu.firstNumber(text);
  }

  private static Integer whole(BigDecimal number) {
    return number == null || number.stripTrailingZeros().scale() > 0 ? null : number.intValueExact();
  }

  private static Boolean parseYesNo(String text) {
    String answer = text.trim().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
    return YES.contains(answer) ? Boolean.TRUE : NO.contains(answer) ? Boolean.FALSE : null;
  }

  /**
   * A yes or a no, also when more follows a comma or "please": "yes please", "sure, go ahead", "no thanks". Null
   * for anything else ("no suede" is not a no).
   */
  static Boolean yesOrNo(String text) {
    String answer = text.trim().toLowerCase(Locale.ROOT).replaceAll("[.!]+$", "");
    Boolean whole = parseYesNo(answer);
    String first = answer.split("\\s*(,|\\bplease\\b|\\bthanks\\b|\\bthank you\\b)", 2)[0];
    return whole != null || first.equals(answer) ? whole : parseYesNo(first);
  }

  /** The option the text names (any case), or whose number it is ("2"), or null. */
  private static String pick(List<String> options, String text) {
    String answer = text.trim();
    for (String option : options) {
      if (option.equalsIgnoreCase(answer)) {
        return option;
      }
    }
    if (answer.matches("\\d{1,2}")) {
      int index = Integer.parseInt(answer) - 1;
      return index >= 0 && index < options.size() ? options.get(index) : null;
    }
    return null;
  }

  private static String label(Enum<?> constant) {
    String words = constant.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
