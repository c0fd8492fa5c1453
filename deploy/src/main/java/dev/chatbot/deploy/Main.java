package dev.chatbot.deploy;

import java.util.Map;

/**
 * {@code java -jar chatbot.jar [--config FILE]}: the shipped server. Runs {@code BOT} (default: the bots of the
 * {@code BOT_PATH} jars, else the shoe shop); SIGTERM stops it gracefully with exit code 0. See {@link Chatbot} for
 * starting the same server from your own {@code main}.
 */
public final class Main {

  /** What the shipped jar runs when neither {@code BOT} nor a {@code BOT_PATH} jar names a bot. */
  static final String DEFAULT_BOT = "shoe-shop";

  private Main() {}

  public static void main(String[] args) {
    Chatbot.run(Map.of("BOT", DEFAULT_BOT), args);
  }
}
