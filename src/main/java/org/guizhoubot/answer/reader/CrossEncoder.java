package org.guizhoubot.answer.reader;

import java.util.Collections;
import java.util.List;

/** Reads a question against candidate sentences: the probability that each one answers it. */
public interface CrossEncoder {
  /** One probability per candidate, each read against its own wording of the question, in one run. */
  double[] scores(List<String> questions, List<ReaderInput.Candidate> candidates);

  /** One probability per candidate, in their order; empty for no candidates. */
  default double[] scores(String question, List<ReaderInput.Candidate> candidates) {
    return scores(Collections.nCopies(candidates.size(), question), candidates);
  }
}
