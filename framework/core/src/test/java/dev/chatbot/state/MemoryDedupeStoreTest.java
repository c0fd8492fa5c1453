package dev.chatbot.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.chatbot.spi.ConfigException;
import dev.chatbot.spi.Settings;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class MemoryDedupeStoreTest {

  @Test
  void seesAnIdOnce() {
    MemoryDedupeStore store = new MemoryDedupeStore();

    assertThat(store.firstSeen("messenger:m1").result()).isTrue();
    assertThat(store.firstSeen("messenger:m1").result()).isFalse();
    assertThat(store.firstSeen("messenger:m2").result()).isTrue();
  }

  @Test
  void theWindowIsAtLeastTenMinutes() {
    assertThatThrownBy(() -> MemoryDedupeStore.from(Settings.of(Map.of("DEDUPE_WINDOW_SECONDS", "60"))))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith("DEDUPE_WINDOW_SECONDS must be between 600");
    assertThat(MemoryDedupeStore.from(Settings.of(Map.of("DEDUPE_WINDOW_SECONDS", "900", "DEDUPE_MAX_ENTRIES", "5000"))))
        .isNotNull();
  }

  @Test
  void staysBoundedUnderAFloodOfUniqueIdsAndRemembersTheNewest() {
    MemoryDedupeStore store = MemoryDedupeStore.from(Settings.of(Map.of("DEDUPE_MAX_ENTRIES", "1000")));
    for (int i = 0; i < 20_000; i++) {
      assertThat(store.firstSeen("slack:Ev" + i).result()).isTrue();
    }
    assertThat(store.size()).isLessThanOrEqualTo(2 * 1000);
    for (int i = 19_000; i < 20_000; i++) {
      assertThat(store.firstSeen("slack:Ev" + i).result()).as("one of the newest 1000").isFalse();
    }
    assertThat(store.firstSeen("slack:Ev0").result()).as("long forgotten").isTrue();
  }

  @Test
  void remembersAnIdForTheWholeWindowThenForgetsIt() {
    AtomicLong now = new AtomicLong();
    MemoryDedupeStore store = new MemoryDedupeStore(Duration.ofMinutes(10), 1000, now::get);
    store.firstSeen("messenger:early");
    now.addAndGet(Duration.ofMinutes(9).toNanos());
    store.firstSeen("messenger:late");

    now.addAndGet(Duration.ofMinutes(2).toNanos());
    assertThat(store.firstSeen("messenger:late").result()).as("2 minutes old").isFalse();
    now.addAndGet(Duration.ofMinutes(8).toNanos());
    assertThat(store.firstSeen("messenger:late").result()).as("10 minutes old").isFalse();
    now.addAndGet(Duration.ofMinutes(11).toNanos());
    assertThat(store.firstSeen("messenger:early").result()).as("30 minutes old").isTrue();
  }

  @Test
  void growsItsTablesWithoutLosingIds() {
    MemoryDedupeStore store = new MemoryDedupeStore();
    for (int i = 0; i < 50_000; i++) {
      store.firstSeen("whatsapp:wamid." + i);
    }
    for (int i = 0; i < 50_000; i++) {
      assertThat(store.firstSeen("whatsapp:wamid." + i).result()).isFalse();
    }
    assertThat(store.size()).isEqualTo(50_000);
  }

  @Test
  void fingerprintsOfSimilarIdsDiffer() {
    Set<Long> fingerprints = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      fingerprints.add(MemoryDedupeStore.fingerprint("slack:C0123456789:17000000" + i));
    }
    assertThat(fingerprints).hasSize(200_000);
  }

  /**
   * Not a timed or sized assertion: prints the heap that 100,000 remembered ids retain, for docs/delivery.md.
   * Ids shaped like Messenger's {@code mid} (the longest of the three platforms), keyed as the dispatcher keys them.
   */
  @Test
  void reportsTheMemoryOf100000UniqueIds() {
    var memory = ManagementFactory.getMemoryMXBean();
    MemoryDedupeStore store = new MemoryDedupeStore();
    long before = settledHeap(memory);
    for (int i = 0; i < 100_000; i++) {
      // Built here and held only by the store, so the measurement includes the id strings themselves.
      store.firstSeen("messenger:m_" + randomId(86));
    }
    long after = settledHeap(memory);
    long retained = after - before;
    System.out.printf("dedupe memory: ids=%d entries=%d key_chars=%d retained_bytes=%d retained_mib=%.1f"
        + " bytes_per_id=%d%n", 100_000, store.size(), "messenger:m_".length() + 86, retained,
        retained / 1024.0 / 1024.0, retained / 100_000);
    assertThat(store.size()).isEqualTo(100_000);
  }

  private static long settledHeap(java.lang.management.MemoryMXBean memory) {
    for (int i = 0; i < 5; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static String randomId(int length) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder id = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
    }
    return id.toString();
  }
}
