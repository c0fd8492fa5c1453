package dev.chatbot.search;

import java.util.List;

/** Budgets that follow what was shown: "cheaper" after a page of results. */
public final class PriceSteps {

  private PriceSteps() {}

  /**
   * The new highest price after "cheaper", in cents: below the average of the prices just shown, rounded down to
   * whole units of 100; below the old highest price by 15% if that is not lower; when everything shown costs the
   * same, anything cheaper than that. With nothing shown, the old highest price (maybe null) stays.
   */
  public static Long cheaperThan(List<Long> shown, Long max) {
    if (shown.isEmpty()) {
      return max;
    }
    long average = Math.round(shown.stream().mapToLong(Long::longValue).average().orElse(0));
    long cheaper = average / 100 * 100;
    if (max != null && cheaper >= max) {
      cheaper = max * 85 / 100 / 100 * 100;
    }
    if (shown.stream().allMatch(price -> price <= average)) {
      cheaper = (shown.get(0) - 1) / 100 * 100;
    }
    return cheaper;
  }
}
