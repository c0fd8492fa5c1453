package dev.chatbot.bots.shoeshop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The shipped catalog is realistic and complete, and its stock is safe to sell from several threads. */
class CatalogTest {

  private final Catalog catalog = Catalog.load(Catalog.RESOURCE);

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
    assertThat(shoes).anyMatch(shoe -> shoe.sizes().stream().anyMatch(size -> catalog.stock(shoe.sku(), size) == 0));
  }

  @Test
  void hasSeveralBrownLeatherJohnstonAndMurphyDressShoesIn10AndAHalf() {
    assertThat(catalog.all()).filteredOn(shoe -> shoe.brand().equals("Johnston & Murphy")
            && shoe.colour().equals("brown") && shoe.material().equals("leather") && shoe.isStyle("dress")
            && catalog.inStock(shoe, 21))
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
  void stockNeverGoesBelowZeroUnderConcurrentSales() throws InterruptedException {
    Shoe shoe = catalog.all().get(0);
    int size = shoe.sizes().stream().filter(s -> catalog.stock(shoe.sku(), s) > 0).findFirst().orElseThrow();
    int left = catalog.stock(shoe.sku(), size);
    AtomicInteger sold = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Runnable> buyers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      buyers.add(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (catalog.take(shoe.sku(), size, 1)) {
          sold.incrementAndGet();
        }
      });
    }
    buyers.forEach(pool::execute);
    go.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(sold.get()).isEqualTo(left);
    assertThat(catalog.stock(shoe.sku(), size)).isZero();
    assertThat(catalog.take(shoe.sku(), size, 1)).isFalse();
  }

  @Test
  void takesAndPutsBackOnlyMadeSizesOfKnownShoes() {
    Catalog small = Catalog.parse(new JsonObject("""
        {"shoes": [{"sku": "T-1", "brand": "Test", "name": "One", "style": "oxford", "category": "dress",
          "colour": "brown", "material": "leather", "price": 100, "stock": {"9": 2, "10.5": 0, "12": 1}}]}"""));
    Shoe shoe = small.find("T-1");
    assertThat(shoe.sizes()).containsExactly(18, 21, 24);
    assertThat(small.stock("T-1", 18)).isEqualTo(2);
    assertThat(small.sizesInStock(shoe)).containsExactly(18, 24);
    // Sizes the model is not made in, sizes beyond any array, unknown shoes: nothing to sell or restock.
    for (int halves : new int[] {-1, 0, 19, 22, 25, 40}) {
      assertThat(small.stock("T-1", halves)).as("stock in %s", halves).isZero();
      assertThat(small.take("T-1", halves, 0)).as("take in %s", halves).isFalse();
      small.putBack("T-1", halves, 3);
      assertThat(small.stock("T-1", halves)).as("stock in %s after put back", halves).isZero();
    }
    assertThat(small.stock("NOPE", 18)).isZero();
    assertThat(small.take("NOPE", 18, 1)).isFalse();
    small.putBack("NOPE", 18, 1);
    assertThat(small.stock("NOPE", 18)).isZero();

    assertThat(small.take("T-1", 18, 3)).isFalse();
    assertThat(small.take("T-1", 18, 2)).isTrue();
    assertThat(small.stock("T-1", 18)).isZero();
    assertThat(small.inStock(shoe, 18)).isFalse();
    small.putBack("T-1", 18, 1);
    assertThat(small.stock("T-1", 18)).isEqualTo(1);
    assertThat(small.take("T-1", 21, 1)).isFalse();
    small.putBack("T-1", 21, 2);
    assertThat(small.stock("T-1", 21)).isEqualTo(2);
  }
}
