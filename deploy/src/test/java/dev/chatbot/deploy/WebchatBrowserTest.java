package dev.chatbot.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.model.Button;
import dev.chatbot.model.Card;
import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Reply;
import dev.chatbot.testkit.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web chat page in headless Chromium, as a person uses it, with the echo bot behind it. */
class WebchatBrowserTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private static TestServer server;
  private static WebDriver desktop;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("BOT", "echo"));
    desktop = Browser.open(1280, 900);
  }

  @AfterAll
  static void stop() {
    if (desktop != null) {
      desktop.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  /** Every test starts as a new tab would: no stored ids, so a new conversation. */
  @BeforeEach
  void freshConversation() {
    openChat(desktop);
  }

  @Test
  void aTypedMessageIsEchoedByTheBot() {
    type(desktop, "hello from the browser");

    waitFor(desktop, d -> botTexts(d).contains("hello from the browser"));
    assertThat(userTexts(desktop)).containsExactly("hello from the browser");
    // Acknowledged by the server: no longer shown as pending.
    waitFor(desktop, d -> d.findElements(By.cssSelector(".msg.user.pending")).isEmpty());
    WebElement mine = desktop.findElement(By.cssSelector(".msg.user .bubble"));
    WebElement theirs = desktop.findElement(By.cssSelector(".msg.bot .bubble"));
    assertThat(mine.getRect().getX()).as("user bubbles sit right of bot bubbles").isGreaterThan(theirs.getRect().getX());
  }

  @Test
  void tappingAQuickReplyChipSendsItsPayloadAndTheChipsGo() {
    type(desktop, "chips");
    waitFor(desktop, d -> d.findElements(By.cssSelector(".chips .chip")).size() == 3);
    assertThat(texts(desktop, ".chips .chip")).containsExactly("Red", "Green", "Blue");
    assertThat(botTexts(desktop)).contains("Pick one");
    Browser.screenshot(desktop, "webchat-chips");

    desktop.findElements(By.cssSelector(".chips .chip")).get(1).click();

    waitFor(desktop, d -> botTexts(d).contains("Green"));
    assertThat(userTexts(desktop)).containsExactly("chips", "Green");
    assertThat(desktop.findElements(By.cssSelector(".chip"))).as("chips disappear after a tap").isEmpty();
  }

  @Test
  void cardsShowAsACarouselWithTitlesAndButtonsThatPostBack() {
    type(desktop, "cards");
    waitFor(desktop, d -> d.findElements(By.cssSelector(".carousel .card")).size() == 2);
    assertThat(texts(desktop, ".card .card-title")).containsExactly("First", "Second");
    assertThat(texts(desktop, ".card .card-subtitle")).containsExactly("A card with a button", "Another one");
    assertThat(texts(desktop, ".card .card-button")).containsExactly("Choose first", "Choose second");
    List<WebElement> cards = desktop.findElements(By.cssSelector(".carousel .card"));
    assertThat(cards.get(1).getRect().getY()).as("cards side by side").isEqualTo(cards.get(0).getRect().getY());
    assertThat(cards.get(1).getRect().getX()).isGreaterThan(cards.get(0).getRect().getX());
    Browser.screenshot(desktop, "webchat-carousel");

    desktop.findElement(By.xpath("//button[contains(@class,'card-button')][.='Choose first']")).click();
    waitFor(desktop, d -> botTexts(d).contains("first"));
    assertThat(userTexts(desktop)).containsExactly("cards", "Choose first");
  }

  @Test
  void aReloadKeepsTheConversationAndANewTabStartsAnother() {
    String conversation = conversationId(desktop);
    String user = (String) ((JavascriptExecutor) desktop).executeScript("return localStorage.getItem('chatbot.user')");
    desktop.navigate().refresh();
    waitOnline(desktop);
    assertThat(conversationId(desktop)).isEqualTo(conversation);

    String firstTab = desktop.getWindowHandle();
    desktop.switchTo().newWindow(WindowType.TAB);
    try {
      desktop.get(server.url("/chat"));
      waitOnline(desktop);
      assertThat(conversationId(desktop)).isNotEqualTo(conversation).matches("[0-9a-f]{32}");
      assertThat((String) ((JavascriptExecutor) desktop).executeScript("return localStorage.getItem('chatbot.user')"))
          .as("one user per browser").isEqualTo(user);
    } finally {
      desktop.close();
      desktop.switchTo().window(firstTab);
    }
  }

  @Test
  void typingImagesAndLinkButtonsPushedByTheServerRender() throws Exception {
    var adapter = server.server().adapters().get("webchat");
    ConversationRef tab = ConversationRef.of("webchat", conversationId(desktop));

    await(adapter.send(tab, Reply.typing()));
    waitFor(desktop, d -> !d.findElements(By.cssSelector(".msg.typing")).isEmpty());

    String picture = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='40' height='30'/%3E";
    await(adapter.send(tab, new Reply.Image(picture, "A picture")));
    waitFor(desktop, d -> !d.findElements(By.cssSelector(".msg.bot img.photo")).isEmpty());
    assertThat(desktop.findElements(By.cssSelector(".msg.typing"))).as("a reply ends the typing indicator").isEmpty();
    assertThat(texts(desktop, ".msg.bot .caption")).containsExactly("A picture");

    await(adapter.send(tab, Reply.cards(List.of(Card.of("Links", null, null,
        Button.link("Open", "https://example.com/shoes"), Button.link("Sneaky", "javascript:alert(1)"))))));
    waitFor(desktop, d -> d.findElements(By.cssSelector("a.card-button")).size() == 2);
    List<WebElement> links = desktop.findElements(By.cssSelector("a.card-button"));
    assertThat(links.get(0).getAttribute("href")).isEqualTo("https://example.com/shoes");
    assertThat(links.get(0).getAttribute("target")).isEqualTo("_blank");
    assertThat(links.get(0).getAttribute("rel")).contains("noopener");
    assertThat(links.get(1).getAttribute("href")).as("only web, mail and phone links open").isNull();
  }

  @Test
  void botTextIsShownAsTextNeverAsHtml() {
    String attack = "<img src=x onerror=\"window.__xss=1\"><b>bold</b>";
    type(desktop, attack);
    waitFor(desktop, d -> botTexts(d).contains(attack));
    assertThat(desktop.findElements(By.cssSelector("#log img, #log b"))).isEmpty();
    assertThat(((JavascriptExecutor) desktop).executeScript("return window.__xss === undefined")).isEqualTo(true);
  }

  @Test
  void atPhoneWidthTheInputStaysInViewAndNothingOverflowsSideways() {
    WebDriver phone = Browser.open(375, 740);
    try {
      openChat(phone);
      type(phone, "cards");
      waitFor(phone, d -> d.findElements(By.cssSelector(".carousel .card")).size() == 2);
      Browser.screenshot(phone, "webchat-phone-carousel");
      for (int i = 1; i <= 6; i++) {
        type(phone, "message number " + i + " with some words to wrap across the narrow screen");
      }
      waitFor(phone, d -> botTexts(d).stream().filter(t -> t.startsWith("message number")).count() == 6);
      assertThat((Boolean) ((JavascriptExecutor) phone).executeScript(
          "var log = document.getElementById('log'); return log.scrollHeight - log.scrollTop - log.clientHeight < 2;"))
          .as("the log follows the newest message").isTrue();
      Browser.screenshot(phone, "webchat-phone");

      JavascriptExecutor js = (JavascriptExecutor) phone;
      long viewportWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
      long viewportHeight = ((Number) js.executeScript("return window.innerHeight")).longValue();
      assertThat(viewportWidth).isLessThanOrEqualTo(375);
      WebElement input = phone.findElement(By.id("input"));
      WebElement send = phone.findElement(By.id("send"));
      assertThat(input.isDisplayed()).isTrue();
      assertThat(send.isDisplayed()).isTrue();
      for (WebElement element : List.of(input, send)) {
        var rect = element.getRect();
        assertThat(rect.getY() + rect.getHeight()).as("bottom inside the viewport").isLessThanOrEqualTo((int) viewportHeight);
        assertThat(rect.getX() + rect.getWidth()).as("right edge inside the viewport").isLessThanOrEqualTo((int) viewportWidth);
      }
      assertThat(((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue())
          .as("no sideways scrolling of the page").isLessThanOrEqualTo(viewportWidth);
      assertThat((Boolean) js.executeScript(
          "var c = document.querySelector('.carousel'); return c.scrollWidth > c.clientWidth;"))
          .as("the carousel scrolls sideways inside itself").isTrue();
      // Still usable after the log has grown past one screen.
      type(phone, "last one");
      waitFor(phone, d -> botTexts(d).contains("last one"));
    } finally {
      phone.quit();
    }
  }

  private static void openChat(WebDriver driver) {
    driver.get(server.url("/chat"));
    ((JavascriptExecutor) driver).executeScript("sessionStorage.clear(); localStorage.clear();");
    driver.navigate().refresh();
    waitOnline(driver);
  }

  private static void waitOnline(WebDriver driver) {
    waitFor(driver, d -> "online".equals(d.findElement(By.tagName("body")).getAttribute("data-state")));
  }

  /** The conversation id this tab keeps in localStorage, under its per-tab key. */
  private static String conversationId(WebDriver driver) {
    return (String) ((JavascriptExecutor) driver).executeScript(
        "return JSON.parse(localStorage.getItem('chatbot.tabs'))[sessionStorage.getItem('chatbot.tab')].conversation;");
  }

  private static void type(WebDriver driver, String text) {
    driver.findElement(By.id("input")).sendKeys(text, Keys.ENTER);
  }

  private static List<String> botTexts(WebDriver driver) {
    return texts(driver, ".msg.bot:not(.typing) .bubble");
  }

  private static List<String> userTexts(WebDriver driver) {
    return texts(driver, ".msg.user .bubble");
  }

  @SuppressWarnings("unchecked")
  private static List<String> texts(WebDriver driver, String css) {
    // textContent, not getText(): exactly what the page put there, visible on screen or scrolled away.
    return (List<String>) ((JavascriptExecutor) driver).executeScript(
        "return Array.from(document.querySelectorAll(arguments[0])).map(function (e) { return e.textContent; });", css);
  }

  private static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static void waitFor(WebDriver driver, java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, WAIT).until(condition::apply);
  }
}
