package dev.chatbot.admin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;

/**
 * Statuses of proactive messages, bounded in size and age so a busy sender cannot grow memory without limit.
 * Kept per process: with several replicas, ask the replica that took the message (the one behind a sticky route).
 */
final class MessageStatusStore {

  static final Duration KEEP_FOR = Duration.ofHours(24);
  static final long MAX_ENTRIES = 100_000;

  private final Cache<String, MessageStatus> statuses;

  MessageStatusStore(Duration keepFor, long maxEntries) {
    this.statuses = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumSize(maxEntries).build();
  }

  MessageStatusStore() {
    this(KEEP_FOR, MAX_ENTRIES);
  }

  void put(MessageStatus status) {
    statuses.put(status.id(), status);
  }

  Optional<MessageStatus> get(String id) {
    return Optional.ofNullable(statuses.getIfPresent(id));
  }
}
