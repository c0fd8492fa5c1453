package dev.chatbot.bots.shoeshop;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Converts EU, UK and women's sizes to the US men's sizes the catalog is in, with the chart in
 * {@code shoe-shop/size-chart.json}. Everything is in half sizes (21 = 10.5; EU 42.5 = 85).
 */
final class SizeChart {

  /** The size system a shopper wrote a size in. */
  enum System { US, EU, UK, WOMEN }

  private record Row(int us, int uk, int eu) {}

  private static final SizeChart INSTANCE = new SizeChart(Resources.json("shoe-shop/size-chart.json"));

  private final List<Row> rows;
  private final int womensOffset;

  SizeChart(JsonObject chart) {
    rows = chart.getJsonArray("rows").stream().map(JsonObject.class::cast).map(row -> new Row(
        Sizes.halves(row.getDouble("us")), Sizes.halves(row.getDouble("uk")), Sizes.halves(row.getDouble("eu"))))
        .toList();
    womensOffset = Sizes.halves(chart.getDouble("womensOffset"));
  }

  static SizeChart get() {
    return INSTANCE;
  }

  /** The US men's size for a size in {@code system}: the chart's nearest row (the larger on a tie),
   * or 0 beyond the chart. */
  int toUsMen(System system, int halves) {
    return switch (system) {
      case US -> halves;
      case WOMEN -> halves - womensOffset;
      case EU, UK -> {
        Row best = null;
        for (Row row : rows) {
          int distance = Math.abs((system == System.EU ? row.eu() : row.uk()) - halves);
          if (best == null || distance <= Math.abs((system == System.EU ? best.eu() : best.uk()) - halves)) {
            best = row;
          }
        }
        int off = Math.abs((system == System.EU ? best.eu() : best.uk()) - halves);
        yield off > 2 ? 0 : best.us(); // beyond the chart: no size
      }
    };
  }

  /** "EU 43", "UK 9", "women's 8": how the shopper wrote it. */
  static String asSaid(System system, int halves) {
    return switch (system) {
      case US -> "US " + Sizes.format(halves);
      case EU -> "EU " + Sizes.format(halves);
      case UK -> "UK " + Sizes.format(halves);
      case WOMEN -> "women's " + Sizes.format(halves);
    };
  }
}
