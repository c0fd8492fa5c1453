package dev.chatbot.state.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** What the append-only files beside the store ({@link DedupeLog}, {@link InboxLog}) share: numbered file names. */
final class LogFiles {

  private LogFiles() {}

  /** The files of {@code dir} named {@code <number><suffix>}, lowest number first. */
  static List<Path> numbered(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> number(file, suffix) >= 0)
          .sorted(Comparator.comparingLong(file -> number(file, suffix))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /** The number in {@code file}'s name, or -1 when it is not {@code <number><suffix>}. */
  static long number(Path file, String suffix) {
    String name = file.getFileName().toString();
    if (!name.endsWith(suffix)) {
      return -1;
    }
    try {
      return Long.parseLong(name.substring(0, name.length() - suffix.length()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + file, e);
    }
  }

  /** Forces {@code file} (null: none yet) to the disk from the sync thread, while the writer may have closed it. */
  static void force(FileChannel file) throws IOException {
    try {
      if (file != null) {
        file.force(false);
      }
    } catch (ClosedChannelException e) {
      // The writer moved on to a new file meanwhile, and forced this one before closing it.
    }
  }
}
