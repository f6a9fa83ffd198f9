package org.guizhoubot.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.guizhoubot.TestFixtures;
import org.guizhoubot.corpus.ArticleReader;
import org.guizhoubot.corpus.Corpus;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.Embedder;
import org.guizhoubot.index.IndexChange;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.index.IndexStoreException;
import org.guizhoubot.index.Indexer;
import org.guizhoubot.index.Passage;
import org.guizhoubot.index.PassageSplitter;
import org.guizhoubot.index.PassageStore;
import org.guizhoubot.index.Rebuild;
import org.guizhoubot.retrieval.HybridRetriever;
import org.guizhoubot.retrieval.IndexView;
import org.guizhoubot.retrieval.RetrievedPassage;
import org.guizhoubot.retrieval.TermStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every index implementation must do, run against each of them (SQLite and SolrCloud) over
 * the seed corpus embedded by the real model.
 */
public abstract class IndexContract {
  @TempDir
  Path dir;
  private Path corpus;
  private Backend backend;

  /** One implementation over an empty index: where the indexer writes and what is served. */
  protected interface Backend extends AutoCloseable {
    PassageStore store();

    ServingIndex serving(Indexer indexer);

    @Override
    void close();
  }

  /** A fresh, empty index of the implementation under test. */
  protected abstract Backend open(Path dataDir);

  @BeforeEach
  void setUp() {
    corpus = TestFixtures.copySeeds(dir);
    backend = open(dir.resolve("data"));
  }

  @AfterEach
  void tearDown() {
    backend.close();
  }

  private Indexer indexer(Embedder model) {
    return new Indexer(new Corpus(corpus), new ArticleReader(),
        () -> new PassageSplitter(TestFixtures.tokenizer(), model.maxWordPieces()), model, backend.store());
  }

  private ServingIndex serving() {
    return backend.serving(indexer(new CachedModel()));
  }

  @Test
  void should_list_the_articles_with_the_passage_counts_the_served_view_has() {
    ServingIndex serving = serving();

    Map<String, ArticleMeta> listed = serving.articles();

    assertThat(listed).hasSize(5);
    assertThat(listed).isEqualTo(serving.current().articles());
    assertThat(listed.values()).allSatisfy(a -> assertThat(a.passageCount()).isPositive());
  }

  @Test
  void should_report_health_without_building_an_index_and_with_the_counts_once_built() {
    ServingIndex serving = serving();

    Health before = serving.health();

    assertThat(before.problem()).isPresent();
    assertThat(before.articles()).isZero();
    assertThat(backend.store().articles()).isEmpty();

    IndexView view = serving.current();
    Health after = serving.health();

    assertThat(after.problem()).isEmpty();
    assertThat(after.articles()).isEqualTo(view.articleCount());
    assertThat(after.passages()).isEqualTo(view.passageCount());
  }

  @Test
  void should_build_the_index_on_first_use_and_list_every_article_with_its_hash() {
    IndexView view = serving().current();

    Map<String, ArticleMeta> articles = view.articles();
    assertThat(articles.keySet()).containsExactlyInAnyOrder("big-data-expo-2018-deals",
        "big-data-looms-large-2019", "big-data-valley-2017-expo", "big-data-valley-expo",
        "guizhou-beefs-up-big-data-2022");
    assertThat(view.articleCount()).isEqualTo(5);
    assertThat(view.passageCount()).isEqualTo(articles.values().stream().mapToInt(ArticleMeta::passageCount).sum())
        .isGreaterThan(5);
    assertThat(backend.store().articles()).isEqualTo(articles);
    assertThat(articles.values()).allSatisfy(a -> assertThat(a.contentHash()).hasSize(64));
  }

  @Test
  void should_find_a_passage_first_by_its_own_vector() {
    IndexView view = serving().current();
    IndexView.Match daiXiang = view.keywords(List.of("Dai", "Xiang"), 1).get(0);

    List<IndexView.Match> nearest = view.nearest(daiXiang.vector(), 3);

    assertThat(nearest).hasSize(3);
    assertThat(nearest.get(0).key()).isEqualTo(daiXiang.key());
    assertThat(nearest.get(0).passage().text()).contains("Dai Xiang");
    assertThat(nearest.get(0).article().id()).isEqualTo(daiXiang.passage().articleId());
  }

  @Test
  void should_rank_by_bm25_only_passages_holding_a_query_term_in_text_or_title() {
    IndexView view = serving().current();

    List<IndexView.Match> hits = view.keywords(List.of("reservoirs"), 10);

    assertThat(hits).isNotEmpty();
    assertThat(hits.get(0).article().id()).isEqualTo("big-data-looms-large-2019");
    assertThat(hits).allSatisfy(m -> assertThat((m.passage().text() + " " + m.article().title()).toLowerCase())
        .contains("reservoir"));
    assertThat(view.keywords(List.of("zqxwvunknownword"), 10)).isEmpty();
    assertThat(view.keywords(List.of(), 10)).isEmpty();
  }

  @Test
  void should_count_the_passages_holding_each_phrase() {
    IndexView view = serving().current();

    Map<String, Integer> counts = view.passagesWith(List.of("guizhou", "reservoirs", "zqxwvunknownword"));

    assertThat(counts.get("guizhou")).isEqualTo(view.keywords(List.of("guizhou"), 10_000).size())
        .isGreaterThan(counts.get("reservoirs"));
    assertThat(counts.get("reservoirs")).isEqualTo(view.keywords(List.of("reservoirs"), 10_000).size())
        .isPositive();
    assertThat(counts.get("zqxwvunknownword")).isZero();
  }

  @Test
  void should_give_document_frequencies_of_stemmed_words_for_the_question_and_on_demand() {
    IndexView view = serving().current();

    TermStats stats = view.termStats("How many reservoirs does the flood alarm system support?");

    assertThat(stats.passages()).isEqualTo(view.passageCount());
    assertThat(stats.df("reservoirs")).isPositive().isEqualTo(stats.df("reservoir"));
    assertThat(stats.df("guizhou")).isGreaterThan(stats.df("reservoirs"));
    assertThat(stats.df("zqxwvunknownword")).isZero();
    assertThat(stats.idf("zqxwvunknownword")).isGreaterThan(stats.idf("guizhou"));
  }

  @Test
  void should_answer_through_the_shared_retriever() {
    HybridRetriever retriever = new HybridRetriever(serving(), new CachedModel(), HybridRetriever.Fusion.DEFAULT);

    List<RetrievedPassage> top = retriever.retrieve("How many reservoirs does the flood alarm system support?", 3)
        .passages();

    assertThat(top).extracting(p -> p.article().id()).contains("big-data-looms-large-2019");
    assertThat(top.get(0).cosine()).isBetween(0.2, 1.0);
  }

  @Test
  void should_reindex_only_changed_articles_and_drop_removed_ones() throws Exception {
    ServingIndex serving = serving();
    serving.current();
    Path changed = corpus.resolve("big-data-looms-large-2019.md");
    Files.writeString(changed, Files.readString(changed) + "\nGuizhou also opened a new data lab in Anshun.\n");
    Files.delete(corpus.resolve("big-data-valley-expo.md"));

    IndexReport report = serving.reindex(false, IndexProgress.NONE);

    assertThat(report.updated()).isEqualTo(1);
    assertThat(report.removed()).isEqualTo(1);
    assertThat(report.unchanged()).isEqualTo(3);
    IndexView view = serving.current();
    assertThat(view.articles()).hasSize(4).doesNotContainKey("big-data-valley-expo");
    assertThat(view.keywords(List.of("Anshun"), 5)).extracting(m -> m.article().id())
        .containsExactly("big-data-looms-large-2019");
    assertThat(view.keywords(List.of("court"), 50)).noneMatch(m -> m.article().id().equals("big-data-valley-expo"));
  }

  @Test
  void should_keep_serving_the_old_index_when_a_rebuild_fails() {
    ServingIndex serving = serving();
    IndexView before = serving.current();
    int passages = before.passageCount();
    ArticleMeta meta = new ArticleMeta("broken", "Broken", null, null, null, null, "0".repeat(64), 1);
    IndexChange bad = new IndexChange(List.of(), List.of(new IndexChange.Upsert(meta, "broken.md",
        List.of(new Passage("broken", 0, 0, 4, "text", 3)), List.of(new float[3]))));

    assertThatThrownBy(() -> backend.store().apply(bad, new CachedModel().modelName(), 384, true))
        .isInstanceOf(IndexStoreException.class);

    IndexView after = serving.current();
    assertThat(after.passageCount()).isEqualTo(passages);
    assertThat(after.articles()).hasSize(5).doesNotContainKey("broken");
    assertThat(after.keywords(List.of("reservoirs"), 3)).isNotEmpty();
  }

  @Test
  void should_ask_for_a_rebuild_when_the_model_changes() {
    serving().current();

    assertThat(indexer(new CachedModel()).rebuildReason()).isEmpty();
    assertThat(indexer(new CachedModel("another-model")).rebuildReason())
        .hasValueSatisfying(r -> assertThat(r).isInstanceOf(Rebuild.Incompatible.class));
  }
}
