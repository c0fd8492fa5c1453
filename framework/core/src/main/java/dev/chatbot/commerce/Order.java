package dev.chatbot.commerce;

import dev.chatbot.commerce.Inventory.Line;
import java.util.List;

/**
 * A placed order as an {@link OrderBook} keeps it (as JSON, field by field).
 *
 * @param user whose it is (a user key); only they can cancel it
 * @param status "confirmed", or {@link OrderBook#CANCELLED}
 * @param placedAt an ISO-8601 instant
 * @param total in cents
 */
public record Order(String number, String user, String status, String placedAt, List<Line> lines, long total,
    String shipTo, String payWith) {

  public boolean cancelled() {
    return OrderBook.CANCELLED.equals(status);
  }

  /** How many items the order holds, all lines together. */
  public int units() {
    return lines.stream().mapToInt(Line::quantity).sum();
  }
}
