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
import java.util.Map;

/**
 * Loads settings with vertx-config: a launcher's defaults first, then the optional {@code --config FILE} (YAML or
 * JSON, the same keys as the environment variables), then the environment on top.
 */
public final class ConfigLoader {

  private ConfigLoader() {}

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
