package dev.chatbot.state;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/** Message statuses in this process's heap, bounded in age and number so a busy sender cannot grow memory unbounded. */
public final class MemoryMessageStatuses implements MessageStatuses {

  static final long MAX_ENTRIES = 100_000;

  private final Cache<String, MessageStatus> statuses;

  public MemoryMessageStatuses() {
    this(KEEP_FOR, MAX_ENTRIES);
  }

  MemoryMessageStatuses(Duration keepFor, long maxEntries) {
    this.statuses = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(maxEntries).build();
  }

  @Override
  public Future<Void> put(MessageStatus status) {
    statuses.put(status.id(), status);
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<MessageStatus>> get(String id) {
    return Future.succeededFuture(Optional.ofNullable(statuses.getIfPresent(id)));
  }
}
