package org.guizhoubot.answer;

import java.util.regex.Pattern;

/**
 * A question as the answerer reads it: stripped, without invisible characters that change nothing
 * a reader sees (zero-width ones, bidirectional controls), so a question wrapped in them is read as
 * the same question without them.
 */
public final class QuestionText {
  /**
   * Zero-width characters (U+200B to U+200D, U+2060, U+FEFF), marks of direction (U+200E, U+200F)
   * and bidirectional embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069).
   */
  private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200F\\u2060\\uFEFF\\u202A-\\u202E\\u2066-\\u2069]+");

  private QuestionText() {}

  /** The question without invisible characters, stripped; empty for null. */
  public static String clean(String question) {
    return question == null ? "" : INVISIBLE.matcher(question).replaceAll("").strip();
  }

  /** At most the first {@code max} characters of {@code text}, never ending in half a surrogate pair. */
  public static String head(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
    return text.substring(0, end);
  }
}
