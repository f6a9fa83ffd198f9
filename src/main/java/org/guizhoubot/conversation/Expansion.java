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
   * names and key terms that it lacks ({@code added}); both are searched and the rankings fused.
   */
  record Expanded(String asked, String expanded, Trigger trigger, List<String> added) implements Expansion {
    public Expanded {
      Objects.requireNonNull(asked, "asked");
      Objects.requireNonNull(expanded, "expanded");
      Objects.requireNonNull(trigger, "trigger");
      added = List.copyOf(added);
      if (added.isEmpty()) {
        throw new IllegalArgumentException("an expansion adds at least one word to '" + asked + "'");
      }
    }
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
