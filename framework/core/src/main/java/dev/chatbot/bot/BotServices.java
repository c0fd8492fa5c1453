package dev.chatbot.bot;

import dev.chatbot.state.BotDataStore;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

/** What the server lends every bot of one Vert.x instance: for now, the store of bot-wide data. */
public final class BotServices implements Shareable {

  private static final String MAP = "chatbot.bot-services";

  private final BotDataStore data;

  private BotServices(BotDataStore data) {
    this.data = data;
  }

  /** Called by the server before it deploys bots. */
  public static void register(Vertx vertx, BotDataStore data) {
    vertx.sharedData().<String, BotServices>getLocalMap(MAP).put("services", new BotServices(data));
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
}
