package dev.chatbot.cluster;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import dev.chatbot.state.DeadLetter;
import dev.chatbot.state.DeadLetters;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Dead letters in a distributed map, so every member lists the same ones and a retry or discard is atomic (the
 * map's remove answers whether this member took it: two operators retrying the same letter at two members send it
 * once). Each member mirrors the map in its heap through an entry listener, so listing never waits on the network;
 * a letter added on another member shows up within milliseconds.
 */
final class ClusterDeadLetters implements DeadLetters,
    EntryAddedListener<String, String>, EntryUpdatedListener<String, String>, EntryRemovedListener<String, String> {

  private final IMap<String, String> map;
  private final ConcurrentMap<String, DeadLetter> mirror = new ConcurrentHashMap<>();

  /** Blocking (reads the map): call it off the event loop, once. */
  ClusterDeadLetters(IMap<String, String> map) {
    this.map = map;
    map.addEntryListener(this, true);
    map.forEach((id, json) -> mirror.put(id, DeadLetter.fromJson(new JsonObject(json))));
  }

  @Override
  public Future<Void> add(DeadLetter letter) {
    mirror.put(letter.id(), letter);
    return Hz.future(map.setAsync(letter.id(), letter.toJson().encode()));
  }

  @Override
  public List<DeadLetter> list() {
    return mirror.values().stream().sorted(Comparator.comparing(DeadLetter::failedAt)).toList();
  }

  @Override
  public Optional<DeadLetter> get(String id) {
    return Optional.ofNullable(mirror.get(id));
  }

  @Override
  public Future<Boolean> remove(String id) {
    mirror.remove(id);
    return Hz.future(map.removeAsync(id)).map(previous -> previous != null);
  }

  @Override
  public void entryAdded(EntryEvent<String, String> event) {
    mirror.put(event.getKey(), DeadLetter.fromJson(new JsonObject(event.getValue())));
  }

  @Override
  public void entryUpdated(EntryEvent<String, String> event) {
    entryAdded(event);
  }

  @Override
  public void entryRemoved(EntryEvent<String, String> event) {
    mirror.remove(event.getKey());
  }
}
