package org.guizhoubot.answer;

import java.util.Objects;

/** An outcome and how long retrieval and composition took, in milliseconds. */
public record AnswerResult(Outcome outcome, double retrieveMs, double composeMs) {
  public AnswerResult {
    Objects.requireNonNull(outcome, "outcome");
  }

  public double totalMs() {
    return retrieveMs + composeMs;
  }
}
