package dev.chatbot.adapters.webchat;

import dev.chatbot.model.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In a cluster, the member that handles a conversation is often not the one holding the browser's socket. While a
 * tab is connected here, this member listens on {@code chatbot.webchat.<conversation>}; a member with a reply and
 * no socket sends it there. When no member listens, the reply is queued locally as usual.
 */
final class ClusterRelay implements ConversationSockets.Presence {

  static String address(String conversation) {
    return "chatbot.webchat." + conversation;
  }

  private final Vertx vertx;
  private final ConversationSockets sockets;
  private final Map<String, MessageConsumer<String>> listening = new ConcurrentHashMap<>();

  ClusterRelay(Vertx vertx, ConversationSockets sockets) {
    this.vertx = vertx;
    this.sockets = sockets;
  }

  @Override
  public void arrived(String conversation) {
    listening.computeIfAbsent(conversation, key -> vertx.eventBus().<String>consumer(address(key), relayed -> {
      String json = relayed.body();
      sockets.send(key, new JsonObject(json).mapTo(Reply.class), json).onComplete(done -> relayed.reply(null));
    }));
  }

  @Override
  public void left(String conversation) {
    MessageConsumer<String> consumer = listening.remove(conversation);
    if (consumer != null) {
      consumer.unregister();
    }
  }

  /** Delivers here when the tab is connected here, else to the member that has it, else queues here. */
  Future<Void> send(String conversation, Reply reply, String json) {
    if (sockets.connected(conversation)) {
      return sockets.send(conversation, reply, json);
    }
    return vertx.eventBus().request(address(conversation), json).<Void>mapEmpty().recover(failure -> {
      boolean nobodyHasIt = failure instanceof ReplyException replyFailure
          && replyFailure.failureType() == ReplyFailure.NO_HANDLERS;
      return nobodyHasIt ? sockets.send(conversation, reply, json) : Future.failedFuture(failure);
    });
  }
}
