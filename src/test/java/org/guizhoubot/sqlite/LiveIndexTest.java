package org.guizhoubot.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.bench.FlatVectorIndex;
import org.guizhoubot.corpus.ArticleReader;
import org.guizhoubot.corpus.Corpus;
import org.guizhoubot.index.Indexer;
import org.guizhoubot.index.MiniLmEmbedder;
import org.guizhoubot.index.PassageSplitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the articles by SQL, and refreshes run on the executor the index is given. */
class LiveIndexTest {
  @TempDir Path dir;
  private Path corpus;
  private IndexStore store;
  private final List<Runnable> queued = new ArrayList<>();
  private final Executor queue = queued::add;

  @BeforeEach
  void setUp() {
    corpus = TestFixtures.copySeeds(dir);
    store = IndexStore.open(dir.resolve("data").resolve("index.db"));
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private LiveIndex live() {
    Indexer indexer = new Indexer(new Corpus(corpus), new ArticleReader(),
        () -> new PassageSplitter(TestFixtures.tokenizer(), TestFixtures.model().maxWordPieces()),
        TestFixtures.model(), store);
    return new LiveIndex(indexer, store, FlatVectorIndex::new, MiniLmEmbedder.DIMENSION, queue);
  }

  @Test
  void should_read_the_articles_by_sql_building_the_index_but_loading_no_snapshot() throws Exception {
    LiveIndex live = live();

    var articles = live.articles();

    assertThat(articles).hasSize(5);
    assertThat(live.loaded()).isFalse();
    assertThat(articles).isEqualTo(live.current().articles());
    assertThat(live.loaded()).isTrue();
  }

  @Test
  void should_run_a_refresh_on_the_given_executor_and_only_once_the_index_was_read() throws Exception {
    LiveIndex live = live();
    live.refreshIfChanged();
    assertThat(queued).isEmpty();
    live.articles();

    Files.writeString(corpus.resolve("anshun-data-port.md"), "Anshun builds a data port\n\nAnshun is building a data port.\n");
    Files.setLastModifiedTime(corpus, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    live.refreshIfChanged();

    assertThat(queued).hasSize(1);
    assertThat(live.isRefreshing()).isTrue();
    queued.remove(0).run();
    assertThat(live.isRefreshing()).isFalse();
    assertThat(live.articles()).containsKey("anshun-data-port").hasSize(6);
  }
}
