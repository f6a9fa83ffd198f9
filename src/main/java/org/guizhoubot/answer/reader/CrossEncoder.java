package org.guizhoubot.answer.reader;

import java.util.List;

/** Reads a question against candidate sentences: the probability that each one answers it. */
public interface CrossEncoder {
  /** One probability per candidate, in their order; empty for no candidates. */
  double[] scores(String question, List<ReaderInput.Candidate> candidates);
}
