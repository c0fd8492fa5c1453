package dev.chatbot.dialog;

import dev.chatbot.nlu.NluEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bot answers to, declared once at start in {@code BotVerticle.routes}, read top to bottom:
 *
 * <pre>{@code
 * r.nlu(LookupNlu.fromResource("/nlu.yaml"));
 * r.global(When.intent("help"), turn -> turn.reply(HELP));      // anywhere, even mid-form; the form then resumes
 * r.intent("book", BOOKING);                                     // a form is a handler: it starts itself
 * r.payload("CANCEL:{id}", turn -> cancel(turn, turn.param("id")));
 * r.text("hello", turn -> turn.reply("Hi!"));
 * r.command("/status", this::status);
 * r.fallback(turn -> turn.reply("Try \"book a haircut\"."));
 * }</pre>
 *
 * <p>For each message: global routes first (in order), then the form waiting for an answer, if any, then the other
 * routes in order, then the fallback. The first match wins.
 */
public final class Routes {

  record Route(When when, Handler handler) {}

  final List<Route> globals = new ArrayList<>();
  final List<Route> routes = new ArrayList<>();
  final Map<String, Form<?>> forms = new LinkedHashMap<>();
  final List<ReceiveInterceptor> receivers = new ArrayList<>();
  final List<SendInterceptor> senders = new ArrayList<>();
  Handler fallback;
  When resume;
  Handler resumed;
  NluEngine nlu;
  double minConfidence = 0.6;

  public Routes on(When when, Handler handler) {
    routes.add(new Route(when, register(handler)));
    return this;
  }

  /** Whole typed text, any case, with {@code {holes}}: {@code "order {count} pizzas"}. */
  public Routes text(String pattern, Handler handler) {
    return on(When.text(pattern), handler);
  }

  /** A button's or quick reply's payload with {@code {holes}}: {@code "BUY:{sku}"}. */
  public Routes payload(String pattern, Handler handler) {
    return on(When.payload(pattern), handler);
  }

  /** An intent of the NLU. */
  public Routes intent(String intent, Handler handler) {
    return on(When.intent(intent), handler);
  }

  /** A slash command, {@code "/status"}; its argument text is {@code turn.param("args")}. */
  public Routes command(String command, Handler handler) {
    return on(When.command(command), handler);
  }

  /** An event the bot sent into a conversation itself ({@code proactive(...)}): a reminder, a shipped order. */
  public Routes event(String name, Handler handler) {
    return on(When.event(name), handler);
  }

  /** Answers anywhere, before any form; a form in progress asks its question again afterwards unless ended. */
  public Routes global(When when, Handler handler) {
    globals.add(new Route(when, register(handler)));
    return this;
  }

  /** What answers when nothing else does (otherwise the bot says nothing). */
  public Routes fallback(Handler handler) {
    this.fallback = register(handler);
    return this;
  }

  /** Makes a form known that is only started from code ({@code turn.begin(form)}); route handlers need not. */
  public Routes form(Form<?> form) {
    Form<?> other = forms.putIfAbsent(form.name(), form);
    if (other != null && other != form) {
      throw new IllegalArgumentException("two forms named " + form.name() + ": their records need different names");
    }
    return this;
  }

  /**
   * What ends a handover to a person ({@code turn.handOver()}) from the user's side ("bot"), and what the bot says
   * when it is back, after those words or the admin API's resume (then the message is the event
   * {@link Handover#RESUME_EVENT}). Without it only the admin API resumes, quietly.
   */
  public Routes handover(When resume, Handler resumed) {
    this.resume = resume;
    this.resumed = register(resumed);
    return this;
  }

  /** The engine that finds intents and entities in typed text. */
  public Routes nlu(NluEngine engine) {
    this.nlu = engine;
    return this;
  }

  /** Intents the NLU is less sure of than this (0..1, default 0.6) match no intent route. */
  public Routes minConfidence(double confidence) {
    this.minConfidence = confidence;
    return this;
  }

  /** Runs around every turn, in the order added (the first added is the outermost). */
  public Routes receive(ReceiveInterceptor interceptor) {
    receivers.add(interceptor);
    return this;
  }

  /** Sees every reply, in the order added. */
  public Routes send(SendInterceptor interceptor) {
    senders.add(interceptor);
    return this;
  }

  /** Whether nothing was declared (the bot handles messages itself). */
  public boolean isEmpty() {
    return globals.isEmpty() && routes.isEmpty() && fallback == null && forms.isEmpty();
  }

  private Handler register(Handler handler) {
    if (handler instanceof Form<?> form) {
      form(form);
    }
    return handler;
  }
}
