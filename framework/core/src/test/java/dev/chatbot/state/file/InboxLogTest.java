package dev.chatbot.state.file;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox's own files: what is kept and not done is read back, torn records end a file, done files go. */
class InboxLogTest {

  @TempDir
  Path dir;
  private final AtomicLong now = new AtomicLong(1_000_000);

  @Test
  void keptAndNotDoneIsReadBackInIdOrder() throws Exception {
    try (InboxLog log = started(60_000)) {
      log.keep(3, bytes("three"));
      log.keep(1, bytes("one"));
      log.keep(2, bytes("two"));
      log.flush();
      log.done(1);
      log.flush();
    }
    assertThat(text(new InboxLog(dir).load())).containsExactly("2=two", "3=three");
  }

  @Test
  void aRecordCutShortOrDamagedEndsItsFile() throws Exception {
    try (InboxLog log = started(60_000)) {
      log.keep(1, bytes("one"));
      log.flush();
    }
    Path file = files().get(0);
    byte[] whole = Files.readAllBytes(file);
    Files.write(file, new byte[] {'K', 0, 0, 0}, StandardOpenOption.APPEND); // a power cut in the middle of a record
    assertThat(text(new InboxLog(dir).load())).containsExactly("1=one");

    whole[whole.length - 1] ^= 1; // the message's last byte flipped: its checksum no longer matches
    Files.write(file, whole);
    assertThat(new InboxLog(dir).load()).isEmpty();
  }

  @Test
  void aStartWritesWhatIsPendingToANewFileAndDeletesTheOthers() throws Exception {
    try (InboxLog log = started(60_000)) {
      log.keep(1, bytes("one"));
      log.keep(2, bytes("two"));
      log.done(1);
      log.flush();
    }
    InboxLog again = new InboxLog(dir);
    SortedMap<Long, byte[]> pending = again.load();
    again.start(pending);
    again.close();
    assertThat(files()).hasSize(1);
    assertThat(text(new InboxLog(dir).load())).containsExactly("2=two");
  }

  @Test
  void filesWhoseMessagesAreDoneAreDeletedAndLongPendingOnesCarriedOn() throws Exception {
    try (InboxLog log = started(50)) {
      log.keep(1, bytes("done soon"));
      log.keep(2, bytes("pending long"));
      log.flush();
      log.done(1);
      now.addAndGet(50);
      log.flush(); // a second file starts; the first still holds message 2
      assertThat(files()).hasSize(2);
      now.addAndGet(50);
      log.flush(); // a third: the first is old enough for message 2 to be copied on; the first two go
      assertThat(files()).singleElement().satisfies(file -> assertThat(Files.readString(file, ISO_8859_1))
          .contains("pending long").doesNotContain("done soon"));
      log.done(2);
      now.addAndGet(50);
      log.flush();
      assertThat(files()).hasSize(1);
    }
    assertThat(new InboxLog(dir).load()).isEmpty();
  }

  @Test
  void aRewriteLeavesNoBytesOfMessagesDone() throws Exception {
    try (InboxLog log = started(60_000)) {
      log.keep(1, bytes("alice's address"));
      log.keep(2, bytes("bob's question"));
      log.flush();
      assertThat(log.doneWhere(message -> new String(message, UTF_8).startsWith("alice"))).isEqualTo(1);
      log.rewrite();
    }
    assertThat(files()).singleElement().satisfies(file ->
        assertThat(Files.readString(file, ISO_8859_1)).doesNotContain("alice"));
    assertThat(text(new InboxLog(dir).load())).containsExactly("2=bob's question");
  }

  private InboxLog started(long segmentMillis) {
    InboxLog log = new InboxLog(dir, segmentMillis, now::get);
    log.start(log.load());
    return log;
  }

  private List<Path> files() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve(InboxLog.DIR))) {
      return files.sorted().toList();
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static List<String> text(SortedMap<Long, byte[]> kept) {
    return new TreeMap<>(kept).entrySet().stream()
        .map(entry -> entry.getKey() + "=" + new String(entry.getValue(), UTF_8)).toList();
  }
}
