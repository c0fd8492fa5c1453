package dev.chatbot.dialog;

import dev.chatbot.model.Reply;
import dev.chatbot.nlu.Entity;
import dev.chatbot.nlu.NluContext;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Fills a record, slot by slot, over as many messages as it takes. Slots fill from the NLU's entities of the same
 * name in any message (several at once); the form asks only for what is still missing, re-asks on a wrong answer
 * and gives up after the prompt's retry limit. Used as a route's handler, it starts itself.
 *
 * <pre>{@code
 * record Booking(String service, String day, int people) {}
 * static final Form<Booking> BOOKING = Form.of(Booking.class)
 *     .slot("service", Prompt.choice("Which service?", "Haircut", "Colour"))
 *     .slot("day", Prompt.text("Which day?"))
 *     .slot("people", Prompt.integer("For how many people?"))
 *     .onDone((turn, booking) -> turn.reply("Booked: " + booking));
 * }</pre>
 *
 * <p>A form can end with a confirmation ({@link #confirm}): the filled record is shown, and the user confirms,
 * changes one answer, or declines. Answers a prompt remembers ({@code remember(Scope.USER)}) are kept as soon as they
 * are given and skipped next time, so a returning user goes straight to the confirmation.
 *
 * <p>Where a conversation is in a form is data in its state ({@code _dialog}), never code: the form is found again by
 * its name (the record's simple name) on the next message, on any cluster member, after any restart.
 */
public final class Form<T extends Record> implements Handler {

  /** What to do with the filled record. */
  @FunctionalInterface
  public interface Done<T> {
    Future<Void> done(Turn turn, T value);
  }

  /** Shows the filled record before {@code onDone}, asking to confirm it: {@code (turn, order) -> Reply}. */
  @FunctionalInterface
  public interface Summary<T> {
    Reply ask(Turn turn, T value);
  }

  /** The payload of the button that confirms a {@link #confirm confirmation}. */
  public static final String CONFIRM = "CONFIRM";
  /** What {@code Turn.asking()} says while the confirmation waits for an answer. */
  public static final String CONFIRMATION = "_confirm";
  private static final String CHANGE = "CHANGE:";
  private static final Handler GIVE_UP = turn -> turn.reply("Sorry, I could not follow. Let's leave it there.");

  private final String name;
  private final Class<T> type;
  private final Set<String> components;
  // Set only while a copy is made (with): a form is immutable once built.
  private Map<String, Prompt<?>> slots;
  private Map<String, String> aliases;
  private Map<String, String> optional;
  private Done<T> done;
  private List<When> interruptions;
  private Handler giveUp;
  private Duration expiry;
  private Summary<T> summary;
  private Handler declined;

  private Form(String name, Class<T> type) {
    this.name = name;
    this.type = type;
    this.components = Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
    this.slots = Map.of();
    this.aliases = Map.of();
    this.optional = Map.of();
    this.done = (turn, value) -> Future.succeededFuture();
    this.interruptions = List.of();
    this.giveUp = GIVE_UP;
  }

  /** A copy with {@code change} applied: every builder method returns a new form. */
  private Form<T> with(Consumer<Form<T>> change) {
    Form<T> copy = new Form<>(name, type);
    copy.slots = slots;
    copy.aliases = aliases;
    copy.optional = optional;
    copy.done = done;
    copy.interruptions = interruptions;
    copy.giveUp = giveUp;
    copy.expiry = expiry;
    copy.summary = summary;
    copy.declined = declined;
    change.accept(copy);
    return copy;
  }

  /** A form over {@code type}, named by its simple name in conversation state. */
  public static <T extends Record> Form<T> of(Class<T> type) {
    return new Form<>(type.getSimpleName(), type);
  }

  /** Asks {@code prompt} for the record component {@code slot}, in the order slots are declared. */
  public Form<T> slot(String slot, Prompt<?> prompt) {
    if (!components.contains(slot)) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no component '" + slot + "'");
    }
    Map<String, Prompt<?>> more = new LinkedHashMap<>(slots);
    more.put(slot, prompt);
    return with(form -> form.slots = more);
  }

  /**
   * Like {@link #slot(String, Prompt)}, and an entity called {@code entity} also fills it while it is empty:
   * {@code slot("count", "number", Prompt.integer("How many?"))} takes the 2 of "2 large pizzas". Such a generic
   * entity is not used while a text slot is asked (the 12 of "12 Main Street" is not a count).
   */
  public Form<T> slot(String slot, String entity, Prompt<?> prompt) {
    Map<String, String> more = new LinkedHashMap<>(aliases);
    more.put(entity, slot);
    return slot(slot, prompt).with(form -> form.aliases = more);
  }

  /**
   * A component that entities called {@code entity} fill when the user mentions it, but that is never asked (null
   * when never mentioned): the brand of "brown Clarks shoes". Its value is the entity's, as the record's type.
   */
  public Form<T> optional(String slot, String entity) {
    if (!components.contains(slot)) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no component '" + slot + "'");
    }
    Map<String, String> more = new LinkedHashMap<>(optional);
    more.put(entity, slot);
    return with(form -> form.optional = more);
  }

  /** Runs once every slot is filled, with the record; the form is over by then. */
  public Form<T> onDone(Done<T> onDone) {
    return with(form -> form.done = onDone);
  }

  /**
   * Lets a message matching any of {@code whens} go to the bot's ordinary routes in the middle of this form ("what
   * are your opening hours?"), or to the fallback when none matches; the form then asks its question again, unless
   * the handler ended it ({@code turn.cancel()}: the user left) or began another. Global routes interrupt every form
   * anyway. {@code Turn.asking()} tells a {@code When} which slot is being asked.
   */
  public Form<T> interruptedBy(When... whens) {
    List<When> more = new ArrayList<>(interruptions);
    more.addAll(List.of(whens));
    return with(form -> form.interruptions = more);
  }

  /**
   * Once every slot is filled, shows {@code summary} and waits: a yes (or a tap on {@link #CONFIRM}) runs
   * {@code onDone}; "change the address" (or a tap on {@link #change change("address")}) asks that slot again, then
   * confirms again; a no ends the form and runs {@code declined}. Anything else is asked again, like a wrong answer.
   */
  public Form<T> confirm(Summary<T> summary, Handler declined) {
    return with(form -> {
      form.summary = summary;
      form.declined = declined;
    });
  }

  /** The payload of a button on the confirmation that asks {@code slot} again: {@code "CHANGE:address"}. */
  public static String change(String slot) {
    return CHANGE + slot;
  }

  /** What to do when a prompt's retry limit is exceeded (the form has ended by then). */
  public Form<T> onGiveUp(Handler handler) {
    return with(form -> form.giveUp = handler);
  }

  /** Forgets the form when its question has waited longer than {@code idle}: the next message starts afresh. */
  public Form<T> expireAfter(Duration idle) {
    return with(form -> form.expiry = idle);
  }

  public String name() {
    return name;
  }

  @Override
  public Future<Void> handle(Turn turn) {
    return turn.begin(this);
  }

  List<When> interruptions() {
    return interruptions;
  }

  boolean expired(DialogPosition position, long now) {
    return expiry != null && now - position.since() > expiry.toMillis();
  }

  /** What the NLU should know while {@code slot} is asked. */
  NluContext context(String slot, String platform) {
    Prompt<?> prompt = slots.get(slot);
    return prompt == null ? NluContext.none(platform)
        : new NluContext(slot, prompt.kind(), prompt.choices(), platform);
  }

  /** Starts: remembered answers and this message's entities fill what they can, then the first gap is asked. */
  Future<Void> begin(Turn turn) {
    DialogPosition position = new DialogPosition(name, null, new JsonObject(), 0, turn.now().toEpochMilli());
    slots.forEach((slot, prompt) -> {
      Object saved = prompt.remembered() == null ? null : turn.remembered(prompt.remembered(), slot);
      if (saved != null) {
        position.values().put(slot, saved);
      }
    });
    return fill(turn, position).compose(filled -> proceed(turn, position));
  }

  /** A message while this form waits for {@code position.slot()}. */
  Future<Void> resume(Turn turn, DialogPosition position) {
    String asked = position.slot();
    if (CONFIRMATION.equals(asked) && summary != null) {
      return confirming(turn, position);
    }
    Prompt<?> prompt = slots.get(asked);
    if (prompt == null) {
      // The bot changed since this position was saved: drop the slot and ask for what is missing now.
      return proceed(turn, position);
    }
    return fill(turn, position).compose(filled -> {
      if (filled.rejection() != null) {
        return retry(turn, position, prompt, filled.rejection());
      }
      if (filled.count() > 0) {
        return proceed(turn, position);
      }
      return answer(turn, position, asked, prompt);
    });
  }

  /** Asks the current question again (after an interruption). */
  Future<Void> ask(Turn turn, DialogPosition position) {
    if (CONFIRMATION.equals(position.slot()) && summary != null) {
      return turn.reply(confirmation(turn, position));
    }
    Prompt<?> prompt = slots.get(position.slot());
    return prompt == null ? proceed(turn, position) : turn.reply(prompt.question());
  }

  /** The answer to the confirmation: yes, a slot to change, or no; anything else is asked again. */
  private Future<Void> confirming(Turn turn, DialogPosition position) {
    String payload = turn.message().payload();
    String text = turn.message().input().toLowerCase(Locale.ROOT);
    Boolean yes = payload == null ? Prompt.yesOrNo(text) : null;
    if (CONFIRM.equals(payload) || Boolean.TRUE.equals(yes)) {
      return finish(turn, position);
    }
    String change = payload != null && payload.startsWith(CHANGE) ? payload.substring(CHANGE.length())
        : slots.keySet().stream().filter(slot -> text.matches("(?s).*\\b" + slot.toLowerCase(Locale.ROOT) + "\\b.*"))
            .findFirst().orElse(null);
    if (change != null && slots.containsKey(change)) {
      position.values().remove(change);
      turn.position(position.asking(change, turn.now().toEpochMilli()));
      return turn.reply(slots.get(change).question());
    }
    if (Boolean.FALSE.equals(yes)) {
      turn.endDialog();
      return declined.handle(turn);
    }
    return retry(turn, position, 2, Reply.text("Please say yes to confirm, or what to change."), confirmation(turn,
        position));
  }

  private Reply confirmation(Turn turn, DialogPosition position) {
    return summary.ask(turn, StateJson.read(position.values(), type));
  }

  private record Filled(int count, String rejection) {}

  /**
   * Puts the value of every entity named like a slot into {@code position} (later answers correct earlier ones).
   * {@code rejection}: the check message when an entity for the asked slot fails its checks.
   */
  private Future<Filled> fill(Turn turn, DialogPosition position) {
    Future<Filled> result = Future.succeededFuture(new Filled(0, null));
    Prompt<?> asked = position.slot() == null ? null : slots.get(position.slot());
    boolean freeText = asked != null && asked.kind().equals("text");
    for (Entity entity : turn.understanding().entities()) {
      String mentioned = optional.get(entity.name());
      if (mentioned != null) {
        position.values().put(mentioned, StateJson.toJson(entity.value()));
        result = result.map(sofar -> new Filled(sofar.count() + 1, sofar.rejection()));
        continue;
      }
      String slot = slots.containsKey(entity.name()) ? entity.name() : aliases.get(entity.name());
      boolean alias = slot != null && !slot.equals(entity.name());
      if (slot == null || alias && (freeText || position.values().containsKey(slot))) {
        continue;
      }
      Prompt<?> prompt = slots.get(slot);
      result = result.compose(sofar -> accept(prompt, prompt.fromEntity(entity.value())).map(verdict -> {
        if (verdict.value() != null && !(alias && position.values().containsKey(slot))) {
          put(turn, position, slot, verdict.value());
          return new Filled(sofar.count() + 1, sofar.rejection());
        }
        boolean isAsked = slot.equals(position.slot());
        return isAsked && sofar.rejection() == null && verdict.rejection() != null
            ? new Filled(sofar.count(), verdict.rejection()) : sofar;
      }));
    }
    return result;
  }

  /** The typed answer to the asked slot, parsed and checked. */
  private Future<Void> answer(Turn turn, DialogPosition position, String asked, Prompt<?> prompt) {
    return parseAndCheck(prompt, turn.message().input()).compose(verdict -> {
      if (verdict.value() == null) {
        return retry(turn, position, prompt, verdict.rejection());
      }
      put(turn, position, asked, verdict.value());
      return proceed(turn, position);
    });
  }

  private record Verdict(Object value, String rejection) {}

  private static <V> Future<Verdict> parseAndCheck(Prompt<V> prompt, String input) {
    return prompt.parse(input).compose(value -> value == null
        ? Future.succeededFuture(new Verdict(null, prompt.retryMessage()))
        : check(prompt, value));
  }

  @SuppressWarnings("unchecked")
  private static <V> Future<Verdict> accept(Prompt<V> prompt, Object value) {
    return value == null ? Future.succeededFuture(new Verdict(null, null)) : check(prompt, (V) value);
  }

  private static <V> Future<Verdict> check(Prompt<V> prompt, V value) {
    return prompt.check(value).map(failed -> failed == null
        ? new Verdict(StateJson.toJson(value), null) : new Verdict(null, failed));
  }

  private Future<Void> retry(Turn turn, DialogPosition position, Prompt<?> prompt, String message) {
    return retry(turn, position, prompt.retryLimit(), Reply.text(message), prompt.question());
  }

  private Future<Void> retry(Turn turn, DialogPosition position, int limit, Reply... replies) {
    DialogPosition next = position.retried();
    if (next.retries() > limit) {
      turn.endDialog();
      return giveUp.handle(turn);
    }
    turn.position(next);
    return turn.reply(replies);
  }

  /** An answer, kept at once where its prompt remembers it (a later form skips it even if this one is left). */
  private void put(Turn turn, DialogPosition position, String slot, Object value) {
    position.values().put(slot, value);
    Prompt<?> prompt = slots.get(slot);
    if (prompt.remembered() != null) {
      turn.remember(prompt.remembered(), slot, value);
    }
  }

  /** Asks the first missing slot, or for the confirmation, or finishes. */
  private Future<Void> proceed(Turn turn, DialogPosition position) {
    for (String slot : slots.keySet()) {
      if (!position.values().containsKey(slot)) {
        turn.position(position.asking(slot, turn.now().toEpochMilli()));
        return turn.reply(slots.get(slot).question());
      }
    }
    if (summary != null) {
      turn.position(position.asking(CONFIRMATION, turn.now().toEpochMilli()));
      return turn.reply(confirmation(turn, position));
    }
    return finish(turn, position);
  }

  private Future<Void> finish(Turn turn, DialogPosition position) {
    turn.endDialog();
    return done.done(turn, StateJson.read(position.values(), type));
  }
}
