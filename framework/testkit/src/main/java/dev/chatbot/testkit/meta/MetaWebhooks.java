package dev.chatbot.testkit.meta;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.spi.Signatures;
import dev.chatbot.testkit.TestServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhooks as Meta sends them: static builders of Messenger and WhatsApp bodies (with realistic ids), and an
 * instance bound to a webhook URL and app secret that posts them signed with {@code X-Hub-Signature-256} (the same
 * {@link Signatures} code the server verifies with), unsigned or wrongly signed, and performs the {@code hub.*}
 * verification handshake.
 *
 * <pre>{@code
 * MetaWebhooks messenger = MetaWebhooks.messenger(server);
 * messenger.deliver(MetaWebhooks.messengerText("4711", "hi"));               // asserts 200
 * assertThat(messenger.postWronglySigned(body).statusCode()).isEqualTo(401);
 * }</pre>
 */
public final class MetaWebhooks {

  public static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
  /** The page (Messenger) and business account (WhatsApp) ids in the built bodies. */
  public static final String PAGE_ID = "102938475610293";
  public static final String WHATSAPP_BUSINESS_ACCOUNT_ID = "102290129340398";

  // HTTP/1.1 like Meta's webhook delivery (and no h2c upgrade dance); a timeout so a broken server fails the test.
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

  private final String url;
  private final String appSecret;

  public MetaWebhooks(String url, String appSecret) {
    this.url = url;
    this.appSecret = appSecret;
  }

  /** {@code /webhooks/messenger} of {@code server}, signing with {@link GraphApiStub#MESSENGER_APP_SECRET}. */
  public static MetaWebhooks messenger(TestServer server) {
    return new MetaWebhooks(server.url("/webhooks/messenger"), GraphApiStub.MESSENGER_APP_SECRET);
  }

  /** {@code /webhooks/whatsapp} of {@code server}, signing with {@link GraphApiStub#WHATSAPP_APP_SECRET}. */
  public static MetaWebhooks whatsapp(TestServer server) {
    return new MetaWebhooks(server.url("/webhooks/whatsapp"), GraphApiStub.WHATSAPP_APP_SECRET);
  }

  // ---- sending ----

  /** Posts {@code body} correctly signed and asserts the 200 Meta expects. */
  public MetaWebhooks deliver(JsonObject body) {
    HttpResponse<String> response = post(body);
    assertThat(response.statusCode()).as("webhook status, body %s", response.body()).isEqualTo(200);
    return this;
  }

  public HttpResponse<String> post(JsonObject body) {
    return post(body.encode());
  }

  /** Posts raw bytes as they are, correctly signed (for malformed JSON tests). */
  public HttpResponse<String> post(String rawBody) {
    return postWithSignature(rawBody, signature(appSecret, rawBody));
  }

  public HttpResponse<String> postUnsigned(JsonObject body) {
    return postWithSignature(body.encode(), null);
  }

  /** Signed with another secret, as a forger would. */
  public HttpResponse<String> postWronglySigned(JsonObject body) {
    return postWithSignature(body.encode(), signature(appSecret + "-wrong", body.encode()));
  }

  /** Posts with exactly this {@code X-Hub-Signature-256} header (none when null). */
  public HttpResponse<String> postWithSignature(String rawBody, String signatureHeader) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("content-type", "application/json")
        .timeout(TIMEOUT)
        .POST(HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8));
    if (signatureHeader != null) {
      request.header(SIGNATURE_HEADER, signatureHeader);
    }
    return send(request.build());
  }

  /** The {@code GET} Meta sends to verify the webhook URL; null parameters are left out. */
  public HttpResponse<String> verify(String mode, String verifyToken, String challenge) {
    StringJoiner query = new StringJoiner("&");
    addParam(query, "hub.mode", mode);
    addParam(query, "hub.verify_token", verifyToken);
    addParam(query, "hub.challenge", challenge);
    return send(HttpRequest.newBuilder(URI.create(url + (query.length() == 0 ? "" : "?" + query)))
        .timeout(TIMEOUT).GET().build());
  }

  /** {@code sha256=<hex HMAC-SHA256(appSecret, body)>}: the header Meta sends. */
  public static String signature(String appSecret, String body) {
    return "sha256=" + Signatures.hmacSha256Hex(appSecret, body.getBytes(StandardCharsets.UTF_8));
  }

  // ---- Messenger bodies: {"object":"page","entry":[{"id","time","messaging":[...]}]} ----

  public static JsonObject messengerText(String psid, String text) {
    return messenger(event(psid).put("message", new JsonObject().put("mid", mid()).put("text", text)));
  }

  /** A tap on a quick reply: the title as text and the payload. */
  public static JsonObject messengerQuickReply(String psid, String title, String payload) {
    return messenger(event(psid).put("message", new JsonObject().put("mid", mid()).put("text", title)
        .put("quick_reply", new JsonObject().put("payload", payload))));
  }

  /** A tap on a template button or the Get Started button. */
  public static JsonObject messengerPostback(String psid, String title, String payload) {
    return messenger(event(psid).put("postback", new JsonObject().put("mid", mid()).put("title", title)
        .put("payload", payload)));
  }

  public static JsonObject messengerImage(String psid, String imageUrl) {
    return messenger(event(psid).put("message", new JsonObject().put("mid", mid()).put("attachments",
        new JsonArray().add(new JsonObject().put("type", "image").put("payload", new JsonObject().put("url", imageUrl))))));
  }

  public static JsonObject messengerLocation(String psid, double latitude, double longitude) {
    return messenger(event(psid).put("message", new JsonObject().put("mid", mid()).put("attachments",
        new JsonArray().add(new JsonObject().put("type", "location").put("payload", new JsonObject()
            .put("coordinates", new JsonObject().put("lat", latitude).put("long", longitude)))))));
  }

  /** The page's own message coming back ({@code is_echo}): the sender is the page, the recipient the user. */
  public static JsonObject messengerEcho(String psid, String text) {
    return messenger(new JsonObject()
        .put("sender", new JsonObject().put("id", PAGE_ID))
        .put("recipient", new JsonObject().put("id", psid))
        .put("timestamp", System.currentTimeMillis())
        .put("message", new JsonObject().put("mid", mid()).put("is_echo", true).put("app_id", 1517776481860111L)
            .put("text", text)));
  }

  public static JsonObject messengerDelivery(String psid) {
    return messenger(event(psid).put("delivery", new JsonObject().put("mids", new JsonArray().add(mid()))
        .put("watermark", System.currentTimeMillis())));
  }

  public static JsonObject messengerRead(String psid) {
    return messenger(event(psid).put("read", new JsonObject().put("watermark", System.currentTimeMillis())));
  }

  /** Several webhooks in one, as Meta batches them: every entry of every body, in order. */
  public static JsonObject batch(JsonObject... bodies) {
    JsonArray entries = new JsonArray();
    for (JsonObject body : bodies) {
      body.getJsonArray("entry").forEach(entries::add);
    }
    return bodies[0].copy().put("entry", entries);
  }

  /** Messenger bodies merged into one entry with several {@code messaging} items. */
  public static JsonObject messengerOneEntry(JsonObject... bodies) {
    JsonArray messaging = new JsonArray();
    for (JsonObject body : bodies) {
      body.getJsonArray("entry").forEach(entry -> ((JsonObject) entry).getJsonArray("messaging").forEach(messaging::add));
    }
    JsonObject body = bodies[0].copy();
    body.getJsonArray("entry").getJsonObject(0).put("messaging", messaging);
    body.put("entry", new JsonArray().add(body.getJsonArray("entry").getJsonObject(0)));
    return body;
  }

  // ---- WhatsApp bodies: {"object":"whatsapp_business_account","entry":[{"changes":[{"value":{...}}]}]} ----

  public static JsonObject whatsappText(String waId, String text) {
    return whatsapp(waId, message(waId, "text").put("text", new JsonObject().put("body", text)));
  }

  /** A tap on a reply button: its id and title. */
  public static JsonObject whatsappButtonReply(String waId, String id, String title) {
    return whatsapp(waId, message(waId, "interactive").put("interactive", new JsonObject().put("type", "button_reply")
        .put("button_reply", new JsonObject().put("id", id).put("title", title))));
  }

  /** A choice in a list message: the row's id, title and description. */
  public static JsonObject whatsappListReply(String waId, String id, String title, String description) {
    JsonObject row = new JsonObject().put("id", id).put("title", title);
    if (description != null) {
      row.put("description", description);
    }
    return whatsapp(waId, message(waId, "interactive").put("interactive", new JsonObject().put("type", "list_reply")
        .put("list_reply", row)));
  }

  public static JsonObject whatsappImage(String waId, String mediaId, String caption) {
    JsonObject image = new JsonObject().put("id", mediaId).put("mime_type", "image/jpeg")
        .put("sha256", "IVKQDG4jXhqSEJq5Hn6zCuw4xQB4eDQ5N3ovdkSsZW0=");
    if (caption != null) {
      image.put("caption", caption);
    }
    return whatsapp(waId, message(waId, "image").put("image", image));
  }

  public static JsonObject whatsappLocation(String waId, double latitude, double longitude) {
    return whatsapp(waId, message(waId, "location").put("location", new JsonObject()
        .put("latitude", latitude).put("longitude", longitude)));
  }

  /** A status update about a message the business sent ({@code sent}, {@code delivered}, {@code read}, {@code failed}). */
  public static JsonObject whatsappStatus(String waId, String status) {
    JsonObject value = whatsappValue().put("statuses", new JsonArray().add(new JsonObject()
        .put("id", wamid())
        .put("status", status)
        .put("timestamp", String.valueOf(System.currentTimeMillis() / 1000))
        .put("recipient_id", waId)));
    return whatsappBody(value);
  }

  /** WhatsApp bodies merged into one change with several {@code messages}. */
  public static JsonObject whatsappOneChange(JsonObject... bodies) {
    JsonArray messages = new JsonArray();
    JsonArray contacts = new JsonArray();
    for (JsonObject body : bodies) {
      JsonObject value = whatsappValueOf(body);
      value.getJsonArray("messages", new JsonArray()).forEach(messages::add);
      value.getJsonArray("contacts", new JsonArray()).forEach(contacts::add);
    }
    return whatsappBody(whatsappValue().put("contacts", contacts).put("messages", messages));
  }

  /** The id of the (first) user message in a built body: Messenger {@code mid}, WhatsApp {@code wamid...}. */
  public static String messageId(JsonObject body) {
    JsonObject entry = body.getJsonArray("entry").getJsonObject(0);
    if (entry.containsKey("messaging")) {
      JsonObject event = entry.getJsonArray("messaging").getJsonObject(0);
      JsonObject item = event.containsKey("message") ? event.getJsonObject("message") : event.getJsonObject("postback");
      return item.getString("mid");
    }
    return whatsappValueOf(body).getJsonArray("messages").getJsonObject(0).getString("id");
  }

  // ---- helpers ----

  private static JsonObject messenger(JsonObject event) {
    return new JsonObject().put("object", "page").put("entry", new JsonArray().add(new JsonObject()
        .put("id", PAGE_ID)
        .put("time", System.currentTimeMillis())
        .put("messaging", new JsonArray().add(event))));
  }

  private static JsonObject event(String psid) {
    return new JsonObject()
        .put("sender", new JsonObject().put("id", psid))
        .put("recipient", new JsonObject().put("id", PAGE_ID))
        .put("timestamp", System.currentTimeMillis());
  }

  private static String mid() {
    return "m_" + Long.toString(SEQUENCE.incrementAndGet(), 36) + "-AaBbCcDdEeFfGgHhIiJjKk";
  }

  private static String wamid() {
    return "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRB" + Long.toString(SEQUENCE.incrementAndGet(), 36).toUpperCase();
  }

  private static JsonObject message(String waId, String type) {
    return new JsonObject()
        .put("from", waId)
        .put("id", wamid())
        .put("timestamp", String.valueOf(System.currentTimeMillis() / 1000))
        .put("type", type);
  }

  private static JsonObject whatsapp(String waId, JsonObject message) {
    return whatsappBody(whatsappValue()
        .put("contacts", new JsonArray().add(new JsonObject()
            .put("profile", new JsonObject().put("name", "Test User " + waId.substring(Math.max(0, waId.length() - 4))))
            .put("wa_id", waId)))
        .put("messages", new JsonArray().add(message)));
  }

  private static JsonObject whatsappValue() {
    return new JsonObject()
        .put("messaging_product", "whatsapp")
        .put("metadata", new JsonObject()
            .put("display_phone_number", "15550783881")
            .put("phone_number_id", GraphApiStub.WHATSAPP_PHONE_NUMBER_ID));
  }

  private static JsonObject whatsappBody(JsonObject value) {
    return new JsonObject().put("object", "whatsapp_business_account").put("entry", new JsonArray().add(new JsonObject()
        .put("id", WHATSAPP_BUSINESS_ACCOUNT_ID)
        .put("changes", new JsonArray().add(new JsonObject().put("value", value).put("field", "messages")))));
  }

  private static JsonObject whatsappValueOf(JsonObject body) {
    return body.getJsonArray("entry").getJsonObject(0).getJsonArray("changes").getJsonObject(0).getJsonObject("value");
  }

  private static void addParam(StringJoiner query, String name, String value) {
    if (value != null) {
      query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("could not reach the server: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
