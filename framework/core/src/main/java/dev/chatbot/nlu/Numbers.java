package dev.chatbot.nlu;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds numbers ("10", "10.5", "10 1/2", "ten and a half"), money ("$150", "20 euros") and ranges ("under $150",
 * "between 8 and 10", "8-10") in tokens. Hand-written because it is small and ours: no library reads English number
 * words together with fractions and price cues.
 */
final class Numbers {

  /** A quantity found over tokens [from, to). */
  record Found(Entity entity, int from, int to) {}

  private static final Map<String, Integer> UNITS = Map.ofEntries(
      Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
      Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
      Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
      Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
      Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("dozen", 12));
  private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
      "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
  private static final Map<String, BigDecimal> FRACTIONS = Map.of("half", new BigDecimal("0.5"),
      "quarter", new BigDecimal("0.25"));
  private static final Map<String, String> CURRENCY_SIGNS = Map.of("$", "USD", "€", "EUR", "£", "GBP");
  private static final Map<String, String> CURRENCY_WORDS = Map.of("dollar", "USD", "dollars", "USD", "usd", "USD",
      "bucks", "USD", "euro", "EUR", "euros", "EUR", "eur", "EUR", "pound", "GBP", "pounds", "GBP", "gbp", "GBP");
  private static final Set<String> AT_MOST = Set.of("under", "below", "max", "maximum", "cheaper", "less", "most",
      "within", "upto");
  private static final Set<String> AT_LEAST = Set.of("over", "above", "min", "minimum", "more", "least", "from");

  private Numbers() {}

  /** Every quantity in {@code tokens} that no entry of {@code taken} covers. */
  static List<Found> find(List<Token> tokens, boolean[] taken) {
    List<Found> quantities = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (taken[i]) {
        continue;
      }
      Found amount = amount(tokens, taken, i);
      if (amount == null) {
        continue;
      }
      Found range = range(tokens, taken, amount);
      Found found = range != null ? range : amount;
      quantities.add(found);
      i = found.to() - 1;
    }
    return quantities;
  }

  /** A number or money starting at {@code i} ("$" first, or a currency word after). */
  private static Found amount(List<Token> tokens, boolean[] taken, int i) {
    String sign = CURRENCY_SIGNS.get(tokens.get(i).text());
    int numberAt = sign != null ? i + 1 : i;
    Found number = number(tokens, taken, numberAt);
    if (number == null) {
      return null;
    }
    BigDecimal value = (BigDecimal) number.entity().value();
    String currency = sign;
    int end = number.to();
    if (currency == null && end < tokens.size() && !taken[end]) {
      currency = CURRENCY_WORDS.get(tokens.get(end).text());
      end = currency != null ? end + 1 : end;
    }
    if (currency == null) {
      return number;
    }
    return new Found(new Entity("money", new Money(value, currency), null), i, end);
  }

  /** Widens an amount to a range when a cue word stands before it, or "and"/"to"/"-" and another amount after. */
  private static Found range(List<Token> tokens, boolean[] taken, Found amount) {
    BigDecimal value = valueOf(amount);
    int before = amount.from() - 1;
    if (before >= 0 && !taken[before]) {
      String cue = tokens.get(before).text();
      int from = before;
      // "less than", "more than", "at most", "at least", "up to": the cue is the word before the helper
      if ((cue.equals("than") || cue.equals("to")) && before > 0) {
        cue = tokens.get(before - 1).text().equals("up") ? "upto" : tokens.get(before - 1).text();
        from = before - 1;
      }
      if (cue.equals("between") || cue.equals("from")) {
        Found upper = secondBound(tokens, taken, amount.to());
        if (upper != null) {
          return new Found(new Entity("range", new Range(value, valueOf(upper)), null), from, upper.to());
        }
      }
      if (AT_MOST.contains(cue)) {
        return new Found(new Entity("range", new Range(null, value), null), from, amount.to());
      }
      if (AT_LEAST.contains(cue)) {
        return new Found(new Entity("range", new Range(value, null), null), from, amount.to());
      }
    }
    Found upper = secondBound(tokens, taken, amount.to());
    return upper == null || !tokens.get(amount.to()).text().equals("-") && !tokens.get(amount.to()).text().equals("to")
        ? null
        : new Found(new Entity("range", new Range(value, valueOf(upper)), null), amount.from(), upper.to());
  }

  private static Found secondBound(List<Token> tokens, boolean[] taken, int at) {
    if (at + 1 >= tokens.size() || taken[at]) {
      return null;
    }
    String joint = tokens.get(at).text();
    return joint.equals("and") || joint.equals("to") || joint.equals("-") ? amount(tokens, taken, at + 1) : null;
  }

  private static BigDecimal valueOf(Found found) {
    return found.entity().value() instanceof Money money ? money.amount() : (BigDecimal) found.entity().value();
  }

  /** Digits ("10", "10.5", "1/2", "10 1/2", "10½") or words ("twenty one", "ten and a half"). */
  private static Found number(List<Token> tokens, boolean[] taken, int i) {
    if (i >= tokens.size() || taken[i]) {
      return null;
    }
    Token first = tokens.get(i);
    BigDecimal value;
    int end;
    if (first.isDigits()) {
      value = digits(first.text());
      end = i + 1;
      if (end < tokens.size() && !taken[end] && value.scale() <= 0) {
        String next = tokens.get(end).text();
        if (next.equals("½")) {
          value = value.add(new BigDecimal("0.5"));
          end++;
        } else if (next.indexOf('/') > 0) {
          value = value.add(digits(next));
          end++;
        }
      }
    } else {
      int[] cursor = {i};
      value = words(tokens, taken, cursor);
      if (value == null) {
        return null;
      }
      end = cursor[0];
    }
    // "... and a half", "... and a quarter"
    if (end + 2 < tokens.size() && tokens.get(end).text().equals("and") && tokens.get(end + 1).text().equals("a")
        && FRACTIONS.containsKey(tokens.get(end + 2).text())) {
      value = value.add(FRACTIONS.get(tokens.get(end + 2).text()));
      end += 3;
    }
    return new Found(new Entity("number", plain(value), null), i, end);
  }

  /** 10, not 1E+1: trailing zeros stripped, never an exponent. */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static BigDecimal digits(String text) {
    int slash = text.indexOf('/');
    if (slash > 0) {
      BigDecimal numerator = new BigDecimal(text.substring(0, slash));
      BigDecimal denominator = new BigDecimal(text.substring(slash + 1));
      return denominator.signum() == 0 ? BigDecimal.ZERO
          : numerator.divide(denominator, 4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    }
    return new BigDecimal(text.replace(",", ""));
  }

  /** "twenty one", "a hundred and five", "twelve": advances {@code cursor[0]} past the words read. */
  private static BigDecimal words(List<Token> tokens, boolean[] taken, int[] cursor) {
    int i = cursor[0];
    long total = 0;
    boolean any = false;
    if (tokens.get(i).text().equals("a") && i + 1 < tokens.size() && tokens.get(i + 1).text().equals("dozen")) {
      i++;
    }
    while (i < tokens.size() && !taken[i]) {
      String word = tokens.get(i).text();
      if (TENS.containsKey(word)) {
        total += TENS.get(word);
        if (i + 1 < tokens.size() && !taken[i + 1] && UNITS.containsKey(tokens.get(i + 1).text())
            && UNITS.get(tokens.get(i + 1).text()) < 10) {
          total += UNITS.get(tokens.get(++i).text());
        }
      } else if (UNITS.containsKey(word)) {
        total += UNITS.get(word);
      } else if (word.equals("hundred") && any) {
        total *= 100;
      } else {
        break;
      }
      any = true;
      i++;
      if (i + 1 < tokens.size() && tokens.get(i).text().equals("and") && total >= 100
          && (TENS.containsKey(tokens.get(i + 1).text()) || UNITS.containsKey(tokens.get(i + 1).text()))) {
        i++;
      }
    }
    if (!any) {
      return null;
    }
    cursor[0] = i;
    return BigDecimal.valueOf(total);
  }
}
