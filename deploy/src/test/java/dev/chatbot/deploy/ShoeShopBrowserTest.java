package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.testkit.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The shoe shop in the web chat, in headless Chromium: the seed sentence shows a carousel of shoes with pictures. */
class ShoeShopBrowserTest {

  private static final String SEED =
      "I need a pair of brown dress shoes, size 10 1/2, leather, and I like Johnson and Murphy";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static TestServer server;
  private static WebDriver browser;

  @BeforeAll
  static void start() {
    // PUBLIC_BASE_URL left at its default (http://localhost:{port}) while the page is opened on 127.0.0.1: the
    // pictures come from another origin, as they do behind a proxy, and must still load.
    server = TestServer.start(Map.of("BOT", "shoe-shop"));
    browser = Browser.open(1280, 900);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theSeedSentenceShowsShoeCardsWithPicturesAndBuyPutsAPairInTheCart() {
    browser.get(server.url("/chat"));
    js().executeScript("sessionStorage.clear(); localStorage.clear();");
    browser.navigate().refresh();
    waitFor(d -> "online".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));

    browser.findElement(By.id("input")).sendKeys(SEED, Keys.ENTER);

    waitFor(d -> d.findElements(By.cssSelector(".carousel .card")).size() >= 3);
    waitFor(d -> botTexts().stream().anyMatch(text -> text.contains("from Johnston & Murphy in size 10.5")));
    List<WebElement> cards = browser.findElements(By.cssSelector(".carousel .card"));
    assertThat(cards).hasSizeBetween(3, 10);
    for (WebElement card : cards) {
      String title = textOf(card, ".card-title");
      assertThat(title).startsWith("Johnston & Murphy ").hasSizeGreaterThan("Johnston & Murphy ".length());
      assertThat(textOf(card, ".card-subtitle")).matches("\\$\\d+(\\.\\d\\d)? · brown leather · .*size 10\\.5.*");
      assertThat(card.findElements(By.cssSelector(".card-button")).stream().map(b -> textContent(b)).toList())
          .containsExactly("Buy", "Details");
      WebElement picture = card.findElement(By.cssSelector("img.card-image"));
      assertThat(picture.getAttribute("src")).matches("http://localhost:\\d+/assets/shoes/[A-Z0-9-]+\\.png");
      assertThat(picture.getAttribute("alt")).isEqualTo(title);
      // The pictures are lazy: bring each into view, then wait for it to be decoded, not just requested.
      js().executeScript("arguments[0].scrollIntoView({block: 'nearest', inline: 'nearest'});", card);
      waitFor(d -> (Boolean) js().executeScript(
          "return arguments[0].complete && arguments[0].naturalWidth > 0;", picture));
      assertThat(((Number) js().executeScript("return arguments[0].naturalWidth;", picture)).intValue())
          .as("%s picture width", title).isEqualTo(480);
    }
    List<WebElement> firstTwo = cards.subList(0, 2);
    assertThat(firstTwo.get(1).getRect().getY()).as("cards side by side").isEqualTo(firstTwo.get(0).getRect().getY());
    js().executeScript("arguments[0].scrollIntoView({block: 'nearest', inline: 'start'});", cards.get(0));
    Browser.screenshot(browser, "shoe-carousel");

    String firstShoe = textOf(cards.get(0), ".card-title");
    cards.get(0).findElement(By.xpath(".//button[contains(@class,'card-button')][.='Buy']")).click();

    waitFor(d -> botTexts().stream().anyMatch(text -> text.startsWith("Added 1 × " + firstShoe
        + " (size 10.5) to your cart.")));
    assertThat(texts(".msg.user .bubble")).containsExactly(SEED, "Buy");
    waitFor(d -> !d.findElements(By.cssSelector(".chips .chip")).isEmpty());
    assertThat(texts(".chips .chip")).startsWith("Checkout").endsWith("Keep shopping");
    Browser.screenshot(browser, "shoe-in-cart");
  }

  private static JavascriptExecutor js() {
    return (JavascriptExecutor) browser;
  }

  private static String textOf(WebElement card, String css) {
    return textContent(card.findElement(By.cssSelector(css)));
  }

  // textContent, not getText(): what the page put there, whether or not it is scrolled into view.
  private static String textContent(WebElement element) {
    return (String) js().executeScript("return arguments[0].textContent;", element);
  }

  private static List<String> botTexts() {
    return texts(".msg.bot:not(.typing) .bubble");
  }

  @SuppressWarnings("unchecked")
  private static List<String> texts(String css) {
    return (List<String>) js().executeScript(
        "return Array.from(document.querySelectorAll(arguments[0])).map(function (e) { return e.textContent; });", css);
  }

  private static void waitFor(Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser, WAIT).until(condition::apply);
  }
}
