package dev.chatbot.state.file;

import dev.chatbot.state.MessageStatus;
import dev.chatbot.state.MessageStatuses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.h2.mvstore.MVMap;

/**
 * Message statuses in the file, and in the heap for reads (no event loop reads the disk). Statuses older than
 * {@link #KEEP_FOR} are not answered and are dropped by {@link #forgetOld}, run with the store's maintenance.
 */
final class FileMessageStatuses implements MessageStatuses {

  private final DataFile file;
  private final MVMap<String, String> map;
  private final ConcurrentMap<String, MessageStatus> statuses = new ConcurrentHashMap<>();

  FileMessageStatuses(DataFile file) {
    this.file = file;
    this.map = file.map("message-statuses");
    Instant oldest = Instant.now().minus(KEEP_FOR);
    map.forEach((id, json) -> {
      MessageStatus status = MessageStatus.fromStored(new JsonObject(json));
      if (status.at().isAfter(oldest)) {
        statuses.put(id, status);
      }
    });
  }

  @Override
  public Future<Void> put(MessageStatus status) {
    statuses.put(status.id(), status);
    return file.write(() -> persist(status.id()));
  }

  @Override
  public Future<Optional<MessageStatus>> get(String id) {
    MessageStatus status = statuses.get(id);
    boolean current = status != null && status.at().isAfter(Instant.now().minus(KEEP_FOR));
    return Future.succeededFuture(current ? Optional.of(status) : Optional.empty());
  }

  /** On the writer thread: drops the statuses older than {@link #KEEP_FOR}, from the heap and the file. */
  void forgetOld() {
    Instant oldest = Instant.now().minus(KEEP_FOR);
    List<String> old = statuses.values().stream().filter(status -> !status.at().isAfter(oldest))
        .map(MessageStatus::id).toList();
    old.forEach(statuses::remove);
    // Also what the file kept from before a restart but the heap never loaded (it was already old then).
    map.keySet().stream().filter(id -> !statuses.containsKey(id)).toList().forEach(map::remove);
  }

  int size() {
    return statuses.size();
  }

  /** On the writer thread: the status's current state to the file (the latest, whichever put queued this). */
  private void persist(String id) {
    MessageStatus status = statuses.get(id);
    if (status == null) {
      map.remove(id);
    } else {
      map.put(id, status.toStored().encode());
    }
  }
}
