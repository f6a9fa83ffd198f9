package org.guizhoubot.retrieval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.guizhoubot.index.IndexSnapshot;
import org.guizhoubot.index.LiveIndex;
import org.guizhoubot.index.VectorIndex;

/** The SQLite index's view: one in-memory snapshot, with its keyword index and term statistics. */
public final class SnapshotView implements IndexView {
  private final IndexSnapshot snap;

  public SnapshotView(IndexSnapshot snap) {
    this.snap = java.util.Objects.requireNonNull(snap, "snap");
  }

  /** Views of the live index's current snapshot. */
  public static IndexViews over(LiveIndex index) {
    return () -> {
      try {
        return new SnapshotView(index.current());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the index", e);
      }
    };
  }

  /**
   * Builds what retrieval derives from a snapshot (term statistics, the keyword index) once, so that
   * the first question after a reindex does not pay for it.
   */
  public static void prepare(IndexSnapshot snap) {
    snap.derived(KeywordIndex.class, KeywordIndex::of);
    snap.derived(TermStats.class, TermStats::of);
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
    for (int pos : keywordIndex().search(phrases, k)) {
      out.add(match(pos));
    }
    return out;
  }

  @Override
  public Map<String, Integer> passagesWith(Collection<String> phrases) {
    return keywordIndex().passagesWith(phrases);
  }

  @Override
  public TermStats termStats(String question) {
    return snap.derived(TermStats.class, TermStats::of);
  }

  private KeywordIndex keywordIndex() {
    return snap.derived(KeywordIndex.class, KeywordIndex::of);
  }

  private Match match(int position) {
    IndexSnapshot.StoredPassage sp = snap.passages().get(position);
    return new Match(sp.id(), sp.passage(), snap.articles().get(sp.passage().articleId()),
        snap.vectors().vector(position));
  }
}
