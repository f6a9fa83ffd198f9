package org.guizhoubot.answer;

import java.util.Objects;
import org.guizhoubot.conversation.Expansion;
import org.guizhoubot.language.Language;

/**
 * How a question was read: its language, the text searched (the English search words of a Chinese
 * question), whether the conversation's previous turn expanded it, and the text the composer
 * weighed the evidence against.
 */
public record Reading(Language language, String searchText, Expansion expansion, String composedText) {
  public Reading {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(searchText, "searchText");
    Objects.requireNonNull(expansion, "expansion");
    Objects.requireNonNull(composedText, "composedText");
  }

  /** An English question searched as asked. */
  public static Reading asAsked(String question) {
    return new Reading(Language.ENGLISH, question, new Expansion.AsAsked(question), question);
  }

  public Reading withComposedText(String text) {
    return new Reading(language, searchText, expansion, text);
  }
}
