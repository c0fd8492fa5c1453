package dev.chatbot.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-process message status stores: the heap one ({@code memory}) and the shared-data one (default, cluster). */
class MessageStatusesTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    await(vertx.close());
  }

  @Test
  void theMemoryStoreKeepsTheLatestStatus() {
    MemoryMessageStatuses statuses = new MemoryMessageStatuses(Duration.ofHours(1), 2);
    assertLatestIsKept(statuses);
  }

  @Test
  void theSharedDataStoreKeepsTheLatestStatus() {
    assertLatestIsKept(new SharedDataMessageStatuses(vertx));
    // Another instance over the same Vert.x sees the same map (as another cluster member would).
    assertThat(await(new SharedDataMessageStatuses(vertx).get("a"))).isPresent();
  }

  private static void assertLatestIsKept(MessageStatuses statuses) {
    MessageStatus queued = MessageStatus.queued("a", "slack", "C1");
    await(statuses.put(queued));
    await(statuses.put(queued.failed("channel_not_found")));
    assertThat(await(statuses.get("a"))).hasValueSatisfying(status -> {
      assertThat(status.toJson().getString("status")).isEqualTo("failed");
      assertThat(status.toJson().getString("error")).isEqualTo("channel_not_found");
    });
    assertThat(await(statuses.get("missing"))).isEmpty();
    assertThat(queued.sent().toJson().containsKey("error")).isFalse();
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
