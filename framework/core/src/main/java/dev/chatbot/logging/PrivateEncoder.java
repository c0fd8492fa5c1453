package dev.chatbot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Wraps any encoder (the text pattern, Logback's {@code JsonEncoder}) so that lines at INFO and above name no user:
 * identity values are hashed on their way out ({@link LogPrivacy}). DEBUG and TRACE keep the clear values for
 * local debugging. In a {@code logback.xml} of one's own:
 *
 * <pre>{@code
 * <encoder class="dev.chatbot.logging.PrivateEncoder">
 *   <encoder class="ch.qos.logback.classic.encoder.JsonEncoder"/>
 * </encoder>
 * }</pre>
 */
public final class PrivateEncoder extends EncoderBase<ILoggingEvent> {

  private Encoder<ILoggingEvent> encoder;

  public PrivateEncoder() {}

  public PrivateEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  /** The encoder that writes the masked events (Joran calls this for a nested {@code <encoder>}). */
  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  @Override
  public byte[] headerBytes() {
    return encoder.headerBytes();
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return encoder.encode(event.getLevel().isGreaterOrEqual(Level.INFO) ? new MaskedEvent(event) : event);
  }

  @Override
  public byte[] footerBytes() {
    return encoder.footerBytes();
  }

  @Override
  public void start() {
    if (encoder == null) {
      addError("PrivateEncoder needs an <encoder> to wrap");
      return;
    }
    if (!encoder.isStarted()) {
      encoder.start();
    }
    super.start();
  }

  @Override
  public void stop() {
    encoder.stop();
    super.stop();
  }
}
