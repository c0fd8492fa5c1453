package dev.chatbot.bot;

import dev.chatbot.spi.Inbound;
import dev.chatbot.state.BotDataStore;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What the server lends every bot of one Vert.x instance: the store of bot-wide data, the clock, the way in for
 * proactive messages and each platform's reply window.
 */
public final class BotServices implements Shareable {

  private static final String MAP = "chatbot.bot-services";

  private final BotDataStore data;
  private final Clock clock;
  private final Inbound inbound;
  private final Map<String, Duration> replyWindows;

  private BotServices(BotDataStore data, Clock clock, Inbound inbound, Map<String, Duration> replyWindows) {
    this.data = data;
    this.clock = clock;
    this.inbound = inbound;
    this.replyWindows = Map.copyOf(replyWindows);
  }

  /** Called by the server before it deploys bots. */
  public static void register(Vertx vertx, BotDataStore data) {
    register(vertx, data, Clock.systemUTC());
  }

  /** With a clock of one's own: the bot tester's, which tests move by hand. */
  public static void register(Vertx vertx, BotDataStore data, Clock clock) {
    register(vertx, data, clock, null, Map.of());
  }

  /**
   * Everything: {@code inbound} takes proactive messages into the conversations' queues (null: none);
   * {@code replyWindows} by platform (see {@code PlatformAdapter.replyWindow}).
   */
  public static void register(Vertx vertx, BotDataStore data, Clock clock, Inbound inbound,
      Map<String, Duration> replyWindows) {
    vertx.sharedData().<String, BotServices>getLocalMap(MAP).put("services",
        new BotServices(data, clock, inbound, replyWindows));
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

  Inbound inbound() {
    return inbound;
  }

  Duration replyWindow(String platform) {
    return replyWindows.get(platform);
  }
}
