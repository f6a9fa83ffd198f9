package org.guizhoubot.library;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.IndexProgress;
import org.guizhoubot.index.IndexReport;
import org.guizhoubot.retrieval.IndexViews;

/**
 * The index a running program answers from and reindexes: the SQLite file's snapshots or a Solr
 * collection behind an alias. At most one reindex runs at a time in one process.
 */
public interface ServingIndex extends IndexViews {
  /** Brings the index in line with the corpus, waiting while another reindex of this process runs. */
  IndexReport reindex(boolean full, IndexProgress progress) throws IOException;

  /** Like {@link #reindex}, but empty at once when one is running. */
  Optional<IndexReport> tryReindex(boolean full, IndexProgress progress) throws IOException;

  boolean isReindexing();

  /**
   * Serves what another process committed since, if anything (SQLite: a reindex by the CLI beside
   * the bot); Solr needs nothing, as each view resolves the alias afresh.
   */
  default void refreshIfChanged() {}

  /**
   * The indexed articles by id with their passage counts, building the index first when there is
   * none, as {@link #current} does; by default read from the current view.
   */
  default Map<String, ArticleMeta> articles() {
    return current().articles();
  }

  /** What the index holds, read without building or changing it (see {@link Health}). */
  Health health();

  /** Bytes the index takes where this process can tell (the SQLite file), else 0. */
  long sizeBytes();
}
