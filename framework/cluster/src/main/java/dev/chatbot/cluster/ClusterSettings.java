package dev.chatbot.cluster;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import dev.chatbot.state.MemoryDedupeStore;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The cluster variables of SPEC §2, read and checked once: a wrong value stops startup with one line naming it.
 *
 * @param host {@code CLUSTER_HOST}: the address this member binds and announces (Hazelcast and the event bus)
 * @param port {@code CLUSTER_PORT}: this member's Hazelcast port
 * @param members {@code CLUSTER_MEMBERS}: {@code host:port} entries for the TCP/IP join (may include this member)
 * @param kubernetesService {@code CLUSTER_KUBERNETES_SERVICE}: a headless Service to discover members through
 * @param eventBusPort {@code CLUSTER_EVENT_BUS_PORT}: the event bus port on {@code host}, 0 for any free one
 * @param backupCount {@code CLUSTER_BACKUP_COUNT}: synchronous backup copies of every entry on other members
 * @param dedupeWindow {@code DEDUPE_WINDOW_SECONDS}: how long an event id is remembered
 * @param dedupeMaxEntries {@code DEDUPE_MAX_ENTRIES}: event ids the cluster remembers, spread over the partitions
 *     (see {@link ClusterDedupeStore})
 */
record ClusterSettings(String host, int port, List<String> members, Optional<String> kubernetesService,
    int eventBusPort, int backupCount, Duration dedupeWindow, int dedupeMaxEntries) {

  static final String DEFAULT_HOST = "127.0.0.1";
  static final int DEFAULT_PORT = 5701;
  static final int DEFAULT_BACKUP_COUNT = 1;
  /** Hazelcast's own limit. */
  static final int MAX_BACKUP_COUNT = 6;
  // A Kubernetes Service name (DNS-1035 label), or a DNS name of one (with dots) for DNS lookup discovery.
  private static final Pattern SERVICE = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  static ClusterSettings from(Settings settings) {
    String host = settings.get("CLUSTER_HOST", DEFAULT_HOST);
    int port = settings.getInt("CLUSTER_PORT", DEFAULT_PORT, 1, 65535);
    int eventBusPort = settings.getInt("CLUSTER_EVENT_BUS_PORT", 0, 0, 65535);
    int backupCount = settings.getInt("CLUSTER_BACKUP_COUNT", DEFAULT_BACKUP_COUNT, 0, MAX_BACKUP_COUNT);
    // The same variables and bounds as one process (docs/cluster.md says what the bound means in a cluster).
    Duration window = MemoryDedupeStore.window(settings);
    int maxEntries = MemoryDedupeStore.maxEntries(settings);
    Optional<String> members = settings.get("CLUSTER_MEMBERS");
    Optional<String> service = settings.get("CLUSTER_KUBERNETES_SERVICE");
    if (members.isPresent() && service.isPresent()) {
      throw new ConfigException("CLUSTER_MEMBERS and CLUSTER_KUBERNETES_SERVICE are both set: "
          + "find the members one way, a list or a Kubernetes Service");
    }
    checkLocalAddress(host);
    if (service.isPresent()) {
      if (!SERVICE.matcher(service.get()).matches()) {
        throw new ConfigException("CLUSTER_KUBERNETES_SERVICE must be a Service name like 'chatbot-cluster' "
            + "(or its DNS name), got '" + service.get() + "'");
      }
      if (isLoopback(host)) {
        throw new ConfigException("CLUSTER_HOST must be this pod's own address (fieldRef status.podIP) with "
            + "CLUSTER_KUBERNETES_SERVICE, got '" + host + "'");
      }
    }
    List<String> memberList = members.map(ClusterSettings::parseMembers).orElse(List.of(host + ":" + port));
    return new ClusterSettings(host, port, memberList, service, eventBusPort, backupCount,
        window, maxEntries);
  }

  /** Kubernetes discovery: by a plain Service name through the API (needs RBAC), by a DNS name through DNS. */
  boolean kubernetesDnsLookup() {
    return kubernetesService.map(name -> name.contains(".")).orElse(false);
  }

  private static List<String> parseMembers(String raw) {
    List<String> members = new ArrayList<>();
    for (String entry : raw.split(",")) {
      String member = entry.trim();
      int colon = member.lastIndexOf(':');
      if (member.isEmpty() || colon <= 0 || colon == member.length() - 1) {
        throw badMembers(raw);
      }
      try {
        int port = Integer.parseInt(member.substring(colon + 1));
        if (port < 1 || port > 65535) {
          throw badMembers(raw);
        }
      } catch (NumberFormatException e) {
        throw badMembers(raw);
      }
      members.add(member);
    }
    return List.copyOf(members);
  }

  private static ConfigException badMembers(String raw) {
    return new ConfigException("CLUSTER_MEMBERS must be host:port entries separated by commas "
        + "(e.g. 10.0.0.1:5701,10.0.0.2:5701), got '" + raw + "'");
  }

  // Startup only (not on an event loop): a typo here would otherwise show up as an obscure bind error.
  private static void checkLocalAddress(String host) {
    try {
      InetAddress address = InetAddress.getByName(host);
      if (!address.isLoopbackAddress() && !address.isAnyLocalAddress()
          && NetworkInterface.getByInetAddress(address) == null) {
        throw new ConfigException("CLUSTER_HOST " + host + " is not an address of this machine");
      }
      if (address.isAnyLocalAddress()) {
        throw new ConfigException("CLUSTER_HOST must be an address the other members can reach, not " + host);
      }
    } catch (UnknownHostException | SocketException e) {
      throw new ConfigException("CLUSTER_HOST " + host + " is not a known address");
    }
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
