package dev.chatbot.adapters.meta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicUrlsTest {

  @Test
  void resolvesPathsAgainstThePublicBaseUrlAndLeavesTheRest() {
    PublicUrls urls = new PublicUrls("https://bot.example.com/");
    assertThat(urls.absolute("/assets/shoe.jpg")).isEqualTo("https://bot.example.com/assets/shoe.jpg");
    assertThat(urls.absolute("https://cdn.example.com/a.jpg")).isEqualTo("https://cdn.example.com/a.jpg");
    assertThat(urls.absolute("//cdn.example.com/a.jpg")).isEqualTo("//cdn.example.com/a.jpg");
    assertThat(urls.absolute(null)).isNull();
  }
}
