package org.guizhoubot.answer;

import org.guizhoubot.retrieval.Retrieval;

/**
 * Weighs a question's candidate sentences: scores them, best first, and gives the probability
 * that answering with the best is right. {@link ExtractiveComposer} answers at or above
 * {@link #threshold()}.
 */
public interface Judge {
  ExtractiveComposer.Assessment assess(String question, Retrieval retrieval);

  /** The decision at or above which the best sentences are given as the answer. */
  double threshold();

  /**
   * The decision below which the articles are very unlikely to hold the answer, so that an LLM need
   * not be asked (chosen so that few answerable held-out questions fall below it).
   */
  double skipBelow();
}
