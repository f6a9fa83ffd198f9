package org.guizhoubot.answer.decision;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guizhoubot.text.QueryTerms;

/**
 * An English question cut down the way the dictionary reads a Chinese one: the question word
 * first, then the content words in order (names keep their capitals), no grammatical words, and
 * the question mark when there was one. "When was the Guian New Area established?" becomes "when
 * Guian New Area established?". Training rows in this form teach the decision on such readings.
 */
public final class KeywordReading {
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.,-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
  private static final Pattern QUESTION_WORD = Pattern.compile(
      "(?i)\\b(how (?:many|much|long|large|far|high|old)|(?:which|what) year|who|whom|whose|when|where|which|what|why|how)\\b");

  private KeywordReading() {}

  public static String of(String question) {
    String q = question.strip();
    Set<String> words = new LinkedHashSet<>();
    Matcher wh = QUESTION_WORD.matcher(q);
    String asked = null;
    if (wh.find()) {
      asked = wh.group(1).toLowerCase(Locale.ROOT).replace("what year", "which year").replace("whom", "who")
          .replace("whose", "who");
      words.add(asked);
    }
    Set<String> questionWords = asked == null ? Set.of() : Set.of(asked.split(" "));
    Matcher m = WORD.matcher(q);
    while (m.find()) {
      String w = m.group().replaceAll("[’']s$", "").replaceAll("[.,]+$", "");
      String lower = w.toLowerCase(Locale.ROOT);
      if (w.isEmpty() || QueryTerms.STOP_WORDS.contains(lower) || questionWords.contains(lower)
          || QUESTION_WORD.matcher(lower).matches()) {
        continue;
      }
      boolean name = Character.isUpperCase(w.charAt(0)) && m.start() > 0;
      words.add(name ? w : lower);
    }
    String reading = String.join(" ", words);
    return q.endsWith("?") ? reading + "?" : reading;
  }
}
