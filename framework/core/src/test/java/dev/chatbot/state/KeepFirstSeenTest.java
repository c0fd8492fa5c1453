package dev.chatbot.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * A message whose keep failed was not acknowledged: its webhook failed and the platform delivers it again, which
 * must count as new, not as a repeat of an id remembered just before the failure.
 */
class KeepFirstSeenTest {

  private static final Message MESSAGE = Message.text("mid.1", ConversationRef.of("test", "alice"),
      UserRef.of("test", "alice"), "hello");

  @Test
  void aRedeliveryOfAMessageWhoseKeepFailedIsKept() throws Exception {
    MemoryDedupeStore dedupe = new MemoryDedupeStore();
    FailingOnce inbox = new FailingOnce(Inbox.unlogged(new MemoryStateStore()));

    Future<List<Inbox.Kept>> failed = inbox.keepFirstSeen(MESSAGE, "test:mid.1", dedupe);
    assertThat(failed.failed()).as("the first keep fails").isTrue();

    List<Inbox.Kept> redelivered = inbox.keepFirstSeen(MESSAGE, "test:mid.1", dedupe)
        .toCompletionStage().toCompletableFuture().get();
    assertThat(redelivered).as("the redelivery is kept, not taken for a repeat").hasSize(1);
    assertThat(inbox.keepFirstSeen(MESSAGE, "test:mid.1", dedupe).toCompletionStage().toCompletableFuture().get())
        .as("once kept, a repeat is one").isEmpty();
  }

  @Test
  void aStoreThatCannotForgetKeepsTheId() throws ExecutionException, InterruptedException {
    DedupeStore cannotForget = new MemoryDedupeStore()::firstSeen;
    FailingOnce inbox = new FailingOnce(Inbox.unlogged(new MemoryStateStore()));
    assertThat(inbox.keepFirstSeen(MESSAGE, "test:mid.1", cannotForget).failed()).isTrue();
    assertThat(inbox.keepFirstSeen(MESSAGE, "test:mid.1", cannotForget).toCompletionStage().toCompletableFuture()
        .get()).as("the documented default: taken for a repeat").isEmpty();
  }

  /** An inbox whose first keep fails, as a store that cannot write would. */
  private static final class FailingOnce implements Inbox {
    private final Inbox inner;
    private boolean failed;

    FailingOnce(Inbox inner) {
      this.inner = inner;
    }

    @Override
    public Future<List<Kept>> keep(List<Message> messages) {
      if (!failed) {
        failed = true;
        return Future.failedFuture("disk full");
      }
      return inner.keep(messages);
    }

    @Override
    public Future<Void> done(long id, Map<String, JsonObject> changes) {
      return inner.done(id, changes);
    }

    @Override
    public List<Kept> pending() {
      return inner.pending();
    }

    @Override
    public Future<Void> forget(String platform, String userId) {
      return inner.forget(platform, userId);
    }
  }
}
