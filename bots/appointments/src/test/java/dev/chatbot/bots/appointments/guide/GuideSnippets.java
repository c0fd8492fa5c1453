package dev.chatbot.bots.appointments.guide;

import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bot.Conversation;
import dev.chatbot.dialog.Form;
import dev.chatbot.dialog.Prompt;
import dev.chatbot.dialog.Routes;
import dev.chatbot.dialog.Scope;
import dev.chatbot.dialog.StateKey;
import dev.chatbot.dialog.Turn;
import dev.chatbot.dialog.TurnLogger;
import dev.chatbot.dialog.When;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.LookupNlu;
import dev.chatbot.nlu.Range;
import dev.chatbot.nlu.RasaNlu;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The code of docs/bots.md's reference sections: compiled with the tests, quoted by region (BotsGuideTest). */
final class GuideSnippets {

  private GuideSnippets() {}

  // tag::on-message[]
  public static final class ShoutBot extends BotVerticle {
    @Override public String name() { return "shout"; }

    @Override
    protected Future<Void> onMessage(Message message, Conversation conversation) {
      return conversation.reply(Reply.text(message.input().toUpperCase()));
    }
  }
  // end::on-message[]

  static final class RoutesBot extends BotVerticle {
    static final Form<Order> ORDER = Form.of(Order.class);
    static final Reply HELP = Reply.text("Try \"order a pizza\".");

    @Override public String name() { return "routes"; }

    // tag::routes[]
    @Override
    protected void routes(Routes r) {
      r.nlu(LookupNlu.fromResource("/nlu.yaml"));
      r.global(When.intent("help"), turn -> turn.reply(HELP));        // anywhere, then the form resumes
      r.global(When.payload("CANCEL"), Turn::cancel);                  // ends the form quietly
      r.intent("order", ORDER);                                        // a form starts itself
      r.text("track order {number}", turn -> track(turn, turn.param("number")));
      r.payload("BUY:{sku}", turn -> turn.reply("Added " + turn.param("sku")));
      r.command("/status", turn -> turn.reply("All good. You asked: " + turn.param("args")));
      r.on(When.anyOf(When.text("hi"), When.text("hello")), turn -> turn.reply("Hello!"));
      r.fallback(turn -> turn.reply("Sorry?"));
    }
    // end::routes[]

    private static Future<Void> track(Turn turn, String number) {
      return turn.reply("Order " + number + " is on its way.");
    }
  }

  enum Size { SMALL, MEDIUM, LARGE }

  record Order(Size size, int count, String address, String topping, Range price, boolean gift) {}

  static boolean deliverable(String address) {
    return address.matches(".*\\d+.*");
  }

  static final Form<Order> PROMPTS = Form.of(Order.class)
      // tag::prompts[]
      .slot("size", Prompt.choice("What size?", Size.values()))            // quick replies Small, Medium, Large
      .slot("count", "number", Prompt.integer("How many?")                  // "2 large pizzas" fills it too
          .validate(n -> n >= 1 && n <= 20, "From 1 to 20, please.")
          .retry("A number, please.", 3))
      .slot("address", Prompt.text("Where to?")
          .validateAsync(address -> Future.succeededFuture(deliverable(address)), "We don't deliver there.")
          .remember(Scope.USER))                                             // asked once per user
      .slot("gift", Prompt.yesNo("Is it a gift?"))
      // end::prompts[]
      ;

  static final Form<Order> EXTRAS = Form.of(Order.class)
      // tag::form-extras[]
      .slot("size", Prompt.choice("What size?", Size.values())
          .asking(Reply.quickReplies("Which size? Most take Medium.", "Small", "Medium", "Large")))
      .optional("topping", "topping")          // filled when mentioned ("with ham"), never asked
      .optional("price", "range")              // "under $20" gives a Range
      .interruptedBy(When.intent("menu"))      // these ordinary routes may answer mid-form
      .expireAfter(Duration.ofHours(1))        // an abandoned form is forgotten
      .onGiveUp(turn -> turn.reply("Let's try again later."))
      .onDone((turn, order) -> turn.reply("Ordered: " + order));
      // end::form-extras[]

  // tag::state[]
  record Cart(List<String> skus) {
    Cart plus(String sku) {
      List<String> more = new ArrayList<>(skus);
      more.add(sku);
      return new Cart(more);
    }
  }

  static final StateKey<Cart> CART = StateKey.conversation("cart", Cart.class).orElse(new Cart(List.of()));
  static final StateKey<String> ADDRESS = StateKey.user("address", String.class);
  static final StateKey<Integer> ORDERS = StateKey.bot("orders", Integer.class).orElse(0);

  static Future<Void> buy(Turn turn, String sku) {
    Cart cart = turn.update(CART, c -> c.plus(sku));                  // saved when the turn succeeds
    return turn.change(ORDERS, n -> n + 1)                             // atomic, shared by every conversation
        .compose(orders -> turn.reply(cart.skus().size() + " in your cart (order no. " + orders + ")"));
  }
  // end::state[]

  static void engines(io.vertx.core.Vertx vertx, Routes r) {
    // tag::nlu[]
    r.nlu(LookupNlu.fromResource("/nlu.yaml"));                  // data in src/main/resources
    r.nlu(RasaNlu.create(vertx, "http://localhost:5005"));       // or an external Rasa server
    r.nlu((text, context) -> Future.succeededFuture(             // or your own
        dev.chatbot.nlu.Understanding.none(text)));
    r.minConfidence(0.7);                                        // intent routes need this much
    // end::nlu[]
  }

  static void interceptors(Routes r) {
    // tag::interceptors[]
    r.receive(new TurnLogger());                                  // one log line per turn
    r.receive((turn, next) -> turn.text().startsWith("#")         // a human agent's note: the bot stays out
        ? Future.succeededFuture() : next.get());
    r.send((turn, reply) -> Future.succeededFuture(              // every reply, changed or dropped (null)
        reply instanceof Reply.Text text ? Reply.text(text.text().replace("colour", "color")) : reply));
    // end::interceptors[]
  }

  static Future<Void> escapeHatches(Turn turn) {
    // tag::escape-hatches[]
    io.vertx.core.json.JsonObject event = turn.message().raw();             // the platform's own event, or null
    Reply reminder = Reply.platformSpecific("whatsapp", new io.vertx.core.json.JsonObject()
            .put("type", "template")
            .put("template", new io.vertx.core.json.JsonObject().put("name", "appointment_reminder")
                .put("language", new io.vertx.core.json.JsonObject().put("code", "en"))),
        Reply.text("See you tomorrow at 10!"))                            // everyone else gets this
        .with("messenger", new io.vertx.core.json.JsonObject()
            .put("messaging_type", "MESSAGE_TAG").put("tag", "CONFIRMED_EVENT_UPDATE"));
    return turn.reply(reminder);
    // end::escape-hatches[]
  }

  // tag::proactive[]
  public static final class ReminderBot extends BotVerticle {
    @Override public String name() { return "reminders"; }

    @Override
    protected void routes(Routes r) {
      r.text("remind me in {minutes} minutes", turn -> {
        long delay = Long.parseLong(turn.param("minutes")) * 60_000;
        var to = turn.message().conversation();
        var user = turn.message().user();
        vertx.setTimer(delay, fired -> proactive(to, user, "reminder", new io.vertx.core.json.JsonObject()));
        return turn.reply("I will.");
      });
      r.event("reminder", turn -> turn.reply("Time's up!"));      // queued and handled like a message
    }
  }
  // end::proactive[]
}
