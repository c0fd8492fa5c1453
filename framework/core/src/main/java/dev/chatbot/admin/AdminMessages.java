package dev.chatbot.admin;

import dev.chatbot.bot.Conversation;
import dev.chatbot.dispatch.ConversationDispatcher;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.model.UserRef;
import dev.chatbot.spi.Inbound;
import dev.chatbot.spi.SendFailure;
import dev.chatbot.state.MessageStatus;
import dev.chatbot.state.MessageStatuses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's proactive messages, on the path of a bot's own ({@code BotVerticle.proactive}): each one is an event
 * into its conversation's queue, kept in the inbox before the {@code 202}, so it is ordered with that conversation's
 * other replies and replayed after a crash like any message. Its turn, handled here instead of by the bot, delivers
 * the message and records how that went as its status.
 */
final class AdminMessages {

  /** The event's name: the dispatcher hands these to {@link #handle} instead of to a bot. */
  static final String EVENT = "chatbot.admin-message";
  private static final Logger LOG = LoggerFactory.getLogger(AdminMessages.class);

  private final Inbound inbound;
  private final MessageStatuses statuses;

  private AdminMessages(Inbound inbound, MessageStatuses statuses) {
    this.inbound = inbound;
    this.statuses = statuses;
  }

  /** Creates them and has {@code dispatcher} hand their turns here. */
  static AdminMessages register(ConversationDispatcher dispatcher, Inbound inbound, MessageStatuses statuses) {
    AdminMessages messages = new AdminMessages(inbound, statuses);
    dispatcher.handleEvents(EVENT, messages::handle);
    return messages;
  }

  /** Keeps the status and queues the message; completes once both would survive a crash (then answer 202). */
  Future<MessageStatus> queue(String id, ConversationRef to, Reply reply) {
    MessageStatus queued = MessageStatus.queued(id, to.platform(), to.channel());
    JsonObject data = new JsonObject().put("status", queued.toStored()).put("reply", JsonObject.mapFrom(reply));
    // The recipient is the user of a direct conversation (whose erasure then forgets this message too).
    Message event = new Message("admin:" + id, to, UserRef.of(to.platform(), to.channel()), Message.Kind.EVENT,
        null, EVENT, null, System.currentTimeMillis(), data);
    return statuses.put(queued)
        .compose(kept -> inbound.accept(List.of(event)))
        .map(queued);
  }

  MessageStatuses statuses() {
    return statuses;
  }

  /** The message's turn: deliver it, then keep the outcome before the turn ends (and the inbox forgets it). */
  private Future<Void> handle(Message event, Conversation conversation) {
    JsonObject data = event.raw();
    MessageStatus queued = MessageStatus.fromStored(data.getJsonObject("status"));
    Reply reply = data.getJsonObject("reply").mapTo(Reply.class);
    return conversation.reply(reply).transform(delivered -> {
      if (delivered.succeeded()) {
        LOG.info("admin message sent id={} platform={}", queued.id(), queued.platform());
        return statuses.put(queued.sent());
      }
      Throwable failure = delivered.cause();
      String error = failure instanceof SendFailure sendFailure && sendFailure.platformError() != null
          ? sendFailure.platformError() : String.valueOf(failure.getMessage());
      LOG.warn("admin message failed id={} platform={} error=\"{}\"", queued.id(), queued.platform(), error);
      return statuses.put(queued.failed(error));
    });
  }
}
