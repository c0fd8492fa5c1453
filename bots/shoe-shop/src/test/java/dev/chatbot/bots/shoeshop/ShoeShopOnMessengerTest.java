package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.bots.shoeshop.Catalog.Shoe;
import dev.chatbot.nlu.PriceLimits;
import dev.chatbot.nlu.SizeChart;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.meta.GraphApiStub.GraphRequest;
import dev.chatbot.testkit.meta.GraphApiStub;
import dev.chatbot.testkit.meta.MetaWebhooks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shoe conversation end to end through the real Messenger adapter: signed webhooks in, Send API bodies out to a
 * WireMock Graph API, checked field by field as Meta would read them.
 */
class ShoeShopOnMessengerTest {

  private static final String SEED =
      "I need a pair of brown dress shoes, size 10 1/2, leather, and I like Johnson and Murphy";
  private static final String PSID = "6201849375012384";
  private static final int SIZE_10_AND_A_HALF = 21;
  private static final Catalog CATALOG = Catalog.shared();

  private static GraphApiStub graph;
  private static TestServer server;
  private static MetaWebhooks messenger;

  @BeforeAll
  static void start() {
    graph = GraphApiStub.start();
    // No PUBLIC_BASE_URL: the default, http://localhost:{HTTP_PORT}, is what the cards must carry.
    server = TestServer.start(graph.messengerEnv("BOT", "shoe-shop"));
    messenger = MetaWebhooks.messenger(server);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (graph != null) {
      graph.close();
    }
  }

  @Test
  void theSeedSentenceBecomesAGenericTemplateCarouselAndBuyPutsAPairInTheCart() throws Exception {
    messenger.deliver(MetaWebhooks.messengerText(PSID, SEED));

    List<GraphRequest> sends = graph.awaitMessengerRequests(2);
    assertThat(sends).allSatisfy(send -> {
      assertThat(send.path()).isEqualTo("/v23.0/me/messages");
      assertThat(send.authorization()).isEqualTo("Bearer " + GraphApiStub.MESSENGER_PAGE_ACCESS_TOKEN);
    });

    JsonObject carousel = sends.get(0).body();
    assertThat(carousel.fieldNames()).containsExactlyInAnyOrder("recipient", "messaging_type", "message");
    assertThat(carousel.getJsonObject("recipient")).isEqualTo(new JsonObject().put("id", PSID));
    assertThat(carousel.getString("messaging_type")).isEqualTo("RESPONSE");
    JsonObject message = carousel.getJsonObject("message");
    assertThat(message.fieldNames()).containsExactly("attachment");
    JsonObject attachment = message.getJsonObject("attachment");
    assertThat(attachment.fieldNames()).containsExactlyInAnyOrder("type", "payload");
    assertThat(attachment.getString("type")).isEqualTo("template");
    JsonObject payload = attachment.getJsonObject("payload");
    assertThat(payload.fieldNames()).containsExactlyInAnyOrder("template_type", "elements");
    assertThat(payload.getString("template_type")).isEqualTo("generic");
    JsonArray elements = payload.getJsonArray("elements");
    assertThat(elements.size()).as("cards shown").isBetween(3, 10);

    String pictures = "http://localhost:" + server.port() + "/assets/shoes/";
    List<String> skus = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      JsonObject element = elements.getJsonObject(i);
      assertThat(element.fieldNames()).containsExactlyInAnyOrder("title", "subtitle", "image_url", "buttons");
      String sku = element.getJsonArray("buttons").getJsonObject(0).getString("payload").substring("BUY:".length());
      Shoe shoe = CATALOG.find(sku);
      assertThat(shoe).as("card %d is a catalog shoe: %s", i, element).isNotNull();
      assertThat(shoe.brand()).isEqualTo("Johnston & Murphy");
      assertThat(ShopDataTest.join(ShoeShopBot.shop(server.server().stateBackend().botDataStore()
          .prefixed("bot:shoe-shop:")).inventory().stock()).left(sku, SizeChart.format(SIZE_10_AND_A_HALF)))
          .as("%s in stock in 10.5", sku)
          .isPositive();
      assertThat(element.getString("title")).contains("Johnston & Murphy").contains(shoe.name())
          .hasSizeLessThanOrEqualTo(80);
      assertThat(element.getString("subtitle")).startsWith(PriceLimits.format(shoe.priceCents()) + " · brown leather")
          .contains("size 10.5").hasSizeLessThanOrEqualTo(80);
      assertThat(element.getString("image_url")).isEqualTo(pictures + sku + ".png");
      assertThat(element.getJsonArray("buttons")).isEqualTo(new JsonArray()
          .add(new JsonObject().put("type", "postback").put("title", "Buy").put("payload", "BUY:" + sku))
          .add(new JsonObject().put("type", "postback").put("title", "Details").put("payload", "DETAILS:" + sku)));
      skus.add(sku);
    }
    assertThat(skus).doesNotHaveDuplicates();

    JsonObject summary = sends.get(1).body();
    assertThat(summary.getJsonObject("recipient").getString("id")).isEqualTo(PSID);
    assertThat(summary.getJsonObject("message").getString("text"))
        .contains("brown leather dress shoes from Johnston & Murphy in size 10.5");
    assertThat(titles(summary)).contains("Cheaper", "Start over");

    // The picture Meta would fetch: the same URL, asked of this server (on 127.0.0.1, where it listens).
    URI picture = URI.create(elements.getJsonObject(0).getString("image_url"));
    HttpResponse<byte[]> image = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(server.url(picture.getPath()))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("content-type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("image/png"));
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
    assertThat(decoded).as("a PNG Messenger can show").isNotNull();
    assertThat(decoded.getWidth()).isEqualTo(480);

    // Tap Buy on the first card: a Messenger postback with the button's payload. One pair goes in the cart at once.
    String sku = skus.get(0);
    Shoe shoe = CATALOG.find(sku);
    messenger.deliver(MetaWebhooks.messengerPostback(PSID, "Buy", "BUY:" + sku));
    JsonObject cart = graph.awaitMessengerSend();
    assertThat(cart.getJsonObject("recipient").getString("id")).isEqualTo(PSID);
    assertThat(cart.getString("messaging_type")).isEqualTo("RESPONSE");
    assertThat(cart.getJsonObject("message").getString("text"))
        .isEqualTo("Added 1 × " + shoe.fullName() + " (size 10.5) to your cart. Your cart: 1 pair, "
            + PriceLimits.format(shoe.priceCents()) + ". Check out now, or keep looking?");
    JsonArray chips = cart.getJsonObject("message").getJsonArray("quick_replies");
    assertThat(chips.getJsonObject(0)).isEqualTo(new JsonObject()
        .put("content_type", "text").put("title", "Checkout").put("payload", "CHECKOUT"));
    assertThat(chips.getJsonObject(chips.size() - 1)).isEqualTo(new JsonObject()
        .put("content_type", "text").put("title", "Keep shopping").put("payload", "KEEP_SHOPPING"));

    messenger.deliver(MetaWebhooks.messengerQuickReply(PSID, "Checkout", "CHECKOUT"));
    assertThat(graph.awaitMessengerSend().getJsonObject("message").getString("text"))
        .startsWith("Where should I ship your order?");
    assertThat(graph.drain()).as("nothing else was sent").isEmpty();
  }

  private static List<String> titles(JsonObject send) {
    JsonArray quickReplies = send.getJsonObject("message").getJsonArray("quick_replies", new JsonArray());
    return quickReplies.stream().map(reply -> ((JsonObject) reply).getString("title")).toList();
  }
}
