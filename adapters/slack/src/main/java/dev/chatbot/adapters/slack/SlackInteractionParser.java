package dev.chatbot.adapters.slack;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.BadRequestException;
import dev.chatbot.spi.JsonFields;
import io.vertx.core.json.Json;
import io.vertx.core.buffer.Buffer;
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
    Object decoded = Json.decodeValue(SlackForm.required(form, "payload"));
    if (!(decoded instanceof JsonObject json)) {
      throw new BadRequestException("payload must be a JSON object");
    }
    JsonFields payload = JsonFields.of(json);
    if (!"block_actions".equals(payload.string("type"))) {
      return SlackInbound.of(List.of());
    }
    String userId = payload.object("user").string("id");
    if (userId == null) {
      throw new BadRequestException("block_actions without user.id");
    }
    JsonFields user = payload.object("user");
    String channel = payload.object("channel").string("id");
    if (channel == null) {
      return SlackInbound.of(List.of());
    }
    JsonFields tapped = payload.object("message");
    JsonFields container = payload.object("container");
    String thread = tapped.string("thread_ts", container.string("thread_ts"));
    if (thread != null && thread.equals(tapped.string("ts", container.string("message_ts")))) {
      // A top-level message that has replies carries its own ts as thread_ts: the tap is not inside the thread.
      thread = null;
    }
    ConversationRef conversation = new ConversationRef(SlackAdapter.PLATFORM, channel, thread);
    UserRef from = new UserRef(SlackAdapter.PLATFORM, userId, user.string("name", user.string("username")));

    List<Message> messages = new ArrayList<>();
    List<JsonFields> actions = payload.objects("actions");
    for (int i = 0; i < actions.size(); i++) {
      JsonFields action = actions.get(i);
      String value = action.string("value");
      if (value == null) {
        continue;
      }
      String title = action.object("text").string("text", value);
      String actionTs = action.string("action_ts", payload.string("trigger_id", String.valueOf(i)));
      String id = "action:" + from.id() + ":" + actionTs + ":" + action.string("action_id", String.valueOf(i));
      messages.add(new Message(id, conversation, from, Message.Kind.POSTBACK, title, value, null,
          SlackEventParser.millis(actionTs)));
    }
    return SlackInbound.of(messages);
  }
}
