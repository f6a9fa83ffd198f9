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
  default Retrieval retrieve(Function<TermStats, List<Search>> plan, int k) {
    return retrieve("", plan, k);
  }

  /**
   * {@link #retrieve(Function, int)}, with {@code hint}: text whose words' statistics the index may
   * gather in one go before the plan asks for them (the question, when its words are known).
   */
  Retrieval retrieve(String hint, Function<TermStats, List<Search>> plan, int k);
}
