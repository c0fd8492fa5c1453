package dev.chatbot.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.Map;

/**
 * {@code %mdc} in the text format: the diagnostic context as {@code " key=value"} pairs after the message (nothing when
 * empty), so a request id reads like the rest of the line. Logback's own {@code %X} writes {@code k=v, k=v} and
 * needs a key to stay silent when the context is empty.
 */
public final class MdcPairsConverter extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc == null || mdc.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    mdc.forEach((key, value) -> out.append(' ').append(key).append('=').append(value));
    return out.toString();
  }
}
