package org.guizhoubot.sqlite;

import java.util.List;
import java.util.Map;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.Passage;

/**
 * An immutable, in-memory view of one committed state of the index: article metadata, passage
 * texts and spans, and their vectors. Readers keep using a snapshot while a reindex builds the
 * next one.
 */
public final class IndexSnapshot {
  private final Map<String, ArticleMeta> articles;
  private final List<StoredPassage> passages;
  private final VectorIndex vectors;

  public IndexSnapshot(Map<String, ArticleMeta> articles, List<StoredPassage> passages, VectorIndex vectors) {
    if (vectors.size() != passages.size()) {
      throw new IllegalArgumentException(
          "vectors (" + vectors.size() + ") and passages (" + passages.size() + ") differ in number");
    }
    this.articles = Map.copyOf(articles);
    this.passages = List.copyOf(passages);
    this.vectors = vectors;
  }

  public Map<String, ArticleMeta> articles() {
    return articles;
  }

  public List<StoredPassage> passages() {
    return passages;
  }

  public VectorIndex vectors() {
    return vectors;
  }

  public boolean isEmpty() {
    return passages.isEmpty();
  }

  /** A passage as stored: its database id and the passage itself. */
  public record StoredPassage(long id, Passage passage) {}
}
