package dev.chatbot.state;

import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Dead letters in this process's heap ({@code memory} and, per member, {@code cluster}). */
public final class MemoryDeadLetters implements DeadLetters {

  private final ConcurrentMap<String, DeadLetter> letters = new ConcurrentHashMap<>();

  @Override
  public Future<Void> add(DeadLetter letter) {
    letters.put(letter.id(), letter);
    return Future.succeededFuture();
  }

  @Override
  public List<DeadLetter> list() {
    return letters.values().stream().sorted(Comparator.comparing(DeadLetter::failedAt)).toList();
  }

  @Override
  public Optional<DeadLetter> get(String id) {
    return Optional.ofNullable(letters.get(id));
  }

  @Override
  public Future<Boolean> remove(String id) {
    return Future.succeededFuture(letters.remove(id) != null);
  }
}
