package dev.chatbot.cluster;

import com.hazelcast.partition.PartitionAwareKey;

/**
 * The outbox entries in the cluster's map. A key is an id with the conversation's state key as its partition key, so
 * an entry lives in the partition of its conversation's state, whose owner is the member that handles the
 * conversation: writing it is a local operation plus its backups. (A {@link PartitionAwareKey} rather than a map's
 * {@code StringPartitioningStrategy}: Hazelcast 5.3's asynchronous operations ignore the latter.)
 *
 * <p>A value is a header line, the node id of the member handling the entry, then the entry's JSON: a member that
 * takes over reads the header without parsing the JSON.
 */
final class Work {

  private Work() {}

  static PartitionAwareKey<Long, String> key(long id, String conversationKey) {
    return new PartitionAwareKey<>(id, ClusterOwnership.STATE_KEY_PREFIX + conversationKey);
  }

  static long id(PartitionAwareKey<Long, String> key) {
    return key.getKey();
  }

  static String value(String handler, String json) {
    return handler + '\n' + json;
  }

  static String handler(String value) {
    return value.substring(0, value.indexOf('\n'));
  }

  /** {@code value} handled by {@code handler} instead, all else kept. */
  static String withHandler(String value, String handler) {
    return handler + value.substring(value.indexOf('\n'));
  }

  static String json(String value) {
    return value.substring(value.indexOf('\n') + 1);
  }
}
