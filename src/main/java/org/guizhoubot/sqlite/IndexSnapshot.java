package org.guizhoubot.sqlite;

import java.util.HashMap;
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
  private final Map<Long, Integer> positionById;
  private final VectorIndex vectors;

  public IndexSnapshot(Map<String, ArticleMeta> articles, List<StoredPassage> passages, VectorIndex vectors) {
    if (vectors.size() != passages.size()) {
      throw new IllegalArgumentException(
          "vectors (" + vectors.size() + ") and passages (" + passages.size() + ") differ in number");
    }
    this.articles = Map.copyOf(articles);
    this.passages = List.copyOf(passages);
    this.vectors = vectors;
    Map<Long, Integer> byId = new HashMap<>(passages.size() * 2);
    for (int i = 0; i < passages.size(); i++) {
      byId.put(passages.get(i).id(), i);
    }
    this.positionById = byId;
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

  /** The position of a passage id in this snapshot, or -1 when this snapshot lacks it. */
  public int positionOf(long passageId) {
    Integer p = positionById.get(passageId);
    return p == null ? -1 : p;
  }

  public boolean isEmpty() {
    return passages.isEmpty();
  }

  /** A passage as stored: its database id and the passage itself. */
  public record StoredPassage(long id, Passage passage) {}
}
