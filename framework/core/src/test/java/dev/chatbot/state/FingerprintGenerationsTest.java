package dev.chatbot.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

/** The generations as a cluster member copies them to another: what is read back behaves as what was written. */
class FingerprintGenerationsTest {

  @Test
  void aCopyRemembersWhatTheOriginalRemembersAndRotatesAtTheSameTime() throws Exception {
    FingerprintGenerations original = new FingerprintGenerations(600_000, 1000, 5_000);
    for (long id = 1; id <= 1500; id++) { // one full generation (1000) and half of the next
      assertThat(original.remember(MemoryDedupeStore.fingerprint("id" + id), 5_000 + id)).isTrue();
    }

    FingerprintGenerations copy = copy(original);

    assertThat(copy.size()).isEqualTo(original.size()).isEqualTo(1500);
    for (long id = 1; id <= 1500; id++) {
      assertThat(copy.remember(MemoryDedupeStore.fingerprint("id" + id), 10_000)).as("id" + id).isFalse();
    }
    // The current generation started at 6,001 (with id 1001): ten minutes later it rotates, in both.
    long later = 6_001 + 600_000;
    assertThat(copy.remember(MemoryDedupeStore.fingerprint("new"), later)).isTrue();
    assertThat(original.remember(MemoryDedupeStore.fingerprint("new"), later)).isTrue();
    assertThat(copy.remember(MemoryDedupeStore.fingerprint("id1"), later)).as("two generations ago").isTrue();
    assertThat(original.remember(MemoryDedupeStore.fingerprint("id1"), later)).isTrue();
    assertThat(copy.remember(MemoryDedupeStore.fingerprint("id1400"), later)).as("previous generation").isFalse();
    assertThat(copy.size()).isEqualTo(original.size());
  }

  @Test
  void allFingerprintsAreListedOldestGenerationFirstAndOutlivedTwoWindowsAfterTheCurrentOneStarted() {
    FingerprintGenerations generations = new FingerprintGenerations(1_000, 1_000, 0);
    generations.remember(11, 0);
    generations.remember(22, 1_000); // starts the next generation: 11 is in the previous one
    generations.remember(33, 1_500);
    java.util.List<Long> listed = new java.util.ArrayList<>();
    generations.forEach(listed::add);
    assertThat(listed.get(0)).isEqualTo(11);
    assertThat(listed).containsExactlyInAnyOrder(11L, 22L, 33L);
    // 33 came half a window after the current generation started: younger than a window until 2,500 at most.
    assertThat(generations.outlived(2_999)).isFalse();
    assertThat(generations.outlived(3_000)).isTrue();
  }

  @Test
  void aForgottenFingerprintIsNewAgainAndItsNeighboursStayFound() {
    FingerprintGenerations generations = new FingerprintGenerations(600_000, 1000, 0);
    // A table of 64 slots: these share or neighbour slots 62, 63, 0, 1, so their runs wrap around the table's end.
    long[] crowded = {62, 62 + 64, 63, 62 + 128, 64, 1, 63 + 64, 65 + 64};
    for (long fingerprint : crowded) {
      assertThat(generations.remember(fingerprint, 1)).isTrue();
    }
    for (long forgotten : crowded) {
      generations.forget(forgotten);
      assertThat(generations.size()).isEqualTo(crowded.length - 1);
      for (long other : crowded) {
        if (other != forgotten) {
          assertThat(generations.remember(other, 1)).as("%d after forgetting %d", other, forgotten).isFalse();
        }
      }
      assertThat(generations.remember(forgotten, 1)).as("%d is new again", forgotten).isTrue();
    }
    // In the previous generation too.
    generations.remember(MemoryDedupeStore.fingerprint("old"), 1);
    assertThat(generations.remember(MemoryDedupeStore.fingerprint("new"), 700_000)).isTrue(); // rotates
    generations.forget(MemoryDedupeStore.fingerprint("old"));
    assertThat(generations.remember(MemoryDedupeStore.fingerprint("old"), 700_001)).isTrue();
  }

  private static FingerprintGenerations copy(FingerprintGenerations generations) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    generations.writeTo(new DataOutputStream(bytes));
    return FingerprintGenerations.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
  }
}
