package dev.chatbot.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * A logging event as an encoder should see it: its formatted message and MDC values with identities masked
 * ({@link LogPrivacy}), and its raw arguments withheld (they are the unmasked values). Everything else is the
 * original event's.
 */
final class MaskedEvent implements ILoggingEvent {

  private final ILoggingEvent event;
  private String message;

  MaskedEvent(ILoggingEvent event) {
    this.event = event;
  }

  @Override
  public String getFormattedMessage() {
    if (message == null) {
      message = LogPrivacy.mask(event.getFormattedMessage());
    }
    return message;
  }

  @Override
  public Object[] getArgumentArray() {
    return null;
  }

  @Override
  public Map<String, String> getMDCPropertyMap() {
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc == null || mdc.isEmpty()) {
      return mdc;
    }
    Map<String, String> masked = new HashMap<>(mdc.size());
    mdc.forEach((key, value) -> masked.put(key, LogPrivacy.maskValue(key, value)));
    return masked;
  }

  @Override
  public Map<String, String> getMdc() {
    return getMDCPropertyMap();
  }

  @Override
  public List<KeyValuePair> getKeyValuePairs() {
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs == null || pairs.isEmpty()) {
      return pairs;
    }
    return pairs.stream()
        .map(pair -> new KeyValuePair(pair.key, LogPrivacy.maskValue(pair.key, pair.value)))
        .toList();
  }

  @Override
  public String getThreadName() {
    return event.getThreadName();
  }

  @Override
  public Level getLevel() {
    return event.getLevel();
  }

  @Override
  public String getMessage() {
    return event.getMessage();
  }

  @Override
  public String getLoggerName() {
    return event.getLoggerName();
  }

  @Override
  public LoggerContextVO getLoggerContextVO() {
    return event.getLoggerContextVO();
  }

  @Override
  public IThrowableProxy getThrowableProxy() {
    return event.getThrowableProxy();
  }

  @Override
  public StackTraceElement[] getCallerData() {
    return event.getCallerData();
  }

  @Override
  public boolean hasCallerData() {
    return event.hasCallerData();
  }

  @Override
  public List<Marker> getMarkerList() {
    return event.getMarkerList();
  }

  @Override
  public long getTimeStamp() {
    return event.getTimeStamp();
  }

  @Override
  public int getNanoseconds() {
    return event.getNanoseconds();
  }

  @Override
  public long getSequenceNumber() {
    return event.getSequenceNumber();
  }

  @Override
  public void prepareForDeferredProcessing() {
    event.prepareForDeferredProcessing();
  }
}
