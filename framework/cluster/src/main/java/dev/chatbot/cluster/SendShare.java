package dev.chatbot.cluster;

import com.hazelcast.cluster.Cluster;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import java.util.function.DoubleSupplier;

/**
 * This member's lease on each platform's send budget: an equal share, 1/n of the configured rate with n members,
 * updated as members join and leave. Together the members keep to the platform's limit without a round trip per
 * message; a member with less to send leaves part of its share unused.
 */
final class SendShare implements MembershipListener, DoubleSupplier {

  private volatile int members;

  SendShare(Cluster cluster) {
    cluster.addMembershipListener(this);
    members = Math.max(1, cluster.getMembers().size());
  }

  @Override
  public double getAsDouble() {
    return 1.0 / members;
  }

  @Override
  public void memberAdded(MembershipEvent event) {
    members = Math.max(1, event.getMembers().size());
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    members = Math.max(1, event.getMembers().size());
  }
}
