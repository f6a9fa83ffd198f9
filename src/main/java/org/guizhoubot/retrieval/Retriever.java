package org.guizhoubot.retrieval;

import java.util.List;
import java.util.function.Function;

/** Finds the passages most likely to answer a question, best first. */
public interface Retriever {
  /** The best {@code k} passages, all from one index snapshot, with that snapshot's term statistics. */
  Retrieval retrieve(String question, int k);

  /**
   * Plans one or more searches from the term statistics of one index snapshot, runs each on that
   * snapshot and fuses their rankings by weighted reciprocal rank; the best {@code k} passages.
   */
  Retrieval retrieve(Function<TermStats, List<Search>> plan, int k);
}
