package dev.chatbot.cluster;

import dev.chatbot.bot.Addresses;
import dev.chatbot.model.Message;
import dev.chatbot.spi.Inbound;
import dev.chatbot.spi.Inbound.Accepted;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forwards of one member to the others, coalesced: the batches for one member within one turn of an event loop
 * (every webhook read in the same wake-up) go as one event-bus request, whose answer says for each batch how it
 * went. One request and one answer per member and turn instead of per webhook: under load most of a member's
 * webhooks are for the others' conversations, and each request costs a write, a read and a wake-up on both sides.
 *
 * <p>A request is a JSON array of batches, each an array of messages; the answer an array with, per batch, its
 * counts or its failure. Batches keep their order within a request, and requests theirs on the event bus, so a
 * conversation's messages keep the order they arrived in.
 */
final class Forwards {

  /** The batches waiting for the end of this event-loop turn, by member (kept in the context's data). */
  private static final String WAITING = Forwards.class.getName() + ".waiting";

  private final Vertx vertx;
  private final DeliveryOptions options;

  Forwards(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMillis);
  }

  /** Sends {@code batch} to member {@code node} with the others for it from this event-loop turn. */
  Future<Accepted> send(String node, List<Message> batch) {
    Promise<Accepted> accepted = Promise.promise();
    Context context = Vertx.currentContext();
    if (context == null || !context.isEventLoopContext()) {
      request(node, List.of(new Waiting(batch, accepted)));
      return accepted.future();
    }
    Map<String, List<Waiting>> waiting = context.get(WAITING);
    if (waiting == null) {
      Map<String, List<Waiting>> turn = new LinkedHashMap<>();
      context.put(WAITING, turn);
      // A task runs after the event loop has handled everything this wake-up read.
      context.runOnContext(end -> {
        context.remove(WAITING);
        turn.forEach(this::request);
      });
      waiting = turn;
    }
    waiting.computeIfAbsent(node, member -> new ArrayList<>()).add(new Waiting(batch, accepted));
    return accepted.future();
  }

  private void request(String node, List<Waiting> batches) {
    JsonArray request = new JsonArray(new ArrayList<>(batches.size()));
    batches.forEach(waiting -> request.add(encode(waiting.batch())));
    vertx.eventBus().<JsonArray>request(Addresses.inbound(node), request, options).onComplete(
        answer -> {
          try {
            JsonArray outcomes = answer.body();
            for (int i = 0; i < batches.size(); i++) {
              settle(batches.get(i).accepted(), i < outcomes.size() ? outcomes.getJsonObject(i) : null);
            }
          } catch (RuntimeException unreadable) {
            // An answer in another shape (a member of another version): every batch not settled yet fails.
            batches.forEach(waiting -> waiting.accepted().tryFail(new ReplyException(
                ReplyFailure.RECIPIENT_FAILURE, 500, "unreadable answer: " + unreadable.getMessage())));
          }
        },
        failure -> batches.forEach(waiting -> waiting.accepted().tryFail(failure)));
  }

  private static void settle(Promise<Accepted> promise, JsonObject outcome) {
    if (outcome == null) {
      promise.tryFail(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 500, "no answer for this batch"));
    } else if (outcome.containsKey("failure")) {
      promise.tryFail(new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 500, outcome.getString("failure")));
    } else {
      promise.tryComplete(new Accepted(outcome.getInteger("accepted", 0), outcome.getInteger("duplicates", 0)));
    }
  }

  /**
   * The receiving side: hands each batch of a request to {@code local} in order and answers, per batch, its counts
   * or its failure. Fails the whole request (a {@code 400}) only when it cannot be read.
   */
  static void answer(io.vertx.core.eventbus.Message<JsonArray> request, Inbound local, Runnable done) {
    List<List<Message>> batches;
    try {
      JsonArray body = request.body();
      batches = new ArrayList<>(body.size());
      for (int i = 0; i < body.size(); i++) {
        batches.add(decode(body.getJsonArray(i)));
      }
    } catch (RuntimeException e) {
      request.fail(400, "unreadable messages: " + e.getMessage());
      done.run();
      return;
    }
    List<Future<Accepted>> outcomes = new ArrayList<>(batches.size());
    for (List<Message> batch : batches) {
      try {
        outcomes.add(local.accept(batch));
      } catch (RuntimeException thrown) {
        // Answered as that batch's failure: a request left unanswered would hold the member's shutdown.
        outcomes.add(Future.failedFuture(thrown));
      }
    }
    Future.join(outcomes).onComplete(all -> {
      JsonArray answer = new JsonArray(new ArrayList<>(outcomes.size()));
      for (Future<Accepted> outcome : outcomes) {
        answer.add(outcome.succeeded()
            ? new JsonObject().put("accepted", outcome.result().accepted())
                .put("duplicates", outcome.result().duplicates())
            : new JsonObject().put("failure", String.valueOf(outcome.cause().getMessage())));
      }
      request.reply(answer);
      done.run();
    });
  }

  private static JsonArray encode(List<Message> messages) {
    JsonArray array = new JsonArray(new ArrayList<>(messages.size()));
    messages.forEach(message -> array.add(MessageJson.encode(message)));
    return array;
  }

  private static List<Message> decode(JsonArray array) {
    List<Message> messages = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      messages.add(MessageJson.decode(array.getJsonObject(i)));
    }
    return messages;
  }

  private record Waiting(List<Message> batch, Promise<Accepted> accepted) {}
}
