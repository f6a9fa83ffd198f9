package org.guizhoubot.index;

import org.guizhoubot.corpus.ArticleIds;

/** What the index keeps about an article: the metadata a citation shows, and its content hash. */
public record ArticleMeta(
    String id, String title, String source, String published, String url, String category,
    String contentHash, int passageCount) {
  public ArticleMeta {
    ArticleIds.requireSafe(id);
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("title of article '" + id + "' is blank");
    }
  }
}
