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

  private final DataFile file;
  private final MVMap<Long, String> replies;
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
    replies.forEach((id, json) -> pending.put(id, decode(id, new JsonObject(json))));
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
    if (origin.message() != 0) {
      recorded.merge(origin.message(), origin.index() + 1, Math::max);
    }
    Future<Void> written = file.write(() -> {
      replies.put(id, encode(entry).encode());
      if (origin.message() != 0) {
        turns.merge(origin.message(), origin.index() + 1, Math::max);
      }
    });
    return new Added(id, written);
  }

  @Override
  public void progress(long id, int callsDone) {
    Entry entry = pending.computeIfPresent(id,
        (key, old) -> new Entry(id, old.to(), old.reply(), old.origin(), callsDone));
    if (entry != null) {
      file.write(() -> {
        if (replies.containsKey(id)) {
          replies.put(id, encode(entry).encode());
        }
      });
    }
  }

  @Override
  public void sent(long id) {
    pending.remove(id);
    file.write(() -> replies.remove(id));
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

  /** On the writer thread, inside the unit of the message's {@code done}. */
  void forgetTurn(long message) {
    recorded.remove(message);
    turns.remove(message);
  }

  long size() {
    return replies.sizeAsLong();
  }

  private static JsonObject encode(Entry entry) {
    JsonObject json = new JsonObject()
        .put("platform", entry.to().platform())
        .put("channel", entry.to().channel())
        .put("thread", entry.to().thread())
        .put("reply", JsonObject.mapFrom(entry.reply()))
        .put("message", entry.origin().message())
        .put("index", entry.origin().index())
        .put("callsDone", entry.callsDone());
    return entry.origin().statusId() == null ? json : json.put("statusId", entry.origin().statusId());
  }

  private static Entry decode(long id, JsonObject json) {
    return new Entry(id,
        new ConversationRef(json.getString("platform"), json.getString("channel"), json.getString("thread")),
        json.getJsonObject("reply").mapTo(Reply.class),
        new Origin(json.getLong("message", 0L), json.getInteger("index", 0), json.getString("statusId")),
        json.getInteger("callsDone", 0));
  }
}
