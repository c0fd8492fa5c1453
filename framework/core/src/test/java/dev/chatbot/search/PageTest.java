package dev.chatbot.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

  private static final List<Integer> SEVEN = List.of(1, 2, 3, 4, 5, 6, 7);

  @Test
  void pagesFollowEachOtherAndSayWhetherMoreFollow() {
    Page<Integer> first = Page.of(SEVEN, 0, 3);
    assertThat(first.items()).containsExactly(1, 2, 3);
    assertThat(first.from()).isZero();
    assertThat(first.more()).isTrue();
    Page<Integer> last = Page.of(SEVEN, 2, 3);
    assertThat(last.items()).containsExactly(7);
    assertThat(last.from()).isEqualTo(6);
    assertThat(last.more()).isFalse();
    assertThat(last.pastTheEnd()).isFalse();
  }

  @Test
  void aPagePastTheEndIsEmptyAndSaysSo() {
    assertThat(Page.of(SEVEN, 3, 3).pastTheEnd()).isTrue();
    assertThat(Page.of(SEVEN, 3, 3).items()).isEmpty();
    assertThat(Page.of(List.of(), 0, 3).pastTheEnd()).isTrue();
    assertThat(Page.of(SEVEN, 0, 7).more()).isFalse();
  }
}
