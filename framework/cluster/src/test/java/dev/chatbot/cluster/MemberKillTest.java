package dev.chatbot.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4 in cluster mode: three members in child processes, the Messenger Send API failing, messages acknowledged
 * by every member; one member is killed with SIGKILL while it holds acknowledged messages and unsent replies. Once
 * the API heals, every acknowledged message is answered exactly once, in order, by the members that live on.
 */
class MemberKillTest {

  private static final String SEND_PATH = GraphApiStub.VERSION_PATH + "/me/messages";
  private static final Duration START = Duration.ofSeconds(120);
  private static final int CONVERSATIONS = 18;

  private GraphApiStub graph;
  private final List<MemberProcess> members = new ArrayList<>();

  @BeforeEach
  void startStub() {
    graph = GraphApiStub.start();
  }

  @AfterEach
  void stop() {
    members.forEach(MemberProcess::close);
    graph.close();
  }

  @Test
  void theMessagesAndRepliesOfAKilledMemberAreAnsweredOnceByTheOthers() throws Exception {
    StubMapping failing = graph.wireMock().stubFor(post(urlPathEqualTo(SEND_PATH)).atPriority(1)
        .willReturn(GraphApiStub.graphError(500, 2, "Service temporarily unavailable")));
    startCluster(3);

    // Two messages per conversation, round-robin over the members: each first reply is retried, each second
    // message waits behind it in the inbox of the conversation's owner.
    Map<String, List<String>> sent = new LinkedHashMap<>();
    int webhook = 0;
    for (int round = 1; round <= 2; round++) {
      for (int c = 0; c < CONVERSATIONS; c++) {
        String user = "user-" + c;
        String text = user + " message " + round;
        webhooks(members.get(webhook++ % members.size())).deliver(MetaWebhooks.messengerText(user, text));
        sent.computeIfAbsent(user, u -> new ArrayList<>()).add(text);
      }
    }
    MemberProcess.awaitTrue("a failed send to every conversation", Duration.ofSeconds(60),
        () -> recipients(500).size() == CONVERSATIONS);

    MemberProcess victim = members.get(1);
    victim.kill();
    List<MemberProcess> survivors = List.of(members.get(0), members.get(2));
    graph.wireMock().removeStub(failing);

    awaitOrExplain("every acknowledged message answered", Duration.ofSeconds(90),
        () -> accepted().size() >= 2 * CONVERSATIONS);
    assertThat(survivors.stream().anyMatch(member -> member.output().contains("cluster adopted")))
        .as("a survivor took over the killed member's work").isTrue();

    // A last message per conversation, then everything arrived: any repeat of an earlier reply would be before it.
    int next = 0;
    for (int c = 0; c < CONVERSATIONS; c++) {
      String user = "user-" + c;
      webhooks(survivors.get(next++ % 2)).deliver(MetaWebhooks.messengerText(user, user + " last"));
      sent.get(user).add(user + " last");
    }
    awaitOrExplain("every last message answered", Duration.ofSeconds(60),
        () -> accepted().size() >= 3 * CONVERSATIONS);
    Map<String, List<String>> answered = new LinkedHashMap<>();
    for (JsonObject send : accepted()) {
      answered.computeIfAbsent(send.getJsonObject("recipient").getString("id"), u -> new ArrayList<>())
          .add(send.getJsonObject("message").getString("text"));
    }
    assertThat(answered).isEqualTo(sent);
  }

  private void startCluster(int size) {
    List<Integer> clusterPorts = IntStream.range(0, size).mapToObj(i -> TestServer.freePort()).toList();
    String list = clusterPorts.stream().map(port -> "127.0.0.1:" + port).collect(Collectors.joining(","));
    Map<String, String> base = MemberProcess.env(graph.messengerEnv(), "STATE_STORE", "cluster",
        "CLUSTER_MEMBERS", list, "BOT", "echo",
        // Retried about every second for about a minute: the stub decides when the platform heals.
        "SEND_RETRY_BASE_MILLIS", "2000", "SEND_RETRY_MAX_MILLIS", "2000", "SEND_MAX_ATTEMPTS", "50");
    // The first member forms the cluster; the others join it together.
    List<CompletableFuture<MemberProcess>> starting = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      Map<String, String> env = MemberProcess.env(base, "CLUSTER_PORT", String.valueOf(clusterPorts.get(i)));
      try {
        MemberProcess member = MemberProcess.start(TestServer.freePort(), env);
        members.add(member);
        starting.add(CompletableFuture.supplyAsync(() -> {
          member.awaitReady(START);
          return member;
        }));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      if (i == 0) {
        starting.get(0).join();
      }
    }
    starting.forEach(CompletableFuture::join);
    for (MemberProcess member : members) {
      member.awaitLog("members=" + size, START);
    }
  }

  /** {@link MemberProcess#awaitTrue}, failing with what was answered and what the members logged. */
  private void awaitOrExplain(String what, Duration timeout, java.util.function.BooleanSupplier condition) {
    try {
      MemberProcess.awaitTrue(what, timeout, condition);
    } catch (AssertionError timedOut) {
      StringBuilder story = new StringBuilder(timedOut.getMessage()).append("\nanswered: ");
      accepted().forEach(send -> story.append(send.getJsonObject("message").getString("text")).append(", "));
      for (MemberProcess member : members) {
        story.append("\n---- member ").append(member.httpPort).append(" ----\n").append(member.output());
      }
      throw new AssertionError(story.toString(), timedOut);
    }
  }

  private static MetaWebhooks webhooks(MemberProcess member) {
    return new MetaWebhooks(member.url("/webhooks/messenger"), GraphApiStub.MESSENGER_APP_SECRET);
  }

  /** The Send API requests the stub answered with {@code status}, oldest first. */
  private List<JsonObject> answeredWith(int status) {
    List<ServeEvent> events = new ArrayList<>(graph.wireMock().getAllServeEvents());
    java.util.Collections.reverse(events); // WireMock lists the newest first
    return events.stream()
        .filter(event -> event.getRequest().getUrl().startsWith(SEND_PATH))
        .filter(event -> event.getResponse().getStatus() == status)
        .map(event -> new JsonObject(event.getRequest().getBodyAsString()))
        .toList();
  }

  private List<JsonObject> accepted() {
    return answeredWith(200);
  }

  private Set<String> recipients(int status) {
    return answeredWith(status).stream().map(send -> send.getJsonObject("recipient").getString("id"))
        .collect(Collectors.toSet());
  }
}
