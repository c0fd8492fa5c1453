package dev.chatbot.cluster;

import com.hazelcast.core.HazelcastInstance;
import dev.chatbot.logging.LogSetup;
import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import dev.chatbot.spi.Inbound;
import dev.chatbot.spi.StateBackend;
import dev.chatbot.state.BotDataStore;
import dev.chatbot.state.DeadLetters;
import dev.chatbot.state.DedupeStore;
import dev.chatbot.state.Inbox;
import dev.chatbot.state.MemoryDeadLetters;
import dev.chatbot.state.MemoryDedupeStore;
import dev.chatbot.state.Outbox;
import dev.chatbot.state.StateStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code STATE_STORE=cluster}: Vert.x clustered with the Hazelcast cluster manager; state, profiles and dedupe in
 * Hazelcast maps (one backup each); each conversation routed to one owner member at a time.
 */
public final class ClusterBackend implements StateBackend {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterBackend.class);
  public static final String NAME = "cluster";
  static final String READY_PROBE_KEY = "chatbot.ready-probe";
  static final long READY_PROBE_TIMEOUT_MILLIS = 2_000;

  private HazelcastClusterManager clusterManager;
  private Vertx vertx;
  private AsyncMap<String, JsonObject> stateMap;
  private StateStore stateStore;
  private DedupeStore dedupeStore;
  private BotDataStore botDataStore;
  private Inbox inbox;
  private final DeadLetters deadLetters = new MemoryDeadLetters();
  private final Outbox outbox = Outbox.unlogged(deadLetters);
  private ClusterOwnership ownership;
  private ConversationRouter router;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<Vertx> createVertx(VertxOptions options, VertxBuilder builder, Settings settings) {
    ClusterSettings cluster = ClusterSettings.from(settings);
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
          LOG.info("cluster joined node={} member={}:{} members={} discovery={} join_ms={}",
              clusterManager.getNodeId(), cluster.host(), cluster.port(), clusterManager.getNodes().size(),
              cluster.kubernetesService().map(service -> "kubernetes:" + service)
                  .orElse("members:" + String.join(",", cluster.members())),
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        });
  }

  private Future<Vertx> openStores(Vertx clustered) {
    this.vertx = clustered;
    return clustered.sharedData().<String, JsonObject>getAsyncMap(HazelcastConfigs.STATE_MAP)
        .compose(state -> clustered.sharedData().<String, Boolean>getAsyncMap(HazelcastConfigs.DEDUPE_MAP)
            .map(dedupe -> {
              stateMap = state;
              botDataStore = new ClusterBotDataStore(state);
              stateStore = new ClusterStateStore(state);
              inbox = Inbox.unlogged(stateStore);
              dedupeStore = new ClusterDedupeStore(dedupe, MemoryDedupeStore.DEFAULT_WINDOW);
              return clustered;
            }));
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

  /** State changes go straight to the cluster's maps; the messages themselves are not kept (docs/cluster.md). */
  @Override
  public Inbox inbox() {
    return inbox;
  }

  @Override
  public Outbox outbox() {
    return outbox;
  }

  /** Kept by the member where the reply failed. */
  @Override
  public DeadLetters deadLetters() {
    return deadLetters;
  }

  @Override
  public Future<Inbound> inbound(Inbound local) {
    ownership = new ClusterOwnership(clusterManager);
    router = new ConversationRouter(vertx, ownership, local);
    return router.start().map(router);
  }

  /** Ready when this member is in the cluster and the state map answers. */
  @Override
  public Future<Boolean> ready() {
    try {
      if (clusterManager == null || !clusterManager.isActive()
          || !clusterManager.getNodes().contains(clusterManager.getNodeId())) {
        return Future.succeededFuture(false);
      }
      return stateMap.get(READY_PROBE_KEY).timeout(READY_PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).map(any -> true);
    } catch (RuntimeException notInTheCluster) {
      // Hazelcast throws once its instance is no longer running.
      return Future.succeededFuture(false);
    }
  }

  @Override
  public Future<Void> drain() {
    return router == null ? Future.succeededFuture() : router.stop();
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
