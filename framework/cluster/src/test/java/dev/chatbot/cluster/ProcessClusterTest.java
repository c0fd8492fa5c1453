package dev.chatbot.cluster;

import dev.chatbot.testkit.meta.GraphApiStub;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A test of members in child processes ({@link ProcessCluster}) with Messenger on a {@link GraphApiStub}: the stub
 * starts before each test, and the members and the stub stop after it. A failure comes with what was answered and
 * what every member logged, the members restarted or killed included.
 */
abstract class ProcessClusterTest {

  GraphApiStub graph;
  ProcessCluster cluster;

  @BeforeEach
  void startStub() {
    graph = GraphApiStub.start();
  }

  @AfterEach
  void stop() {
    if (cluster != null) {
      cluster.close();
    }
    graph.close();
  }

  /** The Send API requests the stub answered with 200, oldest first. */
  List<JsonObject> accepted() {
    return ProcessCluster.sends(graph, 200);
  }

  /** {@link MemberProcess#awaitTrue}, failing with the story of the run. */
  void awaitOrExplain(String what, Duration timeout, BooleanSupplier condition) {
    explained(() -> MemberProcess.awaitTrue(what, timeout, condition));
  }

  /** Runs {@code check}; when it fails, the failure tells what was answered and what every member logged. */
  void explained(Runnable check) {
    try {
      check.run();
    } catch (AssertionError failed) {
      StringBuilder story = new StringBuilder(String.valueOf(failed.getMessage())).append("\nanswered: ");
      accepted().forEach(send -> story.append(send.getJsonObject("message").getString("text")).append(", "));
      story.append(cluster == null ? "" : cluster.logs());
      throw new AssertionError(story.toString(), failed);
    }
  }
}
