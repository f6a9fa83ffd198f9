package org.guizhoubot.language;

import java.util.Objects;

/** One piece of a segmented Chinese text. */
public record Segment(String text, Kind kind) {
  /** What a segment is. */
  public enum Kind {
    /** A dictionary headword. */
    WORD,
    /** A Han character the dictionary does not hold on its own. */
    UNKNOWN,
    /** Arabic or Chinese numerals, possibly with a 万/亿 multiplier. */
    NUMBER,
    /** A run of Latin letters and digits, such as IBM or 5G. */
    LATIN,
    /** Punctuation and anything else that carries no word. */
    OTHER
  }

  public Segment {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(kind, "kind");
    if (text.isEmpty()) {
      throw new IllegalArgumentException("a segment needs text");
    }
  }
}
