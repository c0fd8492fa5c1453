package dev.chatbot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import dev.chatbot.testkit.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cluster variables: defaults, the Hazelcast configuration they make, and one clear line for each mistake. */
class ClusterSettingsTest {

  @Test
  void defaultsToAOneMemberClusterOnLoopbackPort5701() {
    ClusterSettings settings = ClusterSettings.from(Settings.of(Map.of()));
    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.port()).isEqualTo(5701);
    assertThat(settings.members()).containsExactly("127.0.0.1:5701");
    assertThat(settings.eventBusPort()).isZero();
  }

  @Test
  void membersMakeATcpIpJoinWithoutMulticast() {
    Config config = HazelcastConfigs.build(ClusterSettings.from(Settings.of(Map.of(
        "CLUSTER_PORT", "5801", "CLUSTER_MEMBERS", "127.0.0.1:5801, 127.0.0.1:5802,localhost:5803"))));
    JoinConfig join = config.getNetworkConfig().getJoin();
    assertThat(join.getTcpIpConfig().isEnabled()).isTrue();
    assertThat(join.getTcpIpConfig().getMembers()).containsExactly("127.0.0.1:5801", "127.0.0.1:5802", "localhost:5803");
    assertThat(join.getMulticastConfig().isEnabled()).isFalse();
    assertThat(join.getAutoDetectionConfig().isEnabled()).isFalse();
    assertThat(join.getKubernetesConfig().isEnabled()).isFalse();
    assertThat(config.getNetworkConfig().getPort()).isEqualTo(5801);
    assertThat(config.getNetworkConfig().isPortAutoIncrement()).isFalse();
    assertThat(config.getMapConfig(HazelcastConfigs.STATE_MAP).getBackupCount()).isEqualTo(1);
  }

  /**
   * Half as many partition threads as cores, at least one, and as many IO threads each way, at most three, unless the
   * JVM sets Hazelcast's properties itself.
   */
  @Test
  void aMemberRunsFewerHazelcastThreadsOnASmallMachineUnlessTold() {
    int half = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    Map<String, String> expected = Map.of("hazelcast.operation.thread.count", String.valueOf(half),
        "hazelcast.io.thread.count", String.valueOf(Math.min(3, half)));
    expected.forEach((property, value) -> {
      // The vert.x-hazelcast default it starts from sets none of Hazelcast's thread counts.
      assertThat(io.vertx.spi.cluster.hazelcast.ConfigUtil.loadConfig().getProperty(property)).isNull();
      assertThat(HazelcastConfigs.build(ClusterSettings.from(Settings.of(Map.of()))).getProperty(property))
          .as(property).isEqualTo(value);
      System.setProperty(property, "5");
      try {
        assertThat(HazelcastConfigs.build(ClusterSettings.from(Settings.of(Map.of()))).getProperty(property))
            .as("-D" + property + " wins").isEqualTo("5");
      } finally {
        System.clearProperty(property);
      }
    });
  }

  @Test
  void aKubernetesServiceNameUsesTheKubernetesApiAndADnsNameUsesDns() throws IOException {
    String podIp = nonLoopbackAddress();
    JoinConfig api = HazelcastConfigs.build(ClusterSettings.from(Settings.of(Map.of(
        "CLUSTER_HOST", podIp, "CLUSTER_KUBERNETES_SERVICE", "chatbot-cluster")))).getNetworkConfig().getJoin();
    assertThat(api.getKubernetesConfig().isEnabled()).isTrue();
    assertThat(api.getKubernetesConfig().getProperty("service-name")).isEqualTo("chatbot-cluster");
    assertThat(api.getKubernetesConfig().getProperty("service-port")).isEqualTo("5701");
    assertThat(api.getTcpIpConfig().isEnabled()).isFalse();
    assertThat(api.getMulticastConfig().isEnabled()).isFalse();

    JoinConfig dns = HazelcastConfigs.build(ClusterSettings.from(Settings.of(Map.of("CLUSTER_HOST", podIp,
        "CLUSTER_KUBERNETES_SERVICE", "chatbot-cluster.shop.svc.cluster.local")))).getNetworkConfig().getJoin();
    assertThat(dns.getKubernetesConfig().getProperty("service-dns")).isEqualTo("chatbot-cluster.shop.svc.cluster.local");
    assertThat(dns.getKubernetesConfig().getProperty("service-name")).isNull();
  }

  @Test
  void eachBadValueStopsStartupWithOneLineNamingTheVariable() {
    assertBad(Map.of("CLUSTER_PORT", "70000"), "CLUSTER_PORT");
    assertBad(Map.of("CLUSTER_PORT", "five"), "CLUSTER_PORT");
    assertBad(Map.of("CLUSTER_MEMBERS", "127.0.0.1"), "CLUSTER_MEMBERS");
    assertBad(Map.of("CLUSTER_MEMBERS", "127.0.0.1:5701,:5702"), "CLUSTER_MEMBERS");
    assertBad(Map.of("CLUSTER_MEMBERS", "127.0.0.1:99999"), "CLUSTER_MEMBERS");
    assertBad(Map.of("CLUSTER_HOST", "no-such-host.invalid"), "CLUSTER_HOST");
    assertBad(Map.of("CLUSTER_HOST", "0.0.0.0"), "CLUSTER_HOST");
    assertBad(Map.of("CLUSTER_KUBERNETES_SERVICE", "Bad_Name"), "CLUSTER_KUBERNETES_SERVICE");
    assertBad(Map.of("CLUSTER_KUBERNETES_SERVICE", "chatbot-cluster"), "CLUSTER_HOST");
    assertBad(Map.of("CLUSTER_MEMBERS", "127.0.0.1:5701", "CLUSTER_KUBERNETES_SERVICE", "chatbot-cluster"),
        "CLUSTER_MEMBERS and CLUSTER_KUBERNETES_SERVICE");
    assertBad(Map.of("CLUSTER_EVENT_BUS_PORT", "-1"), "CLUSTER_EVENT_BUS_PORT");
    assertBad(Map.of("CLUSTER_BACKUP_COUNT", "7"), "CLUSTER_BACKUP_COUNT");
    assertBad(Map.of("DEDUPE_WINDOW_SECONDS", "60"), "DEDUPE_WINDOW_SECONDS");
    assertBad(Map.of("DEDUPE_MAX_ENTRIES", "10"), "DEDUPE_MAX_ENTRIES");
  }

  @Test
  void theBackupCountAppliesToEveryMapAndTheDedupeSettingsAreRead() {
    ClusterSettings settings = ClusterSettings.from(Settings.of(Map.of(
        "CLUSTER_BACKUP_COUNT", "2", "DEDUPE_WINDOW_SECONDS", "1800", "DEDUPE_MAX_ENTRIES", "50000")));
    assertThat(settings.dedupeWindow()).isEqualTo(java.time.Duration.ofMinutes(30));
    Config config = HazelcastConfigs.build(settings);
    for (String map : List.of(HazelcastConfigs.STATE_MAP, HazelcastConfigs.INBOX_MAP,
        HazelcastConfigs.OUTBOX_MAP, HazelcastConfigs.DEAD_LETTERS_MAP)) {
      assertThat(config.getMapConfig(map).getBackupCount()).as("backups of %s", map).isEqualTo(2);
      assertThat(config.getMapConfig(map).getAsyncBackupCount()).as("asynchronous backups of %s", map).isZero();
    }
    for (String map : List.of(HazelcastConfigs.STATE_MAP, HazelcastConfigs.INBOX_MAP, HazelcastConfigs.OUTBOX_MAP,
        HazelcastConfigs.DEAD_LETTERS_MAP)) {
      assertThat(config.getMapConfig(map).getMetadataPolicy()).as("JSON metadata of %s", map)
          .isEqualTo(com.hazelcast.config.MetadataPolicy.OFF);
    }
    // The journals, which hold the dedupe ids too, are worked on in place (ClusterDedupeStoreTest).
    assertThat(config.getMapConfig(HazelcastConfigs.INBOX_MAP).getInMemoryFormat()).isEqualTo(InMemoryFormat.OBJECT);
    assertThat(settings.dedupeMaxEntries()).isEqualTo(50_000);
  }

  @Test
  void theServerRefusesToStartOnABadClusterVariable() {
    Throwable failure = TestServer.startFailure(Map.of("STATE_STORE", "cluster", "CLUSTER_MEMBERS", "nonsense"));
    assertThat(failure).isInstanceOf(ConfigException.class);
    assertThat(failure.getMessage()).startsWith("CLUSTER_MEMBERS").doesNotContain("\n");
  }

  @Test
  void aClusterPortInUseStopsStartupNamingIt() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      String port = String.valueOf(taken.getLocalPort());
      Throwable failure = TestServer.startFailure(Map.of("STATE_STORE", "cluster", "CLUSTER_PORT", port));
      assertThat(failure).isInstanceOf(ConfigException.class);
      assertThat(failure.getMessage()).contains("CLUSTER_PORT=" + port).doesNotContain("\n");
    }
  }

  @Test
  void aMemberThatCannotListenLeavesTheClusterAndStopsWithOneLine() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      Throwable failure = TestServer.startFailure(Map.of("STATE_STORE", "cluster", "BOT", "echo",
          "CLUSTER_PORT", String.valueOf(TestServer.freePort()), "HTTP_PORT", String.valueOf(taken.getLocalPort())));
      assertThat(failure).isInstanceOf(ConfigException.class);
      assertThat(failure.getMessage()).startsWith("HTTP_PORT").doesNotContain("\n");
    }
  }

  private static void assertBad(Map<String, String> env, String named) {
    assertThatThrownBy(() -> ClusterSettings.from(Settings.of(env)))
        .as("%s", env)
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(named)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  /** An address of this machine that is not loopback, as a pod IP would be. */
  private static String nonLoopbackAddress() throws IOException {
    for (var network : List.copyOf(java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()))) {
      for (var address : java.util.Collections.list(network.getInetAddresses())) {
        if (!address.isLoopbackAddress() && address instanceof java.net.Inet4Address) {
          return address.getHostAddress();
        }
      }
    }
    throw new AssertionError("this machine has no non-loopback IPv4 address");
  }
}
