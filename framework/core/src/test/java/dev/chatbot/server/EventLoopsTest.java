package dev.chatbot.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.stub.StubServer;
import io.vertx.core.Context;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.internal.deployment.DeploymentContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** {@code EVENT_LOOPS}: the server's threads, and one instance of the HTTP server and of each bot on every one. */
class EventLoopsTest {

  @Test
  void theHttpServerAndTheBotRunOnceOnEachEventLoop() throws Exception {
    StubServer server = StubServer.start("http://127.0.0.1:1", Map.of("EVENT_LOOPS", "3"));
    try {
      VertxInternal vertx = (VertxInternal) server.server().vertx();
      assertThat(StreamSupport.stream(vertx.nettyEventLoopGroup().spliterator(), false).count()).isEqualTo(3);
      for (DeploymentContext deployment : vertx.deploymentManager().deployments()) {
        Set<Thread> threads = deployment.deployment().contexts().stream()
            .map(EventLoopsTest::threadOf).collect(Collectors.toSet());
        assertThat(deployment.deployment().instances()).as(deployment.deployment().identifier()).hasSize(3);
        assertThat(threads).as("each instance on its own event loop").hasSize(3);
      }
      assertThat(server.request("GET", "/health/ready", null).statusCode()).isEqualTo(200);
    } finally {
      server.server().shutdown().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static Thread threadOf(Context context) {
    return ((ContextInternal) context).nettyEventLoop().submit(Thread::currentThread)
        .syncUninterruptibly().getNow();
  }
}
