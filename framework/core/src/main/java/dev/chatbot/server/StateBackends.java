package dev.chatbot.server;

import dev.chatbot.spi.ConfigException;
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
        .orElseThrow(() -> new ConfigException("STATE_STORE must be one of " + known(classes) + ", got '" + name
            + "' (another store needs its module on the class path)"));
  }

  private static java.util.List<String> known(ClassLoader classes) {
    java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(FileStateBackend.NAME,
        MemoryStateBackend.NAME));
    ServiceLoader.load(StateBackend.class, classes).stream().map(provider -> provider.get().name())
        .sorted().forEach(names::add);
    return names;
  }
}
