package org.guizhoubot.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guizhoubot.index.Embedder;
import org.guizhoubot.index.IndexSnapshot;
import org.guizhoubot.index.LiveIndex;
import org.guizhoubot.index.Vectors;

/**
 * BM25 and cosine over the embeddings, both over one index snapshot, fused by weighted reciprocal
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

  /** A retriever over the snapshots of the local (SQLite) index. */
  public HybridRetriever(LiveIndex index, Embedder embedder, Fusion fusion) {
    this(SnapshotView.over(index), embedder, fusion);
  }

  @Override
  public Retrieval retrieve(String question, int k) {
    IndexView view = index.current();
    TermStats stats = view.termStats(question);
    if (view.passageCount() == 0 || k <= 0) {
      return new Retrieval(List.of(), stats);
    }
    float[] q = embedder.embed(question);
    List<IndexView.Match> vectorHits = view.nearest(q, CANDIDATES);
    List<IndexView.Match> bm25Hits = bm25(question, view);

    Map<IndexView.Key, IndexView.Match> found = new HashMap<>();
    Map<IndexView.Key, double[]> fused = new HashMap<>();
    Map<IndexView.Key, int[]> ranks = new HashMap<>();
    for (int r = 0; r < vectorHits.size(); r++) {
      IndexView.Key key = vectorHits.get(r).key();
      found.putIfAbsent(key, vectorHits.get(r));
      fused.computeIfAbsent(key, x -> new double[1])[0] += fusion.vectorWeight() / (fusion.rrfK() + r + 1);
      ranks.computeIfAbsent(key, x -> new int[2])[0] = r + 1;
    }
    for (int r = 0; r < bm25Hits.size(); r++) {
      IndexView.Key key = bm25Hits.get(r).key();
      found.putIfAbsent(key, bm25Hits.get(r));
      fused.computeIfAbsent(key, x -> new double[1])[0] += fusion.bm25Weight() / (fusion.rrfK() + r + 1);
      ranks.computeIfAbsent(key, x -> new int[2])[1] = r + 1;
    }
    List<IndexView.Key> order = new ArrayList<>(fused.keySet());
    order.sort(Comparator.comparingDouble((IndexView.Key p) -> -fused.get(p)[0]).thenComparing(p -> p));

    List<RetrievedPassage> out = new ArrayList<>(k);
    List<Set<String>> chosenWords = new ArrayList<>();
    for (IndexView.Key key : order) {
      if (out.size() >= k) {
        break;
      }
      IndexView.Match m = found.get(key);
      Set<String> words = new HashSet<>(QueryTerms.tokens(m.passage().text()));
      if (chosenWords.stream().anyMatch(w -> jaccard(w, words) > 0.8)) {
        continue;
      }
      chosenWords.add(words);
      int[] r = ranks.get(key);
      out.add(new RetrievedPassage(m.id(), m.passage(), m.article(), fused.get(key)[0],
          Vectors.dot(q, m.vector()), r[0], r[1]));
    }
    return new Retrieval(out, stats);
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

  /**
   * Builds what retrieval needs from a snapshot (term statistics, the keyword index) once, so that
   * the first question after a reindex does not pay for it; returns the statistics.
   */
  public static TermStats prepare(IndexSnapshot snap) {
    SnapshotView.prepare(snap);
    return snap.derived(TermStats.class, TermStats::of);
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
