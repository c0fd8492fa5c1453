package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.model.UserRef;
import dev.chatbot.testkit.Chat;
import dev.chatbot.testkit.TestServer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Several servers with {@code STATE_STORE=cluster} in this JVM on 127.0.0.1, started in parallel. Webhooks can be
 * posted to any member; replies are read from whichever member sent them (the conversation's owner).
 */
final class TestCluster implements AutoCloseable {

  static final Duration JOIN_TIMEOUT = Duration.ofSeconds(40);
  /** Every member's admin API token. */
  static final String ADMIN_TOKEN = "test-cluster-admin-token";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<TestServer> members;
  private final List<Boolean> running;

  private TestCluster(List<TestServer> members) {
    this.members = members;
    this.running = new ArrayList<>(members.stream().map(member -> true).toList());
  }

  static TestCluster start(int size, String bot) {
    List<Integer> ports = IntStream.range(0, size).mapToObj(i -> TestServer.freePort()).toList();
    String list = ports.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    List<CompletableFuture<TestServer>> starting = ports.stream()
        .map(port -> CompletableFuture.supplyAsync(() -> TestServer.start(Map.of(
            "STATE_STORE", "cluster", "CLUSTER_PORT", String.valueOf(port), "CLUSTER_MEMBERS", list, "BOT", bot,
            "ADMIN_API_TOKEN", ADMIN_TOKEN))))
        .toList();
    List<TestServer> servers = new ArrayList<>();
    for (CompletableFuture<TestServer> member : starting) {
      servers.add(member.join());
    }
    TestCluster cluster = new TestCluster(servers);
    cluster.awaitSize(size);
    return cluster;
  }

  TestServer member(int index) {
    return members.get(index);
  }

  int size() {
    return members.size();
  }

  static HazelcastClusterManager clusterManager(TestServer member) {
    return (HazelcastClusterManager) ((VertxInternal) member.server().vertx()).clusterManager();
  }

  /** Waits (bounded) until every running member sees {@code size} members. */
  void awaitSize(int size) {
    awaitTrue("every member sees " + size + " members", JOIN_TIMEOUT, () -> live().stream()
        .allMatch(member -> clusterManager(member).getNodes().size() == size));
    // Ownership follows Hazelcast's partition table: wait until partitions have finished moving, as a load
    // balancer would wait for readiness.
    awaitTrue("partitions settled", JOIN_TIMEOUT, () -> live().stream()
        .allMatch(member -> clusterManager(member).getHazelcastInstance().getPartitionService().isClusterSafe()));
  }

  /** The index of the member that owns {@code channel}'s conversation on the test platform. */
  int ownerOf(String channel) {
    String node = backend(live().get(0)).ownership()
        .ownerOf(Message.text("probe", ref(channel), UserRef.of("test", channel), ""));
    for (int i = 0; i < members.size(); i++) {
      if (running.get(i) && clusterManager(members.get(i)).getNodeId().equals(node)) {
        return i;
      }
    }
    throw new AssertionError("no running member owns " + channel);
  }

  /** A member that does not own {@code channel}'s conversation. */
  int notOwnerOf(String channel) {
    int owner = ownerOf(channel);
    return IntStream.range(0, members.size()).filter(i -> running.get(i) && i != owner).findFirst().orElseThrow();
  }

  static ClusterBackend backend(TestServer member) {
    return (ClusterBackend) member.server().stateBackend();
  }

  /** The first half of a crash: the member's Hazelcast instance dies without a goodbye; HTTP still answers. */
  void killHazelcast(int index) {
    clusterManager(members.get(index)).getHazelcastInstance().getLifecycleService().terminate();
  }

  /**
   * The second half: the member is gone. Its Vert.x is closed without waiting, since closing after the cluster
   * manager died does not complete cleanly (as after a real crash, nothing is left to finish).
   */
  void discard(int index) {
    running.set(index, false);
    members.get(index).server().vertx().close();
  }

  static ConversationRef ref(String channel) {
    return ConversationRef.of("test", channel);
  }

  /** Posts {@code text} from user {@code channel} in conversation {@code channel} to member {@code index}. */
  void send(int index, String channel, String text) {
    post(index, Message.text(java.util.UUID.randomUUID().toString(), ref(channel), UserRef.of("test", channel), text));
  }

  void post(int index, Message message) {
    assertThat(running.get(index)).as("member %d is running", index).isTrue();
    HttpRequest request = HttpRequest.newBuilder(URI.create(members.get(index).url("/webhooks/test")))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JsonObject.mapFrom(message).encode()))
        .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("webhook status on member %d, body %s", index, response.body()).isEqualTo(200);
    } catch (IOException e) {
      throw new AssertionError("member " + index + " unreachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  int status(int index, String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(members.get(index).url(path))).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next reply text in {@code channel}, from whichever running member sent it. */
  String nextText(String channel) {
    long deadline = System.nanoTime() + Chat.REPLY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (TestServer member : live()) {
        Reply reply = member.testAdapter().replies(channel).poll();
        if (reply != null) {
          return Chat.textOf(reply);
        }
      }
      pause(2);
    }
    throw new AssertionError("no reply in " + channel + " within " + Chat.REPLY_TIMEOUT.toSeconds() + " s");
  }

  /** Nothing further arrives in {@code channel} on any member within {@code quietFor}. */
  void expectNoReply(String channel, Duration quietFor) {
    long deadline = System.nanoTime() + quietFor.toNanos();
    while (System.nanoTime() < deadline) {
      for (TestServer member : live()) {
        assertThat(member.testAdapter().replies(channel).peek()).as("no further reply in %s", channel).isNull();
      }
      pause(10);
    }
  }

  List<TestServer> live() {
    List<TestServer> live = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      if (running.get(i)) {
        live.add(members.get(i));
      }
    }
    return live;
  }

  static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting until " + what);
      }
      pause(20);
    }
  }

  private static void pause(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Stops the running members one after the other, so each can hand its partitions to those still running. */
  @Override
  public void close() {
    for (int i = 0; i < members.size(); i++) {
      if (running.get(i)) {
        running.set(i, false);
        members.get(i).close();
      }
    }
  }

  static Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }
}
