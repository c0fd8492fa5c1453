package dev.chatbot.adapters.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A test's end of {@code /chat/ws}: the JDK WebSocket client, frames collected as JSON in arrival order. */
final class SocketClient implements AutoCloseable {

  static final Duration FRAME_TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  // Frames read while looking for another type, kept in order for later takes.
  private final List<JsonObject> stash = new ArrayList<>();
  private final WebSocket socket;

  private SocketClient(URI uri, String origin) throws Exception {
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(FRAME_TIMEOUT);
    if (origin != null) {
      builder.header("Origin", origin);
    }
    this.socket = builder.buildAsync(uri, new Collector()).get(FRAME_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  static SocketClient connect(String url) {
    return connect(url, null);
  }

  /** As a browser page of {@code origin} would connect (null: no Origin header, as a script would). */
  static SocketClient connect(String url, String origin) {
    try {
      return new SocketClient(URI.create(url.replaceFirst("^http", "ws")), origin);
    } catch (Exception e) {
      throw new AssertionError("could not open " + url + ": " + e, e);
    }
  }

  /** The socket URL that resumes the ids of a {@code session} frame, tokens included, as the page does. */
  static String resumeUrl(String socketUrl, JsonObject session) {
    return socketUrl + "?conversation=" + session.getString("conversation")
        + "&conversation_token=" + session.getString("conversation_token")
        + "&user=" + session.getString("user") + "&user_token=" + session.getString("user_token");
  }

  /** Sends {@code text} as a text message split into fragments of {@code fragment} characters. */
  SocketClient sendFragmented(String text, int fragment) {
    for (int at = 0; at < text.length(); at += fragment) {
      int end = Math.min(text.length(), at + fragment);
      socket.sendText(text.substring(at, end), end == text.length()).join();
    }
    return this;
  }

  SocketClient sendRaw(String frame) {
    socket.sendText(frame, true).join();
    return this;
  }

  SocketClient sendText(String id, String text) {
    return sendRaw(new JsonObject().put("type", "text").put("id", id).put("text", text).encode());
  }

  SocketClient sendPostback(String id, String title, String payload) {
    return sendRaw(new JsonObject().put("type", "postback").put("id", id).put("title", title).put("payload", payload)
        .encode());
  }

  /** The next frame, whatever its type. */
  JsonObject next() {
    if (!stash.isEmpty()) {
      return stash.remove(0);
    }
    try {
      JsonObject frame = frames.poll(FRAME_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(frame).as("a frame within %s", FRAME_TIMEOUT).isNotNull();
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next frame of {@code type}; frames of other types stay available, in order. */
  JsonObject take(String type) {
    for (Iterator<JsonObject> it = stash.iterator(); it.hasNext(); ) {
      JsonObject frame = it.next();
      if (type.equals(frame.getString("type"))) {
        it.remove();
        return frame;
      }
    }
    long deadline = System.nanoTime() + FRAME_TIMEOUT.toNanos();
    while (true) {
      JsonObject frame;
      try {
        frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      assertThat(frame).as("a '%s' frame within %s (other frames: %s)", type, FRAME_TIMEOUT, stash).isNotNull();
      if (type.equals(frame.getString("type"))) {
        return frame;
      }
      stash.add(frame);
    }
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(failure -> null);
  }

  private final class Collector implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(new JsonObject(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
