package org.guizhoubot.retrieval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.guizhoubot.index.IndexSnapshot;

/** Document frequencies of stemmed words over the passages of one snapshot. */
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

  public static TermStats of(IndexSnapshot snapshot) {
    Map<String, Integer> df = new HashMap<>();
    for (IndexSnapshot.StoredPassage p : snapshot.passages()) {
      Set<String> seen = new HashSet<>();
      for (String t : QueryTerms.tokens(p.passage().text())) {
        if (seen.add(QueryTerms.stem(t))) {
          df.merge(QueryTerms.stem(t), 1, Integer::sum);
        }
      }
    }
    return new TermStats(df, snapshot.passages().size(), null);
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

  /** Share of passages holding the term. */
  public double share(String term) {
    return passages == 0 ? 0 : (double) df(term) / passages;
  }
}
