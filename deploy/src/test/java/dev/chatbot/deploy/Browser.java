package dev.chatbot.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Selenium, for tests that use a page as a person would. Points at
 * /usr/bin/chromium and /usr/bin/chromedriver explicitly: Selenium's driver manager cannot download here.
 */
final class Browser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** Narrower windows are emulated (see {@link #open(int, int)}). */
  static final int MIN_WINDOW_WIDTH = 500;

  private Browser() {}

  /**
   * A fresh headless browser with a phone-sized or desktop window; quit it when done. Widths under 500 px (a phone)
   * get a mobile viewport of exactly that size through DevTools device emulation.
   */
  static WebDriver open(int width, int height) {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver: "
          + "apt-get install chromium chromium-driver (.ci/run does this)");
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    if (width < MIN_WINDOW_WIDTH) {
      // Headless Chromium will not make a window narrower than 500 px; a phone is emulated the way DevTools does it.
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
          "width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }
    return driver;
  }

  static WebDriver open() {
    return open(1280, 900);
  }

  /** Saves a PNG screenshot under target/screenshots/ and returns its path. */
  static Path screenshot(WebDriver driver, String name) {
    try {
      Path dir = Path.of("target", "screenshots");
      Files.createDirectories(dir);
      Path file = dir.resolve(name + ".png");
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
