package org.guizhoubot.index;

/** Receives progress of an indexing run; calls come from the indexing thread. */
public interface IndexProgress {
  IndexProgress NONE = new IndexProgress() {};

  /** Embedding is about to start for this many changed articles and passages. */
  default void started(int articles, int passages) {}

  default void embedded(int articlesDone, int passagesDone) {}

  /** The first {@code articlesDone} of {@code articles} changed articles are committed to the index. */
  default void committed(int articlesDone, int articles) {}

  default void finished(IndexReport report) {}
}
