package org.guizhoubot.answer;

import java.util.List;
import java.util.Objects;
import org.guizhoubot.retrieval.RetrievedPassage;

/**
 * An outcome, the passages retrieved for it (best first), and how long retrieval and composition
 * took, in milliseconds.
 */
public record AnswerResult(Outcome outcome, List<RetrievedPassage> passages, double retrieveMs, double composeMs) {
  public AnswerResult {
    Objects.requireNonNull(outcome, "outcome");
    passages = List.copyOf(passages);
  }

  public double totalMs() {
    return retrieveMs + composeMs;
  }
}
