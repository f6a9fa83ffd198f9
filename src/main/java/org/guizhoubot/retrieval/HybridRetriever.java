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
import org.guizhoubot.index.IndexStore;
import org.guizhoubot.index.LiveIndex;
import org.guizhoubot.index.VectorIndex;
import org.guizhoubot.index.Vectors;

/**
 * BM25 over FTS5 and cosine over the embeddings, fused by weighted reciprocal rank. Very common
 * terms are left out of the BM25 query, and near-duplicate passages are kept out of the top.
 */
public final class HybridRetriever implements Retriever {
  /** Candidates taken from each list before fusion. */
  static final int CANDIDATES = 40;
  /** Query terms found in more than this share of passages are not sent to FTS5. */
  static final double COMMON_TERM_SHARE = 0.15;

  private final LiveIndex index;
  private final IndexStore store;
  private final Embedder embedder;
  private final Fusion fusion;
  private volatile Cached cached;

  /** Reciprocal rank fusion: {@code w / (k + rank)} summed over the two lists. */
  public record Fusion(double rrfK, double vectorWeight, double bm25Weight) {
    public static final Fusion DEFAULT = new Fusion(10, 1.0, 2.0);
  }

  private record Cached(IndexSnapshot snapshot, TermStats stats) {}

  public HybridRetriever(LiveIndex index, Embedder embedder, Fusion fusion) {
    this.index = index;
    this.store = index.store();
    this.embedder = embedder;
    this.fusion = fusion;
  }

  @Override
  public List<RetrievedPassage> retrieve(String question, int k) {
    Cached c = snapshot();
    IndexSnapshot snap = c.snapshot();
    if (snap.isEmpty() || k <= 0) {
      return List.of();
    }
    float[] q = embedder.embed(question);
    List<VectorIndex.Hit> vectorHits = snap.vectors().search(q, CANDIDATES);
    List<Integer> bm25Positions = bm25(question, c);

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
    return out;
  }

  private List<Integer> bm25(String question, Cached c) {
    List<String> terms = new ArrayList<>();
    for (String t : QueryTerms.contentTerms(question)) {
      if (c.stats().df(t) > 0 && c.stats().share(t) <= COMMON_TERM_SHARE) {
        terms.add(t);
      }
    }
    if (terms.isEmpty()) {
      return List.of();
    }
    String query = String.join(" OR ", terms.stream().map(t -> "\"" + t.replace("\"", "") + "\"").toList());
    List<Integer> positions = new ArrayList<>();
    for (long id : store.bm25(query, CANDIDATES)) {
      int pos = c.snapshot().positionOf(id);
      if (pos >= 0) {
        positions.add(pos);
      }
    }
    return positions;
  }

  /** The term statistics of the snapshot being served. */
  public TermStats stats() {
    return snapshot().stats();
  }

  private Cached snapshot() {
    IndexSnapshot snap;
    try {
      snap = index.current();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the index: " + e.getMessage(), e);
    }
    Cached c = cached;
    if (c == null || c.snapshot() != snap) {
      c = new Cached(snap, TermStats.of(snap));
      cached = c;
    }
    return c;
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
