package dev.chatbot.state.file;

import dev.chatbot.model.Message;
import dev.chatbot.state.Inbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;

/**
 * The inbox: messages in the {@link InboxLog} by an id that grows across restarts, so the ids' order is arrival order.
 *
 * <p>A turn that changed state is done in two steps, because its state goes to the store file and its done record to
 * the log, and a crash may fall between the two: its state is committed together with the message's id in
 * {@code inbox-applied}, and the done record is appended, and that id removed, with the commit after that one
 * (whenever the next write comes: it never costs a commit of its own). A message whose
 * id is in {@code inbox-applied} at start is done, whatever the log says. A turn that changed nothing (an echo, most
 * questions) writes only its done record.
 */
final class FileInbox implements Inbox {

  private final DataFile file;
  private final InboxLog log;
  private final MVMap<Long, Boolean> applied;
  private final FileValues values;
  private final FileOutbox outbox;
  private final AtomicLong ids;
  private final List<Kept> pendingAtStart = new ArrayList<>();

  FileInbox(DataFile file, InboxLog log, FileValues values, FileOutbox outbox) {
    this.file = file;
    this.log = log;
    this.applied = file.map("inbox-applied");
    this.values = values;
    this.outbox = outbox;
    SortedMap<Long, byte[]> kept = log.load();
    Runnable clearMap = migrateMap(kept);
    applied.keySet().forEach(kept::remove);
    log.start(kept);
    file.alongside(log);
    // Only now that the log holds every pending message on the disk.
    file.write(() -> {
      clearMap.run();
      applied.clear();
    });
    kept.forEach((id, bytes) -> pendingAtStart.add(new Kept(id, StoredJson.decode(bytes, Message.class))));
    long last = kept.isEmpty() ? 0 : kept.lastKey();
    // Milliseconds times 1024: larger than any id of an earlier run unless the clock went back a long way.
    this.ids = new AtomicLong(Math.max(last, System.currentTimeMillis() << 10));
  }

  /**
   * Stores written before the log kept the inbox in a map: its entries move to the log once. Returns the change that
   * empties the map.
   */
  private Runnable migrateMap(SortedMap<Long, byte[]> kept) {
    if (!file.hasMap("inbox")) {
      return () -> { };
    }
    MVMap<Long, Object> map = file.map("inbox");
    map.forEach((id, stored) -> kept.put(id, stored instanceof byte[] bytes ? bytes
        : StoredJson.encode(StoredJson.decode(stored, JsonObject.class))));
    return map::clear;
  }

  @Override
  public Future<List<Kept>> keep(List<Message> messages) {
    List<Kept> kept = new ArrayList<>(messages.size());
    for (Message message : messages) {
      kept.add(new Kept(ids.incrementAndGet(), message));
    }
    // Encoded here, on the caller's thread, so the one writer thread only copies bytes.
    List<byte[]> encoded = new ArrayList<>(kept.size());
    for (Kept entry : kept) {
      encoded.add(StoredJson.encode(entry.message()));
    }
    return file.write(() -> {
      for (int i = 0; i < kept.size(); i++) {
        log.keep(kept.get(i).id(), encoded.get(i));
      }
    }).map(kept);
  }

  @Override
  public Future<Void> done(long id, Map<String, JsonObject> changes) {
    values.change(changes);
    Runnable forgetTurn = outbox.forgetTurn(id);
    // Not waited for: the changed values are in the heap already, so the conversation's next message sees them; the
    // done record rides on the next commit (a kill before it only replays this message, whose recorded replies are
    // not sent again).
    if (changes.isEmpty()) {
      file.writeLater(() -> {
        log.done(id);
        forgetTurn.run();
      });
    } else {
      file.writeLater(() -> {
        changes.keySet().forEach(values::persist);
        applied.put(id, Boolean.TRUE);
        forgetTurn.run();
        // Strictly after the commit of the state above, riding on whatever commit comes next.
        file.withNextCommit(() -> {
          log.done(id);
          applied.remove(id);
        });
      });
    }
    return Future.succeededFuture();
  }

  @Override
  public List<Kept> pending() {
    return List.copyOf(pendingAtStart);
  }

  @Override
  public Future<Void> forget(String platform, String userId) {
    return file.write(() -> {
      int erased = log.doneWhere(bytes -> {
        JsonObject user = StoredJson.decode(bytes, JsonObject.class).getJsonObject("user");
        return platform.equals(user.getString("platform")) && userId.equals(user.getString("id"));
      });
      if (erased > 0) {
        try {
          log.rewrite();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    });
  }

  int size() {
    return pendingAtStart.size();
  }
}
