package dev.chatbot.dialog;

import dev.chatbot.bot.Conversation;
import dev.chatbot.model.Message;
import dev.chatbot.model.Reply;
import dev.chatbot.nlu.NluContext;
import dev.chatbot.state.BotDataStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a bot's {@link Routes} for one message: interceptors, NLU, global routes, the waiting form, other routes,
 * fallback; then writes the turn's typed state and dialog position into the conversation, only if all went well.
 * {@code BotVerticle} makes one per bot instance.
 */
public final class Dialog {

  private final Routes routes;
  private final Clock clock;
  private final Supplier<BotDataStore> data;
  private final Function<String, Duration> replyWindows;
  private final Consumer<String> events;

  public Dialog(Routes routes, Clock clock, Supplier<BotDataStore> data) {
    this(routes, clock, data, platform -> null, event -> { });
  }

  /** {@code replyWindows}: each platform's reply window (null: none), checked for replies to events. */
  public Dialog(Routes routes, Clock clock, Supplier<BotDataStore> data, Function<String, Duration> replyWindows) {
    this(routes, clock, data, replyWindows, event -> { });
  }

  /**
   * {@code replyWindows}: each platform's reply window (null: none), checked for replies to events; {@code events}:
   * counts what the framework counts for the bot ({@code handover}), as {@code BotMetrics.count} does.
   */
  public Dialog(Routes routes, Clock clock, Supplier<BotDataStore> data, Function<String, Duration> replyWindows,
      Consumer<String> events) {
    this.routes = routes;
    this.clock = clock;
    this.data = data;
    this.replyWindows = replyWindows;
    this.events = events;
  }

  /** Handles one message; the future fails when a handler failed, and then the state is left as it was. */
  public Future<Void> run(Message message, Conversation conversation) {
    Turn turn = new Turn(this, message, conversation);
    return intercepted(turn, 0).map(done -> {
      turn.commit();
      return null;
    });
  }

  private Future<Void> intercepted(Turn turn, int index) {
    if (index == routes.receivers.size()) {
      return understand(turn).compose(this::route);
    }
    return routes.receivers.get(index).receive(turn, () -> intercepted(turn, index + 1));
  }

  private Future<Turn> understand(Turn turn) {
    Message message = turn.message();
    if (routes.nlu == null || message.isPostback() || message.text() == null || message.text().isBlank()) {
      return Future.succeededFuture(turn);
    }
    DialogPosition position = turn.position();
    Form<?> form = position == null ? null : routes.forms.get(position.form());
    NluContext context = form == null ? NluContext.none(message.conversation().platform())
        : form.context(position.slot(), message.conversation().platform());
    return routes.nlu.understand(message.text(), context).map(turn::understood);
  }

  private Future<Void> route(Turn turn) {
    if (turn.handedOver()) {
      return handedOver(turn);
    }
    if (turn.message().kind() == Message.Kind.EVENT) {
      // The bot's own event: only event routes; a form in progress keeps waiting for the user.
      Routes.Route route = first(routes.routes, turn);
      return route == null ? Future.succeededFuture() : route.handler().handle(turn);
    }
    DialogPosition position = turn.position();
    Form<?> form = position == null ? null : routes.forms.get(position.form());
    if (position != null && (form == null || form.expired(position, clock.millis()))) {
      // A form this bot no longer has, or one left waiting too long: start afresh.
      turn.endDialog();
      form = null;
    }
    Routes.Route global = first(routes.globals, turn);
    if (global != null) {
      DialogPosition before = turn.position();
      Form<?> resumed = form;
      return global.handler().handle(turn).compose(done -> resume(turn, before, resumed));
    }
    if (form != null) {
      for (When interruption : form.interruptions()) {
        if (interruption.match(turn) != null) {
          // Not an answer: the ordinary routes (or the fallback) answer it, then the form asks again.
          Routes.Route route = first(routes.routes, turn);
          Handler handler = route != null ? route.handler() : routes.fallback;
          if (handler != null) {
            DialogPosition before = turn.position();
            Form<?> resumed = form;
            return handler.handle(turn).compose(done -> resume(turn, before, resumed));
          }
        }
      }
      return form.resume(turn, turn.position());
    }
    Routes.Route route = first(routes.routes, turn);
    if (route != null) {
      return route.handler().handle(turn);
    }
    return routes.fallback != null ? routes.fallback.handle(turn) : Future.succeededFuture();
  }

  /** A person has the conversation: only the admin's resume or the user's {@code Routes.handover} words get through. */
  private Future<Void> handedOver(Turn turn) {
    Message message = turn.message();
    boolean resume = message.kind() == Message.Kind.EVENT ? Handover.RESUME_EVENT.equals(message.payload())
        : routes.resume != null && routes.resume.match(turn) != null;
    if (!resume) {
      return Future.succeededFuture();
    }
    turn.resumeFromHandover();
    return routes.resumed == null ? Future.succeededFuture() : routes.resumed.handle(turn);
  }

  /** After an interruption: the form asks again, unless the handler ended or replaced it. */
  private static Future<Void> resume(Turn turn, DialogPosition before, Form<?> form) {
    return form != null && before != null && turn.position() == before ? form.ask(turn, before)
        : Future.succeededFuture();
  }

  private static Routes.Route first(List<Routes.Route> candidates, Turn turn) {
    for (Routes.Route route : candidates) {
      Map<String, String> captures = route.when().match(turn);
      if (captures != null) {
        turn.captures(captures);
        return route;
      }
    }
    return null;
  }

  Future<Void> send(Turn turn, List<Reply> replies) {
    String closed = windowClosed(turn, replies);
    if (closed != null) {
      return Future.failedFuture(new IllegalStateException(closed));
    }
    if (routes.senders.isEmpty()) {
      return turn.conversation().reply(replies);
    }
    Future<Void> sent = Future.succeededFuture();
    for (Reply reply : replies) {
      Future<Reply> intercepted = Future.succeededFuture(reply);
      for (SendInterceptor interceptor : routes.senders) {
        intercepted = intercepted.compose(r -> r == null ? Future.succeededFuture() : interceptor.send(turn, r));
      }
      Future<Reply> ready = intercepted;
      sent = sent.compose(previous -> ready.compose(r -> r == null ? Future.succeededFuture()
          : turn.conversation().reply(r)));
    }
    return sent;
  }

  /**
   * Why these replies may not go out, or null: a reply to an event, after the platform's reply window closed, must
   * be platform-specific for it (a WhatsApp template, a Messenger message tag), or the platform would reject it.
   */
  private String windowClosed(Turn turn, List<Reply> replies) {
    if (turn.message().kind() != Message.Kind.EVENT) {
      return null;
    }
    String platform = turn.message().conversation().platform();
    return ReplyWindow.refusal(platform, replyWindows.apply(platform), turn.lastSeen(), clock.millis(), replies, true);
  }

  void known(Form<?> form) {
    routes.form(form);
  }

  void count(String event) {
    events.accept(event);
  }

  Clock clock() {
    return clock;
  }

  BotDataStore data() {
    return data.get();
  }

  double minConfidence() {
    return routes.minConfidence;
  }

  boolean isEmpty() {
    return routes.isEmpty();
  }
}
