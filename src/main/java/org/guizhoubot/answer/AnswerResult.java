package org.guizhoubot.answer;

import java.util.List;
import java.util.Objects;
import org.guizhoubot.retrieval.RetrievedPassage;

/**
 * An outcome, the passages retrieved for it (best first), how long retrieval and composition took,
 * in milliseconds, and how the question was read (language, search text, expansion).
 */
public record AnswerResult(Outcome outcome, List<RetrievedPassage> passages, double retrieveMs, double composeMs,
    Reading reading) {
  public AnswerResult {
    Objects.requireNonNull(outcome, "outcome");
    passages = List.copyOf(passages);
    Objects.requireNonNull(reading, "reading");
  }

  /** A result for an English question searched as asked. */
  public AnswerResult(Outcome outcome, List<RetrievedPassage> passages, double retrieveMs, double composeMs) {
    this(outcome, passages, retrieveMs, composeMs, Reading.asAsked(outcome.question()));
  }

  public double totalMs() {
    return retrieveMs + composeMs;
  }
}
