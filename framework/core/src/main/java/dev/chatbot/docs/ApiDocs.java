package dev.chatbot.docs;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yaml} and {@code GET /docs}: the description, and Swagger UI rendering it. Swagger UI comes
 * from its webjar on the class path, so the page works offline and behind strict egress rules (no CDN).
 */
public final class ApiDocs {

  /** Must match the {@code org.webjars:swagger-ui} version in the root pom. */
  public static final String SWAGGER_UI_VERSION = "5.18.2";
  static final String WEBJAR_ROOT = "META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI_VERSION;

  private ApiDocs() {}

  public static void mount(Router router, OpenApiDocument document) {
    Buffer page = resource("chatbot-docs/index.html");
    Buffer initializer = resource("chatbot-docs/swagger-initializer.js");
    // Merged on the first request, off the event loop (parsing every fragment takes a moment), then kept.
    router.get("/openapi.yaml").handler(ctx -> ctx.vertx().executeBlocking(document::yaml).onComplete(
        yaml -> ctx.response().putHeader("content-type", "application/yaml; charset=utf-8").end(yaml),
        ctx::fail));
    router.get("/docs").handler(ctx -> ctx.response()
        .putHeader("content-type", "text/html; charset=utf-8")
        .putHeader("cache-control", "no-cache")
        .end(page));
    router.get("/docs/").handler(ctx -> ctx.redirect("/docs"));
    router.get("/docs/swagger-initializer.js").handler(ctx -> ctx.response()
        .putHeader("content-type", "text/javascript; charset=utf-8")
        .putHeader("cache-control", "no-cache")
        .end(initializer));
    if (ApiDocs.class.getClassLoader().getResource(WEBJAR_ROOT + "/swagger-ui-bundle.js") == null) {
      throw new IllegalStateException("swagger-ui " + SWAGGER_UI_VERSION + " webjar is missing from the class path");
    }
    router.get("/docs/ui/*").handler(StaticHandler.create(WEBJAR_ROOT).setMaxAgeSeconds(86_400));
  }

  private static Buffer resource(String name) {
    try (InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is missing from the class path");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
