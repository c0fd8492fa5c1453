package dev.chatbot.state.file;

import dev.chatbot.model.Message;
import dev.chatbot.state.Inbox;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;

/** The inbox in the file: message JSON by an id that grows across restarts, so the map's order is arrival order. */
final class FileInbox implements Inbox {

  private final DataFile file;
  private final MVMap<Long, Object> map;
  private final FileValues values;
  private final FileOutbox outbox;
  private final AtomicLong ids;

  FileInbox(DataFile file, FileValues values, FileOutbox outbox) {
    this.file = file;
    this.map = file.map("inbox");
    this.values = values;
    this.outbox = outbox;
    Long last = map.lastKey();
    // Milliseconds times 1024: larger than any id of an earlier run unless the clock went back a long way.
    this.ids = new AtomicLong(Math.max(last == null ? 0 : last, System.currentTimeMillis() << 10));
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
        map.put(kept.get(i).id(), encoded.get(i));
      }
    }).map(kept);
  }

  @Override
  public Future<Void> done(long id, Map<String, JsonObject> changes) {
    values.change(changes);
    Runnable forgetTurn = outbox.forgetTurn(id);
    // Not waited for: the changed values are in the heap already, so the conversation's next message sees them; the
    // entry's removal rides on the next commit (a kill before it only replays this message, whose recorded replies
    // are not sent again).
    file.writeLater(() -> {
      changes.keySet().forEach(values::persist);
      map.remove(id);
      forgetTurn.run();
    });
    return Future.succeededFuture();
  }

  @Override
  public List<Kept> pending() {
    List<Kept> pending = new ArrayList<>();
    map.forEach((id, stored) -> pending.add(new Kept(id, StoredJson.decode(stored, Message.class))));
    return pending;
  }

  @Override
  public Future<Void> forget(String platform, String userId) {
    return file.write(() -> {
      List<Long> theirs = new ArrayList<>();
      map.forEach((id, stored) -> {
        JsonObject user = StoredJson.decode(stored, JsonObject.class).getJsonObject("user");
        if (platform.equals(user.getString("platform")) && userId.equals(user.getString("id"))) {
          theirs.add(id);
        }
      });
      theirs.forEach(map::remove);
    });
  }

  long size() {
    return map.sizeAsLong();
  }
}
