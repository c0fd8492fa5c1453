package dev.chatbot.cluster;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Members with {@code STATE_STORE=cluster} in child processes ({@link MemberProcess}) on 127.0.0.1, Messenger on a
 * {@link GraphApiStub}, the echo bot: for tests that kill or restart members. A member restarted keeps its ports.
 */
final class ProcessCluster implements AutoCloseable {

  static final Duration START = Duration.ofSeconds(120);
  static final String SEND_PATH = GraphApiStub.VERSION_PATH + "/me/messages";

  private final List<MemberProcess> members = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final List<Integer> httpPorts = new ArrayList<>();
  private final List<Map<String, String>> environments = new ArrayList<>();
  /** What the members replaced by a restart logged, for a failure to tell. */
  private final List<String> retiredLogs = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Starts {@code size} members; the first forms the cluster, the others join it together. */
  ProcessCluster(GraphApiStub graph, int size, String... extra) {
    List<Integer> clusterPorts = IntStream.range(0, size).mapToObj(i -> TestServer.freePort()).toList();
    String list = clusterPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    Map<String, String> base = MemberProcess.env(MemberProcess.env(graph.messengerEnv(), extra),
        "STATE_STORE", "cluster", "CLUSTER_MEMBERS", list, "BOT", "echo");
    List<CompletableFuture<Void>> starting = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        environments.add(MemberProcess.env(base, "CLUSTER_PORT", String.valueOf(clusterPorts.get(i))));
        httpPorts.add(TestServer.freePort());
        members.add(launch(i));
        MemberProcess member = members.get(i);
        starting.add(CompletableFuture.runAsync(() -> member.awaitReady(START)));
        if (i == 0) {
          starting.get(0).join();
        }
      }
      starting.forEach(CompletableFuture::join);
      awaitSize(size);
    } catch (RuntimeException | AssertionError failed) {
      close(); // the caller gets no cluster to close: the members started so far must not outlive the test
      throw failed;
    }
  }

  private MemberProcess launch(int index) {
    try {
      return MemberProcess.start(httpPorts.get(index), environments.get(index));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  MemberProcess member(int index) {
    return members.get(index);
  }

  List<MemberProcess> members() {
    return List.copyOf(members);
  }

  int size() {
    return members.size();
  }

  /** Starts member {@code index} again, on the same ports, and waits until it is ready. */
  void restart(int index) {
    MemberProcess old = members.get(index);
    retiredLogs.add("\n---- member " + old.httpPort + " before its restart ----\n" + old.output());
    old.close();
    members.set(index, launch(index));
    members.get(index).awaitReady(START);
  }

  /** Waits until every member's log says the cluster has {@code size} members. */
  void awaitSize(int size) {
    for (MemberProcess member : members) {
      member.awaitLog("members=" + size, START);
    }
  }

  static MetaWebhooks webhooks(MemberProcess member) {
    return new MetaWebhooks(member.url("/webhooks/messenger"), GraphApiStub.MESSENGER_APP_SECRET);
  }

  /** The Messenger Send API requests {@code graph} answered with {@code status}, oldest first. */
  static List<JsonObject> sends(GraphApiStub graph, int status) {
    List<ServeEvent> events = new ArrayList<>(graph.wireMock().getAllServeEvents());
    Collections.reverse(events); // WireMock lists the newest first
    return events.stream()
        .filter(event -> event.getRequest().getUrl().startsWith(SEND_PATH))
        .filter(event -> event.getResponse().getStatus() == status)
        .map(event -> new JsonObject(event.getRequest().getBodyAsString()))
        .toList();
  }

  /** The texts each recipient got in {@code sends}, in order. */
  static Map<String, List<String>> textsByRecipient(List<JsonObject> sends) {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    for (JsonObject send : sends) {
      texts.computeIfAbsent(send.getJsonObject("recipient").getString("id"), user -> new ArrayList<>())
          .add(send.getJsonObject("message").getString("text"));
    }
    return texts;
  }

  /** What every member logged: those replaced by a restart first, then the current ones. */
  String logs() {
    StringBuilder logs = new StringBuilder();
    retiredLogs.forEach(logs::append);
    for (MemberProcess member : members) {
      logs.append("\n---- member ").append(member.httpPort).append(" ----\n").append(member.output());
    }
    return logs.toString();
  }

  @Override
  public void close() {
    members.forEach(MemberProcess::close);
  }
}
