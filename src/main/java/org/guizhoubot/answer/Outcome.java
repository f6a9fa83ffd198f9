package org.guizhoubot.answer;

import java.util.List;
import java.util.Objects;

/** What the bot says to a question: an answer with its citations, or a decline. */
public sealed interface Outcome {
  String question();

  /** Which composer produced it: {@code extractive} or {@code llm}. */
  String composer();

  /**
   * An answer whose text carries markers {@code [1]}, {@code [2]}... numbered by first appearance,
   * each with exactly one citation.
   */
  record Answered(String question, String text, List<Citation> citations, String composer) implements Outcome {
    public Answered {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(composer, "composer");
      citations = List.copyOf(citations);
      if (citations.isEmpty()) {
        throw new IllegalArgumentException("an answer needs at least one citation");
      }
      for (int i = 0; i < citations.size(); i++) {
        if (citations.get(i).n() != i + 1) {
          throw new IllegalArgumentException("citations must be numbered 1.." + citations.size()
              + " in order, found " + citations.get(i).n() + " at position " + (i + 1));
        }
        if (!text.contains("[" + (i + 1) + "]")) {
          throw new IllegalArgumentException("citation [" + (i + 1) + "] has no marker in the text");
        }
      }
    }
  }

  /** The articles do not hold the answer; {@code nearbyTopics} names what they do cover nearby. */
  record Declined(String question, String message, List<String> nearbyTopics, String composer) implements Outcome {
    public Declined {
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(composer, "composer");
      nearbyTopics = List.copyOf(nearbyTopics);
    }
  }
}
