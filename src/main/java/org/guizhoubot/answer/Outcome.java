package org.guizhoubot.answer;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
      Optional<String> problem = problem(text, citations);
      if (problem.isPresent()) {
        throw new IllegalArgumentException(problem.get());
      }
    }

    /** What would make these text and citations an invalid answer, or empty when they are valid. */
    public static Optional<String> problem(String text, List<Citation> citations) {
      if (citations.isEmpty()) {
        return Optional.of("an answer needs at least one citation");
      }
      for (int i = 0; i < citations.size(); i++) {
        if (citations.get(i).n() != i + 1) {
          return Optional.of("citations must be numbered 1.." + citations.size()
              + " in order, found " + citations.get(i).n() + " at position " + (i + 1));
        }
        if (!text.contains("[" + (i + 1) + "]")) {
          return Optional.of("citation [" + (i + 1) + "] has no marker in the text");
        }
      }
      return Optional.empty();
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
