package dev.chatbot.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MetadataPolicy;
import com.hazelcast.config.NetworkConfig;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;

/** The Hazelcast configuration of a member, from {@link ClusterSettings}. */
final class HazelcastConfigs {

  static final String CLUSTER_NAME = "chatbot";
  static final String STATE_MAP = "chatbot.state";
  // Not "chatbot.dedupe": its entries were one per id, of another type (docs/cluster.md, "Limits worth knowing").
  // Not "chatbot.inbox": its entries were one per message, of another type (Journal replaced them).
  static final String INBOX_MAP = "chatbot.journals";
  static final String OUTBOX_MAP = "chatbot.outbox";
  static final String DEAD_LETTERS_MAP = "chatbot.dead-letters";
  static final String IDS = "chatbot.ids";

  private HazelcastConfigs() {}

  static Config build(ClusterSettings settings) {
    // Vert.x's own default (the maps and multimap its event bus needs), then our network and maps.
    Config config = ConfigUtil.loadConfig();
    config.setClusterName(CLUSTER_NAME);
    defaultProperty(config, "hazelcast.logging.type", "slf4j");
    // The server leaves the cluster itself after draining on SIGTERM; Hazelcast's own hook would leave first.
    defaultProperty(config, "hazelcast.shutdownhook.enabled", "false");
    // Leaving hands this member's partitions to the others; bounded so a shutdown fits Kubernetes' grace period.
    defaultProperty(config, "hazelcast.graceful.shutdown.max.wait", "15");
    defaultProperty(config, "hazelcast.phone.home.enabled", "false");
    // Replicas of a Deployment start together and may form separate clusters at first: heal that within a
    // minute rather than Hazelcast's default five.
    defaultProperty(config, "hazelcast.merge.first.run.delay.seconds", "30");
    defaultProperty(config, "hazelcast.merge.next.run.delay.seconds", "30");
    // Responses handled on the IO thread that read them rather than handed to a response thread: one thread hop
    // less per map operation (Hazelcast's documented option; our callbacks only hand the result to an event loop).
    defaultProperty(config, "hazelcast.operation.response.thread.count", "0");
    // Fewer Hazelcast threads on small machines: a member's map operations and their packets are small next to its
    // event loops' work, and every thread is one more to wake per operation. Partition threads: half the cores, at
    // least one (Hazelcast's default: one per core). IO threads each way: as many, at most Hazelcast's default of
    // three. On two cores, one of each instead of two and three: a quarter fewer system calls and context switches
    // per clustered message, and less CPU (bench/README.md, session 11).
    int half = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    defaultProperty(config, "hazelcast.operation.thread.count", String.valueOf(half));
    defaultProperty(config, "hazelcast.io.thread.count", String.valueOf(Math.min(3, half)));
    // Hazelcast's own metrics feed its Management Center and JMX, which the product does not use: collected every
    // few seconds on every member for nothing (a few % of a member's CPU in JFR). Off unless asked for with -D.
    defaultProperty(config, "hazelcast.metrics.enabled", "false");
    defaultProperty(config, "hazelcast.local.localAddress", settings.host());
    defaultProperty(config, "hazelcast.socket.bind.any", "false");

    NetworkConfig network = config.getNetworkConfig();
    network.setPort(settings.port()).setPortAutoIncrement(false).setPublicAddress(settings.host() + ":" + settings.port());
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (settings.kubernetesService().isPresent()) {
      String service = settings.kubernetesService().get();
      join.getTcpIpConfig().setEnabled(false);
      join.getKubernetesConfig().setEnabled(true)
          .setProperty(settings.kubernetesDnsLookup() ? "service-dns" : "service-name", service)
          .setProperty("service-port", String.valueOf(settings.port()));
      if (!settings.kubernetesDnsLookup()) {
        // Readiness waits for membership, so members must find each other before they are ready.
        join.getKubernetesConfig().setProperty("resolve-not-ready-addresses", "true");
      }
    } else {
      join.getTcpIpConfig().setEnabled(true).setMembers(settings.members());
    }

    // Synchronous backups of every entry (one by default): losing that many members at once loses nothing.
    int backups = settings.backupCount();
    config.addMapConfig(map(STATE_MAP).setBackupCount(backups).setAsyncBackupCount(0));
    config.addMapConfig(map(DEAD_LETTERS_MAP).setBackupCount(backups).setAsyncBackupCount(0));
    // One journal per member, worked on in place (ClusterInbox), so kept as objects; it holds the dedupe ids too.
    config.addMapConfig(map(INBOX_MAP).setBackupCount(backups).setAsyncBackupCount(0)
        .setInMemoryFormat(InMemoryFormat.OBJECT));
    // The outbox keys carry their conversation's partition (see Work).
    config.addMapConfig(map(OUTBOX_MAP).setBackupCount(backups).setAsyncBackupCount(0));
    return config;
  }

  /**
   * A map of ours. Without the JSON metadata Hazelcast builds on every update by default (for queries on
   * {@code HazelcastJsonValue} fields, which no map here holds): one hash-map write per operation for nothing.
   */
  private static MapConfig map(String name) {
    return new MapConfig(name).setMetadataPolicy(MetadataPolicy.OFF);
  }

  /** Sets a Hazelcast property unless the JVM sets it ({@code -Dhazelcast...}), so operators can still tune it. */
  private static void defaultProperty(Config config, String name, String value) {
    if (System.getProperty(name) == null) {
      config.setProperty(name, value);
    }
  }
}
