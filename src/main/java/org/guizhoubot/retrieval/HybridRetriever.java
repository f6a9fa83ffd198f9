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
    IndexSnapshot snap = snapshot();
    TermStats stats = prepare(snap);
    if (snap.isEmpty() || k <= 0) {
      return new Retrieval(List.of(), stats);
    }
    float[] q = embedder.embed(question);
    List<VectorIndex.Hit> vectorHits = snap.vectors().search(q, CANDIDATES);
    List<Integer> bm25Positions = bm25(question, snap);

    Map<Integer, double[]> fused = new HashMap<>();
    Map<Integer, int[]> ranks = new HashMap<>();
    for (int r = 0; r < vectorHits.size(); r++) {
      int pos = vectorHits.get(r).position();
      fused.computeIfAbsent(pos, x -> new double[1])[0] += fusion.vectorWeight() / (fusion.rrfK() + r + 1);
      ranks.computeIfAbsent(pos, x -> new int[2])[0] = r + 1;
    }
    for (int r = 0; r < bm25Positions.size(); r++) {
      int pos = bm25Positions.get(r);
      fused.computeIfAbsent(pos, x -> new double[1])[0] += fusion.bm25Weight() / (fusion.rrfK() + r + 1);
      ranks.computeIfAbsent(pos, x -> new int[2])[1] = r + 1;
    }
    List<Integer> order = new ArrayList<>(fused.keySet());
    order.sort(Comparator.comparingDouble((Integer p) -> -fused.get(p)[0]).thenComparingInt(p -> p));

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
      int[] r = ranks.get(pos);
      out.add(new RetrievedPassage(sp.id(), sp.passage(), snap.articles().get(sp.passage().articleId()),
          fused.get(pos)[0], Vectors.dot(q, snap.vectors().vector(pos)), r[0], r[1]));
    }
    return new Retrieval(out, stats);
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
