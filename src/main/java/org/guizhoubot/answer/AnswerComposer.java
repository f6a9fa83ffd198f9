package org.guizhoubot.answer;

import java.util.List;
import org.guizhoubot.retrieval.RetrievedPassage;

/** Turns a question and its retrieved passages into an answer that cites them, or a decline. */
public interface AnswerComposer {
  /** The name reported as {@code composer} in results: {@code extractive}, {@code llm}. */
  String name();

  Outcome compose(String question, List<RetrievedPassage> passages);
}
