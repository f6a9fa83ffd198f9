package org.guizhoubot.corpus;

import java.util.Objects;

/**
 * One news article as read from the corpus: its id (the file name without extension), its
 * metadata and its cleaned body text. Optional metadata is {@code null} when unknown.
 */
public record Article(
    String id, String title, String source, String published, String url, String category, String body) {

  public Article {
    ArticleIds.requireSafe(id);
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    if (title.isBlank()) {
      throw new IllegalArgumentException("title of article '" + id + "' is blank");
    }
    if (body.isBlank()) {
      throw new IllegalArgumentException("body of article '" + id + "' is empty");
    }
    source = blankToNull(source);
    published = blankToNull(published);
    url = blankToNull(url);
    category = blankToNull(category);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
