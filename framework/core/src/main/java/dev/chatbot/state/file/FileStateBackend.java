package dev.chatbot.state.file;

import dev.chatbot.spi.Settings;
import dev.chatbot.spi.StateBackend;
import dev.chatbot.state.BotDataStore;
import dev.chatbot.state.DeadLetters;
import dev.chatbot.state.DedupeStore;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.MemoryDedupeStore;
import dev.chatbot.state.MessageStatuses;
import dev.chatbot.state.Outbox;
import dev.chatbot.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code STATE_STORE=file}, the default: everything that must survive a crash in one store file under
 * {@code DATA_DIR} (docs/operate.md, "Durability"). One process per directory.
 */
public final class FileStateBackend implements StateBackend {

  private static final Logger LOG = LoggerFactory.getLogger(FileStateBackend.class);
  public static final String NAME = "file";
  /** How often written data is forced to the disk ({@code DATA_SYNC_MILLIS}): what a power cut can lose. */
  static final int DEFAULT_SYNC_MILLIS = 1_000;
  /** How often old dedupe ids are dropped and the file compacted. */
  static final long MAINTENANCE_MILLIS = 60_000;

  private Path dir;
  private DataFile file;
  private FileValues values;
  private FileDedupeStore dedupe;
  private FileInbox inbox;
  private FileOutbox outbox;
  private FileDeadLetters deadLetters;
  private FileMessageStatuses messageStatuses;

  @Override
  public String name() {
    return NAME;
  }

  /** Opens the store (a blocking read of the file, once, before any event loop runs) and builds a plain Vert.x. */
  @Override
  public Future<Vertx> createVertx(VertxOptions options, VertxBuilder builder, Settings settings) {
    try {
      dir = Path.of(settings.get("DATA_DIR", "data"));
      int syncMillis = settings.getInt("DATA_SYNC_MILLIS", DEFAULT_SYNC_MILLIS, 1, 60_000);
      MemoryDedupeStore window = MemoryDedupeStore.from(settings);
      long started = System.nanoTime();
      file = DataFile.open(dir, syncMillis);
      deadLetters = new FileDeadLetters(file);
      values = new FileValues(file);
      dedupe = new FileDedupeStore(file, new DedupeLog(dir, window.window().toMillis()), window);
      outbox = new FileOutbox(file, deadLetters);
      inbox = new FileInbox(file, new InboxLog(dir), values, outbox);
      messageStatuses = new FileMessageStatuses(file);
      LOG.info("data store opened dir={} file_bytes={} pending_messages={} pending_replies={} dead_letters={} "
              + "sync_ms={} open_ms={}", dir.toAbsolutePath().normalize(), file.fileSize(), inbox.size(),
          outbox.size(), deadLetters.list().size(), syncMillis, (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException e) {
      close();
      return Future.failedFuture(e);
    }
    Vertx vertx = builder.with(options).build();
    vertx.setPeriodic(MAINTENANCE_MILLIS, tick -> file.write(() -> {
      dedupe.compact();
      messageStatuses.forgetOld();
      file.compact();
    }));
    return Future.succeededFuture(vertx);
  }

  @Override
  public Optional<Path> dataDir() {
    return Optional.ofNullable(dir);
  }

  @Override
  public StateStore stateStore() {
    return values;
  }

  @Override
  public DedupeStore dedupeStore() {
    return dedupe;
  }

  @Override
  public BotDataStore botDataStore() {
    return values;
  }

  @Override
  public Inbox inbox() {
    return inbox;
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  @Override
  public DeadLetters deadLetters() {
    return deadLetters;
  }

  @Override
  public MessageStatuses messageStatuses(Vertx vertx) {
    return messageStatuses;
  }

  @Override
  public void close() {
    if (file != null) {
      file.close();
      file = null;
    }
  }
}
