package org.guizhoubot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.guizhoubot.answer.Outcome;
import org.guizhoubot.index.IndexProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two programs over one index file (a bot and an {@code index} run): each sees the other's commits. */
class SharedIndexTest {
  @TempDir Path dir;

  @Test
  void should_answer_from_an_article_another_program_indexed_on_the_next_question() throws Exception {
    Path corpus = TestFixtures.copySeeds(dir);
    Path data = dir.resolve("data");
    try (App bot = TestFixtures.app(corpus, data); App indexer = TestFixtures.app(corpus, data)) {
      String question = "Which company opened the Zorblat data centre in Kaili?";
      assertThat(bot.library().articles()).noneMatch(a -> a.id().equals("zorblat"));
      Outcome before = bot.library().answer(question).outcome();
      assertThat(before instanceof Outcome.Answered a && a.citations().stream().anyMatch(c -> c.articleId().equals("zorblat")))
          .isFalse();

      Files.writeString(corpus.resolve("zorblat.md"), "---\ntitle: Zorblat opens in Kaili\n---\n"
          + "Zorblat Computing opened the Zorblat data centre in Kaili in March 2021. The Zorblat data centre"
          + " holds 5,000 servers and serves cloud customers across Guizhou.\n", StandardCharsets.UTF_8);
      indexer.library().reindex(false, IndexProgress.NONE);

      // the bot notices the commit before its next question and loads the new index in the background
      Eventually.within(Duration.ofSeconds(30),
          () -> bot.library().articles().stream().anyMatch(a -> a.id().equals("zorblat")));
      assertThat(bot.library().articles()).anyMatch(a -> a.id().equals("zorblat"));
      Outcome after = bot.library().answer(question).outcome();
      assertThat(after).isInstanceOf(Outcome.Answered.class);
      assertThat(((Outcome.Answered) after).citations()).anyMatch(c -> c.articleId().equals("zorblat"));
    }
  }
}
