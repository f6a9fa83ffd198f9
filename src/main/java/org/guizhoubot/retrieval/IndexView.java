package org.guizhoubot.retrieval;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.Passage;

/**
 * One version of the index that a question reads throughout: BM25 and vector search, the passages
 * they find with their vectors and articles, and term statistics. The SQLite index serves an
 * in-memory snapshot; Solr serves one concrete collection, resolved from its alias once per view.
 */
public interface IndexView {
  /** Passages in this version. */
  int passageCount();

  /** Articles in this version. */
  int articleCount();

  /** Every article of this version by id (for listings; may read the whole index). */
  Map<String, ArticleMeta> articles();

  /** The {@code k} passages nearest to a unit query vector, nearest first. */
  List<Match> nearest(float[] query, int k);

  /**
   * The best {@code k} passages by BM25 for any of the phrases (query terms as typed, stemmed as the
   * index stems), best first, ties in {@link Match#ORDER}.
   */
  List<Match> keywords(List<String> phrases, int k);

  /** For each phrase, the number of passages holding it in text or title. */
  Map<String, Integer> passagesWith(Collection<String> phrases);

  /**
   * Document frequencies of stemmed words in this version; those of the question's words are at
   * hand, others may be looked up when asked.
   */
  TermStats termStats(String question);

  /** A passage found, with its index id, article and vector. */
  record Match(long id, Passage passage, ArticleMeta article, float[] vector) {
    /** The order of passages in an index: by article id, then by position in the article. */
    public static final Comparator<Match> ORDER = Comparator
        .comparing((Match m) -> m.passage().articleId())
        .thenComparingInt(m -> m.passage().ordinal());

    public Match {
      Objects.requireNonNull(passage, "passage");
      Objects.requireNonNull(article, "article");
      Objects.requireNonNull(vector, "vector");
    }

    /** The passage's place in the index: its article and ordinal. */
    public Key key() {
      return new Key(passage.articleId(), passage.ordinal());
    }
  }

  /** A passage's identity in every implementation. */
  record Key(String articleId, int ordinal) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = articleId.compareTo(o.articleId);
      return c != 0 ? c : Integer.compare(ordinal, o.ordinal);
    }
  }
}
