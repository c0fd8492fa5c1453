package dev.chatbot.cluster;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.partition.PartitionAwareKey;
import com.hazelcast.query.Predicate;
import java.io.Serial;
import java.util.Map;
import java.util.Set;

/**
 * Taking over an outbox entry whose handler left the cluster: atomic on the entry's partition, so of two
 * members that both try, one wins. Returns the entry's value with the new handler, or null when it was not (or no
 * longer) handled by one of {@code departed}. An entry the claimant holds already is returned too: Hazelcast runs
 * an operation again when a partition moved under it, and the second run must not lose what the first one took.
 */
final class Claim implements EntryProcessor<PartitionAwareKey<Long, String>, String, String> {

  @Serial
  private static final long serialVersionUID = 1L;

  private final Set<String> departed;
  private final String claimant;

  Claim(Set<String> departed, String claimant) {
    this.departed = departed;
    this.claimant = claimant;
  }

  @Override
  public String process(Map.Entry<PartitionAwareKey<Long, String>, String> entry) {
    String value = entry.getValue();
    if (value == null) {
      return null;
    }
    String handler = Work.handler(value);
    if (handler.equals(claimant)) {
      return value;
    }
    if (!departed.contains(handler)) {
      return null;
    }
    String claimed = Work.withHandler(value, claimant);
    entry.setValue(claimed);
    return claimed;
  }

  /**
   * The entries this claim would take: what a scan of the local partitions looks for. They include the claimant's
   * own, among which those it does not know of are ones it claimed without hearing back.
   */
  Predicate<PartitionAwareKey<Long, String>, String> candidates() {
    Set<String> handlers = new java.util.HashSet<>(departed);
    handlers.add(claimant);
    return new HandledBy(handlers);
  }

  private record HandledBy(Set<String> handlers) implements Predicate<PartitionAwareKey<Long, String>, String> {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public boolean apply(Map.Entry<PartitionAwareKey<Long, String>, String> entry) {
      return entry.getValue() != null && handlers.contains(Work.handler(entry.getValue()));
    }
  }
}
