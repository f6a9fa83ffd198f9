package org.guizhoubot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationMemoryTest {
  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-01-01T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final HandClock clock = new HandClock();

  private Turn turn(String q) {
    return new Turn(q, List.of("Guiyang"), List.of("expo"), List.of("a1"), clock.instant());
  }

  @Test
  void should_give_back_the_last_turn_of_each_conversation_apart() {
    ConversationMemory m = new ConversationMemory(Duration.ofMinutes(30), 100, 3, clock);
    m.remember("c1", turn("first"));
    m.remember("c1", turn("second"));
    m.remember("c2", turn("other"));

    assertThat(m.last("c1")).get().extracting(Turn::question).isEqualTo("second");
    assertThat(m.last("c2")).get().extracting(Turn::question).isEqualTo("other");
    assertThat(m.last("c3")).isEmpty();
  }

  @Test
  void should_keep_only_the_last_few_turns() {
    ConversationMemory m = new ConversationMemory(Duration.ofMinutes(30), 100, 2, clock);
    for (String q : List.of("q1", "q2", "q3")) {
      m.remember("c", turn(q));
    }

    assertThat(m.turns("c")).extracting(Turn::question).containsExactly("q2", "q3");
  }

  @Test
  void should_forget_a_conversation_idle_for_longer_than_its_time_to_live() {
    ConversationMemory m = new ConversationMemory(Duration.ofMinutes(30), 100, 3, clock);
    m.remember("old", turn("q"));
    clock.now = clock.now.plus(Duration.ofMinutes(20));
    m.remember("recent", turn("q"));
    clock.now = clock.now.plus(Duration.ofMinutes(11));

    assertThat(m.last("old")).isEmpty();
    assertThat(m.last("recent")).isPresent();
    assertThat(m.size()).isEqualTo(1);
  }

  @Test
  void should_forget_on_request() {
    ConversationMemory m = new ConversationMemory(Duration.ofMinutes(30), 100, 3, clock);
    m.remember("c", turn("q"));
    m.forget("c");

    assertThat(m.last("c")).isEmpty();
  }

  @Test
  void should_stay_bounded_under_ten_thousand_chats_forgetting_the_longest_idle_first() {
    ConversationMemory m = new ConversationMemory(Duration.ofMinutes(30), 1_000, 3, clock);
    for (int chat = 0; chat < 10_000; chat++) {
      m.remember("chat-" + chat, turn("question " + chat));
      m.remember("chat-" + chat, turn("again " + chat));
    }

    assertThat(m.size()).isEqualTo(1_000);
    assertThat(m.last("chat-9999")).isPresent();
    assertThat(m.last("chat-8999")).isEmpty();
    assertThat(m.last("chat-9000")).get().extracting(Turn::question).isEqualTo("again 9000");
  }

  @Test
  void should_cap_what_one_turn_holds() {
    Turn t = new Turn("x".repeat(10_000), java.util.Collections.nCopies(100, "Name"), List.of(), List.of(), clock.instant());

    assertThat(t.question()).hasSize(Turn.MAX_QUESTION);
    assertThat(t.names()).hasSize(Turn.MAX_ITEMS);
  }

  @Test
  void should_reject_bad_settings_naming_them() {
    assertThatThrownBy(() -> new ConversationMemory(Duration.ZERO, 10, 3, clock)).hasMessageContaining("ttl");
    assertThatThrownBy(() -> new ConversationMemory(Duration.ofMinutes(1), 0, 3, clock)).hasMessageContaining("maxConversations");
    assertThatThrownBy(() -> new ConversationMemory(Duration.ofMinutes(1), 10, 0, clock)).hasMessageContaining("turnsKept");
    ConversationMemory m = new ConversationMemory(Duration.ofMinutes(1), 10, 3, clock);
    assertThatThrownBy(() -> m.remember(" ", turn("q"))).hasMessageContaining("conversation");
  }
}
