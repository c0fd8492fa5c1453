package dev.chatbot.bench.store;

import dev.chatbot.spi.Settings;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.StateBackend;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.MemoryStateBackend;
import dev.chatbot.state.Outbox;
import dev.chatbot.state.file.FileStateBackend;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the durable store costs per message, without HTTP or a bot: exactly the store calls the dispatcher and
 * delivery make for one message with one reply (dedupe, inbox keep before the ack, outbox add and sent, inbox done),
 * from {@code concurrency} conversations at once on one event loop. Prints messages/s and the whole process's CPU
 * per message (the writer thread included). Run with {@code bench/store-cost.sh [file|memory] [concurrency]}.
 */
public final class StoreCost {

  public static void main(String[] args) throws Exception {
    String store = args.length > 0 ? args[0] : "file";
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 64;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    StateBackend backend = store.equals("memory") ? new MemoryStateBackend() : new FileStateBackend();
    Settings settings = Settings.of(Map.of("DATA_DIR", Files.createTempDirectory("store-cost").toString(),
        "DATA_SYNC_MILLIS", System.getenv().getOrDefault("DATA_SYNC_MILLIS", "1000")));
    Vertx vertx = backend.createVertx(new VertxOptions(), Vertx.builder(), settings).toCompletionStage()
        .toCompletableFuture().get();
    AtomicLong done = new AtomicLong();
    long[] window = new long[2];
    for (int round = 0; round < 2; round++) { // a warm-up round, then the measured one
      long endAt = System.nanoTime() + seconds * 1_000_000_000L;
      CountDownLatch finished = new CountDownLatch(concurrency);
      long cpu0 = processCpu();
      long count0 = done.get();
      long start = System.nanoTime();
      vertx.runOnContext(go -> {
        for (int c = 0; c < concurrency; c++) {
          loop(backend, "u" + c, endAt, done, finished);
        }
      });
      finished.await();
      window[0] = done.get() - count0;
      window[1] = processCpu() - cpu0;
      double wall = (System.nanoTime() - start) / 1e9;
      if (round == 1) {
        System.out.printf(Locale.ROOT, "store=%s concurrency=%d messages/s=%.0f cpu_us/message=%.1f%n",
            store, concurrency, window[0] / wall, window[1] / 1e3 / window[0]);
      }
    }
    vertx.close().toCompletionStage().toCompletableFuture().get();
    backend.close();
  }

  private static void loop(StateBackend backend, String user, long endAt, AtomicLong done, CountDownLatch finished) {
    if (System.nanoTime() > endAt) {
      finished.countDown();
      return;
    }
    one(backend, user, done.incrementAndGet()).onComplete(r -> {
      if (r.failed()) {
        r.cause().printStackTrace();
      }
      // Next round as a new task: a store that answers at once would otherwise recurse without end.
      io.vertx.core.Vertx.currentContext().runOnContext(next -> loop(backend, user, endAt, done, finished));
    });
  }

  private static Future<Void> one(StateBackend backend, String user, long n) {
    ConversationRef to = new ConversationRef("messenger", user, null);
    Message message = Message.text("m-" + n, to, new UserRef("messenger", user, null), "hello there, how are you " + n);
    return backend.dedupeStore().firstSeen("messenger:m-" + n)
        .compose(first -> backend.inbox().keep(List.of(message)))
        .compose(kept -> {
          long id = kept.get(0).id();
          Outbox.Added added = backend.outbox().add(to, Reply.text("hello there, how are you " + n),
              Outbox.Origin.turn(id, 0));
          backend.outbox().sent(added.id());
          return backend.inbox().done(id, Map.of());
        });
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
