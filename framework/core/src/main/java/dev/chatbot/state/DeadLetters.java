package dev.chatbot.state;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** Replies that finally failed, until retried or discarded (SPEC §4: never dropped). */
public interface DeadLetters {

  Future<Void> add(DeadLetter letter);

  /** Oldest first. */
  List<DeadLetter> list();

  Optional<DeadLetter> get(String id);

  /** True when {@code id} was there. */
  Future<Boolean> remove(String id);
}
