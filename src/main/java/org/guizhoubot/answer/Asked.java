package org.guizhoubot.answer;

import java.util.List;
import java.util.Objects;
import org.guizhoubot.language.Language;

/**
 * A question as a composer gets it: the text as asked, its language, the English readings to weigh
 * the evidence against, the most specific first (a follow-up with the previous turn's name in place
 * of its pronoun, then as asked), the conversation's earlier questions, oldest first, and whether
 * the readings are key words rather than sentences (a Chinese question through the dictionary).
 */
public record Asked(String text, Language language, List<String> readings, List<String> earlier, boolean keywords) {
  public Asked {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    readings = List.copyOf(readings);
    earlier = List.copyOf(earlier);
    if (readings.isEmpty()) {
      throw new IllegalArgumentException("readings must hold at least one reading of '" + text + "'");
    }
  }

  /** An English question read only as asked. */
  public static Asked english(String question) {
    return new Asked(question, Language.ENGLISH, List.of(question), List.of(), false);
  }

  /** The most specific reading. */
  public String reading() {
    return readings.get(0);
  }
}
