package org.guizhoubot.conversation;

import java.util.List;
import java.util.Objects;

/** Whether a question was read with the previous turn's context, and how. */
public sealed interface Expansion {
  /** The search text of the question as asked (its English search words for a Chinese question). */
  String asked();

  /** The question stands alone: it is searched as asked. */
  record AsAsked(String asked) implements Expansion {
    public AsAsked {
      Objects.requireNonNull(asked, "asked");
    }
  }

  /**
   * The question refers back: {@code expanded} is {@code asked} followed by the previous turn's
   * names and key terms that it lacks ({@code addedNames}, {@code addedTerms}); both are searched
   * and the rankings fused.
   */
  record Expanded(String asked, String expanded, Trigger trigger, List<String> addedNames, List<String> addedTerms)
      implements Expansion {
    public Expanded {
      Objects.requireNonNull(asked, "asked");
      Objects.requireNonNull(expanded, "expanded");
      Objects.requireNonNull(trigger, "trigger");
      addedNames = List.copyOf(addedNames);
      addedTerms = List.copyOf(addedTerms);
      if (addedNames.isEmpty() && addedTerms.isEmpty()) {
        throw new IllegalArgumentException("an expansion adds at least one word to '" + asked + "'");
      }
    }

    /** The names, then the terms, added to the question. */
    public List<String> added() {
      List<String> all = new java.util.ArrayList<>(addedNames);
      all.addAll(addedTerms);
      return all;
    }

    /**
     * {@code text} (the question, or its reading) with only the previous turn's names added, comma
     * separated so they stay apart: what the answer must be about.
     */
    public String withNames(String text) {
      if (addedNames.isEmpty()) {
        return text;
      }
      if (trigger == Trigger.REFERENCE) {
        java.util.regex.Matcher m = REFERRING.matcher(text);
        if (m.find()) {
          String name = addedNames.get(0);
          if (m.group(2) != null) {
            return text.substring(0, m.start()) + "in " + name + text.substring(m.end());
          }
          boolean possessive = m.group(1) != null && POSSESSIVE.contains(m.group(1).toLowerCase(java.util.Locale.ROOT));
          return text.substring(0, m.start()) + name + (possessive ? "'s" : "") + text.substring(m.end());
        }
      }
      return text.strip() + " " + String.join(", ", addedNames);
    }

    /**
     * The first word or phrase that refers back: a pronoun, "this/that/the" before a noun, or
     * "there" at the end of a clause (built there), not in "there is" or "are there".
     */
    private static final java.util.regex.Pattern REFERRING = java.util.regex.Pattern.compile(
        "(?i)\\b(?:(it|its|he|him|his|she|her|they|them|their)|(?:this|that|these|those) \\p{L}+"
            + "|(?<!\\b(?:is|are|was|were) )(there)(?= *[?.!,]| *$))\\b");
    private static final java.util.Set<String> POSSESSIVE = java.util.Set.of("its", "his", "their");
  }

  /** What showed that a question refers back. */
  enum Trigger {
    /** A pronoun or "that company", and no name of its own. */
    REFERENCE,
    /** Starts like a continuation: "and ...", "what about ...", or in Chinese ends in 呢. */
    CONTINUATION,
    /** Too short to stand alone, with no name of its own. */
    SHORT
  }
}
