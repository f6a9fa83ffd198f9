package org.guizhoubot.answer;

import org.guizhoubot.retrieval.Retrieval;

/** Turns a question and its retrieved passages into an answer that cites them, or a decline. */
public interface AnswerComposer extends AutoCloseable {
  /** The name reported as {@code composer} in results: {@code extractive}, {@code llm}. */
  String name();

  /** Releases threads or connections the composer holds; the default holds none. */
  @Override
  default void close() {}

  /** Answers from the retrieved passages, citing them, or declines. */
  Outcome compose(String question, Retrieval retrieval);

  /**
   * Answers a question that may be read in several ways; the outcome's question is the reading it
   * answered. By default, the most specific reading.
   */
  default Outcome compose(Asked asked, Retrieval retrieval) {
    return compose(asked.reading(), retrieval);
  }

  /**
   * Answers as {@link #compose(Asked, Retrieval)}, telling {@code stream} the answer as it is
   * written; by default the composer answers at once and the stream hears nothing.
   */
  default Outcome compose(Asked asked, Retrieval retrieval, AnswerStream stream) {
    return compose(asked, retrieval);
  }
}
