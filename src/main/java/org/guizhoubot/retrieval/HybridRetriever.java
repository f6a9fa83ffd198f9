package org.guizhoubot.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guizhoubot.index.Embedder;
import org.guizhoubot.index.Vectors;
import org.guizhoubot.text.QueryTerms;

/**
 * BM25 and cosine over the embeddings, both over one {@link IndexView}, fused by weighted reciprocal
 * rank. Very common terms are left out of the BM25 query, and near-duplicate passages are kept out
 * of the top.
 */
public final class HybridRetriever implements Retriever {
  /** Candidates taken from each list before fusion. */
  static final int CANDIDATES = 40;
  /** Query terms found in more than this share of passages are not sent to FTS5. */
  static final double COMMON_TERM_SHARE = 0.15;

  private final IndexViews index;
  private final Embedder embedder;
  private final Fusion fusion;

  /** Reciprocal rank fusion: {@code w / (k + rank)} summed over the two lists. */
  public record Fusion(double rrfK, double vectorWeight, double bm25Weight) {
    public static final Fusion DEFAULT = new Fusion(10, 1.0, 2.0);
  }

  public HybridRetriever(IndexViews index, Embedder embedder, Fusion fusion) {
    this.index = java.util.Objects.requireNonNull(index, "index");
    this.embedder = java.util.Objects.requireNonNull(embedder, "embedder");
    this.fusion = java.util.Objects.requireNonNull(fusion, "fusion");
  }

  @Override
  public IndexView open() {
    return index.current();
  }

  @Override
  public Retrieval retrieve(IndexView view, TermStats stats, List<Search> searches, int k) {
    java.util.Objects.requireNonNull(view, "view");
    java.util.Objects.requireNonNull(stats, "stats");
    if (view.passageCount() == 0 || k <= 0 || searches.isEmpty()) {
      return new Retrieval(List.of(), stats);
    }
    List<Ranking> rankings = new ArrayList<>(searches.size());
    Map<IndexView.Key, IndexView.Match> found = new HashMap<>();
    for (Search s : searches) {
      rankings.add(rank(s.text(), view, found));
    }
    Ranking first = rankings.get(0);
    List<IndexView.Key> order;
    Map<IndexView.Key, Double> score;
    if (rankings.size() == 1) {
      order = first.order();
      score = first.score();
    } else {
      score = new HashMap<>();
      for (int i = 0; i < rankings.size(); i++) {
        double w = searches.get(i).weight();
        List<IndexView.Key> o = rankings.get(i).order();
        for (int r = 0; r < o.size(); r++) {
          score.merge(o.get(r), w / (fusion.rrfK() + r + 1), Double::sum);
        }
      }
      order = new ArrayList<>(score.keySet());
      order.sort(Comparator.comparingDouble((IndexView.Key p) -> -score.get(p)).thenComparing(p -> p));
    }

    List<RetrievedPassage> out = new ArrayList<>(k);
    List<Set<String>> chosenWords = new ArrayList<>();
    for (IndexView.Key pos : order) {
      if (out.size() >= k) {
        break;
      }
      IndexView.Match m = found.get(pos);
      Set<String> words = new HashSet<>(QueryTerms.tokens(m.passage().text()));
      if (chosenWords.stream().anyMatch(w -> jaccard(w, words) > 0.8)) {
        continue;
      }
      chosenWords.add(words);
      float[] v = m.vector();
      double cosine = Double.NEGATIVE_INFINITY;
      for (Ranking r : rankings) {
        cosine = Math.max(cosine, Vectors.dot(r.query(), v));
      }
      int[] ranks = rankings.stream().map(r -> r.ranks().get(pos)).filter(java.util.Objects::nonNull)
          .findFirst().orElse(new int[2]);
      out.add(new RetrievedPassage(m.id(), m.passage(), m.article(), score.get(pos), cosine, ranks[0], ranks[1]));
    }
    return new Retrieval(out, stats);
  }

  /** One search's fused vector and BM25 ranking: positions best first, their scores and list ranks. */
  private record Ranking(float[] query, List<IndexView.Key> order, Map<IndexView.Key, Double> score,
      Map<IndexView.Key, int[]> ranks) {}

  /** Ranks one search's passages; every passage found is added to {@code found} by its key. */
  private Ranking rank(String text, IndexView view, Map<IndexView.Key, IndexView.Match> found) {
    float[] q = embedder.embed(text);
    List<IndexView.Match> vectorHits = view.nearest(q, CANDIDATES);
    List<IndexView.Match> bm25Hits = bm25(text, view);

    Map<IndexView.Key, Double> fused = new HashMap<>();
    Map<IndexView.Key, int[]> ranks = new HashMap<>();
    for (int r = 0; r < vectorHits.size(); r++) {
      IndexView.Key pos = vectorHits.get(r).key();
      found.putIfAbsent(pos, vectorHits.get(r));
      fused.merge(pos, fusion.vectorWeight() / (fusion.rrfK() + r + 1), Double::sum);
      ranks.computeIfAbsent(pos, x -> new int[2])[0] = r + 1;
    }
    for (int r = 0; r < bm25Hits.size(); r++) {
      IndexView.Key pos = bm25Hits.get(r).key();
      found.putIfAbsent(pos, bm25Hits.get(r));
      fused.merge(pos, fusion.bm25Weight() / (fusion.rrfK() + r + 1), Double::sum);
      ranks.computeIfAbsent(pos, x -> new int[2])[1] = r + 1;
    }
    List<IndexView.Key> order = new ArrayList<>(fused.keySet());
    order.sort(Comparator.comparingDouble((IndexView.Key p) -> -fused.get(p)).thenComparing(p -> p));
    return new Ranking(q, order, fused, ranks);
  }

  /** BM25 over the question's content terms, leaving out terms found in too many passages. */
  private static List<IndexView.Match> bm25(String question, IndexView view) {
    List<String> candidates = QueryTerms.contentTerms(question);
    Map<String, Integer> hits = view.passagesWith(candidates);
    List<String> terms = new ArrayList<>();
    for (String t : candidates) {
      int n = hits.getOrDefault(t, 0);
      if (n > 0 && (double) n / view.passageCount() <= COMMON_TERM_SHARE) {
        terms.add(t);
      }
    }
    return terms.isEmpty() ? List.of() : view.keywords(terms, CANDIDATES);
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    int inter = 0;
    for (String s : a) {
      if (b.contains(s)) {
        inter++;
      }
    }
    return (double) inter / (a.size() + b.size() - inter);
  }
}
