package org.guizhoubot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicInteger;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.bench.FlatVectorIndex;
import org.guizhoubot.sqlite.KeywordIndex;
import org.guizhoubot.corpus.ArticleReader;
import org.guizhoubot.corpus.Corpus;
import org.guizhoubot.corpus.Problem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.guizhoubot.sqlite.IndexSnapshot;
import org.guizhoubot.sqlite.VectorIndex;
import org.guizhoubot.sqlite.IndexStore;
import org.guizhoubot.sqlite.LiveIndex;

class IndexerTest {
  @TempDir Path dir;
  private Path corpusDir;
  private IndexStore store;
  private CountingEmbedder embedder;

  /** The real model, counting calls and failing on request after a number of them. */
  static final class CountingEmbedder implements Embedder {
    final AtomicInteger calls = new AtomicInteger();
    volatile int failAfter = Integer.MAX_VALUE;
    volatile String name = MiniLmEmbedder.MODEL_NAME;

    @Override
    public String modelName() {
      return name;
    }

    @Override
    public int dimension() {
      return MiniLmEmbedder.DIMENSION;
    }

    @Override
    public int maxWordPieces() {
      return 128;
    }

    @Override
    public float[] embed(String text) {
      if (calls.incrementAndGet() > failAfter) {
        throw new IllegalStateException("embedding failed on purpose");
      }
      return TestFixtures.model().embed(text);
    }
  }

  @BeforeEach
  void setUp() {
    corpusDir = TestFixtures.copySeeds(dir);
    store = IndexStore.open(dir.resolve("data/index.db"));
    embedder = new CountingEmbedder();
  }

  @AfterEach
  void tearDown() {
    store.close();
  }

  private Indexer indexer() {
    return indexer(Indexer.Batching.DEFAULT);
  }

  private Indexer indexer(Indexer.Batching batching) {
    return new Indexer(new Corpus(corpusDir), new ArticleReader(),
        () -> new PassageSplitter(TestFixtures.tokenizer(), 128), embedder, store, batching);
  }

  @Test
  void should_embed_each_article_once_when_two_runs_on_one_index_overlap() throws Exception {
    for (int i = 0; i < 40; i++) {
      Files.writeString(corpusDir.resolve(String.format(java.util.Locale.ROOT, "report-%02d.md", i)),
          "Report " + i + "\n\nGuizhou opened data centre " + i + " in Gui'an with " + (i * 3 + 2) + " halls. "
              + "Its " + (i * 40 + 7) + " engineers run servers for cloud customers across southwest China.\n\n"
              + "The centre " + i + " draws power from a hydro station near the Wu River and cools its halls with"
              + " mountain air for most of the year.\n", java.nio.charset.StandardCharsets.UTF_8);
    }
    CountingEmbedder otherEmbedder = new CountingEmbedder();
    Indexer.Batching small = new Indexer.Batching(4, 3);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService runs = java.util.concurrent.Executors.newFixedThreadPool(2);
    try (IndexStore otherStore = IndexStore.open(dir.resolve("data/index.db"))) {
      Indexer other = new Indexer(new Corpus(corpusDir), new ArticleReader(),
          () -> new PassageSplitter(TestFixtures.tokenizer(), 128), otherEmbedder, otherStore, small);
      Indexer first = indexer(small);
      var a = runs.submit(() -> {
        start.await();
        return first.run(false, IndexProgress.NONE);
      });
      var b = runs.submit(() -> {
        start.await();
        return other.run(false, IndexProgress.NONE);
      });
      start.countDown();
      IndexReport ra = a.get(5, java.util.concurrent.TimeUnit.MINUTES);
      IndexReport rb = b.get(5, java.util.concurrent.TimeUnit.MINUTES);

      int stored = store.articles().values().stream().mapToInt(ArticleMeta::passageCount).sum();
      assertThat(store.articles()).hasSize(45);
      assertThat(ra.passagesEmbedded() + rb.passagesEmbedded()).isEqualTo(stored);
      assertThat(embedder.calls.get() + otherEmbedder.calls.get()).isEqualTo(stored);
      assertThat(ra.added() + rb.added()).isEqualTo(45);
    } finally {
      runs.shutdownNow();
    }
  }

  @Test
  void should_keep_whole_articles_committed_before_a_crash_and_go_on_from_there() throws Exception {
    Corpus corpus = new Corpus(corpusDir);
    PassageSplitter splitter = new PassageSplitter(TestFixtures.tokenizer(), 128);
    java.util.Map<String, Integer> passagesOf = new java.util.TreeMap<>();
    for (var f : corpus.list().files()) {
      passagesOf.put(f.id(), splitter.split(new ArticleReader().read(f.path())).size());
    }
    List<String> ids = List.copyOf(passagesOf.keySet());
    int firstThree = passagesOf.get(ids.get(0)) + passagesOf.get(ids.get(1)) + passagesOf.get(ids.get(2));
    embedder.failAfter = firstThree; // the fourth article fails; the third is embedded but not committed
    List<String> commits = new java.util.ArrayList<>();
    IndexProgress progress = new IndexProgress() {
      @Override
      public void committed(int articlesDone, int articles) {
        commits.add(articlesDone + "/" + articles);
      }
    };

    assertThatThrownBy(() -> indexer(new Indexer.Batching(1, 2)).run(false, progress))
        .hasMessageContaining("failed on purpose");

    assertThat(commits).containsExactly("2/5");
    assertThat(store.articles()).containsOnlyKeys(ids.get(0), ids.get(1));
    store.articles().values().forEach(a -> assertThat(a.passageCount()).as(a.id()).isEqualTo(passagesOf.get(a.id())));
    assertThat(store.indexing()).as("a failed run is no longer indexing").isEmpty();

    embedder.failAfter = Integer.MAX_VALUE;
    embedder.calls.set(0);
    IndexReport resumed = indexer(new Indexer.Batching(1, 2)).run(false, IndexProgress.NONE);

    assertThat(resumed.unchanged()).isEqualTo(2);
    assertThat(resumed.added()).isEqualTo(3);
    assertThat(embedder.calls.get()).isEqualTo(passagesOf.values().stream().mapToInt(Integer::intValue).sum()
        - passagesOf.get(ids.get(0)) - passagesOf.get(ids.get(1)));
    store.articles().values().forEach(a -> assertThat(a.passageCount()).as(a.id()).isEqualTo(passagesOf.get(a.id())));
    assertThat(store.indexing()).isEmpty();
  }

  @Test
  void should_embed_only_new_or_changed_articles() throws Exception {
    IndexReport first = indexer().run(false, IndexProgress.NONE);
    assertThat(first.added()).isEqualTo(5);
    assertThat(first.rebuildReason()).isEqualTo(new Rebuild.NoIndexYet());
    assertThat(first.passagesEmbedded()).isEqualTo(first.passages()).isEqualTo(embedder.calls.get());

    embedder.calls.set(0);
    IndexReport second = indexer().run(false, IndexProgress.NONE);
    assertThat(second.unchanged()).isEqualTo(5);
    assertThat(second.passagesEmbedded()).isZero();
    assertThat(embedder.calls.get()).isZero();

    Path changed = corpusDir.resolve("big-data-looms-large-2019.md");
    Files.writeString(changed, Files.readString(changed) + "\nGuizhou also opened a new data lab in Anshun.\n");
    IndexReport third = indexer().run(false, IndexProgress.NONE);
    assertThat(third.updated()).isEqualTo(1);
    assertThat(third.unchanged()).isEqualTo(4);
    assertThat(embedder.calls.get()).isEqualTo(third.passagesEmbedded())
        .isEqualTo(store.articles().get("big-data-looms-large-2019").passageCount());

    Files.delete(corpusDir.resolve("big-data-valley-expo.md"));
    IndexReport fourth = indexer().run(false, IndexProgress.NONE);
    assertThat(fourth.removed()).isEqualTo(1);
    assertThat(store.articles()).doesNotContainKey("big-data-valley-expo").hasSize(4);
  }

  @Test
  void should_report_a_bad_article_by_name_skip_it_and_index_the_rest() throws Exception {
    Files.write(corpusDir.resolve("broken.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 0x41});
    Files.writeString(corpusDir.resolve("notes.docx"), "binary");

    IndexReport report = indexer().run(false, IndexProgress.NONE);

    assertThat(report.articles()).isEqualTo(5);
    assertThat(report.problems()).extracting(Problem::name).containsExactlyInAnyOrder("broken.txt", "notes.docx");
    assertThat(report.problems().toString()).contains("not UTF-8", "not a readable Word .docx document");
  }

  @Test
  void should_keep_the_previous_index_whole_when_a_reindex_fails_part_way() throws Exception {
    indexer().run(false, IndexProgress.NONE);
    LiveIndex live = new LiveIndex(indexer(), store, FlatVectorIndex::new, MiniLmEmbedder.DIMENSION, Runnable::run);
    IndexSnapshot before = live.current();
    float[] probe = TestFixtures.model().embed("How many reservoirs does the flood alarm system support?");
    List<VectorIndex.Hit> hitsBefore = before.vectors().search(probe, 3);

    embedder.calls.set(0);
    embedder.failAfter = 10;
    assertThatThrownBy(() -> live.reindex(true, IndexProgress.NONE)).hasMessageContaining("failed on purpose");

    assertThat(live.current()).isSameAs(before);
    IndexSnapshot reloaded = store.loadSnapshot(FlatVectorIndex::new, MiniLmEmbedder.DIMENSION);
    assertThat(reloaded.passages()).hasSameSizeAs(before.passages());
    assertThat(reloaded.vectors().search(probe, 3)).isEqualTo(hitsBefore);
    assertThat(KeywordIndex.of(reloaded).search(List.of("reservoirs"), 5)).isNotEmpty();
  }

  @Test
  void should_roll_back_a_write_that_fails_inside_the_transaction() throws Exception {
    indexer().run(false, IndexProgress.NONE);
    var articlesBefore = store.articles();
    ArticleMeta meta = new ArticleMeta("extra", "Extra", null, null, null, null, "hash", 1);
    Passage p = new Passage("extra", 0, 0, 4, "text", 1);
    IndexChange bad = new IndexChange(List.of("big-data-valley-expo"),
        List.of(new IndexChange.Upsert(meta, "extra.md", List.of(p), List.of(new float[7]))));

    assertThatThrownBy(() -> store.apply(bad, MiniLmEmbedder.MODEL_NAME, MiniLmEmbedder.DIMENSION, false))
        .isInstanceOf(IndexStoreException.class).hasMessageContaining("article extra");

    assertThat(store.articles()).isEqualTo(articlesBefore);
  }

  @Test
  void should_rebuild_saying_why_when_the_model_changes() throws Exception {
    indexer().run(false, IndexProgress.NONE);
    embedder.name = "another-model";

    IndexReport report = indexer().run(false, IndexProgress.NONE);

    assertThat(report.rebuildReason()).isEqualTo(new Rebuild.Incompatible("model all-MiniLM-L6-v2 differs from another-model"));
    assertThat(report.added()).isEqualTo(5);
    assertThat(store.meta()).containsEntry("model", "another-model");
  }

  @Test
  void should_rebuild_when_the_schema_version_differs() throws Exception {
    indexer().run(false, IndexProgress.NONE);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
        Statement s = c.createStatement()) {
      s.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'");
    }

    assertThat(indexer().rebuildReason()).contains(new Rebuild.Incompatible("schema version 0 differs from 1"));
    assertThat(indexer().run(false, IndexProgress.NONE).passagesEmbedded()).isPositive();
    assertThat(indexer().rebuildReason()).isEmpty();
  }

  @Test
  void should_wait_for_another_process_holding_the_write_lock_and_keep_its_embeddings() throws Exception {
    indexer().run(false, IndexProgress.NONE);
    Files.writeString(corpusDir.resolve("extra.md"), "---\ntitle: Extra\n---\n\nGuiyang opened a new data centre in 2021.\n");
    int callsBefore = embedder.calls.get();
    try (java.sql.Connection other = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/index.db"))) {
      other.createStatement().execute("BEGIN IMMEDIATE");
      CountDownLatch writing = new CountDownLatch(1);
      IndexProgress progress = new IndexProgress() {
        @Override
        public void started(int articles, int passages) {
          writing.countDown();
        }
      };
      Thread indexing = Thread.currentThread();
      Thread release = new Thread(() -> {
        try {
          assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
          long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
          while (!inSqlite(indexing) && System.nanoTime() < end) {
            LockSupport.parkNanos(1_000_000);
          }
          other.createStatement().execute("COMMIT");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      release.start();

      IndexReport report = indexer().run(false, progress);

      release.join();
      assertThat(report.added()).isEqualTo(1);
      assertThat(embedder.calls.get() - callsBefore).isEqualTo(report.passagesEmbedded());
      assertThat(store.articles()).containsKey("extra");
    }
  }

  /** Whether the thread is inside SQLite, as the indexer is while it waits for another's write lock. */
  private static boolean inSqlite(Thread t) {
    return java.util.Arrays.stream(t.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("org.sqlite.core."));
  }
}
