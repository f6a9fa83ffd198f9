package org.guizhoubot.telegram.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An answered question is one write to bot.db: its counter, its record for votes, and its update handled. */
class AnswerStoreTest {
  private static final long BOT = 7;

  @TempDir Path dir;

  @Test
  void should_count_keep_and_mark_the_update_handled_together() {
    try (BotDb db = BotDb.open(dir.resolve("bot.db"))) {
      db.inbox().receive(BOT, Map.of(5L, "{}"), 1_000);

      String key = db.answers().answered("Who?", List.of("a1"), "answered", new InboxStore.Handled(BOT, 5, 2_000));

      assertThat(key).isNotBlank();
      assertThat(db.answers().stats()).isEqualTo(new AnswerStore.Stats(1, 0, 0, 0));
      assertThat(db.inbox().unhandled(BOT)).isEmpty();
      assertThat(db.answers().vote(key, 1, true)).isPresent();
    }
  }

  @Test
  void should_write_nothing_when_part_of_it_fails() {
    try (BotDb db = BotDb.open(dir.resolve("bot.db"))) {
      db.inbox().receive(BOT, Map.of(5L, "{}"), 1_000);

      assertThatThrownBy(() -> db.answers().answered(null, List.of(), "declined", new InboxStore.Handled(BOT, 5, 2_000)))
          .isInstanceOf(BotDb.BotDbException.class).hasMessageContaining("update 5");

      assertThat(db.answers().stats()).isEqualTo(new AnswerStore.Stats(0, 0, 0, 0));
      assertThat(db.inbox().unhandled(BOT)).extracting(InboxStore.Received::updateId).containsExactly(5L);
    }
  }
}
