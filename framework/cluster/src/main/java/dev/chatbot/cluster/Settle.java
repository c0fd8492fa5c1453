package dev.chatbot.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.DataSerializable;
import com.hazelcast.partition.PartitionAwareKey;
import java.io.IOException;
import java.io.Serial;
import java.util.Map;

/**
 * Records in an inbox entry how many replies of its turn are settled, so a member that takes the message over
 * replays the turn without sending them again. It runs on the entry's partition (and on its backups, as they are
 * written), only ever raises the count, and never writes an entry that is gone: whatever order it lands in beside
 * the other writes of the entry (Hazelcast retries an operation that met a partition move), it cannot bring back a
 * message that is done nor lower a count. {@link DataSerializable} rather than Java serialization: it goes to the
 * backup with every reply.
 */
final class Settle implements EntryProcessor<PartitionAwareKey<Long, String>, String, Void>, DataSerializable {

  @Serial
  private static final long serialVersionUID = 1L;

  private int settled;

  /** For Hazelcast's deserialization. */
  Settle() {}

  Settle(int settled) {
    this.settled = settled;
  }

  @Override
  public Void process(Map.Entry<PartitionAwareKey<Long, String>, String> entry) {
    String value = entry.getValue();
    if (value != null && Work.settled(value) < settled) {
      entry.setValue(Work.withSettled(value, settled));
    }
    return null;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeInt(settled);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    settled = in.readInt();
  }
}
