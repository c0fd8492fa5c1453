package dev.chatbot.server;

import dev.chatbot.spi.Settings;
import dev.chatbot.spi.PlatformAdapter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Predicate;

/** Every {@link PlatformAdapter} on the class path ({@code META-INF/services/dev.chatbot.spi.PlatformAdapter}). */
final class AdapterDirectory {

  private AdapterDirectory() {}

  static List<PlatformAdapter> all(ClassLoader classes) {
    return ServiceLoader.load(PlatformAdapter.class, classes).stream()
        .map(ServiceLoader.Provider::get)
        .sorted(Comparator.comparing(PlatformAdapter::platform))
        .toList();
  }

  /**
   * The adapters whose variables are set; throws naming the variable when one is half configured. Each adapter sees
   * its own variables only ({@link PlatformAdapter#configure}).
   */
  static List<PlatformAdapter> enabled(List<PlatformAdapter> all, Settings settings) {
    return all.stream().filter(adapter -> adapter.configure(settings.only(ownedBy(adapter)))).toList();
  }

  /** The variables {@code adapter} owns: those of {@link PlatformAdapter#variables()} and {@code <PLATFORM>_*}. */
  static Predicate<String> ownedBy(PlatformAdapter adapter) {
    String prefix = adapter.platform().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_";
    List<String> declared = adapter.variables();
    return name -> name.startsWith(prefix) || declared.contains(name);
  }
}
