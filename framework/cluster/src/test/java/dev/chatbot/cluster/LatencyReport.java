package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Reply;
import dev.chatbot.testkit.Chat;
import dev.chatbot.testkit.TestServer;
import io.vertx.core.Vertx;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Measures per-message latency for docs/cluster.md: sequential messages of one conversation, each sent after the
 * previous reply arrived. Reports, not targets: nothing here asserts a duration.
 */
final class LatencyReport {

  static final int WARMUP = 100;
  static final int MEASURED = 500;

  private LatencyReport() {}

  /** Acknowledgement and reply latency in ms (p50, p95, mean) of {@code MEASURED} messages. */
  record Result(String name, double[] ack, double[] reply) {
    String line() {
      return String.format(Locale.ROOT, "latency %-26s ack p50=%.2fms p95=%.2fms mean=%.2fms | reply p50=%.2fms p95=%.2fms mean=%.2fms",
          name, percentile(ack, 50), percentile(ack, 95), mean(ack), percentile(reply, 50), percentile(reply, 95), mean(reply));
    }
  }

  /** One way of sending a conversation's messages: {@code post} sends message i, {@code replies} gets the answers. */
  record Lane(String name, BlockingQueue<Reply> replies, IntConsumer post) {}

  /**
   * Sends {@code WARMUP + MEASURED} messages on every lane, one lane after the other for each message number, so
   * that background load on a shared machine spreads evenly over the lanes.
   */
  static List<Result> measure(List<Lane> lanes) {
    int total = WARMUP + MEASURED;
    double[][] ack = new double[lanes.size()][MEASURED];
    double[][] reply = new double[lanes.size()][MEASURED];
    for (int i = 1; i <= total; i++) {
      for (int lane = 0; lane < lanes.size(); lane++) {
        long start = System.nanoTime();
        lanes.get(lane).post().accept(i);
        long acked = System.nanoTime();
        Reply answer = take(lanes.get(lane).replies());
        long answered = System.nanoTime();
        assertThat(Chat.textOf(answer)).endsWith(":now " + i);
        if (i > WARMUP) {
          ack[lane][i - WARMUP - 1] = (acked - start) / 1e6;
          reply[lane][i - WARMUP - 1] = (answered - start) / 1e6;
        }
      }
    }
    List<Result> results = new java.util.ArrayList<>();
    for (int lane = 0; lane < lanes.size(); lane++) {
      results.add(new Result(lanes.get(lane).name(), ack[lane], reply[lane]));
    }
    return results;
  }

  /** Mean ms of one cluster-wide lock acquire and release, the cost the lock alternative would add per message. */
  static double lockRoundTrip(Vertx vertx, String conversationKey) {
    int total = WARMUP + MEASURED;
    long measuredNanos = 0;
    for (int i = 0; i < total; i++) {
      long start = System.nanoTime();
      await(vertx.sharedData().getLockWithTimeout("conversation:" + conversationKey, 5_000)
          .onSuccess(lock -> lock.release()).toCompletionStage().toCompletableFuture());
      if (i >= WARMUP) {
        measuredNanos += System.nanoTime() - start;
      }
    }
    return measuredNanos / 1e6 / MEASURED;
  }

  static void post(TestCluster cluster, int member, String channel, int i) {
    cluster.send(member, channel, "now " + i);
  }

  static void post(TestServer server, String channel, int i) {
    server.chat(channel).send("now " + i);
  }

  private static Reply take(BlockingQueue<Reply> replies) {
    try {
      Reply reply = replies.poll(Chat.REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (reply == null) {
        throw new AssertionError("no reply within " + Chat.REPLY_TIMEOUT);
      }
      return reply;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static <T> T await(java.util.concurrent.CompletableFuture<T> future) {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static double percentile(double[] values, int percentile) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
  }

  static double mean(double[] values) {
    return Arrays.stream(values).average().orElse(0);
  }
}
