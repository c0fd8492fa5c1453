package dev.chatbot.adapters.messenger;

import dev.chatbot.spi.Settings;
import java.util.List;
import java.util.Optional;

/** The Messenger variables (SPEC §2). {@link #toString()} hides the secrets. */
record MessengerSettings(String verifyToken, String appSecret, String pageAccessToken, String apiBaseUrl) {

  static final String VERIFY_TOKEN = "MESSENGER_VERIFY_TOKEN";
  static final String APP_SECRET = "MESSENGER_APP_SECRET";
  static final String PAGE_ACCESS_TOKEN = "MESSENGER_PAGE_ACCESS_TOKEN";
  static final String API_BASE_URL = "MESSENGER_API_BASE_URL";
  static final String DEFAULT_API_BASE_URL = "https://graph.facebook.com/v23.0";

  static final List<String> SWITCHES = List.of(VERIFY_TOKEN, APP_SECRET, PAGE_ACCESS_TOKEN);

  /** Empty when none of the three is set; a ConfigException naming the missing one when only some are. */
  static Optional<MessengerSettings> read(Settings settings) {
    if (!settings.group("Messenger adapter", SWITCHES.toArray(String[]::new))) {
      return Optional.empty();
    }
    return Optional.of(new MessengerSettings(
        settings.get(VERIFY_TOKEN).orElseThrow(),
        settings.get(APP_SECRET).orElseThrow(),
        settings.get(PAGE_ACCESS_TOKEN).orElseThrow(),
        settings.baseUrl(API_BASE_URL, DEFAULT_API_BASE_URL)));
  }

  @Override
  public String toString() {
    return "MessengerSettings[apiBaseUrl=" + apiBaseUrl + ", secrets=hidden]";
  }
}
