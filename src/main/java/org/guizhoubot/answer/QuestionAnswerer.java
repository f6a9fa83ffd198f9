package org.guizhoubot.answer;

import java.util.Objects;
import org.guizhoubot.retrieval.Retrieval;
import org.guizhoubot.retrieval.Retriever;

/** Answers a question: retrieves passages, then lets the composer answer or decline. */
public final class QuestionAnswerer {
  /** Passages handed to the composer. */
  public static final int PASSAGES = 6;

  private final Retriever retriever;
  private final AnswerComposer composer;

  public QuestionAnswerer(Retriever retriever, AnswerComposer composer) {
    this.retriever = Objects.requireNonNull(retriever, "retriever");
    this.composer = Objects.requireNonNull(composer, "composer");
  }

  public AnswerResult answer(String question) {
    String q = question == null ? "" : question.strip();
    if (q.codePoints().noneMatch(Character::isLetterOrDigit)) {
      return new AnswerResult(new Outcome.Declined(q, "Please ask a question.", java.util.List.of(),
          composer.name()), java.util.List.of(), 0, 0);
    }
    long t0 = System.nanoTime();
    Retrieval retrieval = retriever.retrieve(q, PASSAGES);
    long t1 = System.nanoTime();
    Outcome outcome = composer.compose(q, retrieval);
    long t2 = System.nanoTime();
    return new AnswerResult(outcome, retrieval.passages(), (t1 - t0) / 1e6, (t2 - t1) / 1e6);
  }
}
