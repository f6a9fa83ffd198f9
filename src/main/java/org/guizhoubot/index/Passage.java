package org.guizhoubot.index;

import java.util.Objects;
import org.guizhoubot.corpus.ArticleIds;

/**
 * A run of whole sentences from one article, small enough for the embedding model to see whole.
 * {@code start} and {@code end} are character offsets into the article body.
 */
public record Passage(String articleId, int ordinal, int start, int end, String text, int wordPieces) {
  public Passage {
    ArticleIds.requireSafe(articleId);
    Objects.requireNonNull(text, "text");
    if (ordinal < 0) {
      throw new IllegalArgumentException("ordinal must be >= 0, was " + ordinal);
    }
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("span [" + start + ", " + end + ") is not a valid span");
    }
  }
}
