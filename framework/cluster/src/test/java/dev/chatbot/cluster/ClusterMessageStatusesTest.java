package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.state.MessageStatus;
import dev.chatbot.state.MessageStatuses;
import dev.chatbot.testkit.TestServer;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The admin API's message statuses with {@code STATE_STORE=cluster} (the state backend's default, Vert.x shared data):
 * a status kept by the member that took the message is answered by every member.
 */
class ClusterMessageStatusesTest {

  @Test
  void aStatusKeptOnOneMemberIsReadOnAnother() {
    try (TestCluster cluster = TestCluster.start(2, "echo")) {
      MessageStatus queued = MessageStatus.queued("m-1", "test", "C1");
      await(statuses(cluster.member(0)).put(queued));
      await(statuses(cluster.member(0)).put(queued.failed("channel_not_found")));

      assertThat(await(statuses(cluster.member(1)).get("m-1"))).hasValueSatisfying(status -> {
        assertThat(status.state()).isEqualTo(MessageStatus.State.failed);
        assertThat(status.error()).isEqualTo("channel_not_found");
      });
      assertThat(await(statuses(cluster.member(1)).get("unknown"))).isEmpty();
    }
  }

  private static MessageStatuses statuses(TestServer member) {
    return TestCluster.backend(member).messageStatuses(member.server().vertx());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
