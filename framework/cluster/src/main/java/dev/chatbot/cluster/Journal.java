package dev.chatbot.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import com.hazelcast.projection.Projection;
import dev.chatbot.state.FingerprintGenerations;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.Serial;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The messages in flight that one member kept, and the event ids it saw first: the value of that member's entry in
 * the inbox map ({@link ClusterInbox}), kept as an object, so the entry processors below work on it in place and only
 * what they change travels to the synchronous backup. One entry per member rather than one per message: a member's
 * ids, keeps, settled counts and removals of one moment go in one operation with one backup round trip
 * ({@link Apply}), however many messages they are for.
 *
 * <p>Each message names the member handling it: its keeper, or the member that took it over when the keeper left
 * ({@link Claim}).
 *
 * <p>The ids are fingerprints, by the partition of their conversation, in the generations a single process keeps:
 * the member that owns a partition checks ids in its memory ({@link ClusterDedupeStore}), and the member that owns
 * it next reads them from every journal ({@link SeenIn}). A journal with no message in flight expires two dedupe
 * windows after its last write, when all its ids are outlived, so the journals of keys a member stopped using go.
 */
final class Journal implements DataSerializable {

  /** One message in flight. */
  static final class Kept {
    String handler;
    int settled;
    final String conversation;
    final String json;

    Kept(String handler, int settled, String conversation, String json) {
      this.handler = handler;
      this.settled = settled;
      this.conversation = conversation;
      this.json = json;
    }
  }

  /** By inbox id, in the order kept. */
  private final LinkedHashMap<Long, Kept> messages = new LinkedHashMap<>();
  /** Fingerprints of the ids seen first, by partition. */
  private final HashMap<Integer, FingerprintGenerations> seen = new HashMap<>();
  /** When outlived partitions were last dropped from {@link #seen}, and how long the journal stays once idle. */
  private long prunedAt;
  private long idleMillis;

  /** For Hazelcast's deserialization. */
  Journal() {}

  Map<Long, Kept> messages() {
    return messages;
  }

  /** The fingerprints of ids it holds, in all partitions. */
  long seenIds() {
    return seen.values().stream().mapToLong(FingerprintGenerations::size).sum();
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(messages.size());
    for (Map.Entry<Long, Kept> entry : messages.entrySet()) {
      out.writeLong(entry.getKey());
      Kept kept = entry.getValue();
      out.writeString(kept.handler);
      out.writeInt(kept.settled);
      out.writeString(kept.conversation);
      out.writeString(kept.json);
    }
    out.writeInt(seen.size());
    for (Map.Entry<Integer, FingerprintGenerations> partition : seen.entrySet()) {
      out.writeInt(partition.getKey());
      partition.getValue().writeTo(out);
    }
    out.writeLong(prunedAt);
    out.writeLong(idleMillis);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    int size = in.readInt();
    for (int i = 0; i < size; i++) {
      messages.put(in.readLong(), new Kept(in.readString(), in.readInt(), in.readString(), in.readString()));
    }
    int partitions = in.readInt();
    for (int i = 0; i < partitions; i++) {
      seen.put(in.readInt(), FingerprintGenerations.readFrom(in));
    }
    prunedAt = in.readLong();
    idleMillis = in.readLong();
  }

  /**
   * The entry's value after a change: none once it holds nothing; with no message in flight, one that expires when
   * its ids are outlived unless written again.
   */
  private static void store(Map.Entry<String, Journal> entry, Journal journal) {
    if (journal.messages.isEmpty() && journal.seen.isEmpty()) {
      entry.setValue(null);
    } else if (journal.messages.isEmpty() && journal.idleMillis > 0) {
      ((ExtendedMapEntry<String, Journal>) entry).setValue(journal, journal.idleMillis, TimeUnit.MILLISECONDS);
    } else {
      entry.setValue(journal); // never expires
    }
  }

  /** How long ids are remembered: the dedupe window, and the ids each partition's generation holds at most. */
  record Bounds(long windowMillis, long perPartition) {}

  /**
   * A member's changes of one moment to its journal: ids seen first, messages kept (handled by {@code handler}),
   * counts of settled replies (only ever raised, and never for a message that is gone), and messages done. Runs on
   * the entry's partition and then, with the same fields and clock reading, on each backup copy.
   */
  static final class Apply implements EntryProcessor<String, Journal, Void>, DataSerializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private String handler;
    private long windowMillis;
    private long perPartition;
    private long nowMillis;
    private final List<Integer> seenPartitions = new ArrayList<>();
    private final List<Long> seenFingerprints = new ArrayList<>();
    private final List<Long> keptIds = new ArrayList<>();
    private final List<String> keptConversations = new ArrayList<>();
    private final List<String> keptJson = new ArrayList<>();
    private final Map<Long, Integer> settled = new HashMap<>();
    private final Set<Long> done = new HashSet<>();

    /** For Hazelcast's deserialization. */
    Apply() {}

    Apply(String handler, Bounds bounds) {
      this.handler = handler;
      this.windowMillis = bounds.windowMillis();
      this.perPartition = bounds.perPartition();
    }

    /** An id seen first, in the conversation partition {@code partition}. */
    void seen(int partition, long fingerprint) {
      seenPartitions.add(partition);
      seenFingerprints.add(fingerprint);
    }

    /** The clock reading the primary and its copies all apply. */
    void at(long nowMillis) {
      this.nowMillis = nowMillis;
    }

    void keep(long id, String conversation, String json) {
      keptIds.add(id);
      keptConversations.add(conversation);
      keptJson.add(json);
    }

    void settle(long id, int count) {
      if (!done.contains(id)) {
        settled.merge(id, count, Math::max);
      }
    }

    void done(long id) {
      done.add(id);
      settled.remove(id); // the removal makes it moot
    }

    boolean isEmpty() {
      return seenFingerprints.isEmpty() && keptIds.isEmpty() && settled.isEmpty() && done.isEmpty();
    }

    boolean settles(long id) {
      return settled.containsKey(id);
    }

    @Override
    public Void process(Map.Entry<String, Journal> entry) {
      Journal journal = entry.getValue() == null ? new Journal() : entry.getValue();
      for (int i = 0; i < seenFingerprints.size(); i++) {
        journal.seen.computeIfAbsent(seenPartitions.get(i),
                partition -> new FingerprintGenerations(windowMillis, perPartition, nowMillis))
            .remember(seenFingerprints.get(i), nowMillis);
      }
      if (nowMillis - journal.prunedAt >= windowMillis) {
        journal.seen.values().removeIf(generations -> generations.outlived(nowMillis));
        journal.prunedAt = nowMillis;
      }
      journal.idleMillis = 2 * windowMillis;
      for (int i = 0; i < keptIds.size(); i++) {
        journal.messages.putIfAbsent(keptIds.get(i), new Kept(handler, 0, keptConversations.get(i), keptJson.get(i)));
      }
      settled.forEach((id, count) -> {
        Kept kept = journal.messages.get(id);
        if (kept != null && kept.settled < count) {
          kept.settled = count;
        }
      });
      done.forEach(journal.messages::remove);
      store(entry, journal);
      return null;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(handler);
      out.writeLong(windowMillis);
      out.writeLong(perPartition);
      out.writeLong(nowMillis);
      out.writeInt(seenFingerprints.size());
      for (int i = 0; i < seenFingerprints.size(); i++) {
        out.writeInt(seenPartitions.get(i));
        out.writeLong(seenFingerprints.get(i));
      }
      out.writeInt(keptIds.size());
      for (int i = 0; i < keptIds.size(); i++) {
        out.writeLong(keptIds.get(i));
        out.writeString(keptConversations.get(i));
        out.writeString(keptJson.get(i));
      }
      out.writeInt(settled.size());
      for (Map.Entry<Long, Integer> count : settled.entrySet()) {
        out.writeLong(count.getKey());
        out.writeInt(count.getValue());
      }
      out.writeInt(done.size());
      for (long id : done) {
        out.writeLong(id);
      }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      handler = in.readString();
      windowMillis = in.readLong();
      perPartition = in.readLong();
      nowMillis = in.readLong();
      int seenIds = in.readInt();
      for (int i = 0; i < seenIds; i++) {
        seen(in.readInt(), in.readLong());
      }
      int kept = in.readInt();
      for (int i = 0; i < kept; i++) {
        keep(in.readLong(), in.readString(), in.readString());
      }
      int counts = in.readInt();
      for (int i = 0; i < counts; i++) {
        settled.put(in.readLong(), in.readInt());
      }
      int dones = in.readInt();
      for (int i = 0; i < dones; i++) {
        done.add(in.readLong());
      }
    }
  }

  /**
   * Taking over messages whose handler left the cluster: atomic on the journal's partition, so of two members that
   * both try, one wins. Returns the messages now handled by {@code claimant} among {@code ids}: those handled by one
   * of {@code departed}, and those it holds already (Hazelcast runs an operation again when a partition moved under
   * it, and the second run must not lose what the first one took).
   */
  static final class Claim implements EntryProcessor<String, Journal, Journal>, DataSerializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private Set<String> departed = new HashSet<>();
    private String claimant;
    private Set<Long> ids = new HashSet<>();

    /** For Hazelcast's deserialization. */
    Claim() {}

    Claim(Set<String> departed, String claimant, Set<Long> ids) {
      this.departed = departed;
      this.claimant = claimant;
      this.ids = ids;
    }

    @Override
    public Journal process(Map.Entry<String, Journal> entry) {
      Journal journal = entry.getValue();
      Journal claimed = new Journal();
      if (journal == null) {
        return claimed;
      }
      boolean changed = false;
      for (long id : ids) {
        Kept kept = journal.messages.get(id);
        if (kept == null || !(kept.handler.equals(claimant) || departed.contains(kept.handler))) {
          continue;
        }
        changed |= !kept.handler.equals(claimant);
        kept.handler = claimant;
        // A copy: a local caller gets the result as is, and the stored one changes on.
        claimed.messages.put(id, new Kept(claimant, kept.settled, kept.conversation, kept.json));
      }
      if (changed) {
        store(entry, journal);
      }
      return claimed;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeString(claimant);
      out.writeInt(departed.size());
      for (String node : departed) {
        out.writeString(node);
      }
      out.writeInt(ids.size());
      for (long id : ids) {
        out.writeLong(id);
      }
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      claimant = in.readString();
      int nodes = in.readInt();
      for (int i = 0; i < nodes; i++) {
        departed.add(in.readString());
      }
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        ids.add(in.readLong());
      }
    }
  }

  /** Forgets the messages of one user (erasure), in every journal it runs on. */
  record ForgetUser(String platform, String userId) implements EntryProcessor<String, Journal, Void> {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public Void process(Map.Entry<String, Journal> entry) {
      Journal journal = entry.getValue();
      if (journal != null && journal.messages.values().removeIf(kept -> {
        JsonObject user = new JsonObject(kept.json).getJsonObject("user");
        return user != null && platform.equals(user.getString("platform")) && userId.equals(user.getString("id"));
      })) {
        store(entry, journal);
      }
      return null;
    }
  }

  /**
   * The fingerprints a journal holds for {@code partitions}, but for those outlived at {@code nowMillis}: what a
   * member that comes to own those partitions reads from every journal.
   */
  record SeenIn(Set<Integer> partitions, long nowMillis)
      implements Projection<Map.Entry<String, Journal>, HashMap<Integer, long[]>> {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public HashMap<Integer, long[]> transform(Map.Entry<String, Journal> entry) {
      HashMap<Integer, long[]> found = new HashMap<>();
      entry.getValue().seen.forEach((partition, generations) -> {
        if (partitions.contains(partition) && !generations.outlived(nowMillis)) {
          long[] fingerprints = new long[(int) generations.size()];
          int[] next = {0};
          generations.forEach(fingerprint -> fingerprints[next[0]++] = fingerprint);
          found.put(partition, fingerprints);
        }
      });
      return found;
    }
  }
}
