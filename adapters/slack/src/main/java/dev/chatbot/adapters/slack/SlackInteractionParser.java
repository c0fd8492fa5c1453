package dev.chatbot.adapters.slack;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.BadRequestException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /webhooks/slack/interactions}: a form whose {@code payload} field is JSON. A
 * {@code block_actions} button tap becomes a postback with the button's {@code value} (title: the button's text), in
 * the conversation (channel, and thread when the tapped message is in one) the buttons were posted to.
 *
 * <p>Link buttons (no value), taps outside a channel (home tab, modals) and other interaction types are acknowledged
 * and ignored. The message id is the tapping user plus the action's {@code action_ts}, unique per tap.
 */
final class SlackInteractionParser {

  private SlackInteractionParser() {}

  static SlackInbound parse(Buffer body) {
    Map<String, String> form = SlackForm.decode(body);
    JsonObject payload = new JsonObject(SlackForm.required(form, "payload"));
    if (!"block_actions".equals(payload.getString("type"))) {
      return SlackInbound.of(List.of());
    }
    JsonObject user = payload.getJsonObject("user");
    if (user == null || user.getString("id") == null) {
      throw new BadRequestException("block_actions without user.id");
    }
    JsonObject channel = payload.getJsonObject("channel");
    if (channel == null || channel.getString("id") == null) {
      return SlackInbound.of(List.of());
    }
    JsonObject tapped = payload.getJsonObject("message", new JsonObject());
    JsonObject container = payload.getJsonObject("container", new JsonObject());
    String thread = tapped.getString("thread_ts", container.getString("thread_ts"));
    if (thread != null && thread.equals(tapped.getString("ts", container.getString("message_ts")))) {
      // A top-level message that has replies carries its own ts as thread_ts: the tap is not inside the thread.
      thread = null;
    }
    ConversationRef conversation = new ConversationRef(SlackAdapter.PLATFORM, channel.getString("id"), thread);
    UserRef from = new UserRef(SlackAdapter.PLATFORM, user.getString("id"),
        user.getString("name", user.getString("username")));

    List<Message> messages = new ArrayList<>();
    JsonArray actions = payload.getJsonArray("actions", new JsonArray());
    for (int i = 0; i < actions.size(); i++) {
      JsonObject action = actions.getJsonObject(i);
      String value = action.getString("value");
      if (value == null) {
        continue;
      }
      String title = action.getJsonObject("text", new JsonObject()).getString("text", value);
      String actionTs = action.getString("action_ts", payload.getString("trigger_id", String.valueOf(i)));
      String id = "action:" + from.id() + ":" + actionTs + ":" + action.getString("action_id", String.valueOf(i));
      messages.add(new Message(id, conversation, from, Message.Kind.POSTBACK, title, value, null,
          SlackEventParser.millis(actionTs)));
    }
    return SlackInbound.of(messages);
  }
}
