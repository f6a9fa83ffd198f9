package org.guizhoubot.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.guizhoubot.index.Embedder;
import org.guizhoubot.index.IndexSnapshot;
import org.guizhoubot.index.LiveIndex;
import org.guizhoubot.index.VectorIndex;
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

  private final LiveIndex index;
  private final Embedder embedder;
  private final Fusion fusion;

  /** Reciprocal rank fusion: {@code w / (k + rank)} summed over the two lists. */
  public record Fusion(double rrfK, double vectorWeight, double bm25Weight) {
    public static final Fusion DEFAULT = new Fusion(10, 1.0, 2.0);
  }

  public HybridRetriever(LiveIndex index, Embedder embedder, Fusion fusion) {
    this.index = index;
    this.embedder = embedder;
    this.fusion = fusion;
  }

  @Override
  public Retrieval retrieve(String question, int k) {
    return retrieve(stats -> List.of(new Search(question, 1)), k);
  }

  @Override
  public Retrieval retrieve(Function<TermStats, List<Search>> plan, int k) {
    IndexSnapshot snap = snapshot();
    TermStats stats = prepare(snap);
    List<Search> searches = plan.apply(stats);
    if (snap.isEmpty() || k <= 0 || searches.isEmpty()) {
      return new Retrieval(List.of(), stats);
    }
    List<Ranking> rankings = new ArrayList<>(searches.size());
    for (Search s : searches) {
      rankings.add(rank(s.text(), snap));
    }
    Ranking first = rankings.get(0);
    List<Integer> order;
    Map<Integer, Double> score;
    if (rankings.size() == 1) {
      order = first.order();
      score = first.score();
    } else {
      score = new HashMap<>();
      for (int i = 0; i < rankings.size(); i++) {
        double w = searches.get(i).weight();
        List<Integer> o = rankings.get(i).order();
        for (int r = 0; r < o.size(); r++) {
          score.merge(o.get(r), w / (fusion.rrfK() + r + 1), Double::sum);
        }
      }
      order = new ArrayList<>(score.keySet());
      order.sort(Comparator.comparingDouble((Integer p) -> -score.get(p)).thenComparingInt(p -> p));
    }

    List<RetrievedPassage> out = new ArrayList<>(k);
    List<Set<String>> chosenWords = new ArrayList<>();
    for (int pos : order) {
      if (out.size() >= k) {
        break;
      }
      IndexSnapshot.StoredPassage sp = snap.passages().get(pos);
      Set<String> words = new HashSet<>(QueryTerms.tokens(sp.passage().text()));
      if (chosenWords.stream().anyMatch(w -> jaccard(w, words) > 0.8)) {
        continue;
      }
      chosenWords.add(words);
      float[] v = snap.vectors().vector(pos);
      double cosine = Double.NEGATIVE_INFINITY;
      for (Ranking r : rankings) {
        cosine = Math.max(cosine, Vectors.dot(r.query(), v));
      }
      int[] ranks = rankings.stream().map(r -> r.ranks().get(pos)).filter(java.util.Objects::nonNull)
          .findFirst().orElse(new int[2]);
      out.add(new RetrievedPassage(sp.id(), sp.passage(), snap.articles().get(sp.passage().articleId()),
          score.get(pos), cosine, ranks[0], ranks[1]));
    }
    return new Retrieval(out, stats);
  }

  /** One search's fused vector and BM25 ranking: positions best first, their scores and list ranks. */
  private record Ranking(float[] query, List<Integer> order, Map<Integer, Double> score, Map<Integer, int[]> ranks) {}

  private Ranking rank(String text, IndexSnapshot snap) {
    float[] q = embedder.embed(text);
    List<VectorIndex.Hit> vectorHits = snap.vectors().search(q, CANDIDATES);
    List<Integer> bm25Positions = bm25(text, snap);

    Map<Integer, Double> fused = new HashMap<>();
    Map<Integer, int[]> ranks = new HashMap<>();
    for (int r = 0; r < vectorHits.size(); r++) {
      int pos = vectorHits.get(r).position();
      fused.merge(pos, fusion.vectorWeight() / (fusion.rrfK() + r + 1), Double::sum);
      ranks.computeIfAbsent(pos, x -> new int[2])[0] = r + 1;
    }
    for (int r = 0; r < bm25Positions.size(); r++) {
      int pos = bm25Positions.get(r);
      fused.merge(pos, fusion.bm25Weight() / (fusion.rrfK() + r + 1), Double::sum);
      ranks.computeIfAbsent(pos, x -> new int[2])[1] = r + 1;
    }
    List<Integer> order = new ArrayList<>(fused.keySet());
    order.sort(Comparator.comparingDouble((Integer p) -> -fused.get(p)).thenComparingInt(p -> p));
    return new Ranking(q, order, fused, ranks);
  }

  /** BM25 over the question's content terms, leaving out terms found in too many passages. */
  private static List<Integer> bm25(String question, IndexSnapshot snap) {
    KeywordIndex keywords = snap.derived(KeywordIndex.class, KeywordIndex::of);
    List<String> terms = new ArrayList<>();
    for (String t : QueryTerms.contentTerms(question)) {
      int hits = keywords.passagesWith(t);
      if (hits > 0 && (double) hits / keywords.size() <= COMMON_TERM_SHARE) {
        terms.add(t);
      }
    }
    return keywords.search(terms, CANDIDATES);
  }

  /**
   * Builds what retrieval needs from a snapshot (term statistics, the keyword index) once, so that
   * the first question after a reindex does not pay for it; returns the statistics.
   */
  public static TermStats prepare(IndexSnapshot snap) {
    snap.derived(KeywordIndex.class, KeywordIndex::of);
    return snap.derived(TermStats.class, TermStats::of);
  }

  private IndexSnapshot snapshot() {
    try {
      return index.current();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the index", e);
    }
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
