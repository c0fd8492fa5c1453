package dev.chatbot.spi;

/** A request body the server cannot use; answered with 400 and this message. */
public final class BadRequestException extends RuntimeException {

  public BadRequestException(String message) {
    super(message, null, false, false);
  }
}
