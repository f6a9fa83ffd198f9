package org.guizhoubot.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.Map;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.retrieval.IndexView;
import org.guizhoubot.retrieval.IndexViews;
import org.guizhoubot.library.Health;
import org.guizhoubot.library.ServingIndex;

/** The embedded index: snapshots of the SQLite file, swapped after each reindex. */
public final class SqliteIndex implements ServingIndex {
  private final LiveIndex live;
  private final IndexViews views;

  public SqliteIndex(LiveIndex live) {
    this.live = Objects.requireNonNull(live, "live");
    this.views = SnapshotView.over(live);
  }

  @Override
  public IndexView current() {
    return views.current();
  }

  /** By SQL from the index file, without loading a snapshot (see {@link LiveIndex#articles()}). */
  @Override
  public Map<String, ArticleMeta> articles() {
    try {
      return live.articles();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the index", e);
    }
  }

  @Override
  public IndexReport reindex(boolean full, IndexProgress progress) throws IOException {
    return live.reindex(full, progress);
  }

  @Override
  public Optional<IndexReport> tryReindex(boolean full, IndexProgress progress) throws IOException {
    return live.tryReindex(full, progress);
  }

  @Override
  public void refreshIfChanged() {
    live.refreshIfChanged();
  }

  @Override
  public boolean isReindexing() {
    return live.isReindexing();
  }

  @Override
  public long sizeBytes() {
    return live.store().sizeBytes();
  }

  /**
   * From the index file alone, by SQL (no snapshot is loaded): its counts and the indexing run
   * recorded in it; no file is reported, not created.
   */
  @Override
  public Health health() {
    IndexStore store = live.store();
    if (!store.exists()) {
      return Health.unusable("no index at " + store.file() + " (run the index command, or start the bot once)");
    }
    Map<String, ArticleMeta> all = store.articles();
    int passages = all.values().stream().mapToInt(ArticleMeta::passageCount).sum();
    Optional<Health.Indexing> indexing = store.indexing()
        .map(i -> new Health.Indexing(i.corpusArticles(), i.running()));
    Optional<String> problem = all.isEmpty()
        ? Optional.of("the index at " + store.file() + " holds no articles (is the corpus folder "
            + live.corpusDir() + " empty?)")
        : Optional.empty();
    return new Health(all.size(), passages, indexing, problem);
  }
}
