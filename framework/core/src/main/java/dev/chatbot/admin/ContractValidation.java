package dev.chatbot.admin;

import dev.chatbot.spi.HttpErrors;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import java.util.List;

/**
 * Checks requests against the OpenAPI contract with vertx-openapi before a handler sees them; a request that fails
 * gets {@code 400 {"error": ..., "details": [...]}} naming each offending field.
 */
final class ContractValidation {

  private final OpenAPIContract contract;
  private final RequestValidator validator;
  private final ValidationDetails details;

  private ContractValidation(Vertx vertx, OpenAPIContract contract, ValidationDetails details) {
    this.contract = contract;
    this.validator = RequestValidator.create(vertx, contract);
    this.details = details;
  }

  static Future<ContractValidation> create(Vertx vertx, JsonObject contract) {
    ValidationDetails details = ValidationDetails.from(contract);
    return OpenAPIContract.from(vertx, contract.copy()).map(loaded -> new ContractValidation(vertx, loaded, details));
  }

  /** A handler validating against {@code operationId}; fails at startup when the contract lacks that operation. */
  Handler<RoutingContext> handler(String operationId) {
    return handler(operationId, json -> json);
  }

  /**
   * Validates {@code normalize}d JSON: the body as the handler after it will read it (filling in what the contract
   * lets a caller leave out).
   */
  Handler<RoutingContext> handler(String operationId, java.util.function.UnaryOperator<Object> normalize) {
    Operation operation = contract.operation(operationId);
    if (operation == null) {
      throw new IllegalStateException("openapi.yaml has no operation " + operationId);
    }
    return ctx -> {
      Buffer body = ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
      Object json = null;
      if (operation.getRequestBody() != null && body.length() > 0) {
        try {
          json = Json.decodeValue(body);
        } catch (DecodeException e) {
          HttpErrors.send(ctx, 400, "malformed JSON", List.of(firstLine(e.getMessage())));
          return;
        }
      }
      Object parsed = json == null ? null : normalize.apply(json);
      Buffer checked = parsed == null || parsed == json ? body : Json.encodeToBuffer(parsed);
      RequestUtils.extract(ctx.request(), operation, () -> Future.succeededFuture(checked))
          .compose(request -> validator.validate(request, operationId))
          .onSuccess(validated -> ctx.next())
          .onFailure(failure -> HttpErrors.send(ctx, 400, "request does not match the API contract",
              details.of(failure, parsed)));
    };
  }

  private static String firstLine(String text) {
    String message = String.valueOf(text);
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
