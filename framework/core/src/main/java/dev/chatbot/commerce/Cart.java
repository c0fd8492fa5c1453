package dev.chatbot.commerce;

import dev.chatbot.commerce.Inventory.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * What a user means to buy: lines of an item in a variant, and the item added last (the one "make it 2" changes). A
 * value: each change returns a new cart, so it sits in typed conversation state as it is and {@link Inventory#take}
 * takes its lines as they are.
 *
 * @param lastAdded the item of the line added last, or null
 */
public record Cart(List<Line> lines, String lastAdded) {

  public static final Cart EMPTY = new Cart(List.of(), null);

  public Cart {
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  /** The quantity of {@code item} in {@code variant} in the cart, 0 if none. */
  public int quantity(String item, String variant) {
    return lines.stream().filter(line -> same(line, item, variant)).mapToInt(Line::quantity).sum();
  }

  /** With {@code line} instead of the line of the same item and variant (added at the end if none; 0 removes it). */
  public Cart put(Line line) {
    List<Line> changed = new ArrayList<>(lines);
    int at = changed.indexOf(changed.stream().filter(old -> same(old, line.item(), line.variant())).findFirst()
        .orElse(null));
    if (at < 0) {
      changed.add(line);
    } else {
      changed.set(at, line);
    }
    changed.removeIf(kept -> kept.quantity() < 1);
    return new Cart(changed, lastAdded);
  }

  /** {@link #put} and remembered as the line added last. */
  public Cart added(Line line) {
    return new Cart(put(line).lines(), line.item());
  }

  /** Without the lines {@code which} picks. */
  public Cart without(Predicate<Line> which) {
    return new Cart(lines.stream().filter(which.negate()).toList(), lastAdded);
  }

  /** The line added last, else the last line; null for an empty cart. */
  public Line last() {
    return lines.stream().filter(line -> line.item().equals(lastAdded)).findFirst()
        .orElse(lines.isEmpty() ? null : lines.get(lines.size() - 1));
  }

  /** How many units in all (pairs, mugs). */
  public int units() {
    return lines.stream().mapToInt(Line::quantity).sum();
  }

  /** The sum of each line's price (in cents, say) times its quantity. */
  public long total(ToLongFunction<String> priceOfItem) {
    return lines.stream().mapToLong(line -> priceOfItem.applyAsLong(line.item()) * line.quantity()).sum();
  }

  private static boolean same(Line line, String item, String variant) {
    return line.item().equals(item) && line.variant().equals(variant);
  }
}
