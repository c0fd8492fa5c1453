package dev.chatbot.adapters.slack;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.BadRequestException;
import dev.chatbot.spi.JsonFields;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Events API body of {@code POST /webhooks/slack/events}: the {@code url_verification} handshake, or an
 * {@code event_callback} whose {@code message} or {@code app_mention} event becomes one text message.
 *
 * <p>Ignored (acknowledged, never shown to the bot): events with a {@code bot_id} (our own replies and other bots)
 * or any {@code subtype} (edits, deletions, joins, file shares...), and every other event type.
 *
 * <p>A user's message that mentions the bot in a channel arrives twice, as {@code message} and as
 * {@code app_mention}, with different {@code event_id}s. Both are given the same message id, built from the channel
 * and the message's {@code ts} (Slack's own identity of a message), so the core's dedupe lets the first one through
 * and drops the second; a retry of either ({@code X-Slack-Retry-Num}) carries the same {@code ts} and is dropped
 * the same way.
 */
final class SlackEventParser {

  private static final Pattern LEADING_MENTION = Pattern.compile("^\\s*<@[A-Z0-9]+(\\|[^>]*)?>[\\s,:]*");

  private SlackEventParser() {}

  static SlackInbound parse(Buffer body) {
    if (!(body.toJsonValue() instanceof JsonObject json)) {
      throw new BadRequestException("an Events API body is a JSON object");
    }
    JsonFields envelope = JsonFields.of(json);
    String type = envelope.string("type");
    if ("url_verification".equals(type)) {
      return SlackInbound.challenge(envelope.requiredString("challenge"));
    }
    if (!"event_callback".equals(type)) {
      return SlackInbound.of(List.of());
    }
    JsonFields event = envelope.objectOrNull("event");
    if (event == null) {
      throw new BadRequestException("event_callback without an event");
    }
    Message message = userMessage(event, botUserIds(envelope));
    return SlackInbound.of(message == null ? List.of() : List.of(message));
  }

  private static Message userMessage(JsonFields event, Set<String> botUserIds) {
    String type = event.string("type");
    if (!"message".equals(type) && !"app_mention".equals(type)) {
      return null;
    }
    if (event.has("bot_id") || event.has("subtype") || botUserIds.contains(event.string("user"))) {
      return null;
    }
    String user = event.string("user");
    String channel = event.string("channel");
    String ts = event.string("ts");
    if (user == null || channel == null || ts == null) {
      throw new BadRequestException(type + " event without user, channel or ts");
    }
    // In a thread, answer in that thread; a top-level message gets a top-level answer.
    String thread = event.string("thread_ts");
    ConversationRef conversation = new ConversationRef(SlackAdapter.PLATFORM, channel, ts.equals(thread) ? null : thread);
    String text = withoutBotMention(SlackText.unescape(event.string("text", "")), type, botUserIds);
    return new Message(messageId(channel, ts), conversation, UserRef.of(SlackAdapter.PLATFORM, user),
        Message.Kind.TEXT, text, null, null, millis(ts));
  }

  /** One id for the {@code message} and the {@code app_mention} of the same user message, and for their retries. */
  static String messageId(String channel, String ts) {
    return "msg:" + channel + ":" + ts;
  }

  // "<@U0BOT> show me shoes" should reach the bot as "show me shoes".
  private static String withoutBotMention(String text, String type, Set<String> botUserIds) {
    String result = text;
    for (String bot : botUserIds) {
      result = result.replaceAll("<@" + Pattern.quote(bot) + "(\\|[^>]*)?>[\\s,:]*", "");
    }
    if ("app_mention".equals(type)) {
      result = LEADING_MENTION.matcher(result).replaceFirst("");
    }
    return result.trim();
  }

  // The bot's own user ids, from the envelope's authorizations (who the event was delivered to).
  private static Set<String> botUserIds(JsonFields envelope) {
    Set<String> ids = new HashSet<>();
    for (JsonFields authorization : envelope.objects("authorizations")) {
      if (authorization.bool("is_bot", false) && authorization.string("user_id") != null) {
        ids.add(authorization.string("user_id"));
      }
    }
    return ids;
  }

  static long millis(String ts) {
    try {
      return new BigDecimal(ts).movePointRight(3).longValue();
    } catch (NumberFormatException notTs) {
      return System.currentTimeMillis();
    }
  }
}
