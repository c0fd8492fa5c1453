package dev.chatbot.bot;

import dev.chatbot.state.BotDataStore;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.time.Clock;

/** What the server lends every bot of one Vert.x instance: the store of bot-wide data and the clock. */
public final class BotServices implements Shareable {

  private static final String MAP = "chatbot.bot-services";

  private final BotDataStore data;
  private final Clock clock;

  private BotServices(BotDataStore data, Clock clock) {
    this.data = data;
    this.clock = clock;
  }

  /** Called by the server before it deploys bots. */
  public static void register(Vertx vertx, BotDataStore data) {
    register(vertx, data, Clock.systemUTC());
  }

  /** With a clock of one's own: the bot tester's, which tests move by hand. */
  public static void register(Vertx vertx, BotDataStore data, Clock clock) {
    vertx.sharedData().<String, BotServices>getLocalMap(MAP).put("services", new BotServices(data, clock));
  }

  static BotServices of(Vertx vertx) {
    BotServices services = vertx.sharedData().<String, BotServices>getLocalMap(MAP).get("services");
    if (services == null) {
      throw new IllegalStateException("no bot services registered: bots run inside a ChatbotServer");
    }
    return services;
  }

  BotDataStore data() {
    return data;
  }

  Clock clock() {
    return clock;
  }
}
