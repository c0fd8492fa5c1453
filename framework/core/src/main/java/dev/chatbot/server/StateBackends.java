package dev.chatbot.server;

import dev.chatbot.config.ConfigException;
import dev.chatbot.spi.StateBackend;
import dev.chatbot.state.MemoryStateBackend;
import dev.chatbot.state.file.FileStateBackend;
import java.util.ServiceLoader;

/** Finds the {@link StateBackend} that {@code STATE_STORE} names: file and memory built in, others on the class path. */
final class StateBackends {

  private StateBackends() {}

  /** A new instance (one per server), or a {@link ConfigException} when no module provides {@code name}. */
  static StateBackend forName(String name, ClassLoader classes) {
    if (FileStateBackend.NAME.equals(name)) {
      return new FileStateBackend();
    }
    if (MemoryStateBackend.NAME.equals(name)) {
      return new MemoryStateBackend();
    }
    return ServiceLoader.load(StateBackend.class, classes).stream()
        .map(ServiceLoader.Provider::get)
        .filter(backend -> backend.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new ConfigException("STATE_STORE=" + name
            + " needs its module on the class path (chatbot-" + name + "), which this build does not include"));
  }
}
