package dev.chatbot.search;

import java.util.List;

/**
 * One page of a result list: the items of page {@code number} (from 0), whether more follow, and whether the page
 * asked for lies past the end ("show more" once too often), so the caller can say everything was shown.
 *
 * @param from the index of the first item on the page
 */
public record Page<T>(List<T> items, int from, boolean more, boolean pastTheEnd) {

  public static <T> Page<T> of(List<T> all, int number, int size) {
    int from = number * size;
    if (from >= all.size()) {
      return new Page<>(List.of(), from, false, true);
    }
    List<T> items = List.copyOf(all.subList(from, Math.min(all.size(), from + size)));
    return new Page<>(items, from, from + items.size() < all.size(), false);
  }
}
