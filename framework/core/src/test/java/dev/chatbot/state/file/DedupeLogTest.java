package dev.chatbot.state.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dedupe ids' own file: what is flushed is read back, a torn record is skipped, files past the window go. */
class DedupeLogTest {

  private static final long WINDOW = 600_000;

  @TempDir
  Path dir;

  @Test
  void flushedFingerprintsAreReadBackInOrder() throws Exception {
    try (DedupeLog log = new DedupeLog(dir, WINDOW)) {
      log.append(11);
      log.append(-7);
      log.flush();
      log.append(42);
      log.flush();
    }
    assertThat(read()).containsExactly(11L, -7L, 42L);
  }

  @Test
  void aRecordCutShortIsSkipped() throws Exception {
    try (DedupeLog log = new DedupeLog(dir, WINDOW)) {
      log.append(5);
      log.flush();
    }
    Path file = files().get(0);
    Files.write(file, new byte[] {1, 2, 3}, StandardOpenOption.APPEND); // a power cut in the middle of a record
    assertThat(read()).containsExactly(5L);
  }

  @Test
  void filesOlderThanTheWindowAreDeletedAndNotRead() throws Exception {
    Path old = dir.resolve(DedupeLog.DIR).resolve((System.currentTimeMillis() - 2 * WINDOW) + ".ids");
    Files.createDirectories(old.getParent());
    Files.write(old, java.nio.ByteBuffer.allocate(8).putLong(99).array());
    try (DedupeLog log = new DedupeLog(dir, WINDOW)) {
      log.append(1);
      log.flush();
    }
    assertThat(read()).containsExactly(1L);
    assertThat(old).doesNotExist();
  }

  private List<Long> read() throws Exception {
    List<Long> read = new ArrayList<>();
    try (DedupeLog log = new DedupeLog(dir, WINDOW)) {
      log.load(read::add);
    }
    return read;
  }

  private List<Path> files() throws Exception {
    try (Stream<Path> files = Files.list(dir.resolve(DedupeLog.DIR))) {
      return files.toList();
    }
  }
}
