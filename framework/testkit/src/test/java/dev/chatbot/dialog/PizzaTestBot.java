package dev.chatbot.dialog;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.LookupNlu;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;

/** Every part of the authoring API in one bot, for the dialog tests. */
public final class PizzaTestBot extends BotVerticle {

  enum Size { SMALL, MEDIUM, LARGE }

  record Order(Size size, int count, boolean delivery, String address, String topping) {}

  static final StateKey<Order> LAST = StateKey.conversation("last", Order.class);
  static final StateKey<Integer> ORDERS = StateKey.user("orders", Integer.class).orElse(0);
  static final StateKey<Integer> SOLD = StateKey.bot("sold", Integer.class).orElse(0);

  static final Form<Order> ORDER = Form.of(Order.class)
      .slot("size", Prompt.choice("What size?", Size.values()))
      .slot("count", "number", Prompt.integer("How many?")
          .validate(n -> n >= 1 && n <= 20, "Between 1 and 20, please.").retry("A number, please.", 1))
      .slot("delivery", Prompt.yesNo("Delivered?"))
      // asynchronous, as a lookup would be: a street and a number
      .slot("address", Prompt.ofAsync("Where to?", text -> Vertx.currentContext().owner().timer(1)
          .map(tick -> text.matches(".*\\d+.*") ? text.trim() : null))
          .retry("I need a street and a number.", 2).remember(Scope.USER))
      .optional("topping", "topping")
      .interruptedBy(When.intent("menu"))
      .expireAfter(Duration.ofMinutes(30))
      .onDone((turn, order) -> {
        turn.set(LAST, order);
        int orders = turn.update(ORDERS, n -> n + 1);
        return turn.change(SOLD, n -> n + order.count()).compose(sold -> turn.reply(
            "Ordered " + order.count() + " " + order.size() + (order.topping() == null ? "" : " " + order.topping())
                + " to " + order.address() + " (order " + orders
                + ", " + sold + " sold)"));
      });

  @Override
  public String name() {
    return "pizza-test";
  }

  @Override
  protected void routes(Routes r) {
    r.nlu(LookupNlu.fromResource("/pizza-nlu.yaml"));
    r.global(When.intent("help"), turn -> turn.reply("I take pizza orders."));
    r.global(When.anyOf(When.text("cancel"), When.payload("CANCEL")),
        turn -> turn.cancel().compose(v -> turn.reply("Cancelled.")));
    r.intent("order", ORDER);
    r.intent("menu", turn -> turn.reply("Margherita only."));
    r.text("repeat {what} {n} times", turn -> turn.reply(turn.param("what") + " x" + turn.param("n")));
    r.payload("BUY:{sku}", turn -> turn.reply("bought " + turn.param("sku")));
    r.command("/status", turn -> turn.reply("status [" + turn.param("args") + "]"));
    r.text("boom", turn -> {
      turn.set(ORDERS, 99);
      return Future.failedFuture("boom");
    });
    r.receive(new TurnLogger());
    r.receive((turn, next) -> turn.text().equals("psst") ? Future.succeededFuture() : next.get());
    r.send((turn, reply) -> Future.succeededFuture(reply instanceof Reply.Text text && text.text().equals("the secret")
        ? null : reply));
    r.text("native", turn -> turn.reply(Reply.platformSpecific("messenger",
        new io.vertx.core.json.JsonObject().put("text", "for Messenger"), Reply.text("for everyone else"))));
    r.text("remind me about {what}", turn -> proactive(turn.message().conversation(), turn.message().user(),
        "reminder", new io.vertx.core.json.JsonObject().put("what", turn.param("what")))
        .compose(queued -> turn.reply("I will.")));
    r.event("reminder", turn -> turn.reply("Reminder: " + turn.message().raw().getString("what")));
    r.event("tagged", turn -> turn.reply(Reply.platformSpecific("test",
        new io.vertx.core.json.JsonObject().put("tag", "CONFIRMED_EVENT_UPDATE"), Reply.text("Tagged reminder"))));
    r.text("tell me a secret", turn -> turn.reply(Reply.text("the secret"), Reply.text("no secret here")));
    r.fallback(turn -> turn.reply("Say \"pizza\"."));
  }
}
