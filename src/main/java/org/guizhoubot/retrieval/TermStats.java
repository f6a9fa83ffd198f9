package org.guizhoubot.retrieval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.guizhoubot.index.IndexSnapshot;

/** Document frequencies of stemmed words over the passages of one snapshot. */
public final class TermStats {
  private final Map<String, Integer> df;
  private final int passages;

  /** The statistics of an empty index. */
  public static final TermStats EMPTY = new TermStats(Map.of(), 0);

  private TermStats(Map<String, Integer> df, int passages) {
    this.df = df;
    this.passages = passages;
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
    return new TermStats(df, snapshot.passages().size());
  }

  public int passages() {
    return passages;
  }

  /** Passages that contain the (stemmed) term. */
  public int df(String term) {
    return df.getOrDefault(QueryTerms.stem(term), 0);
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
