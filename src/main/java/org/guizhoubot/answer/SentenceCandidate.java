package org.guizhoubot.answer;

import java.util.Objects;
import java.util.Set;

/**
 * A sentence of a retrieved passage offered as (part of) an answer: its passage's index in the
 * retrieved list, its index and start within that passage, its text, its word stems, and the
 * features a judge weighs it by.
 */
public record SentenceCandidate(int passage, int index, int start, String text, Set<String> stems,
    double[] features) {
  public SentenceCandidate {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(stems, "stems");
    Objects.requireNonNull(features, "features");
    if (passage < 0 || index < 0 || start < 0) {
      throw new IllegalArgumentException("passage " + passage + ", index " + index + ", start " + start);
    }
  }
}
