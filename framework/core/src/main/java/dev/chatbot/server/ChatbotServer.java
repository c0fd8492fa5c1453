package dev.chatbot.server;

import dev.chatbot.admin.AdminApi;
import dev.chatbot.bot.BotCall;
import dev.chatbot.bot.BotServices;
import dev.chatbot.config.ChatbotConfig;
import dev.chatbot.spi.ConfigException;
import dev.chatbot.config.ConfigLoader;
import dev.chatbot.spi.HttpErrors;
import dev.chatbot.spi.Settings;
import dev.chatbot.delivery.Delivery;
import dev.chatbot.delivery.DeliverySettings;
import dev.chatbot.dispatch.BotRoutes;
import dev.chatbot.dispatch.ConversationDispatcher;
import dev.chatbot.docs.ApiDocs;
import dev.chatbot.docs.OpenApiDocument;
import dev.chatbot.logging.LogSetup;
import dev.chatbot.logging.RequestIds;
import dev.chatbot.metrics.BotMetrics;
import dev.chatbot.metrics.ChatbotMetrics;
import dev.chatbot.metrics.ListenRaceGuard;
import dev.chatbot.server.tls.CertificateReloader;
import dev.chatbot.tracing.Tracing;
import dev.chatbot.server.tls.TlsFiles;
import dev.chatbot.spi.Inbound;
import dev.chatbot.spi.PlatformAdapter;
import dev.chatbot.spi.SendRate;
import dev.chatbot.spi.StateBackend;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server: one router with health, metrics, assets and each enabled adapter's routes, the dispatcher in
 * front of the bots, and delivery behind them. {@link #start(String, Map)} is what {@code Main} and the testkit call.
 */
public final class ChatbotServer {

  private static final Logger LOG = LoggerFactory.getLogger(ChatbotServer.class);
  public static final int BODY_LIMIT_BYTES = 1024 * 1024;

  private final Vertx vertx;
  private final ChatbotConfig config;
  private final ChatbotMetrics metrics;
  private final StateBackend stateBackend;
  private final ClassLoader classes;
  private List<String> bots;
  private final Lifecycle lifecycle = new Lifecycle();
  private final Map<String, PlatformAdapter> adapters = new LinkedHashMap<>();
  private final List<HttpServer> httpServers = new CopyOnWriteArrayList<>();
  private ConversationDispatcher dispatcher;
  private Delivery delivery;
  private Future<Void> shutdown;
  private ManagementServer management;
  private volatile PlatformHealth platformHealth;
  /** Completed by the first answer of {@code /health/ready}: traffic comes only after a load balancer saw one. */
  private final Promise<Void> readinessAnswered = Promise.promise();
  private long tlsReloadMillis;
  private HttpGuards httpGuards;

  private ChatbotServer(Vertx vertx, ChatbotConfig config, ChatbotMetrics metrics, StateBackend stateBackend,
      ClassLoader classes) {
    this.vertx = vertx;
    this.config = config;
    this.metrics = metrics;
    this.stateBackend = stateBackend;
    this.classes = classes;
  }

  /** Reads configuration ({@code --config} file, then environment), creates Vert.x and starts everything. */
  public static Future<ChatbotServer> start(String configFile, Map<String, String> environment) {
    return start(configFile, environment, Map.of());
  }

  /**
   * The same, with {@code defaults} for variables neither the file nor the environment sets. Adapters, bots and
   * state backends are found through the caller's context class loader, so a launcher that loads more jars (such
   * as {@code BOT_PATH}) sets it before calling.
   */
  public static Future<ChatbotServer> start(String configFile, Map<String, String> environment,
      Map<String, String> defaults) {
    long started = System.nanoTime();
    quietNettyFlightRecorderEvents();
    StartWarmup.mapper(); // on the other core, while this thread goes on; off every event loop
    ClassLoader classes = Thread.currentThread().getContextClassLoader();
    return ConfigLoader.read(configFile, environment, defaults)
        .map(LogSetup::use)
        .map(ChatbotConfig::from)
        .compose(config -> {
          PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
          // The state backend builds Vert.x: plain for memory, clustered for STATE_STORE=cluster.
          StateBackend backend = StateBackends.forName(config.stateStore(), classes);
          // Netty's native transport when its library is on the class path (the fat jar has epoll for Linux x86-64):
          // about 40 % fewer system calls per message than NIO (bench/README.md, session 6).
          VertxOptions options = new VertxOptions().setPreferNativeTransport(true)
              .setEventLoopPoolSize(config.eventLoops()).setMetricsOptions(
              new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true)
                  // Per-call meters on the event bus, worker pools and outbound client cost ~8% CPU per message
                  // (bench/README.md); outbound is covered by chatbot_messages_sent/send_failures/send_retries.
                  .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
                  .addDisabledMetricsCategory(MetricsDomain.NAMED_POOLS)
                  .addDisabledMetricsCategory(MetricsDomain.HTTP_CLIENT));
          return backend.createVertx(options, Vertx.builder()
                  .withMetrics(new ListenRaceGuard(new MicrometerMetricsFactory(registry)))
                  .withTracer(RequestIds.tracer(Tracing.factory(environment))),
                  config.settings())
              .compose(vertx -> {
                // Completed outside any Vert.x context, so a failure can still be reported once Vert.x is closed.
                Promise<ChatbotServer> result = Promise.promise();
                new ChatbotServer(vertx, config, new ChatbotMetrics(registry), backend, classes)
                    .startOn(registry, started)
                    .onComplete(result::complete,
                        failure -> closeDetached(vertx, backend).onComplete(closed -> result.fail(failure)));
                return result.future();
              });
        });
  }

  /**
   * Netty's buffer allocator checks its Flight Recorder events on each event loop's first allocation, and the first
   * check loads JFR's event metadata: ~0.1 s on an event loop, the first request's, so readiness answered late
   * (bench/README.md, "session 7"). Off unless {@code -Dio.netty.jfr.enabled=true} asks for them; JFR itself and the
   * JDK's own events are untouched. Before Netty reads it: the first Vert.x of the start.
   */
  private static void quietNettyFlightRecorderEvents() {
    if (System.getProperty("io.netty.jfr.enabled") == null) {
      System.setProperty("io.netty.jfr.enabled", "false");
    }
  }

  private Future<ChatbotServer> startOn(PrometheusMeterRegistry registry, long startedNanos) {
    List<PlatformAdapter> all = AdapterDirectory.all(classes);
    List<PlatformAdapter> enabled;
    DeliverySettings deliverySettings;
    try {
      enabled = AdapterDirectory.enabled(all, config.settings());
      management = ManagementServer.from(vertx, config);
      checkTlsFiles();
      httpGuards = HttpGuards.from(config.settings(), metrics.registry());
      Map<String, SendRate> defaultRates = new LinkedHashMap<>();
      enabled.forEach(adapter -> defaultRates.put(adapter.platform(), adapter.defaultSendRate()));
      deliverySettings = DeliverySettings.from(config.settings(), defaultRates);
      bots = config.bots().isEmpty() ? List.of(BotDirectory.sole(classes)) : config.bots();
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    enabled.forEach(adapter -> adapters.put(adapter.platform(), adapter));
    metrics.preRegister(adapters.keySet(), bots);
    vertx.eventBus().registerDefaultCodec(BotCall.class, new LocalCodec<>(ConversationDispatcher.BOT_CALL_CODEC));

    delivery = new Delivery(vertx, adapters, metrics, deliverySettings, stateBackend.outbox(),
        stateBackend.deadLetters(), stateBackend.sendShare());
    dispatcher = new ConversationDispatcher(vertx, stateBackend.stateStore(), stateBackend.dedupeStore(),
        stateBackend.inbox(), stateBackend.outbox(), delivery, metrics,
        BotRoutes.of(bots, botRoutes(config.settings())), Duration.ofMinutes(5));
    ServerGauges.wire(metrics, vertx, dispatcher, stateBackend.deadLetters());
    BotMetrics.register(vertx, metrics);

    Router router = Router.router(vertx);
    router.route().handler(RequestIds::addHeader);
    router.post("/webhooks/*").handler(new RawWebhookBodies());
    httpGuards.mountBodies(router, "/webhooks/*", "/api/*");
    // With MANAGEMENT_PORT, /metrics (per-platform detail) moves off the public port; health answers on both.
    Router managed = management == null ? router : management.router();
    mountHealth(managed == router ? List.of(router) : List.of(router, managed), enabled);
    managed.get("/metrics").handler(ctx -> ctx.response()
        .putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape()));
    router.get("/assets/*").handler(StaticHandler.create("assets"));
    OpenApiDocument openApi = OpenApiDocument.load(all);
    ApiDocs.mount(router, openApi);
    mountErrors(router);

    return stateBackend.inbound(dispatcher)
        .compose(inbound -> startAdapters(enabled, router, inbound)
            .compose(started -> AdminApi.mount(vertx, router, config, openApi, adapters, delivery, stateBackend,
                dispatcher, inbound))
            .compose(mounted -> deployBots(inbound)))
        .map(deployed -> resume())
        .compose(resumed -> listen(router))
        .compose(listening -> management == null ? Future.succeededFuture() : management.listen())
        .map(listening -> {
          logStartup(all, enabled, startedNanos);
          // After ready, not before, and after TLS is readied off the event loops: the first check is each
          // adapter's first HTTPS call. Readiness says "checking" until it answers (it never fails readiness).
          platformHealth = PlatformHealth.start(vertx, enabled, config.settings(), metrics, readyTls());
          return this;
        });
  }

  /**
   * The TLS client readied on a side thread ({@link StartWarmup#tls}), from the first readiness answer on (or a second
   * after ready without one): nothing needs TLS before traffic comes, and started at once it took the second core
   * from the first readiness answer (~50 ms later, bench/README.md "session 10").
   */
  private Future<Void> readyTls() {
    return Future.any(readinessAnswered.future(), vertx.timer(1, TimeUnit.SECONDS))
        .compose(first -> Future.fromCompletionStage(StartWarmup.tls().exceptionally(failure -> null),
            vertx.getOrCreateContext()));
  }

  /**
   * What a crash left: replies not yet accepted are sent again, messages not yet handled are handled, each
   * conversation's in their order and before anything new (the server listens only after this).
   */
  private Void resume() {
    resume(stateBackend.inbox().pending(), stateBackend.outbox().pending());
    // Later, what another process left (a cluster member that died) is handled the same way.
    stateBackend.adoptWith(this::resume);
    return null;
  }

  private void resume(List<dev.chatbot.state.Inbox.Kept> pendingMessages,
      List<dev.chatbot.state.Outbox.Entry> pendingReplies) {
    if (!pendingMessages.isEmpty() || !pendingReplies.isEmpty()) {
      LOG.info("resuming pending_messages={} pending_replies={}", pendingMessages.size(), pendingReplies.size());
    }
    dispatcher.resume(pendingMessages, delivery.resume(pendingReplies));
  }

  private Future<Void> startAdapters(List<PlatformAdapter> enabled, Router router, Inbound inbound) {
    Future<Void> adaptersStarted = Future.succeededFuture();
    for (PlatformAdapter adapter : enabled) {
      ServerAdapterContext context = new ServerAdapterContext(
          adapter.platform(), vertx, router, config.publicBaseUrl(), stateBackend.dataDir(), inbound, metrics,
          lifecycle);
      adaptersStarted = adaptersStarted.compose(previous -> adapter.start(context));
    }
    return adaptersStarted;
  }

  private Future<Void> deployBots(Inbound inbound) {
    Map<String, java.time.Duration> windows = new java.util.HashMap<>();
    adapters.forEach((platform, adapter) -> {
      if (adapter.replyWindow() != null) {
        windows.put(platform, adapter.replyWindow());
      }
    });
    BotServices.register(vertx, stateBackend.botDataStore(), java.time.Clock.systemUTC(), inbound, windows);
    int instances = config.eventLoops(); // one per event loop
    JsonObject botConfig = new JsonObject().put("PUBLIC_BASE_URL", config.publicBaseUrl());
    Future<Void> chain = Future.succeededFuture();
    for (String name : bots) {
      chain = chain.compose(previous -> {
        var factory = BotDirectory.find(name, classes);
        return vertx.deployVerticle(factory::get,
                new DeploymentOptions().setInstances(instances).setConfig(botConfig).setClassLoader(classes))
            .onSuccess(id -> LOG.info("bot={} deployed instances={}", name, instances))
            .mapEmpty();
      });
    }
    return chain;
  }

  private Future<Void> listen(Router router) {
    HttpServerOptions options = httpGuards.applyTo(new HttpServerOptions())
        .setHost(config.httpHost())
        .setPort(config.httpPort())
        .setCompressionSupported(true)
        // No cleartext HTTP/2 upgrade: platforms speak HTTP/1.1 or h2 over TLS (ALPN), and the h2c upgrade of
        // some clients (the JDK's HttpClient) was seen to stall.
        .setHttp2ClearTextEnabled(false);
    if (config.tls()) {
      options.setSsl(true).setUseAlpn(true)
          .setKeyCertOptions(new PemKeyCertOptions().setCertPath(config.tlsCertPath()).setKeyPath(config.tlsKeyPath()));
    }
    int instances = config.eventLoops(); // one per event loop
    return vertx.deployVerticle(() -> httpGuards.serverVerticle(router, options, httpServers::add),
            new DeploymentOptions().setInstances(instances))
        .<Void>mapEmpty()
        .recover(failure -> Future.failedFuture(new ConfigException(config.tls()
            ? "TLS_CERT_PATH/TLS_KEY_PATH could not be used to listen on port " + config.httpPort() + ": " + failure.getMessage()
            : "HTTP_PORT " + config.httpPort() + " could not be used: " + failure.getMessage())))
        .compose(listening -> config.tls()
            ? CertificateReloader.start(vertx, config.tlsCertPath(), config.tlsKeyPath(), () -> List.copyOf(httpServers),
                options.getAlpnVersions(), tlsReloadMillis).<Void>mapEmpty()
            : Future.succeededFuture());
  }

  // Readable, parseable and a matching pair: a bad certificate stops startup naming the variable.
  private void checkTlsFiles() {
    if (config.tls()) {
      tlsReloadMillis = config.settings().getInt("TLS_RELOAD_SECONDS", 30, 1, 86_400) * 1000L;
      LOG.info("tls certificate {}", TlsFiles.load(vertx, config.tlsCertPath(), config.tlsKeyPath()).describe());
    }
  }

  private void mountHealth(List<Router> routers, List<PlatformAdapter> enabled) {
    HealthCheckHandler live = HealthCheckHandler.create(vertx);
    live.register("process", promise -> promise.complete(Status.OK()));
    HealthChecks readiness = HealthChecks.create(vertx);
    HealthCheckHandler ready = HealthCheckHandler.createWithHealthChecks(readiness);
    ReadyGauge.watch(vertx, readiness, metrics);
    ready.register("accepting", promise -> promise.complete(lifecycle.accepting() ? Status.OK() : Status.KO()));
    // tryComplete: on a slow answer the health check's own timeout has completed the promise already.
    ready.register("state-store", promise -> stateBackend.ready().onComplete(
        up -> promise.tryComplete(up ? Status.OK() : Status.KO()),
        failure -> promise.tryComplete(Status.KO(new JsonObject().put("error", String.valueOf(failure.getMessage()))))));
    for (PlatformAdapter adapter : enabled) {
      ready.register("adapter-" + adapter.platform(), promise -> promise.complete(platformHealth == null
          ? Status.OK(new JsonObject().put("credentials", "checking")) : platformHealth.status(adapter.platform())));
    }
    for (Router router : routers) {
      router.get("/health/live").handler(live);
      router.get("/health/ready").handler(ctx -> {
        ctx.addEndHandler(answered -> readinessAnswered.tryComplete());
        ctx.next();
      }).handler(ready);
    }
  }

  private static void mountErrors(Router router) {
    // A client that hangs up mid-request (whatever status the failing handler chose) is routine, and can be made to
    // happen at will: one quiet line, no stack trace, nothing to answer.
    router.route().failureHandler(ctx -> {
      if (HttpErrors.clientGone(ctx)) {
        // A reset is reported both as a read error and as the close that follows it: one line per request.
        if (ctx.get("client-gone") == null) {
          ctx.put("client-gone", Boolean.TRUE);
          LOG.debug("client went away path={} error=\"{}\"", ctx.request().path(), String.valueOf(ctx.failure()));
        }
      } else {
        ctx.next();
      }
    });
    router.errorHandler(400, ctx -> HttpErrors.send(ctx, 400, "bad request",
        ctx.failure() == null ? List.of() : List.of(String.valueOf(ctx.failure().getMessage()))));
    router.errorHandler(404, ctx -> HttpErrors.send(ctx, 404, "not found", List.of(ctx.request().path())));
    router.errorHandler(405, ctx -> HttpErrors.send(ctx, 405, "method not allowed", List.of(ctx.request().method().name())));
    router.errorHandler(413, ctx -> HttpErrors.send(ctx, 413, "request body too large",
        List.of("the limit is " + BODY_LIMIT_BYTES + " bytes")));
    router.errorHandler(500, ctx -> {
      LOG.error("request failed path={}", ctx.request().path(), ctx.failure());
      HttpErrors.send(ctx, 500, "internal error");
    });
  }

  private static Map<String, String> botRoutes(Settings settings) {
    Map<String, String> routes = new HashMap<>();
    for (String entry : settings.get("BOT_ROUTES", "").split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] parts = entry.split(":");
      if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
        throw new ConfigException("BOT_ROUTES must look like 'platform:bot,platform:bot', got '" + entry + "'");
      }
      routes.put(parts[0].trim(), parts[1].trim());
    }
    return routes;
  }

  private void logStartup(List<PlatformAdapter> all, List<PlatformAdapter> enabled, long startedNanos) {
    for (PlatformAdapter adapter : all) {
      if (enabled.contains(adapter)) {
        LOG.info("adapter={} state=on webhook={}{}", adapter.platform(), config.publicBaseUrl(), adapter.webhookPath());
      } else {
        LOG.info("adapter={} state=off enable_with={}", adapter.platform(), String.join(",", adapter.variables()));
      }
    }
    LOG.info("ready url={} port={} bots={} transport={} startup_ms={}", config.publicBaseUrl(), config.httpPort(),
        String.join(",", bots), vertx.isNativeTransportEnabled() ? "native" : "nio",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos));
  }

  /**
   * Graceful stop: readiness goes down and new webhooks get 503 at once; the webhooks already past that check finish
   * queueing their messages; then the messages accepted are handled and their replies delivered, retries included
   * (bounded by {@code SHUTDOWN_GRACE_SECONDS}, after which whatever is left is logged); then the adapters stop and
   * Vert.x closes, which is when the HTTP server stops taking connections. Calling it again returns the same future.
   */
  public synchronized Future<Void> shutdown() {
    if (shutdown == null) {
      lifecycle.stopAccepting();
      LOG.info("shutdown started in_flight={} sends_in_flight={} grace_ms={}",
          dispatcher.inFlight(), delivery.inFlight(), config.shutdownGraceMillis());
      Promise<Void> closed = Promise.promise();
      withinGrace(lifecycle.drained()
              .compose(drained -> stateBackend.drain().otherwiseEmpty())
              .compose(drained -> dispatcher.idle())
              .compose(idle -> delivery.idle()))
          .recover(overdue -> {
            LOG.warn("shutdown grace period over in_flight={} sends_in_flight={} conversations={}",
                dispatcher.inFlight(), delivery.inFlight(), busyConversations());
            return Future.succeededFuture();
          })
          .compose(idle -> stopAdapters())
          // Completed outside any Vert.x context: see closeDetached.
          .onComplete(stopped -> closeDetached(vertx, stateBackend).onComplete(done -> {
            LOG.info("shutdown complete");
            closed.handle(done);
          }));
      shutdown = closed.future();
    }
    return shutdown;
  }

  private Future<Void> withinGrace(Future<Void> work) {
    io.vertx.core.Promise<Void> bounded = io.vertx.core.Promise.promise();
    long timer = vertx.setTimer(Math.max(1, config.shutdownGraceMillis()),
        id -> bounded.tryFail("grace period of " + config.shutdownGraceMillis() + " ms over"));
    work.onComplete(done -> {
      vertx.cancelTimer(timer);
      bounded.tryComplete();
    });
    return bounded.future();
  }

  /** At most 20 conversation keys with their number of unfinished messages, for the log. */
  private String busyConversations() {
    Map<String, Integer> busy = dispatcher.inFlightConversations();
    String listed = busy.entrySet().stream().limit(20)
        .map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    return busy.size() > 20 ? listed + "+" + (busy.size() - 20) : listed;
  }

  private Future<Void> stopAdapters() {
    List<Future<Void>> stopped = new ArrayList<>();
    for (PlatformAdapter adapter : adapters.values()) {
      stopped.add(adapter.stop().recover(failure -> {
        LOG.warn("adapter={} stop failed error=\"{}\"", adapter.platform(), failure.getMessage());
        return Future.succeededFuture();
      }));
    }
    return Future.join(stopped).mapEmpty();
  }

  /**
   * Closes Vert.x from a thread of its own and completes outside any Vert.x context: a clustered Vert.x finishes
   * closing (leaving the cluster) after its event loops have stopped, so a completion routed back to one of them
   * would be rejected and never arrive. Then the state backend closes (its last writes, its file lock).
   */
  private static Future<Void> closeDetached(Vertx vertx, StateBackend backend) {
    Promise<Void> closed = Promise.promise();
    new Thread(() -> vertx.close().onComplete(done -> {
      try {
        backend.close();
      } catch (RuntimeException e) {
        LOG.warn("state store close failed error=\"{}\"", e.getMessage());
      }
      closed.handle(done);
    }), "chatbot-close").start();
    return closed.future();
  }

  public Vertx vertx() {
    return vertx;
  }

  public ChatbotConfig config() {
    return config;
  }

  public ConversationDispatcher dispatcher() {
    return dispatcher;
  }

  public Delivery delivery() {
    return delivery;
  }

  /** Where state lives ({@code STATE_STORE}): the built-in memory backend or one from the class path. */
  public StateBackend stateBackend() {
    return stateBackend;
  }

  public Map<String, PlatformAdapter> adapters() {
    return Map.copyOf(adapters);
  }

  public ChatbotMetrics metrics() {
    return metrics;
  }

  public boolean accepting() {
    return lifecycle.accepting();
  }
}
