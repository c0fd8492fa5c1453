package dev.chatbot.bench.turn;

import dev.chatbot.bot.BotServices;
import dev.chatbot.bot.BotVerticle;
import dev.chatbot.bot.Conversation;
import dev.chatbot.bot.LocalBots;
import dev.chatbot.dialog.Form;
import dev.chatbot.dialog.Prompt;
import dev.chatbot.dialog.Routes;
import dev.chatbot.dialog.StateKey;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.model.UserRef;
import dev.chatbot.nlu.LookupData;
import dev.chatbot.nlu.LookupNlu;
import dev.chatbot.state.MemoryBotDataStore;
import dev.chatbot.state.MemoryStateStore;
import dev.chatbot.state.StateStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The framework's own cost per turn, without HTTP, platforms or the bot's work: load the conversation state and the
 * user's profile from the memory store, route the message, run the dialog, write typed state and the dialog
 * position, compare and save both, exactly as the dispatcher does around a bot. Each bot's handlers only reply to a
 * sink that does nothing, so what is measured is the framework. The figure that counts is the event-loop thread's CPU
 * time per turn (what the turn costs even when other work shares the cores); wall time is printed beside it.
 *
 * <p>Run with {@code bench/turn-cost.sh} (Java's single-file launch against {@code deploy/target/chatbot.jar}).
 */
public final class TurnCost {

  private static final int CONVERSATIONS = 1_000;
  private static final int BATCH = 5_000;

  /** The bot of the old API: one {@code onMessage}, the floor the declarative layer is compared with. */
  public static final class PlainBot extends BotVerticle {
    @Override public String name() { return "plain"; }

    @Override
    protected Future<Void> onMessage(Message message, Conversation conversation) {
      return conversation.reply(Reply.text(message.input()));
    }
  }

  /** Routes only: a few text and payload routes, a global, the fallback answers. */
  public static final class RoutesBot extends BotVerticle {
    @Override public String name() { return "routes"; }

    @Override
    protected void routes(Routes r) {
      r.global(dev.chatbot.dialog.When.text("help"), turn -> turn.reply("help"));
      r.text("hello {name}", turn -> turn.reply("hi " + turn.param("name")));
      r.payload("BUY:{sku}", turn -> turn.reply("bought"));
      r.command("/status", turn -> turn.reply("ok"));
      r.fallback(turn -> turn.reply(turn.text()));
    }
  }

  record Visit(String service, int people, String name) {}

  record Counter(int turns) {}

  static final StateKey<Counter> COUNTER = StateKey.conversation("counter", Counter.class).orElse(new Counter(0));

  /** A three-slot form, round and round: every turn moves the dialog position and writes typed state. */
  public static final class FormBot extends BotVerticle {
    static final Form<Visit> VISIT = Form.of(Visit.class)
        .slot("service", Prompt.choice("Which service?", "Haircut", "Shave"))
        .slot("people", Prompt.integer("How many?").validate(n -> n > 0, "At least one."))
        .slot("name", Prompt.text("Name?"))
        .onDone((turn, visit) -> turn.reply("Booked " + visit.name()));

    @Override public String name() { return "form"; }

    @Override
    protected void routes(Routes r) {
      r.text("book", VISIT);
      r.fallback(turn -> {
        turn.update(COUNTER, c -> new Counter(c.turns() + 1));
        return turn.reply("?");
      });
    }
  }

  /** The same form with the lookup NLU reading every message (the NLU's cost is in this figure). */
  public static final class NluFormBot extends BotVerticle {
    @Override public String name() { return "form-nlu"; }

    @Override
    protected void routes(Routes r) {
      r.nlu(new LookupNlu(new LookupData(null, Map.of("book", List.of("book", "appointment")),
          Map.of("service", Map.of("Haircut", List.of("cut", "trim"), "Shave", List.of("beard"))))));
      r.intent("book", FormBot.VISIT);
    }
  }

  public static void main(String[] args) throws Exception {
    long turns = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    BotServices.register(vertx, new MemoryBotDataStore());
    System.out.printf(Locale.ROOT, "%-10s %10s %14s %12s %12s%n", "bot", "turns", "cpu ns/turn", "wall ns/turn",
        "bytes/turn");
    measure(vertx, new PlainBot(), List.of("hello", "how are you"), turns);
    measure(vertx, new RoutesBot(), List.of("hello Ann", "something else", "/status now"), turns);
    measure(vertx, new FormBot(), List.of("book", "Haircut", "2", "Ann", "other"), turns);
    measure(vertx, new NluFormBot(), List.of("I want an appointment", "a trim", "2", "Ann"), turns);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static void measure(Vertx vertx, BotVerticle bot, List<String> script, long turns) throws Exception {
    vertx.deployVerticle(bot).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Context context = vertx.getOrCreateContext();
    Driver driver = new Driver(bot.name(), script, vertx);
    run(context, driver, turns / 2); // warm-up: the JIT sees every path
    long started = System.nanoTime();
    run(context, driver, turns);
    long elapsed = System.nanoTime() - started;
    System.out.printf(Locale.ROOT, "%-10s %10d %14.0f %12.0f %12d%n", bot.name(), turns,
        (double) driver.cpu / turns, (double) elapsed / turns, driver.allocated / turns);
  }

  /** Runs {@code turns} turns in batches on the event loop (a batch at a time, so the loop is never held long). */
  private static void run(Context context, Driver driver, long turns) throws Exception {
    Promise<Void> done = Promise.promise();
    driver.allocated = 0;
    driver.cpu = 0;
    driver.remaining = turns;
    context.runOnContext(tick -> driver.batch(context, done));
    done.future().toCompletionStage().toCompletableFuture().get(10, TimeUnit.MINUTES);
  }

  /** Plays the script in every conversation in turn, doing per message what the dispatcher does around a bot. */
  static final class Driver {
    private final String bot;
    private final List<String> script;
    private final Vertx vertx;
    private final StateStore store = new MemoryStateStore();
    private final Conversation.ReplySink sink = (to, reply) -> Future.succeededFuture();
    private final Message[][] messages;
    private final int[] step = new int[CONVERSATIONS];
    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long remaining;
    long allocated;
    long cpu;
    private long next;

    Driver(String bot, List<String> script, Vertx vertx) {
      this.bot = bot;
      this.script = script;
      this.vertx = vertx;
      this.messages = new Message[CONVERSATIONS][script.size()];
      for (int c = 0; c < CONVERSATIONS; c++) {
        ConversationRef ref = ConversationRef.of("bench", "c" + c);
        UserRef user = UserRef.of("bench", "u" + c);
        for (int s = 0; s < script.size(); s++) {
          messages[c][s] = Message.text("m" + c + "-" + s, ref, user, script.get(s));
        }
      }
    }

    void batch(Context context, Promise<Void> done) {
      long before = threads.getCurrentThreadAllocatedBytes();
      long cpuBefore = threads.getCurrentThreadCpuTime();
      LocalBots.Handler handler = LocalBots.of(vertx).onThisThread(bot);
      int n = (int) Math.min(BATCH, remaining);
      for (int i = 0; i < n; i++) {
        int c = (int) (next++ % CONVERSATIONS);
        Message message = messages[c][step[c]];
        step[c] = (step[c] + 1) % script.size();
        Future<Void> turn = turn(handler, message);
        if (turn.failed()) {
          done.fail(turn.cause());
          return;
        }
      }
      allocated += threads.getCurrentThreadAllocatedBytes() - before;
      cpu += threads.getCurrentThreadCpuTime() - cpuBefore;
      remaining -= n;
      if (remaining == 0) {
        done.complete();
      } else {
        context.runOnContext(tick -> batch(context, done));
      }
    }

    /** The dispatcher's work around the bot: load, call, wait for the replies, save what changed. */
    private Future<Void> turn(LocalBots.Handler handler, Message message) {
      String stateKey = "conversation:" + message.conversation().key();
      String profileKey = "profile:" + message.user().key();
      return Future.all(store.get(stateKey), store.get(profileKey)).compose(loaded -> {
        JsonObject state = loaded.resultAt(0);
        JsonObject profile = loaded.resultAt(1);
        JsonObject stateBefore = state.copy();
        JsonObject profileBefore = profile.copy();
        Conversation conversation = new Conversation(message.conversation(), message.user(), state, profile, sink);
        return handler.handle(message, conversation).compose(handled -> conversation.allSent())
            .compose(sent -> Future.all(
                state.equals(stateBefore) ? Future.succeededFuture() : store.put(stateKey, state),
                profile.equals(profileBefore) ? Future.succeededFuture() : store.put(profileKey, profile)))
            .mapEmpty();
      });
    }
  }
}
