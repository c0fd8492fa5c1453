package dev.chatbot.spi;

/** A configuration mistake; its message is the one line printed at startup, naming the variable. */
public final class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
