package dev.chatbot.state.file;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.state.DeadLetter;
import dev.chatbot.state.Outbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;

/**
 * The outbox in the file. {@code replies} holds each pending reply with how many of its platform calls were accepted;
 * {@code turns} counts, per inbox message not yet done, the replies its turn recorded, so a replay of that message
 * sends only the ones after them. None of the writes here is waited for by delivery: a reply's entry is queued before
 * its inbox message's {@code done}, and the writer keeps the order.
 */
final class FileOutbox implements Outbox {

  private static final Future<Void> KEPT = Future.succeededFuture();

  private final DataFile file;
  private final MVMap<Long, Object> replies;
  private final MVMap<Long, Integer> turns;
  private final FileDeadLetters deadLetters;
  private final Map<Long, Entry> pending = new ConcurrentHashMap<>();
  private final Map<Long, Integer> recorded = new ConcurrentHashMap<>();
  private final AtomicLong ids;

  FileOutbox(DataFile file, FileDeadLetters deadLetters) {
    this.file = file;
    this.replies = file.map("outbox");
    this.turns = file.map("turns");
    this.deadLetters = deadLetters;
    replies.forEach((id, stored) -> pending.put(id, decode(id, StoredJson.decode(stored, JsonObject.class))));
    recorded.putAll(turns);
    Long last = replies.lastKey();
    this.ids = new AtomicLong(Math.max(last == null ? 0 : last, System.currentTimeMillis() << 10));
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
    if (origin.message() == 0) {
      // An admin message: its 202 waits for the entry.
      byte[] encoded = encode(entry);
      return new Added(id, file.write(() -> replies.put(id, encoded)));
    }
    recorded.merge(origin.message(), origin.index() + 1, Math::max);
    // A turn's reply is safe from now on without waiting: its message stays in the inbox until a later commit than
    // this change's, so a crash replays the turn. Encoded on the writer thread, and only if it is still pending then:
    // a reply the platform accepted first is never written, only counted.
    file.writeLater(() -> {
      Entry latest = pending.get(id);
      if (latest != null) {
        replies.put(id, encode(latest));
      }
      turns.merge(origin.message(), origin.index() + 1, Math::max);
    });
    return new Added(id, KEPT);
  }

  @Override
  public void progress(long id, int callsDone) {
    Entry entry = pending.computeIfPresent(id,
        (key, old) -> new Entry(id, old.to(), old.reply(), old.origin(), callsDone));
    if (entry != null) {
      file.writeLater(() -> {
        Entry latest = pending.get(id);
        if (latest != null && replies.containsKey(id)) {
          replies.put(id, encode(latest));
        }
      });
    }
  }

  @Override
  public void sent(long id) {
    pending.remove(id);
    file.writeLater(() -> replies.remove(id));
  }

  @Override
  public Future<Void> dead(long id, DeadLetter letter) {
    pending.remove(id);
    deadLetters.cache(letter);
    return file.write(() -> {
      replies.remove(id);
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
    return file.write(() -> theirs.forEach(replies::remove));
  }

  /** The turn of {@code message} is done: forgets its count now, and returns the change that writes it. */
  Runnable forgetTurn(long message) {
    recorded.remove(message);
    return () -> turns.remove(message);
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
