package dev.chatbot.adapters.webchat;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/** The chat page: {@code index.html}, {@code chat.js} and {@code chat.css} from the class path folder {@code webchat}. */
final class ChatPage {

  /**
   * The page renders bot data with {@code textContent} only; this policy is the second line: no inline script, no
   * foreign script or style, and connections only back to this server. Images may come from anywhere (card pictures).
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' https: http: data:; connect-src 'self' ws: wss:; frame-ancestors 'self'; base-uri 'none'; "
      + "form-action 'none'";

  private ChatPage() {}

  static void mount(Router router) {
    StaticHandler files = StaticHandler.create("webchat")
        .setIndexPage("index.html")
        .setDefaultContentEncoding("UTF-8")
        // Small files that change with each release; revalidating is cheap and avoids a stale page after an upgrade.
        .setCachingEnabled(false);
    // "/chat" and "/chat/" are the same page; the page links its files absolutely, so no redirect is needed.
    router.get(WebchatAdapter.PAGE_PATH).handler(ctx -> {
      if (ctx.request().path().endsWith("/")) {
        ctx.next();
      } else {
        ctx.reroute(WebchatAdapter.PAGE_PATH + "/");
      }
    });
    router.get(WebchatAdapter.PAGE_PATH + "/*").handler(ChatPage::securityHeaders).handler(files);
  }

  private static void securityHeaders(RoutingContext ctx) {
    ctx.response()
        .putHeader("content-security-policy", CONTENT_SECURITY_POLICY)
        .putHeader("x-content-type-options", "nosniff")
        .putHeader("referrer-policy", "no-referrer");
    ctx.next();
  }
}
