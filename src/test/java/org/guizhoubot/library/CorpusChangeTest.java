package org.guizhoubot.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.guizhoubot.App;
import org.guizhoubot.Eventually;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexProgress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running app notices articles that another process added, without a /reindex. */
class CorpusChangeTest {
  @TempDir Path dir;

  private static List<String> ids(App app) {
    return app.library().articles().stream().map(ArticleMeta::id).toList();
  }

  /** Asks until the background refresh has run, at most about 20 s. */
  private static List<String> idsAfterRefresh(App app) throws InterruptedException {
    ids(app);
    Eventually.within(Duration.ofSeconds(20),
        () -> !app.parts().index().isRefreshing() && !app.parts().index().isReindexing());
    return ids(app);
  }

  @Test
  void should_see_an_article_added_and_indexed_by_another_process() throws Exception {
    Path corpus = TestFixtures.copySeeds(dir);
    Path data = dir.resolve("data");
    try (App bot = TestFixtures.app(corpus, data); App cli = TestFixtures.app(corpus, data)) {
      assertThat(ids(bot)).hasSize(5);
      Path file = dir.resolve("kaili-hackathon.md");
      Files.writeString(file, "Kaili hosts a hackathon\n\nKaili hosted a hackathon for 200 students.\n");

      cli.library().add(List.of(new ArticleSource.File(file)), false, IndexProgress.NONE);

      assertThat(idsAfterRefresh(bot)).contains("kaili-hackathon").hasSize(6);
    }
  }

  @Test
  void should_index_a_file_copied_into_the_corpus_folder() throws Exception {
    Path corpus = TestFixtures.copySeeds(dir);
    try (App bot = TestFixtures.app(corpus, dir.resolve("data"))) {
      assertThat(ids(bot)).hasSize(5);
      Files.setLastModifiedTime(corpus, java.nio.file.attribute.FileTime.fromMillis(0));
      Files.writeString(corpus.resolve("anshun-data-port.md"), "Anshun builds a data port\n\nAnshun is building a data port.\n");

      assertThat(idsAfterRefresh(bot)).contains("anshun-data-port").hasSize(6);
    }
  }
}
