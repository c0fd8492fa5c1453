package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.bots.shoeshop.Catalog.Shoe;
import dev.chatbot.commerce.Inventory;
import dev.chatbot.nlu.ResourceFile;
import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The shipped catalog is realistic and complete. */
class CatalogTest {

  private final Catalog catalog = Catalog.shared();
  private final Inventory.Stock stock =
      new Inventory.Stock(new JsonObject(new java.util.HashMap<>(catalog.openingStock())));

  @Test
  void isLargeAndVaried() {
    List<Shoe> shoes = catalog.all();
    assertThat(shoes).hasSizeGreaterThanOrEqualTo(150);
    assertThat(shoes.stream().map(Shoe::brand).distinct()).hasSizeGreaterThanOrEqualTo(8)
        .contains("Johnston & Murphy", "Allen Edmonds", "Cole Haan", "Clarks", "Nike", "Dr. Martens");
    assertThat(shoes.stream().map(Shoe::style).distinct())
        .contains("oxford", "loafer", "derby", "boot", "chelsea boot", "sneaker", "running", "sandal");
    assertThat(shoes.stream().map(Shoe::material).distinct())
        .contains("leather", "suede", "canvas", "mesh", "nubuck");
    assertThat(shoes.stream().map(Shoe::sku).distinct()).hasSize(shoes.size());
    assertThat(shoes).anyMatch(shoe -> shoe.width().equals("W"));
    assertThat(shoes).anyMatch(shoe -> shoe.sizes().stream().anyMatch(size -> shoe.left(stock, size) == 0));
  }

  @Test
  void hasSeveralBrownLeatherJohnstonAndMurphyDressShoesIn10AndAHalf() {
    assertThat(catalog.all()).filteredOn(shoe -> shoe.brand().equals("Johnston & Murphy")
            && shoe.colour().equals("brown") && shoe.material().equals("leather") && shoe.isStyle("dress")
            && shoe.left(stock, 21) > 0)
        .hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void everyShoeHasASmallPngPicture() throws IOException {
    for (Shoe shoe : catalog.all()) {
      try (InputStream png = getClass().getClassLoader().getResourceAsStream("assets/shoes/" + shoe.sku() + ".png")) {
        assertThat(png).as("picture of %s", shoe.sku()).isNotNull();
        byte[] bytes = png.readAllBytes();
        assertThat(bytes.length).as("size of %s.png", shoe.sku()).isBetween(1_000, 8_000);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("%s.png decodes", shoe.sku()).isNotNull();
        // 1.91:1, the shape Messenger's generic template and Slack's image blocks show without cropping much.
        assertThat(image.getWidth()).isEqualTo(480);
        assertThat(image.getHeight()).isEqualTo(252);
      }
      assertThat(getClass().getClassLoader().getResource("assets/shoes/" + shoe.sku() + ".svg"))
          .as("no SVG left for %s", shoe.sku()).isNull();
    }
  }

  @Test
  void readsSizesFeaturesAndTheOpeningStock() {
    Catalog small = new Catalog(new JsonObject("""
        {"shoes": [{"sku": "T-1", "brand": "Test", "name": "One", "style": "oxford", "category": "dress",
          "colour": "brown", "material": "leather", "price": 100, "features": ["waterproof"],
          "stock": {"9": 2, "10.5": 0, "12": 1}}]}"""));
    Shoe shoe = small.find("T-1");
    assertThat(shoe.sizes()).containsExactly(18, 21, 24);
    assertThat(shoe.features()).containsExactly("waterproof");
    assertThat(small.openingStock().get("T-1")).isEqualTo(new JsonObject().put("9", 2).put("10.5", 0).put("12", 1));
    assertThat(small.family("oxford")).isEqualTo("dress");
    assertThat(small.family("dress")).isEqualTo("dress");
    assertThat(small.find("NOPE")).isNull();
  }

  @Test
  void everyFeatureIsOneTheLexiconKnows() {
    JsonObject features = ResourceFile.json("shoe-shop/lexicon.json").getJsonObject("feature");
    assertThat(catalog.all().stream().flatMap(shoe -> shoe.features().stream()).distinct())
        .isNotEmpty().allMatch(features::containsKey);
  }
}
