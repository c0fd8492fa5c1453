package dev.chatbot.adapters.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatbot.model.ConversationRef;
import dev.chatbot.model.Message;
import dev.chatbot.model.UserRef;
import org.junit.jupiter.api.Test;

/** Reading the page's frames into neutral messages. */
class ClientFrameTest {

  private static final ConversationRef TAB = ConversationRef.of("webchat", "c".repeat(32));
  private static final UserRef USER = UserRef.of("webchat", "u".repeat(32));

  @Test
  void aTextFrameBecomesATextMessage() {
    Message message = ClientFrame.parse("{\"type\":\"text\",\"id\":\"m1\",\"text\":\"hi there\"}")
        .toMessage("tab:m1", TAB, USER);
    assertThat(message.kind()).isEqualTo(Message.Kind.TEXT);
    assertThat(message.text()).isEqualTo("hi there");
    assertThat(message.id()).isEqualTo("tab:m1");
    assertThat(message.conversation()).isEqualTo(TAB);
    assertThat(message.user()).isEqualTo(USER);
  }

  @Test
  void aPostbackCarriesItsPayloadAndShowsItsTitle() {
    Message message = ClientFrame.parse("{\"type\":\"postback\",\"id\":\"m2\",\"title\":\"Red\",\"payload\":\"COLOR_RED\"}")
        .toMessage("tab:m2", TAB, USER);
    assertThat(message.isPostback()).isTrue();
    assertThat(message.payload()).isEqualTo("COLOR_RED");
    assertThat(message.text()).isEqualTo("Red");
    assertThat(message.input()).isEqualTo("COLOR_RED");
  }

  @Test
  void aPostbackWithoutATitleShowsItsPayload() {
    ClientFrame frame = ClientFrame.parse("{\"type\":\"postback\",\"payload\":\"more\"}");
    assertThat(frame.title()).isEqualTo("more");
    assertThat(frame.id()).isNull();
  }

  @Test
  void unusableFramesSayWhatIsWrong() {
    assertThatThrownBy(() -> ClientFrame.parse("{\"type\":\"text\",\"id\":\"m3\",\"text\":\"   \"}"))
        .isInstanceOf(ClientFrame.BadFrame.class).hasMessage("text is empty")
        .extracting(bad -> ((ClientFrame.BadFrame) bad).id()).isEqualTo("m3");
    assertThatThrownBy(() -> ClientFrame.parse("{\"type\":\"postback\",\"title\":\"x\"}"))
        .hasMessage("missing payload");
    assertThatThrownBy(() -> ClientFrame.parse("{\"id\":\"m4\"}")).hasMessage("missing type");
    assertThatThrownBy(() -> ClientFrame.parse("{\"type\":\"text\",\"text\":\"" + "y".repeat(4001) + "\"}"))
        .hasMessageContaining("text too long");
  }
}
