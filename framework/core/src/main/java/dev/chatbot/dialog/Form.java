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
import java.util.Map;
import java.util.Set;
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
 * <p>Where a conversation is in a form is data in its state ({@code _dialog}), never code: the form is found again by
 * its name (the record's simple name) on the next message, on any cluster member, after any restart.
 */
public final class Form<T extends Record> implements Handler {

  /** What to do with the filled record. */
  @FunctionalInterface
  public interface Done<T> {
    Future<Void> done(Turn turn, T value);
  }

  private static final Handler GIVE_UP = turn -> turn.reply("Sorry, I could not follow. Let's leave it there.");

  private final String name;
  private final Class<T> type;
  private final Set<String> components;
  private final Map<String, Prompt<?>> slots;
  private final Map<String, String> aliases;
  private final Map<String, String> optional;
  private final Done<T> done;
  private final List<When> interruptions;
  private final Handler giveUp;
  private final Duration expiry;

  private Form(String name, Class<T> type, Map<String, Prompt<?>> slots, Map<String, String> aliases,
      Map<String, String> optional, Done<T> done, List<When> interruptions, Handler giveUp, Duration expiry) {
    this.name = name;
    this.type = type;
    this.components = Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
    this.slots = slots;
    this.aliases = aliases;
    this.optional = optional;
    this.done = done;
    this.interruptions = interruptions;
    this.giveUp = giveUp;
    this.expiry = expiry;
  }

  /** A form over {@code type}, named by its simple name in conversation state. */
  public static <T extends Record> Form<T> of(Class<T> type) {
    return new Form<>(type.getSimpleName(), type, new LinkedHashMap<>(), Map.of(), Map.of(),
        (turn, value) -> Future.succeededFuture(), List.of(), GIVE_UP, null);
  }

  /** Asks {@code prompt} for the record component {@code slot}, in the order slots are declared. */
  public Form<T> slot(String slot, Prompt<?> prompt) {
    if (!components.contains(slot)) {
      throw new IllegalArgumentException(type.getSimpleName() + " has no component '" + slot + "'");
    }
    Map<String, Prompt<?>> more = new LinkedHashMap<>(slots);
    more.put(slot, prompt);
    return new Form<>(name, type, more, aliases, optional, done, interruptions, giveUp, expiry);
  }

  /**
   * Like {@link #slot(String, Prompt)}, and an entity called {@code entity} also fills it while it is empty:
   * {@code slot("count", "number", Prompt.integer("How many?"))} takes the 2 of "2 large pizzas". Such a generic
   * entity is not used while a text slot is asked (the 12 of "12 Main Street" is not a count).
   */
  public Form<T> slot(String slot, String entity, Prompt<?> prompt) {
    Form<T> with = slot(slot, prompt);
    Map<String, String> more = new LinkedHashMap<>(aliases);
    more.put(entity, slot);
    return new Form<>(name, type, with.slots, more, optional, done, interruptions, giveUp, expiry);
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
    return new Form<>(name, type, slots, aliases, more, done, interruptions, giveUp, expiry);
  }

  /** Runs once every slot is filled, with the record; the form is over by then. */
  public Form<T> onDone(Done<T> onDone) {
    return new Form<>(name, type, slots, aliases, optional, onDone, interruptions, giveUp, expiry);
  }

  /**
   * Lets the bot's ordinary routes matching any of {@code whens} answer in the middle of this form ("what are your
   * opening hours?"); the form then asks its question again. Global routes interrupt every form anyway.
   */
  public Form<T> interruptedBy(When... whens) {
    List<When> more = new ArrayList<>(interruptions);
    more.addAll(List.of(whens));
    return new Form<>(name, type, slots, aliases, optional, done, more, giveUp, expiry);
  }

  /** What to do when a prompt's retry limit is exceeded (the form has ended by then). */
  public Form<T> onGiveUp(Handler handler) {
    return new Form<>(name, type, slots, aliases, optional, done, interruptions, handler, expiry);
  }

  /** Forgets the form when its question has waited longer than {@code idle}: the next message starts afresh. */
  public Form<T> expireAfter(Duration idle) {
    return new Form<>(name, type, slots, aliases, optional, done, interruptions, giveUp, idle);
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
    Prompt<?> prompt = slots.get(position.slot());
    return prompt == null ? proceed(turn, position) : turn.reply(prompt.question());
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
          position.values().put(slot, verdict.value());
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
      position.values().put(asked, verdict.value());
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
    DialogPosition next = position.retried();
    if (next.retries() > prompt.retryLimit()) {
      turn.endDialog();
      return giveUp.handle(turn);
    }
    turn.position(next);
    return turn.reply(Reply.text(message), prompt.question());
  }

  /** Asks the first missing slot, or finishes. */
  private Future<Void> proceed(Turn turn, DialogPosition position) {
    for (String slot : slots.keySet()) {
      if (!position.values().containsKey(slot)) {
        turn.position(position.asking(slot, turn.now().toEpochMilli()));
        return turn.reply(slots.get(slot).question());
      }
    }
    turn.endDialog();
    slots.forEach((slot, prompt) -> {
      if (prompt.remembered() != null) {
        turn.remember(prompt.remembered(), slot, position.values().getValue(slot));
      }
    });
    return done.done(turn, StateJson.read(position.values(), type));
  }
}
