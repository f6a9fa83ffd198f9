package org.guizhoubot.answer;

import java.util.Objects;
import org.guizhoubot.conversation.Expansion;
import org.guizhoubot.language.Language;

/**
 * How a question was read before searching: its language, the text searched (the English search
 * words of a Chinese question) and whether the conversation's previous turn expanded it.
 */
public record Reading(Language language, String searchText, Expansion expansion) {
  public Reading {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(searchText, "searchText");
    Objects.requireNonNull(expansion, "expansion");
  }

  /** An English question searched as asked. */
  public static Reading asAsked(String question) {
    return new Reading(Language.ENGLISH, question, new Expansion.AsAsked(question));
  }

  /** The text the composer weighs: the expanded text when the question was expanded. */
  public String composedText() {
    return expansion instanceof Expansion.Expanded e ? e.expanded() : searchText;
  }
}
