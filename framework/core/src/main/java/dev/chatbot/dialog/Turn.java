package dev.chatbot.dialog;

import dev.chatbot.bot.Conversation;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.Entity;
import dev.chatbot.nlu.Understanding;
import dev.chatbot.state.BotDataStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One message being handled: what was said and understood, the route's captures, typed state, the dialog, and a way
 * to answer. Typed state and the dialog position are written into the conversation's state only when the turn
 * succeeds; a failed turn changes nothing of them.
 */
public final class Turn {

  private static final String REMEMBERED = "_slots";
  /** When the user last wrote (epoch millis), for platforms' reply windows; refreshed at most hourly. */
  private static final String SEEN = ReplyWindow.SEEN;
  private static final long SEEN_PRECISION = 3_600_000;

  private final Dialog dialog;
  private final Message message;
  private final Conversation conversation;
  private Understanding understanding;
  private Map<String, String> captures = Map.of();
  private final DialogPosition loaded;
  private DialogPosition position;
  private Map<StateKey<?>, Object> changed;
  private Map<StateKey<?>, Object> reads;
  private Map<String, Object> rememberedChanges;
  private final boolean handedOverBefore;
  private JsonObject handover;

  Turn(Dialog dialog, Message message, Conversation conversation) {
    this.dialog = dialog;
    this.message = message;
    this.conversation = conversation;
    this.loaded = DialogPosition.read(conversation.state());
    this.position = loaded;
    this.understanding = Understanding.none(message.text());
    this.handover = conversation.state().getJsonObject(Handover.KEY);
    this.handedOverBefore = handover != null;
  }

  public Message message() {
    return message;
  }

  public Conversation conversation() {
    return conversation;
  }

  /** The typed text ("" for a tap without text or an attachment). */
  public String text() {
    return message.text() == null ? "" : message.text();
  }

  /** What the NLU made of the text (nothing when the bot has no NLU or the message has no text). */
  public Understanding understanding() {
    return understanding;
  }

  /** The value captured by the route's pattern: {@code {sku}} in {@code "BUY:{sku}"}. */
  public String param(String name) {
    String value = captures.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the route captured no '" + name + "', only " + captures.keySet());
    }
    return value;
  }

  /** The first entity called {@code name} that the NLU found. */
  public Optional<Entity> entity(String name) {
    return understanding.entity(name);
  }

  /** Sends replies in order, through the bot's send interceptors. */
  public Future<Void> reply(Reply... replies) {
    return dialog.send(this, List.of(replies));
  }

  /** Sends a text reply. */
  public Future<Void> reply(String text) {
    return reply(Reply.text(text));
  }

  /** Starts {@code form}, replacing any dialog in progress. */
  public Future<Void> begin(Form<?> form) {
    dialog.known(form);
    return form.begin(this);
  }

  /** Ends the dialog in progress, if any, quietly. */
  public Future<Void> cancel() {
    endDialog();
    return Future.succeededFuture();
  }

  /**
   * Hands the conversation to a person: from the end of this turn the bot answers nothing in it until the user says
   * what {@link Routes#handover} names or an operator resumes it through the admin API. Counted as the bot event
   * {@code handover} ({@code chatbot_bot_events_total}). Any form in progress is dropped.
   */
  public Future<Void> handOver() {
    if (handover == null) {
      handover = Handover.start(message, dialog.clock().millis());
      endDialog();
      dialog.count("handover");
    }
    return Future.succeededFuture();
  }

  /** Whether the conversation is with a person (the bot only hears what resumes it). */
  public boolean handedOver() {
    return handover != null;
  }

  void resumeFromHandover() {
    handover = null;
  }

  /** Whether a form is waiting for an answer. */
  public boolean inDialog() {
    return position != null;
  }

  /** The slot the waiting form asks for ({@code Form.CONFIRMATION} while it asks to confirm), or null. */
  public String asking() {
    return position == null ? null : position.slot();
  }

  /** The bot's clock (the bot tester moves it). */
  public Instant now() {
    return dialog.clock().instant();
  }

  /** The conversation- or user-scoped value of {@code key}, with this turn's changes; its fallback when unset. */
  public <T> T get(StateKey<T> key) {
    if (changed != null && changed.containsKey(key)) {
      Object value = changed.get(key);
      return value == null ? key.fallback() : key.type().cast(value);
    }
    if (reads == null) {
      reads = new HashMap<>();
    }
    // Read from JSON once per turn: a handler asks for the same value many times.
    Object saved = reads.computeIfAbsent(key, k -> StateJson.read(scopeJson(key).getValue(key.name()), key.type()));
    return saved != null ? key.type().cast(saved) : key.fallback();
  }

  /** Sets a conversation- or user-scoped value; saved when the turn succeeds. Null removes it. */
  public <T> void set(StateKey<T> key, T value) {
    scopeJson(key);
    if (changed == null) {
      changed = new HashMap<>();
    }
    changed.put(key, value);
  }

  /** {@code set(key, change.apply(get(key)))}, returning the new value. */
  public <T> T update(StateKey<T> key, UnaryOperator<T> change) {
    T next = change.apply(get(key));
    set(key, next);
    return next;
  }

  /** A bot-wide value (its fallback when unset). */
  public <T> Future<T> load(StateKey<T> key) {
    requireBot(key);
    return data().get(key.name()).map(json -> json.containsKey("value")
        ? StateJson.read(json.getValue("value"), key.type()) : key.fallback());
  }

  /**
   * Changes a bot-wide value atomically, at once and for everyone (it cannot wait for the turn: others share it).
   * {@code change} may run more than once under contention; throw from it to refuse the change.
   */
  public <T> Future<T> change(StateKey<T> key, UnaryOperator<T> change) {
    requireBot(key);
    return data().update(key.name(), json -> {
      T current = json.containsKey("value") ? StateJson.read(json.getValue("value"), key.type()) : key.fallback();
      return new JsonObject().put("value", StateJson.toJson(change.apply(current)));
    }).map(json -> StateJson.read(json.getValue("value"), key.type()));
  }

  /** The bot's raw bot-wide store (as {@code BotVerticle.data()}). */
  public BotDataStore data() {
    return dialog.data();
  }

  Turn understood(Understanding understanding) {
    this.understanding = understanding;
    return this;
  }

  void captures(Map<String, String> captures) {
    this.captures = captures;
  }

  double minConfidence() {
    return dialog.minConfidence();
  }

  DialogPosition position() {
    return position;
  }

  void position(DialogPosition position) {
    this.position = position;
  }

  void endDialog() {
    position = null;
  }

  /** A remembered answer, from this turn's changes or the saved ones. */
  Object remembered(Scope scope, String slot) {
    if (rememberedChanges != null && rememberedChanges.containsKey(scope + ":" + slot)) {
      return rememberedChanges.get(scope + ":" + slot);
    }
    JsonObject saved = (scope == Scope.USER ? conversation.profile() : conversation.state()).getJsonObject(REMEMBERED);
    return saved == null ? null : saved.getValue(slot);
  }

  void remember(Scope scope, String slot, Object value) {
    if (rememberedChanges == null) {
      rememberedChanges = new HashMap<>();
    }
    rememberedChanges.put(scope + ":" + slot, value);
  }

  Long lastSeen() {
    return ReplyWindow.lastSeen(conversation.state());
  }

  /** Writes this turn's typed changes and dialog position into the conversation's state and profile. */
  void commit() {
    if (message.kind() != Message.Kind.EVENT) {
      // Rounded down to the hour, so the state changes (and is saved) for it at most once an hour: a window is
      // judged up to an hour early, never late.
      long seen = message.timestamp() - message.timestamp() % SEEN_PRECISION;
      Long saved = lastSeen();
      if (saved == null || saved < seen) {
        conversation.state().put(SEEN, seen);
      }
    }
    if (position != loaded) {
      if (position == null) {
        conversation.state().remove(DialogPosition.KEY);
      } else {
        conversation.state().put(DialogPosition.KEY, position.toJson());
      }
    }
    if ((handover != null) != handedOverBefore) {
      if (handover == null) {
        conversation.state().remove(Handover.KEY);
      } else {
        conversation.state().put(Handover.KEY, handover);
      }
    }
    if (changed != null) {
      changed.forEach((key, value) -> {
        JsonObject json = scopeJson(key);
        if (value == null) {
          json.remove(key.name());
        } else {
          json.put(key.name(), StateJson.toJson(value));
        }
      });
    }
    if (rememberedChanges != null) {
      rememberedChanges.forEach((scopedSlot, value) -> {
        int colon = scopedSlot.indexOf(':');
        JsonObject owner = Scope.valueOf(scopedSlot.substring(0, colon)) == Scope.USER
            ? conversation.profile() : conversation.state();
        JsonObject slots = owner.getJsonObject(REMEMBERED);
        if (slots == null) {
          slots = new JsonObject();
          owner.put(REMEMBERED, slots);
        }
        slots.put(scopedSlot.substring(colon + 1), value);
      });
    }
  }

  private JsonObject scopeJson(StateKey<?> key) {
    return switch (key.scope()) {
      case CONVERSATION -> conversation.state();
      case USER -> conversation.profile();
      case BOT -> throw new IllegalArgumentException(
          "'" + key.name() + "' is bot-wide: read it with load() and change it with change()");
    };
  }

  private static void requireBot(StateKey<?> key) {
    if (key.scope() != Scope.BOT) {
      throw new IllegalArgumentException("'" + key.name() + "' is not bot-wide: use get() and set()");
    }
  }
}
