package dev.chatbot.state;

import dev.chatbot.model.Message;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Messages acknowledged to the platform but not yet handled. The dispatcher {@link #keep}s them before the webhook's
 * {@code 200} and marks each {@link #done} once the bot ran and its replies went out, together with the state the
 * bot changed, so a crash in between replays the message instead of losing it (or handling it twice).
 */
public interface Inbox {

  /** One kept message: {@code id} is 0 when this inbox keeps nothing across restarts. */
  record Kept(long id, Message message) {}

  /** Keeps {@code messages} (one entry each, in order); completes once they would survive a process kill. */
  Future<List<Kept>> keep(List<Message> messages);

  /**
   * Keeps {@code message} unless {@code dedupe} saw its event id {@code dedupeId} before (then completes with no
   * entry): the dedupe check, then {@link #keep}. When the keep fails, the id is forgotten again, so the platform's
   * redelivery is handled rather than taken for a repeat.
   */
  default Future<List<Kept>> keepFirstSeen(Message message, String dedupeId, DedupeStore dedupe) {
    String conversation = message.conversation().key();
    return dedupe.firstSeen(dedupeId, conversation).compose(first -> !first ? Future.succeededFuture(List.of())
        : keep(List.of(message)).recover(notKept -> dedupe.forget(dedupeId, conversation)
            .transform(forgotten -> Future.failedFuture(notKept))));
  }

  /**
   * The message is handled: saves {@code changes} (state and profile keys with their new values) and forgets the
   * message, in one commit.
   */
  Future<Void> done(long id, Map<String, JsonObject> changes);

  /** Messages kept but not done, oldest first: what a restart handles before anything new. */
  List<Kept> pending();

  /** Forgets the pending messages of {@code user} (erasure). */
  Future<Void> forget(String platform, String userId);

  /** Keeps nothing: state changes go straight to {@code store} (the {@code memory} and {@code cluster} backends). */
  static Inbox unlogged(StateStore store) {
    return new Inbox() {
      @Override
      public Future<List<Kept>> keep(List<Message> messages) {
        return Future.succeededFuture(messages.stream().map(message -> new Kept(0, message)).toList());
      }

      @Override
      public Future<Void> done(long id, Map<String, JsonObject> changes) {
        if (changes.isEmpty()) {
          return Future.succeededFuture();
        }
        return Future.all(changes.entrySet().stream().map(change -> store.put(change.getKey(), change.getValue()))
            .toList()).mapEmpty();
      }

      @Override
      public List<Kept> pending() {
        return List.of();
      }

      @Override
      public Future<Void> forget(String platform, String userId) {
        return Future.succeededFuture();
      }
    };
  }
}
