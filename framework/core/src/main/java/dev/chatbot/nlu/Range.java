package dev.chatbot.nlu;

import java.math.BigDecimal;

/** Bounds of a quantity, inclusive; either may be null ("under 150": max 150, no min). */
public record Range(BigDecimal min, BigDecimal max) {

  public boolean contains(BigDecimal value) {
    return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
  }
}
