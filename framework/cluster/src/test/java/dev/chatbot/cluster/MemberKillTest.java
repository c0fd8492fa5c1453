package dev.chatbot.cluster;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.meta.MetaWebhooks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4 in cluster mode: three members in child processes, the Messenger Send API failing, messages acknowledged
 * by every member; one member is killed with SIGKILL while it holds acknowledged messages and unsent replies. Once
 * the API heals, every acknowledged message is answered exactly once, in order, by the members that live on.
 */
class MemberKillTest extends ProcessClusterTest {

  private static final int CONVERSATIONS = 18;

  @Test
  void theMessagesAndRepliesOfAKilledMemberAreAnsweredOnceByTheOthers() throws Exception {
    StubMapping failing = graph.wireMock().stubFor(post(urlPathEqualTo(ProcessCluster.SEND_PATH)).atPriority(1)
        .willReturn(GraphApiStub.graphError(500, 2, "Service temporarily unavailable")));
    // Retried about every second for about a minute: the stub decides when the platform heals.
    cluster = new ProcessCluster(graph, 3,
        "SEND_RETRY_BASE_MILLIS", "2000", "SEND_RETRY_MAX_MILLIS", "2000", "SEND_MAX_ATTEMPTS", "50");
    List<MemberProcess> members = cluster.members();

    // Two messages per conversation, round-robin over the members: each first reply is retried, each second
    // message waits behind it in the inbox of the conversation's owner.
    Map<String, List<String>> sent = new LinkedHashMap<>();
    int webhook = 0;
    for (int round = 1; round <= 2; round++) {
      for (int c = 0; c < CONVERSATIONS; c++) {
        String user = "user-" + c;
        String text = user + " message " + round;
        ProcessCluster.webhooks(members.get(webhook++ % members.size()))
            .deliver(MetaWebhooks.messengerText(user, text));
        sent.computeIfAbsent(user, u -> new ArrayList<>()).add(text);
      }
    }
    MemberProcess.awaitTrue("a failed send to every conversation", Duration.ofSeconds(60),
        () -> recipients(500).size() == CONVERSATIONS);

    // The victim is a member retrying a reply, so it surely owns pending work: right after a start the partitions
    // may not have reached every member yet, and a member that owns nothing leaves nothing to take over.
    MemberProcess victim = members.stream().filter(member -> member.output().contains("graph call failed"))
        .findFirst().orElseThrow();
    victim.kill();
    List<MemberProcess> survivors = members.stream().filter(member -> member != victim).toList();
    graph.wireMock().removeStub(failing);

    awaitOrExplain("every acknowledged message answered", Duration.ofSeconds(90),
        () -> accepted().size() >= 2 * CONVERSATIONS);
    assertThat(survivors.stream().anyMatch(member -> member.output().contains("cluster adopted")))
        .as("a survivor took over the killed member's work").isTrue();

    // A last message per conversation, then everything arrived: any repeat of an earlier reply would be before it.
    int next = 0;
    for (int c = 0; c < CONVERSATIONS; c++) {
      String user = "user-" + c;
      ProcessCluster.webhooks(survivors.get(next++ % 2)).deliver(MetaWebhooks.messengerText(user, user + " last"));
      sent.get(user).add(user + " last");
    }
    awaitOrExplain("every last message answered", Duration.ofSeconds(60),
        () -> accepted().size() >= 3 * CONVERSATIONS);
    assertThat(ProcessCluster.textsByRecipient(accepted())).isEqualTo(sent);
  }

  private Set<String> recipients(int status) {
    return ProcessCluster.textsByRecipient(ProcessCluster.sends(graph, status)).keySet();
  }
}
