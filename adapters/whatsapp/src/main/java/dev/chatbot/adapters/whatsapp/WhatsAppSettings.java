package dev.chatbot.adapters.whatsapp;

import dev.chatbot.spi.Settings;
import java.util.List;
import java.util.Optional;

/** The WhatsApp variables (SPEC §2). {@link #toString()} hides the secrets. */
record WhatsAppSettings(String verifyToken, String appSecret, String accessToken, String phoneNumberId,
    String apiBaseUrl) {

  static final String VERIFY_TOKEN = "WHATSAPP_VERIFY_TOKEN";
  static final String APP_SECRET = "WHATSAPP_APP_SECRET";
  static final String ACCESS_TOKEN = "WHATSAPP_ACCESS_TOKEN";
  static final String PHONE_NUMBER_ID = "WHATSAPP_PHONE_NUMBER_ID";
  static final String API_BASE_URL = "WHATSAPP_API_BASE_URL";
  static final String DEFAULT_API_BASE_URL = "https://graph.facebook.com/v23.0";

  static final List<String> SWITCHES = List.of(VERIFY_TOKEN, APP_SECRET, ACCESS_TOKEN, PHONE_NUMBER_ID);

  /** Empty when none of the four is set; a ConfigException naming the missing one when only some are. */
  static Optional<WhatsAppSettings> read(Settings settings) {
    if (!settings.group("WhatsApp adapter", SWITCHES.toArray(String[]::new))) {
      return Optional.empty();
    }
    return Optional.of(new WhatsAppSettings(
        settings.get(VERIFY_TOKEN).orElseThrow(),
        settings.get(APP_SECRET).orElseThrow(),
        settings.get(ACCESS_TOKEN).orElseThrow(),
        settings.get(PHONE_NUMBER_ID).orElseThrow(),
        settings.baseUrl(API_BASE_URL, DEFAULT_API_BASE_URL)));
  }

  @Override
  public String toString() {
    return "WhatsAppSettings[phoneNumberId=" + phoneNumberId + ", apiBaseUrl=" + apiBaseUrl + ", secrets=hidden]";
  }
}
