package org.guizhoubot.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;
import org.guizhoubot.sqlite.VectorIndex;

/** Exact search: one pass over all vectors held in a single contiguous array. */
public final class FlatVectorIndex implements VectorIndex {
  private final float[] data;
  private final int count;
  private final int dimension;

  public FlatVectorIndex(float[] data, int count, int dimension) {
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be > 0, was " + dimension);
    }
    if (count < 0 || (long) count * dimension > data.length) {
      throw new IllegalArgumentException(
          "count " + count + " x dimension " + dimension + " exceeds the " + data.length + " floats given");
    }
    this.data = data;
    this.count = count;
    this.dimension = dimension;
  }

  @Override
  public int dimension() {
    return dimension;
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public List<Hit> search(float[] query, int k) {
    if (query.length != dimension) {
      throw new IllegalArgumentException("query has " + query.length + " dimensions, index has " + dimension);
    }
    if (k <= 0 || count == 0) {
      return List.of();
    }
    PriorityQueue<Hit> top = new PriorityQueue<>(k + 1, (a, b) -> Float.compare(a.score(), b.score()));
    for (int i = 0; i < count; i++) {
      int base = i * dimension;
      float s = 0;
      for (int d = 0; d < dimension; d++) {
        s += data[base + d] * query[d];
      }
      if (top.size() < k) {
        top.add(new Hit(i, s));
      } else if (s > top.peek().score()) {
        top.poll();
        top.add(new Hit(i, s));
      }
    }
    List<Hit> out = new ArrayList<>(top);
    out.sort(Collections.reverseOrder((a, b) -> Float.compare(a.score(), b.score())));
    return out;
  }

  @Override
  public float[] vector(int position) {
    float[] v = new float[dimension];
    System.arraycopy(data, position * dimension, v, 0, dimension);
    return v;
  }
}
