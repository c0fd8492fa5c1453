package dev.chatbot.state.file;

import dev.chatbot.state.DedupeStore;
import dev.chatbot.state.MemoryDedupeStore;
import io.vertx.core.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.mvstore.MVMap;

/**
 * The dedupe window across restarts: answers from {@link MemoryDedupeStore} (no disk on the way), and each new id is
 * also written to the file under a time-ordered key, so the ids of the window are read back at start and the ones
 * older than the window are cut from the front of the map by {@link #compact}. The write is not waited for: the
 * inbox entry of the same message is queued after it and waited for, and the writer keeps the order.
 */
final class FileDedupeStore implements DedupeStore {

  /** Keys are milliseconds shifted left by this, plus a counter for ids of the same millisecond. */
  private static final int SHIFT = 16;

  private final DataFile file;
  private final MVMap<Long, String> map;
  private final MemoryDedupeStore memory;
  private final long windowMillis;
  private final AtomicLong lastKey = new AtomicLong();

  FileDedupeStore(DataFile file, MemoryDedupeStore memory) {
    this.file = file;
    this.map = file.map("dedupe");
    this.memory = memory;
    this.windowMillis = memory.window().toMillis();
    long cutoff = (System.currentTimeMillis() - windowMillis) << SHIFT;
    for (var entry : map.entrySet()) {
      if (entry.getKey() >= cutoff) {
        memory.firstSeen(entry.getValue());
      }
    }
    Long last = map.lastKey();
    lastKey.set(last == null ? 0 : last);
  }

  @Override
  public Future<Boolean> firstSeen(String id) {
    return memory.firstSeen(id).map(first -> {
      if (first) {
        long key = lastKey.updateAndGet(previous -> Math.max(previous + 1, System.currentTimeMillis() << SHIFT));
        file.write(() -> map.put(key, id));
      }
      return first;
    });
  }

  /** On the writer thread: forgets the ids older than the window. */
  void compact() {
    long cutoff = (System.currentTimeMillis() - windowMillis) << SHIFT;
    for (Long first = map.firstKey(); first != null && first < cutoff; first = map.firstKey()) {
      map.remove(first);
    }
  }

  long size() {
    return map.sizeAsLong();
  }
}
