package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.bots.shoeshop.Catalog.Shoe;
import dev.chatbot.model.Card;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.SizeChart;
import dev.chatbot.testkit.BotTester;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The shopper phrasing set ({@code shopper-phrasings.txt}): messages written the way people talk and type, each
 * with what the shop should do. Every row is a conversation of its own user in the bot tester (the real bot, its
 * routes and a memory store, no HTTP); a message is understood when every check holds, partly when some
 * do, missed when none does. The counts are printed and reported in docs/shoe-shop.md.
 */
class ShopperPhrasingsTest {

  private static final Catalog CATALOG = Catalog.shared();

  private record Row(int line, List<String> before, String message, List<String> checks) {}

  private record Outcome(Row row, int passed, List<String> failed) {}

  @Test
  void atLeastNinetyPercentOfShopperMessagesAreUnderstood() throws IOException {
    assertUnderstood("/shopper-phrasings.txt", 80);
  }

  @Test
  void atLeastNinetyPercentOfTheUnseenSetIsUnderstood() throws IOException {
    assertUnderstood("/shopper-phrasings-unseen.txt", 40);
  }

  private void assertUnderstood(String resource, int atLeast) throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    try (BotTester bot = BotTester.start(new ShoeShopBot())) {
      for (Row row : rows(resource)) {
        outcomes.add(run(bot.as("phrasing-" + row.line()), row));
      }
    }
    long understood = outcomes.stream().filter(o -> o.failed().isEmpty()).count();
    long missed = outcomes.stream().filter(o -> o.passed() == 0).count();
    long partly = outcomes.size() - understood - missed;
    outcomes.stream().filter(o -> !o.failed().isEmpty()).forEach(o -> System.out.printf(Locale.ROOT,
        "%s line %d \"%s\": %s%n", o.passed() == 0 ? "MISSED" : "PARTLY", o.row().line(), o.row().message(),
        o.failed()));
    System.out.printf(Locale.ROOT, "%s: %d messages, %d understood (%.0f%%), %d partly, %d missed%n",
        resource, outcomes.size(), understood, 100.0 * understood / outcomes.size(), partly, missed);
    assertThat(outcomes).hasSizeGreaterThanOrEqualTo(atLeast);
    assertThat(understood * 100 / outcomes.size()).as("understood %%").isGreaterThanOrEqualTo(90);
  }

  private Outcome run(BotTester bot, Row row) {
    Reply.Cards lastCards = null;
    List<Reply> replies = List.of();
    List<String> messages = new ArrayList<>(row.before());
    messages.add(row.message());
    for (String said : messages) {
      if (said.startsWith("[") && said.endsWith("]")) {
        String payload = said.substring(1, said.length() - 1);
        if (payload.startsWith("BUY:")) {
          payload = lastCards.cards().get(Integer.parseInt(payload.substring(4)) - 1).buttons().get(0).payload();
        }
        bot.tap(payload);
      } else {
        bot.say(said);
      }
      replies = bot.drain();
      for (Reply reply : replies) {
        lastCards = reply instanceof Reply.Cards cards ? cards : lastCards;
      }
    }
    JsonObject state = bot.state();
    List<String> failed = new ArrayList<>();
    int passed = 0;
    for (String check : row.checks()) {
      if (holds(check, replies, state)) {
        passed++;
      } else {
        failed.add(check);
      }
    }
    return new Outcome(row, passed, failed);
  }

  private static boolean holds(String check, List<Reply> replies, JsonObject state) {
    List<Shoe> shoes = replies.stream().filter(Reply.Cards.class::isInstance)
        .flatMap(reply -> ((Reply.Cards) reply).cards().stream()).map(ShopperPhrasingsTest::shoeOf).toList();
    String text = String.join("\n", replies.stream().map(ShopperPhrasingsTest::textOf).toList())
        .toLowerCase(Locale.ROOT);
    if (check.equals("cards")) {
      return !shoes.isEmpty();
    }
    if (check.equals("nocards")) {
      return shoes.isEmpty() && !replies.isEmpty();
    }
    if (check.equals("none")) {
      return replies.isEmpty();
    }
    if (check.equals("order")) {
      return text.matches("(?s).*order ss-\\d{6} is confirmed.*");
    }
    if (check.startsWith("says~") || check.startsWith("!says~")) {
      boolean says = text.contains(check.substring(check.indexOf('~') + 1).toLowerCase(Locale.ROOT));
      return check.startsWith("!") != says;
    }
    if (check.startsWith("cart=")) {
      int pairs = state.getJsonObject("basket", new JsonObject())
          .getJsonArray("lines", new io.vertx.core.json.JsonArray()).stream().mapToInt(line -> ((JsonObject) line).getInteger("quantity")).sum();
      return pairs == Integer.parseInt(check.substring(5));
    }
    if (check.startsWith("size=")) {
      Integer size = state.getJsonObject("want", new JsonObject()).getInteger("size");
      return size != null && List.of(check.substring(5).split("\\|")).contains(SizeChart.format(size));
    }
    if (check.startsWith("first=")) {
      return !shoes.isEmpty() && shoes.get(0).isModel(check.substring(6));
    }
    String[] parts = check.split("(?<=[a-z])(?=[!<>=])|(?<=[!<>=])(?=[^!<>=])");
    String field = parts[0];
    String op = parts[1];
    String value = parts[2];
    Predicate<Shoe> each = shoe -> {
      if (field.equals("price")) {
        long dollars = shoe.priceCents() / 100;
        return op.equals("<=") ? dollars <= Long.parseLong(value) : dollars >= Long.parseLong(value);
      }
      boolean any = List.of(value.split("\\|")).stream().anyMatch(one -> switch (field) {
        case "colour" -> shoe.colour().equals(one);
        case "style" -> shoe.isStyle(one);
        case "material" -> shoe.material().equals(one);
        case "brand" -> shoe.brand().equals(one);
        case "feature" -> shoe.features().contains(one);
        case "width" -> shoe.width().equals(one);
        default -> throw new IllegalArgumentException("unknown check " + check);
      });
      return op.equals("!=") != any;
    };
    return !shoes.isEmpty() && shoes.stream().allMatch(each);
  }

  private static Shoe shoeOf(Card card) {
    return CATALOG.find(card.buttons().get(0).payload().substring(ShoeCards.BUY.length()));
  }

  private static String textOf(Reply reply) {
    return reply instanceof Reply.Text text ? text.text()
        : reply instanceof Reply.QuickReplies quick ? quick.text() : "";
  }

  private static List<Row> rows(String resource) throws IOException {
    List<Row> rows = new ArrayList<>();
    try (InputStream in = ShopperPhrasingsTest.class.getResourceAsStream(resource)) {
      String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\\|", 2);
        List<String> messages = List.of(columns[0].trim().split(" / "));
        rows.add(new Row(i + 1, messages.subList(0, messages.size() - 1), messages.get(messages.size() - 1),
            List.of(columns[1].trim().split("\\s*;\\s*"))));
      }
    }
    return rows;
  }
}
