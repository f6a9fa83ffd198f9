package org.guizhoubot.language;

import java.util.List;
import java.util.Objects;
import org.guizhoubot.text.QueryTerms;

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

  /**
   * One piece of the question and its English; {@code used} is false when left out of the query.
   * {@code senses} are the dictionary's other renderings the articles use, {@code english} first.
   */
  public record Rendering(String chinese, String english, How how, boolean used, List<String> senses) {
    public Rendering {
      Objects.requireNonNull(chinese, "chinese");
      Objects.requireNonNull(english, "english");
      Objects.requireNonNull(how, "how");
      senses = List.copyOf(senses);
    }

    public Rendering(String chinese, String english, How how, boolean used) {
      this(chinese, english, how, used, List.of(english));
    }
  }

  /**
   * The query with each word in the sense the evidence uses: for every rendering, the first sense
   * whose words all occur in it ({@code inEvidence}), else the first with any, else its English;
   * ending in a question mark when the Chinese did, as the composer weighs that in.
   */
  public String fittedTo(java.util.function.Predicate<String> inEvidence) {
    java.util.Set<String> words = new java.util.LinkedHashSet<>();
    renderings.stream().filter(r -> r.used() && r.how() == How.QUESTION_WORD).findFirst()
        .ifPresent(r -> words.add(r.english()));
    for (Rendering r : renderings) {
      if (!r.used() || r.how() == How.QUESTION_WORD) {
        continue;
      }
      String chosen = r.senses().stream().filter(s -> allIn(s, inEvidence)).findFirst()
          .or(() -> r.senses().stream().filter(s -> anyIn(s, inEvidence)).findFirst())
          .orElse(r.english());
      words.add(chosen);
    }
    String chosen = String.join(" ", words);
    return asksAQuestion() ? chosen + "?" : chosen;
  }

  private boolean asksAQuestion() {
    String c = chinese.strip();
    return c.endsWith("？") || c.endsWith("?");
  }

  private static boolean allIn(String sense, java.util.function.Predicate<String> in) {
    List<String> terms = QueryTerms.contentTerms(sense);
    return !terms.isEmpty() && terms.stream().allMatch(in);
  }

  private static boolean anyIn(String sense, java.util.function.Predicate<String> in) {
    return QueryTerms.contentTerms(sense).stream().anyMatch(in);
  }

  /** How a piece was rendered. */
  public enum How { GLOSS, NAME, NUMBER, QUESTION_WORD, LATIN }
}
