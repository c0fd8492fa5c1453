package dev.chatbot.dispatch;

import java.util.List;
import java.util.Map;

/**
 * Which bot answers which platform: the first bot of {@code BOT} everywhere, unless {@code BOT_ROUTES}
 * ({@code slack:echo,messenger:shoe-shop}) names another for a platform.
 */
public record BotRoutes(String defaultBot, Map<String, String> byPlatform) {

  public static BotRoutes of(List<String> bots, Map<String, String> byPlatform) {
    return new BotRoutes(bots.get(0), Map.copyOf(byPlatform));
  }

  public String botFor(String platform) {
    return byPlatform.getOrDefault(platform, defaultBot);
  }
}
