package dev.chatbot.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs members joining and leaving. A Hazelcast listener rather than the cluster manager's {@code NodeListener}:
 * the cluster manager has a single listener slot, which Vert.x's event bus uses to clean up after a lost node.
 */
final class MembershipLog implements MembershipListener {

  private static final Logger LOG = LoggerFactory.getLogger(MembershipLog.class);

  @Override
  public void memberAdded(MembershipEvent event) {
    LOG.info("cluster member_joined member={} node={} members={}",
        address(event.getMember()), ClusterOwnership.nodeId(event.getMember()), event.getMembers().size());
  }

  @Override
  public void memberRemoved(MembershipEvent event) {
    LOG.warn("cluster member_left member={} node={} members={}",
        address(event.getMember()), ClusterOwnership.nodeId(event.getMember()), event.getMembers().size());
  }

  private static String address(Member member) {
    return member.getAddress().getHost() + ":" + member.getAddress().getPort();
  }
}
