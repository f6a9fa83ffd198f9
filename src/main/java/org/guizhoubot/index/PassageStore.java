package org.guizhoubot.index;

import java.util.Map;
import java.util.Optional;

/**
 * Where the indexer writes: articles with their passages and vectors, replaced whole by content
 * hash. Implemented by the SQLite file ({@code sqlite.IndexStore}) and by a Solr collection.
 */
public interface PassageStore {
  /** Why the stored index cannot be used with this model (a missing index included), or empty. */
  Optional<Rebuild> incompatibility(String model, int dimension);

  /** The indexed articles by id, with their content hashes; empty when there is no index yet. */
  Map<String, ArticleMeta> articles();

  /**
   * Removes and replaces articles as one change; with {@code rebuild} the result holds only the
   * change's articles. Readers never see a half-applied rebuild; on failure the old index is kept.
   */
  void apply(IndexChange change, String model, int dimension, boolean rebuild);

  /**
   * Whether the indexer may commit a run in batches of articles (resumable, the old vectors
   * answering until replaced). A store that builds a rebuild aside and swaps it in whole (Solr's
   * alias) says no: it gets each run as one change, and a full run as a rebuild.
   */
  default boolean writesInBatches() {
    return true;
  }

  /**
   * Notes that a run over {@code corpusArticles} articles is writing in batches (so that a crash is
   * reported as an interrupted index); stores without such a note do nothing.
   */
  default void markIndexing(int corpusArticles, long pid) {}

  /** Clears the note of {@link #markIndexing}. */
  default void clearIndexing() {}

  /**
   * Runs one batch of an indexing run (reading what is committed, embedding, committing) in this
   * store's write turn: a batch of another run on the same store, in this process or another, waits
   * for it. Stores without such turns run it at once.
   */
  default boolean inWriteTurn(java.util.function.BooleanSupplier batch) {
    return batch.getAsBoolean();
  }
}
