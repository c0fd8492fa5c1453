package dev.chatbot.state;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Message statuses in a Vert.x shared async map, each entry with a time to live: the cluster's own map in a clustered
 * Vert.x (every member answers for every message, and the cluster's backups keep them when a member dies), this
 * process's heap otherwise. The default of {@link dev.chatbot.spi.StateBackend#messageStatuses}.
 */
public final class SharedDataMessageStatuses implements MessageStatuses {

  static final String MAP = "chatbot.message-statuses";

  private final Vertx vertx;

  public SharedDataMessageStatuses(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public Future<Void> put(MessageStatus status) {
    return vertx.sharedData().<String, JsonObject>getAsyncMap(MAP)
        .compose(map -> map.put(status.id(), status.toStored(), KEEP_FOR.toMillis()));
  }

  @Override
  public Future<Optional<MessageStatus>> get(String id) {
    return vertx.sharedData().<String, JsonObject>getAsyncMap(MAP)
        .compose(map -> map.get(id))
        .map(json -> Optional.ofNullable(json).map(MessageStatus::fromStored));
  }
}
