package dev.chatbot.cluster;

import com.hazelcast.partition.PartitionAwareKey;

/**
 * The inbox and outbox entries in the cluster's maps. A key is an id with the conversation's state key as its
 * partition key, so an entry lives in the partition of its conversation's state, whose owner is the member that
 * handles the conversation: writing it is a local operation plus its backups. (A {@link PartitionAwareKey} rather
 * than a map's {@code StringPartitioningStrategy}: Hazelcast 5.3's asynchronous operations ignore the latter.)
 *
 * <p>A value is a header line, then the entry's JSON. The header is the node id of the member handling the entry,
 * and for an inbox entry whose turn has settled replies, a space and how many ({@link Settle}): a member that takes
 * over reads both without parsing the JSON.
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
    return value.substring(0, handlerEnd(value));
  }

  /** {@code value} handled by {@code handler} instead, all else kept. */
  static String withHandler(String value, String handler) {
    return handler + value.substring(handlerEnd(value));
  }

  static String json(String value) {
    return value.substring(value.indexOf('\n') + 1);
  }

  /** How many replies of an inbox entry's turn are settled (sent or dead letters): a replay skips them. */
  static int settled(String value) {
    int header = value.indexOf('\n');
    int space = value.lastIndexOf(' ', header);
    return space < 0 ? 0 : Integer.parseInt(value, space + 1, header, 10);
  }

  /** {@code value} with {@code settled} replies of its turn settled. */
  static String withSettled(String value, int settled) {
    return handler(value) + ' ' + settled + value.substring(value.indexOf('\n'));
  }

  private static int handlerEnd(String value) {
    int header = value.indexOf('\n');
    int space = value.lastIndexOf(' ', header);
    return space < 0 ? header : space;
  }
}
