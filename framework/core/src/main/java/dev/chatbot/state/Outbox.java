package dev.chatbot.state;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;
import java.util.List;

/**
 * Replies not yet accepted by their platform, kept across a crash and sent on restart in their order. Each platform
 * call of a reply is recorded once accepted ({@link #progress}), so a restart resumes after it instead of sending it
 * again; a reply that finally fails moves to the dead letters.
 */
public interface Outbox {

  /**
   * Where a reply came from. {@code message}: the inbox id of the message whose turn sent it (0 for none, e.g. a
   * dead letter sent again), {@code index}: its position among that turn's replies.
   */
  record Origin(long message, int index) {
    public static final Origin NONE = new Origin(0, 0);

    public static Origin turn(long message, int index) {
      return new Origin(message, index);
    }
  }

  /** A reply waiting for its platform; {@code callsDone} of its platform calls were accepted already. */
  record Entry(long id, ConversationRef to, Reply reply, Origin origin, int callsDone) {}

  /** An entry added: its id at once, {@code written} once it would survive a process kill. */
  record Added(long id, Future<Void> written) {}

  /** Whether anything survives a restart; when false the other methods are cheap no-ops. */
  boolean durable();

  Added add(ConversationRef to, Reply reply, Origin origin);

  /** {@code callsDone} platform calls of entry {@code id} were accepted. */
  void progress(long id, int callsDone);

  /** Every call of entry {@code id} was accepted: forget it. */
  void sent(long id);

  /** Entry {@code id} finally failed: forget it and keep {@code letter}, in one commit. */
  Future<Void> dead(long id, DeadLetter letter);

  /** Entries not yet sent, oldest first: what a restart sends before anything new. */
  List<Entry> pending();

  /**
   * How many replies the turn of inbox message {@code message} has recorded already: replaying that message after
   * a crash skips them, since they are sent, or pending here.
   */
  int recordedReplies(long message);

  /** Forgets the pending replies to {@code channel} on {@code platform} (erasure). */
  Future<Void> forget(String platform, String channel);

  /** Keeps nothing across a restart; final failures still become dead letters in {@code deadLetters}. */
  static Outbox unlogged(DeadLetters deadLetters) {
    return new Outbox() {
      private final java.util.concurrent.atomic.AtomicLong ids = new java.util.concurrent.atomic.AtomicLong();
      private final Future<Void> written = Future.succeededFuture();

      @Override
      public boolean durable() {
        return false;
      }

      @Override
      public Added add(ConversationRef to, Reply reply, Origin origin) {
        return new Added(ids.incrementAndGet(), written);
      }

      @Override
      public void progress(long id, int callsDone) {}

      @Override
      public void sent(long id) {}

      @Override
      public Future<Void> dead(long id, DeadLetter letter) {
        return deadLetters.add(letter);
      }

      @Override
      public List<Entry> pending() {
        return List.of();
      }

      @Override
      public int recordedReplies(long message) {
        return 0;
      }

      @Override
      public Future<Void> forget(String platform, String channel) {
        return Future.succeededFuture();
      }
    };
  }
}
