package org.guizhoubot.retrieval;

import java.util.Objects;

/** One search text of a question and the weight of its ranking when rankings are fused. */
public record Search(String text, double weight) {
  public Search {
    Objects.requireNonNull(text, "text");
    if (!(weight > 0)) {
      throw new IllegalArgumentException("weight must be positive, was " + weight);
    }
  }
}
