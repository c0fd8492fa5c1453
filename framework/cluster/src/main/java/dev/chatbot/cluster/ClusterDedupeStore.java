package dev.chatbot.cluster;

import com.hazelcast.map.IMap;
import dev.chatbot.state.DedupeStore;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Inbound event ids seen cluster-wide, with a time to live, so a redelivery that lands on any member is recognised.
 * One asynchronous {@code put} per id: the map applies puts of one key one at a time, so exactly one of two racing
 * puts finds no previous value. (Vert.x's {@code AsyncMap.putIfAbsent} would do the same on a worker thread, a
 * thread hop per message.) A repeat refreshes the id's time to live, which only makes a redelivery storm remembered
 * longer.
 */
final class ClusterDedupeStore implements DedupeStore {

  private final IMap<String, Boolean> map;
  private final long windowMillis;

  ClusterDedupeStore(IMap<String, Boolean> map, Duration window) {
    this.map = map;
    this.windowMillis = window.toMillis();
  }

  @Override
  public Future<Boolean> firstSeen(String id) {
    return Hz.future(map.putAsync(id, Boolean.TRUE, windowMillis, TimeUnit.MILLISECONDS))
        .map(previous -> previous == null);
  }
}
