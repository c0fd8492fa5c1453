package dev.chatbot.adapters.webchat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatbot.model.Reply;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which sockets belong to which conversation, and the replies waiting for a conversation whose tab is away.
 *
 * <p>Sockets live on several event loops (one HTTP server per core), so every change of one conversation happens
 * inside {@link ConcurrentHashMap#compute}: a reply is either written to the sockets or queued, and a socket that
 * attaches gets the queue first, so nothing is lost or reordered between the two.
 */
final class ConversationSockets {

  private static final Logger LOG = LoggerFactory.getLogger(ConversationSockets.class);

  static final int MAX_QUEUED_PER_CONVERSATION = 50;
  static final long MAX_OFFLINE_CONVERSATIONS = 10_000;
  static final Duration QUEUE_TTL = Duration.ofMinutes(10);
  static final int MAX_SOCKETS_PER_CONVERSATION = 8;

  private final ConcurrentMap<String, Set<ServerWebSocket>> open = new ConcurrentHashMap<>();
  private final Cache<String, Deque<String>> queued;
  private final int maxQueued;

  ConversationSockets(int maxQueued, long maxOfflineConversations, Duration queueTtl) {
    this.maxQueued = maxQueued;
    this.queued = Caffeine.newBuilder().maximumSize(maxOfflineConversations).expireAfterWrite(queueTtl).build();
  }

  /**
   * Adds {@code socket} to {@code conversation} after writing it {@code greeting} and then what was queued while
   * nobody was connected. Once the greeting arrives, every later reply reaches this socket. Returns false (and
   * writes and adds nothing) when the conversation already has too many sockets.
   */
  boolean attach(String conversation, ServerWebSocket socket, String greeting) {
    boolean[] attached = {false};
    open.compute(conversation, (key, sockets) -> {
      Set<ServerWebSocket> current = sockets == null ? new LinkedHashSet<>() : sockets;
      if (current.size() >= MAX_SOCKETS_PER_CONVERSATION) {
        return sockets;
      }
      socket.writeTextMessage(greeting);
      Deque<String> waiting = queued.asMap().remove(key);
      if (waiting != null) {
        LOG.debug("webchat flush conversation={} replies={}", key, waiting.size());
        waiting.forEach(socket::writeTextMessage);
      }
      current.add(socket);
      attached[0] = true;
      return current;
    });
    return attached[0];
  }

  void detach(String conversation, ServerWebSocket socket) {
    open.computeIfPresent(conversation, (key, sockets) -> {
      sockets.remove(socket);
      return sockets.isEmpty() ? null : sockets;
    });
  }

  /**
   * Writes {@code json} to every socket of {@code conversation}, or queues it (bounded, oldest dropped first) when
   * none is open. A typing indicator is only worth showing live, so it is never queued.
   */
  Future<Void> send(String conversation, Reply reply, String json) {
    List<Future<Void>> writes = new ArrayList<>();
    open.compute(conversation, (key, sockets) -> {
      if (sockets == null || sockets.isEmpty()) {
        if (!(reply instanceof Reply.Typing)) {
          enqueue(key, json);
        }
        return null;
      }
      sockets.forEach(socket -> writes.add(socket.writeTextMessage(json)));
      return sockets;
    });
    if (writes.isEmpty()) {
      return Future.succeededFuture();
    }
    // Delivered when any tab got it; when every socket closed under our feet, keep it for the next connection.
    return Future.any(writes).<Void>mapEmpty().recover(allFailed -> {
      if (!(reply instanceof Reply.Typing)) {
        enqueue(conversation, json);
      }
      return Future.succeededFuture();
    });
  }

  private void enqueue(String conversation, String json) {
    queued.asMap().compute(conversation, (key, waiting) -> {
      Deque<String> replies = waiting == null ? new ArrayDeque<>() : waiting;
      if (replies.size() >= maxQueued) {
        replies.pollFirst();
        LOG.debug("webchat queue full conversation={} dropped=oldest", key);
      }
      replies.addLast(json);
      return replies;
    });
  }

  /** Replies waiting for {@code conversation} to reconnect. */
  int queuedFor(String conversation) {
    Deque<String> waiting = queued.getIfPresent(conversation);
    return waiting == null ? 0 : waiting.size();
  }

  int openSockets() {
    return open.values().stream().mapToInt(Set::size).sum();
  }

  Future<Void> closeAll() {
    List<Future<Void>> closing = new ArrayList<>();
    open.values().forEach(sockets -> List.copyOf(sockets).forEach(socket ->
        closing.add(socket.close((short) 1001, "server stopping"))));
    open.clear();
    return Future.join(closing).<Void>mapEmpty().recover(ignored -> Future.succeededFuture());
  }
}
