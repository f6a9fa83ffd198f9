package org.guizhoubot.library;

import java.util.Objects;
import java.util.Optional;

/**
 * What the served index holds, read without building or changing it: its counts, an indexing run
 * recorded in it, and why it cannot serve ({@code problem}, empty when it can).
 */
public record Health(int articles, int passages, Optional<Indexing> indexing, Optional<String> problem) {
  public Health {
    if (articles < 0 || passages < 0) {
      throw new IllegalArgumentException("counts must be >= 0, were " + articles + " articles and " + passages
          + " passages");
    }
    Objects.requireNonNull(indexing, "indexing");
    Objects.requireNonNull(problem, "problem");
  }

  /** An index that cannot serve, for the reason given (it names the index). */
  public static Health unusable(String problem) {
    return new Health(0, 0, Optional.empty(), Optional.of(problem));
  }

  /**
   * An indexing run recorded in the index: the size of the corpus it indexes, and whether its
   * process is still running (false after a crash or kill).
   */
  public record Indexing(int corpusArticles, boolean running) {}
}
