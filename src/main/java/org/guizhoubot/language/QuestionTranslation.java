package org.guizhoubot.language;

import java.util.Optional;

/**
 * An English question for a Chinese one from a translation service (a language model); empty when
 * the service has none in time, and the dictionary's English search words are used instead.
 */
@FunctionalInterface
public interface QuestionTranslation {
  /** No service: every Chinese question is read through the dictionary. */
  QuestionTranslation NONE = chinese -> Optional.empty();

  Optional<String> english(String chinese);
}
