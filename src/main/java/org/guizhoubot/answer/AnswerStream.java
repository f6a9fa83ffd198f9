package org.guizhoubot.answer;

/**
 * Hears an answer while a language model writes it: {@link #shown} gets the text so far that is
 * safe to show (only markers of passages given, no refusal sentinel), each call extending the last.
 * The final {@link Outcome} still comes from the composer; it replaces whatever was shown.
 */
public interface AnswerStream {
  /** Hears nothing; a composer given it answers without streaming. */
  AnswerStream NONE = text -> { };

  /** The answer so far, checked; always longer than, and starting with, the text of the call before. */
  void shown(String text);

  /** The model failed while streaming; the outcome that follows is the offline composer's. */
  default void failed() {}
}
