package dev.chatbot.server;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.spi.ConfigException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Finds bots on the class path by name ({@code META-INF/services/dev.chatbot.bot.BotVerticle}), through the class
 * loader the server was started with (which sees {@code BOT_PATH} jars when {@code Main} loaded some).
 */
final class BotDirectory {

  private BotDirectory() {}

  /** A factory of fresh instances of the bot called {@code name} (one per event loop). */
  static Supplier<BotVerticle> find(String name, ClassLoader classes) {
    List<ServiceLoader.Provider<BotVerticle>> providers = providers(classes);
    for (ServiceLoader.Provider<BotVerticle> provider : providers) {
      if (provider.get().name().equals(name) || provider.type().getName().equals(name)) {
        return provider::get;
      }
    }
    throw new ConfigException("BOT names an unknown bot '" + name + "' (on the class path: " + names(providers) + ")");
  }

  /** What to run when {@code BOT} is unset: the one bot on the class path. */
  static String sole(ClassLoader classes) {
    List<String> names = names(providers(classes));
    if (names.size() != 1) {
      throw new ConfigException(names.isEmpty()
          ? "BOT is unset and there is no bot on the class path (list yours in META-INF/services/dev.chatbot.bot.BotVerticle)"
          : "BOT must name the bot(s) to run, one of " + names);
    }
    return names.get(0);
  }

  private static List<ServiceLoader.Provider<BotVerticle>> providers(ClassLoader classes) {
    return ServiceLoader.load(BotVerticle.class, classes).stream().toList();
  }

  private static List<String> names(List<ServiceLoader.Provider<BotVerticle>> providers) {
    return providers.stream().map(provider -> provider.get().name()).sorted().toList();
  }
}
