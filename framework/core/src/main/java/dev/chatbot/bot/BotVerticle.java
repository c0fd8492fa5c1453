package dev.chatbot.bot;

import dev.chatbot.dialog.Dialog;
import dev.chatbot.dialog.Routes;
import dev.chatbot.model.Message;
import dev.chatbot.state.BotDataStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * A bot: extend this, give it a {@link #name()}, and either declare its {@link #routes(Routes) routes} (patterns,
 * intents, forms: see docs/bots.md) or answer each {@link Message} yourself in {@link #onMessage}.
 *
 * <pre>{@code
 * public final class EchoBot extends BotVerticle {
 *   public String name() { return "echo"; }
 *   protected Future<Void> onMessage(Message message, Conversation conversation) {
 *     return conversation.reply(Reply.text(message.text()));
 *   }
 * }
 * }</pre>
 *
 * <p>Register it in {@code META-INF/services/dev.chatbot.bot.BotVerticle} and pick it with {@code BOT=echo}. The
 * framework calls {@code onMessage} for one conversation at a time and in order; never block in it.
 */
public abstract class BotVerticle extends VerticleBase {

  private MessageConsumer<BotCall> consumer;
  private Thread thread;
  private Dialog dialog;

  /** The name that {@code BOT} selects this bot by. */
  public abstract String name();

  /**
   * This bot's own data, shared by all its instances (and cluster members) and durable with the default store: stock,
   * order counters. Keys are this bot's alone. Use {@link BotDataStore#update} for anything two conversations may
   * change at once.
   */
  protected final BotDataStore data() {
    return BotServices.of(vertx).data().prefixed("bot:" + name() + ":");
  }

  /**
   * Sends the event {@code name} with {@code data} into a conversation, as if the user had written: it waits its
   * turn behind the conversation's messages and is handled with its state loaded and saved (route it with
   * {@code r.event(name, ...)}). The future completes once the event is queued. On platforms with a reply window
   * (Messenger, WhatsApp), a reply to an event sent after it has closed must be platform-specific (a template, a
   * message tag), or the turn fails with an error saying so.
   */
  protected final Future<Void> proactive(dev.chatbot.model.ConversationRef to, dev.chatbot.model.UserRef user,
      String name, io.vertx.core.json.JsonObject data) {
    dev.chatbot.spi.Inbound inbound = BotServices.of(vertx).inbound();
    if (inbound == null) {
      return Future.failedFuture(new IllegalStateException("proactive messages need the server's inbound queue"));
    }
    return inbound.accept(java.util.List.of(Message.event(to, user, name, data, clock().millis()))).mapEmpty();
  }

  /** The clock the framework uses for this bot (the bot tester's controllable one in tests). */
  protected final java.time.Clock clock() {
    return BotServices.of(vertx).clock();
  }

  /**
   * Declares what this bot answers to; called once per instance at start. Bots that override {@link #onMessage}
   * instead need not.
   */
  protected void routes(Routes routes) {
  }

  /**
   * Handles one message: by default through the declared {@link #routes(Routes) routes}. Override it to handle
   * everything yourself. The returned future completing means the message is done.
   */
  protected Future<Void> onMessage(Message message, Conversation conversation) {
    if (dialog == null) {
      return Future.failedFuture(getClass().getSimpleName() + " declares no routes and does not override onMessage");
    }
    return dialog.run(message, conversation);
  }

  @Override
  public Future<?> start() {
    Routes declared = new Routes();
    routes(declared);
    dialog = declared.isEmpty() ? null : new Dialog(declared, BotServices.of(vertx).clock(), this::data,
        platform -> BotServices.of(vertx).replyWindow(platform),
        dev.chatbot.metrics.BotMetrics.of(vertx, name())::count);
    thread = Thread.currentThread();
    LocalBots.of(vertx).register(name(), thread, this::handle);
    consumer = vertx.eventBus().localConsumer(Addresses.bot(name()), call -> handle(call.body().message(),
        call.body().conversation()).onComplete(
            done -> call.reply(null),
            failure -> call.fail(500, String.valueOf(failure.getMessage()))));
    return consumer.completion();
  }

  private Future<Void> handle(Message message, Conversation conversation) {
    try {
      Future<Void> handled = onMessage(message, conversation);
      return handled != null ? handled : Future.failedFuture("onMessage returned null");
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  @Override
  public Future<?> stop() {
    if (thread != null) {
      LocalBots.of(vertx).unregister(name(), thread);
    }
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
