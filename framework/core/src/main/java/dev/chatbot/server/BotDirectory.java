package dev.chatbot.server;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.config.ConfigException;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/** Finds bots on the class path by name ({@code META-INF/services/dev.chatbot.bot.BotVerticle}). */
final class BotDirectory {

  private BotDirectory() {}

  /** A factory of fresh instances of the bot called {@code name} (one per event loop). */
  static Supplier<BotVerticle> find(String name) {
    List<ServiceLoader.Provider<BotVerticle>> providers =
        ServiceLoader.load(BotVerticle.class).stream().toList();
    for (ServiceLoader.Provider<BotVerticle> provider : providers) {
      if (provider.get().name().equals(name) || provider.type().getName().equals(name)) {
        return provider::get;
      }
    }
    List<String> known = providers.stream().map(provider -> provider.get().name()).sorted().toList();
    throw new ConfigException("BOT names an unknown bot '" + name + "' (on the class path: " + known + ")");
  }
}
