package org.guizhoubot.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed list and what was taken from the feeds, in {@code feeds.db}. */
class FeedStoreTest {
  private static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
  private static final String WIRE = "https://news.example/wire.xml";

  @TempDir Path dir;
  private FeedStore store;

  @BeforeEach
  void setUp() {
    store = FeedStore.open(dir.resolve("data").resolve("feeds.db"));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  @Test
  void should_list_feeds_in_the_order_they_were_added_and_add_each_url_once() {
    assertThat(store.add(WIRE, "Wire", T0)).isTrue();
    assertThat(store.add("https://news.example/b.xml", null, T0.plusSeconds(1))).isTrue();

    assertThat(store.add(WIRE, "Again", T0.plusSeconds(2))).isFalse();

    assertThat(store.feeds()).extracting(Feed::url).containsExactly(WIRE, "https://news.example/b.xml");
    assertThat(store.feed(WIRE)).hasValueSatisfying(f -> {
      assertThat(f.title()).isEqualTo("Wire");
      assertThat(f.added()).isEqualTo(T0);
      assertThat(f.failures()).isZero();
      assertThat(f.nextAttempt()).isNull();
    });
  }

  @Test
  void should_remove_a_feed_once_and_keep_the_list_after_reopening() {
    store.add(WIRE, "Wire", T0);
    store.add("https://news.example/b.xml", "B", T0);

    assertThat(store.remove(WIRE)).isTrue();
    assertThat(store.remove(WIRE)).isFalse();
    store.close();
    store = FeedStore.open(dir.resolve("data").resolve("feeds.db"));

    assertThat(store.feeds()).extracting(Feed::url).containsExactly("https://news.example/b.xml");
  }

  @Test
  void should_record_a_failure_with_its_next_attempt_and_clear_it_on_success() {
    store.add(WIRE, "Wire", T0);

    store.failed(WIRE, 2, "HTTP 503", T0, T0.plus(Duration.ofMinutes(10)));
    Feed failing = store.feed(WIRE).orElseThrow();
    store.succeeded(WIRE, null, T0.plus(Duration.ofMinutes(11)));
    Feed recovered = store.feed(WIRE).orElseThrow();

    assertThat(failing.failures()).isEqualTo(2);
    assertThat(failing.lastError()).isEqualTo("HTTP 503");
    assertThat(failing.nextAttempt()).isEqualTo(T0.plus(Duration.ofMinutes(10)));
    assertThat(recovered.failures()).isZero();
    assertThat(recovered.lastError()).isNull();
    assertThat(recovered.nextAttempt()).isNull();
    assertThat(recovered.title()).as("a poll without a title keeps the one known").isEqualTo("Wire");
    assertThat(recovered.lastPolled()).isEqualTo(T0.plus(Duration.ofMinutes(11)));
  }

  @Test
  void should_remember_items_by_url_and_by_text_and_forget_their_failures() {
    store.add(WIRE, "Wire", T0);
    store.itemFailed(WIRE, new FeedStore.ItemFailure("https://news.example/1", "HTTP 404", 1, false,
        T0.plus(Duration.ofMinutes(5))), T0);
    assertThat(store.itemFailures(WIRE)).containsOnlyKeys("https://news.example/1");

    store.remember("https://news.example/1", WIRE, "hash-1", "story-1", T0);

    assertThat(store.seenUrl("https://news.example/1")).isTrue();
    assertThat(store.seenUrl("https://news.example/2")).isFalse();
    assertThat(store.seenHash("hash-1")).isTrue();
    assertThat(store.seenHash("hash-2")).isFalse();
    assertThat(store.itemFailures(WIRE)).isEmpty();
  }

  @Test
  void should_keep_an_item_waiting_until_its_next_attempt_and_for_good_when_lasting() {
    FeedStore.ItemFailure later = new FeedStore.ItemFailure("https://news.example/1", "timeout", 1, false,
        T0.plus(Duration.ofMinutes(5)));
    FeedStore.ItemFailure never = new FeedStore.ItemFailure("https://news.example/2", "too large", 1, true, null);

    assertThat(later.waiting(T0.plus(Duration.ofMinutes(4)))).isTrue();
    assertThat(later.waiting(T0.plus(Duration.ofMinutes(5)))).isFalse();
    assertThat(never.waiting(T0.plus(Duration.ofDays(365)))).isTrue();
  }
}
