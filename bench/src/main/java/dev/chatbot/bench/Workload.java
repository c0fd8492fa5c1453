package dev.chatbot.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * One kind of signed webhook the loadgen sends. Each message carries a unique platform id (so dedupe never drops
 * it) and, for echo workloads, a unique correlation token in its text that the echo bot sends back verbatim.
 */
abstract class Workload {

  static final String SHOE_SEED =
      "I need a pair of brown dress shoes, size 10 1/2, leather, and I like Johnson and Murphy";

  /** A signed request ready to send. */
  record Signed(String path, MultiMap headers, Buffer body) {}

  final String name;
  final boolean echo;

  Workload(String name, boolean echo) {
    this.name = name;
    this.echo = echo;
  }

  static Workload named(String name) {
    return switch (name) {
      case "messenger-echo" -> new Messenger(name, true);
      case "messenger-shoe" -> new Messenger(name, false);
      case "slack-echo" -> new Slack(name, true);
      case "slack-shoe" -> new Slack(name, false);
      default -> throw new IllegalArgumentException(
          "unknown workload '" + name + "' (messenger-echo, slack-echo, messenger-shoe, slack-shoe)");
    };
  }

  /** The id the platform API stub sees as the reply's recipient for user number {@code user}. */
  abstract String recipient(int user);

  abstract Signed build(int user, String uniqueId, String token);

  String text(String token) {
    return echo ? "bench echo " + token : SHOE_SEED;
  }

  static final class Messenger extends Workload {
    private final Hmac hmac = new Hmac(Secrets.MESSENGER_APP_SECRET);

    Messenger(String name, boolean echo) {
      super(name, echo);
    }

    @Override
    String recipient(int user) {
      return String.valueOf(7_000_000_000_000_000L + user);
    }

    @Override
    Signed build(int user, String uniqueId, String token) {
      long now = System.currentTimeMillis();
      String json = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + Secrets.PAGE_ID + "\",\"time\":" + now
          + ",\"messaging\":[{\"sender\":{\"id\":\"" + recipient(user) + "\"},\"recipient\":{\"id\":\""
          + Secrets.PAGE_ID + "\"},\"timestamp\":" + now + ",\"message\":{\"mid\":\"m_" + uniqueId
          + "\",\"text\":\"" + text(token) + "\"}}]}]}";
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      MultiMap headers = MultiMap.caseInsensitiveMultiMap()
          .add(HttpHeaders.CONTENT_TYPE, "application/json")
          .add("X-Hub-Signature-256", "sha256=" + hmac.hex(bytes));
      return new Signed("/webhooks/messenger", headers, Buffer.buffer(bytes));
    }
  }

  static final class Slack extends Workload {
    private final Hmac hmac = new Hmac(Secrets.SLACK_SIGNING_SECRET);

    Slack(String name, boolean echo) {
      super(name, echo);
    }

    @Override
    String recipient(int user) {
      return "DBENCH" + user;
    }

    @Override
    Signed build(int user, String uniqueId, String token) {
      long nowMillis = System.currentTimeMillis();
      String ts = String.valueOf(nowMillis / 1000);
      String eventTs = (nowMillis / 1000) + "." + String.format("%06d", (nowMillis % 1000) * 1000);
      String json = "{\"token\":\"bench\",\"team_id\":\"TBENCH\",\"api_app_id\":\"ABENCH\",\"event\":{\"type\":\"message\","
          + "\"channel\":\"" + recipient(user) + "\",\"user\":\"UBENCH" + user + "\",\"text\":\"" + text(token)
          + "\",\"ts\":\"" + eventTs + "\",\"channel_type\":\"im\",\"event_ts\":\"" + eventTs + "\"},"
          + "\"type\":\"event_callback\",\"event_id\":\"Ev" + uniqueId + "\",\"event_time\":" + (nowMillis / 1000) + "}";
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      MultiMap headers = MultiMap.caseInsensitiveMultiMap()
          .add(HttpHeaders.CONTENT_TYPE, "application/json")
          .add("X-Slack-Request-Timestamp", ts)
          .add("X-Slack-Signature", "v0=" + hmac.hex(("v0:" + ts + ":").getBytes(StandardCharsets.US_ASCII), bytes));
      return new Signed("/webhooks/slack/events", headers, Buffer.buffer(bytes));
    }
  }
}
