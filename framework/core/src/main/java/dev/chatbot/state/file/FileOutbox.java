package dev.chatbot.state.file;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.state.DeadLetter;
import dev.chatbot.state.Outbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;

/**
 * The outbox in the file. {@code replies} holds the body of each reply that must be sent after a restart without
 * its turn being replayed, with how many of its platform calls were accepted; {@code turns} counts, per inbox
 * message not yet done, the replies of its turn that are settled (accepted, dead, or kept in {@code replies}), so a
 * replay of that message after a crash sends only the ones after them.
 *
 * <p>A turn's reply is not written when it is added: its message stays in the inbox until the turn's replies are
 * settled, so a crash before that replays the turn, which makes the reply again. It is written only once one of its
 * calls was accepted ({@link #progress}: a replay would send that call twice). Counts are staged on the writer thread
 * and written just before a commit, and only for messages still in the inbox then: a turn whose replies are sent and
 * whose message is done within one commit (the usual case) writes nothing here at all. None of this is waited for
 * by delivery; the writer keeps the order.
 */
final class FileOutbox implements Outbox {

  private static final Future<Void> KEPT = Future.succeededFuture();

  private final DataFile file;
  private final MVMap<Long, Object> replies;
  private final MVMap<Long, Integer> turns;
  private final FileDeadLetters deadLetters;
  private final Map<Long, Entry> pending = new ConcurrentHashMap<>();
  /** Counts read at open: what a replay of a message pending from an earlier run skips. */
  private final Map<Long, Integer> recorded = new ConcurrentHashMap<>();
  private final AtomicLong ids;
  // Writer thread only:
  /** Turn counts changed since the last commit. */
  private final Map<Long, Integer> staged = new HashMap<>();
  /** Messages with a count in {@code turns}. */
  private final Set<Long> countedInFile = new HashSet<>();
  /** Replies with a body in {@code replies}. */
  private final Set<Long> keptInFile = new HashSet<>();

  FileOutbox(DataFile file, FileDeadLetters deadLetters) {
    this.file = file;
    this.replies = file.map("outbox");
    this.turns = file.map("turns");
    this.deadLetters = deadLetters;
    replies.forEach((id, stored) -> pending.put(id, decode(id, StoredJson.decode(stored, JsonObject.class))));
    keptInFile.addAll(replies.keySet());
    recorded.putAll(turns);
    countedInFile.addAll(turns.keySet());
    Long last = replies.lastKey();
    this.ids = new AtomicLong(Math.max(last == null ? 0 : last, System.currentTimeMillis() << 10));
    file.beforeCommit(this::writeStagedCounts);
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public Added add(ConversationRef to, Reply reply, Origin origin) {
    long id = ids.incrementAndGet();
    Entry entry = new Entry(id, to, reply, origin, 0);
    pending.put(id, entry);
    if (origin.message() != 0) {
      return new Added(id, KEPT); // safe as its turn's message is (see the class comment)
    }
    // Not from a turn (an admin message, a dead letter sent again): nothing would make it again. Its 202 waits.
    byte[] encoded = encode(entry);
    return new Added(id, file.write(() -> {
      replies.put(id, encoded);
      keptInFile.add(id);
    }));
  }

  @Override
  public void progress(long id, int callsDone) {
    Entry entry = pending.computeIfPresent(id,
        (key, old) -> new Entry(id, old.to(), old.reply(), old.origin(), callsDone));
    if (entry != null) {
      file.writeLater(() -> {
        Entry latest = pending.get(id);
        if (latest != null) {
          replies.put(id, encode(latest));
          keptInFile.add(id);
          settle(latest.origin());
        }
      });
    }
  }

  @Override
  public void sent(long id) {
    Entry entry = pending.remove(id);
    if (entry != null) {
      file.writeLater(() -> {
        forgetBody(id);
        settle(entry.origin());
      });
    }
  }

  @Override
  public Future<Void> dead(long id, DeadLetter letter) {
    Entry entry = pending.remove(id);
    deadLetters.cache(letter);
    return file.write(() -> {
      forgetBody(id);
      if (entry != null) {
        settle(entry.origin());
      }
      deadLetters.persist(letter.id());
    });
  }

  @Override
  public List<Entry> pending() {
    List<Entry> entries = new ArrayList<>(pending.values());
    entries.sort(java.util.Comparator.comparingLong(Entry::id));
    return entries;
  }

  @Override
  public int recordedReplies(long message) {
    return recorded.getOrDefault(message, 0);
  }

  @Override
  public Future<Void> forget(String platform, String channel) {
    List<Long> theirs = pending.values().stream()
        .filter(entry -> entry.to().platform().equals(platform) && entry.to().channel().equals(channel))
        .map(Entry::id).toList();
    theirs.forEach(pending::remove);
    return file.write(() -> theirs.forEach(this::forgetBody));
  }

  /** The turn of {@code message} is done: forgets its count now, and returns the change that writes it. */
  Runnable forgetTurn(long message) {
    recorded.remove(message);
    return () -> {
      staged.remove(message);
      if (countedInFile.remove(message)) {
        turns.remove(message);
      }
    };
  }

  /** Writer thread: the reply at {@code origin} is settled, so a replay of its turn starts after it. */
  private void settle(Origin origin) {
    if (origin.message() != 0) {
      staged.merge(origin.message(), origin.index() + 1, Math::max);
    }
  }

  private void forgetBody(long id) {
    if (keptInFile.remove(id)) {
      replies.remove(id);
    }
  }

  /** Writer thread, before a commit: the counts of turns whose message is still in the inbox. */
  private void writeStagedCounts() {
    staged.forEach((message, count) -> {
      turns.merge(message, count, Math::max);
      countedInFile.add(message);
    });
    staged.clear();
  }

  long size() {
    return replies.sizeAsLong();
  }

  /** A pending reply as stored: the reply typed as {@link Reply}, so Jackson writes its type with it. */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record Stored(String platform, String channel, String thread, Reply reply, long message, int index, int callsDone) {}

  private static byte[] encode(Entry entry) {
    return StoredJson.encode(new Stored(entry.to().platform(), entry.to().channel(), entry.to().thread(),
        entry.reply(), entry.origin().message(), entry.origin().index(), entry.callsDone()));
  }

  private static Entry decode(long id, JsonObject json) {
    return new Entry(id,
        new ConversationRef(json.getString("platform"), json.getString("channel"), json.getString("thread")),
        json.getJsonObject("reply").mapTo(Reply.class),
        new Origin(json.getLong("message", 0L), json.getInteger("index", 0)),
        json.getInteger("callsDone", 0));
  }
}
