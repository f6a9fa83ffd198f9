package org.guizhoubot.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guizhoubot.retrieval.IndexView;
import org.guizhoubot.text.QueryTerms;
import org.guizhoubot.retrieval.TermStats;
import org.guizhoubot.retrieval.IndexViews;

/**
 * The SQLite index's view: one in-memory snapshot, with its keyword index and term statistics
 * built once, on construction, so that every reader of the snapshot sees the same.
 */
public final class SnapshotView implements IndexView {
  private final IndexSnapshot snap;
  private final KeywordIndex keywords;
  private final TermStats stats;

  public SnapshotView(IndexSnapshot snap) {
    this.snap = java.util.Objects.requireNonNull(snap, "snap");
    this.keywords = KeywordIndex.of(snap);
    this.stats = termStats(snap);
  }

  /** Views of the live index's current snapshot. */
  public static IndexViews over(LiveIndex index) {
    return () -> {
      try {
        return index.view();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the index", e);
      }
    };
  }

  /** Document frequencies of stemmed words over the snapshot's passages. */
  static TermStats termStats(IndexSnapshot snapshot) {
    Map<String, Integer> df = new HashMap<>();
    for (IndexSnapshot.StoredPassage p : snapshot.passages()) {
      Set<String> seen = new HashSet<>();
      for (String t : QueryTerms.tokens(p.passage().text())) {
        if (seen.add(QueryTerms.stem(t))) {
          df.merge(QueryTerms.stem(t), 1, Integer::sum);
        }
      }
    }
    return TermStats.counted(snapshot.passages().size(), df);
  }

  public IndexSnapshot snapshot() {
    return snap;
  }

  @Override
  public int passageCount() {
    return snap.passages().size();
  }

  @Override
  public int articleCount() {
    return snap.articles().size();
  }

  @Override
  public Map<String, org.guizhoubot.index.ArticleMeta> articles() {
    return snap.articles();
  }

  @Override
  public List<Match> nearest(float[] query, int k) {
    List<Match> out = new ArrayList<>();
    for (VectorIndex.Hit h : snap.vectors().search(query, k)) {
      out.add(match(h.position()));
    }
    return out;
  }

  @Override
  public List<Match> keywords(List<String> phrases, int k) {
    List<Match> out = new ArrayList<>();
    for (int pos : keywords.search(phrases, k)) {
      out.add(match(pos));
    }
    return out;
  }

  @Override
  public Map<String, Integer> passagesWith(Collection<String> phrases) {
    return keywords.passagesWith(phrases);
  }

  @Override
  public TermStats termStats(String question) {
    return stats;
  }

  private Match match(int position) {
    IndexSnapshot.StoredPassage sp = snap.passages().get(position);
    return new Match(sp.id(), sp.passage(), snap.articles().get(sp.passage().articleId()),
        snap.vectors().vector(position));
  }
}
