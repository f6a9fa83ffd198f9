package org.guizhoubot.index;

import java.util.List;

/** Articles to remove from the index and articles to insert or replace, with their vectors. */
public record IndexChange(List<String> removed, List<Upsert> upserts) {
  public IndexChange {
    removed = List.copyOf(removed);
    upserts = List.copyOf(upserts);
  }

  /** One article's new state: metadata, the file it came from, passages and their vectors. */
  public record Upsert(ArticleMeta meta, String fileName, List<Passage> passages, List<float[]> vectors) {
    public Upsert {
      passages = List.copyOf(passages);
      vectors = List.copyOf(vectors);
      if (passages.size() != vectors.size()) {
        throw new IllegalArgumentException("article " + meta.id() + " has " + passages.size()
            + " passages but " + vectors.size() + " vectors");
      }
    }
  }
}
