package dev.chatbot.adapters.meta;

/**
 * Meta fetches card and image URLs itself, so they must be absolute. A bot may use a path on this server
 * ({@code /assets/shoes/1.jpg}); it is resolved against {@code PUBLIC_BASE_URL}.
 */
public final class PublicUrls {

  private final String publicBaseUrl;

  public PublicUrls(String publicBaseUrl) {
    this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
        : publicBaseUrl;
  }

  public String absolute(String url) {
    if (url == null || !url.startsWith("/") || url.startsWith("//")) {
      return url;
    }
    return publicBaseUrl + url;
  }
}
