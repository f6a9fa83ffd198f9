package org.guizhoubot.retrieval;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.guizhoubot.text.QueryTerms;

/** Document frequencies of stemmed words over the passages of one index. */
public final class TermStats {
  private final Map<String, Integer> df;
  private final int passages;
  private final Function<String, Integer> lookup;

  /** The statistics of an empty index. */
  public static final TermStats EMPTY = new TermStats(Map.of(), 0, null);

  private TermStats(Map<String, Integer> df, int passages, Function<String, Integer> lookup) {
    this.df = df;
    this.passages = passages;
    this.lookup = lookup;
  }

  /**
   * Statistics of an index held elsewhere: the frequencies known by stem, and a look-up for the
   * others (called at most once per stem).
   */
  public static TermStats of(int passages, Map<String, Integer> dfByStem, Function<String, Integer> lookup) {
    return new TermStats(new ConcurrentHashMap<>(dfByStem), passages,
        java.util.Objects.requireNonNull(lookup, "lookup"));
  }

  /** Statistics counted in full: the frequency of every stem that occurs. */
  public static TermStats counted(int passages, Map<String, Integer> dfByStem) {
    return new TermStats(dfByStem, passages, null);
  }

  public int passages() {
    return passages;
  }

  /** Passages that contain the (stemmed) term. */
  public int df(String term) {
    String stem = QueryTerms.stem(term);
    return lookup == null ? df.getOrDefault(stem, 0) : df.computeIfAbsent(stem, lookup);
  }

  /** Smoothed inverse document frequency; an unseen term gets the highest. */
  public double idf(String term) {
    return Math.log(1 + (passages + 1.0) / (df(term) + 0.5));
  }
}
