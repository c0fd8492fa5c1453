package dev.chatbot.server;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.StateBackend;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds the {@link StateBackend} that {@code STATE_STORE} names among those registered through
 * {@link ServiceLoader}: the core registers {@code file} and {@code memory} as any other module registers its own.
 */
final class StateBackends {

  private StateBackends() {}

  /** A new instance (one per server), or a {@link ConfigException} when no module provides {@code name}. */
  static StateBackend forName(String name, ClassLoader classes) {
    List<StateBackend> registered = ServiceLoader.load(StateBackend.class, classes).stream()
        .map(ServiceLoader.Provider::get)
        .toList();
    return registered.stream()
        .filter(backend -> backend.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new ConfigException("STATE_STORE must be one of "
            + registered.stream().map(StateBackend::name).sorted().toList() + ", got '" + name
            + "' (another store needs its module on the class path)"));
  }
}
