package dev.chatbot.adapters.slack;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /webhooks/slack/commands}: a slash command becomes one text message in the channel it was
 * typed in (the answer goes there with {@code chat.postMessage}).
 *
 * <p>{@code /shoes brown size 10} arrives with {@code text} {@code "brown size 10"} (what the user asked) and
 * {@code payload} {@code "/shoes brown size 10"} (the whole command line, so a bot that serves several commands
 * knows which one; {@link Message#input()} returns it). The kind stays {@code TEXT}: it is typed, not tapped. The
 * message id is Slack's {@code trigger_id}, unique per invocation. Slack's {@code ssl_check=1} probes are
 * acknowledged and dropped.
 */
final class SlackCommandParser {

  private SlackCommandParser() {}

  static SlackInbound parse(Buffer body) {
    Map<String, String> form = SlackForm.decode(body);
    if ("1".equals(form.get("ssl_check"))) {
      // Slack's periodic certificate check of the command URL: nothing for the bot.
      return SlackInbound.of(List.of());
    }
    String command = SlackForm.required(form, "command");
    String channel = SlackForm.required(form, "channel_id");
    String user = SlackForm.required(form, "user_id");
    String text = form.getOrDefault("text", "").trim();
    String id = "command:" + form.getOrDefault("trigger_id", channel + ":" + user + ":" + System.nanoTime());
    Message message = new Message(id, ConversationRef.of(SlackAdapter.PLATFORM, channel),
        new UserRef(SlackAdapter.PLATFORM, user, form.get("user_name")), Message.Kind.TEXT, text,
        (command + " " + text).trim(), null, System.currentTimeMillis());
    return SlackInbound.of(List.of(message));
  }
}
