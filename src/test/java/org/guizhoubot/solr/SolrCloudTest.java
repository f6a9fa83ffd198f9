package org.guizhoubot.solr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.embedded.JettySolrRunner;
import org.guizhoubot.Eventually;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.corpus.ArticleReader;
import org.guizhoubot.corpus.Corpus;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.Indexer;
import org.guizhoubot.index.PassageSplitter;
import org.guizhoubot.library.CachedModel;
import org.guizhoubot.retrieval.HybridRetriever;
import org.guizhoubot.retrieval.RetrievedPassage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Questions keep being answered while a Solr node stops and while a reindex moves the alias. */
class SolrCloudTest {
  private static final List<String[]> QUESTIONS = List.of(
      new String[] {"How many reservoirs does the flood alarm system support?", "big-data-looms-large-2019"},
      new String[] {"How many businesses and organizations exhibited at the 2018 Big Data Expo?",
          "big-data-expo-2018-deals"},
      new String[] {"What did the provincial high people's court set up?", "big-data-valley-expo"},
      new String[] {"How many large-scale data centers does Guizhou have under operation or construction?",
          "guizhou-beefs-up-big-data-2022"});

  @TempDir
  Path dir;
  private String alias;
  private SolrIndex solr;
  private SolrServing serving;
  private HybridRetriever retriever;

  @BeforeEach
  void setUp() {
    alias = "cloud" + System.nanoTime();
    solr = SolrIndex.connect(SolrCloudFixture.settings(alias, 2, 2));
    CachedModel model = new CachedModel();
    Indexer indexer = new Indexer(new Corpus(TestFixtures.copySeeds(dir)), new ArticleReader(),
        () -> new PassageSplitter(TestFixtures.tokenizer(), model.maxWordPieces()), model, solr);
    serving = new SolrServing(solr, indexer);
    retriever = new HybridRetriever(serving, model, HybridRetriever.Fusion.DEFAULT);
    serving.current();
  }

  @AfterEach
  void tearDown() {
    SolrCloudFixture.drop(alias);
    solr.close();
  }

  @Test
  void should_answer_every_question_while_one_of_two_nodes_stops() throws Exception {
    MiniSolrCloudCluster cluster = SolrCloudFixture.cluster();
    try (Asker asker = new Asker()) {
      asker.awaitAnswers(8);
      JettySolrRunner stopped = cluster.stopJettySolrRunner(1);
      cluster.waitForJettyToStop(stopped);
      int atStop = asker.answered.get();
      asker.awaitAnswers(atStop + 24);
      cluster.startJettySolrRunner(stopped);
      cluster.waitForNode(stopped, 60);
      cluster.waitForActiveCollection(((SolrView) serving.current()).collection(), 2, 4);
      asker.awaitAnswers(asker.answered.get() + 8);
      asker.stop();

      assertThat(asker.failures).isEmpty();
      assertThat(asker.answered.get()).isGreaterThanOrEqualTo(atStop + 32);
    }
  }

  @Test
  void should_answer_every_question_while_a_reindex_moves_the_alias() throws Exception {
    String first = ((SolrView) serving.current()).collection();
    try (Asker asker = new Asker()) {
      asker.awaitAnswers(4);
      serving.reindex(true, IndexProgress.NONE);
      String second = ((SolrView) serving.current()).collection();
      asker.awaitAnswers(asker.answered.get() + 8);
      serving.reindex(true, IndexProgress.NONE);
      String third = ((SolrView) serving.current()).collection();
      asker.awaitAnswers(asker.answered.get() + 8);
      asker.stop();

      assertThat(asker.failures).isEmpty();
      assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
      assertThat(CollectionAdminRequest.listCollections(SolrCloudFixture.cluster().getSolrClient()))
          .contains(second, third).doesNotContain(first);
    }
  }

  @Test
  void should_let_every_replica_answer_from_the_collection_another_replica_rebuilt() throws Exception {
    CachedModel model = new CachedModel();
    try (SolrIndex other = SolrIndex.connect(SolrCloudFixture.settings(alias, 2, 2))) {
      SolrServing replica = new SolrServing(other, new Indexer(new Corpus(dir.resolve("corpus")), new ArticleReader(),
          () -> new PassageSplitter(TestFixtures.tokenizer(), model.maxWordPieces()), model, other));
      String before = ((SolrView) replica.current()).collection();

      serving.reindex(true, IndexProgress.NONE);

      String after = ((SolrView) serving.current()).collection();
      assertThat(after).isNotEqualTo(before);
      // the other client learns of the alias through its ZooKeeper watch
      assertThat(Eventually.within(Duration.ofSeconds(10),
          () -> ((SolrView) replica.current()).collection().equals(after))).isTrue();
      assertThat(new HybridRetriever(replica, model, HybridRetriever.Fusion.DEFAULT)
          .retrieve(QUESTIONS.get(0)[0], 3).passages()).extracting(p -> p.article().id()).contains(QUESTIONS.get(0)[1]);
    }
  }

  /** Asks the questions in turn on its own thread, counting right answers and keeping what went wrong. */
  private final class Asker implements AutoCloseable {
    final AtomicInteger answered = new AtomicInteger();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final Future<?> loop;

    Asker() {
      loop = thread.submit(() -> {
        for (int i = 0; running.get(); i++) {
          String[] q = QUESTIONS.get(i % QUESTIONS.size());
          try {
            List<RetrievedPassage> top = retriever.retrieve(q[0], 3).passages();
            if (top.stream().noneMatch(p -> p.article().id().equals(q[1]))) {
              failures.add(q[0] + " -> " + top.stream().map(p -> p.article().id()).toList());
            }
          } catch (RuntimeException e) {
            failures.add(q[0] + " -> " + e);
          }
          answered.incrementAndGet();
        }
      });
    }

    void awaitAnswers(int n) throws InterruptedException {
      Eventually.within(Duration.ofSeconds(60), () -> answered.get() >= n || loop.isDone());
      assertThat(answered.get()).as("answers within 60 s").isGreaterThanOrEqualTo(n);
    }

    void stop() throws Exception {
      running.set(false);
      loop.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      running.set(false);
      thread.shutdownNow();
    }
  }
}
