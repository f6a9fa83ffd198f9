package org.guizhoubot.retrieval;

import java.util.Objects;
import org.guizhoubot.index.ArticleMeta;
import org.guizhoubot.index.Passage;

/**
 * A passage retrieved for a question with its article's metadata and its scores: the fused
 * score that ranks it, its cosine similarity to the question, and its 1-based rank in the vector
 * and BM25 lists (0 when absent from that list).
 */
public record RetrievedPassage(
    long passageId, Passage passage, ArticleMeta article, double score, double cosine,
    int vectorRank, int bm25Rank) {
  public RetrievedPassage {
    Objects.requireNonNull(passage, "passage");
    Objects.requireNonNull(article, "article");
    if (!passage.articleId().equals(article.id())) {
      throw new IllegalArgumentException("passage of article '" + passage.articleId()
          + "' given with metadata of article '" + article.id() + "'");
    }
  }
}
