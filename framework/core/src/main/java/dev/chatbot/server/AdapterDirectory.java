package dev.chatbot.server;

import dev.chatbot.config.Settings;
import dev.chatbot.spi.PlatformAdapter;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Every {@link PlatformAdapter} on the class path ({@code META-INF/services/dev.chatbot.spi.PlatformAdapter}). */
final class AdapterDirectory {

  private AdapterDirectory() {}

  static List<PlatformAdapter> all(ClassLoader classes) {
    return ServiceLoader.load(PlatformAdapter.class, classes).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparing(PlatformAdapter::platform))
        .toList();
  }

  /** The adapters whose variables are set; throws naming the variable when one is half configured. */
  static List<PlatformAdapter> enabled(List<PlatformAdapter> all, Settings settings) {
    return all.stream().filter(adapter -> adapter.configure(settings)).toList();
  }
}
