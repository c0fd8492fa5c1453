package dev.chatbot.server;

import java.util.concurrent.atomic.AtomicBoolean;

/** Whether the server takes new webhooks; turned off first during graceful shutdown. */
public final class Lifecycle {

  private final AtomicBoolean accepting = new AtomicBoolean(true);

  public boolean accepting() {
    return accepting.get();
  }

  public void stopAccepting() {
    accepting.set(false);
  }
}
