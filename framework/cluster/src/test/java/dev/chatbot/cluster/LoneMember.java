package dev.chatbot.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.MapConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/** A Hazelcast member on its own, joining nothing: for the tests of one map or store. */
final class LoneMember {

  private LoneMember() {}

  static HazelcastInstance start(String name, MapConfig... maps) {
    Config config = new Config().setClusterName(name + "-" + System.nanoTime());
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.getNetworkConfig().setPort(0).getJoin().getMulticastConfig().setEnabled(false);
    config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
    for (MapConfig map : maps) {
      config.addMapConfig(map);
    }
    return Hazelcast.newHazelcastInstance(config);
  }
}
