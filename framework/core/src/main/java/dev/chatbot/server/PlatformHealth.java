package dev.chatbot.server;

import dev.chatbot.spi.Settings;
import dev.chatbot.metrics.ChatbotMetrics;
import dev.chatbot.spi.CredentialCheck;
import dev.chatbot.spi.PlatformAdapter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each enabled adapter's credentials, checked with the platform at start and every {@code PLATFORM_CHECK_SECONDS}
 * (300). The last answer is shown in {@code /health/ready} and {@code chatbot_platform_credentials_ok}, and a change
 * is logged. A rejected token does not make the replica unready (docs/operate.md): every replica shares the token, so
 * readiness would take them all out of service at once, webhooks of the other platforms and the web chat included,
 * and platforms would see failing webhooks and back off, while a token fixed in the Secret is read only on restart
 * anyway. The alert on the metric is the signal.
 */
final class PlatformHealth {

  private static final Logger LOG = LoggerFactory.getLogger(PlatformHealth.class);
  static final long TIMEOUT_MILLIS = 10_000;

  private final Collection<PlatformAdapter> adapters;
  private final Map<String, Checked> last = new ConcurrentHashMap<>();

  private record Checked(CredentialCheck check, Instant at) {}

  private PlatformHealth(Collection<PlatformAdapter> adapters) {
    this.adapters = adapters;
  }

  /** Checks once {@code after} completes, then every {@code PLATFORM_CHECK_SECONDS}; feeds the credentials gauge. */
  static PlatformHealth start(Vertx vertx, Collection<PlatformAdapter> adapters, Settings settings,
      ChatbotMetrics metrics, Future<?> after) {
    long periodMillis = settings.getInt("PLATFORM_CHECK_SECONDS", 300, 1, 86_400) * 1000L;
    PlatformHealth health = new PlatformHealth(adapters);
    metrics.platformCredentials(health::gaugeValue);
    after.onComplete(ready -> {
      health.checkAll();
      vertx.setPeriodic(periodMillis, tick -> health.checkAll());
    });
    return health;
  }

  /** The readiness entry of one platform: always up, with the platform's last answer as data. */
  Status status(String platform) {
    Checked checked = last.get(platform);
    JsonObject data = checked == null ? new JsonObject().put("credentials", "checking")
        : new JsonObject().put("credentials", checked.check().state().name())
            .put("detail", checked.check().detail())
            .put("checked_at", checked.at().toString());
    return Status.OK(data);
  }

  Future<Void> checkAll() {
    return Future.join(adapters.stream().map(this::check).toList()).mapEmpty();
  }

  private Future<Void> check(PlatformAdapter adapter) {
    Future<CredentialCheck> asked;
    try {
      asked = adapter.checkCredentials();
    } catch (RuntimeException e) {
      asked = Future.failedFuture(e);
    }
    return asked.timeout(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
        .otherwise(failure -> CredentialCheck.unreachable(String.valueOf(failure.getMessage())))
        .map(check -> {
          record(adapter.platform(), check);
          return null;
        });
  }

  private void record(String platform, CredentialCheck check) {
    Checked previous = last.put(platform, new Checked(check, Instant.now()));
    CredentialCheck.State before = previous == null ? null : previous.check().state();
    if (before == check.state()) {
      return;
    }
    if (check.state() == CredentialCheck.State.rejected) {
      LOG.warn("platform credentials rejected platform={} error=\"{}\"", platform, check.detail());
    } else if (check.state() == CredentialCheck.State.unreachable) {
      LOG.warn("platform credentials unchecked platform={} error=\"{}\"", platform, check.detail());
    } else if (check.state() == CredentialCheck.State.ok) {
      LOG.info("platform credentials ok platform={} {}", platform, check.detail());
    }
  }

  /** 1 accepted, 0 rejected, NaN before an answer, when unreachable or without a check. */
  private double gaugeValue(String platform) {
    Checked checked = last.get(platform);
    if (checked == null) {
      return Double.NaN;
    }
    return switch (checked.check().state()) {
      case ok -> 1;
      case rejected -> 0;
      case unreachable, unchecked -> Double.NaN;
    };
  }
}
