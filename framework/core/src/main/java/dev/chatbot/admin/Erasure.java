package dev.chatbot.admin;

import dev.chatbot.spi.Inbound;
import dev.chatbot.spi.StateBackend;
import dev.chatbot.state.DeadLetter;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * Erases one user (SPEC §3, the right to erasure): profile, the state of the conversations whose channel is the
 * user's id (a direct conversation on Messenger, WhatsApp, Telegram or the web chat, with its threads), their messages
 * not yet handled, replies not yet sent to them and their dead letters. It waits for the user's direct conversation to
 * finish the message in hand, whose end would otherwise save its state again: through {@link Inbound#settled}, so in
 * a cluster on the member that handles it, whichever member the request reached.
 */
final class Erasure {

  private final StateBackend backend;
  private final Inbound inbound;

  Erasure(StateBackend backend, Inbound inbound) {
    this.backend = backend;
    this.inbound = inbound;
  }

  Future<Void> erase(String platform, String userId) {
    // Out of the inbox first (no replay after a crash), then the messages already queued run to their end.
    return backend.inbox().forget(platform, userId)
        .compose(forgotten -> inbound.settled(platform + ":" + userId))
        .compose(settled -> eraseSettled(platform, userId));
  }

  private Future<Void> eraseSettled(String platform, String userId) {
    String conversation = "conversation:" + platform + ":" + userId;
    List<Future<?>> steps = new ArrayList<>();
    steps.add(backend.stateStore().remove("profile:" + platform + ":" + userId));
    steps.add(backend.stateStore().remove(conversation));
    steps.add(backend.stateStore().keys(conversation + ":")
        .compose(threads -> Future.all(threads.stream().map(backend.stateStore()::remove).toList())));
    steps.add(backend.outbox().forget(platform, userId));
    for (DeadLetter letter : backend.deadLetters().list()) {
      if (letter.to().platform().equals(platform) && letter.to().channel().equals(userId)) {
        steps.add(backend.deadLetters().remove(letter.id()));
      }
    }
    return Future.all(steps).mapEmpty();
  }
}
