package org.guizhoubot.retrieval;

import java.util.List;
import java.util.Objects;

/**
 * The passages retrieved for one question, best first, with the term statistics of the same index
 * snapshot they came from, so that whoever weighs them sees one version of the index.
 */
public record Retrieval(List<RetrievedPassage> passages, TermStats stats) {
  public Retrieval {
    passages = List.copyOf(passages);
    Objects.requireNonNull(stats, "stats");
  }

  /** Nothing retrieved (an empty index, or a question with nothing to search for). */
  public static Retrieval empty() {
    return new Retrieval(List.of(), TermStats.EMPTY);
  }
}
