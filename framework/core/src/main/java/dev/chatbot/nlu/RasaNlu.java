package dev.chatbot.nlu;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An external NLU server that speaks Rasa's HTTP API: {@code POST {baseUrl}/model/parse} with {@code {"text": ...}},
 * answered with the intent, its confidence and the entities. Rasa ignores what the bot asks, so the context only
 * names a lone number after a number question, as {@link LookupNlu} does.
 *
 * <pre>{@code
 * NluEngine nlu = RasaNlu.create(vertx, "http://localhost:5005");
 * }</pre>
 */
public final class RasaNlu implements NluEngine {

  private final WebClient client;
  private final String parseUrl;

  RasaNlu(WebClient client, String baseUrl) {
    this.client = client;
    this.parseUrl = baseUrl.replaceAll("/+$", "") + "/model/parse";
  }

  public static RasaNlu create(Vertx vertx, String baseUrl) {
    return new RasaNlu(WebClient.create(vertx, new WebClientOptions().setConnectTimeout(2_000)), baseUrl);
  }

  @Override
  public Future<Understanding> understand(String text, NluContext context) {
    return client.postAbs(parseUrl).timeout(5_000)
        .sendJsonObject(new JsonObject().put("text", text))
        .map(response -> read(text, response, context));
  }

  private Understanding read(String text, HttpResponse<?> response, NluContext context) {
    if (response.statusCode() != 200) {
      throw new IllegalStateException("NLU server answered " + response.statusCode() + " at " + parseUrl);
    }
    JsonObject body = response.bodyAsJsonObject();
    JsonObject intent = body.getJsonObject("intent");
    List<Entity> entities = new ArrayList<>();
    JsonArray found = body.getJsonArray("entities", new JsonArray());
    for (int i = 0; i < found.size(); i++) {
      JsonObject entity = found.getJsonObject(i);
      Object value = entity.getValue("value");
      Integer start = entity.getInteger("start");
      Integer end = entity.getInteger("end");
      String words = start != null && end != null && 0 <= start && start <= end && end <= text.length()
          ? text.substring(start, end) : String.valueOf(value);
      entities.add(new Entity(entity.getString("entity"),
          value instanceof Number number ? Numbers.plain(new BigDecimal(number.toString())) : value, words));
    }
    if (context != null && context.asking() && "number".equals(context.expects())) {
      List<Entity> numbers = entities.stream().filter(e -> e.value() instanceof BigDecimal).toList();
      if (numbers.size() == 1 && entities.stream().noneMatch(e -> e.name().equals(context.slot()))) {
        entities.add(new Entity(context.slot(), numbers.get(0).value(), numbers.get(0).text()));
      }
    }
    return intent == null || intent.getString("name") == null
        ? new Understanding(text, null, 0, entities)
        : new Understanding(text, intent.getString("name"), intent.getDouble("confidence", 0.0), entities);
  }
}
