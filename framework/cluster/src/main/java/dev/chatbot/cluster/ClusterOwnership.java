package dev.chatbot.cluster;

import com.hazelcast.cluster.Member;
import dev.chatbot.model.Message;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The owner of a conversation is the Hazelcast partition owner of its state entry: Hazelcast's own consistent
 * hashing, kept consistent across members by the cluster, and the owner then reads that state from local memory.
 * The owner is looked up at most every ten milliseconds per partition ({@link PartitionEpoch#owner}).
 * While the owner is unavailable, rendezvous hashing over the other members picks a stand-in.
 */
final class ClusterOwnership implements Ownership {

  /** The dispatcher's state key of a conversation. */
  static final String STATE_KEY_PREFIX = "conversation:";
  /** The member attribute in which the Vert.x Hazelcast cluster manager keeps a member's Vert.x node id. */
  static final String NODE_ID_ATTRIBUTE = "__vertx.nodeId";

  private final HazelcastClusterManager clusterManager;
  private final PartitionEpoch epoch;

  ClusterOwnership(HazelcastClusterManager clusterManager, PartitionEpoch epoch) {
    this.clusterManager = clusterManager;
    this.epoch = epoch;
  }

  @Override
  public String self() {
    return clusterManager.getNodeId();
  }

  @Override
  public String ownerOf(String conversationKey) {
    try {
      Member owner = epoch.owner(clusterManager.getHazelcastInstance().getPartitionService()
          .getPartition(STATE_KEY_PREFIX + conversationKey));
      String node = owner == null ? null : nodeId(owner);
      return node == null ? self() : node;
    } catch (RuntimeException notInTheCluster) {
      // Partitions not assigned yet, or Hazelcast stopping: handle here; the store decides whether that works.
      return self();
    }
  }

  @Override
  public String ownerWithout(Message message, String unavailable) {
    List<String> nodes;
    try {
      nodes = clusterManager.getNodes();
    } catch (RuntimeException notInTheCluster) {
      return self();
    }
    return highestRandomWeight(message.conversation().key(), nodes, unavailable);
  }

  @Override
  public boolean isMember(String node) {
    try {
      return clusterManager.getNodes().contains(node);
    } catch (RuntimeException notInTheCluster) {
      return false;
    }
  }

  /** Rendezvous hashing: the node with the highest hash of (node, key), skipping {@code excluded}. */
  static String highestRandomWeight(String key, List<String> nodes, String excluded) {
    String best = null;
    long bestScore = Long.MIN_VALUE;
    for (String node : nodes) {
      if (node.equals(excluded)) {
        continue;
      }
      long score = hash(node + '|' + key);
      if (best == null || score > bestScore || (score == bestScore && node.compareTo(best) < 0)) {
        best = node;
        bestScore = score;
      }
    }
    return best == null ? excluded : best;
  }

  /** 64-bit FNV-1a with a final mix, so similar ids spread well. */
  private static long hash(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return hash;
  }

  static String nodeId(Member member) {
    return member.getAttribute(NODE_ID_ATTRIBUTE);
  }
}
