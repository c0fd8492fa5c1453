package dev.chatbot.adapters.webchat;

import dev.chatbot.spi.ConfigException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which web pages may open the chat socket, judged by the {@code Origin} a browser sends with the upgrade: this
 * server's {@code PUBLIC_BASE_URL}, the origins in {@code WEBCHAT_ALLOWED_ORIGINS}, and a page served by the host
 * the socket connects to (so {@code http://localhost:8080/chat} works without configuration). Another site's page
 * gets {@code 403}. A request without {@code Origin} is no browser page and is let through: the session token, not
 * the origin, is what guards a conversation.
 */
final class AllowedOrigins {

  static final String VARIABLE = "WEBCHAT_ALLOWED_ORIGINS";

  private final Set<String> allowed = new LinkedHashSet<>();

  AllowedOrigins(String publicBaseUrl, String configured) {
    allowed.add(normalise(publicBaseUrl, "PUBLIC_BASE_URL"));
    for (String origin : configured.split(",")) {
      if (!origin.isBlank()) {
        allowed.add(normalise(origin.trim(), VARIABLE));
      }
    }
  }

  /** {@code origin} (the header, may be null) for a socket requested of {@code host} (the Host header). */
  boolean allows(String origin, String host) {
    if (origin == null) {
      return true;
    }
    String normalised;
    try {
      normalised = normalise(origin, "Origin");
    } catch (ConfigException unusable) {
      return false; // "null" (a sandboxed frame or a file: page) and anything else that is no web origin
    }
    return allowed.contains(normalised)
        || (host != null && URI.create(normalised).getRawAuthority().equalsIgnoreCase(host));
  }

  /** scheme://host[:port] in lower case, without a default port or path. */
  static String normalise(String url, String what) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(what + " '" + url + "' is not a URL");
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
      throw new ConfigException(what + " '" + url + "' must look like https://chat.example.com");
    }
    int port = uri.getPort();
    boolean defaultPort = port == -1 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
    return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
  }
}
