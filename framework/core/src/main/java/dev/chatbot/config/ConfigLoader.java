package dev.chatbot.config;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Loads settings with vertx-config: a launcher's defaults first, then the optional {@code --config FILE} (YAML or
 * JSON, the same keys as the environment variables), then the environment on top.
 */
public final class ConfigLoader {

  private ConfigLoader() {}

  /**
   * Before any server's Vert.x exists: the environment over {@code defaults} at once without a file; with one, a
   * short-lived Vert.x reads it (vertx-config needs one, and the server's own can only be built once the settings
   * say how: metrics, clustering). Either way the result completes on a pool thread, never the caller's (the start
   * goes on from there and opens the store: not on an event loop of a caller that has one).
   */
  public static Future<Settings> read(String configFile, Map<String, String> environment,
      Map<String, String> defaults) {
    if (configFile == null) {
      // What vertx-config's merge of the two stores gives, without starting a Vert.x (~50 ms of a start).
      return Future.fromCompletionStage(CompletableFuture.supplyAsync(() -> {
        JsonObject merged = new JsonObject(new HashMap<>(defaults));
        environment.forEach(merged::put);
        return new Settings(merged);
      }));
    }
    Vertx reader = Vertx.vertx();
    return Future.fromCompletionStage(load(reader, configFile, environment, defaults).toCompletionStage()
        .whenComplete((loaded, failure) -> reader.close())
        .thenApplyAsync(loaded -> loaded));
  }

  public static Future<Settings> load(Vertx vertx, String configFile, Map<String, String> environment) {
    return load(vertx, configFile, environment, Map.of());
  }

  public static Future<Settings> load(Vertx vertx, String configFile, Map<String, String> environment,
      Map<String, String> defaults) {
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setScanPeriod(0).setIncludeDefaultStores(false)
        .addStore(jsonStore(defaults));
    if (configFile != null) {
      if (!Files.isReadable(Path.of(configFile))) {
        return Future.failedFuture(new ConfigException("--config " + configFile + ": file not found or not readable"));
      }
      String format = configFile.endsWith(".yaml") || configFile.endsWith(".yml") ? "yaml" : "json";
      options.addStore(new ConfigStoreOptions().setType("file").setFormat(format)
          .setConfig(new JsonObject().put("path", configFile)));
    }
    options.addStore(jsonStore(environment));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever.getConfig()
        .<Settings>map(Settings::new)
        .recover(failure -> Future.failedFuture(failure instanceof ConfigException ? failure
            : new ConfigException("--config " + configFile + " does not parse: " + oneLine(failure))))
        .onComplete(done -> retriever.close());
  }

  private static ConfigStoreOptions jsonStore(Map<String, String> values) {
    return new ConfigStoreOptions().setType("json").setConfig(new JsonObject(Map.copyOf(values).entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> (Object) e.getValue()))));
  }

  private static String oneLine(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
