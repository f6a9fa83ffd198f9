package org.guizhoubot.sqlite;

import java.util.List;

/**
 * Nearest-neighbour search over unit vectors by inner product (cosine). Positions are the order
 * in which the vectors were given. Implementations are immutable and thread-safe.
 */
public interface VectorIndex {
  int dimension();

  int size();

  /** The vector stored at a position (a copy). */
  float[] vector(int position);

  /** The {@code k} positions most similar to {@code query}, best first. */
  List<Hit> search(float[] query, int k);

  /** A position and its similarity to the query. */
  record Hit(int position, float score) {}

  /** Builds an index over {@code count} vectors of {@code dimension} floats laid end to end. */
  @FunctionalInterface
  interface Factory {
    VectorIndex build(float[] vectors, int count, int dimension);
  }
}
