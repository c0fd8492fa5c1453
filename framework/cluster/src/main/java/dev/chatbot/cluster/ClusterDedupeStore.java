package dev.chatbot.cluster;

import dev.chatbot.state.DedupeStore;
import io.vertx.core.Future;
import io.vertx.core.shareddata.AsyncMap;
import java.time.Duration;

/**
 * Inbound event ids seen cluster-wide: an atomic put-if-absent with a time to live on a Hazelcast-backed map, so a
 * redelivery that lands on any member is recognised.
 */
final class ClusterDedupeStore implements DedupeStore {

  private final AsyncMap<String, Boolean> map;
  private final long windowMillis;

  ClusterDedupeStore(AsyncMap<String, Boolean> map, Duration window) {
    this.map = map;
    this.windowMillis = window.toMillis();
  }

  @Override
  public Future<Boolean> firstSeen(String id) {
    return map.putIfAbsent(id, Boolean.TRUE, windowMillis).map(previous -> previous == null);
  }
}
