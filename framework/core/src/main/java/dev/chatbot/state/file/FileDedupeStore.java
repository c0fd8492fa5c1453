package dev.chatbot.state.file;

import dev.chatbot.state.DedupeStore;
import dev.chatbot.state.MemoryDedupeStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;

/**
 * The dedupe window across restarts: answers from {@link MemoryDedupeStore} (no disk on the way), and each new id's
 * fingerprint is appended to the {@link DedupeLog}, read back at start. The append is not waited for: it reaches the
 * file before the commit that carries the same message's inbox entry, which the webhook's {@code 200} waits for.
 */
final class FileDedupeStore implements DedupeStore {

  private static final Future<Boolean> FIRST = Future.succeededFuture(true);
  private static final Future<Boolean> REPEAT = Future.succeededFuture(false);

  private final MemoryDedupeStore memory;
  private final DedupeLog log;

  FileDedupeStore(DataFile file, DedupeLog log, MemoryDedupeStore memory) {
    this.memory = memory;
    this.log = log;
    log.load(memory::remember);
    file.alongside(log);
    migrateMap(file);
  }

  /** Stores written before the log kept the ids in a map: they move to the log once, and the map is emptied. */
  private void migrateMap(DataFile file) {
    if (!file.hasMap("dedupe")) {
      return;
    }
    MVMap<Long, String> map = file.map("dedupe");
    List<String> ids = new ArrayList<>(map.values());
    ids.forEach(this::firstSeen);
    file.write(map::clear);
  }

  @Override
  public Future<Boolean> firstSeen(String id) {
    long fingerprint = MemoryDedupeStore.fingerprint(id);
    if (!memory.remember(fingerprint)) {
      return REPEAT;
    }
    log.append(fingerprint);
    return FIRST;
  }

  /**
   * Forgets the id in memory, so a redelivery in this run is handled. Its fingerprint stays in the log: after a
   * restart the id counts as seen again (the keep failed because the data file did, which a restart is for).
   */
  @Override
  public Future<Void> forget(String id, String conversationKey) {
    return memory.forget(id, conversationKey);
  }

  /** Deletes the log's files that are older than the window; any thread. */
  void compact() {
    log.dropOld();
  }
}
