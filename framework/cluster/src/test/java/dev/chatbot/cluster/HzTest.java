package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hazelcast's asynchronous operations as Vert.x futures: completed on the caller's event loop, without a thread per
 * operation (Hazelcast's default executor starts one per callback where the common fork-join pool has one thread,
 * as on a 2-core machine).
 */
class HzTest {

  private HazelcastInstance hazelcast;
  private Vertx vertx;

  @BeforeEach
  void start() {
    hazelcast = LoneMember.start("hz-test");
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    hazelcast.shutdown();
  }

  @Test
  void operationsCompleteOnTheCallersEventLoopWithoutStartingThreads() throws Exception {
    IMap<String, String> map = hazelcast.getMap("hz-test");
    run(map, 50); // Hazelcast's own pools are up after the first operations.
    long startedBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();

    List<Boolean> onTheLoop = run(map, 500);

    long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - startedBefore;
    assertThat(onTheLoop).hasSize(500).containsOnly(true);
    assertThat(started).as("threads started during 500 operations").isLessThan(20);
  }

  /** {@code count} puts then gets from an event loop; for each get, whether it completed on that same thread. */
  private List<Boolean> run(IMap<String, String> map, int count) throws Exception {
    return vertx.<List<Boolean>>executeBlocking(() -> null).compose(ignored -> {
      io.vertx.core.Promise<List<Boolean>> done = io.vertx.core.Promise.promise();
      vertx.runOnContext(tick -> {
        Thread loop = Thread.currentThread();
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < count; i++) {
          String key = "k" + i;
          results.add(Hz.future(map.setAsync(key, "v" + i))
              .compose(set -> Hz.future(map.getAsync(key)))
              .map(value -> value.equals(key.replace('k', 'v')) && Thread.currentThread() == loop));
        }
        Future.all(results).map(all -> all.<Boolean>list()).onComplete(done);
      });
      return done.future();
    }).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
