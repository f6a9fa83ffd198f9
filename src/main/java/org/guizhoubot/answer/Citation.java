package org.guizhoubot.answer;

import java.util.Objects;

/**
 * A numbered source of an answer: marker {@code n} in the text points to this article and the
 * passage the cited sentences came from. Optional fields are null when unknown.
 */
public record Citation(
    int n, String articleId, String title, String source, String published, String url, String passage) {
  public Citation {
    if (n < 1) {
      throw new IllegalArgumentException("marker number n must be >= 1, was " + n);
    }
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(passage, "passage");
  }

  /** {@code [n] Title, Source, date published} and the link when there is one. */
  public String sourceLine() {
    StringBuilder s = new StringBuilder("[").append(n).append("] ").append(title);
    if (source != null) {
      s.append(", ").append(source);
    }
    if (published != null) {
      s.append(", ").append(org.guizhoubot.corpus.PublishedDates.calendarDate(published));
    }
    if (url != null) {
      s.append(" ").append(url);
    }
    return s.toString();
  }
}
