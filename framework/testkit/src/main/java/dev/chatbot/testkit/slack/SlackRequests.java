package dev.chatbot.testkit.slack;

import dev.chatbot.spi.Signatures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests as Slack sends them, signed with the signing secret the server was given (the same HMAC code the server
 * verifies with, {@link Signatures}). Each builder returns a {@link SlackRequest} that can be made wrong on purpose
 * ({@link SlackRequest#wronglySigned()}, {@link SlackRequest#stale()}, {@link SlackRequest#unsigned()}) or marked as
 * a redelivery ({@link SlackRequest#retry(int)}) before it is posted.
 *
 * <pre>{@code
 * SlackRequests slack = new SlackRequests(SECRET);
 * slack.event(SlackRequests.message("C123", "U123", "hi")).post(server.url("")); // 200
 * }</pre>
 */
public final class SlackRequests {

  public static final String TEAM_ID = "T0TESTTEAM";
  public static final String APP_ID = "A0TESTAPP";
  /** The bot's own user id, as the envelope's {@code authorizations} names it. */
  public static final String BOT_USER_ID = "U0TESTBOT";
  public static final String EVENTS_PATH = "/webhooks/slack/events";
  public static final String INTERACTIONS_PATH = "/webhooks/slack/interactions";
  public static final String COMMANDS_PATH = "/webhooks/slack/commands";

  private static final HttpClient HTTP = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final String signingSecret;

  public SlackRequests(String signingSecret) {
    this.signingSecret = signingSecret;
  }

  /** {@code "v0=" + hex HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)}: Slack's request signature. */
  public static String signature(String secret, String timestamp, byte[] body) {
    byte[] prefix = ("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8);
    byte[] base = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, base, 0, prefix.length);
    System.arraycopy(body, 0, base, prefix.length, body.length);
    return "v0=" + Signatures.hmacSha256Hex(secret, base);
  }

  /** A fresh, unique message {@code ts} ("seconds.sequence"). */
  public static String nextTs() {
    return Instant.now().getEpochSecond() + "." + String.format("%06d", SEQUENCE.incrementAndGet() % 1_000_000);
  }

  /** A fresh, unique {@code event_id}. */
  public static String nextEventId() {
    return "Ev0TEST" + SEQUENCE.incrementAndGet();
  }

  /** A user's {@code message} event in {@code channel} (a {@code C...} channel; {@code D...} for a DM). */
  public static JsonObject message(String channel, String user, String text) {
    String ts = nextTs();
    return new JsonObject().put("type", "message").put("channel", channel).put("user", user).put("text", text)
        .put("ts", ts).put("event_ts", ts).put("channel_type", channel.startsWith("D") ? "im" : "channel");
  }

  /** The same message as a reply in the thread started by {@code threadTs}. */
  public static JsonObject threadReply(String channel, String user, String text, String threadTs) {
    return message(channel, user, text).put("thread_ts", threadTs);
  }

  /** An {@code app_mention} event: {@code <@BOT> text}. */
  public static JsonObject appMention(String channel, String user, String text) {
    JsonObject event = message(channel, user, "<@" + BOT_USER_ID + "> " + text).put("type", "app_mention");
    event.remove("channel_type");
    return event;
  }

  /** An {@code event_callback} envelope around {@code event}, with a new {@code event_id}. */
  public SlackRequest event(JsonObject event) {
    return event(nextEventId(), event);
  }

  public SlackRequest event(String eventId, JsonObject event) {
    JsonObject envelope = new JsonObject()
        .put("token", "verification-token-unused")
        .put("team_id", TEAM_ID)
        .put("api_app_id", APP_ID)
        .put("event", event)
        .put("type", "event_callback")
        .put("event_id", eventId)
        .put("event_time", Instant.now().getEpochSecond())
        .put("authorizations", new JsonArray().add(new JsonObject().putNull("enterprise_id").put("team_id", TEAM_ID)
            .put("user_id", BOT_USER_ID).put("is_bot", true).put("is_enterprise_install", false)))
        .put("is_ext_shared_channel", false)
        .put("event_context", "4-test");
    return signed(EVENTS_PATH, "application/json", envelope.encode());
  }

  public SlackRequest urlVerification(String challenge) {
    return signed(EVENTS_PATH, "application/json", new JsonObject().put("token", "verification-token-unused")
        .put("challenge", challenge).put("type", "url_verification").encode());
  }

  /** An interactivity request: {@code payload=<json>}, form-encoded. */
  public SlackRequest interaction(JsonObject payload) {
    return signed(INTERACTIONS_PATH, "application/x-www-form-urlencoded", form(Map.of("payload", payload.encode())));
  }

  /**
   * A {@code block_actions} tap on a button ({@code value}, {@code text}) of a message the bot posted to
   * {@code channel}; {@code threadTs} is that message's thread, or null.
   */
  public SlackRequest buttonTap(String channel, String user, String actionId, String text, String value,
      String threadTs) {
    String messageTs = nextTs();
    JsonObject message = new JsonObject().put("type", "message").put("user", BOT_USER_ID).put("bot_id", "B0TESTBOT")
        .put("ts", messageTs).put("text", "buttons");
    JsonObject container = new JsonObject().put("type", "message").put("message_ts", messageTs)
        .put("channel_id", channel).put("is_ephemeral", false);
    if (threadTs != null) {
      message.put("thread_ts", threadTs);
      container.put("thread_ts", threadTs);
    }
    JsonObject payload = new JsonObject()
        .put("type", "block_actions")
        .put("user", new JsonObject().put("id", user).put("username", "shopper").put("name", "shopper")
            .put("team_id", TEAM_ID))
        .put("api_app_id", APP_ID)
        .put("token", "verification-token-unused")
        .put("container", container)
        .put("trigger_id", SEQUENCE.incrementAndGet() + ".1234.abcdef")
        .put("team", new JsonObject().put("id", TEAM_ID).put("domain", "test"))
        .put("channel", new JsonObject().put("id", channel).put("name", "shoes"))
        .put("message", message)
        .put("response_url", "https://hooks.slack.com/actions/T0TESTTEAM/1/unused")
        .put("actions", new JsonArray().add(new JsonObject()
            .put("action_id", actionId)
            .put("block_id", "b" + SEQUENCE.incrementAndGet())
            .put("text", new JsonObject().put("type", "plain_text").put("text", text).put("emoji", true))
            .put("value", value)
            .put("type", "button")
            .put("action_ts", nextTs())));
    return interaction(payload);
  }

  /** A slash command ({@code command} like {@code /shoes}) typed in {@code channel}. */
  public SlackRequest command(String command, String text, String channel, String user) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("token", "verification-token-unused");
    fields.put("team_id", TEAM_ID);
    fields.put("team_domain", "test");
    fields.put("channel_id", channel);
    fields.put("channel_name", "shoes");
    fields.put("user_id", user);
    fields.put("user_name", "shopper");
    fields.put("command", command);
    fields.put("text", text);
    fields.put("api_app_id", APP_ID);
    fields.put("response_url", "https://hooks.slack.com/commands/T0TESTTEAM/1/unused");
    fields.put("trigger_id", SEQUENCE.incrementAndGet() + ".1234.abcdef");
    return signed(COMMANDS_PATH, "application/x-www-form-urlencoded", form(fields));
  }

  /** Any body (a recorded fixture, say), signed now for {@code path}. */
  public SlackRequest signed(String path, String contentType, String body) {
    String timestamp = String.valueOf(Instant.now().getEpochSecond());
    return new SlackRequest(signingSecret, path, contentType, body, timestamp,
        signature(signingSecret, timestamp, body.getBytes(StandardCharsets.UTF_8)), Map.of());
  }

  private static String form(Map<String, String> fields) {
    StringJoiner joined = new StringJoiner("&");
    fields.forEach((name, value) -> joined.add(
        URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return joined.toString();
  }

  /** One request, ready to post; the {@code with...} methods return changed copies. */
  public record SlackRequest(String secret, String path, String contentType, String body, String timestamp,
      String signature, Map<String, String> extraHeaders) {

    /** Signed with another secret. */
    public SlackRequest wronglySigned() {
      return new SlackRequest(secret, path, contentType, body, timestamp,
          SlackRequests.signature(secret + "-wrong", timestamp, bytes()), extraHeaders);
    }

    /** Correctly signed, but six minutes old: a replay. */
    public SlackRequest stale() {
      String old = String.valueOf(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());
      return new SlackRequest(secret, path, contentType, body, old, SlackRequests.signature(secret, old, bytes()),
          extraHeaders);
    }

    /** Without {@code X-Slack-Signature}. */
    public SlackRequest unsigned() {
      return new SlackRequest(secret, path, contentType, body, timestamp, null, extraHeaders);
    }

    /** Slack's redelivery after a timeout: same body, {@code X-Slack-Retry-Num}, signed anew. */
    public SlackRequest retry(int number) {
      String now = String.valueOf(Instant.now().getEpochSecond());
      Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
      headers.put("X-Slack-Retry-Num", String.valueOf(number));
      headers.put("X-Slack-Retry-Reason", "http_timeout");
      return new SlackRequest(secret, path, contentType, body, now, SlackRequests.signature(secret, now, bytes()),
          Map.copyOf(headers));
    }

    /** Posts to {@code serverBaseUrl} (e.g. {@code http://127.0.0.1:PORT}) + {@link #path()}. */
    public HttpResponse<String> post(String serverBaseUrl) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serverBaseUrl + path))
          .timeout(Duration.ofSeconds(10))
          .header("Content-Type", contentType)
          .header("X-Slack-Request-Timestamp", timestamp)
          .POST(HttpRequest.BodyPublishers.ofString(body));
      if (signature != null) {
        request.header("X-Slack-Signature", signature);
      }
      extraHeaders.forEach(request::header);
      try {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new AssertionError("could not reach the server: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    private byte[] bytes() {
      return body.getBytes(StandardCharsets.UTF_8);
    }
  }
}
