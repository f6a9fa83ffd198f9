package org.guizhoubot.retrieval;

/** Hands out the index version to read now; a question takes one and keeps it. */
@FunctionalInterface
public interface IndexViews {
  /**
   * The current version, building the index first when there is none yet.
   *
   * @throws java.io.UncheckedIOException when the index cannot be loaded or reached
   */
  IndexView current();
}
