package org.guizhoubot.sqlite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Search in two passes over slices of the vectors scanned in parallel: a cheap estimate of every
 * similarity from one sign bit per dimension (against a query quantised to four bits), then the
 * exact inner product for the best-estimated candidates, from which the top {@code k} are
 * returned with exact scores. With at least as many candidates as vectors it is an exact scan.
 * Recall against exact search grows with the number of candidates; the default keeps recall@10
 * at or above 0.98 even on random vectors, the hardest case ({@code VectorIndexContractTest} and
 * {@code bench scale} measure it).
 */
public final class QuantizedVectorIndex implements VectorIndex {
  /** The fewest candidates re-scored exactly by default; smaller indexes are searched exactly. */
  public static final int MIN_CANDIDATES = 2048;
  private static final int QUERY_BITS = 4;
  private static final int MIN_SLICE = 4096;

  private final float[] data;
  private final int count;
  private final int dimension;
  private final int words;
  private final long[] signs;
  private final float[] scales;
  private final short[] ones;
  private final int slices;
  private final int candidatesPerSlice;

  public QuantizedVectorIndex(float[] data, int count, int dimension) {
    this(data, count, dimension, defaultCandidates(count), Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param candidates vectors re-scored exactly per search (at least {@code count} makes it exact)
   * @param threads slices searched at once
   */
  public QuantizedVectorIndex(float[] data, int count, int dimension, int candidates, int threads) {
    if (dimension <= 0) {
      throw new IllegalArgumentException("dimension must be > 0, was " + dimension);
    }
    if (count < 0 || (long) count * dimension > data.length) {
      throw new IllegalArgumentException(
          "count " + count + " x dimension " + dimension + " exceeds the " + data.length + " floats given");
    }
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be >= 1, was " + candidates);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    this.data = data;
    this.count = count;
    this.dimension = dimension;
    this.words = (dimension + 63) / 64;
    this.slices = Math.max(1, Math.min(threads, count / MIN_SLICE));
    int perSlice = (count + slices - 1) / Math.max(1, slices);
    this.candidatesPerSlice = (int) Math.min(perSlice, ((long) candidates + slices - 1) / slices);
    boolean exact = candidatesPerSlice >= perSlice;
    this.signs = exact ? new long[0] : new long[count * words];
    this.scales = exact ? new float[0] : new float[count];
    this.ones = exact ? new short[0] : new short[count];
    if (!exact) {
      IntStream.range(0, slices).parallel().forEach(this::encodeSlice);
    }
  }

  /**
   * Candidates re-scored by default: 20 x sqrt(count), at least {@link #MIN_CANDIDATES}. The share
   * needed for a given recall falls as the index grows (2% at a million vectors, 6% at 100,000).
   */
  public static int defaultCandidates(int count) {
    return (int) Math.max(MIN_CANDIDATES, Math.round(20 * Math.sqrt(count)));
  }

  private void encodeSlice(int slice) {
    int from = sliceStart(slice);
    int to = sliceStart(slice + 1);
    for (int i = from; i < to; i++) {
      int base = i * dimension;
      float abs = 0;
      int bits = 0;
      for (int d = 0; d < dimension; d++) {
        float x = data[base + d];
        abs += Math.abs(x);
        if (x > 0) {
          signs[i * words + (d >>> 6)] |= 1L << (d & 63);
          bits++;
        }
      }
      // x is approximated by scale * sign(x); the least-squares scale is the mean absolute value.
      scales[i] = abs / dimension;
      ones[i] = (short) bits;
    }
  }

  private int sliceStart(int slice) {
    return (int) ((long) count * slice / slices);
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
  public float[] vector(int position) {
    if (position < 0 || position >= count) {
      throw new IndexOutOfBoundsException("position " + position + " is outside [0, " + count + ")");
    }
    return Arrays.copyOfRange(data, position * dimension, (position + 1) * dimension);
  }

  /** Slices searched at once: the threads a search uses (fewer than asked on small indexes). */
  public int threads() {
    return slices;
  }

  /** How many vectors each search re-scores exactly (all of them when the search is exact). */
  public int candidates() {
    return Math.min(count, candidatesPerSlice * slices);
  }

  @Override
  public List<Hit> search(float[] query, int k) {
    if (query.length != dimension) {
      throw new IllegalArgumentException("query has " + query.length + " dimensions, index has " + dimension);
    }
    if (k <= 0 || count == 0) {
      return List.of();
    }
    int keep = Math.min(k, count);
    boolean exact = signs.length == 0;
    QueryCode code = exact ? null : new QueryCode(query);
    TopK[] perSlice = new TopK[slices];
    if (slices == 1) {
      perSlice[0] = searchSlice(0, query, code, keep);
    } else {
      IntStream.range(0, slices).parallel().forEach(s -> perSlice[s] = searchSlice(s, query, code, keep));
    }
    TopK all = new TopK(keep);
    for (TopK t : perSlice) {
      for (int i = 0; i < t.size; i++) {
        all.offer(t.scores[i], t.ids[i]);
      }
    }
    return all.hitsBestFirst();
  }

  private TopK searchSlice(int slice, float[] query, QueryCode code, int k) {
    int from = sliceStart(slice);
    int to = sliceStart(slice + 1);
    TopK best = new TopK(k);
    if (code == null) {
      for (int i = from; i < to; i++) {
        best.offer(dot(query, i), i);
      }
      return best;
    }
    TopK candidates = new TopK(Math.min(candidatesPerSlice, to - from));
    for (int i = from; i < to; i++) {
      float estimate = code.estimate(i);
      if (candidates.accepts(estimate)) {
        candidates.offer(estimate, i);
      }
    }
    // In address order, so that the memory reads of the re-scoring run forwards.
    int[] order = Arrays.copyOf(candidates.ids, candidates.size);
    Arrays.sort(order);
    for (int i : order) {
      best.offer(dot(query, i), i);
    }
    return best;
  }

  private float dot(float[] q, int position) {
    int base = position * dimension;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (; d + 3 < dimension; d += 4) {
      s0 += q[d] * data[base + d];
      s1 += q[d + 1] * data[base + d + 1];
      s2 += q[d + 2] * data[base + d + 2];
      s3 += q[d + 3] * data[base + d + 3];
    }
    for (; d < dimension; d++) {
      s0 += q[d] * data[base + d];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** The query quantised to {@code QUERY_BITS} bits per dimension, stored as bit planes. */
  private final class QueryCode {
    private final long[] planes = new long[QUERY_BITS * words];
    private final float low;
    private final float step;
    private final float sum;

    QueryCode(float[] q) {
      float min = Float.POSITIVE_INFINITY;
      float max = Float.NEGATIVE_INFINITY;
      float total = 0;
      for (float x : q) {
        min = Math.min(min, x);
        max = Math.max(max, x);
        total += x;
      }
      int levels = (1 << QUERY_BITS) - 1;
      float width = max - min;
      this.low = min;
      this.step = width > 0 ? width / levels : 0;
      this.sum = total;
      for (int d = 0; d < q.length; d++) {
        int level = step > 0 ? Math.round((q[d] - min) / step) : 0;
        for (int b = 0; b < QUERY_BITS; b++) {
          if ((level & (1 << b)) != 0) {
            planes[b * words + (d >>> 6)] |= 1L << (d & 63);
          }
        }
      }
    }

    /** {@link #estimate} unrolled for 321 to 384 dimensions (MiniLM's 384). */
    private float estimate6(int i) {
      int base = i * 6;
      long w0 = signs[base];
      long w1 = signs[base + 1];
      long w2 = signs[base + 2];
      long w3 = signs[base + 3];
      long w4 = signs[base + 4];
      long w5 = signs[base + 5];
      long[] p = planes;
      int weighted = 0;
      for (int b = 0; b < QUERY_BITS; b++) {
        int pb = b * 6;
        int bits = Long.bitCount(w0 & p[pb]) + Long.bitCount(w1 & p[pb + 1]) + Long.bitCount(w2 & p[pb + 2])
            + Long.bitCount(w3 & p[pb + 3]) + Long.bitCount(w4 & p[pb + 4]) + Long.bitCount(w5 & p[pb + 5]);
        weighted += bits << b;
      }
      float positive = low * ones[i] + step * weighted;
      return scales[i] * (2 * positive - sum);
    }

    /** Approximates the inner product with vector {@code i}: scale * (2 * sum of q over set bits - sum of q). */
    float estimate(int i) {
      if (words == 6) {
        return estimate6(i);
      }
      int base = i * words;
      int weighted = 0;
      for (int b = 0; b < QUERY_BITS; b++) {
        int pb = b * words;
        int bits = 0;
        for (int w = 0; w < words; w++) {
          bits += Long.bitCount(signs[base + w] & planes[pb + w]);
        }
        weighted += bits << b;
      }
      float positive = low * ones[i] + step * weighted;
      return scales[i] * (2 * positive - sum);
    }
  }

  /** The best {@code capacity} (score, id) pairs seen, kept in a min-heap on primitive arrays. */
  private static final class TopK {
    final float[] scores;
    final int[] ids;
    int size;

    TopK(int capacity) {
      scores = new float[Math.max(1, capacity)];
      ids = new int[Math.max(1, capacity)];
    }

    boolean accepts(float score) {
      return size < scores.length || score > scores[0];
    }

    void offer(float score, int id) {
      if (size < scores.length) {
        int i = size++;
        while (i > 0) {
          int parent = (i - 1) >>> 1;
          if (scores[parent] <= score) {
            break;
          }
          scores[i] = scores[parent];
          ids[i] = ids[parent];
          i = parent;
        }
        scores[i] = score;
        ids[i] = id;
      } else if (score > scores[0]) {
        int i = 0;
        while (true) {
          int child = 2 * i + 1;
          if (child >= size) {
            break;
          }
          if (child + 1 < size && scores[child + 1] < scores[child]) {
            child++;
          }
          if (scores[child] >= score) {
            break;
          }
          scores[i] = scores[child];
          ids[i] = ids[child];
          i = child;
        }
        scores[i] = score;
        ids[i] = id;
      }
    }

    List<Hit> hitsBestFirst() {
      List<Hit> out = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        out.add(new Hit(ids[i], scores[i]));
      }
      out.sort((a, b) -> a.score() != b.score() ? Float.compare(b.score(), a.score())
          : Integer.compare(a.position(), b.position()));
      return out;
    }
  }
}
