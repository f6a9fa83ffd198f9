package org.guizhoubot.retrieval;

import java.util.List;

/**
 * Finds the passages most likely to answer a question, best first, all from one index version: the
 * caller opens the version, plans its searches from that version's term statistics, then retrieves.
 */
public interface Retriever {
  /**
   * The index version to read now; a question opens one and reads it throughout.
   *
   * @throws java.io.UncheckedIOException when the index cannot be loaded or reached
   */
  IndexView open();

  /**
   * Runs each search on {@code view} and fuses their rankings by weighted reciprocal rank: the best
   * {@code k} passages, with {@code stats}, the term statistics of {@code view} the searches were
   * planned from.
   */
  Retrieval retrieve(IndexView view, TermStats stats, List<Search> searches, int k);

  /** The best {@code k} passages for a question searched as asked, from the current version. */
  default Retrieval retrieve(String question, int k) {
    IndexView view = open();
    return retrieve(view, view.termStats(question), List.of(new Search(question, 1)), k);
  }
}
