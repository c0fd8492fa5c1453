package dev.chatbot.server;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether the server takes new webhooks; turned off first during graceful shutdown. Webhook handlers also
 * {@link #enter()} and {@link #exit()}, so shutdown can wait for the ones that passed the check just before it
 * turned off and are still handing their messages to the dispatcher: those are acknowledged, so they must not be
 * lost.
 */
public final class Lifecycle {

  private final AtomicBoolean accepting = new AtomicBoolean(true);
  private final AtomicInteger inside = new AtomicInteger();
  private final Promise<Void> drained = Promise.promise();

  public boolean accepting() {
    return accepting.get();
  }

  public void stopAccepting() {
    accepting.set(false);
    if (inside.get() == 0) {
      drained.tryComplete();
    }
  }

  /**
   * True when a webhook may be taken; then {@link #exit()} must follow once its messages are accepted. Counting
   * before checking (and stopAccepting setting before counting) means no request slips between the two.
   */
  public boolean enter() {
    inside.incrementAndGet();
    if (accepting.get()) {
      return true;
    }
    exit();
    return false;
  }

  public void exit() {
    if (inside.decrementAndGet() == 0 && !accepting.get()) {
      drained.tryComplete();
    }
  }

  /** Completes once accepting is off and no webhook is between {@link #enter()} and {@link #exit()}. */
  public Future<Void> drained() {
    return drained.future();
  }
}
