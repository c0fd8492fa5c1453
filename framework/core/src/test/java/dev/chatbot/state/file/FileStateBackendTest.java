package dev.chatbot.state.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.model.UserRef;
import dev.chatbot.state.DeadLetter;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.MessageStatus;
import dev.chatbot.state.MessageStatuses;
import dev.chatbot.state.Outbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The file store on its own: what one run writes, the next run on the same directory reads. */
class FileStateBackendTest {

  private static final ConversationRef ALICE = ConversationRef.of("test", "alice");

  private Path dir;
  private FileStateBackend backend;
  private Vertx vertx;

  @BeforeEach
  void createDirectory() throws Exception {
    dir = Files.createTempDirectory("chatbot-file-store");
  }

  @AfterEach
  void close() {
    closeBackend();
  }

  @Test
  void stateBotDataDedupeAndDeadLettersSurviveAReopen() throws Exception {
    open();
    await(backend.stateStore().put("conversation:test:alice", new JsonObject().put("cart", 2)));
    await(backend.botDataStore().update("bot:shop:stock", stock -> stock.put("oxford", 4)));
    assertThat(await(backend.dedupeStore().firstSeen("test:m1"))).isTrue();
    await(backend.deadLetters().add(new DeadLetter("d1", ALICE, Reply.text("sorry"), "bad token", Instant.now(), 0)));
    Inbox.Kept kept = await(backend.inbox().keep(List.of(message("m1")))).get(0);
    closeBackend();

    open();
    assertThat(await(backend.stateStore().get("conversation:test:alice")).getInteger("cart")).isEqualTo(2);
    assertThat(await(backend.botDataStore().get("bot:shop:stock")).getInteger("oxford")).isEqualTo(4);
    assertThat(await(backend.dedupeStore().firstSeen("test:m1"))).isFalse();
    assertThat(backend.deadLetters().list()).singleElement().satisfies(letter -> {
      assertThat(letter.error()).isEqualTo("bad token");
      assertThat(letter.reply()).isEqualTo(Reply.text("sorry"));
    });
    assertThat(backend.inbox().pending()).singleElement()
        .satisfies(pending -> assertThat(pending.message().text()).isEqualTo("m1"));
    assertThat(backend.inbox().pending().get(0).id()).isEqualTo(kept.id());
  }

  @Test
  void doneForgetsTheMessageAndSavesItsStateInOneCommit() throws Exception {
    open();
    List<Inbox.Kept> kept = await(backend.inbox().keep(List.of(message("m1"), message("m2"))));
    await(backend.inbox().done(kept.get(0).id(), Map.of("conversation:test:alice", new JsonObject().put("n", 1))));
    closeBackend();

    open();
    assertThat(backend.inbox().pending()).extracting(pending -> pending.message().text()).containsExactly("m2");
    assertThat(await(backend.stateStore().get("conversation:test:alice")).getInteger("n")).isEqualTo(1);
  }

  @Test
  void theOutboxKeepsProgressAndTheRepliesATurnRecorded() throws Exception {
    open();
    Inbox.Kept kept = await(backend.inbox().keep(List.of(message("m1")))).get(0);
    Outbox.Added first = backend.outbox().add(ALICE, Reply.image("https://x/1.png"), Outbox.Origin.turn(kept.id(), 0));
    await(first.written());
    backend.outbox().progress(first.id(), 1);
    Outbox.Added second = backend.outbox().add(ALICE, Reply.text("two"), Outbox.Origin.turn(kept.id(), 1));
    backend.outbox().sent(second.id());
    await(backend.stateStore().put("barrier", new JsonObject())); // the writer keeps the order: all of it is in
    closeBackend();

    open();
    assertThat(backend.outbox().pending()).singleElement().satisfies(entry -> {
      assertThat(entry.reply()).isEqualTo(Reply.image("https://x/1.png"));
      assertThat(entry.callsDone()).isEqualTo(1);
    });
    assertThat(backend.outbox().recordedReplies(kept.id())).isEqualTo(2);
    await(backend.inbox().done(kept.id(), Map.of()));
    assertThat(backend.outbox().recordedReplies(kept.id())).isZero();
  }

  @Test
  void aTurnsReplyNotYetSentIsMadeAgainByReplayingItsMessageNotKeptTwice() throws Exception {
    open();
    Inbox.Kept kept = await(backend.inbox().keep(List.of(message("m1")))).get(0);
    Outbox.Added sent = backend.outbox().add(ALICE, Reply.text("one"), Outbox.Origin.turn(kept.id(), 0));
    backend.outbox().sent(sent.id());
    backend.outbox().add(ALICE, Reply.text("two, still waiting"), Outbox.Origin.turn(kept.id(), 1));
    await(backend.stateStore().put("barrier", new JsonObject()));
    closeBackend();

    open();
    // The message is replayed, skipping the reply that was sent; the waiting one is made again by the replay.
    assertThat(backend.inbox().pending()).singleElement()
        .satisfies(pending -> assertThat(pending.id()).isEqualTo(kept.id()));
    assertThat(backend.outbox().recordedReplies(kept.id())).isEqualTo(1);
    assertThat(backend.outbox().pending()).isEmpty();
  }

  @Test
  void messageStatusesSurviveAReopenUntilTheyAreOld() throws Exception {
    open();
    MessageStatuses statuses = backend.messageStatuses(vertx);
    MessageStatus queued = MessageStatus.queued("a1", "test", "alice");
    await(statuses.put(queued));
    await(statuses.put(queued.failed("channel_not_found")));
    MessageStatus old = new MessageStatus("a0", MessageStatus.State.sent, "test", "bob", null,
        Instant.now().minus(MessageStatuses.KEEP_FOR).minusSeconds(60));
    await(statuses.put(old));
    assertThat(await(statuses.get("a0"))).isEmpty();
    closeBackend();

    open();
    statuses = backend.messageStatuses(vertx);
    assertThat(await(statuses.get("a1"))).hasValueSatisfying(status -> {
      assertThat(status.state()).isEqualTo(MessageStatus.State.failed);
      assertThat(status.toJson()).isEqualTo(new JsonObject().put("id", "a1").put("status", "failed")
          .put("platform", "test").put("recipient", "alice").put("error", "channel_not_found"));
    });
    assertThat(await(statuses.get("a0"))).isEmpty();
    assertThat(await(statuses.get("unknown"))).isEmpty();
  }

  @Test
  void aSecondOpenOfTheSameDirectoryIsRefusedNamingIt() {
    open();
    FileStateBackend second = new FileStateBackend();
    Throwable failure = second.createVertx(new VertxOptions(), Vertx.builder(), settings()).cause();
    assertThat(failure).isInstanceOf(ConfigException.class)
        .hasMessage("DATA_DIR " + dir.toAbsolutePath() + " is in use by another process (one process per DATA_DIR)");
  }

  @Test
  void aCorruptFileIsRefusedInsteadOfStartingEmpty() throws Exception {
    open();
    await(backend.stateStore().put("k", new JsonObject().put("v", 1)));
    closeBackend();
    Path file = dir.resolve(DataFile.FILE_NAME);
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] ^= 0x5A;
    }
    Files.write(file, bytes);

    Throwable failure = new FileStateBackend().createVertx(new VertxOptions(), Vertx.builder(), settings()).cause();
    assertThat(failure).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("DATA_DIR " + dir.toAbsolutePath() + " holds a store that cannot be read");
  }

  @Test
  void aBadSyncIntervalNamesTheVariable() {
    Settings settings = Settings.of(Map.of("DATA_DIR", dir.toString(), "DATA_SYNC_MILLIS", "0"));
    assertThat(new FileStateBackend().createVertx(new VertxOptions(), Vertx.builder(), settings).cause())
        .isInstanceOf(ConfigException.class).hasMessageContaining("DATA_SYNC_MILLIS");
  }

  @Test
  void dedupeIdsOfAnOlderStoreFileMoveToTheDedupeLog() throws Exception {
    org.h2.mvstore.MVStore older = org.h2.mvstore.MVStore.open(dir.resolve(DataFile.FILE_NAME).toString());
    older.<Long, String>openMap("dedupe").put(1L, "test:before-upgrade");
    older.close();

    open();
    assertThat(await(backend.dedupeStore().firstSeen("test:before-upgrade"))).isFalse();
    closeBackend();
    open();
    assertThat(await(backend.dedupeStore().firstSeen("test:before-upgrade"))).isFalse();
    assertThat(await(backend.dedupeStore().firstSeen("test:after-upgrade"))).isTrue();
  }

  @Test
  void inboxEntriesOfAnOlderStoreFileMoveToTheInboxLog() throws Exception {
    org.h2.mvstore.MVStore older = org.h2.mvstore.MVStore.open(dir.resolve(DataFile.FILE_NAME).toString());
    older.<Long, Object>openMap("inbox").put(7L, StoredJson.encode(message("before the upgrade")));
    older.close();

    open();
    assertThat(backend.inbox().pending()).singleElement().satisfies(pending -> {
      assertThat(pending.id()).isEqualTo(7L);
      assertThat(pending.message().text()).isEqualTo("before the upgrade");
    });
    closeBackend();
    open();
    assertThat(backend.inbox().pending()).extracting(Inbox.Kept::id).containsExactly(7L);
    await(backend.inbox().done(7L, Map.of()));
    await(backend.stateStore().put("barrier", new JsonObject()));
    closeBackend();
    open();
    assertThat(backend.inbox().pending()).isEmpty();
  }

  @Test
  void aMessageWhoseStateWasCommittedIsDoneEvenIfItsDoneRecordIsMissing() throws Exception {
    open();
    Inbox.Kept kept = await(backend.inbox().keep(List.of(message("m1")))).get(0);
    closeBackend();
    // A kill between the commit of a turn's state (with its id in inbox-applied) and its done record in the log.
    org.h2.mvstore.MVStore store = org.h2.mvstore.MVStore.open(dir.resolve(DataFile.FILE_NAME).toString());
    store.<Long, Boolean>openMap("inbox-applied").put(kept.id(), Boolean.TRUE);
    store.<String, Object>openMap("values").put("conversation:test:alice",
        StoredJson.encode(new JsonObject().put("n", 1)));
    store.close();

    open();
    assertThat(backend.inbox().pending()).isEmpty();
    assertThat(await(backend.stateStore().get("conversation:test:alice")).getInteger("n")).isEqualTo(1);
  }

  private void open() {
    backend = new FileStateBackend();
    vertx = await(backend.createVertx(new VertxOptions(), Vertx.builder(), settings()));
  }

  private void closeBackend() {
    if (vertx != null) {
      await(vertx.close());
      vertx = null;
    }
    if (backend != null) {
      backend.close();
      backend = null;
    }
  }

  private Settings settings() {
    return Settings.of(Map.of("DATA_DIR", dir.toString()));
  }

  private static Message message(String text) {
    return Message.text(text, ALICE, UserRef.of("test", "alice"), text);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
