package org.guizhoubot.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.index.Indexer;
import org.guizhoubot.library.Health;
import org.guizhoubot.library.ServingIndex;
import org.guizhoubot.retrieval.IndexView;

/**
 * Serving from Solr: every {@link #current} resolves the alias afresh, so a reindex by any replica
 * is seen by all of them from their next question on. Builds the index first when there is none.
 */
public final class SolrServing implements ServingIndex {
  private final SolrIndex solr;
  private final Indexer indexer;
  private final ReentrantLock reindexing = new ReentrantLock();

  public SolrServing(SolrIndex solr, Indexer indexer) {
    this.solr = Objects.requireNonNull(solr, "solr");
    this.indexer = Objects.requireNonNull(indexer, "indexer");
  }

  @Override
  public IndexView current() {
    Optional<SolrView> view = solr.view();
    if (view.isPresent()) {
      return view.get();
    }
    try {
      reindex(false, IndexProgress.NONE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the Solr index " + solr.alias(), e);
    }
    return solr.view().orElseThrow(() -> new IllegalStateException(
        "alias " + solr.alias() + " names no collection after indexing"));
  }

  @Override
  public IndexReport reindex(boolean full, IndexProgress progress) throws IOException {
    reindexing.lock();
    try {
      return indexer.run(full, progress);
    } finally {
      reindexing.unlock();
    }
  }

  @Override
  public Optional<IndexReport> tryReindex(boolean full, IndexProgress progress) throws IOException {
    if (!reindexing.tryLock()) {
      return Optional.empty();
    }
    try {
      return Optional.of(indexer.run(full, progress));
    } finally {
      reindexing.unlock();
    }
  }

  @Override
  public boolean isReindexing() {
    return reindexing.isLocked();
  }

  /** The collection the alias names now, and its counts; a missing or empty one is unusable. */
  @Override
  public Health health() {
    Optional<SolrView> view = solr.view();
    if (view.isEmpty() || view.get().articleCount() == 0) {
      return Health.unusable("Solr alias " + solr.alias() + (view.isEmpty() ? " names no collection"
          : " names an empty collection") + " (run the index command, or start the bot once)");
    }
    return new Health(view.get().articleCount(), view.get().passageCount(), Optional.empty(), Optional.empty());
  }

  @Override
  public long sizeBytes() {
    return 0;
  }
}
