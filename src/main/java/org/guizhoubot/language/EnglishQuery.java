package org.guizhoubot.language;

import java.util.List;
import java.util.Objects;

/**
 * A Chinese question turned into English search words: {@code english} is what is searched, and
 * {@code renderings} says how each piece of the question became it.
 */
public record EnglishQuery(String chinese, String english, List<Rendering> renderings) {
  public EnglishQuery {
    Objects.requireNonNull(chinese, "chinese");
    Objects.requireNonNull(english, "english");
    renderings = List.copyOf(renderings);
  }

  /** One piece of the question and its English; {@code used} is false when left out of the query. */
  public record Rendering(String chinese, String english, How how, boolean used) {
    public Rendering {
      Objects.requireNonNull(chinese, "chinese");
      Objects.requireNonNull(english, "english");
      Objects.requireNonNull(how, "how");
    }
  }

  /** How a piece was rendered. */
  public enum How { GLOSS, NAME, NUMBER, QUESTION_WORD, LATIN }
}
