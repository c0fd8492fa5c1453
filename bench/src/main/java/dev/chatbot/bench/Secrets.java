package dev.chatbot.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** The fake credentials every system under test and the loadgen share; never real ones. */
final class Secrets {

  static final String MESSENGER_APP_SECRET = "bench-messenger-app-secret";
  static final String MESSENGER_VERIFY_TOKEN = "bench-verify-token";
  static final String MESSENGER_PAGE_ACCESS_TOKEN = "bench-page-token";
  static final String WHATSAPP_APP_SECRET = "bench-whatsapp-app-secret";
  static final String WHATSAPP_ACCESS_TOKEN = "bench-whatsapp-token";
  static final String WHATSAPP_PHONE_NUMBER_ID = "1000000001";
  static final String SLACK_SIGNING_SECRET = "bench-slack-signing-secret";
  static final String SLACK_BOT_TOKEN = "xoxb-bench-token";
  static final String PAGE_ID = "100000000000001";

  private Secrets() {}

  /** The environment that switches on every adapter with its API at the stub (printed by {@code bench.jar env}). */
  static Map<String, String> productEnv(String stubBase) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MESSENGER_VERIFY_TOKEN", MESSENGER_VERIFY_TOKEN);
    env.put("MESSENGER_APP_SECRET", MESSENGER_APP_SECRET);
    env.put("MESSENGER_PAGE_ACCESS_TOKEN", MESSENGER_PAGE_ACCESS_TOKEN);
    env.put("MESSENGER_API_BASE_URL", stubBase + "/graph");
    env.put("WHATSAPP_VERIFY_TOKEN", MESSENGER_VERIFY_TOKEN);
    env.put("WHATSAPP_APP_SECRET", WHATSAPP_APP_SECRET);
    env.put("WHATSAPP_ACCESS_TOKEN", WHATSAPP_ACCESS_TOKEN);
    env.put("WHATSAPP_PHONE_NUMBER_ID", WHATSAPP_PHONE_NUMBER_ID);
    env.put("WHATSAPP_API_BASE_URL", stubBase + "/graph");
    env.put("SLACK_SIGNING_SECRET", SLACK_SIGNING_SECRET);
    env.put("SLACK_BOT_TOKEN", SLACK_BOT_TOKEN);
    env.put("SLACK_API_BASE_URL", stubBase + "/slack/api");
    return env;
  }
}
