package org.guizhoubot.answer;

import java.util.Objects;
import org.guizhoubot.conversation.Expansion;
import org.guizhoubot.language.Language;

/**
 * How a question was read: its language, the text searched (the English of a Chinese question),
 * whether the conversation's previous turn expanded it, the text the composer answered from, and
 * where the English of a Chinese question came from.
 */
public record Reading(Language language, Expansion expansion, String composedText, Translation translation) {
  public Reading {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(expansion, "expansion");
    Objects.requireNonNull(composedText, "composedText");
    Objects.requireNonNull(translation, "translation");
  }

  /** The text searched as asked: the question, or the English of a Chinese one. */
  public String searchText() {
    return expansion.asked();
  }

  /** Where the English of a question came from. */
  public enum Translation {
    /** Asked in English. */
    NONE,
    /** Search words through CC-CEDICT. */
    DICTIONARY,
    /** A question written by the LLM. */
    LLM
  }

  /** An English question searched as asked. */
  public static Reading asAsked(String question) {
    return new Reading(Language.ENGLISH, new Expansion.AsAsked(question), question, Translation.NONE);
  }

  public Reading withComposedText(String text) {
    return new Reading(language, expansion, text, translation);
  }
}
