package dev.chatbot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.chatbot.docs.OpenApiDocument;
import org.junit.jupiter.api.Test;

class ValidationDetailsTest {

  @Test
  void namesFieldsWithDots() {
    assertThat(ValidationDetails.field("#/message/cards/0/title")).isEqualTo("message.cards.0.title");
    assertThat(ValidationDetails.field("/recipient")).isEqualTo("recipient");
    assertThat(ValidationDetails.field("")).isEqualTo("body");
    assertThat(ValidationDetails.field(null)).isEqualTo("body");
  }

  @Test
  void findsTheReplyDiscriminatorInTheDescription() {
    ValidationDetails details = ValidationDetails.from(OpenApiDocument.load().json());
    ValidationDetails.Discriminator reply = details.discriminators().get("Reply");
    assertThat(reply.property()).isEqualTo("type");
    assertThat(reply.branches()).containsOnlyKeys("text", "quick_replies", "cards", "image", "typing")
        .containsEntry("text", 0).containsEntry("typing", 4);
  }
}
