package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Capabilities;
import dev.chatbot.model.Card;
import dev.chatbot.model.QuickReply;
import dev.chatbot.model.Reply;
import dev.chatbot.testkit.Chat;
import dev.chatbot.testkit.TestServer;
import dev.chatbot.testkit.Text;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What only the real server shows: the pictures it serves, and the core's fitter on a small platform. */
class ShoeShopServerTest {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("BOT", "shoe-shop", "PUBLIC_BASE_URL", "https://shoes.example.test"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theMoreChipTheFitterAddsOnASmallPlatformPagesOn() {
    Capabilities small = new Capabilities(2000, 11, 20, 4, 3, 80, 80, 20, true);
    server.testAdapter().capabilities(small);
    try {
      Chat chat = server.chat("small-screen").send("boots size 11");
      Reply.Cards first = chat.expectCards();
      assertThat(first.cards()).hasSize(4);
      assertThat(first.cards()).extracting(Card::imageUrl).allMatch(url -> url.startsWith(
          "https://shoes.example.test/assets/shoes/"));
      assertThat(first.quickReplies()).extracting(QuickReply::payload).containsExactly(Reply.MORE_PAYLOAD);
      chat.expectQuickReplies(Text.contains("boots in size 11"));

      chat.tap(Reply.MORE_PAYLOAD);
      Reply.Cards next = chat.expectCards();
      assertThat(next.cards()).isNotEmpty().allSatisfy(card -> assertThat(card.subtitle()).contains("boot"))
          .noneMatch(card -> first.cards().contains(card));
    } finally {
      server.testAdapter().capabilities(Capabilities.UNLIMITED);
    }
  }

  @Test
  void shoePicturesAreServedAsPng() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<byte[]> response = http.send(
        HttpRequest.newBuilder(URI.create(server.url("/assets/shoes/JM-CONARD-BRN.png"))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("image/png"));
    BufferedImage picture = ImageIO.read(new ByteArrayInputStream(response.body()));
    assertThat(picture.getWidth()).isEqualTo(480);

    HttpResponse<String> svg = http.send(
        HttpRequest.newBuilder(URI.create(server.url("/assets/shoes/JM-CONARD-BRN.svg"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(svg.statusCode()).as("the SVGs are gone").isEqualTo(404);
  }
}
