package dev.chatbot.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.chatbot.logging.LogSetup;
import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import dev.chatbot.spi.Inbound;
import dev.chatbot.spi.StateBackend;
import dev.chatbot.state.BotDataStore;
import dev.chatbot.state.DeadLetters;
import dev.chatbot.state.DedupeStore;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.Outbox;
import dev.chatbot.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code STATE_STORE=cluster}: Vert.x clustered with the Hazelcast cluster manager; state, profiles, bot data, the
 * inbox (with the dedupe ids), the outbox and dead letters in Hazelcast maps (with {@code CLUSTER_BACKUP_COUNT}
 * backups each); each conversation routed to one owner member at a time, and the work of a member that died adopted
 * by the others.
 */
public final class ClusterBackend implements StateBackend {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterBackend.class);
  public static final String NAME = "cluster";
  static final String READY_PROBE_KEY = "chatbot.ready-probe";
  static final long READY_PROBE_TIMEOUT_MILLIS = 2_000;

  private HazelcastClusterManager clusterManager;
  private Vertx vertx;
  private IMap<String, String> stateMap;
  private StateStore stateStore;
  private DedupeStore dedupeStore;
  private BotDataStore botDataStore;
  private ClusterSettings settings;
  private ClusterInbox inbox;
  private ClusterOutbox outbox;
  private ClusterDeadLetters deadLetters;
  private ClusterOwnership ownership;
  private ConversationRouter router;
  private Adoption adoption;
  private SendShare sendShare;
  private PartitionEpoch epoch;
  /** Set once the cluster was safe since this member started (see {@link #ready}). */
  private volatile boolean partitionsInPlace;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<Vertx> createVertx(VertxOptions options, VertxBuilder builder, Settings settings) {
    ClusterSettings cluster;
    try {
      cluster = ClusterSettings.from(settings);
    } catch (ConfigException badSetting) {
      return Future.failedFuture(badSetting);
    }
    this.settings = cluster;
    LogSetup.quieter("com.hazelcast");
    clusterManager = new HazelcastClusterManager(HazelcastConfigs.build(cluster));
    // The event bus talks member to member on the same address as Hazelcast (its port is free unless set).
    options.getEventBusOptions()
        .setHost(cluster.host())
        .setPort(cluster.eventBusPort())
        .setClusterPublicHost(cluster.host());
    long started = System.nanoTime();
    return builder.with(options).withClusterManager(clusterManager).buildClustered()
        .recover(failure -> Future.failedFuture(new ConfigException("STATE_STORE=cluster could not start on CLUSTER_HOST="
            + cluster.host() + " CLUSTER_PORT=" + cluster.port() + ": " + firstLine(failure))))
        .compose(clustered -> openStores(clustered).recover(failure -> {
          // Not waited for: a clustered close completes after its event loops stopped (see ChatbotServer).
          clustered.close();
          return Future.failedFuture(failure);
        }))
        .onSuccess(clustered -> {
          HazelcastInstance hazelcast = clusterManager.getHazelcastInstance();
          hazelcast.getCluster().addMembershipListener(new MembershipLog());
          sendShare = new SendShare(hazelcast.getCluster());
          LOG.info("cluster joined node={} member={}:{} members={} discovery={} join_ms={}",
              clusterManager.getNodeId(), cluster.host(), cluster.port(), clusterManager.getNodes().size(),
              cluster.kubernetesService().map(service -> "kubernetes:" + service)
                  .orElse("members:" + String.join(",", cluster.members())),
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        });
  }

  private Future<Vertx> openStores(Vertx clustered) {
    this.vertx = clustered;
    HazelcastInstance hazelcast = clusterManager.getHazelcastInstance();
    String self = clusterManager.getNodeId();
    return clustered.executeBlocking(() -> {
          // Reads the dead letters the cluster has: blocking, once.
          deadLetters = new ClusterDeadLetters(hazelcast.getMap(HazelcastConfigs.DEAD_LETTERS_MAP));
          return hazelcast.<String, String>getMap(HazelcastConfigs.STATE_MAP);
        })
        .compose(state -> {
          stateMap = state;
          botDataStore = new ClusterBotDataStore(clustered, state);
          var partitions = hazelcast.getPartitionService();
          // What this member keeps in memory of the partitions it owns is trusted within one epoch.
          epoch = new PartitionEpoch(partitions).watch(hazelcast);
          // The same map, keyed by store keys or by profile keys that carry their partition (ClusterStateStore).
          ClusterStateStore states = new ClusterStateStore(clustered, hazelcast.getMap(HazelcastConfigs.STATE_MAP),
              partitions, epoch);
          stateStore = states;
          var ids = hazelcast.getFlakeIdGenerator(HazelcastConfigs.IDS);
          // A turn's settled replies are counted in its journal (see ClusterOutbox).
          outbox = new ClusterOutbox(clustered, hazelcast.getMap(HazelcastConfigs.OUTBOX_MAP), ids, self, deadLetters,
              (message, settled) -> inbox.settled(message, settled));
          // The event ids seen first go in the journals too (see ClusterDedupeStore).
          var bounds = ClusterDedupeStore.bounds(settings.dedupeWindow(), settings.dedupeMaxEntries(),
              partitions.getPartitions().size());
          inbox = new ClusterInbox(clustered, hazelcast.getMap(HazelcastConfigs.INBOX_MAP), partitions, epoch, ids,
              self, stateStore, outbox, bounds);
          dedupeStore = new ClusterDedupeStore(clustered, inbox, partitions, epoch, bounds);
          return states.start(self).map(clustered);
        });
  }

  @Override
  public StateStore stateStore() {
    return stateStore;
  }

  @Override
  public DedupeStore dedupeStore() {
    return dedupeStore;
  }

  @Override
  public BotDataStore botDataStore() {
    return botDataStore;
  }

  /** Each message in the cluster's inbox map, with its backups, before the webhook's {@code 200}. */
  @Override
  public Inbox inbox() {
    return inbox;
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  /** In a cluster map: every member lists the same ones. */
  @Override
  public DeadLetters deadLetters() {
    return deadLetters;
  }

  @Override
  public Future<Inbound> inbound(Inbound local) {
    ownership = new ClusterOwnership(clusterManager, epoch);
    router = new ConversationRouter(vertx, ownership, local);
    return router.start().map(router);
  }

  /** An equal share of each platform's send budget per member (docs/cluster.md). */
  @Override
  public java.util.function.DoubleSupplier sendShare() {
    return sendShare;
  }

  /** The work of members that die is taken over by the owners of their conversations. */
  @Override
  public void adoptWith(BiConsumer<List<Inbox.Kept>, List<Outbox.Entry>> resume) {
    Ownership owner = ownership != null ? ownership : new ClusterOwnership(clusterManager, epoch);
    String self = owner.self();
    adoption = new Adoption(vertx, clusterManager, inbox, outbox,
        conversation -> owner.ownerOf(conversation).equals(self), resume);
    adoption.start();
  }

  /**
   * Ready when this member is in the cluster and the state map answers, and once the cluster's partitions and their
   * backups were all in place at some moment since it started: a member that joins is not ready while the data moves
   * to it, so a rolling update does not stop the next member while some data has a single copy (a kill then would
   * lose it). Only once: a member that dies later makes the cluster unsafe for a while, and that must not take every
   * member out of the load balancer.
   */
  @Override
  public Future<Boolean> ready() {
    try {
      if (clusterManager == null || !clusterManager.isActive()
          || !clusterManager.getNodes().contains(clusterManager.getNodeId())) {
        return Future.succeededFuture(false);
      }
      return Hz.future(stateMap.getAsync(READY_PROBE_KEY))
          .compose(any -> partitionsInPlaceOnce())
          .timeout(READY_PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (RuntimeException notInTheCluster) {
      // Hazelcast throws once its instance is no longer running.
      return Future.succeededFuture(false);
    }
  }

  /** Whether the cluster was safe (no migration, every backup in sync) at least once since this member started. */
  private Future<Boolean> partitionsInPlaceOnce() {
    if (partitionsInPlace) {
      return Future.succeededFuture(true);
    }
    // Hazelcast asks every member: blocking, off the event loop.
    return vertx.executeBlocking(() -> {
      partitionsInPlace = clusterManager.getHazelcastInstance().getPartitionService().isClusterSafe();
      return partitionsInPlace;
    }, false);
  }

  /**
   * Takes no more work from the other members (forwarded messages, adopted ones) and completes once what was taken
   * is queued: the server then waits for its dispatcher to be idle, and only then leaves the cluster.
   */
  @Override
  public Future<Void> drain() {
    Future<Void> adoptionStopped = adoption == null ? Future.succeededFuture() : adoption.stop();
    Future<Void> routerStopped = router == null ? Future.succeededFuture() : router.stop();
    return Future.join(adoptionStopped, routerStopped).mapEmpty();
  }

  /** Who owns which conversation; set once {@link #inbound} ran. */
  Ownership ownership() {
    return ownership;
  }

  private static String firstLine(Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
