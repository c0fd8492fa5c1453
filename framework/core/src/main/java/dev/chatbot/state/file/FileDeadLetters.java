package dev.chatbot.state.file;

import dev.chatbot.state.DeadLetter;
import dev.chatbot.state.DeadLetters;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.h2.mvstore.MVMap;

/** Dead letters in the file, all of them also in the heap (an operator lists them; they are few). */
final class FileDeadLetters implements DeadLetters {

  private final DataFile file;
  private final MVMap<String, String> map;
  private final ConcurrentMap<String, DeadLetter> letters = new ConcurrentHashMap<>();

  FileDeadLetters(DataFile file) {
    this.file = file;
    this.map = file.map("dead-letters");
    map.forEach((id, json) -> letters.put(id, DeadLetter.fromJson(new JsonObject(json))));
  }

  @Override
  public Future<Void> add(DeadLetter letter) {
    cache(letter);
    return file.write(() -> persist(letter.id()));
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
    boolean removed = letters.remove(id) != null;
    return file.write(() -> persist(id)).map(removed);
  }

  void cache(DeadLetter letter) {
    letters.put(letter.id(), letter);
  }

  /** On the writer thread: the letter's current state to the file. */
  void persist(String id) {
    DeadLetter letter = letters.get(id);
    if (letter == null) {
      map.remove(id);
    } else {
      map.put(id, letter.toJson().encode());
    }
  }
}
