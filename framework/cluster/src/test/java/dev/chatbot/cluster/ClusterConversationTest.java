package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.state.DeadLetter;
import dev.chatbot.state.DeadLetters;
import dev.chatbot.testkit.Futures;
import java.time.Instant;
import dev.chatbot.model.UserRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.chatbot.testkit.TestServer;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three members on 127.0.0.1 in one JVM: a conversation holds together whichever member each webhook reaches, and
 * survives losing a member. The crash test runs last because it takes a member away.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterConversationTest {

  static TestCluster cluster;

  @BeforeAll
  static void startCluster() {
    cluster = TestCluster.start(3, "counting");
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  @Order(1)
  void everyMemberJoinedAndIsReady() {
    for (int i = 0; i < 3; i++) {
      assertThat(TestCluster.clusterManager(cluster.member(i)).getNodes()).hasSize(3);
      assertThat(cluster.status(i, "/health/ready")).as("readiness of member %d", i).isEqualTo(200);
    }
  }

  @Test
  @Order(1)
  void eachMemberLeasesAThirdOfEachPlatformsSendBudget() {
    for (int i = 0; i < 3; i++) {
      assertThat(cluster.member(i).server().stateBackend().sendShare().getAsDouble()).isEqualTo(1.0 / 3);
    }
  }

  @Test
  @Order(2)
  void aConversationContinuesWhenMessagesAlternateBetweenMembers() {
    for (int i = 1; i <= 6; i++) {
      cluster.send(i % 3, "alice", "m" + i);
      assertThat(cluster.nextText("alice")).isEqualTo(i + ":m" + i);
    }
  }

  @Test
  @Order(3)
  void theUserProfileIsSharedByAllMembers() {
    cluster.send(0, "bob", "address 1 Main Street");
    assertThat(cluster.nextText("bob")).isEqualTo("1:saved");
    // The same user in another conversation, on the other members: the profile is per user, not per member.
    for (int member : new int[] {1, 2}) {
      String channel = "bob-elsewhere-" + member;
      cluster.post(member, Message.text("bob-q-" + member, TestCluster.ref(channel), UserRef.of("test", "bob"), "address?"));
      assertThat(cluster.nextText(channel)).isEqualTo("1:1 Main Street");
    }
  }

  @Test
  @Order(3)
  void aUsersProfileIsKeptOnTheMemberOfTheirOwnConversation() {
    cluster.send(cluster.notOwnerOf("fay"), "fay", "address 2 Side Road");
    assertThat(cluster.nextText("fay")).isEqualTo("1:saved");
    int owner = cluster.ownerOf("fay");
    // The reply goes out before the turn's state is saved.
    TestCluster.awaitTrue("the owner has saved the turn", Duration.ofSeconds(5),
        () -> cluster.member(owner).server().dispatcher().inFlight() == 0);
    for (int i = 0; i < 3; i++) {
      // Primary copies only: the member handling fay's conversation holds her state and her profile.
      Set<Object> local = TestCluster.clusterManager(cluster.member(i)).getHazelcastInstance()
          .getMap(HazelcastConfigs.STATE_MAP).localKeySet();
      boolean hasProfile = local.contains(ClusterStateStore.mapKey("profile:test:fay"));
      assertThat(hasProfile).as("member %d (owner %d) holds fay's profile", i, owner).isEqualTo(i == owner);
      assertThat(local.contains("conversation:test:fay")).as("member %d holds fay's state", i).isEqualTo(i == owner);
    }
    // Still one store key to the core, listed and read as before.
    var store = cluster.member(0).server().stateBackend().stateStore();
    assertThat(Futures.await(store.keys("profile:test:"))).contains("profile:test:fay");
    assertThat(Futures.await(store.get("profile:test:fay")).getString("address")).isEqualTo("2 Side Road");
  }

  @Test
  @Order(4)
  void aRedeliveredEventSentToAnotherMemberIsProcessedOnce() {
    Message message = Message.text("redelivered-1", TestCluster.ref("carol"), UserRef.of("test", "carol"), "once");
    cluster.post(cluster.ownerOf("carol"), message);
    cluster.post(cluster.notOwnerOf("carol"), message);
    for (int i = 0; i < 3; i++) {
      cluster.post(i, message);
    }
    cluster.send(1, "carol", "next");
    assertThat(cluster.nextText("carol")).isEqualTo("1:once");
    // Had a repeat been handled, the count would be 3 or more here.
    assertThat(cluster.nextText("carol")).isEqualTo("2:next");
    cluster.expectNoReply("carol", Duration.ofMillis(200));
    // A repeat is refused before it is kept (Inbox.keepFirstSeen): nothing of it stays to be taken over.
    TestCluster.awaitTrue("no message left in the journals", Duration.ofSeconds(10), () -> messagesInJournals() == 0);
  }

  /**
   * The owner reads the entries of its partitions from its memory once known, and a write through any member is what
   * the next read sees on every member: another member's write tells the owner before it completes.
   */
  @Test
  @Order(3)
  void stateWrittenThroughAnyMemberIsWhatTheOwnerReadsNextAndTheOwnerReadsItFromMemory() {
    String user = "gil";
    String key = "conversation:test:" + user;
    int owner = cluster.ownerOf(user);
    var atOwner = cluster.member(owner).server().stateBackend().stateStore();
    var elsewhere = cluster.member(cluster.notOwnerOf(user)).server().stateBackend().stateStore();

    Futures.await(elsewhere.put(key, new io.vertx.core.json.JsonObject().put("n", 1)));
    assertThat(Futures.await(atOwner.get(key)).getInteger("n")).isEqualTo(1);
    // From memory: complete as it returns, no round trip to a partition thread.
    var again = atOwner.get(key);
    assertThat(again.isComplete()).as("read from the owner's memory").isTrue();
    assertThat(again.result().getInteger("n")).isEqualTo(1);

    Futures.await(elsewhere.put(key, new io.vertx.core.json.JsonObject().put("n", 2)));
    assertThat(Futures.await(atOwner.get(key)).getInteger("n")).as("after another member's write").isEqualTo(2);
    Futures.await(atOwner.put(key, new io.vertx.core.json.JsonObject().put("n", 3)));
    assertThat(Futures.await(atOwner.get(key)).getInteger("n")).as("after the owner's write").isEqualTo(3);
    assertThat(Futures.await(elsewhere.get(key)).getInteger("n")).isEqualTo(3);
    Futures.await(elsewhere.remove(key));
    assertThat(Futures.await(atOwner.get(key))).as("after another member's removal").isEmpty();
  }

  @Test
  @Order(4)
  void deadLettersAreListedByEveryMemberAndRetriedOrDiscardedOnce() {
    DeadLetter letter = new DeadLetter(java.util.UUID.randomUUID().toString(), TestCluster.ref("dora"),
        Reply.text("lost in transit"), "(#100) No matching user found", Instant.now(), 0);
    Futures.await(cluster.member(0).server().stateBackend().deadLetters().add(letter));
    for (int i = 0; i < 3; i++) {
      DeadLetters letters = cluster.member(i).server().stateBackend().deadLetters();
      TestCluster.awaitTrue("member " + i + " lists the dead letter", Duration.ofSeconds(10),
          () -> letters.get(letter.id()).isPresent());
      assertThat(letters.get(letter.id()).orElseThrow().reply()).isEqualTo(letter.reply());
    }
    // Two operators retrying the same letter on two members: one of them takes it.
    assertThat(Futures.await(cluster.member(1).server().stateBackend().deadLetters().remove(letter.id()))).isTrue();
    assertThat(Futures.await(cluster.member(2).server().stateBackend().deadLetters().remove(letter.id()))).isFalse();
    TestCluster.awaitTrue("member 0 no longer lists it", Duration.ofSeconds(10),
        () -> cluster.member(0).server().stateBackend().deadLetters().get(letter.id()).isEmpty());
  }

  @Test
  @Order(5)
  void fiftyMessagesOfOneConversationSpreadOverTheMembersAreAnsweredInOrder() {
    long outboxWrites = writes(HazelcastConfigs.OUTBOX_MAP);
    long inboxWrites = writes(HazelcastConfigs.INBOX_MAP);
    for (int i = 1; i <= 50; i++) {
      cluster.send(i % 3, "dave", "d" + i);
    }
    List<String> replies = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      replies.add(cluster.nextText("dave"));
      expected.add(i + ":d" + i);
    }
    assertThat(replies).containsExactlyElementsOf(expected);
    // Each reply was accepted at its first call: its turn's inbox entry counted it, the outbox map saw nothing.
    assertThat(writes(HazelcastConfigs.OUTBOX_MAP) - outboxWrites).as("outbox map writes for 50 replies").isZero();
    // Each message kept, counted (the counting bot changes the state each turn, so the count is written before it)
    // and removed: at most three journal writes per message, fewer when a write carries several messages' changes;
    // the last turn ends just after its reply arrived.
    TestCluster.awaitTrue("no message left in the journals", Duration.ofSeconds(10), () -> messagesInJournals() == 0);
    assertThat(writes(HazelcastConfigs.INBOX_MAP) - inboxWrites).as("journal writes for 50 messages")
        .isBetween(1L, 150L);
  }

  /** The messages in flight in all journals (which also hold the ids seen, for the dedupe window). */
  private static int messagesInJournals() {
    return TestCluster.clusterManager(cluster.member(0)).getHazelcastInstance()
        .<String, Journal>getMap(HazelcastConfigs.INBOX_MAP).values().stream()
        .mapToInt(journal -> journal.messages().size()).sum();
  }

  /** Puts, sets and removals the members executed on map {@code name}'s entries, all members together. */
  private static long writes(String name) {
    long writes = 0;
    for (int i = 0; i < cluster.size(); i++) {
      var stats = TestCluster.clusterManager(cluster.member(i)).getHazelcastInstance().getMap(name).getLocalMapStats();
      writes += stats.getPutOperationCount() + stats.getSetOperationCount() + stats.getRemoveOperationCount();
    }
    return writes;
  }

  /**
   * The web chat's socket is on one member while another owns the conversation: replies reach the browser anyway,
   * in order, relayed over the event bus.
   */
  @Test
  @Order(6)
  void webChatRepliesReachTheTabWhicheverMemberHandlesTheConversation() throws Exception {
    int connectedTo = 0;
    String node = TestCluster.clusterManager(cluster.member(connectedTo)).getNodeId();
    String conversation = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "webchat-relay-" + i + "-abcdef")
        .filter(id -> !backendOwner(id).equals(node)).findFirst().orElseThrow();
    java.util.concurrent.BlockingQueue<io.vertx.core.json.JsonObject> texts = new java.util.concurrent.LinkedBlockingQueue<>();
    java.net.http.WebSocket socket = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(java.net.URI.create(cluster.member(connectedTo).url("/chat/ws?conversation=" + conversation)
            .replace("http:", "ws:")), new java.net.http.WebSocket.Listener() {
              @Override
              public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                io.vertx.core.json.JsonObject frame = new io.vertx.core.json.JsonObject(data.toString());
                if ("text".equals(frame.getString("type"))) {
                  texts.add(frame);
                }
                ws.request(1);
                return null;
              }
            }).join();
    try {
      for (int i = 1; i <= 5; i++) {
        socket.sendText(new io.vertx.core.json.JsonObject().put("type", "text").put("id", "w" + i)
            .put("text", "w" + i).encode(), true).join();
      }
      for (int i = 1; i <= 5; i++) {
        io.vertx.core.json.JsonObject reply = texts.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(reply).as("reply %d on the socket", i).isNotNull();
        assertThat(reply.getString("text")).isEqualTo(i + ":w" + i);
      }
    } finally {
      socket.abort();
    }
  }

  private static String backendOwner(String conversation) {
    return TestCluster.backend(cluster.member(0)).ownership().ownerOf(Message.text("probe",
        dev.chatbot.model.ConversationRef.of("webchat", conversation), UserRef.of("webchat", "u"), ""));
  }

  /**
   * An erasure that reaches a member other than the conversation's owner waits for the turn the owner has in hand:
   * otherwise that turn ends after the erasure and saves the erased user's state again.
   */
  @Test
  @Order(7)
  void anErasureOnAnotherMemberWaitsForTheTurnInHandOnTheOwner() throws Exception {
    String user = "erin-erased";
    int owner = cluster.ownerOf(user);
    cluster.send(owner, user, "now hello");
    assertThat(cluster.nextText(user)).isEqualTo("1:now hello");
    cluster.send(owner, user, "slow 1500");

    java.net.http.HttpResponse<String> erased = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                cluster.member(cluster.notOwnerOf(user)).url("/api/v1/users/test/" + user)))
            .header("authorization", "Bearer " + TestCluster.ADMIN_TOKEN).DELETE().build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
    assertThat(cluster.nextText(user)).isEqualTo("2:slow 1500");
    assertThat(Futures.await(cluster.member(owner).server().stateBackend().stateStore()
        .get("conversation:test:" + user))).as("the conversation's state after the erasure").isEmpty();
    cluster.send(owner, user, "now again");
    assertThat(cluster.nextText(user)).as("a new user").isEqualTo("1:now again");
  }

  /**
   * The cost of the cluster per message, for docs/cluster.md: the same sequential conversation on a memory server,
   * on the cluster through the owner, and through another member (one forward), plus what a cluster-wide lock per
   * message would add instead of routing. Printed, not asserted.
   */
  @Test
  @Order(9)
  void measureTheAddedLatencyOfTheCluster() {
    List<String> lines = new ArrayList<>();
    int owner = cluster.ownerOf("lat-owner");
    int forwarder = cluster.notOwnerOf("lat-forwarded");
    int answerer = cluster.ownerOf("lat-forwarded");
    try (TestServer memory = TestServer.start(Map.of("BOT", "counting"))) {
      LatencyReport.measure(List.of(
          new LatencyReport.Lane("memory (one process)", memory.testAdapter().replies("lat-memory"),
              i -> LatencyReport.post(memory, "lat-memory", i)),
          new LatencyReport.Lane("cluster, sent to owner", cluster.member(owner).testAdapter().replies("lat-owner"),
              i -> LatencyReport.post(cluster, owner, "lat-owner", i)),
          new LatencyReport.Lane("cluster, sent to non-owner",
              cluster.member(answerer).testAdapter().replies("lat-forwarded"),
              i -> LatencyReport.post(cluster, forwarder, "lat-forwarded", i))))
          .forEach(result -> lines.add(result.line()));
    }
    double lock = LatencyReport.lockRoundTrip(cluster.member(forwarder).server().vertx(), "test:lat-lock");
    lines.add(String.format(java.util.Locale.ROOT, "latency %-26s mean=%.2fms per message", "cluster lock acquire+release", lock));
    lines.forEach(line -> LoggerFactory.getLogger(ClusterConversationTest.class).info(line));
  }

  @Test
  @Order(10)
  void losingAMemberMidConversationLosesNoState() {
    String channel = "erin";
    for (int i = 1; i <= 3; i++) {
      cluster.send(i % 3, channel, "e" + i);
      assertThat(cluster.nextText(channel)).isEqualTo(i + ":e" + i);
    }
    cluster.send(0, channel, "address 2 Side Road");
    assertThat(cluster.nextText(channel)).isEqualTo("4:saved");
    // Crash the member that owns the conversation, and so holds the primary copy of its state, once it has
    // saved what the last message changed (the reply goes out before the save).
    int owner = cluster.ownerOf(channel);
    TestCluster.awaitTrue("the owner has saved the last message's state", Duration.ofSeconds(5),
        () -> cluster.member(owner).server().dispatcher().inFlight() == 0);
    cluster.killHazelcast(owner);
    assertThat(cluster.status(owner, "/health/ready")).as("readiness once out of the cluster").isEqualTo(503);
    cluster.discard(owner);
    cluster.awaitSize(2);
    int[] survivors = java.util.stream.IntStream.range(0, 3).filter(i -> i != owner).toArray();
    for (int survivor : survivors) {
      assertThat(cluster.member(survivor).server().stateBackend().sendShare().getAsDouble())
          .as("a survivor's share of the send budget").isEqualTo(0.5);
    }
    cluster.send(survivors[0], channel, "after");
    assertThat(cluster.nextText(channel)).isEqualTo("5:after");
    cluster.send(survivors[1], channel, "address?");
    assertThat(cluster.nextText(channel)).isEqualTo("6:2 Side Road");
    cluster.send(survivors[0], "alice", "back");
    assertThat(cluster.nextText("alice")).isEqualTo("7:back");
  }
}
