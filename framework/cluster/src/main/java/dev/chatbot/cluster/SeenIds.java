package dev.chatbot.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import dev.chatbot.state.FingerprintGenerations;
import java.io.IOException;
import java.io.Serial;
import java.util.Map;

/**
 * The event ids one Hazelcast partition has seen: the value of that partition's entry in the dedupe map, kept as an
 * object (the map's in-memory format), so {@link Remember} works on it in place and only the fingerprint it adds
 * travels to the backup copy. Serialised whole only when the partition moves or a backup is repaired.
 */
final class SeenIds implements DataSerializable {

  private FingerprintGenerations generations;

  /** For Hazelcast's deserialization. */
  SeenIds() {}

  private SeenIds(FingerprintGenerations generations) {
    this.generations = generations;
  }

  long size() {
    return generations.size();
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    generations.writeTo(out);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    generations = FingerprintGenerations.readFrom(in);
  }

  /**
   * Remembers one id's fingerprint in its partition's entry and answers whether it was new. Run on the partition's
   * thread, so two members remembering the same id cannot both see it first; then on each backup copy with the same
   * clock reading, so the copy keeps what the primary keeps.
   */
  static final class Remember implements EntryProcessor<String, SeenIds, Boolean>, DataSerializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private long fingerprint;
    private long nowMillis;
    private long windowMillis;
    private long maxEntries;

    /** For Hazelcast's deserialization. */
    Remember() {}

    Remember(long fingerprint, long nowMillis, long windowMillis, long maxEntries) {
      this.fingerprint = fingerprint;
      this.nowMillis = nowMillis;
      this.windowMillis = windowMillis;
      this.maxEntries = maxEntries;
    }

    @Override
    public Boolean process(Map.Entry<String, SeenIds> entry) {
      SeenIds seen = entry.getValue();
      if (seen == null) {
        seen = new SeenIds(new FingerprintGenerations(windowMillis, maxEntries, nowMillis));
      }
      boolean first = seen.generations.remember(fingerprint, nowMillis);
      entry.setValue(seen); // the same object: marks it written, so the backup runs this too
      return first;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeLong(fingerprint);
      out.writeLong(nowMillis);
      out.writeLong(windowMillis);
      out.writeLong(maxEntries);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      fingerprint = in.readLong();
      nowMillis = in.readLong();
      windowMillis = in.readLong();
      maxEntries = in.readLong();
    }
  }

  /** Forgets one id's fingerprint (its message could not be kept), on the primary and then on each backup copy. */
  static final class Forget implements EntryProcessor<String, SeenIds, Void>, DataSerializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private long fingerprint;

    /** For Hazelcast's deserialization. */
    Forget() {}

    Forget(long fingerprint) {
      this.fingerprint = fingerprint;
    }

    @Override
    public Void process(Map.Entry<String, SeenIds> entry) {
      SeenIds seen = entry.getValue();
      if (seen != null) {
        seen.generations.forget(fingerprint);
        entry.setValue(seen); // the same object: marks it written, so the backup runs this too
      }
      return null;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
      out.writeLong(fingerprint);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
      fingerprint = in.readLong();
    }
  }
}
